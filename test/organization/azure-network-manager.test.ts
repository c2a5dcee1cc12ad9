import { resolve } from "../../src/resolve";
import {
  ADMIN_RULE_TYPE, ALL_NETWORK_MANAGER_TARGETS, FIREWALL_POLICY_TYPE, NETWORK_MANAGER_COMMIT_TYPE, NetworkManagerOptions, RULE_COLLECTION_GROUP_TYPE,
  renderFirewallPolicyRules, renderNetworkManagerPlan, renderNsgRules,
} from "../../src/renderers/azure";
import { Plan } from "../../src/renderers/plan";
import { AccessMode } from "../../src/args/selection-args";
import { providerArgs } from "../support/provider-args";

const SUB = "00000000-0000-0000-0000-000000000000";
const NM = `/subscriptions/${SUB}/resourceGroups/rg-network/providers/Microsoft.Network/networkManagers/nm-central`;
const group = (name: string) => `${NM}/networkGroups/${name}`;
const ALL_SIX = ["rtc-native", "rtc-web", "rtm-native", "rtm-web", "recording", "gaming"];
const allSix = resolve({ edition: "2020-05", sdks: ALL_SIX });
const proxied = resolve({ edition: "2020-05", sdks: ["rtc-native", "recording"], access: AccessMode.CloudProxy });
const options = (extra: Partial<NetworkManagerOptions> = {}): NetworkManagerOptions => ({
  networkManagerId: NM, networkGroups: { spokes: group("spokes") }, ...extra,
});
const rules = (plan: Plan) => plan.resources.filter((r) => r.type === ADMIN_RULE_TYPE);

