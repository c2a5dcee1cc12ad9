import fc from "fast-check";
import { InputError, Rule } from "../../src/model";
import { SDK_IDS } from "../../src/catalog";
import { SelectionInput, resolve } from "../../src/resolve";
import { diffPlans } from "../../src/diff";
import {
  ALL_AZURE_TARGETS, AzurePlanOptions, AzureTarget, DNS_POLICY_SPEC, DNS_TARGET, FIREWALL_POLICY_SPEC, FIREWALL_TARGET, IP_GROUP_TYPE, NSG_SPEC,
  NSG_TARGET, RULE_COLLECTION_GROUP_TYPE, SECURITY_RULE_TYPE, allocatePriorities, priorityClashes, renderAzurePlan, renderDnsSecurityPolicy,
  renderFirewallPolicyRules, renderNsgRules,
} from "../../src/renderers/azure";
import { Plan, ResourceSpec, mergePlans } from "../../src/renderers/plan";
import { limitViolations } from "./limits";
import { EXISTING_NSG_ID, SCENARIOS, VNET_ID } from "./scenarios";
import { withDirectSdks } from "../support/direct-sdks";

const options = { ...ALL_AZURE_TARGETS, resourceGroupName: "rg", location: "westeurope", dnsSecurityPolicy: { virtualNetworkIds: [VNET_ID] } };
// With cloud proxy, the SDKs without one are named in directSdks (nothing falls back to direct on its own).
const plan = (selection: SelectionInput) => renderAzurePlan(resolve(withDirectSdks(selection)), options);

