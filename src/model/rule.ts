import { z } from "zod";
import { Destination } from "./destination";
import { Direction, Protocol } from "./protocol";
import { PortRange } from "./ports";

/** Where a rule came from: which document, which table, which revision of it. */
export const Provenance = z.object({
  /** Short id of the document (e.g. `SEED-FW`), stable across editions. */
  document: z.string().min(1),
  /** File or address of the document, and its title. */
  file: z.string().min(1),
  title: z.string().min(1),
  /** The table or section, in the document's own words. */
  table: z.string().min(1),
  /** The row within the table, when the table has several. */
  row: z.string().optional(),
  /** The document's revision date (`updatedAt`), ISO date. */
  revision: z.string().min(1),
  /** False for facts that come from outside the two seed documents (agora-facts.md). */
  seed: z.boolean(),
  /** Citation into agora-facts.md, e.g. `[EXT:S4] 3.3`. */
  citation: z.string().optional(),
});
export type Provenance = z.infer<typeof Provenance>;

/**
 * One allow rule of the shared model: traffic of `protocol` in `direction` between the
 * workload and `destination`, on `ports` (the remote port for egress, the local port for
 * ingress), optionally only from `sourcePorts` (the workload's local ports).
 */
export interface Rule {
  readonly sdk: string;
  readonly direction: Direction;
  readonly protocol: Protocol;
  readonly destination: Destination;
  readonly ports: readonly PortRange[];
  /** Undefined means any source port. */
  readonly sourcePorts?: readonly PortRange[];
  readonly purpose?: string;
  readonly provenance: readonly Provenance[];
  /**
   * Set when the rule deliberately reaches a network wider than any Agora list has (an
   * ingress from any address, a custom rule marked `broad`): why. Every target that renders
   * the rule reports it as a widening with this reason, so it is never open silently.
   */
  readonly broadReason?: string;
}

export function provenanceKey(p: Provenance): string {
  return [p.document, p.revision, p.table, p.row ?? ""].join("|");
}

/** A one-line citation: `Firewall Requirements (2020-05-25), Agora RTC SDK / Native SDK, UDP`. */
export function formatProvenance(p: Provenance): string {
  const where = p.row ? `${p.table}, ${p.row}` : p.table;
  const outside = p.seed ? "" : ` [outside the seeds${p.citation ? `: agora-facts.md ${p.citation}` : ""}]`;
  return `${p.title} (${p.revision}), ${where}${outside}`;
}
