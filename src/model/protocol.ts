import { z } from "zod";

export const Protocol = z.enum(["tcp", "udp"]);
export type Protocol = z.infer<typeof Protocol>;

/** `ingress` exists for one thing in Agora's tables: the recording SDK's simplex downstream ports. */
export const Direction = z.enum(["egress", "ingress"]);
export type Direction = z.infer<typeof Direction>;
