import { Grant, PortRange, RuleSet, formatDestination, formatPortRange, grants, portRangesKey, subtractPorts } from "../model";

/** A flow family that one side allows and the other does not. */
export interface FlowChange {
  readonly change: "added" | "removed";
  readonly direction: string;
  readonly protocol: string;
  readonly destination: string;
  readonly ports: readonly string[];
  readonly sourcePorts?: readonly string[];
  readonly sdks: readonly string[];
}

function key(g: Grant): string {
  return [g.direction, g.protocol, formatDestination(g.destination), portRangesKey(g.sourcePorts)].join(" ");
}

/** Flows allowed by `after` but not `before` (added) and the reverse (removed), merged across SDKs. */
export function diffRuleSets(before: RuleSet, after: RuleSet): FlowChange[] {
  const a = new Map(grants(before).map((g) => [key(g), g]));
  const b = new Map(grants(after).map((g) => [key(g), g]));
  const out: FlowChange[] = [];
  const emit = (change: FlowChange["change"], g: Grant, ports: PortRange[]) => {
    if (ports.length === 0) return;
    out.push({
      change, direction: g.direction, protocol: g.protocol, destination: formatDestination(g.destination),
      ports: ports.map((p) => formatPortRange(p)),
      ...(g.sourcePorts ? { sourcePorts: g.sourcePorts.map((p) => formatPortRange(p)) } : {}),
      sdks: g.sdks,
    });
  };
  for (const [k, g] of a) emit("removed", g, subtractPorts(g.ports, b.get(k)?.ports ?? []));
  for (const [k, g] of b) emit("added", g, subtractPorts(g.ports, a.get(k)?.ports ?? []));
  return out;
}
