import { z } from "zod";
import { quote } from "../../model";
import { parseRef } from "../plan";
import { setting } from "../settings";
import { isArmId } from "./arm-id";
import { AZURE_LIMITS } from "./limits";

/*
 * The Azure controls' settings, each declared once, as src/renderers/aws/settings.ts declares
 * AWS's: the renderers validate with these schemas (defaults and limits included);
 * AzureAgoraEgress and the per-control components take them as args
 * (src/args/settings.generated.ts, generated from here), and a stack's `agora-egress:azure`
 * holds them under the same names. An id another resource outputs (`input`) is a
 * `pulumi.Input<string>` in the components and the plan's `${<input>.id}` reference here.
 */

/** Firewall Policy SKU tier of a policy created here (Basic has no DNS proxy). */
export enum FirewallPolicyTier {
  Basic = "Basic",
  Standard = "Standard",
  Premium = "Premium",
}

const int = (min: number, max: number) => z.number().int().min(min).max(max);
const nsgPriority = int(AZURE_LIMITS.nsgPriority.min, AZURE_LIMITS.nsgPriority.max);
const fwPriority = int(AZURE_LIMITS.firewallPriority.min, AZURE_LIMITS.firewallPriority.max);
const dnsPriority = int(AZURE_LIMITS.dnsPriority.min, AZURE_LIMITS.dnsPriority.max);
/** An ARM id of `kind`, or the plan's reference to one a component had as an output. */
const armId = (kind: string) => z.string().refine((s) => parseRef(s) !== undefined || isArmId(s, kind), {
  error: (issue) => `${quote(String(issue.input))} is not the ARM id of a ${kind}`,
});
const NETWORK_NAME = /^[A-Za-z0-9_-]{1,40}$/;

export const NsgSettings = z.object({
  existingNetworkSecurityGroupId: setting(armId("Microsoft.Network/networkSecurityGroups").optional(), {
    description: "ARM id of an existing NSG to add the rules to. When omitted, a new NSG is created.",
    input: "existing-nsg",
  }),
  networkSecurityGroupName: setting(z.string().regex(/^\w(?:[\w.-]{0,78}[\w_])?$/, "1-80 word characters, dots or hyphens").optional(), {
    description: "Azure name of the NSG created here; auto-named when omitted.",
  }),
  firstPriority: setting(nsgPriority.default(1000), {
    description: `Lowest priority the rules may take (${AZURE_LIMITS.nsgPriority.min}–${AZURE_LIMITS.nsgPriority.max}). Default 1000.`,
  }),
  lastPriority: setting(nsgPriority.default(1999), {
    description: `Highest priority the rules may take (${AZURE_LIMITS.nsgPriority.min}–${AZURE_LIMITS.nsgPriority.max}); the deny rule takes it. Default 1999.`,
  }),
  denyByDefault: setting(z.boolean().default(true), {
    description: "Deny other outbound Internet traffic at `lastPriority`; without it the built-in AllowInternetOutBound (65001) admits everything. Default true.",
  }),
  dnsGuard: setting(z.boolean().default(false), {
    description: "DNS-layer guard: Deny DNS (TCP/UDP 53), DNS over TLS (TCP 853) and DNS over QUIC (UDP 853) to `Internet` at the window's first "
      + "priorities, ahead of every allow rule, so workloads cannot get around the DNS security policy by asking a public resolver. "
      + "Azure-provided DNS (168.63.129.16) is not filtered by NSGs and keeps working, and so do private resolvers. Refused when a model "
      + "rule needs those ports to an Internet address that `dnsResolvers` does not cover. Default false.",
  }),
  dnsResolvers: setting(z.array(z.string()).min(1).optional(), {
    description: "Resolvers on the Internet (CIDRs) the guard lets through, just ahead of its Deny rules. Only with `dnsGuard`.",
  }),
}).strict();

