import { PortRange, mergePortRanges } from "../../model";

/** The ports of `a` that are not in `b`, merged. */
export function subtractPorts(a: readonly PortRange[], b: readonly PortRange[]): PortRange[] {
  let out = mergePortRanges(a);
  for (const x of mergePortRanges(b)) {
    out = out.flatMap((r) => {
      if (r.to < x.from || r.from > x.to) return [r];
      return [
        ...(r.from < x.from ? [{ from: r.from, to: x.from - 1 }] : []),
        ...(r.to > x.to ? [{ from: x.to + 1, to: r.to }] : []),
      ];
    });
  }
  return out;
}

/** The ports in both `a` and `b`, merged. */
export function intersectPorts(a: readonly PortRange[], b: readonly PortRange[]): PortRange[] {
  return subtractPorts(a, subtractPorts(a, b));
}

export function overlaps(a: PortRange, b: PortRange): boolean {
  return a.from <= b.to && b.from <= a.to;
}
