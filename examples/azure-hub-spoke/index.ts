import * as pulumi from "@pulumi/pulumi";
import * as network from "@pulumi/azure-native/network";
import * as resources from "@pulumi/azure-native/resources";
// In your own project: `from "agora-egress"`.
import { AccessMode, AgoraSelectionArgs, AzureDnsSecurityPolicy, AzureFirewallPolicyRules, AzureNsgRules } from "../../src";

/** The spokes and their address ranges; each has one workload subnet. */
const SPOKES: Record<string, string> = {
  media: "10.1.0.0/16",
  web: "10.2.0.0/16",
};

/** One selection for the firewall, the NSGs and the DNS policy, so all three allow the same Agora traffic. */
// Pinned: a package upgrade that adds an edition never changes this program's rules (see README "Which edition?").
const SELECTION: AgoraSelectionArgs = { edition: "2020-05", sdks: ["rtc-native", "rtc-web@4.20.0"], access: AccessMode.CloudProxy };

/**
 * A hub with Azure Firewall, whose policy holds Agora's rule collection group (network rules to
 * IP Groups of the proxy endpoints, sourced from the spokes' ranges); spokes peered to the hub,
 * routing Internet traffic to the firewall, with an NSG carrying the same allowlist on each
 * workload subnet; and one DNS security policy, linked to every spoke, that answers only for
 * the cloud proxy's name.
 */
function azureHubSpoke() {
  const config = new pulumi.Config();
  const location = config.get("location") ?? "westeurope";

  const hubGroup = new resources.ResourceGroup("hub", { resourceGroupName: "rg-agora-hub", location });
  const hub = new network.VirtualNetwork("hub", {
    resourceGroupName: hubGroup.name, location, virtualNetworkName: "vnet-hub", addressSpace: { addressPrefixes: ["10.0.0.0/16"] },
  });
  const firewallSubnet = new network.Subnet("hub-firewall", {
    resourceGroupName: hubGroup.name, virtualNetworkName: hub.name, subnetName: "AzureFirewallSubnet", addressPrefix: "10.0.0.0/26",
  });
  const agoraFirewall = new AzureFirewallPolicyRules("agora-hub-firewall", {
    ...SELECTION, resourceGroupName: hubGroup.name, location, sourceAddresses: Object.values(SPOKES),
  });
  const publicIp = new network.PublicIPAddress("hub-firewall", {
    resourceGroupName: hubGroup.name, location, sku: { name: "Standard" }, publicIPAllocationMethod: "Static",
  });
  const firewall = new network.AzureFirewall("hub", {
    resourceGroupName: hubGroup.name,
    location,
    sku: { name: "AZFW_VNet", tier: "Standard" },
    firewallPolicy: { id: agoraFirewall.firewallPolicyId },
    ipConfigurations: [{ name: "hub", subnet: { id: firewallSubnet.id }, publicIPAddress: { id: publicIp.id } }],
  });
  const firewallIp = firewall.ipConfigurations.apply((c) => c?.[0]?.privateIPAddress ?? "");

  const spokes = Object.entries(SPOKES).map(([name, range]) => {
    const group = new resources.ResourceGroup(`spoke-${name}`, { resourceGroupName: `rg-agora-spoke-${name}`, location });
    const vnet = new network.VirtualNetwork(`spoke-${name}`, {
      resourceGroupName: group.name, location, virtualNetworkName: `vnet-spoke-${name}`, addressSpace: { addressPrefixes: [range] },
    });
    const nsg = new AzureNsgRules(`agora-spoke-${name}`, { ...SELECTION, resourceGroupName: group.name, location });
    const routes = new network.RouteTable(`spoke-${name}`, {
      resourceGroupName: group.name,
      location,
      routes: [{ name: "internet-via-hub-firewall", addressPrefix: "0.0.0.0/0", nextHopType: "VirtualAppliance", nextHopIpAddress: firewallIp }],
    });
    new network.Subnet(`spoke-${name}-workloads`, {
      resourceGroupName: group.name,
      virtualNetworkName: vnet.name,
      subnetName: "workloads",
      addressPrefix: range.replace(/\.0\.0\/16$/, ".0.0/24"),
      networkSecurityGroup: { id: nsg.networkSecurityGroupId },
      routeTable: { id: routes.id },
    });
    new network.VirtualNetworkPeering(`spoke-${name}-to-hub`, {
      resourceGroupName: group.name, virtualNetworkName: vnet.name, remoteVirtualNetwork: { id: hub.id },
      allowVirtualNetworkAccess: true, allowForwardedTraffic: true,
    });
    new network.VirtualNetworkPeering(`hub-to-spoke-${name}`, {
      resourceGroupName: hubGroup.name, virtualNetworkName: hub.name, remoteVirtualNetwork: { id: vnet.id },
      allowVirtualNetworkAccess: true, allowForwardedTraffic: true,
    });
    return { name, nsg, vnet };
  });

  // Networks are keyed by a name of your choice, which names the link; the ids are the networks' outputs.
  const dns = new AzureDnsSecurityPolicy("agora-spoke-dns", {
    ...SELECTION, resourceGroupName: hubGroup.name, location, virtualNetworks: Object.fromEntries(spokes.map((s) => [s.name, s.vnet.id])),
  });
  return {
    firewallPolicyId: agoraFirewall.firewallPolicyId,
    ipGroupIds: agoraFirewall.ipGroupIds,
    spokeNsgIds: Object.fromEntries(spokes.map((s) => [s.name, s.nsg.networkSecurityGroupId])),
    dnsSecurityPolicyId: dns.dnsSecurityPolicyId,
    appSettings: agoraFirewall.appSettings,
    widenings: pulumi.all([agoraFirewall.widenings, dns.widenings, ...spokes.map((s) => s.nsg.widenings)]).apply((w) => w.flat()),
  };
}

// Pulumi runs an exported function and makes its result the stack outputs; tests call it under mocks.
export = azureHubSpoke;
