import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { AgoraSelectionArgs } from "../selection-args";
import { InputError, checkKeys } from "../../model";
import { parseInput } from "../../resolve";
import { AzurePlanOptions, AzureTarget, EXTERNAL, FirewallPolicyTier, parseArmId } from "../../renderers/azure";
import { ref } from "../../renderers/plan";

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

export type External = Record<string, Record<string, pulumi.Input<unknown>>>;

const input = z.custom<pulumi.Input<string>>((v) => (typeof v === "string" ? v.length > 0 : pulumi.Output.isInstance(v) || v instanceof Promise),
  "expected a non-empty string or a Pulumi output");
const Placement = z.object({ resourceGroupName: input, location: input.optional() });

/** A literal string goes into the plan; a Pulumi output becomes a `${name.output}` reference filled in through `external`. */
function literalOrRef(value: pulumi.Input<string> | undefined, name: string, output: string, external: External): string | undefined {
  if (value === undefined || typeof value === "string") return value;
  external[name] = { ...external[name], [output]: value };
  return ref(name, output);
}

/** An existing resource given by an id the plan refers to: its name and resource group come from the id. */
export interface ExistingId {
  /** The `external` entry (`existing-nsg`). */
  readonly name: string;
  readonly id: pulumi.Input<string>;
  /** `Microsoft.Network/networkSecurityGroups`. */
  readonly type: string;
  /** The setting, for errors: `azure.nsg.existingNetworkSecurityGroupId`. */
  readonly field: string;
}

/**
 * An existing resource's id, name and resource group for `external`: parsed now when the id is
 * a literal (a bad one throws), or left to `existingOutputs` once the component exists.
 */
function existing(e: ExistingId): Record<string, pulumi.Input<unknown>> {
  if (typeof e.id !== "string") return { id: e.id };
  const parsed = parseArmId(e.id, e.field, e.type);
  return { id: e.id, name: parsed.name, resourceGroupName: parsed.resourceGroupName };
}

/** The name and resource group of existing resources whose ids are outputs, parsed when known; a bad id is `onError`'s to report. */
export function existingOutputs(ids: readonly ExistingId[], external: External, check: <T>(fn: () => T) => T): External {
  const filled: External = { ...external };
  for (const e of ids) {
    if (typeof e.id === "string") continue;
    const parsed = pulumi.output(e.id).apply((value) => check(() => parseArmId(value, e.field, e.type)));
    filled[e.name] = { ...filled[e.name], name: parsed.name, resourceGroupName: parsed.resourceGroupName };
  }
  return filled;
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

/**
 * Validates the Pulumi side of the args (settings keys included) and turns them into plan
 * options plus the external references. Errors name the setting under `azure`
 * (`azure.nsg.existingNetworkSecurityGroupId`), as the renderer's do.
 */
export function azurePlanInputs(args: AzureEgressShape, targets: readonly AzureTarget[]): { options: AzurePlanOptions; external: External; existingIds: ExistingId[] } {
  const field = "azure";
  parseInput(Placement, { resourceGroupName: args.resourceGroupName, location: args.location }, field);
  const external: External = {};
  const { nsg = {}, firewallPolicy = {}, dnsSecurityPolicy = {} } = args;
  for (const key of ["nsg", "firewallPolicy", "dnsSecurityPolicy"] as const) {
    const settings = args[key];
    if (settings === undefined) continue;
    if (settings === null || typeof settings !== "object" || Array.isArray(settings)) throw new InputError(`${field}.${key}`, "expected an object of settings ({} for the defaults)");
    checkKeys(settings, SETTINGS_KEYS[key], `${field}.${key}`);
  }
  const { existingNetworkSecurityGroupId: nsgId, ...nsgOptions } = nsg;
  const { existingFirewallPolicyId: policyId, ...firewallOptions } = firewallPolicy;
  const { existingDnsSecurityPolicyId: dnsId, ...dnsOptions } = dnsSecurityPolicy;
  const existingIds: ExistingId[] = [
    ...(nsgId !== undefined ? [{ name: EXTERNAL.existingNsg, id: nsgId, type: "Microsoft.Network/networkSecurityGroups", field: `${field}.nsg.existingNetworkSecurityGroupId` }] : []),
    ...(policyId !== undefined ? [{ name: EXTERNAL.existingFirewallPolicy, id: policyId, type: "Microsoft.Network/firewallPolicies", field: `${field}.firewallPolicy.existingFirewallPolicyId` }] : []),
    ...(dnsId !== undefined ? [{ name: EXTERNAL.existingDnsSecurityPolicy, id: dnsId, type: "Microsoft.Network/dnsResolverPolicies", field: `${field}.dnsSecurityPolicy.existingDnsSecurityPolicyId` }] : []),
  ];
  for (const e of existingIds) external[e.name] = existing(e);
  const resourceGroupName = literalOrRef(args.resourceGroupName, EXTERNAL.placement, "resourceGroupName", external);
  const location = literalOrRef(args.location, EXTERNAL.placement, "location", external);
  const options: AzurePlanOptions = {
    targets: [...targets],
    ...(resourceGroupName !== undefined ? { resourceGroupName } : {}),
    ...(location !== undefined ? { location } : {}),
    ...(args.namePrefix !== undefined ? { namePrefix: args.namePrefix } : {}),
    nsg: { ...nsgOptions, existing: nsgId !== undefined },
    firewallPolicy: { ...firewallOptions, existing: policyId !== undefined },
    dnsSecurityPolicy: { ...dnsOptions, existing: dnsId !== undefined },
  };
  return { options, external, existingIds };
}

/** The settings fields of one target, picked from a per-target component's flat args (whose keys were checked). */
export function pickSettings<K extends keyof typeof SETTINGS_KEYS>(args: object, target: K): AzureEgressShape[K] {
  const source = args as Record<string, unknown>;
  return Object.fromEntries(SETTINGS_KEYS[target].filter((k) => source[k] !== undefined).map((k) => [k, source[k]])) as AzureEgressShape[K];
}