describe("Azure Virtual Network Manager plan", () => {
  it("creates a security admin configuration, a rule collection on the network groups and one Allow admin rule per NSG rule", () => {
    const plan = renderNetworkManagerPlan(allSix, options({ networkGroups: { spokes: group("spokes"), hubs: group("hubs") } }));
    expect(plan.resources.slice(0, 2).map((r) => [r.type, r.name])).toEqual([
      ["azure-native:network:SecurityAdminConfiguration", "avnm-security-admin-configuration"],
      ["azure-native:network:AdminRuleCollection", "avnm-rule-collection"],
    ]);
    expect(plan.resources[0].inputs).toMatchObject({ networkManagerName: "nm-central", resourceGroupName: "rg-network", configurationName: "agora-egress" });
    expect(plan.resources[1].inputs.appliesToGroups).toEqual([{ networkGroupId: group("hubs") }, { networkGroupId: group("spokes") }]);
    // The same flows as the NSG rules (without the NSG's deny), under the same names.
    const nsg = renderNsgRules(allSix, { resourceGroupName: "rg", nsg: { denyByDefault: false } });
    const nsgRules = nsg.resources.filter((r) => r.type === "azure-native:network:SecurityRule");
    expect(rules(plan).map((r) => r.name)).toEqual(nsgRules.map((r) => r.name));
    for (const r of rules(plan)) {
      expect(r.inputs).toMatchObject({ kind: "Custom", access: "Allow", ruleCollectionName: "${avnm-rule-collection.name}" });
      expect(r.inputs.priority).toBeGreaterThanOrEqual(1000);
      expect(r.inputs.priority).toBeLessThanOrEqual(1999);
    }
    // Each admin rule allows exactly what the NSG rule of the same name allows (whose rendering is proven against the model).
    const list = (i: Record<string, unknown>, one: string, many: string) => (i[many] as string[] | undefined) ?? [i[one] as string];
    const asNsg = (i: Record<string, unknown>) => ({
      direction: i.direction, protocol: i.protocol,
      sources: list(i, "sourceAddressPrefix", "sourceAddressPrefixes"), sourcePorts: list(i, "sourcePortRange", "sourcePortRanges").map((p) => (p === "*" ? "0-65535" : p)),
      destinations: list(i, "destinationAddressPrefix", "destinationAddressPrefixes"), destinationPorts: list(i, "destinationPortRange", "destinationPortRanges"),
    });
    for (const r of rules(plan)) {
      const i = r.inputs as Record<string, unknown>;
      const prefixes = (items: unknown) => (items as { addressPrefix: string }[]).map((x) => x.addressPrefix);
      expect({ name: r.name, ...{
        direction: i.direction, protocol: i.protocol, sources: prefixes(i.sources), sourcePorts: i.sourcePortRanges,
        destinations: prefixes(i.destinations), destinationPorts: i.destinationPortRanges,
      } }).toEqual({ name: r.name, ...asNsg(nsgRules.find((n) => n.name === r.name)!.inputs) });
    }
    // Domains are the Internet service tag on exactly their ports, each reported as a widening.
    const tcp = rules(plan).find((r) => r.name === "agora-out-tcp-internet")!;
    expect(tcp.inputs.destinations).toEqual([{ addressPrefix: "Internet", addressPrefixType: "ServiceTag" }]);
    expect(tcp.inputs.destinationPortRanges).toEqual(nsgRules.find((r) => r.name === "agora-out-tcp-internet")!.inputs.destinationPortRanges);
    expect(plan.widenings.filter((w) => w.target === "azure-virtual-network-manager" && w.renderedAs.includes("Internet")).length).toBeGreaterThan(0);
    expect(plan.resources.some((r) => r.type === NETWORK_MANAGER_COMMIT_TYPE)).toBe(false);
    expect(plan.defaults).toEqual([expect.objectContaining({ target: "azure-virtual-network-manager", unmatched: "decided-elsewhere" })]);
  });

  it("never uses AlwaysAllow, and the guardrail is off by default and a Deny to Internet at the last priority when on", () => {
    const off = renderNetworkManagerPlan(allSix, options());
    expect(rules(off).map((r) => r.inputs.access)).not.toContain("AlwaysAllow");
    expect(rules(off).map((r) => r.inputs.access)).not.toContain("Deny");
    const on = renderNetworkManagerPlan(allSix, options({ denyOtherInternet: true, lastPriority: 1500 }));
    const deny = rules(on).filter((r) => r.inputs.access === "Deny");
    expect(deny.map((r) => [r.name, r.inputs.priority, r.inputs.direction, r.inputs.protocol])).toEqual([["agora-out-deny-internet", 1500, "Outbound", "Any"]]);
    expect(on.defaults[0].unmatched).toBe("denied");
    for (const r of rules(on).filter((x) => x.inputs.access === "Allow")) expect(r.inputs.priority).toBeLessThan(1500);
  });

  it("keeps every rule's name and priority when an SDK is added, and updates addresses in place on promotion", () => {
    const before = renderNetworkManagerPlan(resolve({ edition: "2020-05", sdks: ["rtc-web"] }), options());
    const after = renderNetworkManagerPlan(resolve({ edition: "2020-05", sdks: ["rtc-web", "rtm-web"] }), options());
    const priorities = (p: Plan) => new Map(rules(p).map((r) => [r.name, r.inputs.priority]));
    for (const [name, priority] of priorities(before)) expect(priorities(after).get(name)).toBe(priority);
    const production = resolve({
      edition: "2020-05", sdks: ["rtc-native", "recording"], access: AccessMode.CloudProxy, environment: "production",
      productionProxy: {
        endpoints: [
          { protocol: "tcp", addresses: ["198.51.100.20", "198.51.100.21"], ports: [1080, 8000, 9700, 25000] },
          { protocol: "udp", addresses: ["198.51.100.20", "198.51.100.21"], ports: [1080, 8000, 9700, 25000] },
          { protocol: "tcp", addresses: ["203.0.113.10"], ports: [4000] },
          { protocol: "udp", addresses: ["203.0.113.10"], ports: ["4500-4650"] },
        ],
      },
    });
    expect(rules(renderNetworkManagerPlan(production, options())).map((r) => [r.name, r.inputs.priority]))
      .toEqual(rules(renderNetworkManagerPlan(proxied, options())).map((r) => [r.name, r.inputs.priority]));
  });

  it("commits the configuration to the given regions with a network.Commit, redeployed when a rule changes", () => {
    const plan = renderNetworkManagerPlan(proxied, options({ commitLocations: ["westeurope", "eastus"], replaceDeployedConfiguration: true }));
    const commit = plan.resources.find((r) => r.type === NETWORK_MANAGER_COMMIT_TYPE)!;
    expect(commit.inputs.properties).toMatchObject({
      commitType: "SecurityAdmin", configurationIds: ["${avnm-security-admin-configuration.id}"], targetLocations: ["eastus", "westeurope"],
    });
    expect(commit.dependsOn).toEqual(expect.arrayContaining(rules(plan).map((r) => r.name)));
    const other = renderNetworkManagerPlan(allSix, options({ commitLocations: ["westeurope", "eastus"], replaceDeployedConfiguration: true })).resources.find((r) => r.type === NETWORK_MANAGER_COMMIT_TYPE)!;
    expect((other.inputs.properties as { forceUpdateTag: string }).forceUpdateTag).not.toBe((commit.inputs.properties as { forceUpdateTag: string }).forceUpdateTag);
    // A network group added to the collection is a change too: its networks get the rules only once the configuration is committed again.
    const tag = (p: { resources: readonly { type: string; inputs: Record<string, unknown> }[] }) =>
      (p.resources.find((r) => r.type === NETWORK_MANAGER_COMMIT_TYPE)!.inputs.properties as { forceUpdateTag: string }).forceUpdateTag;
    const base = options({ commitLocations: ["westeurope"], replaceDeployedConfiguration: true });
    const more = { ...base, networkGroups: { ...base.networkGroups, more: `${String(Object.values(base.networkGroups)[0]).replace(/networkGroups\/.*/, "networkGroups/more")}` } };
    expect(tag(renderNetworkManagerPlan(proxied, more))).not.toBe(tag(renderNetworkManagerPlan(proxied, base)));
  });

  it("commits only when told that the commit replaces the configuration deployed in those regions", () => {
    expect(() => renderNetworkManagerPlan(proxied, options({ commitLocations: ["westeurope"] })))
      .toThrow(/^azureNetworkManager\.commitLocations: a commit replaces the security admin configuration deployed in those regions/);
  });

  it("creates a base Firewall Policy with the Agora rule collection group and child policies in its region that inherit it", () => {
    const plan = renderNetworkManagerPlan(allSix, options({
      firewallPolicy: { location: "westeurope", childPolicies: { spokes: "westeurope", "dev-spokes": "West Europe" } },
    }));
    const firewall = renderFirewallPolicyRules(allSix, { resourceGroupName: "rg-network", location: "westeurope" });
    const base = plan.resources.filter((r) => r.type === FIREWALL_POLICY_TYPE || r.type === RULE_COLLECTION_GROUP_TYPE || r.type.endsWith(":IpGroup"));
    expect(base.slice(0, firewall.resources.length)).toEqual(firewall.resources);
    const children = plan.resources.filter((r) => r.name.startsWith("firewall-policy-child-"));
    expect(children.map((c) => [c.name, c.inputs])).toEqual([
      ["firewall-policy-child-dev-spokes", { resourceGroupName: "rg-network", location: "West Europe", sku: { tier: "Standard" }, dnsSettings: { enableProxy: true }, basePolicy: { id: "${firewall-policy.id}" } }],
      ["firewall-policy-child-spokes", { resourceGroupName: "rg-network", location: "westeurope", sku: { tier: "Standard" }, dnsSettings: { enableProxy: true }, basePolicy: { id: "${firewall-policy.id}" } }],
    ]);
    expect(children[0].dependsOn).toContain("rule-collection-group");
    expect(plan.defaults.map((d) => d.target)).toEqual(["azure-virtual-network-manager", "azure-firewall-base-policy"]);
  });

  it("does not grow with the networks in scope: the same resources for one network group or forty", () => {
    const one = renderNetworkManagerPlan(allSix, options());
    const many = renderNetworkManagerPlan(allSix, options({ networkGroups: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`g${i}`, group(`g${i}`)])) }));
    expect(many.resources.map((r) => r.name)).toEqual(one.resources.map((r) => r.name));
  });

  it("gives every resource inputs that the @pulumi/azure-native network SDK types accept", () => {
    const plan = renderNetworkManagerPlan(proxied, options({
      denyOtherInternet: true, commitLocations: ["westeurope"], replaceDeployedConfiguration: true, firewallPolicy: { location: "westeurope", childPolicies: { spokes: "westeurope" } },
    }));
    const args = providerArgs([...new Set(plan.resources.map((r) => r.type))]);
    expect(plan.resources.flatMap((r) => args.problems(r.type, r.inputs).map((p) => `${r.name}: ${p}`))).toEqual([]);
    expect(args.problems(ADMIN_RULE_TYPE, { ...rules(plan)[0].inputs, action: "Allow" })).toEqual([expect.stringContaining("action: not an input")]);
  }, 120_000);

  it("previews with references when there is no stack", () => {
    const plan = renderNetworkManagerPlan(allSix, ALL_NETWORK_MANAGER_TARGETS);
    expect(plan.resources[0].inputs).toMatchObject({ networkManagerName: "${network-manager.name}", resourceGroupName: "${network-manager.resourceGroupName}" });
  });
});
