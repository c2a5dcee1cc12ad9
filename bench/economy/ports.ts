import { MAX_PORT, MIN_PORT, PortRange, mergePortRanges } from "../../src/model";

/** Port-set arithmetic for the bounds (kept here so they do not lean on renderer helpers). */

export const ALL_PORTS: readonly PortRange[] = [{ from: MIN_PORT, to: MAX_PORT }];

export function subtract(a: readonly PortRange[], b: readonly PortRange[]): PortRange[] {
  let out = mergePortRanges(a);
  for (const x of mergePortRanges(b)) {
    out = out.flatMap((r) => (r.to < x.from || r.from > x.to ? [r] : [
      ...(r.from < x.from ? [{ from: r.from, to: x.from - 1 }] : []),
      ...(r.to > x.to ? [{ from: x.to + 1, to: r.to }] : []),
    ]));
  }
  return out;
}

export const intersect = (a: readonly PortRange[], b: readonly PortRange[]) => subtract(a, subtract(a, b));
export const hasPort = (ranges: readonly PortRange[], port: number) => ranges.some((r) => r.from <= port && port <= r.to);
export const within = (range: PortRange, ranges: readonly PortRange[]) => ranges.some((r) => r.from <= range.from && range.to <= r.to);

/** Start of every elementary interval the ranges' boundaries cut 1-65535 into. */
export function atomStarts(sets: readonly (readonly PortRange[])[]): number[] {
  const cuts = new Set<number>([MIN_PORT]);
  for (const set of sets) for (const r of set) {
    cuts.add(r.from);
    if (r.to < MAX_PORT) cuts.add(r.to + 1);
  }
  return [...cuts].sort((a, b) => a - b);
}
