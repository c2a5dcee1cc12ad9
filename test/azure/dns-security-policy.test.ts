import { resolve } from "../../src/resolve";
import {
  DNS_DOMAIN_LIST_TYPE, DNS_LINK_TYPE, DNS_POLICY_TYPE, DNS_SECURITY_RULE_TYPE, EXTERNAL, renderDnsSecurityPolicy,
} from "../../src/renderers/azure";
import { Plan, ref } from "../../src/renderers/plan";
import { dnsResolves } from "./evaluate-dns";
import { limitViolations } from "./limits";
import { VNET_ID, resolved } from "./scenarios";

const options = { resourceGroupName: "rg-dns", location: "westeurope" };
const byName = (plan: Plan, name: string) => plan.resources.find((r) => r.name === name)!;

describe("renderDnsSecurityPolicy", () => {
  const six = renderDnsSecurityPolicy(resolved("all six SDKs direct"), { ...options, dnsSecurityPolicy: { virtualNetworkIds: [VNET_ID] } });

  it("allows the selection's names with trailing dots, dropping names inside a listed subtree", () => {
    expect(byName(six, "dns-allow-list").inputs).toEqual({
      resourceGroupName: "rg-dns", location: "westeurope", domains: ["agora.io.", "agoraio.cn.", "qos.agoralab.co.", "qoslbs.agoralab.co."],
    });
    expect(byName(six, "dns-allow-rule").inputs).toEqual({
      resourceGroupName: "rg-dns", location: "westeurope", dnsResolverPolicyName: ref("dns-security-policy", "name"),
      dnsSecurityRuleName: "agora-allow", priority: 1000, action: { actionType: "Allow" },
      dnsResolverDomainLists: [{ id: ref("dns-allow-list", "id") }], dnsSecurityRuleState: "Enabled",
    });
    expect(limitViolations(six)).toEqual([]);
  });

  it("blocks every other name with `.` at a later priority", () => {
    expect(byName(six, "dns-block-list").inputs.domains).toEqual(["."]);
    expect(byName(six, "dns-block-rule").inputs).toMatchObject({ priority: 65000, action: { actionType: "Block" }, dnsSecurityRuleName: "agora-block-others" });
    expect(dnsResolves(six, "x.edge.agora.io")).toBe(true);
    expect(dnsResolves(six, "example.com")).toBe(false);
    expect(dnsResolves(six, "evilagora.io")).toBe(false);
  });

  it("reports exact names as widened to their subtree", () => {
    expect(six.widenings).toEqual([
      expect.objectContaining({ rule: "resolve qos.agoralab.co", renderedAs: "resolve .qos.agoralab.co", sdks: ["gaming", "recording", "rtc-native", "rtm-native"] }),
      expect.objectContaining({ rule: "resolve qoslbs.agoralab.co", renderedAs: "resolve .qoslbs.agoralab.co" }),
    ]);
    expect(dnsResolves(six, "a.qos.agoralab.co")).toBe(true);
  });

  it("links each virtual network under a valid, content-derived name", () => {
    const links = six.resources.filter((r) => r.type === DNS_LINK_TYPE);
    expect(links).toHaveLength(1);
    expect(links[0].inputs).toMatchObject({ virtualNetwork: { id: VNET_ID }, dnsResolverPolicyName: ref("dns-security-policy", "name") });
    expect(links[0].inputs.dnsResolverPolicyVirtualNetworkLinkName).toMatch(/^agora-link-spoke-a-[0-9a-f]{8}$/);
  });

  it("includes the cloud-proxy domain for proxy_type 1", () => {
    const plan = renderDnsSecurityPolicy(resolved("rtc-native + recording via cloud proxy (test)"), options);
    expect(byName(plan, "dns-allow-list").inputs.domains).toEqual(["ap-proxy.agora.io."]);
    expect(plan.widenings).toEqual([expect.objectContaining({ rule: "resolve ap-proxy.agora.io", sdks: ["rtc-native"] })]);
  });

  it("with nothing to allow, has no allow list (a list needs a domain) but still blocks", () => {
    const plan = renderDnsSecurityPolicy(resolve({ edition: "2020-05", sdks: ["rtc-web"], access: "cloud-proxy" }), options);
    expect(plan.resources.map((r) => r.name)).toEqual(["dns-security-policy", "dns-block-list", "dns-block-rule"]);
  });

  it("reports that everything resolves when blockOthers is off", () => {
    const plan = renderDnsSecurityPolicy(resolved("all six SDKs direct"), { ...options, dnsSecurityPolicy: { blockOthers: false } });
    expect(plan.resources.filter((r) => r.type === DNS_SECURITY_RULE_TYPE)).toHaveLength(1);
    expect(plan.widenings).toContainEqual(expect.objectContaining({ rule: "resolve *", renderedAs: "resolve *" }));
    expect(dnsResolves(plan, "example.com")).toBe(true);
  });

  it("adds rules to an existing policy through the existing-dns-security-policy reference", () => {
    const plan = renderDnsSecurityPolicy(resolved("all six SDKs direct"), { ...options, dnsSecurityPolicy: { existingDnsSecurityPolicyId: "${existing-dns-security-policy.id}" } });
    expect(plan.resources.some((r) => r.type === DNS_POLICY_TYPE)).toBe(false);
    expect(byName(plan, "dns-allow-rule").inputs).toMatchObject({
      dnsResolverPolicyName: ref(EXTERNAL.existingDnsSecurityPolicy, "name"), resourceGroupName: ref(EXTERNAL.existingDnsSecurityPolicy, "resourceGroupName"),
    });
    expect(plan.resources.filter((r) => r.type === DNS_DOMAIN_LIST_TYPE).every((r) => r.inputs.resourceGroupName === "rg-dns")).toBe(true);
  });

  it.each([
    [{ allowPriority: 2000, blockPriority: 1500 }, /^azure\.dnsSecurityPolicy\.blockPriority: 1500 must come after allowPriority 2000/],
    [{ allowPriority: 99 }, /^azure\.dnsSecurityPolicy\.allowPriority: /],
    [{ virtualNetworkIds: ["vnet-1"] }, /^azure\.dnsSecurityPolicy\.virtualNetworkIds\[0\]: "vnet-1" is not the ARM id of a Microsoft\.Network\/virtualNetworks$/],
  ])("rejects bad DNS options %j", (dnsSecurityPolicy, message) => {
    expect(() => renderDnsSecurityPolicy(resolved("all six SDKs direct"), { ...options, dnsSecurityPolicy })).toThrow(message);
  });
});
