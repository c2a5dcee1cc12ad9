import { z } from "zod";
import { InputError, canonicalCidr } from "../../model";
import { parseInput } from "../../resolve";
import { parseRef, ref } from "../plan";
import { isArmId } from "./arm-id";

/** The Azure controls a plan can contain. */
export enum AzureTarget {
  Nsg = "nsg",
  FirewallPolicy = "firewall-policy",
  DnsSecurityPolicy = "dns-security-policy",
}

/** Firewall Policy SKU tier of a policy created here (Basic has no DNS proxy). */
export enum FirewallPolicyTier {
  Basic = "Basic",
  Standard = "Standard",
  Premium = "Premium",
}

/**
 * External reference names: values the renderer cannot know (an existing resource, or a
 * resource group given as a Pulumi output) appear in the plan as `${<name>.<output>}` and
 * the components map them through `instantiate`'s `external` parameter.
 */
export const EXTERNAL = {
  /** Outputs `resourceGroupName`, `location`. */
  placement: "placement",
  /** Outputs `id`, `name`, `resourceGroupName` of the existing NSG. */
  existingNsg: "existing-nsg",
  /** Outputs `id`, `name`, `resourceGroupName` of the existing firewall policy. */
  existingFirewallPolicy: "existing-firewall-policy",
  /** Outputs `id`, `name`, `resourceGroupName` of the existing DNS security policy. */
  existingDnsSecurityPolicy: "existing-dns-security-policy",
} as const;

/** Documented limits (cloud-semantics.md §5–7). */
export const LIMITS = {
  nsgPriority: { min: 100, max: 4096 },
  nsgRulesPerGroup: 1000,
  nsgAddressesOrPortsPerGroup: 4000,
  nsgRuleName: 80,
  /** Rule names in a rule collection, and IP Group names. */
  firewallRuleName: 80,
  ipGroupName: 80,
  firewallPriority: { min: 100, max: 65000 },
  ipGroupsPerPolicy: 200,
  addressesPerIpGroup: 5000,
  ruleCollectionGroupBytes: 2 * 1024 * 1024,
  networkRuleCombinations: 20000,
  applicationRulePortMax: 64000,
  dnsPriority: { min: 100, max: 65000 },
  dnsRulesPerPolicy: 100,
  dnsDomainsPerList: 1000,
  dnsLinksPerPolicy: 500,
  dnsName: 80,
} as const;

export interface AzureNsgOptions {
  /** Add the rules to an existing NSG (referenced through `existing-nsg`) instead of creating one. */
  existing?: boolean;
  /** Azure name of the NSG created here; auto-named when omitted. */
  networkSecurityGroupName?: string;
  /** Lowest priority number the rules may take (100–4096). Default 1000. */
  firstPriority?: number;
  /** Highest priority number; the deny rule takes it. Default 1999. */
  lastPriority?: number;
  /** Explicit Deny to `Internet` at `lastPriority`, overriding AllowInternetOutBound (65001). Default true. */
  denyByDefault?: boolean;
  /**
   * DNS-layer guard: Deny DNS (TCP/UDP 53) and DNS over TLS (TCP 853) to `Internet` at the
   * window's first priorities, ahead of every allow rule, so workloads cannot get around the
   * DNS security policy by asking a public resolver. Azure-provided DNS (168.63.129.16) is not
   * filtered by NSGs and keeps working. Refused when a model rule needs those ports to an
   * Internet address that `dnsResolvers` does not cover. Default false.
   */
  dnsGuard?: boolean;
  /** Resolvers on the Internet the guard lets through (CIDRs), allowed just ahead of its Deny rules. Default none. */
  dnsResolvers?: string[];
}

export interface AzureFirewallPolicyOptions {
  /** Add the rule collection group to an existing policy (referenced through `existing-firewall-policy`). */
  existing?: boolean;
  /** Tier of the policy created here. Default Standard. */
  tier?: FirewallPolicyTier;
  /** Whether DNS proxy is on. Default: on for a policy created here (not Basic), off for an existing one. */
  dnsProxyEnabled?: boolean;
  /** Rule collection group priority (100–65000). Default 1000. */
  ruleCollectionGroupPriority?: number;
  /** Network rule collection priority (100–65000). Default 100. */
  networkRuleCollectionPriority?: number;
  /** Application rule collection priority (100–65000). Default 200. */
  applicationRuleCollectionPriority?: number;
  /** The workloads' addresses (rule sources). Default the RFC 1918 ranges. */
  sourceAddresses?: string[];
  /** Or the ARM ids of IP Groups holding the workloads' addresses. */
  sourceIpGroups?: string[];
}

