import { Plan, ResourceSpec, parseRef } from "../../src/renderers/plan";

/**
 * The least churn any tool could achieve between two plans: per resource type, resources whose
 * content is unchanged stay untouched, and every other one before or after costs one operation,
 * pairing a leaving resource with an arriving one of the same type as an in-place update:
 * max(|before only|, |after only|) per type. "Content" leaves out what carries no flows:
 * logical and Azure names, descriptions, Suricata `msg`, NSG priorities of allow rules, the
 * order of rules in a collection, which security group shard holds a rule.
 */
export function minimumOperations(before: Plan, after: Plan): number {
  const keysBefore = contentKeys(before);
  const keysAfter = contentKeys(after);
  const types = new Set([...before.resources, ...after.resources].map((r) => r.type));
  let total = 0;
  for (const type of types) {
    const b = before.resources.filter((r) => r.type === type).map((r) => keysBefore.get(r.name)!);
    const a = after.resources.filter((r) => r.type === type).map((r) => keysAfter.get(r.name)!);
    const unchanged = multisetIntersection(b, a);
    total += Math.max(b.length - unchanged, a.length - unchanged);
  }
  return total;
}

/** Whether a resource's flow-carrying content is the same in both plans (a change to it is cosmetic). */
export function sameContent(before: Plan, after: Plan, name: string): boolean {
  return contentKeys(before).get(name) !== undefined && contentKeys(before).get(name) === contentKeys(after).get(name);
}

function multisetIntersection(a: readonly string[], b: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const k of a) counts.set(k, (counts.get(k) ?? 0) + 1);
  let n = 0;
  for (const k of b) {
    const c = counts.get(k) ?? 0;
    if (c > 0) {
      n++;
      counts.set(k, c - 1);
    }
  }
  return n;
}

const COSMETIC_KEYS = new Set([
  "description", "name", "securityRuleName", "ruleCollectionGroupName", "dnsSecurityRuleName",
  "dnsResolverPolicyVirtualNetworkLinkName", "securityGroupId",
]);

const cache = new WeakMap<Plan, Map<string, string>>();

/**
 * Each resource's content key. A reference becomes the referenced resource's type: in the
 * least-churn world a resource updated in place keeps its id, so its referrers need not change.
 */
function contentKeys(plan: Plan): Map<string, string> {
  const known = cache.get(plan);
  if (known) return known;
  const typeOf = new Map(plan.resources.map((r) => [r.name, r.type]));
  const keyOf = (r: ResourceSpec): string => {
    const normal = (v: unknown, key?: string): unknown => {
      if (typeof v === "string") {
        const ref = parseRef(v);
        if (ref) return `<${typeOf.get(ref.name) ?? ref.name}>.${ref.output}`;
        return key === "rulesString" ? suricataContent(v) : v;
      }
      // Rules in a collection, list entries and port lists are sets: their order carries nothing.
      if (Array.isArray(v)) return v.map((x) => JSON.stringify(normal(x))).sort();
      if (v && typeof v === "object") {
        const o = v as Record<string, unknown>;
        const allowRule = r.type === "azure-native:network:SecurityRule" && o.access === "Allow";
        return Object.fromEntries(Object.entries(o)
          .filter(([k]) => !COSMETIC_KEYS.has(k) && !(k === "priority" && allowRule))
          .map(([k, x]) => [k, normal(x, k)] as const)
          .sort(([x], [y]) => (x < y ? -1 : 1)));
      }
      return v;
    };
    return JSON.stringify([r.type, normal(r.inputs)]);
  };
  const keys = new Map(plan.resources.map((r) => [r.name, keyOf(r)]));
  cache.set(plan, keys);
  return keys;
}

/** Suricata rules as a set, without `msg` (a note naming the SDKs). */
function suricataContent(rules: string): string {
  return rules.split("\n").map((l) => l.replace(/msg:"[^"]*"; /, "")).sort().join("\n");
}
