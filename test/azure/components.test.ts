import * as pulumi from "@pulumi/pulumi";
import { resolve } from "../../src/resolve";
import { AccessMode, AgoraEnvironment } from "../../src/args/selection-args";
import {
  AzureAgoraEgress, AzureDnsSecurityPolicy, AzureFirewallPolicyRules, AzureNsgRules, AzureNsgSettings, FirewallPolicyTier,
} from "../../src/components/azure";
import { AzurePlanOptions, parseArmId, renderAzurePlan } from "../../src/renderers/azure";
import { Plan, ResourceSpec, parseRef } from "../../src/renderers/plan";
import { EXISTING_NSG_ID, EXISTING_POLICY_ID, SCENARIOS, VNET_ID } from "./scenarios";
import { Registration, settle, usePulumiMocks, value } from "../support/pulumi-mocks";

const mocks = usePulumiMocks({ state: (r) => ({ name: r.name }) });
type Registered = Pick<Registration, "type" | "name" | "inputs">;

/** The plan as the mocks must see it: names prefixed with the component's, references replaced by the mock outputs. */
function expected(plan: Plan, prefix: string, external: Record<string, Record<string, unknown>> = {}): Registered[] {
  const fill = (v: unknown): unknown => {
    if (typeof v === "string") {
      const r = parseRef(v);
      if (!r) return v;
      if (external[r.name]) return external[r.name][r.output];
      return r.output === "id" ? `${prefix}-${r.name}-id` : `${prefix}-${r.name}`;
    }
    if (Array.isArray(v)) return v.map(fill);
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fill(x)]));
    return v;
  };
  return plan.resources.map((s: ResourceSpec) => ({ type: s.type, name: `${prefix}-${s.name}`, inputs: fill(s.inputs) as Record<string, unknown> }));
}

/** The custom resources a component registered (by its name prefix), each a child of the component. */
async function createdBy(prefix: string, build: () => unknown): Promise<Registered[]> {
  const mark = mocks.mark();
  build();
  await settle();
  const children = mocks.since(mark).filter((r) => r.custom && r.name.startsWith(`${prefix}-`));
  expect(new Set(children.map((r) => r.parent))).toEqual(new Set(children.length ? [prefix] : []));
  return children.map(({ type, name, inputs }) => ({ type, name, inputs }));
}
const byName = (rs: Registered[]) => [...rs].sort((a, b) => (a.name < b.name ? -1 : 1));

const SELECTIONS = {
  "all six SDKs direct": { edition: "2020-05", sdks: ["rtc-native", "rtc-web", "rtm-native", "rtm-web", "recording", "gaming"] },
  "rtc-native + recording via cloud proxy (test)": { edition: "2020-05", sdks: ["rtc-native", "recording"], access: AccessMode.CloudProxy },
  "production endpoints": {
    edition: "2020-05", sdks: ["rtc-native", "rtc-web", "recording"], access: AccessMode.CloudProxy, environment: AgoraEnvironment.Production,
    productionEndpoints: (SCENARIOS["production endpoints"].productionProxy!.endpoints as { protocol: string; addresses: string[]; ports: string[] }[])
      .map((e) => ({ ...e, ports: e.ports.map(String) })),
    productionProxyServers: SCENARIOS["production endpoints"].productionProxy!.proxyServers,
  },
};
const placement = { resourceGroupName: "rg-agora", location: "westeurope" };

