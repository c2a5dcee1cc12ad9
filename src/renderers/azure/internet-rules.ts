import { mergePortRanges, portRangesKey } from "../../model";
import { Block, Fact } from "./blocks";
import { joinName, portsPart } from "./profile-names";

/** A rule to the `Internet` service tag and its name. */
export interface InternetRule {
  readonly name: string;
  readonly block: Block;
}

/**
 * The rules that carry widened domain flows: ONE per direction, protocol and source-port
 * constraint, whose ports are the union of every domain flow of that kind, whatever its SDK.
 *
 * Names come from that key alone (`agora-out-tcp-internet`,
 * `agora-out-udp-internet-from-4000-4030`), never from the ports or the SDKs, so selecting
 * more or fewer SDKs only updates a rule's `destinationPortRanges` in place: no rule is
 * renamed, none is created before another is deleted at the same priority, and the rule
 * count stays minimal (about one per protocol). A source-constrained rule is kept even where
 * an unconstrained one covers its ports: dropping it would make its existence, hence a
 * create or delete, depend on the other SDKs selected.
 *
 * Exact with respect to the widening: the rule admits `p → Internet` for each port `p` of a
 * domain flow of its kind, and each such flow is reported (`… as <ports> → Internet`).
 */
export function internetRules(prefix: string, facts: readonly Fact[], maxLength: number): InternetRule[] {
  const groups = new Map<string, Fact[]>();
  for (const f of facts) {
    const key = [f.direction, f.protocol, portRangesKey(f.sourcePorts)].join("|");
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return [...groups.values()].map((g) => {
    const { direction, protocol, address } = g[0];
    const sourcePorts = g[0].sourcePorts ? mergePortRanges(g[0].sourcePorts) : undefined;
    const name = joinName([
      prefix, direction === "egress" ? "out" : "in", protocol, "internet", ...(sourcePorts ? ["from", portsPart(sourcePorts)] : []),
    ], maxLength);
    const block: Block = {
      direction, protocol, addresses: [address],
      ports: mergePortRanges(g.flatMap((f) => f.ports)),
      ...(sourcePorts ? { sourcePorts } : {}),
      sdks: [...new Set(g.map((f) => f.sdk))].sort(),
    };
    return { name, block };
  }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
