// Types only from Pulumi: the stack config and the CLI plan with these functions too, without loading Pulumi.
import type * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { InputError } from "../model";
import { parseInput } from "../resolve";
import {
  AwsPlanOptions, DnsBlockResponse, DnsFirewallOptions, DnsRedirectionAction, NetworkFirewallOptions, SecurityGroupOptions, StatefulDefaultAction,
} from "../renderers/aws";
import { ref } from "../renderers/plan";
import { External } from "./external";

/** The security-group part of the AWS components' args. */
export interface AwsSecurityGroupSettings {
  /** VPC to create the security groups in (e.g. `vpc.id`). Needed unless `existingSecurityGroupId` holds every rule. */
  vpcId?: pulumi.Input<string>;
  /** Existing security group that receives the rules (the first shard); further shards are created in `vpcId`. */
  existingSecurityGroupId?: pulumi.Input<string>;
  /** Also open `::/0` where a domain had to be widened to every address. Default false. */
  ipv6?: boolean;
  /** Rules per group, per direction and address family: your account's quota (default 60). */
  maxRulesPerGroup?: number;
  /** Security groups per network interface: your account's quota (default 5, at most 16). */
  maxGroupsPerInterface?: number;
  /** Put cloud-proxy endpoint addresses in customer-managed prefix lists. Default false. */
  proxyPrefixLists?: boolean;
  /** `maxEntries` of each prefix list (default: its entry count); each referencing rule costs this much quota. */
  prefixListMaxEntries?: number;
}

/** The Network Firewall part of the AWS components' args. */
export interface AwsNetworkFirewallSettings {
  /** Source CIDRs of the inspected workloads (HOME_NET), for centralised inspection. Default: the firewall VPC's CIDR. */
  homeNet?: string[];
  /** Create a strict-order firewall policy with the rule group. Default false: use `ruleGroupArn` in your own policy. */
  createPolicy?: boolean;
  /** Default action of the created policy. Default `aws:drop_established`. */
  statefulDefaultAction?: StatefulDefaultAction;
  /** Priority of the rule group in the created policy (1–65535). Default 100. */
  ruleGroupPriority?: number;
  /** Fixed rule group capacity (replaces the group when changed). Default: from the rule count with headroom. */
  capacity?: number;
  /** Multiplier on the rule count before rounding up to a capacity bucket. Default 2. */
  capacityHeadroom?: number;
  /** TCP ports where clients speak TLS (matched by SNI). Default `["443"]`. */
  tlsPorts?: string[];
  /** TCP ports where clients speak plain HTTP (matched by Host). Default `["80"]`. */
  httpPorts?: string[];
  /**
   * DNS-layer guard: drop DNS (TCP/UDP 53) and DNS over TLS (TCP 853) to every address but
   * `dnsResolvers`, ahead of every other rule, so workloads cannot bypass DNS Firewall. Default false.
   */
  dnsGuard?: boolean;
  /** Resolvers the guard lets through (CIDRs). Default the Amazon-provided resolver 169.254.169.253/32. */
  dnsResolvers?: string[];
  /** Primary CIDRs of the workloads' VPCs: each one's Route 53 Resolver (base + 2) is let through too. */
  vpcCidrs?: string[];
}

/** The Route 53 Resolver DNS Firewall part of the AWS components' args. */
export interface AwsDnsFirewallSettings {
  /** VPC ids to associate the rule group with (known ids; use `vpcs` for ids that are outputs). */
  vpcIds?: string[];
  /** VPCs to associate, keyed by a stable name you choose (letters, digits, `-`, `_`). */
  vpcs?: { [name: string]: pulumi.Input<string> };
  /** Association priority, 101–8999; lower runs first among a VPC's rule groups. Default 101. */
  associationPriority?: number;
  /** Let queries through when DNS Firewall does not answer. Default false (fail closed). */
  failOpen?: boolean;
  /** CNAME/DNAME handling of the ALLOW rule. Default `INSPECT_REDIRECTION_DOMAIN` (CNAME targets must be allowed too). */
  redirectionAction?: DnsRedirectionAction;
  /** Block every other name after the ALLOW rule. Default false: the ALLOW rule alone restricts nothing. */
  blockOthers?: boolean;
  /** Answer of the BLOCK rule. Default NXDOMAIN. */
  blockResponse?: DnsBlockResponse;
  /** Put the rules in this existing rule group instead of creating one. */
  existingRuleGroupId?: pulumi.Input<string>;
  /** Priority of the ALLOW rule in the rule group (lower runs first). Default 100. */
  allowRulePriority?: number;
  /** Priority of the BLOCK rule (`blockOthers`) in the rule group; must be after the ALLOW rule. Default 200. */
  blockRulePriority?: number;
}

