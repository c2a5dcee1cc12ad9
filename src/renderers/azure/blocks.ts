import {
  Direction, PortRange, Protocol, Rule, cidrSortKey, collapseCidrs, mergePortRanges, portRangesKey, rangesCover,
} from "../../model";

/** One SDK's need: a model rule with its destination already rendered for the target (a CIDR or a token such as `Internet`). */
export interface Fact extends Pick<Rule, "sdk" | "direction" | "protocol" | "ports" | "sourcePorts"> {
  readonly address: string;
}

/** Addresses × ports that one augmented rule carries, and the SDKs it serves. */
export interface Block {
  readonly direction: Direction;
  readonly protocol: Protocol;
  readonly sourcePorts?: readonly PortRange[];
  /** CIDRs only, or tokens only (service tags, FQDNs, `*`): targets never mix them in one field. */
  readonly addresses: readonly string[];
  readonly ports: readonly PortRange[];
  readonly sdks: readonly string[];
}

const isCidr = (a: string) => /^\d+\.\d+\.\d+\.\d+\/\d+$/.test(a);
export const addressKind = (a: string) => (isCidr(a) ? "cidr" : "token");

/** A CIDR as its first and last address, as numbers. */
function span(cidr: string): { start: number; end: number } {
  const [addr, bits] = cidr.split("/");
  const start = addr.split(".").reduce((v, o) => v * 256 + Number(o), 0);
  return { start, end: start + 2 ** (32 - Number(bits)) - 1 };
}

/**
 * Does every address of `inner` fall inside `outer`: a CIDR inside one of `outer`'s CIDRs, a
 * token equal to one of its tokens? `outer` is canonical (collapsed CIDRs: disjoint), so a
 * binary search per address answers, where comparing every pair took minutes for thousands.
 */
function addressesCover(outer: readonly string[], inner: readonly string[]): boolean {
  const tokens = new Set(outer.filter((a) => !isCidr(a)));
  const spans = outer.filter(isCidr).map(span).sort((a, b) => a.start - b.start);
  const inSpans = (s: { start: number; end: number }) => {
    let lo = 0, hi = spans.length - 1, found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid].start <= s.start) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return found >= 0 && s.end <= spans[found].end;
  };
  return inner.every((i) => (isCidr(i) ? inSpans(span(i)) : tokens.has(i)));
}

function canonicalAddresses(addresses: readonly string[]): string[] {
  const cidrs = collapseCidrs(addresses.filter(isCidr));
  const tokens = [...new Set(addresses.filter((a) => !isCidr(a)))].sort();
  return [...cidrs, ...tokens];
}

export function addressesKey(addresses: readonly string[]): string {
  return addresses.map((a) => (isCidr(a) ? cidrSortKey(a) : a)).join(",");
}

function blockCovers(outer: Block, inner: Block): boolean {
  return outer.direction === inner.direction && outer.protocol === inner.protocol
    && (!outer.sourcePorts || (!!inner.sourcePorts && rangesCover(outer.sourcePorts, inner.sourcePorts)))
    && rangesCover(outer.ports, inner.ports)
    && addressesCover(outer.addresses, inner.addresses);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

/**
 * Groups facts into augmented rules, per SDK first: each SDK's addresses are grouped by
 * identical port sets, then identical blocks of different SDKs are merged and blocks that
 * another block covers are dropped. Grouping per SDK (rather than merging every SDK's ports
 * onto shared addresses) is what keeps rules stable: an SDK whose ports overlap no other
 * SDK's neither changes nor absorbs an existing block; it only adds blocks. (The NSG merges
 * its `Internet` rules itself, under fixed names: see `internetRules`.)
 * Deterministic and independent of the order of `facts`.
 */
export function groupIntoBlocks(facts: readonly Fact[]): Block[] {
  const srcKey = (f: { sourcePorts?: readonly PortRange[] }) => portRangesKey(f.sourcePorts);
  const perAddress = [...groupBy(facts, (f) => [f.sdk, f.direction, f.protocol, srcKey(f), f.address].join("|")).values()]
    .map((g) => ({ ...g[0], ports: mergePortRanges(g.flatMap((f) => f.ports)) }));
  const perSdk = [...groupBy(perAddress, (f) => [f.sdk, f.direction, f.protocol, srcKey(f), addressKind(f.address), portRangesKey(f.ports)].join("|")).values()]
    .map((g) => ({
      direction: g[0].direction, protocol: g[0].protocol, ports: g[0].ports,
      ...(g[0].sourcePorts ? { sourcePorts: mergePortRanges(g[0].sourcePorts) } : {}),
      addresses: canonicalAddresses(g.map((f) => f.address)),
      sdk: g[0].sdk,
    }));
  const merged: Block[] = [...groupBy(perSdk, (b) => [b.direction, b.protocol, srcKey(b), portRangesKey(b.ports), addressesKey(b.addresses)].join("|")).values()]
    .map((g) => {
      const { sdk: _sdk, ...block } = g[0];
      return { ...block, sdks: [...new Set(g.map((b) => b.sdk))].sort() };
    });
  const maximal = merged.filter((b) => !merged.some((o) => o !== b && blockCovers(o, b)));
  const withSdks = maximal.map((m) => ({
    ...m,
    sdks: [...new Set([...m.sdks, ...merged.filter((b) => b !== m && blockCovers(m, b)).flatMap((b) => b.sdks)])].sort(),
  }));
  const sortKey = (b: Block) => [b.direction, b.protocol, srcKey(b), addressKind(b.addresses[0]), addressesKey(b.addresses), portRangesKey(b.ports)].join("|");
  return withSdks.sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
}
