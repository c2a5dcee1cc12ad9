import { z } from "zod";
import { InputError, quote } from "../model";
import { DEFAULT_EDITION, PROXY_MODES } from "../catalog";

export const Access = z.enum(["direct", "cloud-proxy"]);
export type Access = z.infer<typeof Access>;
export const Environment = z.enum(["test", "production"]);
export type Environment = z.infer<typeof Environment>;

export const ProxyModeSchema = z.enum(PROXY_MODES, { error: `expected a proxy mode: ${PROXY_MODES.join(" or ")}` });

// Unions report a bare "Invalid input" unless told what was expected.
const PortSpec = z.union([z.string(), z.number()], { error: "expected a port or port range, e.g. 8000 or \"4000-4030\"" });

/** A row of the customer's production endpoint list: the same shape as Agora's test table. */
export const EndpointInput = z.object({
  protocol: z.enum(["tcp", "udp"]),
  addresses: z.array(z.string()).min(1, "list at least one address"),
  ports: z.array(PortSpec).min(1, "list at least one port"),
  purpose: z.string().max(200).optional(),
  /** Only these SDKs use the row; default: every SDK that goes through the cloud proxy. */
  sdks: z.array(z.string()).min(1).optional(),
}).strict();
export type EndpointInput = z.infer<typeof EndpointInput>;

export const ProductionProxy = z.object({
  endpoints: z.array(EndpointInput).min(1, "list at least one production endpoint"),
  /** The addresses handed to the SDK for proxy_type 2 (the IP-list form). */
  proxyServers: z.array(z.string()).min(1).optional(),
}).strict();
export type ProductionProxy = z.infer<typeof ProductionProxy>;

export const RecordingPorts = z.object({
  low: z.number().int(),
  high: z.number().int(),
  /** How many channels are recorded at once; each needs 4 simplex downstream ports. */
  expectedChannels: z.number().int().positive().optional(),
  /**
   * The addresses Agora's media arrives from (CIDRs, no wider than /16), so the ingress rule
   * admits only them. Without it, direct access admits any address (reported as a widening);
   * through the cloud proxy the sources are always the proxy endpoints.
   */
  sources: z.array(z.string()).min(1, "list at least one source address").optional(),
}).strict();
export type RecordingPorts = z.infer<typeof RecordingPorts>;

export const CustomRule = z.object({
  direction: z.enum(["egress", "ingress"]).default("egress"),
  protocol: z.enum(["tcp", "udp"]),
  ports: z.array(PortSpec).min(1, "list at least one port"),
  destinations: z.array(z.string()).min(1, "list at least one destination"),
  sourcePorts: z.array(PortSpec).min(1).optional(),
  purpose: z.string().max(200).optional(),
  /**
   * The rule reaches a network wider than /16 on purpose (your own STUN or NTP servers, say).
   * Without it such a destination is refused; with it, every target reports the rule as a widening.
   */
  broad: z.boolean().optional(),
}).strict();
export type CustomRule = z.infer<typeof CustomRule>;

export const SdkSpec = z.union([
  z.string(),
  z.object({ id: z.string(), version: z.string().optional() }).strict(),
], { error: "expected an SDK id such as \"rtc-web@2.8.0\" or { id, version }" });

/** What the user asks for: the input of `resolve`, of the CLI flags and of the stack config. */
export const Selection = z.object({
  sdks: z.array(SdkSpec).default([]),
  access: Access.default("direct"),
  environment: Environment.default("test"),
  /** rtc.proxy_server proxy_type: 1 = domain (Agora's recommendation), 2 = IP list. */
  proxyType: z.union([z.literal(1), z.literal(2)], { error: "proxyType must be 1 (cloud-proxy domain) or 2 (IP list)" }).default(1),
  productionProxy: ProductionProxy.optional(),
  /**
   * With access cloud-proxy: SDKs that reach Agora directly, through their firewall whitelist,
   * instead. An SDK without a cloud proxy in the edition must be named here; nothing falls
   * back to direct access on its own.
   */
  directSdks: z.array(z.string()).min(1, "list at least one SDK id").optional(),
  recordingPorts: RecordingPorts.optional(),
  customRules: z.array(CustomRule).default([]),
  /** Catalogue edition; default the newest. Stacks pin theirs so a package upgrade never changes their output. */
  edition: z.string().default(DEFAULT_EDITION),
  /**
   * Cloud-proxy mode where the edition publishes an allowed IP list per mode (2026-02):
   * `force-udp` or `force-tcp`. Required for the Native SDK there; the Web SDK defaults to Force UDP (mode 3).
   */
  proxyMode: ProxyModeSchema.optional(),
  /**
   * Cloud-proxy regions ("restricted media zones"): only their addresses are allowed. Default:
   * every region, as Agora advises when the region is not known.
   */
  regions: z.array(z.string()).min(1, "list at least one region, or leave regions out for all").optional(),
  /** The Native SDK's domainLimit option (2026-02): direct access through Agora's domain allowlist. */
  domainLimit: z.boolean().optional(),
}).strict();
export type SelectionInput = z.input<typeof Selection>;
export type Selection = z.output<typeof Selection>;

export interface SdkChoice {
  readonly id: string;
  readonly version?: string;
}

/** `rtc-web@2.8.0` → { id: "rtc-web", version: "2.8.0" }. */
export function parseSdkSpec(spec: z.infer<typeof SdkSpec>, field: string): SdkChoice {
  if (typeof spec !== "string") return spec.version === undefined ? { id: spec.id } : { id: spec.id, version: spec.version };
  const at = spec.indexOf("@");
  if (at === -1) return { id: spec.trim() };
  const id = spec.slice(0, at).trim();
  const version = spec.slice(at + 1).trim();
  if (version === "") throw new InputError(field, `${quote(spec)} has an empty version after @`);
  return { id, version };
}
