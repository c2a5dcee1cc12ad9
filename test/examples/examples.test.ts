import * as pulumi from "@pulumi/pulumi";
import { AccessMode } from "../../src/args/selection-args";
import { resolve } from "../../src/resolve";
import { renderAwsPlan, renderDnsFirewall, renderNetworkFirewallRules, renderSecurityGroupRules } from "../../src/renderers/aws";
import { renderAzurePlan } from "../../src/renderers/azure";
import { EXAMPLE_MOCKS, SUBSCRIPTION, countByType, resolveOutputs } from "./mocks";
import { isSecretInput, settle, usePulumiMocks } from "../support/pulumi-mocks";
import awsVpcEgress = require("../../examples/aws-vpc-egress");
import awsCentralizedInspection = require("../../examples/aws-centralized-inspection");
import azureHubSpoke = require("../../examples/azure-hub-spoke");
import multicloudLandingZone = require("../../examples/multicloud-landing-zone");
import awsProductionSecretEndpoints = require("../../examples/aws-production-secret-endpoints");
import awsOrganization = require("../../examples/aws-organization");
import azureNetworkManager = require("../../examples/azure-network-manager");
import { renderAwsOrganizationPlan } from "../../src/renderers/aws";
import { renderNetworkManagerPlan } from "../../src/renderers/azure";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";

const mocks = usePulumiMocks(EXAMPLE_MOCKS);

/** Runs one example program under the mocks: its resolved outputs and everything it registered. */
async function run<T extends Record<string, unknown>>(program: () => T) {
  mocks.clear();
  const outputs = await resolveOutputs(program());
  await settle();
  const resources = [...mocks.registered];
  return {
    outputs,
    custom: resources.filter((r) => r.custom),
    components: resources.filter((r) => !r.custom),
    childrenOf: (component: string) => resources.filter((r) => r.custom && r.name.startsWith(`${component}-`)),
    ofType: (type: string) => resources.filter((r) => r.type === type),
  };
}

describe("aws-vpc-egress", () => {
  it("creates a VPC and exactly the planned security groups and DNS Firewall for Native RTC via the cloud proxy", async () => {
    const r = await run(awsVpcEgress);
    expect(r.components.map((c) => `${c.type} ${c.name}`)).toEqual(["agora-egress:index:AwsAgoraEgress native-rtc-via-proxy"]);
    expect(countByType(r.custom.filter((c) => !c.name.startsWith("native-rtc-via-proxy-")))).toEqual({ "aws:ec2/vpc:Vpc": 1 });
    const plan = renderAwsPlan(resolve({ edition: "2020-05", sdks: ["rtc-native"], access: AccessMode.CloudProxy }), {
      securityGroups: { vpcId: "${vpc.id}" }, dnsFirewall: { vpcIds: ["${vpc-workloads.id}"], blockOthers: true },
    });
    expect(countByType(r.childrenOf("native-rtc-via-proxy"))).toEqual(countByType(plan.resources));

    // Through the proxy nothing is opened to a domain, so no rule is widened to every address.
    const egressRules = r.ofType("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule");
    expect(egressRules.length).toBeGreaterThan(0);
    expect(egressRules.every((e) => /\/32$/.test(e.inputs.cidrIpv4))).toBe(true);
    expect(r.outputs.widenings).toEqual([]);
    // The VPC may resolve only the proxy's own name; everything else is blocked.
    const lists = r.ofType("aws:route53/resolverFirewallDomainList:ResolverFirewallDomainList").map((l) => l.inputs.domains);
    expect(lists).toEqual(expect.arrayContaining([["ap-proxy.agora.io"], ["*"]]));
    expect(r.ofType("aws:route53/resolverFirewallRuleGroupAssociation:ResolverFirewallRuleGroupAssociation").map((a) => a.inputs.vpcId))
      .toEqual(["agora-workloads-id"]);
    expect(r.outputs.securityGroupIds).toEqual(["native-rtc-via-proxy-sg-group-0-id"]);
    expect(r.outputs.appSettings.map((s) => s.api)).toEqual(["setParameters"]);
  });
});