export interface AzureDnsSecurityPolicyOptions {
  /** Add the rules to an existing DNS security policy (referenced through `existing-dns-security-policy`). */
  existing?: boolean;
  /** ARM ids of the virtual networks to link to the policy. */
  virtualNetworkIds?: string[];
  /** Priority of the allow rule (100–65000). Default 1000. */
  allowPriority?: number;
  /** Priority of the block-everything-else rule (100–65000, after the allow rule). Default 65000. */
  blockPriority?: number;
  /** Block every name outside the allow list. Default true. */
  blockOthers?: boolean;
}

/** Everything `renderAzurePlan` needs beyond the resolution. Plain data. */
export interface AzurePlanOptions {
  /** Which controls to render. Default: all three. */
  targets?: AzureTarget[];
  /** Resource group for the resources created here. Default `${placement.resourceGroupName}`. */
  resourceGroupName?: string;
  /** Azure region; omitted means the provider's default. */
  location?: string;
  /** Prefix of the Azure names of child rules (NSG rules, rule collection group, DNS rules, links). Default `agora`. */
  namePrefix?: string;
  nsg?: AzureNsgOptions;
  firewallPolicy?: AzureFirewallPolicyOptions;
  dnsSecurityPolicy?: AzureDnsSecurityPolicyOptions;
}

const RFC1918 = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"];

const int = (min: number, max: number) => z.number().int().min(min).max(max);
const nsgPriority = int(LIMITS.nsgPriority.min, LIMITS.nsgPriority.max);
const fwPriority = int(LIMITS.firewallPriority.min, LIMITS.firewallPriority.max);
const dnsPriority = int(LIMITS.dnsPriority.min, LIMITS.dnsPriority.max);
/** A literal value or a `${name.output}` reference the component fills in. */
const valueOrRef = z.string().min(1).max(90);
const armId = (kind: string) => z.string().refine((s) => isArmId(s, kind), `expected the ARM id of a ${kind}`);

const Schema = z.object({
  targets: z.array(z.enum(AzureTarget)).default([AzureTarget.Nsg, AzureTarget.FirewallPolicy, AzureTarget.DnsSecurityPolicy]),
  resourceGroupName: valueOrRef.default(ref(EXTERNAL.placement, "resourceGroupName")),
  location: valueOrRef.optional(),
  // Must suit every child-name charset: NSG rules, RCG names and the DNS resolver's stricter regex.
  namePrefix: z.string().regex(/^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,22}[a-zA-Z0-9])?$/, "1-24 letters, digits or inner hyphens").default("agora"),
  nsg: z.object({
    existing: z.boolean().default(false),
    networkSecurityGroupName: z.string().regex(/^\w(?:[\w.-]{0,78}[\w_])?$/, "1-80 word characters, dots or hyphens").optional(),
    firstPriority: nsgPriority.default(1000),
    lastPriority: nsgPriority.default(1999),
    denyByDefault: z.boolean().default(true),
    dnsGuard: z.boolean().default(false),
    dnsResolvers: z.array(z.string()).min(1).optional(),
  }).strict().default({ existing: false, firstPriority: 1000, lastPriority: 1999, denyByDefault: true, dnsGuard: false }),
  firewallPolicy: z.object({
    existing: z.boolean().default(false),
    tier: z.enum(FirewallPolicyTier).default(FirewallPolicyTier.Standard),
    dnsProxyEnabled: z.boolean().optional(),
    ruleCollectionGroupPriority: fwPriority.default(1000),
    networkRuleCollectionPriority: fwPriority.default(100),
    applicationRuleCollectionPriority: fwPriority.default(200),
    sourceAddresses: z.array(z.string()).min(1).optional(),
    sourceIpGroups: z.array(armId("Microsoft.Network/ipGroups")).min(1).optional(),
  }).strict().default({
    existing: false, tier: FirewallPolicyTier.Standard, ruleCollectionGroupPriority: 1000,
    networkRuleCollectionPriority: 100, applicationRuleCollectionPriority: 200,
  }),
  dnsSecurityPolicy: z.object({
    existing: z.boolean().default(false),
    virtualNetworkIds: z.array(armId("Microsoft.Network/virtualNetworks")).default([]),
    allowPriority: dnsPriority.default(1000),
    blockPriority: dnsPriority.default(65000),
    blockOthers: z.boolean().default(true),
  }).strict().default({ existing: false, virtualNetworkIds: [], allowPriority: 1000, blockPriority: 65000, blockOthers: true }),
}).strict();

