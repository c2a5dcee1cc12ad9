import { z } from "zod";
import { setting } from "../settings";
import { AZURE_LIMITS } from "./limits";
import { FirewallPolicyTier } from "./settings";

/*
 * The settings of the network manager scope on Azure (AzureAgoraEgressNetworkManager, stack
 * key `agora-egress:azureNetworkManager`), declared once: the renderer validates with these
 * schemas; the component args and docs/settings.md are generated from them.
 */

/** Azure Virtual Network Manager limits (Learn: virtual-network-manager/concept-limitations; AdminRule API). */
export const AVNM_LIMITS = {
  /** An admin rule's priority: 1-4096, unique in its rule collection. */
  adminRulePriority: { min: 1, max: 4096 },
  /** "The maximum number of IP prefixes in all security admin rules combined is 1000." */
  ipPrefixes: 1000,
  /** "The maximum number of admin rules in one level of Azure Virtual Network Manager is 100." */
  adminRules: 100,
  /** Admin rule descriptions: "Restricted to 140 chars". */
  description: 140,
  ruleName: 80,
} as const;

const int = (min: number, max: number) => z.number().int().min(min).max(max);
const adminPriority = int(AVNM_LIMITS.adminRulePriority.min, AVNM_LIMITS.adminRulePriority.max);
const fwPriority = int(AZURE_LIMITS.firewallPriority.min, AZURE_LIMITS.firewallPriority.max);
const region = z.string().regex(/^[A-Za-z0-9 ]{2,40}$/, "is not an Azure region name (e.g. westeurope)");
const id = z.string().min(1);

export const NetworkManagerFirewallPolicySettings = z.object({
  location: setting(region, {
    description: "Region of the base policy (required). Child policies must be in the same region: Azure refuses a base policy from another region.",
  }),
  resourceGroupName: setting(z.string().regex(/^[-\w.()]*[-\w()]$/, "is not a resource group name").optional(), {
    description: "Resource group of the base and child policies and the IP Groups. Default: the network manager's.",
  }),
  tier: setting(z.enum(FirewallPolicyTier).default(FirewallPolicyTier.Standard), {
    description: "SKU tier of the base policy, which the child policies take too. Default `Standard`.", tsType: "FirewallPolicyTier",
  }),
  dnsProxyEnabled: setting(z.boolean().optional(), {
    description: "DNS proxy on the base policy and its children (network-rule FQDNs need it). Default: on, except on `Basic`.",
  }),
  ruleCollectionGroupPriority: setting(fwPriority.default(1000), { description: "Priority of the Agora rule collection group in the base policy (100-65000). Default 1000." }),
  networkRuleCollectionPriority: setting(fwPriority.default(100), { description: "Network rule collection priority (100-65000). Default 100." }),
  applicationRuleCollectionPriority: setting(fwPriority.default(200), { description: "Application rule collection priority (100-65000). Default 200." }),
  sourceAddresses: setting(z.array(z.string()).min(1).optional(), {
    description: "The workloads' addresses, the source of every rule. Default the RFC 1918 ranges.",
  }),
  childPolicies: setting(z.record(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/, "is not a policy key (1-40 letters, digits, - and _)"), region).optional(), {
    description: "Child policies to create, keyed by a stable name, with their region (`{ spokes: \"westeurope\" }`): each inherits the base policy "
      + "(`basePolicy`) with its rule collection group, tier and DNS settings; add your own rule collection groups to them.",
  }),
}).strict();

export const NetworkManagerSettings = z.object({
  networkManagerId: setting(id, {
    description: "ARM id of the Virtual Network Manager (in this subscription) whose security admin configuration holds the rules (required).",
    input: "network-manager",
  }),
  networkGroups: setting(z.record(z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, "is not a network group key (1-40 letters, digits, - and _)"), id), {
    description: "Network groups the rule collection applies to, keyed by a stable name you choose: `{ spokes: group.id }` (at least one).",
    input: "network-group",
  }),
  namePrefix: setting(z.string().regex(/^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,22}[a-zA-Z0-9])?$/, "1-24 letters, digits or inner hyphens").default("agora"), {
    description: "Prefix of the configuration, rule collection, rule and rule collection group names. Default `agora`.",
  }),
  firstPriority: setting(adminPriority.default(1000), {
    description: `Lowest admin rule priority the rules may take (${AVNM_LIMITS.adminRulePriority.min}-${AVNM_LIMITS.adminRulePriority.max}). Default 1000.`,
  }),
  lastPriority: setting(adminPriority.default(1999), {
    description: `Highest admin rule priority (${AVNM_LIMITS.adminRulePriority.min}-${AVNM_LIMITS.adminRulePriority.max}); the guardrail takes it. Default 1999.`,
  }),
  denyOtherInternet: setting(z.boolean().default(false), {
    description: "Guardrail: a Deny admin rule for every other outbound flow to `Internet` at `lastPriority`, which no NSG can override. "
      + "Default false: the Allow rules only let Agora's flows on to the NSGs, which decide.",
  }),
  commitLocations: setting(z.array(region).min(1).optional(), {
    description: "Regions to deploy (commit) the security admin configuration to, with a `network.Commit`. A commit replaces the security admin "
      + "configuration deployed there (one per region), so it needs `replaceDeployedConfiguration`. Default: none, commit it yourself "
      + "(`az network manager post-commit`), e.g. after a review.",
  }),
  replaceDeployedConfiguration: setting(z.boolean().default(false), {
    description: "Say that committing to `commitLocations` may replace the security admin configuration deployed there, with its admin rules. "
      + "Required with `commitLocations`. Default false.",
  }),
  firewallPolicy: setting(NetworkManagerFirewallPolicySettings.optional(), {
    description: "A base Firewall Policy holding the Agora rule collection group, and child policies that inherit it.",
    tsType: "AzureNetworkManagerFirewallPolicySettings",
  }),
}).strict();

export type NetworkManagerOptions = z.input<typeof NetworkManagerSettings>;
