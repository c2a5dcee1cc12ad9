// Types only from Pulumi: the stack config and the CLI check their shapes without loading Pulumi.
import type * as pulumi from "@pulumi/pulumi";
import { FirewallPolicyTier } from "../renderers/azure";
import { AgoraSelectionArgs } from "./selection-args";

/** Where the Azure resources go, and how child rules are named. */
export interface AzurePlacementArgs {
  /** Resource group for the resources created here (NSG, firewall policy, IP Groups, DNS policy and domain lists). */
  resourceGroupName: pulumi.Input<string>;
  /** Azure region; the provider's default when omitted. */
  location?: pulumi.Input<string>;
  /** Prefix of the Azure names of child rules (NSG rules, rule collection group, DNS rules and links): 1–24 letters, digits or inner hyphens. Default `agora`. */
  namePrefix?: string;
}

/** Network security group settings. */
export interface AzureNsgSettings {
  /** ARM id of an existing NSG to add the rules to. When omitted, a new NSG is created. */
  existingNetworkSecurityGroupId?: pulumi.Input<string>;
  /** Azure name of the NSG created here; auto-named when omitted. */
  networkSecurityGroupName?: string;
  /** Lowest priority the rules may take (100–4096). Default 1000. */
  firstPriority?: number;
  /** Highest priority the rules may take (100–4096); the deny rule takes it. Default 1999. */
  lastPriority?: number;
  /** Deny other outbound Internet traffic at `lastPriority`; without it the built-in AllowInternetOutBound (65001) admits everything. Default true. */
  denyByDefault?: boolean;
  /**
   * DNS-layer guard: Deny DNS (TCP/UDP 53) and DNS over TLS (TCP 853) to `Internet` at the
   * window's first priorities, ahead of every allow rule, so workloads cannot get around the
   * DNS security policy by asking a public resolver. Azure-provided DNS (168.63.129.16) is not
   * filtered by NSGs and keeps working, and so do private resolvers. Default false.
   */
  dnsGuard?: boolean;
  /** Resolvers on the Internet (CIDRs) the guard lets through, just ahead of its Deny rules. Only with `dnsGuard`. */
  dnsResolvers?: string[];
}

/** Firewall Policy settings. */
export interface AzureFirewallPolicySettings {
  /** ARM id of an existing firewall policy to add the rule collection group to. When omitted, a new policy is created. */
  existingFirewallPolicyId?: pulumi.Input<string>;
  /** SKU tier of the policy created here (`Basic` has no DNS proxy). Default `Standard`. */
  tier?: FirewallPolicyTier;
  /** Whether DNS proxy is on (network-rule FQDNs need it). Default: on for a policy created here, off for an existing one. */
  dnsProxyEnabled?: boolean;
  /** Rule collection group priority (100–65000). Default 1000. */
  ruleCollectionGroupPriority?: number;
  /** Network rule collection priority (100–65000). Default 100. */
  networkRuleCollectionPriority?: number;
  /** Application rule collection priority (100–65000). Default 200. */
  applicationRuleCollectionPriority?: number;
  /** The workloads' addresses or CIDRs, the source of every rule. Default the RFC 1918 ranges. */
  sourceAddresses?: string[];
  /** Or ARM ids of IP Groups holding the workloads' addresses. */
  sourceIpGroups?: string[];
}

/** DNS security policy settings. */
export interface AzureDnsSecurityPolicySettings {
  /** ARM id of an existing DNS security policy to add the rules to. When omitted, a new policy is created. */
  existingDnsSecurityPolicyId?: pulumi.Input<string>;
  /** ARM ids of the virtual networks to link to the policy (a network can link to one policy only). */
  virtualNetworkIds?: string[];
  /** Priority of the allow rule (100–65000). Default 1000. */
  allowPriority?: number;
  /** Priority of the block-everything-else rule (100–65000), after the allow rule. Default 65000. */
  blockPriority?: number;
  /** Block every name outside the allow list. Default true. */
  blockOthers?: boolean;
}

/** The umbrella's shape, which every Azure component is mapped to. */
export interface AzureEgressShape extends AgoraSelectionArgs, AzurePlacementArgs {
  nsg?: AzureNsgSettings;
  firewallPolicy?: AzureFirewallPolicySettings;
  dnsSecurityPolicy?: AzureDnsSecurityPolicySettings;
}

/** The settings keys of each Azure control, and the placement args every Azure component takes. */
export const SETTINGS_KEYS = {
  nsg: ["existingNetworkSecurityGroupId", "networkSecurityGroupName", "firstPriority", "lastPriority", "denyByDefault", "dnsGuard", "dnsResolvers"],
  firewallPolicy: [
    "existingFirewallPolicyId", "tier", "dnsProxyEnabled", "ruleCollectionGroupPriority", "networkRuleCollectionPriority",
    "applicationRuleCollectionPriority", "sourceAddresses", "sourceIpGroups",
  ],
  dnsSecurityPolicy: ["existingDnsSecurityPolicyId", "virtualNetworkIds", "allowPriority", "blockPriority", "blockOthers"],
} as const satisfies { [K in keyof Required<AzureEgressShape> & ("nsg" | "firewallPolicy" | "dnsSecurityPolicy")]: readonly (keyof Required<AzureEgressShape>[K])[] };
export const PLACEMENT_KEYS = ["resourceGroupName", "location", "namePrefix"] as const satisfies readonly (keyof AzurePlacementArgs)[];

/** The settings fields of one target, picked from a per-target component's flat args (whose keys were checked). */
export function pickSettings<K extends keyof typeof SETTINGS_KEYS>(args: object, target: K): AzureEgressShape[K] {
  const source = args as Record<string, unknown>;
  return Object.fromEntries(SETTINGS_KEYS[target].filter((k) => source[k] !== undefined).map((k) => [k, source[k]])) as AzureEgressShape[K];
}
