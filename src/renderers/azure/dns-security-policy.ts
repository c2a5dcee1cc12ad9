import { InputError, domainMatches } from "../../model";
import { getEdition } from "../../catalog";
import { Resolution } from "../../resolve";
import { shortHash } from "../names";
import { HardLimit, Plan, QuotaUsage, ResourceSpec, TargetDefault, Unmatched, Widening, ref, refuseOverflows } from "../plan";
import { parseArmId } from "./arm-id";
import { AzurePlanOptions, EXTERNAL, AZURE_LIMITS, ResolvedAzureOptions, resolveAzureOptions } from "./options";

export const DNS_TARGET = "azure-dns-security-policy";
/** Logical names of the policy created here and of its domain lists and rules. */
export const DNS_POLICY_SPEC = "dns-security-policy";
export const DNS_ALLOW_LIST_SPEC = "dns-allow-list";
export const DNS_ALLOW_RULE_SPEC = "dns-allow-rule";
export const DNS_BLOCK_LIST_SPEC = "dns-block-list";
export const DNS_BLOCK_RULE_SPEC = "dns-block-rule";
export const DNS_POLICY_TYPE = "azure-native:dnsresolver:DnsResolverPolicy";
export const DNS_DOMAIN_LIST_TYPE = "azure-native:dnsresolver:DnsResolverDomainList";
export const DNS_SECURITY_RULE_TYPE = "azure-native:dnsresolver:DnsSecurityRule";
export const DNS_LINK_TYPE = "azure-native:dnsresolver:DnsResolverPolicyVirtualNetworkLink";

/** DNS resolver child names: 1–80 characters, `^[a-zA-Z0-9]([a-zA-Z0-9_\-]*[a-zA-Z0-9])?$`. */
export const DNS_NAME = /^[a-zA-Z0-9](?:[a-zA-Z0-9_-]{0,78}[a-zA-Z0-9])?$/;

/**
 * DNS security policy quotas a plan must not exceed (cloud-semantics §7): the policy's rules
 * and virtual network links are capped, and an inline domain list of the API version
 * @pulumi/azure-native 3 uses (2023-07-01-preview) holds up to 1,000 domains; larger lists
 * need the bulk upload of API 2025-05-01, which it does not expose.
 */
export const DNS_SECURITY_POLICY_HARD_LIMITS: Readonly<Record<string, HardLimit>> = {
  "DNS security rules per policy": {
    field: "azure.dnsSecurityPolicy",
    remedy: "rules already in an existing policy count too; use a policy of its own",
  },
  "domains per inline domain list": {
    field: "azure.dnsSecurityPolicy",
    remedy: "an entry covers the name and every name below it, so allow a parent domain (.example.com) instead of its names one by one",
  },
  "virtual network links per policy": {
    field: "azure.dnsSecurityPolicy.virtualNetworkIds",
    remedy: "link the other virtual networks to a second DNS security policy (a network links to one policy only)",
  },
};

interface Entry {
  readonly name: string;
  readonly subtree: boolean;
  readonly sdks: readonly string[];
}

/**
 * The names the workloads must resolve: every egress domain of the rule set, plus the
 * cloud-proxy domains (proxy_type 1), which the SDK resolves without connecting to them by
 * name. Entries inside another subtree entry are dropped: the service matches subtrees anyway.
 */
