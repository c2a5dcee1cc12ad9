import { z } from "zod";
import { setting } from "../settings";
import { AWS_LIMITS } from "./limits";

/*
 * The AWS targets' settings, each declared once: the renderers validate with these schemas
 * (defaults and limits included); AwsAgoraEgress and the per-target components take them as
 * args (src/args/settings.generated.ts, generated from here), and a stack's `agora-egress:aws`
 * holds them under the same names. An id another resource outputs (`input`) is a
 * `pulumi.Input<string>` in the components and the plan's `${<input>.id}` reference here.
 */

/** What a strict-order policy does with packets no rule passed. */
export enum StatefulDefaultAction {
  /** Lets connection set-up through and drops unmatched established traffic (recommended). */
  DropEstablished = "aws:drop_established",
  /** Drops every unmatched packet; the handshake rule keeps SNI/Host matching working. */
  DropStrict = "aws:drop_strict",
}

/** How the ALLOW rule treats CNAME/DNAME redirections (pitfall §8.14). */
export enum DnsRedirectionAction {
  /** AWS default: every name in the chain must be allowed too, so a CNAME to a CDN outside the list is blocked by the block rule. */
  Inspect = "INSPECT_REDIRECTION_DOMAIN",
  /** Trust the targets of an allowed name's CNAME chain. */
  Trust = "TRUST_REDIRECTION_DOMAIN",
}

export enum DnsBlockResponse {
  NxDomain = "NXDOMAIN",
  NoData = "NODATA",
}

const id = z.string().min(1);
const int = (min: number, max: number) => z.number().int().min(min).max(max);
/** Stack files may give a port as a number (`tlsPorts: [443]`); the component arg is a string. */
const ports = z.array(z.union([z.string(), z.number().int()]).transform(String));

export const SecurityGroupSettings = z.object({
  vpcId: setting(id.optional(), {
    description: "VPC to create the security groups in (e.g. `vpc.id`). Needed unless `existingSecurityGroupId` holds every rule.",
    input: "vpc",
  }),
  existingSecurityGroupId: setting(id.optional(), {
    description: "Existing security group that receives the rules (the first shard); further shards are created in `vpcId`. "
      + "Its own rules are not counted: revoke its default allow-all egress rule and lower `maxRulesPerGroup` to leave room for them.",
    input: "existing-security-group",
  }),
  ipv6: setting(z.boolean().default(false), {
    description: "Also open `::/0` where a domain had to be widened to every address (domains may resolve to IPv6). Default false.",
  }),
  maxRulesPerGroup: setting(int(1, AWS_LIMITS.rulesTimesGroups).default(AWS_LIMITS.rulesPerSecurityGroup), {
    description: `Rules per group, per direction and address family: your account's quota (default ${AWS_LIMITS.rulesPerSecurityGroup}).`,
  }),
  maxGroupsPerInterface: setting(int(1, AWS_LIMITS.maxSecurityGroupsPerInterface).default(AWS_LIMITS.securityGroupsPerInterface), {
    description: `Security groups per network interface: your account's quota (default ${AWS_LIMITS.securityGroupsPerInterface}, at most ${AWS_LIMITS.maxSecurityGroupsPerInterface}).`,
  }),
  proxyPrefixLists: setting(z.boolean().default(false), {
    description: "Put cloud-proxy endpoint addresses in customer-managed prefix lists (one per port profile). Default false.",
  }),
  prefixListMaxEntries: setting(int(1, AWS_LIMITS.prefixListMaxEntries).optional(), {
    description: "`maxEntries` of each prefix list (default: its entry count); each referencing rule costs this much quota.",
  }),
}).strict();

