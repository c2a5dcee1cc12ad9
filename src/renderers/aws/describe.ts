import { Grant, PortRange, formatDestination, formatPortRange, Rule } from "../../model";

export function formatPorts(ranges: readonly PortRange[], separator = "-"): string {
  return ranges.map((r) => formatPortRange(r, separator)).join(",");
}

/**
 * A model rule in Agora's notation, as `Widening.rule` carries it:
 * `udp 1080,8000 → .agora.io (from source ports 4000-4030)`; ingress uses `←`.
 */
export function describeGrant(g: Pick<Grant, "direction" | "protocol" | "destination" | "ports" | "sourcePorts">): string {
  const arrow = g.direction === "egress" ? "→" : "←";
  const from = g.sourcePorts ? ` (from source ports ${formatPorts(g.sourcePorts)})` : "";
  return `${g.protocol} ${formatPorts(g.ports)} ${arrow} ${formatDestination(g.destination)}${from}`;
}

/** What a widened rule admits, in the same notation; `destinations` are CIDRs or `any address`. */
export function describeRendered(
  g: Pick<Grant, "direction" | "protocol">, ports: readonly PortRange[], destinations: readonly string[], sourcePorts?: readonly PortRange[],
): string {
  const arrow = g.direction === "egress" ? "→" : "←";
  const from = sourcePorts ? ` (from source ports ${formatPorts(sourcePorts)})` : "";
  return `${g.protocol} ${formatPorts(ports)} ${arrow} ${destinations.join(", ")}${from}`;
}

/** Who needs a set of rules, for descriptions: SDKs, purposes and the source documents. */
export function attribution(rules: readonly Rule[]): { sdks: string[]; purposes: string[]; sources: string[] } {
  const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort();
  return {
    sdks: sorted(rules.map((r) => r.sdk)),
    purposes: sorted(rules.flatMap((r) => (r.purpose ? r.purpose.split("; ") : []))),
    sources: sorted(rules.flatMap((r) => r.provenance.map((p) => `${p.title} ${p.revision}`))),
  };
}
