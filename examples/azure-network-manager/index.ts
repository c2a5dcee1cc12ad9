import * as pulumi from "@pulumi/pulumi";
import * as network from "@pulumi/azure-native/network";
import * as resources from "@pulumi/azure-native/resources";
// In your own project: `from "agora-egress"`.
import { AzureAgoraEgressNetworkManager } from "../../src";

/**
 * Agora's egress controls for every spoke VNet of a subscription, from the network manager's
 * subscription: a Virtual Network Manager with a `spokes` network group (fill it with a
 * membership policy or static members), whose security admin configuration allows Agora's
 * flows ahead of the spokes' NSGs and denies every other Internet egress (the guardrail), and
 * is committed to the region here; and a base Firewall Policy holding Agora's rule collection
 * group, inherited by the hub's child policy.
 */
function azureNetworkManager() {
  const config = new pulumi.Config();
  const location = config.get("location") ?? "westeurope";
  const subscriptionId = config.require("subscriptionId");
  const group = new resources.ResourceGroup("network", { resourceGroupName: "rg-agora-network", location });
  const manager = new network.NetworkManager("central", {
    resourceGroupName: group.name, location, networkManagerName: "nm-central",
    networkManagerScopes: { subscriptions: [`/subscriptions/${subscriptionId}`] },
    networkManagerScopeAccesses: ["SecurityAdmin"],
  });
  const spokes = new network.NetworkGroup("spokes", {
    resourceGroupName: group.name, networkManagerName: manager.name, networkGroupName: "spokes",
    description: "Spoke VNets whose workloads use Agora",
  });
  const agora = new AzureAgoraEgressNetworkManager("agora", {
    edition: "2020-05",
    sdks: ["rtc-web@4.20.0", "rtm-web"],
    networkManagerId: manager.id,
    networkGroups: { spokes: spokes.id },
    denyOtherInternet: true,
    commitLocations: [location], replaceDeployedConfiguration: true,
    firewallPolicy: { location, childPolicies: { hub: location } },
  });
  return {
    securityAdminConfigurationId: agora.securityAdminConfigurationId,
    adminRuleIds: agora.adminRuleIds,
    commitId: agora.commitId,
    baseFirewallPolicyId: agora.firewallPolicyId,
    childFirewallPolicyIds: agora.childFirewallPolicyIds,
    widenings: agora.widenings,
  };
}

// Pulumi runs an exported function and makes its result the stack outputs; tests call it under mocks.
export = azureNetworkManager;
