import { formatDestination } from "./destination";
import { formatPortRange, portRangesKey } from "./ports";
import { Direction, Protocol } from "./protocol";
import { formatProvenance, provenanceKey } from "./rule";
import { RuleSet } from "./ruleset";

/*
 * Allow lines: the rule set as the CLI (`rules`) and the root program (its `rules` output) show
 * it. Pure, so both can use it; not re-exported from the model's index, so the package's API
 * stays as it was.
 */

/**
 * One line of `rules --format jsonl` (the CLI contract in PRODUCT.md): every destination is
 * allowed on every port, so the line is an exact cross product. Keys are in contract order.
 */
export interface AllowLine {
  readonly sdk: string;
  readonly direction: Direction;
  readonly protocol: Protocol;
  /** `"8000"` or `"4000-4030"`, ascending. */
  readonly ports: readonly string[];
  /** Egress rows: Agora's notation, `vocs1.agora.io`, `.agora.io` (and all subdomains), `120.92.118.34/32`. */
  readonly destinations?: readonly string[];
  /** Ingress rows: the remote side the traffic may come from, as CIDRs. */
  readonly sources?: readonly string[];
  /** The workload's local ports, when the rule requires them. */
  readonly sourcePorts?: readonly string[];
  readonly purpose?: string;
  /** Where the rule comes from: document (revision), table, row. */
  readonly source?: string;
}

/** The remote side of a line: its destinations (egress) or its sources (ingress). */
export function remoteSide(line: AllowLine): readonly string[] {
  return line.destinations ?? line.sources ?? [];
}

/**
 * Groups a normalised rule set into allow lines: rules that share SDK, direction, protocol,
 * source ports, purpose and provenance, and have the very same ports, become one line
 * listing their destinations. Order follows the rule set (deterministic).
 */
export function allowLines(ruleSet: RuleSet): AllowLine[] {
  const lines = new Map<string, { line: Omit<AllowLine, "destinations" | "sources">; destinations: string[] }>();
  for (const rule of ruleSet.rules) {
    const key = [
      rule.sdk, rule.direction, rule.protocol, portRangesKey(rule.sourcePorts), rule.purpose ?? "",
      rule.provenance.map(provenanceKey).join("\u0001"), portRangesKey(rule.ports),
    ].join("\u0000");
    const destination = formatDestination(rule.destination);
    const seen = lines.get(key);
    if (seen) {
      seen.destinations.push(destination);
      continue;
    }
    const source = rule.provenance.map(formatProvenance).join("; ");
    lines.set(key, {
      line: {
        sdk: rule.sdk,
        direction: rule.direction,
        protocol: rule.protocol,
        ports: rule.ports.map((r) => formatPortRange(r)),
        ...(rule.sourcePorts ? { sourcePorts: rule.sourcePorts.map((r) => formatPortRange(r)) } : {}),
        ...(rule.purpose ? { purpose: rule.purpose } : {}),
        ...(source ? { source } : {}),
      },
      destinations: [destination],
    });
  }
  return [...lines.values()].map(({ line, destinations }) => ({
    sdk: line.sdk,
    direction: line.direction,
    protocol: line.protocol,
    ports: line.ports,
    ...(line.direction === "ingress" ? { sources: destinations } : { destinations }),
    ...(line.sourcePorts ? { sourcePorts: line.sourcePorts } : {}),
    ...(line.purpose ? { purpose: line.purpose } : {}),
    ...(line.source ? { source: line.source } : {}),
  }));
}
