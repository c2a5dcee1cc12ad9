import * as pulumi from "@pulumi/pulumi";
import { resolve } from "../../src/resolve";
import { AwsAgoraEgressOrganization } from "../../src/components/aws";
import { AzureAgoraEgressNetworkManager } from "../../src/components/azure";
import { renderAwsOrganizationPlan } from "../../src/renderers/aws";
import { renderNetworkManagerPlan } from "../../src/renderers/azure";
import { AccessMode } from "../../src/args/selection-args";
import { mockArn, settle, usePulumiMocks, value } from "../support/pulumi-mocks";
import { providerArgs } from "../support/provider-args";

const mocks = usePulumiMocks({ state: (r) => ({ arn: mockArn(r.name), name: r.inputs.configurationName ?? r.inputs.ruleCollectionName ?? r.name }) });
const NM = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-network/providers/Microsoft.Network/networkManagers/nm-central";
const GROUP = `${NM}/networkGroups/spokes`;

describe("AwsAgoraEgressOrganization under mocks", () => {
  it("creates exactly the organisation plan's resources, with the primary group's id in the policy document", async () => {
    mocks.clear();
    const vpc = pulumi.output("vpc-0123456789abcdef0");
    const org = new AwsAgoraEgressOrganization("org", {
      edition: "2020-05", sdks: ["rtc-native", "recording"], access: AccessMode.CloudProxy,
      scope: { includeOrganizationalUnits: ["ou-ab12-34567890"] },
      securityGroups: { vpcId: vpc, proxyPrefixLists: true },
      networkFirewall: {},
      dnsFirewall: { priority: 5 },
      share: { principals: ["arn:aws:organizations::111122223333:organization/o-exampleorgid"], prefixLists: true },
    });
    await settle();
    const plan = renderAwsOrganizationPlan(resolve({ edition: "2020-05", sdks: ["rtc-native", "recording"], access: AccessMode.CloudProxy }), {
      scope: { includeOrganizationalUnits: ["ou-ab12-34567890"] }, securityGroups: { vpcId: "${vpc.id}", proxyPrefixLists: true }, networkFirewall: {},
      dnsFirewall: { priority: 5 }, share: { principals: ["arn:aws:organizations::111122223333:organization/o-exampleorgid"], prefixLists: true },
    });
    const children = mocks.childrenOf("org");
    // Registered as their inputs resolve, so compared as sets.
    expect(children.map((c) => `${c.type} ${c.name}`).sort()).toEqual(plan.resources.map((r) => `${r.type} org-${r.name}`).sort());
    expect(children.every((c) => c.parent === "org")).toBe(true);
    const sgPolicy = children.find((c) => c.name === "org-fms-security-groups-0")!;
    expect(JSON.parse(sgPolicy.inputs.securityServicePolicyData.managedServiceData).securityGroups).toEqual([{ id: "org-sg-group-0-id" }]);
    const nfPolicy = children.find((c) => c.name === "org-fms-network-firewall")!;
    expect(sgPolicy.inputs.includeMap).toEqual({ orgunits: ["ou-ab12-34567890"] });
    expect(JSON.parse(nfPolicy.inputs.securityServicePolicyData.managedServiceData).networkFirewallStatefulRuleGroupReferences)
      .toEqual([{ resourceARN: mockArn("org-nfw-rule-group"), priority: 100 }]);
    expect(children.find((c) => c.name === "org-sg-group-0")!.inputs.vpcId).toBe("vpc-0123456789abcdef0");
    // What the engine received fits the SDK's own types.
    const args = providerArgs([...new Set(children.map((c) => c.type))]);
    expect(children.flatMap((c) => args.problems(c.type, c.inputs).map((p) => `${c.name}: ${p}`))).toEqual([]);
    expect(await value(org.policyIds)).toEqual(["org-fms-security-groups-0-id", "org-fms-network-firewall-id", "org-fms-dns-firewall-id"]);
    expect(await value(org.resourceShareArn)).toBe(mockArn("org-ram-share"));
    expect((await value(org.quotas)).some((q) => q.quota === "Firewall Manager policies per organisation and Region")).toBe(true);
  }, 60_000);

  it("plans with the same names when the production endpoints are a secret", async () => {
    mocks.clear();
    new AwsAgoraEgressOrganization("secret-org", {
      edition: "2020-05", sdks: ["rtc-native"], access: AccessMode.CloudProxy, environment: "production" as never,
      productionEndpoints: pulumi.secret([{ protocol: "udp", addresses: ["203.0.113.10"], ports: ["4500-4650"] }]),
      scope: { allAccounts: true }, securityGroups: { vpcId: "vpc-0123456789abcdef0" },
    });
    await settle();
    const names = mocks.childrenOf("secret-org").map((c) => c.name);
    expect(names).toContain("secret-org-fms-security-groups-0");
    expect(names.some((n) => n.includes("203-0-113-10"))).toBe(true);
  });
});

describe("AzureAgoraEgressNetworkManager under mocks", () => {
  it("creates exactly the network manager plan's resources on the network manager named by its id, even when the id is an output", async () => {
    mocks.clear();
    const nm = new AzureAgoraEgressNetworkManager("avnm", {
      edition: "2020-05", sdks: ["rtc-web", "rtm-web"],
      networkManagerId: pulumi.output(NM),
      networkGroups: { spokes: pulumi.output(GROUP) },
      denyOtherInternet: true,
      commitLocations: ["westeurope"], replaceDeployedConfiguration: true,
      firewallPolicy: { location: "westeurope", childPolicies: { spokes: "westeurope" } },
    });
    await settle();
    const plan = renderNetworkManagerPlan(resolve({ edition: "2020-05", sdks: ["rtc-web", "rtm-web"] }), {
      networkManagerId: NM, networkGroups: { spokes: GROUP }, denyOtherInternet: true, commitLocations: ["westeurope"], replaceDeployedConfiguration: true,
      firewallPolicy: { location: "westeurope", childPolicies: { spokes: "westeurope" } },
    });
    const children = mocks.childrenOf("avnm");
    expect(children.map((c) => `${c.type} ${c.name}`).sort()).toEqual(plan.resources.map((r) => `${r.type} avnm-${r.name}`).sort());
    const config = children.find((c) => c.type === "azure-native:network:SecurityAdminConfiguration")!;
    expect(config.inputs).toMatchObject({ networkManagerName: "nm-central", resourceGroupName: "rg-network" });
    expect(children.find((c) => c.type === "azure-native:network:AdminRuleCollection")!.inputs.appliesToGroups).toEqual([{ networkGroupId: GROUP }]);
    const args = providerArgs([...new Set(children.map((c) => c.type))]);
    expect(children.flatMap((c) => args.problems(c.type, c.inputs).map((p) => `${c.name}: ${p}`))).toEqual([]);
    expect(await value(nm.childFirewallPolicyIds)).toEqual(["avnm-firewall-policy-child-spokes-id"]);
    expect(await value(nm.commitId)).toBe("avnm-avnm-commit-id");
  }, 60_000);
});
