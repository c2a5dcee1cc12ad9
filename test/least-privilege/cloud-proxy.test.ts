/**
 * Cloud-proxy mode exists to avoid opening Agora's SDKs to the whole Internet: the proxied
 * SDKs get rules to the proxy endpoints and nothing wider, on every target (security groups,
 * Network Firewall, Azure NSG, Azure Firewall). SDKs without a cloud proxy keep their direct
 * (widened) rules, and those must be attributed to them alone.
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
  ["rtc-native + recording, test endpoints", { sdks: ["rtc-native", "recording"], access: "cloud-proxy" }],
  ["rtc-native + recording, production endpoints", { sdks: ["rtc-native", "recording"], access: "cloud-proxy", environment: "production", productionProxy: PRODUCTION_PROXY }],
  ["rtc-web, test endpoints", { sdks: ["rtc-web"], access: "cloud-proxy" }],
  ["rtc-native + rtc-web + recording, proxy_type 2", { sdks: ["rtc-native", "rtc-web", "recording"], access: "cloud-proxy", proxyType: 2 }],
];

describe("cloud proxy: no rule to every address for the proxied SDKs", () => {
  it.each(proxiedOnly)("%s: no wide rule and no traffic widening on any target", (_name, selection) => {
    const plan = allTargets(selection);
    expect(wideRules(plan)).toEqual([]);
    // DNS-layer filters only decide which names resolve: the one they may widen is the proxy's own name.
    const dnsLayer = (t: string) => t === "aws-dns-firewall" || t === "azure-dns-security-policy";
    expect(plan.widenings.filter((w) => !dnsLayer(w.target))).toEqual([]);
    const proxyDomains = resolve(selection).proxyDomains;
    // …and, where blocking every other name is off (AWS's default: its DNS Firewall is VPC-wide), `resolve *`.
    for (const w of plan.widenings.filter((x) => dnsLayer(x.target))) expect([...proxyDomains.map((d) => `resolve ${d}`), "resolve *"]).toContain(w.rule);
  });

  it.each(proxiedOnly)("%s: every security group rule goes to a proxy endpoint", (_name, selection) => {
    const resolution = resolve(selection);
    const endpoints = resolution.ruleSet.rules.flatMap((r) => (r.destination.kind === "cidr" ? [r.destination.cidr] : []));
    const rules = allTargets(selection).resources.filter((r) => r.type === EGRESS_RULE_TYPE || r.type === INGRESS_RULE_TYPE);
    expect(rules.length).toBeGreaterThan(0);
    for (const r of rules) {
      expect(r.type).toBe(EGRESS_RULE_TYPE);
      expect(endpoints.some((e) => cidrCovers(e, String(r.inputs.cidrIpv4)))).toBe(true);
    }
  });

  it("a mix keeps every wide rule and every widening to the SDKs without a cloud proxy", () => {
    const selection: SelectionInput = { sdks: ["rtc-native", "recording", "rtc-web", "rtm-native", "rtm-web", "gaming"], access: "cloud-proxy" };
    const resolution = resolve(selection);
    const direct = new Set(resolution.sdks.filter((s) => s.access === "direct").map((s) => s.id));
    expect([...direct].sort()).toEqual(["gaming", "rtm-native", "rtm-web"]);
    const plan = allTargets(selection);
    const wide = wideRules(plan);
    // Each target has some: the check is not vacuous.
    expect(new Set(wide.map((w) => w.target))).toEqual(new Set(["security group", "network firewall", "azure nsg", "azure firewall"]));
    for (const w of wide) expect({ rule: w.rule, sdks: w.sdks.filter((s) => !direct.has(s)) }).toEqual({ rule: w.rule, sdks: [] });
    // `resolve *` (DNS Firewall without blockOthers) concerns the whole VPC, not an SDK's flows.
    for (const w of plan.widenings.filter((x) => x.rule !== "resolve *")) {
      expect({ rule: w.rule, sdks: w.sdks.filter((s) => !direct.has(s)) }).toEqual({ rule: w.rule, sdks: [] });
    }
  });

  it("finds wide rules where there are some (the detector is not blind)", () => {
    const wide = wideRules(allTargets({ sdks: ["rtc-web", "recording"] }));
    expect(wide.some((w) => w.target === "security group" && w.sdks.includes("rtc-web"))).toBe(true);
    expect(wide.some((w) => w.target === "network firewall" && w.rule.startsWith("pass udp 0.0.0.0/0 any -> $HOME_NET 40000:41000"))).toBe(true);
    expect(wide.some((w) => w.target === "azure nsg" && w.sdks.includes("recording"))).toBe(true);
    expect(wide.some((w) => w.target === "azure firewall" && w.sdks.includes("rtc-web"))).toBe(true);
  });
});
