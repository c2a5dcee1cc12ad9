/**
 * Deny by default where the platform's own default allows: an Azure NSG lets all outbound
 * Internet traffic out (AllowInternetOutBound, 65001) unless a Deny comes first; an AWS
 * security group starts closed; a Network Firewall policy must end in a drop; DNS-layer
 * filters need an explicit block-everything-else rule.
 */
import { InputError } from "../../src/model";
import { resolve } from "../../src/resolve";
import {
  DNS_RULE_TYPE, FIREWALL_POLICY_TYPE, SECURITY_GROUP_TYPE, StatefulDefaultAction, renderAwsPlan, renderDnsFirewall, renderNetworkFirewallRules,
} from "../../src/renderers/aws";
import { DNS_SECURITY_RULE_TYPE, SECURITY_RULE_TYPE, renderAzurePlan } from "../../src/renderers/azure";

const resolution = resolve({ edition: "2020-05", sdks: ["rtc-native", "rtc-web", "recording"], access: "cloud-proxy" });
const AZURE_ALLOW_INTERNET_OUT = 65001;

describe("Azure NSG", () => {
  const rules = (options = {}) => renderAzurePlan(resolution, { nsg: {}, ...options }).resources.filter((r) => r.type === SECURITY_RULE_TYPE).map((r) => r.inputs);

  it("denies other outbound Internet traffic by default, after every allow rule and before AllowInternetOutBound", () => {
    const all = rules();
    const denies = all.filter((r) => r.access === "Deny");
    expect(denies).toEqual([expect.objectContaining({
      direction: "Outbound", protocol: "*", sourceAddressPrefix: "*", sourcePortRange: "*", destinationAddressPrefix: "Internet", destinationPortRange: "*", priority: 1999,
    })]);
    const allows = all.filter((r) => r.access === "Allow" && r.direction === "Outbound");
    expect(allows.length).toBeGreaterThan(0);
    for (const a of allows) expect(a.priority as number).toBeLessThan(denies[0].priority as number);
    expect(denies[0].priority as number).toBeLessThan(AZURE_ALLOW_INTERNET_OUT);
  });

  it("puts the deny at the end of the caller's priority window", () => {
    const deny = rules({ nsg: { firstPriority: 100, lastPriority: 150 } }).find((r) => r.access === "Deny")!;
    expect(deny.priority).toBe(150);
  });

  it("reports turning it off as a widening to the whole Internet, never silently", () => {
    const plan = renderAzurePlan(resolution, { nsg: { denyByDefault: false } });
    expect(plan.resources.filter((r) => r.type === SECURITY_RULE_TYPE && r.inputs.access === "Deny")).toEqual([]);
    expect(plan.widenings).toContainEqual(expect.objectContaining({ target: "azure-nsg", renderedAs: "any * → Internet" }));
  });

  it("blocks every other name in the DNS security policy by default", () => {
    const dns = renderAzurePlan(resolution, { dnsSecurityPolicy: {} }).resources.filter((r) => r.type === DNS_SECURITY_RULE_TYPE);
    expect(dns.map((r) => (r.inputs.action as { actionType: string }).actionType).sort()).toEqual(["Allow", "Block"]);
  });
});

describe("AWS", () => {
  it("creates security groups without inline rules (the provider removes AWS's default allow-all egress)", () => {
    const groups = renderAwsPlan(resolution, { securityGroups: { vpcId: "vpc-0123456789abcdef0" } }).resources.filter((r) => r.type === SECURITY_GROUP_TYPE);
    expect(groups.length).toBeGreaterThan(0);
    for (const g of groups) expect(Object.keys(g.inputs).sort()).toEqual(["description", "vpcId"]);
  });

  it("ends a created firewall policy in a drop, and offers no default action that lets traffic through", () => {
    for (const action of [undefined, StatefulDefaultAction.DropEstablished, StatefulDefaultAction.DropStrict]) {
      const policy = renderNetworkFirewallRules(resolution, { createPolicy: true, ...(action ? { statefulDefaultAction: action } : {}) })
        .resources.find((r) => r.type === FIREWALL_POLICY_TYPE)!;
      expect((policy.inputs.firewallPolicy as { statefulDefaultActions: string[] }).statefulDefaultActions).toEqual([action ?? "aws:drop_established"]);
    }
    for (const permissive of ["aws:alert_established", "aws:alert_strict", "aws:pass"]) {
      expect(() => renderNetworkFirewallRules(resolution, { createPolicy: true, statefulDefaultAction: permissive as StatefulDefaultAction })).toThrow(InputError);
    }
  });

  it("offers a block-everything-else rule in DNS Firewall, after the allow rule", () => {
    const rules = renderDnsFirewall(resolution, { blockOthers: true }).resources.filter((r) => r.type === DNS_RULE_TYPE).map((r) => r.inputs);
    expect(rules.map((r) => [r.action, r.priority])).toEqual([["ALLOW", 100], ["BLOCK", 200]]);
  });
});
