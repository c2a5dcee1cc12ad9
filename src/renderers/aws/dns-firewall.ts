import { InputError, canonicalDomain } from "../../model";
import { Resolution, parseInput } from "../../resolve";
import { contentName } from "../names";
import { HardLimit, Plan, QuotaUsage, ResourceSpec, TargetDefault, Unmatched, Widening, ref, refuseOverflows } from "../plan";
import { AWS_LIMITS } from "./limits";
import { DnsFirewallOptions, DnsFirewallSettings } from "./settings";

export const DNS_FIREWALL_TARGET = "aws-dns-firewall";
export const DOMAIN_LIST_TYPE = "aws:route53/resolverFirewallDomainList:ResolverFirewallDomainList";
export const DNS_RULE_GROUP_TYPE = "aws:route53/resolverFirewallRuleGroup:ResolverFirewallRuleGroup";
export const DNS_RULE_TYPE = "aws:route53/resolverFirewallRule:ResolverFirewallRule";
export const DNS_ASSOCIATION_TYPE = "aws:route53/resolverFirewallRuleGroupAssociation:ResolverFirewallRuleGroupAssociation";
export const DNS_CONFIG_TYPE = "aws:route53/resolverFirewallConfig:ResolverFirewallConfig";

export const DNS_ALLOW_LIST_NAME = "dnsfw-agora-domains";
export const DNS_BLOCK_LIST_NAME = "dnsfw-all-domains";
export const DNS_RULE_GROUP_NAME = "dnsfw-rule-group";

/**
 * DNS Firewall quotas a plan must not exceed. "Rules per rule group" (100) is an adjustable
 * quota (cloud-semantics §4): it stays reported. The domain list goes to AWS in ONE
 * UpdateFirewallDomains request, which takes at most 1,000 domains: the provider does not
 * split it (hashicorp/terraform-provider-aws#41433: above 1,000 it fails and leaves the list
 * empty), so more would fail the deploy part-way.
 */
export const DNS_FIREWALL_HARD_LIMITS: Readonly<Record<string, HardLimit>> = {
  "domains per UpdateFirewallDomains request": {
    field: "dnsFirewall",
    remedy: "the provider sends the whole domain list in one request, which AWS refuses above that (an apex and its subdomains take 2 entries); "
      + "allow a parent domain (.example.com covers every name below it) instead of its names one by one",
  },
};

const Options = DnsFirewallSettings;

/**
 * DNS Firewall domain specifications for the model's domains: a subtree domain becomes
 * `name` and `*.name` (whether `*.name` matches the apex is undocumented, so both are
 * listed), an exact one stays as is. Names below a listed subtree are left out.
 */
export function dnsFirewallDomains(resolution: Resolution): string[] {
  const subtrees = new Set<string>();
  const exact = new Set<string>();
  for (const r of resolution.ruleSet.rules) {
    if (r.destination.kind !== "domain") continue;
    (r.destination.subtree ? subtrees : exact).add(r.destination.name);
  }
  // The cloud proxy's own name must resolve (proxy_type 1) even though nothing connects to it by name.
  for (const d of resolution.proxyDomains) exact.add(canonicalDomain(d, "proxyDomains"));
  const below = (name: string, self: boolean) => [...subtrees].some((s) => (self && s === name) || name.endsWith(`.${s}`));
  const domains = [
    ...[...subtrees].filter((s) => !below(s, false)).flatMap((s) => [s, `*.${s}`]),
    ...[...exact].filter((e) => !below(e, true)),
  ];
  for (const d of domains) {
    if (!AWS_LIMITS.dnsFirewallDomain.test(d) || d.length > AWS_LIMITS.dnsFirewallDomainLength) throw new Error(`invalid DNS Firewall domain ${d}`);
  }
  return [...new Set(domains)].sort();
}

/**
 * Route 53 Resolver DNS Firewall: a domain list of the allowed names (plus the cloud
 * proxy's domain), an ALLOW rule, optionally a BLOCK rule for everything else, and per
 * VPC an association and a fail-open/closed config. DNS Firewall only sees queries sent
 * to the VPC resolver and never restricts ports or addresses. A list of more than 1,000
 * entries is refused (see DNS_FIREWALL_HARD_LIMITS).
 */