describe.each(Object.keys(SELECTIONS))("%s: each component creates exactly the planned specs", (scenario) => {
  const selection = SELECTIONS[scenario as keyof typeof SELECTIONS];
  const resolution = resolve(SCENARIOS[scenario]);
  const plan = (options: AzurePlanOptions) => renderAzurePlan(resolution, { ...placement, ...options });
  const slug = scenario.replace(/[^a-z0-9]+/gi, "").slice(0, 12).toLowerCase();

  it("AzureAgoraEgress (all three controls)", async () => {
    const name = `all-${slug}`;
    const got = await createdBy(name, () => new AzureAgoraEgress(name, {
      ...selection, ...placement, nsg: {}, firewallPolicy: {}, dnsSecurityPolicy: { virtualNetworkIds: [VNET_ID] },
    }));
    expect(byName(got)).toEqual(byName(expected(plan({ nsg: {}, firewallPolicy: {}, dnsSecurityPolicy: { virtualNetworkIds: [VNET_ID] } }), name)));
  });

  it("AzureNsgRules", async () => {
    const name = `nsg-${slug}`;
    const got = await createdBy(name, () => new AzureNsgRules(name, { ...selection, ...placement, firstPriority: 2000, lastPriority: 2200 }));
    expect(byName(got)).toEqual(byName(expected(plan({ nsg: { firstPriority: 2000, lastPriority: 2200 } }), name)));
  });

  it("AzureNsgRules with the DNS guard, and AzureAgoraEgress with it in nsg", async () => {
    const guard = { dnsGuard: true, dnsResolvers: ["203.0.113.53"] };
    const name = `guard-${slug}`;
    const got = await createdBy(name, () => new AzureNsgRules(name, { ...selection, ...placement, ...guard }));
    const want = plan({ nsg: guard });
    expect(want.resources.filter((r) => String(r.inputs.securityRuleName).includes("dns"))).toHaveLength(4);
    expect(byName(got)).toEqual(byName(expected(want, name)));
    const umbrella = `gall-${slug}`;
    const all = await createdBy(umbrella, () => new AzureAgoraEgress(umbrella, { ...selection, ...placement, nsg: guard }));
    expect(byName(all)).toEqual(byName(expected(want, umbrella)));
  });

  it("AzureFirewallPolicyRules", async () => {
    const name = `fw-${slug}`;
    const got = await createdBy(name, () => new AzureFirewallPolicyRules(name, { ...selection, ...placement, tier: FirewallPolicyTier.Premium }));
    expect(byName(got)).toEqual(byName(expected(plan({ firewallPolicy: { tier: FirewallPolicyTier.Premium } }), name)));
  });

  it("AzureDnsSecurityPolicy", async () => {
    const name = `dns-${slug}`;
    const got = await createdBy(name, () => new AzureDnsSecurityPolicy(name, { ...selection, ...placement, virtualNetworkIds: [VNET_ID], blockOthers: false }));
    expect(byName(got)).toEqual(byName(expected(plan({ dnsSecurityPolicy: { virtualNetworkIds: [VNET_ID], blockOthers: false } }), name)));
  });
});

describe("existing NSG and existing firewall policy", () => {
  const resolution = resolve(SCENARIOS["all six SDKs direct"]);
  const nsg = parseArmId(EXISTING_NSG_ID, "id");
  const policy = parseArmId(EXISTING_POLICY_ID, "id");
  const external = {
    "existing-nsg": { id: EXISTING_NSG_ID, name: nsg.name, resourceGroupName: nsg.resourceGroupName },
    "existing-firewall-policy": { id: EXISTING_POLICY_ID, name: policy.name, resourceGroupName: policy.resourceGroupName },
  };

  it("adds rules to them without creating an NSG or a policy, and outputs their ids", async () => {
    const name = "existing";
    let component!: AzureAgoraEgress;
    const got = await createdBy(name, () => {
      component = new AzureAgoraEgress(name, {
        ...SELECTIONS["all six SDKs direct"], ...placement,
        nsg: { existingNetworkSecurityGroupId: EXISTING_NSG_ID },
        firewallPolicy: { existingFirewallPolicyId: pulumi.output(EXISTING_POLICY_ID), dnsProxyEnabled: true },
      });
    });
    const plan = renderAzurePlan(resolution, {
      ...placement,
      nsg: { existingNetworkSecurityGroupId: "${existing-nsg.id}" }, firewallPolicy: { existingFirewallPolicyId: "${existing-firewall-policy.id}", dnsProxyEnabled: true },
    });
    expect(byName(got)).toEqual(byName(expected(plan, name, external)));
    expect(got.some((r) => r.type.endsWith(":NetworkSecurityGroup") || r.type.endsWith(":FirewallPolicy"))).toBe(false);
    expect(await value(component.networkSecurityGroupId)).toBe(EXISTING_NSG_ID);
    expect(await value(component.firewallPolicyId)).toBe(EXISTING_POLICY_ID);
    expect(await value(component.dnsSecurityPolicyId)).toBeUndefined();
    expect(await value(component.ruleCollectionGroupId)).toBe(`${name}-rule-collection-group-id`);
  });
});

