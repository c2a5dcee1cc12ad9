// The pure core: rule model, catalogue, resolver, renderers and diffs (no Pulumi needed).
export * from "./model";
export * from "./catalog";
export * from "./resolve";
export * from "./diff";
export * from "./renderers/plan";
export * from "./renderers/aws";
// The components' shared args and enums (no Pulumi needed).
export * from "./args/selection-args";
export { FirewallPolicyTier } from "./renderers/azure";
// Azure renderers: the entry points by name; the rest under `azure` (their constants would clash with AWS's).
export {
  renderAzurePlan, renderNsgRules, renderFirewallPolicyRules, renderDnsSecurityPolicy, renderNetworkManagerPlan, AzureTarget, ALL_AZURE_TARGETS,
} from "./renderers/azure";
export type { NetworkManagerOptions } from "./renderers/azure";
export type { AzurePlanOptions, AzureNsgOptions, AzureFirewallPolicyOptions, AzureDnsSecurityPolicyOptions } from "./renderers/azure";
export * as azure from "./renderers/azure";

// The Pulumi components. Each cloud's components load on first use (a getter below), so a
// program that uses only AWS components never loads @pulumi/azure-native, one that uses only
// Azure components never loads @pulumi/aws, and the CLI and the pure core load no Pulumi package
// at all. The types are the classes' own (`new AwsAgoraEgress(...)`, `x instanceof AwsAgoraEgress`,
// `AwsAgoraEgress` as a type); `import type` below is erased from the compiled JavaScript. Each
// name is declared twice, as the value the getter fills (`declare const`) and as the instance
// type: one declaration of both (`export { X }`, `export import X =`) needs the class imported at
// runtime, and `declare class X extends …` would make X a subclass type rather than the class.
import type * as AwsComponents from "./components/aws";
import type * as AzureComponents from "./components/azure";

export type {
  AwsAgoraEgressArgs, AwsSecurityGroupsArgs, AwsNetworkFirewallArgs, AwsDnsFirewallArgs,
  AwsDnsFirewallSettings, AwsNetworkFirewallSettings, AwsSecurityGroupSettings,
  AppSettingOutput, QuotaUsageOutput, WideningOutput,
  AwsAgoraEgressOrganizationArgs, AwsOrganizationSettings, AwsOrganizationScopeSettings, AwsOrganizationSecurityGroupSettings,
  AwsOrganizationNetworkFirewallSettings, AwsOrganizationDnsFirewallSettings, AwsOrganizationShareSettings,
} from "./components/aws";
export type {
  AzurePlacementArgs, AzureNsgSettings, AzureFirewallPolicySettings, AzureDnsSecurityPolicySettings,
  AzureNsgRulesArgs, AzureFirewallPolicyRulesArgs, AzureDnsSecurityPolicyArgs, AzureAgoraEgressArgs,
  AzureAgoraEgressNetworkManagerArgs, AzureNetworkManagerSettings, AzureNetworkManagerFirewallPolicySettings,
} from "./components/azure";

export declare const AwsAgoraEgress: typeof AwsComponents.AwsAgoraEgress;
export type AwsAgoraEgress = AwsComponents.AwsAgoraEgress;
export declare const AwsSecurityGroups: typeof AwsComponents.AwsSecurityGroups;
export type AwsSecurityGroups = AwsComponents.AwsSecurityGroups;
export declare const AwsNetworkFirewall: typeof AwsComponents.AwsNetworkFirewall;
export type AwsNetworkFirewall = AwsComponents.AwsNetworkFirewall;
export declare const AwsDnsFirewall: typeof AwsComponents.AwsDnsFirewall;
export type AwsDnsFirewall = AwsComponents.AwsDnsFirewall;
export declare const AwsAgoraEgressOrganization: typeof AwsComponents.AwsAgoraEgressOrganization;
export type AwsAgoraEgressOrganization = AwsComponents.AwsAgoraEgressOrganization;

export declare const AzureAgoraEgress: typeof AzureComponents.AzureAgoraEgress;
export type AzureAgoraEgress = AzureComponents.AzureAgoraEgress;
export declare const AzureNsgRules: typeof AzureComponents.AzureNsgRules;
export type AzureNsgRules = AzureComponents.AzureNsgRules;
export declare const AzureFirewallPolicyRules: typeof AzureComponents.AzureFirewallPolicyRules;
export type AzureFirewallPolicyRules = AzureComponents.AzureFirewallPolicyRules;
export declare const AzureDnsSecurityPolicy: typeof AzureComponents.AzureDnsSecurityPolicy;
export type AzureDnsSecurityPolicy = AzureComponents.AzureDnsSecurityPolicy;
export declare const AzureAgoraEgressNetworkManager: typeof AzureComponents.AzureAgoraEgressNetworkManager;
export type AzureAgoraEgressNetworkManager = AzureComponents.AzureAgoraEgressNetworkManager;

/** What each cloud's components need installed besides this package. */
const PEERS = { aws: "@pulumi/pulumi @pulumi/aws", azure: "@pulumi/pulumi @pulumi/azure-native" } as const;

/** Defines `names` on this module's exports as getters that load `module` (one cloud's components) on first use. */
function lazyExports(cloud: keyof typeof PEERS, names: readonly string[], load: () => Record<string, unknown>): void {
  let loaded: Record<string, unknown> | undefined;
  const get = (name: string) => {
    if (!loaded) {
      try {
        loaded = load();
      } catch (e) {
        const missing = /Cannot find module '(@pulumi\/[^/']+)/.exec((e as Error).message);
        if ((e as { code?: string }).code !== "MODULE_NOT_FOUND" || !missing) throw e;
        throw new Error(`agora-egress: ${name} needs ${missing[1]}, which is not installed. Install the Pulumi packages for ${cloud}: npm install ${PEERS[cloud]}`);
      }
    }
    return loaded[name];
  };
  for (const name of names) Object.defineProperty(exports, name, { enumerable: true, configurable: true, get: () => get(name) });
}

lazyExports("aws", ["AwsAgoraEgress", "AwsSecurityGroups", "AwsNetworkFirewall", "AwsDnsFirewall", "AwsAgoraEgressOrganization"],
  () => require("./components/aws"));
lazyExports("azure", ["AzureAgoraEgress", "AzureNsgRules", "AzureFirewallPolicyRules", "AzureDnsSecurityPolicy", "AzureAgoraEgressNetworkManager"],
  () => require("./components/azure"));
