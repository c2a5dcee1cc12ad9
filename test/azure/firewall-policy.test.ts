import { allows, grants, portInRanges } from "../../src/model";
import { resolve } from "../../src/resolve";
import {
  EXTERNAL, FIREWALL_POLICY_TYPE, FirewallPolicyTier, IP_GROUP_TYPE, RULE_COLLECTION_GROUP_TYPE, renderFirewallPolicyRules,
} from "../../src/renderers/azure";
import { Plan, ref } from "../../src/renderers/plan";
import { firewallAdmits } from "./evaluate-firewall";
import { limitViolations } from "./limits";
import { parsePattern, patternMatches } from "./patterns";
import { resolved } from "./scenarios";

const options = { resourceGroupName: "rg-hub", location: "westeurope" };
const rcg = (plan: Plan) => plan.resources.find((r) => r.type === RULE_COLLECTION_GROUP_TYPE)!;
const allRules = (plan: Plan) => (rcg(plan).inputs.ruleCollections as any[]).flatMap((c) => c.rules as Record<string, any>[]);
const network = (plan: Plan) => allRules(plan).filter((r) => r.ruleType === "NetworkRule");
const application = (plan: Plan) => allRules(plan).filter((r) => r.ruleType === "ApplicationRule");

describe("renderFirewallPolicyRules", () => {
  const six = renderFirewallPolicyRules(resolved("all six SDKs direct"), options);

  it("creates a Standard policy with DNS proxy on, and one rule collection group on it", () => {
    expect(six.resources[0]).toEqual({
      type: FIREWALL_POLICY_TYPE, name: "firewall-policy",
      inputs: { resourceGroupName: "rg-hub", location: "westeurope", sku: { tier: "Standard" }, dnsSettings: { enableProxy: true } },
    });
    expect(rcg(six).inputs).toMatchObject({
      firewallPolicyName: ref("firewall-policy", "name"), resourceGroupName: "rg-hub", ruleCollectionGroupName: "agora-egress", priority: 1000,
    });
    expect((rcg(six).inputs.ruleCollections as any[]).map((c) => [c.name, c.priority, c.action.type])).toEqual([
      ["agora-network", 100, "Allow"], ["agora-application", 200, "Allow"],
    ]);
    expect(limitViolations(six)).toEqual([]);
  });

  it("puts domains on TCP 80/443 in application rules: exact names, and name plus *.name for subtrees", () => {
    const fqdns = application(six).flatMap((r) => r.targetFqdns);
    expect(fqdns).toEqual(expect.arrayContaining(["agora.io", "*.agora.io", "ap-web-1.agora.io", "edge.agoraio.cn", "*.edge.agoraio.cn"]));
    expect(fqdns.filter((f: string) => f.includes("*") && !f.startsWith("*."))).toEqual([]);
    expect(application(six).every((r) => r.sourceAddresses.join() === "10.0.0.0/8,172.16.0.0/12,192.168.0.0/16")).toBe(true);
    expect(firewallAdmits(six, { protocol: "tcp", port: 443, destination: "agora.io" })).toBe(true);
    expect(firewallAdmits(six, { protocol: "tcp", port: 443, destination: "x.edge.agora.io" })).toBe(true);
    expect(firewallAdmits(six, { protocol: "tcp", port: 443, destination: "evilagora.io" })).toBe(false);
  });

  it("reports every name of an application rule as SNI/Host spoofing: any destination presenting it, per protocol", () => {
    const spoofing = six.widenings.filter((w) => w.renderedAs.includes(" presenting "));
    const named = grants(resolved("all six SDKs direct").ruleSet).filter((g) => g.destination.kind === "domain" && g.direction === "egress" && g.protocol === "tcp");
    expect(spoofing).toHaveLength(named.flatMap((g) => [80, 443].filter((p) => portInRanges(p, g.ports))).length);
    expect(spoofing.length).toBeGreaterThan(10);
    for (const w of spoofing) {
      expect(w.reason).toBe("TLS SNI and HTTP Host are chosen by the client: a client that names an allowed host can connect to any address (SNI/Host spoofing)");
      expect(w.renderedAs).toMatch(/^tcp (443 → \* presenting TLS SNI|80 → \* presenting HTTP Host) \S+$/);
    }
    // One per model rule and application protocol, naming the model rule's destination (Agora's notation).
    const agora = spoofing.filter((w) => w.rule.endsWith("→ .agora.io"));
    expect(agora.map((w) => w.renderedAs)).toEqual(["tcp 80 → * presenting HTTP Host .agora.io", "tcp 443 → * presenting TLS SNI .agora.io"]);
    const names = application(six).flatMap((r) => r.targetFqdns as string[]).map((f) => f.replace(/^\*\./, "."));
    for (const w of spoofing) expect(names).toContain(w.renderedAs.split(" ").pop());
    // The property tests read these widenings back: a Flow is a name or an address, so one covers only names under its own.
    const p = parsePattern("tcp 443 → * presenting TLS SNI .agora.io");
    expect(["x.agora.io", "agora.io", "evilagora.io", "198.51.100.1"].map((destination) => patternMatches(p, { protocol: "tcp", port: 443, destination })))
      .toEqual([true, true, false, false]);
    expect(patternMatches(p, { protocol: "tcp", port: 80, destination: "x.agora.io" })).toBe(false);
    expect(() => parsePattern("tcp 443 → Internet presenting TLS SNI .agora.io")).toThrow(/not a flow pattern/);
    // Source ports are not kept on Azure, so the spoofing widening has none either.
    const recording = renderFirewallPolicyRules(resolve({ customRules: [{ protocol: "tcp", ports: ["443"], destinations: ["api.example.com"], sourcePorts: ["5000"] }] }), options);
    expect(recording.widenings.map((w) => [w.rule, w.renderedAs])).toEqual([
      ["tcp 443 → api.example.com (from source ports 5000)", "tcp 443 → api.example.com"],
      ["tcp 443 → api.example.com (from source ports 5000)", "tcp 443 → * presenting TLS SNI api.example.com"],
    ]);
  });

  it("uses exact network-rule FQDNs on other ports (DNS proxy on) and reports that they match by address", () => {
    const fqdnRule = network(six).find((r) => r.destinationFqdns?.includes("qos.agoralab.co") && r.ipProtocols.includes("UDP"))!;
    expect(fqdnRule.destinationPorts).toEqual(["1080", "4000-4030", "7000", "8000", "8913", "9700", "25000"]);
    expect(network(six).flatMap((r) => r.destinationFqdns ?? []).filter((f: string) => f.includes("*"))).toEqual([]);
    expect(six.widenings).toContainEqual(expect.objectContaining({
      rule: "udp 1080,4000-4030,7000,8000,8913,9700,25000 → qos.agoralab.co",
      renderedAs: "udp 1080,4000-4030,7000,8000,8913,9700,25000 → qos.agoralab.co",
      reason: expect.stringContaining("DNS proxy"),
    }));
  });

  it("widens subtree domains on other ports to * on exactly those ports, never TCP 80/443", () => {
    const w = six.widenings.find((x) => x.rule.startsWith("tcp 80,443,1080,") && x.rule.endsWith("→ .agora.io") && x.renderedAs.endsWith("→ *"))!;
    expect(w.renderedAs).toBe("tcp 1080,3433,5668-5669,5866-6000,6080,6443,8000,8667,9130-9131,9591,9593,9667 → *");
    const anyTcp = network(six).filter((r) => r.destinationAddresses?.includes("*") && r.ipProtocols.includes("TCP"));
    expect(anyTcp.length).toBeGreaterThan(0);
    expect(firewallAdmits(six, { protocol: "tcp", port: 443, destination: "198.51.100.1" })).toBe(false);
    expect(firewallAdmits(six, { protocol: "tcp", port: 443, destination: "example.com" })).toBe(false);
    expect(firewallAdmits(six, { protocol: "tcp", port: 6443, destination: "example.com" })).toBe(true);
  });

  it("drops recording's source ports and says so", () => {
    const plan = renderFirewallPolicyRules(resolve({ edition: "2020-05", sdks: ["recording"] }), options);
    const udp = plan.widenings.filter((w) => w.rule.startsWith("udp"));
    expect(udp.length).toBe(13);
    expect(udp.every((w) => w.rule.endsWith("(from source ports 4000-4030)") && !w.renderedAs.includes("source ports")
      && w.reason.includes("no source-port match"))).toBe(true);
  });

  it("without DNS proxy (existing policy), widens exact names on other ports to * and emits no network FQDNs", () => {
    const plan = renderFirewallPolicyRules(resolved("all six SDKs direct"), { ...options, firewallPolicy: { existingFirewallPolicyId: "${existing-firewall-policy.id}" } });
    expect(plan.resources.some((r) => r.type === FIREWALL_POLICY_TYPE)).toBe(false);
    expect(rcg(plan).inputs).toMatchObject({
      firewallPolicyName: ref(EXTERNAL.existingFirewallPolicy, "name"), resourceGroupName: ref(EXTERNAL.existingFirewallPolicy, "resourceGroupName"),
    });
    expect(network(plan).some((r) => r.destinationFqdns)).toBe(false);
    expect(plan.widenings).toContainEqual(expect.objectContaining({
      rule: "tcp 1080,8000,9700,25000,30000 → vocs1.agora.io", renderedAs: "tcp 1080,8000,9700,25000,30000 → *",
      reason: expect.stringContaining("DNS proxy, which is off"),
    }));
    expect(limitViolations(plan)).toEqual([]);
  });

  it("creates IP Groups for proxy endpoints in a dependsOn chain, the group depending on all of them", () => {
    const plan = renderFirewallPolicyRules(resolved("rtc-native + recording via cloud proxy (test)"), options);
    const groups = plan.resources.filter((r) => r.type === IP_GROUP_TYPE);
    // Named by the rules that use them (port profiles), never by their addresses.
    expect(groups.map((g) => [g.name, g.inputs.ipAddresses, g.dependsOn])).toEqual([
      ["ip-group-tcp-4000-udp-4500-4650", ["120.92.18.162/32", "120.92.118.34/32"], undefined],
      ["ip-group-tcp-udp-1080_8000_9700_25000", ["47.74.211.17/32", "47.96.234.219/32", "52.52.84.170/32", "52.80.192.229/32"], ["ip-group-tcp-4000-udp-4500-4650"]],
    ]);
    expect(rcg(plan).dependsOn).toEqual(groups.map((g) => g.name));
    expect(network(plan).map((r) => `${r.name}: ${r.ipProtocols.join("+")} ${r.destinationPorts.join(",")} ${r.destinationIpGroups}`)).toEqual([
      `out-tcp-ip-group-4000: TCP 4000 ${ref("ip-group-tcp-4000-udp-4500-4650", "id")}`,
      `out-tcp-udp-ip-group-1080_8000_9700_25000: TCP+UDP 1080,8000,9700,25000 ${ref("ip-group-tcp-udp-1080_8000_9700_25000", "id")}`,
      `out-udp-ip-group-4500-4650: UDP 4500-4650 ${ref("ip-group-tcp-4000-udp-4500-4650", "id")}`,
    ]);
    expect(plan.widenings).toEqual([]);
    expect(limitViolations(plan)).toEqual([]);
  });

  it("does not render recording's simplex range from any address: only DNAT lets Internet traffic in, so it is a notice", () => {
    expect(network(six).filter((r) => r.name.startsWith("in-"))).toEqual([]);
    expect(JSON.stringify(rcg(six))).not.toContain("0.0.0.0/0");
    expect(six.notices).toEqual([{
      target: "azure-firewall-policy", rule: "udp 40000-41000 ← 0.0.0.0/0", sdks: ["recording"],
      reason: "Azure Firewall lets unsolicited traffic in from the Internet only through a DNAT rule on its public IP address, "
        + "so a network rule would never deliver this traffic and would only open east-west paths: none is rendered. "
        + "Add a DNAT rule for these ports on your firewall (it needs the firewall's public IP), or route this traffic past the firewall to the workloads' NSG, which renders the rule.",
    }]);
    // Not rendered, so not widened either.
    expect(six.widenings.filter((w) => w.rule.includes(" ← "))).toEqual([]);
    expect(firewallAdmits(six, { direction: "ingress", protocol: "udp", port: 40000, destination: "198.51.100.1" })).toBe(false);
    expect(firewallAdmits(six, { protocol: "udp", port: 40000, destination: "198.51.100.1" })).toBe(false);
  });

  it("does not render recording's ingress from the proxy endpoints either (Internet addresses), and lists it", () => {
    const plan = renderFirewallPolicyRules(resolved("rtc-native + recording via cloud proxy (test)"), options);
    expect(network(plan).filter((r) => r.name.startsWith("in-"))).toEqual([]);
    expect(plan.notices.map((n) => [n.target, n.rule, n.sdks])).toEqual([
      ["azure-firewall-policy", "udp 40000-41000 ← 47.74.211.17/32", ["recording"]],
      ["azure-firewall-policy", "udp 40000-41000 ← 47.96.234.219/32", ["recording"]],
      ["azure-firewall-policy", "udp 40000-41000 ← 52.52.84.170/32", ["recording"]],
      ["azure-firewall-policy", "udp 40000-41000 ← 52.80.192.229/32", ["recording"]],
      ["azure-firewall-policy", "udp 40000-41000 ← 120.92.18.162/32", ["recording"]],
      ["azure-firewall-policy", "udp 40000-41000 ← 120.92.118.34/32", ["recording"]],
    ]);
    expect(new Set(plan.notices.map((n) => n.reason))).toEqual(new Set([six.notices[0].reason]));
  });

  it("renders ingress from private addresses to the workloads only, and lists ingress from the Internet", () => {
    const plan = renderFirewallPolicyRules(resolve({
      edition: "2020-05", sdks: ["rtc-web"],
      customRules: [{ direction: "ingress", protocol: "tcp", ports: ["8443"], destinations: ["10.20.0.0/16", "172.16.5.0/24", "192.168.7.7", "203.0.113.0/24"] }],
    }), options);
    expect(network(plan).filter((r) => r.name.startsWith("in-"))).toEqual([expect.objectContaining({
      ipProtocols: ["TCP"], sourceAddresses: ["10.20.0.0/16", "172.16.5.0/24", "192.168.7.7/32"],
      destinationAddresses: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"], destinationPorts: ["8443"],
    })]);
    expect(plan.notices.map((n) => [n.rule, n.sdks])).toEqual([["tcp 8443 ← 203.0.113.0/24", ["custom"]]]);
    expect(firewallAdmits(plan, { direction: "ingress", protocol: "tcp", port: 8443, destination: "10.20.3.4" })).toBe(true);
    expect(firewallAdmits(plan, { direction: "ingress", protocol: "tcp", port: 8443, destination: "203.0.113.9" })).toBe(false);
    expect(firewallAdmits(plan, { protocol: "tcp", port: 8443, destination: "10.20.3.4" })).toBe(false);
  });

  it("denies what no rule allows, and says where that default lives", () => {
    expect(six.defaults).toEqual([{
      target: "azure-firewall-policy", unmatched: "denied",
      statement: "Azure Firewall denies what no rule allows; the policy created here holds only this rule collection group.",
    }]);
  });

  it("scopes rules to given workload IP Groups", () => {
    const id = "/subscriptions/0000/resourceGroups/hub-rg/providers/Microsoft.Network/ipGroups/spoke-workloads";
    // With an ingress rule from a private range (Internet ingress is not rendered), so both sides are exercised.
    const plan = renderFirewallPolicyRules(resolve({
      edition: "2020-05", sdks: ["rtc-native", "rtc-web", "rtm-native", "rtm-web", "recording", "gaming"],
      customRules: [{ direction: "ingress", protocol: "udp", ports: ["45000"], destinations: ["10.20.0.0/16"] }],
    }), { ...options, firewallPolicy: { sourceIpGroups: [id] } });
    expect(allRules(plan).filter((r) => r.name.startsWith("in-"))).toHaveLength(1);
    expect(allRules(plan).every((r) => r.name.startsWith("in-") ? r.destinationIpGroups[0] === id : r.sourceIpGroups[0] === id)).toBe(true);
    expect(limitViolations(plan)).toEqual([]);
  });

  it("Basic tier: no DNS proxy, so no network FQDNs", () => {
    const plan = renderFirewallPolicyRules(resolved("all six SDKs direct"), { ...options, firewallPolicy: { tier: FirewallPolicyTier.Basic } });
    expect(plan.resources[0].inputs).toEqual({ resourceGroupName: "rg-hub", location: "westeurope", sku: { tier: "Basic" } });
    expect(network(plan).some((r) => r.destinationFqdns)).toBe(false);
  });

  it("covers every model flow of the production scenario exactly", () => {
    const r = resolved("production endpoints");
    const plan = renderFirewallPolicyRules(r, options);
    const flow = { protocol: "tcp" as const, port: 8000, destination: "203.0.113.9" };
    expect(allows(r.ruleSet, flow)).toBe(true);
    expect(firewallAdmits(plan, flow)).toBe(true);
    expect(firewallAdmits(plan, { ...flow, protocol: "udp" })).toBe(false);
  });

  it.each([
    [{ ruleCollectionGroupPriority: 99 }, /^azure\.firewallPolicy\.ruleCollectionGroupPriority: /],
    [{ networkRuleCollectionPriority: 65001 }, /^azure\.firewallPolicy\.networkRuleCollectionPriority: /],
    [{ networkRuleCollectionPriority: 300, applicationRuleCollectionPriority: 300 }, /must differ/],
    [{ sourceAddresses: ["10.0.0.0/8"], sourceIpGroups: ["/subscriptions/0/resourceGroups/r/providers/Microsoft.Network/ipGroups/g"] }, /not both/],
    [{ sourceAddresses: ["10.0.0.0/33"] }, /^azure\.firewallPolicy\.sourceAddresses\[0\]: /],
    [{ sourceIpGroups: ["g1"] }, /^azure\.firewallPolicy\.sourceIpGroups\[0\]: "g1" is not the ARM id of a Microsoft\.Network\/ipGroups$/],
    [{ tier: FirewallPolicyTier.Basic, dnsProxyEnabled: true }, /Basic firewall policies have no DNS proxy/],
  ])("rejects bad firewall options %j", (firewallPolicy, message) => {
    expect(() => renderFirewallPolicyRules(resolved("all six SDKs direct"), { ...options, firewallPolicy })).toThrow(message);
  });
});