describe("outputs and inputs given as Pulumi outputs", () => {
  it("take the resource group from an output and expose ids, widenings and application settings", async () => {
    const name = "outputs";
    let c!: AzureFirewallPolicyRules;
    const got = await createdBy(name, () => {
      c = new AzureFirewallPolicyRules(name, {
        ...SELECTIONS["rtc-native + recording via cloud proxy (test)"], resourceGroupName: pulumi.output("rg-from-output"),
      });
    });
    const plan = renderAzurePlan(resolve(SCENARIOS["rtc-native + recording via cloud proxy (test)"]), { firewallPolicy: {} });
    expect(byName(got)).toEqual(byName(expected(plan, name, { placement: { resourceGroupName: "rg-from-output" } })));
    expect(await value(c.ipGroupIds)).toEqual(plan.resources.filter((r) => r.type.endsWith(":IpGroup")).map((r) => `${name}-${r.name}-id`));
    expect(await value(c.firewallPolicyId)).toBe(`${name}-firewall-policy-id`);
    expect(await value(c.widenings)).toEqual(plan.widenings);
    // Quotas as on AWS: what the plan uses of each limit.
    expect(await value(c.quotas)).toEqual(plan.quotas);
    expect((await value(c.quotas)).map((q) => q.quota)).toContain("IP Groups per firewall policy (this plan's)");
    // Recording: enableCloudProxy, then lowUdpPort/highUdpPort for its ingress rule from the proxy endpoints.
    expect((await value(c.appSettings)).map((s) => [s.sdk, s.values])).toEqual([
      ["recording", ["enableCloudProxy = true"]], ["recording", ["lowUdpPort = 40000", "highUdpPort = 41000"]],
      ["rtc-native", [String.raw`{"rtc.enable_proxy":true}`, String.raw`{"rtc.proxy_server":[1,"ap-proxy.agora.io",0]}`]],
    ]);
  });
});

describe("ids wired from other resources (outputs) in lists and records", () => {
  const IP_GROUP = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-hub/providers/Microsoft.Network/ipGroups/workloads";
  const selection = SELECTIONS["rtc-native + recording via cloud proxy (test)"];
  const resolution = resolve(SCENARIOS["rtc-native + recording via cloud proxy (test)"]);

  it("sourceIpGroups takes outputs next to literal ids: every rule's source is both, as given", async () => {
    const name = "ipg-outputs";
    const got = await createdBy(name, () => new AzureFirewallPolicyRules(name, {
      ...selection, ...placement, sourceIpGroups: [pulumi.output(IP_GROUP), VNET_ID.replace(/virtualNetworks\/.*/, "ipGroups/literal")],
    }));
    const plan = renderAzurePlan(resolution, {
      ...placement,
      firewallPolicy: { sourceIpGroups: ["${source-ip-group-0.id}", VNET_ID.replace(/virtualNetworks\/.*/, "ipGroups/literal")] },
    });
    expect(byName(got)).toEqual(byName(expected(plan, name, { "source-ip-group-0": { id: IP_GROUP } })));
    const [group] = got.filter((r) => r.type.endsWith(":FirewallPolicyRuleCollectionGroup"));
    const sources = new Set((group.inputs.ruleCollections as { rules: { sourceIpGroups: string[] }[] }[]).flatMap((c) => c.rules.map((r) => JSON.stringify([...r.sourceIpGroups].sort()))));
    expect([...sources]).toEqual([JSON.stringify([IP_GROUP, VNET_ID.replace(/virtualNetworks\/.*/, "ipGroups/literal")].sort())]);
  });

  it("virtualNetworks takes outputs keyed by a name: the key names the link, the output fills it", async () => {
    const name = "vnet-outputs";
    const got = await createdBy(name, () => new AzureDnsSecurityPolicy(name, { ...selection, ...placement, virtualNetworks: { app: pulumi.output(VNET_ID) } }));
    const plan = renderAzurePlan(resolution, { ...placement, dnsSecurityPolicy: { virtualNetworks: { app: "${virtual-network-app.id}" } } });
    expect(byName(got)).toEqual(byName(expected(plan, name, { "virtual-network-app": { id: VNET_ID } })));
    const links = got.filter((r) => r.type.endsWith(":DnsResolverPolicyVirtualNetworkLink"));
    expect(links.map((l) => [l.name.replace(/-[0-9a-f]{8}$/, ""), (l.inputs.virtualNetwork as { id: string }).id])).toEqual([[`${name}-dns-link-app`, VNET_ID]]);
  });

  it("refuses a virtual network name that cannot name a link, naming the key", () => {
    expect(() => new AzureDnsSecurityPolicy("vnet-bad", { ...selection, ...placement, virtualNetworks: { "no spaces": pulumi.output(VNET_ID) } }))
      .toThrow(/^AzureDnsSecurityPolicy "vnet-bad": args\.virtualNetworks: "no spaces" is not a valid virtual network name/);
  });
});

