import type { FlowChange } from "./rule-diff";
import { PortRange, Rule, RuleSet, formatDestination, formatPortRange, formatProvenance, portRangesKey, subtractPorts } from "../model";

/** A flow one side allows for an SDK and the other does not, with the sources of the side that has it. */
export interface SdkFlowChange extends Omit<FlowChange, "sdks"> {
  readonly sdk: string;
  /** Where the flow comes from (the catalogue rows of the side that allows it), one line each. */
  readonly provenance: readonly string[];
  /** Set when the rule is broad on purpose (a widening every target reports). */
  readonly broadReason?: string;
}

const key = (r: Rule) => [r.sdk, r.direction, r.protocol, formatDestination(r.destination), portRangesKey(r.sourcePorts)].join(" ");

/**
 * The flows added and removed per SDK between two rule sets (normalised: one rule per SDK,
 * direction, protocol, destination and source ports), each with its provenance. Ordered by SDK,
 * then removed before added, then as the rule sets order their rules.
 */
export function diffFlowsPerSdk(before: RuleSet, after: RuleSet): SdkFlowChange[] {
  const a = new Map(before.rules.map((r) => [key(r), r]));
  const b = new Map(after.rules.map((r) => [key(r), r]));
  const out: SdkFlowChange[] = [];
  const emit = (change: SdkFlowChange["change"], r: Rule, ports: PortRange[]) => {
    if (ports.length === 0) return;
    out.push({
      sdk: r.sdk, change, direction: r.direction, protocol: r.protocol, destination: formatDestination(r.destination),
      ports: ports.map((p) => formatPortRange(p)),
      ...(r.sourcePorts ? { sourcePorts: r.sourcePorts.map((p) => formatPortRange(p)) } : {}),
      provenance: [...new Set(r.provenance.map(formatProvenance))],
      ...(r.broadReason ? { broadReason: r.broadReason } : {}),
    });
  };
  for (const [k, r] of a) emit("removed", r, subtractPorts(r.ports, b.get(k)?.ports ?? []));
  for (const [k, r] of b) emit("added", r, subtractPorts(r.ports, a.get(k)?.ports ?? []));
  const sdks = [...new Set(out.map((c) => c.sdk))].sort();
  return sdks.flatMap((sdk) => [...out.filter((c) => c.sdk === sdk && c.change === "removed"), ...out.filter((c) => c.sdk === sdk && c.change === "added")]);
}