const input = z.custom<pulumi.Input<string>>((v) => v !== null && v !== undefined && v !== "", "expected an id or an Output");
const int = z.number().int();

// Strict: a misspelt setting is refused with the nearest known one, never dropped.
const SecurityGroupSettings = z.object({
  vpcId: input.optional(), existingSecurityGroupId: input.optional(), ipv6: z.boolean().optional(),
  maxRulesPerGroup: int.optional(), maxGroupsPerInterface: int.optional(), proxyPrefixLists: z.boolean().optional(), prefixListMaxEntries: int.optional(),
}).strict();
const NetworkFirewallSettings = z.object({
  homeNet: z.array(z.string()).optional(), createPolicy: z.boolean().optional(), statefulDefaultAction: z.enum(StatefulDefaultAction).optional(),
  ruleGroupPriority: int.optional(), capacity: int.optional(), capacityHeadroom: z.number().optional(),
  tlsPorts: z.array(z.string()).optional(), httpPorts: z.array(z.string()).optional(),
  dnsGuard: z.boolean().optional(), dnsResolvers: z.array(z.string()).optional(), vpcCidrs: z.array(z.string()).optional(),
}).strict();
const DnsFirewallSettings = z.object({
  vpcIds: z.array(z.string()).optional(), vpcs: z.record(z.string(), input).optional(),
  associationPriority: int.optional(), failOpen: z.boolean().optional(), redirectionAction: z.enum(DnsRedirectionAction).optional(),
  blockOthers: z.boolean().optional(), blockResponse: z.enum(DnsBlockResponse).optional(), existingRuleGroupId: input.optional(),
  allowRulePriority: int.optional(), blockRulePriority: int.optional(),
}).strict();

/** The settings keys of each AWS target, as the args (and `agora-egress:aws`) spell them. */
export const AWS_SETTINGS_KEYS = {
  securityGroups: Object.keys(SecurityGroupSettings.shape),
  networkFirewall: Object.keys(NetworkFirewallSettings.shape),
  dnsFirewall: Object.keys(DnsFirewallSettings.shape),
} as const satisfies Record<AwsTargetKey, readonly string[]>;

export type AwsTargetKey = "securityGroups" | "networkFirewall" | "dnsFirewall";

/** One target's settings, picked from a single-target component's args (whose keys were checked). */
export function pickAwsSettings(args: object, target: AwsTargetKey): Record<string, unknown> {
  const source = args as Record<string, unknown>;
  return Object.fromEntries(AWS_SETTINGS_KEYS[target].filter((k) => source[k] !== undefined).map((k) => [k, source[k]]));
}

/** Copies the defined fields only, so renderer defaults apply to the rest. */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** A target's settings, which must be an object (`{}` for the defaults): `networkFirewall: true` is refused, not read as `{}`. */
function settingsOf<T extends object>(settings: T, field: string): T {
  if (settings === null || typeof settings !== "object" || Array.isArray(settings)) {
    throw new InputError(field, "expected an object of settings ({} for the defaults)");
  }
  return defined({ ...settings });
}

/*
 * Settings → renderer options, and the ids the plan refers to (`${vpc.id}`) → the values given.
 * Errors name the setting under its target (`securityGroups.vpcId`); the component and the
 * stack config relabel that to their own terms (`args.securityGroups.vpcId`, `agora-egress:aws.…`).
 */

