import { Grant, PortRange, RuleSet, formatDestination, formatPortRange, grants, mergePortRanges, portRangesKey } from "../model";

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

/** Ports in `a` that are not in `b`. */
function subtract(a: readonly PortRange[], b: readonly PortRange[]): PortRange[] {
  let rest = mergePortRanges(a);
  for (const cut of mergePortRanges(b)) {
    rest = rest.flatMap((r) => {
      if (cut.to < r.from || cut.from > r.to) return [r];
      const out: PortRange[] = [];
      if (cut.from > r.from) out.push({ from: r.from, to: cut.from - 1 });
      if (cut.to < r.to) out.push({ from: cut.to + 1, to: r.to });
      return out;
    });
  }
  return rest;
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
  for (const [k, g] of a) emit("removed", g, subtract(g.ports, b.get(k)?.ports ?? []));
  for (const [k, g] of b) emit("added", g, subtract(g.ports, a.get(k)?.ports ?? []));
  return out;
}