describe("aws-centralized-inspection", () => {
  it("creates the inspection firewall with Agora's strict-order rules for the spokes, and DNS Firewall on every spoke", async () => {
    const r = await run(awsCentralizedInspection);
    expect(r.components.map((c) => `${c.type} ${c.name}`).sort()).toEqual([
      "agora-egress:index:AwsDnsFirewall agora-spoke-dns",
      "agora-egress:index:AwsNetworkFirewall agora-inspection",
    ]);
    const selection = resolve({ edition: "2020-05", sdks: ["rtc-web@4.20.0", "rtm-web"] });
    const spokes = ["10.1.0.0/16", "10.2.0.0/16", "10.3.0.0/16"];
    const nfw = renderNetworkFirewallRules(selection, { homeNet: spokes });
    const dns = renderDnsFirewall(selection, { vpcIds: ["${vpc-media.id}", "${vpc-ops.id}", "${vpc-web.id}"], blockOthers: true });
    expect(countByType(r.childrenOf("agora-inspection"))).toEqual(countByType(nfw.resources));
    expect(countByType(r.childrenOf("agora-spoke-dns"))).toEqual(countByType(dns.resources));
    const own = r.custom.filter((c) => !c.name.startsWith("agora-"));
    expect(countByType(own)).toEqual({
      "aws:ec2/vpc:Vpc": 4, "aws:ec2/subnet:Subnet": 2,
      "aws:networkfirewall/firewallPolicy:FirewallPolicy": 1, "aws:networkfirewall/firewall:Firewall": 1,
    });

    // HOME_NET is the spokes' ranges: the firewall sees their traffic as the workloads' own.
    const [group] = r.ofType("aws:networkfirewall/ruleGroup:RuleGroup");
    expect(group.inputs.ruleGroup.ruleVariables.ipSets).toEqual([{ key: "HOME_NET", ipSet: { definitions: spokes } }]);
    expect(r.outputs.rulesString).toContain('tls.sni; dotprefix; content:".agora.io"; nocase; endswith;');
    const [policy] = r.ofType("aws:networkfirewall/firewallPolicy:FirewallPolicy");
    expect(policy.inputs.firewallPolicy.statefulRuleGroupReferences).toEqual([{ resourceArn: "arn:aws:mock:::agora-inspection-nfw-rule-group", priority: 100 }]);
    expect(r.ofType("aws:networkfirewall/firewall:Firewall")[0].inputs.subnetMappings)
      .toEqual([{ subnetId: "inspection-firewall-0-id" }, { subnetId: "inspection-firewall-1-id" }]);
    expect(r.ofType("aws:ec2/subnet:Subnet").map((s) => s.inputs.availabilityZone)).toEqual(["zone-a", "zone-b"]);
    // One DNS Firewall association per spoke VPC.
    expect(r.ofType("aws:route53/resolverFirewallRuleGroupAssociation:ResolverFirewallRuleGroupAssociation").map((a) => a.inputs.vpcId).sort())
      .toEqual(["spoke-media-id", "spoke-ops-id", "spoke-web-id"]);
    expect(r.outputs.dnsFirewallAssociationIds).toHaveLength(3);
    // UDP media cannot be matched by name: it is opened to any address on its ports, and reported.
    expect(r.outputs.widenings.some((w) => w.rule.startsWith("udp ") && w.renderedAs.includes("any address"))).toBe(true);
  });
});

