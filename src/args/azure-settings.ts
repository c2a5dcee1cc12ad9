// Types only from Pulumi: the stack config and the CLI check their shapes without loading Pulumi.
import type * as pulumi from "@pulumi/pulumi";
import { AZURE_SETTINGS } from "../renderers/azure/settings";
import { isIdText } from "../renderers/settings";
import { External } from "./external";
import { AgoraSelectionArgs } from "./selection-args";
import { AzureDnsSecurityPolicySettings, AzureFirewallPolicySettings, AzureNsgSettings } from "./settings.generated";
import { declaredTarget, pickSettings as pick, settingsKeys } from "./target-settings";

export { AzureDnsSecurityPolicySettings, AzureFirewallPolicySettings, AzureNsgSettings };

/** Where the Azure resources go, and how child rules are named. */
export interface AzurePlacementArgs {
  /** Resource group for the resources created here (NSG, firewall policy, IP Groups, DNS policy and domain lists). */
  resourceGroupName: pulumi.Input<string>;
  /** Azure region; the provider's default when omitted. */
  location?: pulumi.Input<string>;
  /** Prefix of the Azure names of child rules (NSG rules, rule collection group, DNS rules and links): 1–24 letters, digits or inner hyphens. Default `agora`. */
  namePrefix?: string;
}

/** The umbrella's shape, which every Azure component is mapped to. */
export interface AzureEgressShape extends AgoraSelectionArgs, AzurePlacementArgs {
  nsg?: AzureNsgSettings;
  firewallPolicy?: AzureFirewallPolicySettings;
  dnsSecurityPolicy?: AzureDnsSecurityPolicySettings;
}

export type AzureTargetKey = keyof typeof AZURE_SETTINGS;

/** The settings keys of each Azure control, as the args (and `agora-egress:azure`) spell them. */
export const SETTINGS_KEYS = settingsKeys(AZURE_SETTINGS);
export const PLACEMENT_KEYS = ["resourceGroupName", "location", "namePrefix"] as const satisfies readonly (keyof AzurePlacementArgs)[];

/** The settings fields of one control, picked from a per-control component's flat args (whose keys were checked). */
export function pickSettings<K extends AzureTargetKey>(args: object, target: K): AzureEgressShape[K] {
  return pick(args, SETTINGS_KEYS[target]) as AzureEgressShape[K];
}

/** The existing resource each control can put its rules into: the setting and the ARM type of its id. */
export const EXISTING_SETTINGS = {
  nsg: { key: "existingNetworkSecurityGroupId", type: "Microsoft.Network/networkSecurityGroups" },
  firewallPolicy: { key: "existingFirewallPolicyId", type: "Microsoft.Network/firewallPolicies" },
  dnsSecurityPolicy: { key: "existingDnsSecurityPolicyId", type: "Microsoft.Network/dnsResolverPolicies" },
} as const satisfies { readonly [K in AzureTargetKey]: { readonly key: keyof NonNullable<AzureEgressShape[K]> & string; readonly type: string } };

/**
 * Every configured Azure control's settings → the renderer's options and the external ids, as
 * `AzureAgoraEgress` plans with them (`isId` also takes its outputs) and a stack's
 * `agora-egress:azure` does. Errors name `azure.nsg.lastPriority` and so on.
 */
export function azureTargetInputs(
  settings: { readonly [K in AzureTargetKey]?: object }, isId: (value: unknown) => boolean = isIdText,
): { options: { [K in AzureTargetKey]?: Record<string, unknown> }; external: External } {
  const options: { [K in AzureTargetKey]?: Record<string, unknown> } = {};
  let external: External = {};
  for (const key of Object.keys(AZURE_SETTINGS) as AzureTargetKey[]) {
    if (settings[key] === undefined) continue;
    const t = declaredTarget(AZURE_SETTINGS[key], settings[key], `azure.${key}`, isId);
    options[key] = t.options;
    external = { ...external, ...t.external };
  }
  return { options, external };
}
