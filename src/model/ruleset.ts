import { Destination, destinationSortKey, formatDestination } from "./destination";
import { PortRange, mergePortRanges, portRangesKey } from "./ports";
import { Rule, provenanceKey } from "./rule";

/** The allowlist of one selection: the shared model every renderer compiles from. */
export interface RuleSet {
  /** Catalogue edition the rules came from. */
  readonly edition: string;
  readonly rules: readonly Rule[];
}

function destinationKey(d: Destination): string {
  return formatDestination(d);
}

/** Identity of a rule apart from its ports: what normalisation merges on. */
export function ruleKey(r: Rule): string {
  return [r.sdk, r.direction, r.protocol, destinationKey(r.destination), portRangesKey(r.sourcePorts)].join(" ");
}

/** The order of normalised rules: by SDK, direction, protocol, destination, source ports. */
function ruleSortKey(r: Rule): string {
  return [r.sdk, r.direction, r.protocol, destinationSortKey(r.destination), portRangesKey(r.sourcePorts)].join("\u0000");
}

export function compareRules(a: Rule, b: Rule): number {
  return compareKeys(ruleSortKey(a), ruleSortKey(b));
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorts by a key computed once per item, not once per comparison (stable, like `Array.prototype.sort`). */
function sortedBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  return items.map((item) => ({ item, key: key(item) })).sort((a, b) => compareKeys(a.key, b.key)).map(({ item }) => item);
}

function mergeText(values: (string | undefined)[]): string | undefined {
  const unique = [...new Set(values.filter((v): v is string => !!v))].sort();
  return unique.length ? unique.join("; ") : undefined;
}

/**
 * Canonical form of a rule set: per SDK, direction, protocol, destination and source ports,
 * overlapping or adjacent port ranges are merged and duplicates dropped; purposes and
 * provenance are unioned; the order is deterministic. Idempotent, and independent of the
 * order of `ruleSet.rules`. Destinations are assumed canonical (see `parseDestination`).
 */
export function normalize(ruleSet: RuleSet): RuleSet {
  const groups = new Map<string, Rule[]>();
  for (const rule of ruleSet.rules) {
    const key = ruleKey(rule);
    const group = groups.get(key);
    if (group) group.push(rule);
    else groups.set(key, [rule]);
  }
  const rules: Rule[] = [];
  for (const group of groups.values()) {
    const first = group[0];
    const provenance = new Map(group.flatMap((r) => r.provenance).map((p) => [provenanceKey(p), p]));
    const purpose = mergeText(group.map((r) => r.purpose));
    // Reasons are whole sentences that may hold "; ": joined by a space, never split.
    const broadReason = [...new Set(group.map((r) => r.broadReason).filter((b): b is string => !!b))].sort().join(" ");
    rules.push({
      sdk: first.sdk,
      direction: first.direction,
      protocol: first.protocol,
      destination: first.destination,
      ports: mergePortRanges(group.flatMap((r) => r.ports)),
      ...(first.sourcePorts ? { sourcePorts: mergePortRanges(first.sourcePorts) } : {}),
      ...(purpose ? { purpose } : {}),
      ...(broadReason ? { broadReason } : {}),
      provenance: [...provenance.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, p]) => p),
    });
  }
  return { edition: ruleSet.edition, rules: sortedBy(rules, ruleSortKey) };
}

/**
 * What renderers compile: the rules merged across SDKs, per direction, protocol,
 * destination and source ports, with the SDKs and purposes that need each one.
 */
export interface Grant {
  readonly direction: Rule["direction"];
  readonly protocol: Rule["protocol"];
  readonly destination: Destination;
  readonly ports: readonly PortRange[];
  readonly sourcePorts?: readonly PortRange[];
  readonly sdks: readonly string[];
  readonly purposes: readonly string[];
  readonly sources: readonly string[];
  /** The `broadReason`s of the rules behind it (empty: nothing broad on purpose). */
  readonly broadReasons: readonly string[];
}

export function grants(ruleSet: RuleSet): Grant[] {
  const groups = new Map<string, Rule[]>();
  for (const rule of ruleSet.rules) {
    const key = [rule.direction, rule.protocol, destinationKey(rule.destination), portRangesKey(rule.sourcePorts)].join(" ");
    const group = groups.get(key);
    if (group) group.push(rule);
    else groups.set(key, [rule]);
  }
  const out: Grant[] = [...groups.values()].map((group) => {
    const first = group[0];
    return {
      direction: first.direction,
      protocol: first.protocol,
      destination: first.destination,
      ports: mergePortRanges(group.flatMap((r) => r.ports)),
      ...(first.sourcePorts ? { sourcePorts: mergePortRanges(first.sourcePorts) } : {}),
      sdks: [...new Set(group.map((r) => r.sdk))].sort(),
      purposes: [...new Set(group.map((r) => r.purpose).filter((p): p is string => !!p))].sort(),
      sources: [...new Set(group.flatMap((r) => r.provenance.map((p) => p.document)))].sort(),
      broadReasons: [...new Set(group.flatMap((r) => (r.broadReason ? [r.broadReason] : [])))].sort(),
    };
  });
  return sortedBy(out, (g) => [g.direction, g.protocol, destinationSortKey(g.destination), portRangesKey(g.sourcePorts)].join("\u0000"));
}
