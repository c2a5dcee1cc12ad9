import { PortRange, mergePortRanges } from "../../src/model";
import { Block, cidrBlock, contains, enclosingBlock, intersects } from "./addresses";
import { foolingSet } from "./fooling";
import { ImageEntry, NamePattern } from "./image";
import { ALL_PORTS, atomStarts, hasPort, within } from "./ports";

const isCidr = (a: string) => /^\d+\.\d+\.\d+\.\d+\/\d+$/.test(a);

const blocks = new Map<string, Block>();
function blockOf(cidr: string): Block {
  let b = blocks.get(cidr);
  if (!b) blocks.set(cidr, (b = cidrBlock(cidr)));
  return b;
}
const cidrCovers = (outer: string, inner: string) => contains(blockOf(outer), blockOf(inner));

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const i of items) out.set(key(i), [...(out.get(key(i)) ?? []), i]);
  return out;
}

/**
 * Security groups (one rule = one protocol, one contiguous port range, one CIDR): per
 * direction and protocol, a fooling set over (address, port). Two flows fit one rule only if
 * every address of the smallest CIDR holding both allows every port between the two; an
 * address outside the listed CIDRs allows only the ports open to 0.0.0.0/0.
 */
export function securityGroupBound(image: readonly ImageEntry[]): { egress: number; ingress: number } {
  const out = { egress: 0, ingress: 0 };
  for (const entries of groupBy(image, (e) => `${e.direction} ${e.protocol}`).values()) {
    const open = mergePortRanges(entries.filter((e) => e.address === "0.0.0.0/0").flatMap((e) => e.ports));
    const listed = [...groupBy(entries.filter((e) => e.address !== "0.0.0.0/0"), (e) => e.address)]
      .map(([cidr, es]) => ({ block: cidrBlock(cidr), ports: mergePortRanges([...open, ...es.flatMap((e) => e.ports)]) }))
      .sort((a, b) => a.block.lo - b.block.lo);
    listed.forEach((l, i) => {
      if (i > 0 && intersects(listed[i - 1].block, l.block)) throw new Error("security-group bound assumes disjoint listed CIDRs");
    });
    let rest = 0x01000001;
    while (listed.some((l) => l.block.lo <= rest && rest <= l.block.hi)) rest += 0x01000000;

    type Flow = { address: number; port: number };
    const portsAt = (address: number) => listed.find((l) => l.block.lo <= address && address <= l.block.hi)?.ports ?? open;
    const candidates: Flow[] = [
      ...open.map((r) => ({ address: rest, port: r.from })),
      ...listed.flatMap((l) => l.ports
        .map((r) => ({ r, extra: subtractFirst(r, open) }))
        .filter((x) => x.extra !== undefined)
        .map((x) => ({ address: l.block.lo, port: x.extra! }))),
    ];
    // Prefix sums of listed sizes: how much of a block the listed CIDRs cover, in O(log n).
    const sizes = [0];
    for (const l of listed) sizes.push(sizes[sizes.length - 1] + (l.block.hi - l.block.lo + 1));
    const firstEndingAtOrAfter = (address: number) => {
      let lo = 0;
      let hi = listed.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (listed[mid].block.hi < address) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    const compatible = (a: Flow, b: Flow): boolean => {
      const span: PortRange = { from: Math.min(a.port, b.port), to: Math.max(a.port, b.port) };
      const e: Block = enclosingBlock(a.address, b.address);
      const first = firstEndingAtOrAfter(e.lo);
      let last = first;
      while (last < listed.length && listed[last].block.lo <= e.hi) last++;
      const inside = listed.slice(first, last);
      const covered = inside.some((l) => contains(l.block, e)) || sizes[last] - sizes[first] === e.hi - e.lo + 1;
      // Any address of the block outside the listed CIDRs allows only the ports open to everything.
      if (!covered && !within(span, open)) return false;
      return inside.every((l) => within(span, l.ports)) && within(span, portsAt(a.address)) && within(span, portsAt(b.address));
    };
    out[entries[0].direction] += foolingSet(candidates, compatible).length;
  }
  return out;
}

/** The first port of `range` not in `open`, if any. */
function subtractFirst(range: PortRange, open: readonly PortRange[]): number | undefined {
  for (let p = range.from; p <= range.to; p++) {
    const block = open.find((o) => o.from <= p && p <= o.to);
    if (!block) return p;
    p = block.to;
  }
  return undefined;
}

export interface ProductTarget {
  /** Tokens that stand for every address (`Internet`, `*`, `any`); a rule holds one, alone. */
  readonly wildcards: readonly string[];
  /** Whether one rule can carry several protocols (Azure Firewall network rules can). */
  readonly protocolsShareRule: boolean;
  /** Whether a rule address admits a flow to `address`; default: equal, a wildcard, or a containing CIDR. */
  readonly covers?: (ruleAddress: string, address: string) => boolean;
}

/**
 * Targets whose rule is a product of sets (NSG augmented rules, Suricata headers with address
 * and port lists, Azure Firewall rules): protocols × source ports × addresses × ports, with
 * the addresses all CIDRs, all names, or one wildcard. Two flows fit one rule only if every
 * combination of their coordinates is admitted, so a fooling set over the cells the image's
 * boundaries cut the space into gives the bound.
 */
export function productBound(image: readonly ImageEntry[], target: ProductTarget): Record<string, number> {
  const wild = new Set(target.wildcards);
  const covers = target.covers
    ?? ((rule: string, address: string) => rule === address || wild.has(rule) || (isCidr(rule) && isCidr(address) && cidrCovers(rule, address)));
  const kind = (address: string) => (wild.has(address) ? address : isCidr(address) ? "cidr" : "name");
  const out: Record<string, number> = {};
  const groups = groupBy(image, (e) => (target.protocolsShareRule ? e.direction : `${e.direction} ${e.protocol}`));
  for (const [group, entries] of groups) {
    const protocols = [...new Set(entries.map((e) => e.protocol))].sort();
    const sources = entries.some((e) => e.sourcePorts) ? atomStarts(entries.map((e) => e.sourcePorts ?? [])) : [1];
    const ports = atomStarts(entries.map((e) => e.ports));
    const addresses = [...new Set(entries.map((e) => e.address))].sort();
    const admits = (e: ImageEntry, protocol: string, source: number, address: string, port: number) => e.protocol === protocol
      && hasPort(e.sourcePorts ?? ALL_PORTS, source) && hasPort(e.ports, port) && covers(e.address, address);
    const admitted = new Set<string>();
    const key = (p: string, s: number, a: string, q: number) => `${p}|${s}|${a}|${q}`;
    for (const p of protocols) for (const s of sources) for (const a of addresses) for (const q of ports) {
      if (entries.some((e) => admits(e, p, s, a, q))) admitted.add(key(p, s, a, q));
    }
    type Flow = { protocol: string; source: number; address: string; port: number };
    const candidates: Flow[] = [];
    for (const p of protocols) for (const s of sources) for (const a of addresses) for (const q of ports) {
      if (!admitted.has(key(p, s, a, q))) continue;
      // A flow a wildcard rule already admits needs no rule of its own kind.
      if (!wild.has(a) && entries.some((e) => wild.has(e.address) && admits(e, p, s, a, q))) continue;
      candidates.push({ protocol: p, source: s, address: a, port: q });
    }
    const compatible = (x: Flow, y: Flow): boolean => {
      if (kind(x.address) !== kind(y.address)) return false;
      for (const p of [x.protocol, y.protocol]) for (const s of [x.source, y.source]) for (const a of [x.address, y.address]) for (const q of [x.port, y.port]) {
        if (!admitted.has(key(p, s, a, q))) return false;
      }
      return true;
    };
    out[group] = foolingSet(candidates, compatible).length;
  }
  return out;
}

/** Application-rule FQDN forms: `*.x` matches every name below x (any depth), never x itself. */
export function fqdnCovers(rule: string, form: string): boolean {
  if (rule === form) return true;
  if (!rule.startsWith("*.")) return false;
  const name = form.startsWith("*.") ? form.slice(2) : form;
  return name.endsWith(`.${rule.slice(2)}`);
}

/**
 * Suricata name rules: one content pattern per rule (no pcre alternation), so every
 * (TLS or HTTP, name, source ports) pattern needs a rule unless a subtree pattern of the same
 * kind already admits it on all its ports and source ports.
 */
export function suricataNameBound(names: readonly NamePattern[]): number {
  const merged = [...groupBy(names, (n) => `${n.kind} ${n.name} ${n.subtree} ${JSON.stringify(n.sourcePorts ?? null)}`).values()]
    .map((g) => ({ ...g[0], ports: mergePortRanges(g.flatMap((n) => n.ports)) }));
  const below = (n: NamePattern, s: NamePattern) => s.subtree && s.kind === n.kind && n !== s
    && (n.name === s.name ? !n.subtree : n.name.endsWith(`.${s.name}`))
    && (!s.sourcePorts || (!!n.sourcePorts && n.sourcePorts.every((r) => within(r, s.sourcePorts!))));
  return merged.filter((n) => {
    const coverPorts = merged.filter((s) => below(n, s)).flatMap((s) => s.ports);
    return !n.ports.every((r) => within(r, mergePortRanges(coverPorts)));
  }).length;
}

/**
 * Route 53 DNS Firewall domain entries: `x` matches x only and `*.x` every name below x
 * (whether `*.x` matches x is undocumented, so not assumed): a subtree needs both entries,
 * an exact name one, unless a listed subtree above already covers it.
 */
export function awsDnsEntriesBound(names: readonly { name: string; subtree: boolean }[]): number {
  const under = (n: string, s: string) => n.endsWith(`.${s}`);
  const subtrees = names.filter((n) => n.subtree).map((n) => n.name);
  return names.reduce((count, n) => {
    if (subtrees.some((s) => under(n.name, s))) return count;
    if (n.subtree) return count + 2;
    return count + (subtrees.includes(n.name) ? 0 : 1);
  }, 0);
}

/** Azure DNS security policy entries: an entry matches its name and every name below it. */
export function azureDnsEntriesBound(names: readonly { name: string }[]): number {
  const all = [...new Set(names.map((n) => n.name))];
  return all.filter((n) => !all.some((o) => o !== n && n.endsWith(`.${o}`))).length;
}
