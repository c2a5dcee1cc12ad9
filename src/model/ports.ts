import { InputError, quote } from "./errors";

/** An inclusive port range; a single port has `from === to`. */
export interface PortRange {
  readonly from: number;
  readonly to: number;
}

export const MIN_PORT = 1;
export const MAX_PORT = 65535;
export const ALL_PORTS: PortRange = { from: MIN_PORT, to: MAX_PORT };

function parsePort(text: string, field: string, whole: string): number {
  if (!/^\d{1,5}$/.test(text)) throw new InputError(field, `${quote(whole)} is not a port or port range (use 8000 or 4000-4030)`);
  const port = Number(text);
  if (port < MIN_PORT || port > MAX_PORT) {
    throw new InputError(field, `port ${port} is outside ${MIN_PORT}-${MAX_PORT}`);
  }
  return port;
}

/** Parses `8000`, `4000-4030` (spaces around the dash allowed, as in Agora's tables). */
export function parsePortRange(input: string | number, field = "ports"): PortRange {
  const text = String(input).trim();
  const parts = text.split(/\s*-\s*/);
  if (parts.length > 2 || text === "") {
    throw new InputError(field, `${quote(input)} is not a port or port range (use 8000 or 4000-4030)`);
  }
  const from = parsePort(parts[0], field, text);
  const to = parts.length === 2 ? parsePort(parts[1], field, text) : from;
  if (from > to) throw new InputError(field, `range ${quote(text)} is reversed (write ${to}-${from})`);
  return { from, to };
}

export function formatPortRange(range: PortRange, separator = "-"): string {
  return range.from === range.to ? String(range.from) : `${range.from}${separator}${range.to}`;
}

/** Sorts and merges overlapping or adjacent ranges: [8000, 8001-8010, 9000] → [8000-8010, 9000]. */
export function mergePortRanges(ranges: readonly PortRange[]): PortRange[] {
  const sorted = [...ranges].sort((a, b) => a.from - b.from || a.to - b.to);
  const merged: PortRange[] = [];
  for (const r of sorted) {
    const last = merged[merged.length - 1];
    if (last && r.from <= last.to + 1) {
      if (r.to > last.to) merged[merged.length - 1] = { from: last.from, to: r.to };
    } else {
      merged.push({ from: r.from, to: r.to });
    }
  }
  return merged;
}

export function portInRanges(port: number, ranges: readonly PortRange[]): boolean {
  return ranges.some((r) => port >= r.from && port <= r.to);
}

/** True when every port of `inner` is in `outer`. */
export function rangesCover(outer: readonly PortRange[], inner: readonly PortRange[]): boolean {
  const o = mergePortRanges(outer);
  return inner.every((r) => o.some((x) => x.from <= r.from && r.to <= x.to));
}

export function portCount(ranges: readonly PortRange[]): number {
  return mergePortRanges(ranges).reduce((n, r) => n + r.to - r.from + 1, 0);
}

export function portRangesKey(ranges: readonly PortRange[] | undefined): string {
  return ranges ? mergePortRanges(ranges).map((r) => formatPortRange(r)).join(",") : "any";
}

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
