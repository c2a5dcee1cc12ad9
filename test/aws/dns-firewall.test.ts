import fc from "fast-check";
import { InputError, canonicalDomain, domainMatches } from "../../src/model";
import { resolve } from "../../src/resolve";
import {
  AWS_LIMITS, DNS_ASSOCIATION_TYPE, DNS_CONFIG_TYPE, DNS_RULE_GROUP_TYPE, DNS_RULE_TYPE, DOMAIN_LIST_TYPE, DnsBlockResponse, DnsRedirectionAction,
  dnsFirewallDomains, renderDnsFirewall,
} from "../../src/renderers/aws";
import { selectionArb } from "./flows";
import { ALL_SDKS, byType, tryResolve } from "./helpers";

/** DNS Firewall's matching as assumed (cloud-semantics §4): `*` all, `*.x` strictly below x, `x` only x. */
function listMatches(domains: readonly string[], name: string): boolean {
  const n = name.toLowerCase().replace(/\.$/, "");
  return domains.some((d) => d === "*" || (d.startsWith("*.") ? n.endsWith(d.slice(1)) : n === d));
}

describe("renderDnsFirewall", () => {
  const all = resolve({ edition: "2020-05", sdks: ALL_SDKS });

  it("lists a subtree as apex and *. entries, an exact name as is, and leaves out names already below a subtree", () => {
    expect(dnsFirewallDomains(all)).toEqual(["*.agora.io", "*.agoraio.cn", "agora.io", "agoraio.cn", "qos.agoralab.co", "qoslbs.agoralab.co"]);
    for (const d of dnsFirewallDomains(all)) {
      expect(d).toMatch(AWS_LIMITS.dnsFirewallDomain);
      expect(d.length).toBeLessThanOrEqual(AWS_LIMITS.dnsFirewallDomainLength);
    }
  });

  it("includes the cloud proxy's domain for proxy_type 1, and not for the IP-list form", () => {
    expect(dnsFirewallDomains(resolve({ edition: "2020-05", sdks: ["rtc-native", "recording"], access: "cloud-proxy" }))).toEqual(["ap-proxy.agora.io"]);
    expect(dnsFirewallDomains(resolve({ edition: "2020-05", sdks: ["rtc-native"], access: "cloud-proxy", proxyType: 2 }))).toEqual([]);
  });

  it("allows exactly the model's names and the proxy domains (property)", () => {
    const nameArb = fc.oneof(
      fc.constantFrom("agora.io", "www.agora.io", "evilagora.io", "agora.io.evil.com", "example.com", "a.example.com", "b.example.org", "x.b.example.org", "ap-proxy.agora.io", "QOS.agoralab.co."),
      fc.tuple(fc.constantFrom("a", "zz", "edge"), fc.constantFrom("agora.io", "agoraio.cn", "example.com", "qos.agoralab.co")).map(([l, d]) => `${l}.${d}`),
    );
    fc.assert(fc.property(selectionArb, fc.array(nameArb, { minLength: 10, maxLength: 10 }), (selection, names) => {
      const resolution = tryResolve(selection);
      fc.pre(resolution !== undefined);
      const domains = dnsFirewallDomains(resolution!);
      for (const name of names) {
        const canonical = canonicalDomain(name);
        const model = resolution!.ruleSet.rules.some((r) => r.destination.kind === "domain" && domainMatches(canonical, r.destination.name, r.destination.subtree))
          || resolution!.proxyDomains.includes(canonical);
        expect([name, listMatches(domains, name)]).toEqual([name, model]);
      }
    }), { numRuns: 200 });
  });

  it("renders the domain lists, rule group, ALLOW rule with the CNAME handling exposed, and (by default) the BLOCK rule after it", () => {
    const plan = renderDnsFirewall(all);
    expect(plan.resources.map((r) => [r.type, r.name])).toEqual([
      [DOMAIN_LIST_TYPE, "dnsfw-agora-domains"], [DOMAIN_LIST_TYPE, "dnsfw-all-domains"], [DNS_RULE_GROUP_TYPE, "dnsfw-rule-group"],
      [DNS_RULE_TYPE, "dnsfw-allow-agora"], [DNS_RULE_TYPE, "dnsfw-block-others"],
    ]);
    expect(byType(plan, DNS_RULE_TYPE).map((r) => r.inputs)).toEqual([
      {
        firewallRuleGroupId: "${dnsfw-rule-group.id}", firewallDomainListId: "${dnsfw-agora-domains.id}",
        action: "ALLOW", priority: 100, firewallDomainRedirectionAction: "INSPECT_REDIRECTION_DOMAIN",
      },
      { firewallRuleGroupId: "${dnsfw-rule-group.id}", firewallDomainListId: "${dnsfw-all-domains.id}", action: "BLOCK", blockResponse: "NXDOMAIN", priority: 200 },
    ]);
    expect(byType(plan, DOMAIN_LIST_TYPE)[1].inputs).toEqual({ domains: ["*"] });
    expect(plan.widenings).toEqual([]);
    expect(plan.defaults).toEqual([{
      target: "aws-dns-firewall", unmatched: "denied",
      statement: "A BLOCK rule (NXDOMAIN) for every other name after the ALLOW rule; it sees only queries sent to the VPC's Route 53 Resolver.",
    }]);
    expect(plan.notices).toEqual([]);
    expect(byType(renderDnsFirewall(all, { redirectionAction: DnsRedirectionAction.Trust }), DNS_RULE_TYPE)[0].inputs.firewallDomainRedirectionAction).toBe("TRUST_REDIRECTION_DOMAIN");
  });

  it("blocks everything else by default (blockOthers), with the answer asked for", () => {
    const plan = renderDnsFirewall(all, { blockResponse: DnsBlockResponse.NoData });
    expect(byType(plan, DOMAIN_LIST_TYPE)[1].inputs).toEqual({ domains: ["*"] });
    expect(byType(plan, DNS_RULE_TYPE)[1].inputs).toEqual({
      firewallRuleGroupId: "${dnsfw-rule-group.id}", firewallDomainListId: "${dnsfw-all-domains.id}", action: "BLOCK", blockResponse: "NODATA", priority: 200,
    });
    expect(JSON.stringify(renderDnsFirewall(all, { blockOthers: true, blockResponse: DnsBlockResponse.NoData }))).toBe(JSON.stringify(plan));
    expect(() => renderDnsFirewall(all, { allowRulePriority: 300 })).toThrow(InputError);
    expect(() => renderDnsFirewall(all, { blockOthers: true, allowRulePriority: 300 })).toThrow(InputError);
  });

  it("leaves the BLOCK rule out only when blockOthers is false, and reports that every name resolves", () => {
    const plan = renderDnsFirewall(all, { blockOthers: false });
    expect(plan.resources.map((r) => [r.type, r.name])).toEqual([
      [DOMAIN_LIST_TYPE, "dnsfw-agora-domains"], [DNS_RULE_GROUP_TYPE, "dnsfw-rule-group"], [DNS_RULE_TYPE, "dnsfw-allow-agora"],
    ]);
    expect(plan.widenings).toEqual([{
      target: "aws-dns-firewall", rule: "resolve *", sdks: ["gaming", "recording", "rtc-native", "rtc-web", "rtm-native", "rtm-web"],
      renderedAs: "resolve *", reason: "blockOthers is off: names outside the allow list resolve too.",
    }]);
    expect(plan.defaults).toEqual([{ target: "aws-dns-firewall", unmatched: "allowed", statement: "blockOthers is off: every other name resolves (listed under widenings)." }]);
    expect(() => renderDnsFirewall(all, { blockOthers: false, allowRulePriority: 300 })).not.toThrow();
  });

  it("associates each VPC with a priority in 101–8999 and fails closed by default", () => {
    const plan = renderDnsFirewall(all, { vpcIds: ["vpc-b", "vpc-a"], associationPriority: 8999 });
    expect(byType(plan, DNS_ASSOCIATION_TYPE).map((r) => [r.name, r.inputs])).toEqual([
      ["dnsfw-association-vpc-a", { firewallRuleGroupId: "${dnsfw-rule-group.id}", vpcId: "vpc-a", priority: 8999 }],
      ["dnsfw-association-vpc-b", { firewallRuleGroupId: "${dnsfw-rule-group.id}", vpcId: "vpc-b", priority: 8999 }],
    ]);
    expect(byType(plan, DNS_CONFIG_TYPE).map((r) => r.inputs)).toEqual([
      { resourceId: "vpc-a", firewallFailOpen: "DISABLED" }, { resourceId: "vpc-b", firewallFailOpen: "DISABLED" },
    ]);
    expect(byType(renderDnsFirewall(all, { vpcIds: ["vpc-a"], failOpen: true }), DNS_CONFIG_TYPE)[0].inputs.firewallFailOpen).toBe("ENABLED");
    for (const bad of [100, 9000, 101.5]) {
      expect(() => renderDnsFirewall(all, { vpcIds: ["vpc-a"], associationPriority: bad })).toThrow(/^dnsFirewall\.associationPriority: /);
    }
    expect(() => renderDnsFirewall(all, { vpcIds: ["vpc-a", "vpc-a"] })).toThrow(new InputError("dnsFirewall.vpcIds", "lists a VPC twice"));
  });

  it("puts the rules into an existing rule group without creating one", () => {
    const plan = renderDnsFirewall(all, { existingRuleGroupId: "${existing-dns-firewall-rule-group.id}", vpcIds: ["vpc-a"] });
    expect(byType(plan, DNS_RULE_GROUP_TYPE)).toEqual([]);
    expect(new Set([...byType(plan, DNS_RULE_TYPE), ...byType(plan, DNS_ASSOCIATION_TYPE)].map((r) => r.inputs.firewallRuleGroupId)))
      .toEqual(new Set(["${existing-dns-firewall-rule-group.id}"]));
  });

  it("reports quota use within the documented limits and no widenings", () => {
    const plan = renderDnsFirewall(all, { vpcIds: ["vpc-a"], blockOthers: true });
    expect(plan.widenings).toEqual([]);
    for (const q of plan.quotas) expect(q.used).toBeLessThanOrEqual(q.limit);
    expect(plan.quotas.map((q) => q.quota)).toEqual(["domains per UpdateFirewallDomains request", "rules per rule group", "rule groups associated per VPC"]);
  });
});