export const FirewallPolicySettings = z.object({
  existingFirewallPolicyId: setting(armId("Microsoft.Network/firewallPolicies").optional(), {
    description: "ARM id of an existing firewall policy to add the rule collection group to. When omitted, a new policy is created.",
    input: "existing-firewall-policy",
  }),
  tier: setting(z.enum(FirewallPolicyTier).default(FirewallPolicyTier.Standard), {
    description: "SKU tier of the policy created here (`Basic` has no DNS proxy). Default `Standard`.", tsType: "FirewallPolicyTier",
  }),
  dnsProxyEnabled: setting(z.boolean().optional(), {
    description: "Whether DNS proxy is on (network-rule FQDNs need it). Default: on for a policy created here (not Basic), off for an existing one.",
  }),
  ruleCollectionGroupPriority: setting(fwPriority.default(1000), {
    description: `Rule collection group priority (${AZURE_LIMITS.firewallPriority.min}–${AZURE_LIMITS.firewallPriority.max}). Default 1000.`,
  }),
  networkRuleCollectionPriority: setting(fwPriority.default(100), {
    description: `Network rule collection priority (${AZURE_LIMITS.firewallPriority.min}–${AZURE_LIMITS.firewallPriority.max}). Default 100.`,
  }),
  applicationRuleCollectionPriority: setting(fwPriority.default(200), {
    description: `Application rule collection priority (${AZURE_LIMITS.firewallPriority.min}–${AZURE_LIMITS.firewallPriority.max}). Default 200.`,
  }),
  sourceAddresses: setting(z.array(z.string()).min(1).optional(), {
    description: "The workloads' addresses or CIDRs, the source of every rule. Default the RFC 1918 ranges.",
  }),
  sourceIpGroups: setting(z.array(armId("Microsoft.Network/ipGroups")).min(1).optional(), {
    description: "Or the ARM ids of IP Groups holding the workloads' addresses (e.g. `[ipGroup.id]`; not with `sourceAddresses`).",
    input: "source-ip-group",
  }),
}).strict();

export const DnsSecurityPolicySettings = z.object({
  existingDnsSecurityPolicyId: setting(armId("Microsoft.Network/dnsResolverPolicies").optional(), {
    description: "ARM id of an existing DNS security policy to add the rules to. When omitted, a new policy is created.",
    input: "existing-dns-security-policy",
  }),
  virtualNetworkIds: setting(z.array(armId("Microsoft.Network/virtualNetworks")).default([]), {
    description: "ARM ids of the virtual networks to link to the policy (known ids; use `virtualNetworks` for ids that are outputs). "
      + "A network can link to one policy only.",
  }),
  virtualNetworks: setting(z.record(z.string().regex(NETWORK_NAME, "is not a valid virtual network name (1-40 letters, digits, - and _)"),
    armId("Microsoft.Network/virtualNetworks")).optional(), {
    description: "Virtual networks to link, keyed by a stable name you choose (letters, digits, `-`, `_`), e.g. `{ app: vnet.id }`.",
    input: "virtual-network",
  }),
  allowPriority: setting(dnsPriority.default(1000), {
    description: `Priority of the allow rule (${AZURE_LIMITS.dnsPriority.min}–${AZURE_LIMITS.dnsPriority.max}). Default 1000.`,
  }),
  blockPriority: setting(dnsPriority.default(65000), {
    description: `Priority of the block-everything-else rule (${AZURE_LIMITS.dnsPriority.min}–${AZURE_LIMITS.dnsPriority.max}), after the allow rule. Default 65000.`,
  }),
  blockOthers: setting(z.boolean().default(true), {
    description: "Block every name outside the allow list. Default true.",
  }),
}).strict();

/** Each Azure control's settings schema, under its key in AzureAgoraEgress's args and `agora-egress:azure`. */
export const AZURE_SETTINGS = {
  nsg: NsgSettings,
  firewallPolicy: FirewallPolicySettings,
  dnsSecurityPolicy: DnsSecurityPolicySettings,
} as const;

/** Settings as the renderers take them: ids as values or `${name.id}` references, defaults optional. */
export type NsgOptions = z.input<typeof NsgSettings>;
export type FirewallPolicyOptions = z.input<typeof FirewallPolicySettings>;
export type DnsSecurityPolicyOptions = z.input<typeof DnsSecurityPolicySettings>;
