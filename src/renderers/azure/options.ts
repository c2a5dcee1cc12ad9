import { z } from "zod";
import { InputError, canonicalCidr } from "../../model";
import { parseInput } from "../../resolve";
import { parseRef, ref } from "../plan";
import { AZURE_SETTINGS, DnsSecurityPolicyOptions, FirewallPolicyOptions, FirewallPolicyTier, NsgOptions } from "./settings";

export { AZURE_LIMITS } from "./limits";

/** The Azure controls a plan can contain. */
export enum AzureTarget {
  Nsg = "nsg",
  FirewallPolicy = "firewall-policy",
  DnsSecurityPolicy = "dns-security-policy",
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

/** The controls' options under the names 0.1 exported (same types as ./settings.ts declares). */
export type AzureNsgOptions = NsgOptions;
export type AzureFirewallPolicyOptions = FirewallPolicyOptions;
export type AzureDnsSecurityPolicyOptions = DnsSecurityPolicyOptions;

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
  nsg?: NsgOptions;
  firewallPolicy?: FirewallPolicyOptions;
  dnsSecurityPolicy?: DnsSecurityPolicyOptions;
}

const RFC1918 = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"];

/** A literal value or a `${name.output}` reference the component fills in. */
const valueOrRef = z.string().min(1).max(90);

const Schema = z.object({
  targets: z.array(z.enum(AzureTarget)).default([AzureTarget.Nsg, AzureTarget.FirewallPolicy, AzureTarget.DnsSecurityPolicy]),
  resourceGroupName: valueOrRef.default(ref(EXTERNAL.placement, "resourceGroupName")),
  location: valueOrRef.optional(),
  // Must suit every child-name charset: NSG rules, RCG names and the DNS resolver's stricter regex.
  namePrefix: z.string().regex(/^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,22}[a-zA-Z0-9])?$/, "1-24 letters, digits or inner hyphens").default("agora"),
  // Each control's one declaration (./settings.ts), its defaults applied when it is absent.
  nsg: AZURE_SETTINGS.nsg.prefault({}),
  firewallPolicy: AZURE_SETTINGS.firewallPolicy.prefault({}),
  dnsSecurityPolicy: AZURE_SETTINGS.dnsSecurityPolicy.prefault({}),
}).strict();

type Parsed = z.output<typeof Schema>;

/** Options with defaults applied and every value checked; the workload sources resolved. */
export interface ResolvedAzureOptions extends Parsed {
  /** `existing`: the rules go into the resource the `existing…Id` setting names. */
  readonly nsg: Parsed["nsg"] & { readonly existing: boolean };
  readonly firewallPolicy: Parsed["firewallPolicy"] & { readonly existing: boolean; readonly dnsProxy: boolean; readonly workload: WorkloadSources };
  readonly dnsSecurityPolicy: Parsed["dnsSecurityPolicy"] & { readonly existing: boolean };
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
  const fw = { ...o.firewallPolicy, existing: o.firewallPolicy.existingFirewallPolicyId !== undefined };
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
    nsg: { ...o.nsg, existing: o.nsg.existingNetworkSecurityGroupId !== undefined },
    firewallPolicy: { ...fw, dnsProxy, workload },
    dnsSecurityPolicy: { ...dns, existing: dns.existingDnsSecurityPolicyId !== undefined, virtualNetworkIds: [...new Set(dns.virtualNetworkIds)].sort() },
  };
}
