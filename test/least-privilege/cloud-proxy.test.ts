/**
 * Cloud-proxy mode exists to avoid opening Agora's SDKs to the whole Internet: the proxied
 * SDKs get rules to the proxy endpoints and nothing wider, on every target (security groups,
 * Network Firewall, Azure NSG, Azure Firewall). SDKs without a cloud proxy keep their direct
 * (widened) rules, and those must be attributed to them alone. Nothing falls back to direct access on
 * its own: an SDK without a cloud proxy reaches Agora directly only when `directSdks` names it.
 */
import { cidrCovers } from "../../src/model";
import { SelectionInput, resolve } from "../../src/resolve";
import { EGRESS_RULE_TYPE, INGRESS_RULE_TYPE, renderAwsPlan } from "../../src/renderers/aws";
import { renderAzurePlan } from "../../src/renderers/azure";
import { Plan, mergePlans } from "../../src/renderers/plan";
import { PRODUCTION_PROXY } from "../engine/scenarios";
import { wideRules } from "./wide-rules";

/** Every AWS target (security groups with IPv6 on, so `::/0` would show) and every Azure control. */
function allTargets(selection: SelectionInput): Plan {
  const resolution = resolve(selection);
  return mergePlans(
    renderAwsPlan(resolution, { securityGroups: { vpcId: "vpc-0123456789abcdef0", ipv6: true }, networkFirewall: {}, dnsFirewall: {} }),
    renderAzurePlan(resolution, {}),
  );
}

const proxiedOnly: [string, SelectionInput][] = [
  ["rtc-native + recording, test endpoints", { edition: "2020-05", sdks: ["rtc-native", "recording"], access: "cloud-proxy" }],
  ["rtc-native + recording, production endpoints", { edition: "2020-05", sdks: ["rtc-native", "recording"], access: "cloud-proxy", environment: "production", productionProxy: PRODUCTION_PROXY }],
  ["rtc-web, test endpoints", { edition: "2020-05", sdks: ["rtc-web"], access: "cloud-proxy" }],
  ["rtc-native + rtc-web + recording, proxy_type 2", { edition: "2020-05", sdks: ["rtc-native", "rtc-web", "recording"], access: "cloud-proxy", proxyType: 2 }],
];

describe("cloud proxy: no rule to every address for the proxied SDKs", () => {
  it.each(proxiedOnly)("%s: no wide rule and no traffic widening on any target", (_name, selection) => {
    const plan = allTargets(selection);
    expect(wideRules(plan)).toEqual([]);
    // DNS-layer filters only decide which names resolve: the one they may widen is the proxy's own name.
    const dnsLayer = (t: string) => t === "aws-dns-firewall" || t === "azure-dns-security-policy";
    expect(plan.widenings.filter((w) => !dnsLayer(w.target))).toEqual([]);
    const proxyDomains = resolve(selection).proxyDomains;
    // blockOthers is on by default on both clouds, so no `resolve *`.
    for (const w of plan.widenings.filter((x) => dnsLayer(x.target))) expect(proxyDomains.map((d) => `resolve ${d}`)).toContain(w.rule);
    // The one rule not rendered: Azure Firewall's recording ingress from the proxy endpoints (Internet addresses; only DNAT lets them in).
    for (const n of plan.notices) expect([n.target, n.sdks, n.rule]).toEqual(["azure-firewall-policy", ["recording"], expect.stringMatching(/^udp 40000-41000 ← \d+\.\d+\.\d+\.\d+\/\d+$/)]);
  });

  it.each(proxiedOnly)("%s: every security group rule goes to a proxy endpoint, or (recording's simplex range) comes from one", (_name, selection) => {
    const resolution = resolve(selection);
    const endpoints = resolution.ruleSet.rules.filter((r) => r.direction === "egress").flatMap((r) => (r.destination.kind === "cidr" ? [r.destination.cidr] : []));
    const recordingEndpoints = resolution.ruleSet.rules.filter((r) => r.direction === "egress" && r.sdk === "recording")
      .flatMap((r) => (r.destination.kind === "cidr" ? [r.destination.cidr] : []));
    const rules = allTargets(selection).resources.filter((r) => r.type === EGRESS_RULE_TYPE || r.type === INGRESS_RULE_TYPE);
    expect(rules.length).toBeGreaterThan(0);
    for (const r of rules.filter((x) => x.type === EGRESS_RULE_TYPE)) {
      expect(endpoints.some((e) => cidrCovers(e, String(r.inputs.cidrIpv4)))).toBe(true);
    }
    const ingress = rules.filter((x) => x.type === INGRESS_RULE_TYPE);
    // From exactly recording's proxy endpoints, one rule each; none when recording is not selected.
    expect(ingress.map((r) => String(r.inputs.cidrIpv4)).sort()).toEqual([...new Set(recordingEndpoints)].sort());
    for (const r of ingress) expect([r.inputs.ipProtocol, r.inputs.fromPort, r.inputs.toPort, r.inputs.cidrIpv6]).toEqual(["udp", 40000, 41000, undefined]);
  });

  it("a mix keeps every wide rule and every widening to the SDKs without a cloud proxy", () => {
    const selection: SelectionInput = {
      edition: "2020-05", sdks: ["rtc-native", "recording", "rtc-web", "rtm-native", "rtm-web", "gaming"], access: "cloud-proxy", directSdks: ["rtm-native", "rtm-web", "gaming"],
    };
    expect(() => resolve({ ...selection, directSdks: undefined })).toThrow(/^sdks\[5\]: gaming has no cloud proxy in edition 2020-05; to let it reach Agora directly/);
    const resolution = resolve(selection);
    const direct = new Set(resolution.sdks.filter((s) => s.access === "direct").map((s) => s.id));
    expect([...direct].sort()).toEqual(["gaming", "rtm-native", "rtm-web"]);
    const plan = allTargets(selection);
    const wide = wideRules(plan);
    // Each target has some: the check is not vacuous.
    expect(new Set(wide.map((w) => w.target))).toEqual(new Set(["security group", "network firewall", "azure nsg", "azure firewall"]));
    for (const w of wide) expect({ rule: w.rule, sdks: w.sdks.filter((s) => !direct.has(s)) }).toEqual({ rule: w.rule, sdks: [] });
    // blockOthers is on by default: no `resolve *` (which would concern the whole VPC, not an SDK's flows).
    expect(plan.widenings.filter((x) => x.rule === "resolve *")).toEqual([]);
    for (const w of plan.widenings) {
      expect({ rule: w.rule, sdks: w.sdks.filter((s) => !direct.has(s)) }).toEqual({ rule: w.rule, sdks: [] });
    }
  });

  it("finds wide rules where there are some (the detector is not blind)", () => {
    const wide = wideRules(allTargets({ edition: "2020-05", sdks: ["rtc-web", "recording"] }));
    expect(wide.some((w) => w.target === "security group" && w.sdks.includes("rtc-web"))).toBe(true);
    expect(wide.some((w) => w.target === "network firewall" && w.rule.startsWith("pass udp 0.0.0.0/0 any -> $HOME_NET 40000:41000"))).toBe(true);
    expect(wide.some((w) => w.target === "azure nsg" && w.sdks.includes("recording"))).toBe(true);
    expect(wide.some((w) => w.target === "azure firewall" && w.sdks.includes("rtc-web"))).toBe(true);
  });
});
