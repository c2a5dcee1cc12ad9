import { InputError, allows, formatDestination, formatPortRange, grants } from "../../src/model";
import { getEdition } from "../../src/catalog";
import { resolve } from "../../src/resolve";
import { EXTERNAL, NSG_TYPE, SECURITY_RULE_TYPE, renderNsgRules } from "../../src/renderers/azure";
import { ref } from "../../src/renderers/plan";
import { nsgAdmits } from "./evaluate-nsg";
import { limitViolations } from "./limits";
import { parsePattern, patternMatches } from "./patterns";
import { resolved } from "./scenarios";

const options = { resourceGroupName: "rg-app" };
const rules = (plan: ReturnType<typeof renderNsgRules>) => plan.resources.filter((r) => r.type === SECURITY_RULE_TYPE).map((r) => r.inputs as Record<string, any>);

describe("renderNsgRules", () => {
  const six = renderNsgRules(resolved("all six SDKs direct"), options);

  it("creates an NSG with no inline rules and standalone SecurityRules on it", () => {
    expect(six.resources[0]).toEqual({ type: NSG_TYPE, name: "nsg", inputs: { resourceGroupName: "rg-app" } });
    expect(rules(six).every((r) => r.networkSecurityGroupName === ref("nsg", "name") && r.resourceGroupName === "rg-app")).toBe(true);
    expect(limitViolations(six)).toEqual([]);
  });

  it("widens every domain to the Internet tag on the same ports, and reports each one", () => {
    const domainGrants = grants(resolved("all six SDKs direct").ruleSet).filter((g) => g.destination.kind === "domain");
    // One per domain, and recording's simplex range from any address (broad on purpose).
    expect(six.widenings).toHaveLength(domainGrants.length + 1);
    expect(six.widenings.filter((w) => / → Internet( \(|$)/.test(w.renderedAs)).map((w) => w.rule).sort())
      .toEqual(domainGrants.map((g) => `${g.protocol} ${g.ports.map((p) => formatPortRange(p)).join(",")} → ${formatDestination(g.destination)}${g.sourcePorts ? ` (from source ports ${g.sourcePorts.map((p) => formatPortRange(p)).join(",")})` : ""}`).sort());
    expect(six.widenings.filter((w) => w.rule.includes(" ← "))).toEqual([{
      target: "azure-nsg", rule: "udp 40000-41000 ← 0.0.0.0/0", sdks: ["recording"], renderedAs: "udp 40000-41000 ← 0.0.0.0/0",
      reason: getEdition().recordingSimplex.anySourceReason,
    }]);
    expect(six.widenings).toContainEqual(expect.objectContaining({
      rule: "tcp 1080,8000,9700,25000,30000 → ap1.agora.io",
      renderedAs: "tcp 1080,8000,9700,25000,30000 → Internet",
      sdks: ["recording", "rtc-native"],
    }));
    const outbound = rules(six).filter((r) => r.direction === "Outbound" && r.access === "Allow");
    expect(outbound.every((r) => r.destinationAddressPrefix === "Internet")).toBe(true);
    // One rule per protocol and source-port constraint, whatever the SDKs: each carries every SDK's ports.
    const ports = (r: Record<string, any>) => [r.destinationPortRange ?? r.destinationPortRanges].flat().join(",");
    expect(outbound.map((r) => `${r.securityRuleName}: ${r.protocol} ${ports(r)} from ${r.sourcePortRange}`).sort()).toEqual([
      "agora-out-tcp-internet: Tcp 80,443,1080,3433,5668-5669,5866-6000,6080,6443,8000,8667,9130-9131,9591,9593,9667,9700,25000,30000 from *",
      "agora-out-udp-internet-from-4000-4030: Udp 1080,7000,8000,8913,9700,25000 from 4000-4030",
      "agora-out-udp-internet: Udp 1080,3478,4000-4030,5866-6000,7000,8000,8913,9700,25000 from *",
    ]);
    expect(rules(six)).toHaveLength(5); // was 8 when grouped per SDK (6 Outbound allows)
  });

  it("keeps the Internet rules' names and count whatever the SDKs, and only widens their ports", () => {
    const named = (sdks: string[]) => rules(renderNsgRules(resolve({ edition: "2020-05", sdks }), options)).filter((r) => r.destinationAddressPrefix === "Internet" && r.access === "Allow");
    expect(named(["rtm-native"]).map((r) => r.securityRuleName)).toEqual(["agora-out-tcp-internet", "agora-out-udp-internet"]);
    expect(named(["recording"]).map((r) => r.securityRuleName)).toEqual(["agora-out-tcp-internet", "agora-out-udp-internet-from-4000-4030"]);
    const sixByName = new Map(rules(six).map((r) => [r.securityRuleName, r]));
    for (const r of [...named(["rtm-native"]), ...named(["recording"])]) expect(sixByName.get(r.securityRuleName)!.priority).toBe(r.priority);
  });

  it("stays within the NSG limits for all six SDKs plus custom rules, the deny rule after every allow", () => {
    const many = Array.from({ length: 60 }, (_, i) => String(20000 + 3 * i));
    const plan = renderNsgRules(resolve({
      edition: "2020-05", sdks: ["rtc-native", "rtc-web", "rtm-native", "rtm-web", "recording", "gaming"],
      customRules: [
        { protocol: "tcp", ports: many, destinations: ["example.com", ".example.net"] },
        { protocol: "udp", ports: many, destinations: ["example.com"], sourcePorts: ["5000-5010", "6000"] },
        { protocol: "udp", ports: ["4500-4650", "9000"], destinations: ["192.0.2.0/24", "198.51.100.7/32"] },
        { direction: "ingress", protocol: "tcp", ports: ["8443"], destinations: ["203.0.113.0/24"] },
      ],
    }), options);
    expect(limitViolations(plan)).toEqual([]);
    expect(plan.quotas.every((q) => q.used <= q.limit)).toBe(true);
    const out = rules(plan).filter((r) => r.direction === "Outbound");
    expect(out.filter((r) => r.destinationAddressPrefix === "Internet" && r.access === "Allow").map((r) => r.securityRuleName).sort()).toEqual([
      "agora-out-tcp-internet", "agora-out-udp-internet", "agora-out-udp-internet-from-4000-4030", "agora-out-udp-internet-from-5000-5010_6000",
    ]);
    const deny = out.find((r) => r.access === "Deny")!;
    expect(out.filter((r) => r.access === "Allow").every((r) => r.priority < deny.priority)).toBe(true);
    expect(nsgAdmits(plan, { protocol: "tcp", port: 20003, destination: "example.com" })).toBe(true);
    expect(nsgAdmits(plan, { protocol: "udp", port: 20003, destination: "example.com", sourcePort: 6000 })).toBe(true);
    expect(nsgAdmits(plan, { protocol: "udp", port: 20003, destination: "example.com", sourcePort: 6001 })).toBe(false);
  });

  it("denies other Internet egress at the window's end, ahead of AllowInternetOutBound", () => {
    const deny = rules(six).find((r) => r.access === "Deny")!;
    expect(deny).toMatchObject({ priority: 1999, direction: "Outbound", protocol: "*", destinationAddressPrefix: "Internet", destinationPortRange: "*" });
    expect(rules(six).filter((r) => r.access === "Allow").every((r) => r.priority >= 1000 && r.priority < 1999)).toBe(true);
    expect(nsgAdmits(six, { protocol: "tcp", port: 22, destination: "198.51.100.1" })).toBe(false);
    expect(nsgAdmits(six, { protocol: "udp", port: 3478, destination: "ap1.agora.io" })).toBe(true);
  });

  it("opens recording's simplex range as an Inbound rule from any address (reported as a widening, above)", () => {
    expect(rules(six).filter((r) => r.direction === "Inbound")).toEqual([expect.objectContaining({
      access: "Allow", protocol: "Udp", sourceAddressPrefix: "0.0.0.0/0", sourcePortRange: "*",
      destinationAddressPrefix: "*", destinationPortRange: "40000-41000",
    })]);
  });

  it("opens recording's simplex range through the cloud proxy from the proxy endpoints only, with no widening", () => {
    const plan = renderNsgRules(resolved("rtc-native + recording via cloud proxy (test)"), options);
    expect(rules(plan).filter((r) => r.direction === "Inbound")).toEqual([expect.objectContaining({
      securityRuleName: "agora-in-udp-addresses-40000-41000", access: "Allow", protocol: "Udp",
      sourceAddressPrefixes: ["47.74.211.17/32", "47.96.234.219/32", "52.52.84.170/32", "52.80.192.229/32", "120.92.18.162/32", "120.92.118.34/32"],
      sourcePortRange: "*", destinationAddressPrefix: "*", destinationPortRange: "40000-41000",
    })]);
    expect(plan.widenings).toEqual([]);
    expect(plan.notices).toEqual([]);
  });

  it("expresses recording's local ports 4000-4030 exactly as a source port range", () => {
    const plan = renderNsgRules(resolve({ edition: "2020-05", sdks: ["recording"] }), options);
    expect(rules(plan)).toContainEqual(expect.objectContaining({
      protocol: "Udp", sourcePortRange: "4000-4030", destinationAddressPrefix: "Internet",
      destinationPortRanges: ["1080", "7000", "8000", "8913", "9700", "25000"],
    }));
    const udp = plan.widenings.filter((w) => w.rule.startsWith("udp") && w.rule.includes(" → "));
    expect(udp.length).toBeGreaterThan(0);
    expect(plan.widenings.filter((w) => w.rule.includes(" ← ")).map((w) => w.renderedAs)).toEqual(["udp 40000-41000 ← 0.0.0.0/0"]);
    expect(udp.map((w) => w.renderedAs)).toEqual(udp.map(() => "udp 1080,7000,8000,8913,9700,25000 → Internet (from source ports 4000-4030)"));
    expect(nsgAdmits(plan, { protocol: "udp", port: 8000, destination: "qos.agoralab.co", sourcePort: 4000 })).toBe(true);
    expect(nsgAdmits(plan, { protocol: "udp", port: 8000, destination: "qos.agoralab.co", sourcePort: 5000 })).toBe(false);
  });

  it("adds rules to an existing NSG through the existing-nsg reference", () => {
    const plan = renderNsgRules(resolved("all six SDKs direct"), { ...options, nsg: { existingNetworkSecurityGroupId: "${existing-nsg.id}" } });
    expect(plan.resources.some((r) => r.type === NSG_TYPE)).toBe(false);
    expect(rules(plan).every((r) => r.networkSecurityGroupName === ref(EXTERNAL.existingNsg, "name")
      && r.resourceGroupName === ref(EXTERNAL.existingNsg, "resourceGroupName"))).toBe(true);
  });

  it("reports AllowInternetOutBound as a widening when deny-by-default is off", () => {
    const plan = renderNsgRules(resolved("all six SDKs direct"), { ...options, nsg: { denyByDefault: false } });
    expect(rules(plan).some((r) => r.access === "Deny")).toBe(false);
    const open = plan.widenings.find((w) => w.renderedAs === "any * → Internet")!;
    expect(patternMatches(parsePattern(open.renderedAs), { protocol: "tcp", port: 22, destination: "198.51.100.1" })).toBe(true);
    expect(nsgAdmits(plan, { protocol: "tcp", port: 22, destination: "198.51.100.1" })).toBe(true);
  });

  it("admits every flow of the model on the fixed scenarios", () => {
    const r = resolved("rtc-native + recording via cloud proxy (test)");
    const plan = renderNsgRules(r, options);
    for (const flow of [
      { protocol: "udp" as const, port: 4600, destination: "120.92.18.162" },
      { protocol: "tcp" as const, port: 25000, destination: "52.52.84.170" },
    ]) {
      expect(allows(r.ruleSet, flow)).toBe(true);
      expect(nsgAdmits(plan, flow)).toBe(true);
    }
    expect(nsgAdmits(plan, { protocol: "udp", port: 4600, destination: "52.52.84.170" })).toBe(false);
    expect(plan.widenings).toEqual([]);
  });

  it("rejects a window too small for the rules, before rendering anything", () => {
    const call = () => renderNsgRules(resolved("all six SDKs direct"), { ...options, nsg: { firstPriority: 4093, lastPriority: 4095 } });
    expect(call).toThrow(InputError);
    expect(call).toThrow(/^azure\.nsg\.lastPriority: 3 Outbound allow rules, the deny rule and the 4 kept for the DNS guard need 8 priorities but 4093-4095 has only 3; widen the window$/);
  });

  it.each([
    [{ firstPriority: 99 }, /^azure\.nsg\.firstPriority: /],
    [{ lastPriority: 4097 }, /^azure\.nsg\.lastPriority: /],
    [{ firstPriority: 1500, lastPriority: 1400 }, /^azure\.nsg\.firstPriority: 1500 is after lastPriority 1400/],
    [{ networkSecurityGroupName: "bad name!" }, /^azure\.nsg\.networkSecurityGroupName: /],
  ])("rejects bad NSG options %j", (nsg, message) => {
    expect(() => renderNsgRules(resolved("all six SDKs direct"), { ...options, nsg })).toThrow(message);
  });

  it("rejects a name prefix that would break a child-name charset", () => {
    expect(() => renderNsgRules(resolved("all six SDKs direct"), { ...options, namePrefix: "team_a." })).toThrow(/^azure\.namePrefix: /);
  });
});
