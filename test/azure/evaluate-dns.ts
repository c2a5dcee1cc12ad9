import { canonicalDomain, domainMatches } from "../../src/model";
import { DNS_ALLOW_RULE_SPEC, DNS_BLOCK_RULE_SPEC, DNS_DOMAIN_LIST_TYPE, DNS_SECURITY_RULE_TYPE } from "../../src/renderers/azure";
import { Plan, parseRef } from "../../src/renderers/plan";

/**
 * A small DNS security policy evaluator: rules by priority; an entry `x.` matches x and every
 * name below it, `.` matches everything; no matching rule means the name resolves.
 */
export function dnsResolves(plan: Plan, name: string): boolean {
  const lists = new Map(plan.resources.filter((s) => s.type === DNS_DOMAIN_LIST_TYPE).map((s) => [s.name, s.inputs.domains as string[]]));
  const rules = plan.resources.filter((s) => s.type === DNS_SECURITY_RULE_TYPE)
    .filter((s) => [DNS_ALLOW_RULE_SPEC, DNS_BLOCK_RULE_SPEC].includes(s.name))
    .map((s) => s.inputs)
    .sort((a, b) => Number(a.priority) - Number(b.priority));
  const n = canonicalDomain(name);
  const matches = (entry: string) => entry === "." || domainMatches(n, canonicalDomain(entry), true);
  for (const r of rules) {
    const domains = (r.dnsResolverDomainLists as { id: string }[]).flatMap((l) => lists.get(parseRef(l.id)!.name) ?? []);
    if (domains.some(matches)) return (r.action as { actionType: string }).actionType !== "Block";
  }
  return true;
}