export function renderDnsFirewall(resolution: Resolution, options: DnsFirewallOptions = {}): Plan {
  const o = parseInput(Options, options, "dnsFirewall");
  if (o.blockOthers && o.allowRulePriority >= o.blockRulePriority) {
    throw new InputError("dnsFirewall.blockRulePriority", "must be greater than allowRulePriority so allowed names are matched first");
  }
  // Named VPCs (`vpcs`, ids the component had as outputs) come after the listed ids, by name.
  const vpcIds = [...o.vpcIds, ...Object.keys(o.vpcs ?? {}).sort().map((n) => o.vpcs![n])];
  if (new Set(vpcIds).size !== vpcIds.length) throw new InputError("dnsFirewall.vpcIds", "lists a VPC twice");
  const domains = dnsFirewallDomains(resolution);
  const groupId = o.existingRuleGroupId ?? ref(DNS_RULE_GROUP_NAME, "id");
  const resources: ResourceSpec[] = [
    { type: DOMAIN_LIST_TYPE, name: DNS_ALLOW_LIST_NAME, inputs: { domains } },
    ...(o.blockOthers ? [{ type: DOMAIN_LIST_TYPE, name: DNS_BLOCK_LIST_NAME, inputs: { domains: ["*"] } }] : []),
    ...(o.existingRuleGroupId ? [] : [{ type: DNS_RULE_GROUP_TYPE, name: DNS_RULE_GROUP_NAME, inputs: {} }]),
    {
      type: DNS_RULE_TYPE, name: "dnsfw-allow-agora",
      inputs: {
        firewallRuleGroupId: groupId, firewallDomainListId: ref(DNS_ALLOW_LIST_NAME, "id"),
        action: "ALLOW", priority: o.allowRulePriority, firewallDomainRedirectionAction: o.redirectionAction,
      },
    },
    ...(o.blockOthers ? [{
      type: DNS_RULE_TYPE, name: "dnsfw-block-others",
      inputs: {
        firewallRuleGroupId: groupId, firewallDomainListId: ref(DNS_BLOCK_LIST_NAME, "id"),
        action: "BLOCK", blockResponse: o.blockResponse, priority: o.blockRulePriority,
      },
    }] : []),
    ...[...vpcIds].sort().flatMap((vpcId): ResourceSpec[] => [
      {
        type: DNS_ASSOCIATION_TYPE, name: contentName(["dnsfw-association", vpcId]),
        inputs: { firewallRuleGroupId: groupId, vpcId, priority: o.associationPriority },
      },
      {
        // Without a config AWS fails closed too; making it explicit shows the choice in the plan.
        type: DNS_CONFIG_TYPE, name: contentName(["dnsfw-config", vpcId]),
        inputs: { resourceId: vpcId, firewallFailOpen: o.failOpen ? "ENABLED" : "DISABLED" },
      },
    ]),
  ];
  const quotas: QuotaUsage[] = [
    { target: DNS_FIREWALL_TARGET, quota: "domains per UpdateFirewallDomains request", scope: DNS_ALLOW_LIST_NAME, used: domains.length, limit: AWS_LIMITS.dnsFirewallDomainsPerRequest },
    { target: DNS_FIREWALL_TARGET, quota: "rules per rule group", scope: o.existingRuleGroupId ? "existing rule group" : DNS_RULE_GROUP_NAME, used: o.blockOthers ? 2 : 1, limit: AWS_LIMITS.dnsFirewallRulesPerGroup },
    ...[...vpcIds].sort().map((vpcId) => ({
      target: DNS_FIREWALL_TARGET, quota: "rule groups associated per VPC", scope: vpcId, used: 1, limit: AWS_LIMITS.dnsFirewallGroupsPerVpc,
    })),
  ];
  refuseOverflows(quotas, DNS_FIREWALL_HARD_LIMITS);
  // Without the BLOCK rule nothing is denied by name: say so, as the other DNS layer does.
  const widenings: Widening[] = o.blockOthers ? [] : [{
    target: DNS_FIREWALL_TARGET,
    rule: "resolve *",
    sdks: resolution.sdks.map((s) => s.id),
    renderedAs: "resolve *",
    reason: "blockOthers is off: names outside the allow list resolve too.",
  }];
  const defaults: TargetDefault[] = [o.blockOthers
    ? {
      target: DNS_FIREWALL_TARGET, unmatched: Unmatched.Denied,
      statement: `A BLOCK rule (${o.blockResponse}) for every other name after the ALLOW rule; it sees only queries sent to the VPC's Route 53 Resolver.`,
    }
    : { target: DNS_FIREWALL_TARGET, unmatched: Unmatched.Allowed, statement: "blockOthers is off: every other name resolves (listed under widenings)." }];
  return { resources, widenings, quotas, defaults, notices: [] };
}