describe("azure-hub-spoke", () => {
  it("creates the hub firewall's rule collection group with IP Groups, an NSG per spoke and a DNS policy linked to the spokes", async () => {
    const r = await run(azureHubSpoke);
    expect(r.components.map((c) => `${c.type} ${c.name}`).sort()).toEqual([
      "agora-egress:index:AzureDnsSecurityPolicy agora-spoke-dns",
      "agora-egress:index:AzureFirewallPolicyRules agora-hub-firewall",
      "agora-egress:index:AzureNsgRules agora-spoke-media",
      "agora-egress:index:AzureNsgRules agora-spoke-web",
    ]);
    const selection = resolve({ edition: "2020-05", sdks: ["rtc-native", "rtc-web@4.20.0"], access: AccessMode.CloudProxy });
    const vnetId = (spoke: string) => `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-agora-spoke-${spoke}/providers/Microsoft.Network/virtualNetworks/vnet-spoke-${spoke}`;
    const firewall = renderAzurePlan(selection, { firewallPolicy: { sourceAddresses: ["10.1.0.0/16", "10.2.0.0/16"] } });
    const nsg = renderAzurePlan(selection, { nsg: {} });
    const dns = renderAzurePlan(selection, { dnsSecurityPolicy: { virtualNetworks: { media: "${virtual-network-media.id}", web: "${virtual-network-web.id}" } } });
    expect(countByType(r.childrenOf("agora-hub-firewall"))).toEqual(countByType(firewall.resources));
    expect(countByType(r.childrenOf("agora-spoke-media"))).toEqual(countByType(nsg.resources));
    expect(countByType(r.childrenOf("agora-spoke-web"))).toEqual(countByType(nsg.resources));
    expect(countByType(r.childrenOf("agora-spoke-dns"))).toEqual(countByType(dns.resources));
    expect(countByType(r.custom.filter((c) => !c.name.startsWith("agora-")))).toEqual({
      "azure-native:resources:ResourceGroup": 3, "azure-native:network:VirtualNetwork": 3, "azure-native:network:Subnet": 3,
      "azure-native:network:PublicIPAddress": 1, "azure-native:network:AzureFirewall": 1, "azure-native:network:RouteTable": 2,
      "azure-native:network:VirtualNetworkPeering": 4,
    });

    // The proxy endpoints are in IP Groups; every firewall rule's source is the spokes.
    expect(r.outputs.ipGroupIds.length).toBeGreaterThan(0);
    const [group] = r.ofType("azure-native:network:FirewallPolicyRuleCollectionGroup");
    const rules = group.inputs.ruleCollections.flatMap((c: { rules: Record<string, unknown>[] }) => c.rules);
    expect(rules.length).toBeGreaterThan(0);
    expect(rules.every((rule: Record<string, unknown>) => JSON.stringify(rule.sourceAddresses) === JSON.stringify(["10.1.0.0/16", "10.2.0.0/16"]))).toBe(true);
    expect(r.ofType("azure-native:network:AzureFirewall")[0].inputs.firewallPolicy.id).toBe(r.outputs.firewallPolicyId);
    // Each spoke's workload subnet carries its own NSG; the DNS policy is linked to both spokes (their ids were outputs).
    const subnets = r.ofType("azure-native:network:Subnet").filter((s) => s.inputs.subnetName === "workloads");
    expect(subnets.map((s) => s.inputs.networkSecurityGroup.id).sort()).toEqual([r.outputs.spokeNsgIds.media, r.outputs.spokeNsgIds.web].sort());
    expect(r.ofType("azure-native:dnsresolver:DnsResolverPolicyVirtualNetworkLink").map((l) => l.inputs.virtualNetwork.id).sort())
      .toEqual([vnetId("media"), vnetId("web")]);
    expect(r.ofType("azure-native:dnsresolver:DnsResolverDomainList").map((l) => l.inputs.domains)).toEqual(expect.arrayContaining([["ap-proxy.agora.io."], ["."]]));
  });
});

describe("multicloud-landing-zone", () => {
  it("deploys one selection to every spoke of both clouds", async () => {
    const r = await run(multicloudLandingZone);
    const awsSpokes = ["media-eu", "media-us", "recording"];
    const azureSpokes = ["media-apac", "recording"];
    expect(r.components.map((c) => `${c.type} ${c.name}`).sort()).toEqual([
      "agora-egress:index:AwsDnsFirewall lz-agora-aws-dns",
      ...awsSpokes.map((s) => `agora-egress:index:AwsSecurityGroups lz-agora-aws-${s}`),
      "agora-egress:index:AzureDnsSecurityPolicy lz-agora-azure-dns",
      ...azureSpokes.map((s) => `agora-egress:index:AzureNsgRules lz-agora-azure-${s}`),
    ].sort());
    const selection = resolve({ edition: "2020-05", sdks: ["rtc-native", "recording"], access: AccessMode.CloudProxy });
    const vnetId = (spoke: string) => `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-agora-landing-zone/providers/Microsoft.Network/virtualNetworks/vnet-lz-${spoke}`;
    const groups = renderSecurityGroupRules(selection, { vpcId: "${vpc.id}" });
    const nsg = renderAzurePlan(selection, { nsg: {} });
    for (const s of awsSpokes) expect(countByType(r.childrenOf(`lz-agora-aws-${s}`))).toEqual(countByType(groups.resources));
    for (const s of azureSpokes) expect(countByType(r.childrenOf(`lz-agora-azure-${s}`))).toEqual(countByType(nsg.resources));
    expect(countByType(r.childrenOf("lz-agora-aws-dns")))
      .toEqual(countByType(renderDnsFirewall(selection, { vpcIds: awsSpokes.map((s) => `\${vpc-${s}.id}`), blockOthers: true }).resources));
    expect(countByType(r.childrenOf("lz-agora-azure-dns")))
      .toEqual(countByType(renderAzurePlan(selection, { dnsSecurityPolicy: { virtualNetworks: Object.fromEntries(azureSpokes.map((s) => [s, `\${virtual-network-${s}.id}`])) } }).resources));

    expect(countByType(r.custom.filter((c) => c.name.startsWith("lz-") && !c.name.startsWith("lz-agora-")))).toEqual({
      "aws:ec2/vpc:Vpc": 3, "azure-native:resources:ResourceGroup": 1, "azure-native:network:VirtualNetwork": 2, "azure-native:network:Subnet": 2,
    });
    // Same rules in every spoke: each spoke's security group rules equal every other spoke's, apart from the group they go in.
    const rulesOf = (prefix: string) => r.childrenOf(prefix).filter((c) => c.type === "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule")
      .map(({ inputs: { securityGroupId: _, ...rule } }) => JSON.stringify(rule)).sort();
    expect(rulesOf("lz-agora-aws-media-us")).toEqual(rulesOf("lz-agora-aws-media-eu"));
    expect(rulesOf("lz-agora-aws-recording")).toEqual(rulesOf("lz-agora-aws-media-eu"));
    expect(Object.keys(r.outputs.awsSecurityGroupIds).sort()).toEqual(awsSpokes);
    expect(Object.keys(r.outputs.azureNsgIds).sort()).toEqual(azureSpokes);
    expect(r.ofType("aws:route53/resolverFirewallRuleGroupAssociation:ResolverFirewallRuleGroupAssociation")).toHaveLength(3);
    expect(r.ofType("azure-native:dnsresolver:DnsResolverPolicyVirtualNetworkLink").map((l) => l.inputs.virtualNetwork.id).sort())
      .toEqual(azureSpokes.map(vnetId).sort());
    // Recording: enableCloudProxy, then lowUdpPort/highUdpPort for its simplex range from the proxy endpoints.
    expect(r.outputs.appSettings.map((a) => `${a.sdk} ${a.api}: ${a.values[0]}`)).toEqual([
      "recording RecordingConfig: enableCloudProxy = true", "recording RecordingConfig: lowUdpPort = 40000", "rtc-native setParameters: {\"rtc.enable_proxy\":true}",
    ]);
  });
});