describe("bad input", () => {
  it.each([
    ["a priority window outside 100-4096", () => new AzureNsgRules("bad1", { edition: "2020-05", sdks: ["rtc-web"], resourceGroupName: "rg", lastPriority: 5000 }), /^AzureNsgRules "bad1": args\.lastPriority: /],
    ["a window too small", () => new AzureNsgRules("bad2", { edition: "2020-05", sdks: ["rtc-web"], resourceGroupName: "rg", firstPriority: 100, lastPriority: 101 }), /^AzureNsgRules "bad2": args\.lastPriority: 2 Outbound allow rules, the deny rule and the 4 kept for the DNS guard need 7 priorities/],
    ["an existing NSG id that is not one", () => new AzureNsgRules("bad3", { edition: "2020-05", sdks: ["rtc-web"], resourceGroupName: "rg", existingNetworkSecurityGroupId: EXISTING_POLICY_ID }), /^AzureNsgRules "bad3": args\.existingNetworkSecurityGroupId: .* is not the ARM id of a Microsoft.Network\/networkSecurityGroups/],
    ["a bad collection priority", () => new AzureFirewallPolicyRules("bad4", { edition: "2020-05", sdks: ["rtc-web"], resourceGroupName: "rg", networkRuleCollectionPriority: 70000 }), /^AzureFirewallPolicyRules "bad4": args\.networkRuleCollectionPriority: /],
    ["a bad umbrella setting", () => new AzureAgoraEgress("bad5", { edition: "2020-05", sdks: ["rtc-web"], resourceGroupName: "rg", dnsSecurityPolicy: { allowPriority: 1 } }), /^AzureAgoraEgress "bad5": args\.dnsSecurityPolicy\.allowPriority: /],
    ["an unknown SDK", () => new AzureDnsSecurityPolicy("bad6", { edition: "2020-05", sdks: ["rtc-tv"], resourceGroupName: "rg" }), /^AzureDnsSecurityPolicy "bad6": args\.sdks\[0\]: unknown SDK "rtc-tv"/],
    ["no control at all", () => new AzureAgoraEgress("bad7", { edition: "2020-05", sdks: ["rtc-web"], resourceGroupName: "rg" }), /^AzureAgoraEgress "bad7": args: give at least one/],
    ["an empty resource group", () => new AzureNsgRules("bad8", { edition: "2020-05", sdks: ["rtc-web"], resourceGroupName: "" }), /^AzureNsgRules "bad8": args\.resourceGroupName: /],
    ["a misspelt umbrella setting", () => new AzureAgoraEgress("bad9", { edition: "2020-05", sdks: ["rtc-web"], resourceGroupName: "rg", nsg: { lastPrority: 1500 } as AzureNsgSettings }),
      /^AzureAgoraEgress "bad9": args\.nsg\.lastPrority: unknown key \(did you mean lastPriority\? known: existingNetworkSecurityGroupId, /],
    ["a misspelt flat setting", () => new AzureNsgRules("bad10", { edition: "2020-05", sdks: ["rtc-web"], resourceGroupName: "rg", ...{ denyByDefalt: false } }),
      /^AzureNsgRules "bad10": args\.denyByDefalt: unknown key \(did you mean denyByDefault\? /],
    ["a misspelt placement", () => new AzureFirewallPolicyRules("bad11", { edition: "2020-05", sdks: ["rtc-web"], resourceGroupName: "rg", ...{ locaton: "westeurope" } }),
      /^AzureFirewallPolicyRules "bad11": args\.locaton: unknown key \(did you mean location\? /],
  ])("%s throws a one-line RunError naming the component and the arg, and creates nothing", async (_what, build, message) => {
    const mark = mocks.mark();
    expect(build).toThrow(pulumi.RunError);
    expect(build).toThrow(message);
    try {
      build();
    } catch (err) {
      expect(pulumi.RunError.isInstance(err)).toBe(true);
      expect((err as Error).message).not.toContain("\n");
    }
    await settle();
    expect(mocks.since(mark)).toEqual([]);
  });
});
