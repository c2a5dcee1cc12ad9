export type { AzurePlacementArgs, AzureNsgSettings, AzureFirewallPolicySettings, AzureDnsSecurityPolicySettings } from "../../args/azure-settings";
export { FirewallPolicyTier } from "../../renderers/azure";
export * from "./nsg-rules";
export * from "./firewall-policy-rules";
export * from "./dns-security-policy";
export * from "./agora-egress";
export * from "./network-manager";
export type { AzureNetworkManagerSettings, AzureNetworkManagerFirewallPolicySettings } from "../../args/organization-settings";