describe("aws-production-secret-endpoints", () => {
  const sample = parse(readFileSync(join(__dirname, "..", "..", "examples", "production-proxy.yaml"), "utf8")) as {
    endpoints: { protocol: "tcp" | "udp"; addresses: string[]; ports: string[]; purpose?: string }[]; proxyServers: string[];
  };
  beforeAll(() => {
    pulumi.runtime.setConfig("agora-egress-examples:productionEndpoints", JSON.stringify(sample.endpoints));
    pulumi.runtime.setConfig("agora-egress-examples:proxyServers", JSON.stringify(sample.proxyServers));
  });
  /** Anything of the sample endpoints: their addresses and purposes. */
  const PRIVATE = [...sample.endpoints.flatMap((e) => [...e.addresses, ...(e.purpose ? [e.purpose] : [])]), ...sample.proxyServers];

  it("takes the endpoints from config.requireSecretObject and the VPC id as an Output, and keeps every input carrying the endpoints secret", async () => {
    mocks.clear();
    const outputs = awsProductionSecretEndpoints();
    await settle();
    const custom = mocks.registered.filter((r) => r.custom);
    expect(mocks.registered.filter((r) => !r.custom).map((c) => `${c.type} ${c.name}`)).toEqual(["agora-egress:index:AwsAgoraEgress native-rtc-production"]);

    // The children the plan of the same selection with the endpoints as plain data has, under the same names.
    const plan = renderAwsPlan(resolve({ edition: "2020-05", sdks: ["rtc-native"], access: "cloud-proxy", environment: "production", proxyType: 2, productionProxy: sample }), {
      securityGroups: { vpcId: "${vpc.id}" }, networkFirewall: { homeNet: ["10.30.0.0/16"], createPolicy: true }, dnsFirewall: { vpcIds: ["${vpc-workloads.id}"], blockOthers: true },
    });
    const children = custom.filter((c) => c.name.startsWith("native-rtc-production-"));
    expect(children.map((c) => `${c.type} ${c.name}`).sort()).toEqual(plan.resources.map((r) => `${r.type} native-rtc-production-${r.name}`).sort());

    // The engine receives every endpoint only as a secret; the VPC's id reached the rules that need it.
    const plain = custom.flatMap((c) => Object.entries(c.inputs).filter(([, v]) => !isSecretInput(v)).map(([k, v]) => `${c.name}.${k}=${JSON.stringify(v)}`));
    for (const p of PRIVATE) expect({ p, plain: plain.filter((t) => t.includes(p)) }).toEqual({ p, plain: [] });
    const rules = children.filter((c) => c.type === "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule");
    expect(rules.length).toBeGreaterThan(0);
    for (const r of rules) {
      expect(isSecretInput(r.inputs.cidrIpv4)).toBe(true);
      expect(r.inputs.securityGroupId).toBe("native-rtc-production-sg-group-0-id");
    }
    const [group] = children.filter((c) => c.type === "aws:ec2/securityGroup:SecurityGroup");
    expect(group.inputs.vpcId).toBe("agora-production-id");
    expect(children.filter((c) => c.type.endsWith("ResolverFirewallRuleGroupAssociation")).map((a) => a.inputs.vpcId)).toEqual(["agora-production-id"]);
    const [ruleGroup] = children.filter((c) => c.type === "aws:networkfirewall/ruleGroup:RuleGroup");
    expect(isSecretInput(ruleGroup.inputs.ruleGroup)).toBe(true);
    expect(JSON.stringify(ruleGroup.inputs.ruleGroup)).toContain("203.0.113.10/32");

    // Outputs: the SDK settings name the proxy servers and stay secret; the ids are plain.
    expect(await pulumi.isSecret(outputs.appSettings)).toBe(true);
    expect(await pulumi.isSecret(outputs.widenings)).toBe(true);
    expect(await pulumi.isSecret(outputs.securityGroupIds)).toBe(false);
    const resolved = await resolveOutputs(outputs);
    expect(resolved.securityGroupIds).toEqual(["native-rtc-production-sg-group-0-id"]);
    expect(resolved.firewallPolicyArn).toBe("arn:aws:mock:::native-rtc-production-nfw-policy");
    expect(resolved.appSettings[0].values).toContain(`{"rtc.proxy_server":[2,${JSON.stringify(JSON.stringify(sample.proxyServers))},0]}`);
  });
});

