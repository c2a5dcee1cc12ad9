import fc from "fast-check";
import { Flow, InputError, allows, canonicalDomain, domainMatches, grants, portInRanges } from "../../src/model";
import { resolve } from "../../src/resolve";
import { AzurePlanOptions, DNS_TARGET, FIREWALL_TARGET, FirewallPolicyTier, NSG_TARGET, renderAzurePlan } from "../../src/renderers/azure";
import { Plan } from "../../src/renderers/plan";
import { dnsResolves } from "./evaluate-dns";
import { firewallEvaluator } from "./evaluate-firewall";
import { nsgEvaluator } from "./evaluate-nsg";
import { allFlows, candidateRemotes, sampleFlows, selectionArb } from "./flows";
import { limitViolations } from "./limits";
import { parsePattern, patternMatches } from "./patterns";
import { SCENARIOS } from "./scenarios";

const optionsArb: fc.Arbitrary<AzurePlanOptions> = fc.record({
  denyByDefault: fc.boolean(),
  nsgExisting: fc.boolean(),
  fwExisting: fc.boolean(),
  tier: fc.constantFrom(FirewallPolicyTier.Basic, FirewallPolicyTier.Standard, FirewallPolicyTier.Premium),
  dnsProxyEnabled: fc.boolean(),
  ipGroups: fc.boolean(),
  blockOthers: fc.boolean(),
  dnsGuard: fc.boolean(),
  dnsResolvers: fc.option(fc.constantFrom<string[]>(["203.0.113.53"], ["8.8.8.8", "1.1.1.0/24"]), { nil: undefined }),
}).map((o) => ({
  resourceGroupName: "rg",
  nsg: { ...(o.nsgExisting ? { existingNetworkSecurityGroupId: "${existing-nsg.id}" } : {}), denyByDefault: o.denyByDefault, ...(o.dnsGuard ? { dnsGuard: true, ...(o.dnsResolvers ? { dnsResolvers: o.dnsResolvers } : {}) } : {}) },
  firewallPolicy: {
    ...(o.fwExisting ? { existingFirewallPolicyId: "${existing-firewall-policy.id}" } : {}),
    ...(o.fwExisting ? { dnsProxyEnabled: o.dnsProxyEnabled } : { tier: o.tier }),
    ...(o.ipGroups ? { sourceIpGroups: ["/subscriptions/0/resourceGroups/hub/providers/Microsoft.Network/ipGroups/workloads"] } : {}),
  },
  dnsSecurityPolicy: { blockOthers: o.blockOthers },
}));

/**
 * For each target: no model flow is denied ("dropped") unless the target lists its rule as not
 * rendered (a notice: only Azure Firewall's ingress from Internet addresses, which only DNAT
 * admits), and every admitted flow outside the model falls under one of the target's reported
 * widenings ("unexplained" otherwise).
 */
function checkFlows(plan: Plan, model: (f: Flow) => boolean, flows: Flow[]): void {
  for (const n of plan.notices) {
    expect({ target: n.target, direction: parsePattern(n.rule).direction }).toEqual({ target: FIREWALL_TARGET, direction: "ingress" });
  }
  const allowed = flows.map(model);
  for (const [target, admits] of [[NSG_TARGET, nsgEvaluator(plan)], [FIREWALL_TARGET, firewallEvaluator(plan)]] as const) {
    const widened = plan.widenings.filter((w) => w.target === target).map((w) => parsePattern(w.renderedAs));
    const noticed = plan.notices.filter((n) => n.target === target).map((n) => parsePattern(n.rule));
    const dropped: string[] = [], unexplained: string[] = [];
    flows.forEach((f, i) => {
      const admitted = admits(f);
      if (allowed[i] && !admitted && !noticed.some((p) => patternMatches(p, f))) dropped.push(JSON.stringify(f));
      if (admitted && !allowed[i] && !widened.some((p) => patternMatches(p, f))) unexplained.push(JSON.stringify(f));
    });
    expect({ target, dropped, unexplained }).toEqual({ target, dropped: [], unexplained: [] });
  }
}

/** DNS: the names the model needs resolve; any other name that resolves is covered by a reported widening. */
function checkNames(plan: Plan, needed: (name: string) => boolean, names: string[]): void {
  const widened = plan.widenings.filter((w) => w.target === DNS_TARGET).map((w) => w.renderedAs.replace(/^resolve /, ""));
  const explained = (n: string) => widened.some((w) => w === "*" || domainMatches(canonicalDomain(n), w.slice(1), true));
  expect(names.filter((n) => needed(n) && !dnsResolves(plan, n))).toEqual([]);
  expect(names.filter((n) => !needed(n) && dnsResolves(plan, n) && !explained(n))).toEqual([]);
}

function neededNames(resolution: ReturnType<typeof resolve>) {
  return (name: string) => resolution.proxyDomains.includes(canonicalDomain(name)) || resolution.ruleSet.rules.some((r) =>
    r.direction === "egress" && r.destination.kind === "domain" && domainMatches(canonicalDomain(name), r.destination.name, r.destination.subtree));
}

describe("rendered rules ∪ widenings admit exactly the model's flows", () => {
  it.each(Object.keys(SCENARIOS))("on every candidate flow of %s", (name) => {
    const resolution = resolve(SCENARIOS[name]);
    const plan = renderAzurePlan(resolution, { resourceGroupName: "rg" });
    checkFlows(plan, (f) => allows(resolution.ruleSet, f), allFlows(resolution.ruleSet));
    checkNames(plan, neededNames(resolution), candidateRemotes(resolution.ruleSet, ["ap-proxy.agora.io", "x.ap-proxy.agora.io"]).filter((r) => !/^[\d.]+$/.test(r)));
  });

  it("for random selections and options (NSG with or without the DNS guard, Firewall Policy, DNS security policy)", () => {
    fc.assert(fc.property(selectionArb, optionsArb, fc.integer(), (selection, options, seed) => {
      const resolution = resolve(selection);
      let plan: Plan;
      try {
        plan = renderAzurePlan(resolution, options);
      } catch (e) {
        // Refused only where the model itself needs DNS, DNS over TLS (TCP 853) or DNS over QUIC (UDP 853) to where the guard denies it.
        expect(e).toBeInstanceOf(InputError);
        expect((e as InputError).field).toBe("azure.nsg.dnsGuard");
        expect(grants(resolution.ruleSet).some((g) => g.direction === "egress"
          && (portInRanges(53, g.ports) || portInRanges(853, g.ports))
          && !(g.destination.kind === "cidr" && (options.nsg?.dnsResolvers ?? []).includes(g.destination.cidr.replace(/\/32$/, ""))))).toBe(true);
        return;
      }
      expect(limitViolations(plan)).toEqual([]);
      checkFlows(plan, (f) => allows(resolution.ruleSet, f), sampleFlows(resolution.ruleSet, seed, 300));
      checkNames(plan, neededNames(resolution), candidateRemotes(resolution.ruleSet, ["ap-proxy.agora.io"]).filter((r) => !/^[\d.]+$/.test(r)));
    }), { numRuns: 100 });
  });
});