describe("renderAzurePlan", () => {
  it("renders the three targets in a fixed order", () => {
    const all = plan(SCENARIOS["all six SDKs direct"]);
    expect([...new Set(all.resources.map((r) => r.type.split(":")[1]))]).toEqual(["network", "dnsresolver"]);
    expect(all.resources[0].name).toBe("nsg");
    expect(new Set(all.resources.map((r) => r.name)).size).toBe(all.resources.length);
    expect(new Set(all.widenings.map((w) => w.target))).toEqual(new Set(["azure-nsg", "azure-firewall-policy", "azure-dns-security-policy"]));
  });

  describe("chooses controls by the keys present, as renderAwsPlan does", () => {
    const resolution = resolve(SCENARIOS["all six SDKs direct"]);
    const placement = { resourceGroupName: "rg", location: "westeurope" };
    const given = { nsg: { firstPriority: 2000, lastPriority: 2200 }, firewallPolicy: { sourceAddresses: ["10.1.0.0/16"] }, dnsSecurityPolicy: { virtualNetworkIds: [VNET_ID] } };
    // Each control alone, rendered by its own entry point, which takes every key and ignores the selection.
    const alone = {
      nsg: renderNsgRules(resolution, { ...placement, ...given }),
      firewallPolicy: renderFirewallPolicyRules(resolution, { ...placement, ...given }),
      dnsSecurityPolicy: renderDnsSecurityPolicy(resolution, { ...placement, ...given }),
    };
    const keys = Object.keys(given) as (keyof typeof given)[];
    const subsets: (typeof keys)[] = [
      ["nsg"], ["firewallPolicy"], ["dnsSecurityPolicy"],
      ["nsg", "firewallPolicy"], ["nsg", "dnsSecurityPolicy"], ["firewallPolicy", "dnsSecurityPolicy"], keys,
    ];
    const render = (o: AzurePlanOptions) => JSON.stringify(renderAzurePlan(resolution, { ...placement, ...o }));

    it.each(subsets.map((s) => [s.join(" + "), s] as const))("%s: exactly those controls, each with its options", (_, chosen) => {
      const plan = renderAzurePlan(resolution, { ...placement, ...Object.fromEntries(chosen.map((k) => [k, given[k]])) });
      expect(JSON.stringify(plan)).toBe(JSON.stringify(mergePlans(...chosen.map((k) => alone[k]))));
      const controls = { nsg: [NSG_SPEC, NSG_TARGET], firewallPolicy: [FIREWALL_POLICY_SPEC, FIREWALL_TARGET], dnsSecurityPolicy: [DNS_POLICY_SPEC, DNS_TARGET] } as const;
      for (const k of keys) {
        expect(plan.resources.some((r) => r.name === controls[k][0])).toBe(chosen.includes(k));
        expect(plan.widenings.some((w) => w.target === controls[k][1])).toBe(chosen.includes(k));
      }
    });

    it("with no control's key, all three with their defaults (ALL_AZURE_TARGETS)", () => {
      const none = renderAzurePlan(resolution, placement);
      expect(JSON.stringify(none)).toBe(render(ALL_AZURE_TARGETS));
      expect(none.resources.map((r) => r.name)).toEqual(expect.arrayContaining([NSG_SPEC, FIREWALL_POLICY_SPEC, DNS_POLICY_SPEC]));
      expect(JSON.stringify(renderAzurePlan(resolution))).toBe(JSON.stringify(renderAzurePlan(resolution, ALL_AZURE_TARGETS)));
    });

    it("still takes the deprecated targets: it chooses, the keys only carry options", () => {
      expect(render({ targets: [AzureTarget.Nsg, AzureTarget.FirewallPolicy], nsg: given.nsg })).toBe(render({ nsg: given.nsg, firewallPolicy: {} }));
      expect(render({ targets: [AzureTarget.DnsSecurityPolicy, AzureTarget.Nsg, AzureTarget.Nsg] })).toBe(render({ nsg: {}, dnsSecurityPolicy: {} }));
      expect(render({ targets: [...Object.values(AzureTarget)], ...given })).toBe(render(given));
      expect(renderAzurePlan(resolution, { ...placement, targets: [] }).resources).toEqual([]);
    });

    it("refuses options for a control targets leaves out, naming azure.targets; an empty {} there carries none and is accepted", () => {
      const conflict = () => renderAzurePlan(resolution, { ...placement, targets: [AzureTarget.Nsg], nsg: {}, firewallPolicy: given.firewallPolicy, dnsSecurityPolicy: {} });
      expect(conflict).toThrow(InputError);
      expect(conflict).toThrow('azure.targets: ["nsg"] leaves out firewallPolicy, whose options are given: '
        + "select controls by their keys alone (targets is deprecated; nsg: {} renders the NSG with its defaults)");
      expect(() => renderAzurePlan(resolution, { targets: [], nsg: { lastPriority: 1999 } })).toThrow(/^azure\.targets: \[\] leaves out nsg, /);
      // As 0.x callers wrote it: every control's key, the list choosing.
      expect(render({ targets: [AzureTarget.Nsg], nsg: given.nsg, firewallPolicy: {}, dnsSecurityPolicy: {} })).toBe(render({ nsg: given.nsg }));
    });
  });

  it.each(Object.keys(SCENARIOS))("keeps every value of %s within the documented limits, new and existing resources", (name) => {
    const resolution = resolve(SCENARIOS[name]);
    for (const existing of [false, true]) {
      const p = renderAzurePlan(resolution, {
        ...options,
        nsg: existing ? { existingNetworkSecurityGroupId: "${existing-nsg.id}" } : {},
        firewallPolicy: existing ? { existingFirewallPolicyId: "${existing-firewall-policy.id}" } : {},
        dnsSecurityPolicy: { ...options.dnsSecurityPolicy, ...(existing ? { existingDnsSecurityPolicyId: "${existing-dns-security-policy.id}" } : {}) },
      });
      expect(limitViolations(p)).toEqual([]);
      expect(p.quotas.every((q) => q.used <= q.limit)).toBe(true);
    }
  });

  it("gives byte-identical plans for shuffled SDK lists", () => {
    fc.assert(fc.property(fc.shuffledSubarray([...SDK_IDS], { minLength: 1 }), fc.boolean(), (shuffled, proxy) => {
      const access = proxy ? "cloud-proxy" as const : "direct" as const;
      expect(JSON.stringify(plan({ edition: "2020-05", sdks: shuffled, access }))).toBe(JSON.stringify(plan({ edition: "2020-05", sdks: [...shuffled].sort(), access })));
    }), { numRuns: 40 });
  });

  it("gives byte-identical plans for shuffled production endpoints and addresses", () => {
    const base = SCENARIOS["production endpoints"] as { productionProxy: { endpoints: { addresses: string[] }[] } } & SelectionInput;
    const reversed = {
      ...base,
      sdks: [...(base.sdks ?? [])].reverse(),
      productionProxy: { ...base.productionProxy, endpoints: [...base.productionProxy.endpoints].reverse().map((e) => ({ ...e, addresses: [...e.addresses].reverse() })) },
    };
    expect(JSON.stringify(plan(reversed))).toBe(JSON.stringify(plan(base)));
  });
});

/** Do two SDKs' rules share a direction, protocol and port? */
function overlap(a: readonly Rule[], b: readonly Rule[]): boolean {
  return a.some((x) => b.some((y) => x.direction === y.direction && x.protocol === y.protocol
    && x.ports.some((p) => y.ports.some((q) => p.from <= q.to && q.from <= p.to))));
}