describe("aws-organization", () => {
  it("creates exactly the organisation plan's resources, a fixed count whatever the organizational units in scope", async () => {
    const r = await run(awsOrganization);
    expect(r.components.map((c) => `${c.type} ${c.name}`)).toEqual(["agora-egress:index:AwsAgoraEgressOrganization agora-org"]);
    const plan = renderAwsOrganizationPlan(resolve({ edition: "2020-05", sdks: ["rtc-native", "recording"], access: AccessMode.CloudProxy }), {
      scope: { includeOrganizationalUnits: ["ou-ab12-34567890"], resourceTags: { "agora-egress": "on" } },
      securityGroups: { vpcId: "${vpc.id}" }, networkFirewall: { singleEndpointPerVpc: true }, dnsFirewall: { priority: 10 },
      share: { principals: ["arn:aws:organizations::111122223333:organization/o-exampleorgid"], dnsFirewallRuleGroup: true },
    });
    expect(countByType(r.childrenOf("agora-org"))).toEqual(countByType(plan.resources));
    expect(countByType(r.custom.filter((c) => !c.name.startsWith("agora-org-")))).toEqual({ "aws:ec2/vpc:Vpc": 1 });
    const policies = r.ofType("aws:fms/policy:Policy");
    expect(policies.map((p) => p.inputs.includeMap)).toEqual(policies.map(() => ({ orgunits: ["ou-ab12-34567890"] })));
    expect(r.outputs.policyIds).toHaveLength(3);
    expect(r.outputs.widenings).toEqual([]);
  });
});

describe("azure-network-manager", () => {
  beforeAll(() => pulumi.runtime.setConfig("agora-egress-examples:subscriptionId", SUBSCRIPTION));

  it("creates the security admin rules on the network manager, commits them, and a base policy with a child that inherits it", async () => {
    const r = await run(azureNetworkManager);
    expect(r.components.map((c) => `${c.type} ${c.name}`)).toEqual(["agora-egress:index:AzureAgoraEgressNetworkManager agora"]);
    const plan = renderNetworkManagerPlan(resolve({ edition: "2020-05", sdks: ["rtc-web@4.20.0", "rtm-web"] }), {
      networkManagerId: "${network-manager.id}", networkGroups: { spokes: "${network-group-spokes.id}" }, denyOtherInternet: true,
      commitLocations: ["westeurope"], replaceDeployedConfiguration: true, firewallPolicy: { location: "westeurope", childPolicies: { hub: "westeurope" } },
    });
    expect(countByType(r.childrenOf("agora"))).toEqual(countByType(plan.resources));
    const [config] = r.ofType("azure-native:network:SecurityAdminConfiguration");
    expect(config.inputs).toMatchObject({ networkManagerName: "nm-central", resourceGroupName: "rg-agora-network" });
    const [child] = r.ofType("azure-native:network:FirewallPolicy").filter((p) => p.inputs.basePolicy);
    expect(child.inputs.location).toBe("westeurope");
    expect(r.outputs.childFirewallPolicyIds).toHaveLength(1);
    expect(r.outputs.widenings.every((w) => w.target === "azure-virtual-network-manager" || w.target === "azure-firewall-base-policy")).toBe(true);
  });
});