type Parsed = z.output<typeof Schema>;

/** Options with defaults applied and every value checked; the workload sources resolved. */
export interface ResolvedAzureOptions extends Parsed {
  readonly firewallPolicy: Parsed["firewallPolicy"] & { readonly dnsProxy: boolean; readonly workload: WorkloadSources };
}

/** The workloads whose traffic the firewall rules govern: addresses, or IP Group ids. */
export interface WorkloadSources {
  readonly addresses?: readonly string[];
  readonly ipGroups?: readonly string[];
}

/** Validates options (errors name the option: `azure.nsg.lastPriority: …`) and applies defaults. */
export function resolveAzureOptions(options: AzurePlanOptions): ResolvedAzureOptions {
  const o = parseInput(Schema, options ?? {}, "azure");
  if (o.nsg.firstPriority > o.nsg.lastPriority) {
    throw new InputError("azure.nsg.firstPriority", `${o.nsg.firstPriority} is after lastPriority ${o.nsg.lastPriority}`);
  }
  const fw = o.firewallPolicy;
  if (fw.networkRuleCollectionPriority === fw.applicationRuleCollectionPriority) {
    throw new InputError("azure.firewallPolicy.applicationRuleCollectionPriority", "must differ from networkRuleCollectionPriority");
  }
  if (fw.sourceAddresses && fw.sourceIpGroups) {
    throw new InputError("azure.firewallPolicy.sourceIpGroups", "give sourceAddresses or sourceIpGroups, not both");
  }
  if (!fw.existing && fw.tier === FirewallPolicyTier.Basic && fw.dnsProxyEnabled) {
    throw new InputError("azure.firewallPolicy.dnsProxyEnabled", "Basic firewall policies have no DNS proxy");
  }
  const dnsProxy = fw.dnsProxyEnabled ?? (!fw.existing && fw.tier !== FirewallPolicyTier.Basic);
  const workload: WorkloadSources = fw.sourceIpGroups
    ? { ipGroups: [...new Set(fw.sourceIpGroups)].sort() }
    : { addresses: [...new Set((fw.sourceAddresses ?? RFC1918).map((a, i) => canonicalCidr(a, `azure.firewallPolicy.sourceAddresses[${i}]`)))].sort() };
  const dns = o.dnsSecurityPolicy;
  if (dns.blockOthers && dns.allowPriority >= dns.blockPriority) {
    throw new InputError("azure.dnsSecurityPolicy.blockPriority", `${dns.blockPriority} must come after allowPriority ${dns.allowPriority}`);
  }
  if (!parseRef(o.resourceGroupName) && !/^[-\w.()]*[-\w()]$/.test(o.resourceGroupName)) {
    throw new InputError("azure.resourceGroupName", `${JSON.stringify(o.resourceGroupName)} is not a resource group name (letters, digits, _ . - ( ), not ending in .)`);
  }
  if (o.location !== undefined && !parseRef(o.location) && !/^[A-Za-z0-9 ]+$/.test(o.location)) {
    throw new InputError("azure.location", `${JSON.stringify(o.location)} is not an Azure region name`);
  }
  return {
    ...o,
    targets: [...new Set(o.targets)].sort(),
    firewallPolicy: { ...fw, dnsProxy, workload },
    dnsSecurityPolicy: { ...dns, virtualNetworkIds: [...new Set(dns.virtualNetworkIds)].sort() },
  };
}