const isInternetRule = (r: ResourceSpec) => r.type === SECURITY_RULE_TYPE && r.inputs.destinationAddressPrefix === "Internet" && r.inputs.access === "Allow";

/**
 * The children that must survive an addition of a non-overlapping SDK unchanged: NSG rules to
 * addresses, IP Groups, rules inside the rule collection group, DNS children. (The NSG's rules
 * to `Internet` carry every SDK's ports: they are updated in place, see below.)
 */
function children(p: Plan): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of p.resources) {
    if (r.type === RULE_COLLECTION_GROUP_TYPE) {
      for (const c of r.inputs.ruleCollections as { name: string; rules: { name: string }[] }[]) {
        for (const rule of c.rules) out.set(`${c.name}/${rule.name}`, JSON.stringify(rule));
      }
    } else if (isInternetRule(r)) {
      out.set(r.name, JSON.stringify({ ...r.inputs, description: undefined, destinationPortRange: undefined, destinationPortRanges: undefined }));
    } else if (r.type === SECURITY_RULE_TYPE || r.type === IP_GROUP_TYPE) {
      out.set(r.name, JSON.stringify(r));
    } else {
      out.set(r.name, r.type); // single resources updated in place (domain lists) keep their name
    }
  }
  return out;
}

const subsets = (ids: readonly string[]): string[][] =>
  ids.reduce<string[][]>((acc, id) => [...acc, ...acc.map((s) => [...s, id])], [[]]).filter((s) => s.length > 0);
const nsgRules = (p: Plan) => p.resources.filter((r) => r.type === SECURITY_RULE_TYPE);

describe.each(["direct", "cloud-proxy"] as const)("NSG stability across catalogue subsets (%s)", (access) => {
  const plans = new Map(subsets(SDK_IDS).map((s) => [s.join(","), plan({ edition: "2020-05", sdks: s, access })]));
  const pairs = subsets(SDK_IDS).flatMap((b) => subsets(b).filter((a) => a.length < b.length).map((a) => [a, b] as const));

  it("for ANY A ⊂ B, going from A to B (or back) renames no rule, moves no priority and clashes nowhere", () => {
    expect(pairs).toHaveLength(602); // 3^6 - 2^6 - 63: every proper, non-empty subset of every subset
    const problems: string[] = [];
    for (const [a, b] of pairs) {
      const before = plans.get(a.join(","))!, after = plans.get(b.join(","))!;
      const kept = new Map(nsgRules(after).map((r) => [r.name, r.inputs.priority]));
      for (const r of nsgRules(before)) {
        if (!kept.has(r.name)) problems.push(`${a} → ${b}: ${r.name} renamed or dropped`);
        else if (kept.get(r.name) !== r.inputs.priority) problems.push(`${a} → ${b}: ${r.name} moved ${r.inputs.priority} → ${kept.get(r.name)}`);
      }
      for (const c of [...priorityClashes(before, after), ...priorityClashes(after, before)]) problems.push(`${a} ↔ ${b}: ${JSON.stringify(c)}`);
      const nsgChanges = diffPlans(before, after).filter((c) => c.type === SECURITY_RULE_TYPE);
      for (const c of nsgChanges.filter((c) => c.action !== "create" && c.action !== "update")) problems.push(`${a} → ${b}: ${c.action} ${c.name}`);
    }
    expect(problems).toEqual([]);
  });

  it("updates the Internet rules in place: only their ports and description change", () => {
    const changed = new Set<string>();
    for (const [a, b] of pairs) {
      const before = plans.get(a.join(","))!, after = plans.get(b.join(","))!;
      const internet = new Set(nsgRules(before).filter(isInternetRule).map((r) => r.name));
      for (const c of diffPlans(before, after).filter((c) => internet.has(c.name))) {
        expect(c.action).toBe("update");
        c.changed.forEach((path) => changed.add(path));
      }
    }
    expect([...changed].sort()).toEqual(["description", "destinationPortRange", "destinationPortRanges"]);
  });

  it("adding an SDK whose ports overlap no selected SDK's changes no other child", () => {
    const rulesOf = new Map(SDK_IDS.map((id) => [id, resolve(withDirectSdks({ edition: "2020-05", sdks: [id], access })).ruleSet.rules]));
    let count = 0;
    for (const [a, b] of pairs.filter(([a, b]) => b.length === a.length + 1)) {
      const added = b.find((id) => !a.includes(id)) as typeof SDK_IDS[number];
      if (a.some((id) => overlap(rulesOf.get(id as typeof SDK_IDS[number])!, rulesOf.get(added)!))) continue;
      count++;
      const before = children(plans.get(a.join(","))!);
      const after = children(plans.get(b.join(","))!);
      expect([...before].filter(([name, content]) => after.get(name) !== content).map(([name]) => `${a}+${added}: ${name}`)).toEqual([]);
    }
    expect(count).toBeGreaterThan(10);
  });
});