export function allowedNames(resolution: Resolution): Entry[] {
  const byKey = new Map<string, { name: string; subtree: boolean; sdks: Set<string> }>();
  const add = (name: string, subtree: boolean, sdk: string) => {
    const key = `${name} ${subtree}`;
    const entry = byKey.get(key) ?? { name, subtree, sdks: new Set<string>() };
    entry.sdks.add(sdk);
    byKey.set(key, entry);
  };
  for (const r of resolution.ruleSet.rules) {
    if (r.direction === "egress" && r.destination.kind === "domain") add(r.destination.name, r.destination.subtree, r.sdk);
  }
  const proxied = new Set(resolution.sdks.filter((s) => s.access === "cloud-proxy").map((s) => s.id));
  for (const domain of resolution.proxyDomains) {
    const owners = getEdition(resolution.edition).cloudProxy.filter((p) => p.proxyDomain === domain && proxied.has(p.sdk));
    for (const p of owners.length ? owners : [{ sdk: "cloud-proxy" }]) add(domain, false, p.sdk);
  }
  const all = [...byKey.values()];
  const covering = (e: { name: string; subtree: boolean }) =>
    all.filter((o) => o.subtree && domainMatches(e.name, o.name, true) && (o.name !== e.name || !e.subtree));
  return all
    .filter((e) => covering(e).length === 0)
    .map((e) => ({
      name: e.name,
      subtree: e.subtree,
      sdks: [...new Set([...e.sdks, ...all.filter((x) => covering(x).includes(e)).flatMap((x) => [...x.sdks])])].sort(),
    }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * A DNS security policy (new, or an existing one) allowing the selection's names: one domain
 * list (entries with a trailing dot, `agora.io.`), an Allow rule, optionally a Block rule for
 * every other name (domain list `.`) at a later priority, and a link per virtual network.
 * Entries match the name and all names below it, so exact domains are reported as widened.
 * More than 1,000 names, 100 rules or 500 links is refused: DNS_SECURITY_POLICY_HARD_LIMITS.
 */
export function renderDnsSecurityPolicy(resolution: Resolution, options: AzurePlanOptions): Plan {
  return renderDns(resolution, resolveAzureOptions(options));
}

export function renderDns(resolution: Resolution, o: ResolvedAzureOptions): Plan {
  const dns = o.dnsSecurityPolicy;
  const placement = { resourceGroupName: o.resourceGroupName, ...(o.location ? { location: o.location } : {}) };
  const policy = dns.existing
    ? { resourceGroupName: ref(EXTERNAL.existingDnsSecurityPolicy, "resourceGroupName"), dnsResolverPolicyName: ref(EXTERNAL.existingDnsSecurityPolicy, "name") }
    : { resourceGroupName: o.resourceGroupName, dnsResolverPolicyName: ref(DNS_POLICY_SPEC, "name") };
  const child = { ...policy, ...(o.location ? { location: o.location } : {}) };
  const resources: ResourceSpec[] = [];
  if (!dns.existing) resources.push({ type: DNS_POLICY_TYPE, name: DNS_POLICY_SPEC, inputs: placement });

  const names = allowedNames(resolution);
  const rule = (spec: string, azureName: string, action: string, priority: number, list: string): ResourceSpec => ({
    type: DNS_SECURITY_RULE_TYPE,
    name: spec,
    inputs: {
      ...child,
      dnsSecurityRuleName: azureName,
      priority,
      action: { actionType: action },
      dnsResolverDomainLists: [{ id: ref(list, "id") }],
      dnsSecurityRuleState: "Enabled",
    },
  });
  // A domain list needs at least one domain: with no names to allow there is no allow rule.
  if (names.length > 0) {
    resources.push(
      { type: DNS_DOMAIN_LIST_TYPE, name: DNS_ALLOW_LIST_SPEC, inputs: { ...placement, domains: names.map((n) => `${n.name}.`) } },
      rule(DNS_ALLOW_RULE_SPEC, `${o.namePrefix}-allow`, "Allow", dns.allowPriority, DNS_ALLOW_LIST_SPEC),
    );
  }
  if (dns.blockOthers) {
    resources.push(
      { type: DNS_DOMAIN_LIST_TYPE, name: DNS_BLOCK_LIST_SPEC, inputs: { ...placement, domains: ["."] } },
      rule(DNS_BLOCK_RULE_SPEC, `${o.namePrefix}-block-others`, "Block", dns.blockPriority, DNS_BLOCK_LIST_SPEC),
    );
  }
  const link = (readableName: string, id: string): ResourceSpec => {
    // The VNet's own name (or the name it was given) for readability, a hash of the whole id for uniqueness.
    const readable = `link-${readableName.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40)}`.replace(/-+$/, "");
    const id8 = shortHash(id.toLowerCase());
    return {
      type: DNS_LINK_TYPE,
      name: `dns-${readable}-${id8}`,
      inputs: { ...child, dnsResolverPolicyVirtualNetworkLinkName: `${o.namePrefix}-${readable}-${id8}`, virtualNetwork: { id } },
    };
  };
  const links = [
    ...dns.virtualNetworkIds.map((id, i) => link(parseArmId(id, `azure.dnsSecurityPolicy.virtualNetworkIds[${i}]`, "Microsoft.Network/virtualNetworks").name, id)),
    // Named networks (`virtualNetworks`, ids a component had as outputs): named by their key.
    ...Object.entries(dns.virtualNetworks ?? {}).map(([key, id]) => link(key, id)),
  ].sort((a, b) => (a.name < b.name ? -1 : 1));
  if (new Set(links.map((l) => l.name)).size !== links.length) throw new InputError("azure.dnsSecurityPolicy.virtualNetworks", "links a virtual network twice");
  resources.push(...links);

  const widenings: Widening[] = names.filter((n) => !n.subtree).map((n) => ({
    target: DNS_TARGET,
    rule: `resolve ${n.name}`,
    sdks: n.sdks,
    renderedAs: `resolve .${n.name}`,
    reason: "DNS security policy domain-list entries match the name and every name below it; there is no exact-only entry.",
  }));
  if (!dns.blockOthers) {
    widenings.push({
      target: DNS_TARGET,
      rule: "resolve *",
      sdks: resolution.sdks.map((s) => s.id),
      renderedAs: "resolve *",
      reason: "blockOthers is off: names outside the allow list resolve too.",
    });
  }
  const scope = dns.existing ? "existing DNS security policy" : "new DNS security policy";
  const quotas: QuotaUsage[] = [
    { target: DNS_TARGET, quota: "DNS security rules per policy", scope, used: resources.filter((r) => r.type === DNS_SECURITY_RULE_TYPE).length, limit: AZURE_LIMITS.dnsRulesPerPolicy },
    { target: DNS_TARGET, quota: "domains per inline domain list", scope: DNS_ALLOW_LIST_SPEC, used: names.length, limit: AZURE_LIMITS.dnsDomainsPerList },
    { target: DNS_TARGET, quota: "virtual network links per policy", scope, used: links.length, limit: AZURE_LIMITS.dnsLinksPerPolicy },
  ];
  refuseOverflows(quotas, DNS_SECURITY_POLICY_HARD_LIMITS);
  const defaults: TargetDefault[] = [dns.blockOthers
    ? { target: DNS_TARGET, unmatched: Unmatched.Denied, statement: "A Block rule for every other name (the root domain \".\") after the Allow rule." }
    : { target: DNS_TARGET, unmatched: Unmatched.Allowed, statement: "blockOthers is off: every other name resolves (listed under widenings)." }];
  return { resources, widenings, quotas, defaults, notices: [] };
}