export const NetworkFirewallSettings = z.object({
  homeNet: setting(z.array(z.string()).min(1).optional(), {
    description: "Source CIDRs of the inspected workloads (HOME_NET), for centralised (Transit Gateway) inspection. Default: the firewall VPC's CIDR.",
  }),
  createPolicy: setting(z.boolean().default(false), {
    description: "Create a strict-order firewall policy holding the rule group. Default false: use `ruleGroupArn` in your own policy.",
  }),
  statefulDefaultAction: setting(z.enum(StatefulDefaultAction).default(StatefulDefaultAction.DropEstablished), {
    description: "Default action of the created policy. Default `aws:drop_established`.", tsType: "StatefulDefaultAction",
  }),
  ruleGroupPriority: setting(int(AWS_LIMITS.policyPriority.min, AWS_LIMITS.policyPriority.max).default(100), {
    description: `Priority of the rule group in the created policy (${AWS_LIMITS.policyPriority.min}–${AWS_LIMITS.policyPriority.max}). Default 100.`,
  }),
  capacity: setting(int(1, AWS_LIMITS.ruleGroupCapacity).optional(), {
    description: "Fixed rule group capacity (replaces the group when changed). Default: from the rule count with headroom, rounded up to a bucket.",
  }),
  capacityHeadroom: setting(z.number().min(1).max(100).default(2), {
    description: "Multiplier on the rule count before rounding up to a capacity bucket. Default 2.",
  }),
  tlsPorts: setting(ports.optional(), {
    description: "TCP ports where clients speak TLS (matched by SNI). Default `[\"443\"]`.", tsType: "string[]",
  }),
  httpPorts: setting(ports.optional(), {
    description: "TCP ports where clients speak plain HTTP (matched by Host). Default `[\"80\"]`.", tsType: "string[]",
  }),
  dnsGuard: setting(z.boolean().default(false), {
    description: "DNS-layer guard: drop DNS (TCP/UDP 53), DNS over TLS (TCP 853) and DNS over QUIC (UDP 853) from HOME_NET to every address "
      + "but `dnsResolvers`, ahead of every other rule, so workloads cannot bypass DNS Firewall by asking another resolver. Passing the "
      + "resolvers is reported as a widening; refused when a model rule allows those ports to another address. Default false.",
  }),
  dnsResolvers: setting(z.array(z.string()).min(1).optional(), {
    description: "Resolvers the DNS guard lets through (CIDRs). Default the Amazon-provided resolver 169.254.169.253/32. Only with `dnsGuard`.",
  }),
  vpcCidrs: setting(z.array(z.string()).min(1).optional(), {
    description: "Primary CIDRs of the workloads' VPCs: each one's Route 53 Resolver (base + 2) is let through too. Only with `dnsGuard`.",
  }),
}).strict();

export const DnsFirewallSettings = z.object({
  vpcIds: setting(z.array(id).default([]), {
    description: "VPC ids to associate the rule group with (known ids; use `vpcs` for ids that are outputs).",
  }),
  vpcs: setting(z.record(z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, "is not a valid VPC name (1-40 letters, digits, - and _)"), id).optional(), {
    description: "VPCs to associate, keyed by a stable name you choose (letters, digits, `-`, `_`), e.g. `{ app: vpc.id }`.",
    input: "vpc",
  }),
  associationPriority: setting(int(AWS_LIMITS.dnsFirewallAssociationPriority.min, AWS_LIMITS.dnsFirewallAssociationPriority.max).default(101), {
    description: `Association priority, ${AWS_LIMITS.dnsFirewallAssociationPriority.min}–${AWS_LIMITS.dnsFirewallAssociationPriority.max}; lower runs first among a VPC's rule groups. Default 101.`,
  }),
  failOpen: setting(z.boolean().default(false), {
    description: "Let queries through when DNS Firewall does not answer. Default false (fail closed: SERVFAIL).",
  }),
  redirectionAction: setting(z.enum(DnsRedirectionAction).default(DnsRedirectionAction.Inspect), {
    description: "CNAME/DNAME handling of the ALLOW rule. Default `INSPECT_REDIRECTION_DOMAIN` (CNAME targets must be allowed too).",
    tsType: "DnsRedirectionAction",
  }),
  blockOthers: setting(z.boolean().default(true), {
    description: "Block every other name after the ALLOW rule. Default true, as on Azure's DNS security policy: the ALLOW rule alone "
      + "restricts nothing. DNS Firewall applies to the whole VPC, so turn it off (reported as a widening) when other workloads there need other names.",
  }),
  blockResponse: setting(z.enum(DnsBlockResponse).default(DnsBlockResponse.NxDomain), {
    description: "Answer of the BLOCK rule. Default NXDOMAIN.", tsType: "DnsBlockResponse",
  }),
  existingRuleGroupId: setting(id.optional(), {
    description: "Put the rules in this existing rule group instead of creating one.", input: "existing-dns-firewall-rule-group",
  }),
  allowRulePriority: setting(z.number().int().min(1).default(100), {
    description: "Priority of the ALLOW rule in the rule group (lower runs first). Default 100.",
  }),
  blockRulePriority: setting(z.number().int().min(1).default(200), {
    description: "Priority of the BLOCK rule (`blockOthers`) in the rule group; must be after the ALLOW rule. Default 200.",
  }),
}).strict();

/** Each AWS target's settings schema, under its key in AwsAgoraEgress's args and `agora-egress:aws`. */
export const AWS_SETTINGS = {
  securityGroups: SecurityGroupSettings,
  networkFirewall: NetworkFirewallSettings,
  dnsFirewall: DnsFirewallSettings,
} as const;

/** Settings as the renderers take them: ids as values or `${name.id}` references, defaults optional. */
export type SecurityGroupOptions = z.input<typeof SecurityGroupSettings>;
export type NetworkFirewallOptions = z.input<typeof NetworkFirewallSettings>;
export type DnsFirewallOptions = z.input<typeof DnsFirewallSettings>;
