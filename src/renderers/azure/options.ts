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

/**
 * Everything `renderAzurePlan` needs beyond the resolution. Plain data. A control is rendered
 * when its options object is present (`{}` for its defaults); with none present, every control
 * is rendered with defaults (as `renderAwsPlan` chooses its targets).
 */
export interface AzurePlanOptions {
  /**
   * Which controls to render; the option keys then only carry options.
   * @deprecated Select a control by giving its key (`nsg: {}` for `targets: [AzureTarget.Nsg]`);
   * removed in the next release. Given with a control's key that it does not list, it is refused
   * (`azure.targets`), so a control's options are never silently dropped.
   */
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

/** Every Azure control with its defaults (what `agora-egress plan --cloud azure` shows). */
export const ALL_AZURE_TARGETS: AzurePlanOptions = { nsg: {}, firewallPolicy: {}, dnsSecurityPolicy: {} };

/** Each control's options key, in rendering order. */
const TARGET_KEYS = {
  [AzureTarget.Nsg]: "nsg",
  [AzureTarget.FirewallPolicy]: "firewallPolicy",
  [AzureTarget.DnsSecurityPolicy]: "dnsSecurityPolicy",
} as const satisfies Record<AzureTarget, keyof AzurePlanOptions>;

/**
 * The controls `renderAzurePlan` renders, in rendering order: those whose key is present, all
 * three when none is, or the deprecated `targets` list when given. Options for a control that
 * `targets` does not list are refused, naming `azure.targets` (an empty `{}` is accepted).
 */
export function selectedAzureTargets(options: AzurePlanOptions): AzureTarget[] {
  const all = Object.keys(TARGET_KEYS) as AzureTarget[];
  const present = all.filter((t) => options[TARGET_KEYS[t]] !== undefined);
  if (options.targets === undefined) return present.length > 0 ? present : all;
  const listed = all.filter((t) => options.targets!.includes(t));
  // An empty `{}` for an unlisted control carries nothing that would be dropped (0.x callers
  // spelt out every control's key next to targets); options for it would be dropped: refused.
  const unlisted = present.filter((t) => !listed.includes(t) && Object.keys(options[TARGET_KEYS[t]] ?? {}).length > 0);
  if (unlisted.length > 0) {
    const keys = unlisted.map((t) => TARGET_KEYS[t]).join(" and ");
    throw new InputError("azure.targets", `${JSON.stringify(listed)} leaves out ${keys}, whose options are given: `
      + "select controls by their keys alone (targets is deprecated; nsg: {} renders the NSG with its defaults)");
  }
  return listed;
}

const RFC1918 = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"];

/** A literal value or a `${name.output}` reference the component fills in. */
const valueOrRef = z.string().min(1).max(90);

const Schema = z.object({
  targets: z.array(z.enum(AzureTarget)).optional(),
  resourceGroupName: valueOrRef.default(ref(EXTERNAL.placement, "resourceGroupName")),
  location: valueOrRef.optional(),
  // Must suit every child-name charset: NSG rules, RCG names and the DNS resolver's stricter regex.
  namePrefix: z.string().regex(/^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,22}[a-zA-Z0-9])?$/, "1-24 letters, digits or inner hyphens").default("agora"),
  // Each control's one declaration (./settings.ts), its defaults applied when it is absent.
  nsg: AZURE_SETTINGS.nsg.prefault({}),
  firewallPolicy: AZURE_SETTINGS.firewallPolicy.prefault({}),
  dnsSecurityPolicy: AZURE_SETTINGS.dnsSecurityPolicy.prefault({}),
}).strict();

// The selection is `selectedAzureTargets`'s: the per-control renderers ignore it.
type Parsed = Omit<z.output<typeof Schema>, "targets">;

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
  const { targets: _selection, ...rest } = o;
  return {
    ...rest,
    nsg: { ...o.nsg, existing: o.nsg.existingNetworkSecurityGroupId !== undefined },
    firewallPolicy: { ...fw, dnsProxy, workload },
    dnsSecurityPolicy: { ...dns, existing: dns.existingDnsSecurityPolicyId !== undefined, virtualNetworkIds: [...new Set(dns.virtualNetworkIds)].sort() },
  };
}
