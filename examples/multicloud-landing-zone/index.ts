import * as pulumi from "@pulumi/pulumi";
import * as ec2 from "@pulumi/aws/ec2";
import * as network from "@pulumi/azure-native/network";
import * as resources from "@pulumi/azure-native/resources";
// In your own project: `from "agora-egress"`.
import { AccessMode, AgoraSelectionArgs, AwsDnsFirewall, AwsSecurityGroups, AzureDnsSecurityPolicy, AzureNsgRules } from "../../src";

/** What the whole landing zone allows: decided once, deployed to every spoke of both clouds. */
// Pinned: a package upgrade that adds an edition never changes this program's rules (see README "Which edition?").
const SELECTION: AgoraSelectionArgs = { edition: "2020-05", sdks: ["rtc-native", "recording"], access: AccessMode.CloudProxy };

/** The spokes, by name, with their address ranges. */
const AWS_SPOKES: Record<string, string> = { "media-eu": "10.10.0.0/16", "media-us": "10.11.0.0/16", recording: "10.12.0.0/16" };
const AZURE_SPOKES: Record<string, string> = { "media-apac": "10.20.0.0/16", recording: "10.21.0.0/16" };

/**
 * Every spoke gets the same Agora allowlist: on AWS a set of security groups per spoke VPC
 * (they are VPC-scoped) and one DNS Firewall rule group associated with all of them; on Azure
 * an NSG per spoke subnet and one DNS security policy linked to all the spoke networks. The
 * application settings are the same everywhere, because the selection is.
 */
function multicloudLandingZone() {
  const config = new pulumi.Config();
  const location = config.get("azureLocation") ?? "westeurope";

  const awsSpokes = Object.entries(AWS_SPOKES).map(([name, cidrBlock]) => {
    const vpc = new ec2.Vpc(`lz-aws-${name}`, { cidrBlock, enableDnsSupport: true, tags: { Name: `lz-aws-${name}` } });
    const groups = new AwsSecurityGroups(`lz-agora-aws-${name}`, { ...SELECTION, vpcId: vpc.id });
    return { name, vpc, groups };
  });
  const awsDns = new AwsDnsFirewall("lz-agora-aws-dns", {
    ...SELECTION, vpcs: Object.fromEntries(awsSpokes.map((s) => [s.name, s.vpc.id])), blockOthers: true,
  });

  const group = new resources.ResourceGroup("lz-azure", { resourceGroupName: "rg-agora-landing-zone", location });
  const azureSpokes = Object.entries(AZURE_SPOKES).map(([name, range]) => {
    const vnetName = `vnet-lz-${name}`;
    const vnet = new network.VirtualNetwork(`lz-azure-${name}`, {
      resourceGroupName: group.name, location, virtualNetworkName: vnetName, addressSpace: { addressPrefixes: [range] },
    });
    const nsg = new AzureNsgRules(`lz-agora-azure-${name}`, { ...SELECTION, resourceGroupName: group.name, location });
    new network.Subnet(`lz-azure-${name}-workloads`, {
      resourceGroupName: group.name, virtualNetworkName: vnet.name, subnetName: "workloads",
      addressPrefix: range.replace(/\.0\.0\/16$/, ".0.0/24"), networkSecurityGroup: { id: nsg.networkSecurityGroupId },
    });
    return { name, vnet, nsg };
  });
  // As on AWS (`vpcs`): networks keyed by a name you choose, their ids the networks' outputs.
  const azureDns = new AzureDnsSecurityPolicy("lz-agora-azure-dns", {
    ...SELECTION, resourceGroupName: group.name, location, virtualNetworks: Object.fromEntries(azureSpokes.map((s) => [s.name, s.vnet.id])),
  });

  return {
    awsSecurityGroupIds: Object.fromEntries(awsSpokes.map((s) => [s.name, s.groups.securityGroupIds])),
    awsDnsFirewallRuleGroupId: awsDns.dnsFirewallRuleGroupId,
    azureNsgIds: Object.fromEntries(azureSpokes.map((s) => [s.name, s.nsg.networkSecurityGroupId])),
    azureDnsSecurityPolicyId: azureDns.dnsSecurityPolicyId,
    // The same on both clouds: the SDK settings follow from the selection alone.
    appSettings: awsDns.appSettings,
    widenings: pulumi.all([awsDns.widenings, azureDns.widenings, ...awsSpokes.map((s) => s.groups.widenings), ...azureSpokes.map((s) => s.nsg.widenings)])
      .apply((w) => w.flat()),
  };
}

// Pulumi runs an exported function and makes its result the stack outputs; tests call it under mocks.
export = multicloudLandingZone;