describe("allocatePriorities", () => {
  it("is independent of input order and keeps every name in the window, unique", () => {
    fc.assert(fc.property(fc.uniqueArray(fc.string({ minLength: 1 }), { maxLength: 40 }), fc.integer({ min: 100, max: 4000 }), (names, first) => {
      const last = first + 50;
      const a = allocatePriorities(names, first, last, "f", "rules");
      const b = allocatePriorities([...names].reverse(), first, last, "f", "rules");
      expect([...a].sort()).toEqual([...b].sort());
      expect(new Set(a.values()).size).toBe(names.length);
      expect([...a.values()].every((p) => p >= first && p <= last)).toBe(true);
    }));
  });

  it("does not move existing names when a name with an untaken home slot is added", () => {
    fc.assert(fc.property(fc.uniqueArray(fc.string({ minLength: 1 }), { minLength: 2, maxLength: 20 }), (names) => {
      const [added, ...existing] = names;
      const before = allocatePriorities(existing, 1000, 1999, "f", "rules");
      const after = allocatePriorities(names, 1000, 1999, "f", "rules");
      const home = after.get(added)!;
      fc.pre(![...before.values()].includes(home) && home === allocatePriorities([added], 1000, 1999, "f", "rules").get(added));
      expect(existing.map((n) => after.get(n))).toEqual(existing.map((n) => before.get(n)));
    }));
  });

  it("never gives a reserved slot, and counts the reserved slots as taken", () => {
    fc.assert(fc.property(fc.uniqueArray(fc.string({ minLength: 1 }), { maxLength: 30 }), (names) => {
      const got = allocatePriorities(names, 100, 133, "f", "rules", [100, 101, 102, 103]);
      expect([...got.values()].every((p) => p >= 104 && p <= 133)).toBe(true);
      expect(new Set(got.values()).size).toBe(names.length);
    }));
    expect(() => allocatePriorities(["a", "b"], 100, 104, "azure.nsg.lastPriority", "Outbound rules", [100, 101, 102, 103]))
      .toThrow("azure.nsg.lastPriority: Outbound rules need 2 priorities but 100-104 has only 1; widen the window");
  });

  it("fills a window exactly and fails clearly one past it", () => {
    const names = Array.from({ length: 5 }, (_, i) => `rule-${i}`);
    expect([...allocatePriorities(names, 100, 104, "azure.nsg.lastPriority", "Outbound rules").values()].sort()).toEqual([100, 101, 102, 103, 104]);
    expect(() => allocatePriorities([...names, "rule-5"], 100, 104, "azure.nsg.lastPriority", "Outbound rules"))
      .toThrow("azure.nsg.lastPriority: Outbound rules need 6 priorities but 100-104 has only 5; widen the window");
  });
});

it("the existing-NSG scenario references the NSG only through the external name", () => {
  const p = renderAzurePlan(resolve(SCENARIOS["all six SDKs direct"]), { ...options, nsg: { existingNetworkSecurityGroupId: "${existing-nsg.id}" } });
  expect(JSON.stringify(p)).not.toContain(EXISTING_NSG_ID);
  expect(p.resources.filter((r) => r.type === SECURITY_RULE_TYPE).every((r) => r.inputs.networkSecurityGroupName === "${existing-nsg.name}")).toBe(true);
});

it.each([
  [{ resourceGroupName: "rg with spaces" }, /^azure\.resourceGroupName: /],
  [{ resourceGroupName: "rg." }, /^azure\.resourceGroupName: /],
  [{ location: "west-europe!" }, /^azure\.location: /],
  [{ targets: ["vpc"] }, /^azure\.targets\[0\]: /],
  [{ nsg: { firstPriority: 1000, extra: 1 } }, /^azure\.nsg\.extra: unknown key \(known: existingNetworkSecurityGroupId, networkSecurityGroupName, /],
])("rejects bad placement options %j", (bad, message) => {
  expect(() => renderAzurePlan(resolve(SCENARIOS["all six SDKs direct"]), bad as never)).toThrow(message);
});

it("accepts region display names and references to component inputs", () => {
  const p = renderAzurePlan(resolve({ edition: "2020-05", sdks: ["rtc-web"] }), { location: "West Europe", nsg: {} });
  expect(p.resources[0].inputs).toEqual({ resourceGroupName: "${placement.resourceGroupName}", location: "West Europe" });
});