export function securityGroupTarget(settings: AwsSecurityGroupSettings, field = "securityGroups"): { options: SecurityGroupOptions; external: External } {
  const s = parseInput(SecurityGroupSettings, settingsOf(settings, field), field);
  if (s.vpcId === undefined && s.existingSecurityGroupId === undefined) {
    throw new InputError(`${field}.vpcId`, "give vpcId (to create security groups) or existingSecurityGroupId (to add rules to one)");
  }
  const { vpcId, existingSecurityGroupId, ...rest } = s;
  return {
    options: defined({
      ...rest,
      vpcId: vpcId === undefined ? undefined : ref("vpc", "id"),
      existingGroupId: existingSecurityGroupId === undefined ? undefined : ref("existing-security-group", "id"),
    }),
    external: {
      ...(vpcId !== undefined ? { vpc: { id: vpcId } } : {}),
      ...(existingSecurityGroupId !== undefined ? { "existing-security-group": { id: existingSecurityGroupId } } : {}),
    },
  };
}

export function networkFirewallTarget(settings: AwsNetworkFirewallSettings, field = "networkFirewall"): { options: NetworkFirewallOptions; external: External } {
  return { options: defined(parseInput(NetworkFirewallSettings, settingsOf(settings, field), field)), external: {} };
}

export function dnsFirewallTarget(settings: AwsDnsFirewallSettings, field = "dnsFirewall"): { options: DnsFirewallOptions; external: External } {
  const { vpcs, existingRuleGroupId, ...rest } = parseInput(DnsFirewallSettings, settingsOf(settings, field), field);
  const named = Object.keys(vpcs ?? {}).sort();
  for (const n of named) {
    // The name becomes part of a plan reference and of resource names.
    if (!/^[A-Za-z0-9_-]{1,40}$/.test(n)) throw new InputError(`${field}.vpcs`, `${JSON.stringify(n)} is not a valid VPC name (1-40 letters, digits, - and _)`);
  }
  return {
    options: defined({
      ...rest,
      vpcIds: rest.vpcIds || named.length ? [...(rest.vpcIds ?? []), ...named.map((n) => ref(`vpc-${n}`, "id"))] : undefined,
      existingRuleGroupId: existingRuleGroupId === undefined ? undefined : ref("existing-dns-firewall-rule-group", "id"),
    }),
    external: {
      ...Object.fromEntries(named.map((n) => [`vpc-${n}`, { id: vpcs![n] }])),
      ...(existingRuleGroupId !== undefined ? { "existing-dns-firewall-rule-group": { id: existingRuleGroupId } } : {}),
    },
  };
}

/** The AWS targets' settings, as `AwsAgoraEgress` takes them and `agora-egress:aws` holds them. */
export interface AwsTargetSettings {
  securityGroups?: AwsSecurityGroupSettings;
  networkFirewall?: AwsNetworkFirewallSettings;
  dnsFirewall?: AwsDnsFirewallSettings;
}

/**
 * Every configured AWS target's settings → the renderer's options and the external ids: what
 * `AwsAgoraEgress` plans with, and what a stack's `agora-egress:aws` plans with in the CLI and
 * the root program, so both make the same plan. Errors name `securityGroups.vpcId` and so on.
 */
export function awsTargetInputs(settings: AwsTargetSettings): { options: AwsPlanOptions; external: External } {
  const sg = settings.securityGroups ? securityGroupTarget(settings.securityGroups) : undefined;
  const nf = settings.networkFirewall ? networkFirewallTarget(settings.networkFirewall) : undefined;
  const dns = settings.dnsFirewall ? dnsFirewallTarget(settings.dnsFirewall) : undefined;
  return {
    options: {
      ...(sg ? { securityGroups: sg.options } : {}),
      ...(nf ? { networkFirewall: nf.options } : {}),
      ...(dns ? { dnsFirewall: dns.options } : {}),
    },
    external: { ...sg?.external, ...dns?.external },
  };
}
