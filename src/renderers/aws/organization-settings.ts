import { z } from "zod";
import { setting } from "../settings";
import { DnsFirewallSettings, NetworkFirewallSettings, SecurityGroupSettings } from "./settings";

/*
 * The settings of the organisation scope on AWS (AwsAgoraEgressOrganization, stack key
 * `agora-egress:awsOrganization`), each declared once, as the per-VPC targets' are in
 * ./settings.ts: the renderer validates with these schemas, the component args and
 * docs/settings.md are generated from them (src/args/generate.ts), and the stack reads them as
 * given. The per-target settings reuse the per-VPC declarations where the meaning is the same.
 */

/** Firewall Manager limits (AWS Firewall Manager quotas, WAF developer guide "fms-limits"; API reference). */
export const FMS_LIMITS = {
  /** Firewall Manager policies per organisation and Region (default quota; raise it with AWS and set `policyQuota`). */
  policiesPerRegion: 20,
  /** Primary security groups per common security group policy (API_SecurityServicePolicyData). */
  primaryGroupsPerCommonPolicy: 1,
  /** Accounts a policy's include or exclude map may name. */
  accountsInScope: 2500,
  /** `preProcessRuleGroups` priorities of a DNS Firewall policy (API_SecurityServicePolicyData). */
  dnsPreProcessPriority: { min: 1, max: 99 },
  /** Policy names: 1-128 characters of `[\p{L}\p{Z}\p{N}_.:/=+\-@]` (API_Policy). */
  policyName: /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,128}$/u,
} as const;

/** Where Firewall Manager deploys the Network Firewall endpoints. */
export enum FirewallDeploymentModel {
  /** An endpoint in every VPC in scope (Firewall Manager creates the firewall subnets). Default. */
  Distributed = "DISTRIBUTED",
  /** One inspection VPC that the VPCs in scope route through. */
  Centralized = "CENTRALIZED",
}

const ACCOUNT = /^\d{12}$/;
const OU = /^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$/;
const ROOT = /^r-[0-9a-z]{4,32}$/;
const account = z.string().regex(ACCOUNT, "is not an AWS account id (12 digits)");
const organizationalUnit = z.string().refine((v) => OU.test(v) || ROOT.test(v), "is not an organizational unit id (ou-xxxx-xxxxxxxx) or the root id (r-xxxx)");
/** Firewall Manager's ResourceTag key and value pattern (API reference, ResourceTag). */
const FMS_TAG = /^([\p{L}\p{Z}\p{N}_.:/=+\-@*\\]*)$/u;

/** A list that is given must name something: an empty list would read as "everyone" to some and "no one" to others. */
const nonEmpty = <T extends z.ZodType>(item: T) => z.array(item).min(1, "is empty: leave it out, or name at least one");

export const OrganizationScopeSettings = z.object({
  allAccounts: setting(z.boolean().default(false), {
    description: "Apply the policies to every account of the organisation (Firewall Manager's default scope). Must be said explicitly: "
      + "an empty scope is refused. Not with `includeAccounts` or `includeOrganizationalUnits`.",
  }),
  includeAccounts: setting(nonEmpty(account).optional(), {
    description: "Only these accounts (12-digit ids). With `includeOrganizationalUnits`, the accounts of both. Not with the exclude lists: Firewall Manager takes one or the other.",
  }),
  includeOrganizationalUnits: setting(nonEmpty(organizationalUnit).optional(), {
    description: "Only the accounts in these organizational units (`ou-xxxx-xxxxxxxx`, or the root `r-xxxx`), child OUs included.",
  }),
  excludeAccounts: setting(nonEmpty(account).optional(), {
    description: "Every account but these (with `allAccounts`). Not with the include lists.",
  }),
  excludeOrganizationalUnits: setting(nonEmpty(organizationalUnit).optional(), {
    description: "Every account but those in these organizational units (with `allAccounts`). Not with the include lists.",
  }),
  resourceTags: setting(z.record(
    z.string().min(1).max(128).regex(FMS_TAG, "is not a tag key Firewall Manager takes (letters, digits, spaces and _ . : / = + - @ * \\)"),
    z.string().max(256).regex(FMS_TAG, "is not a tag value Firewall Manager takes (letters, digits, spaces and _ . : / = + - @ * \\)"),
  ).optional(), {
    description: "Only resources (or, with `excludeResourceTags`, all but those) carrying all of these tags (sent with the AND operator).",
  }),
  excludeResourceTags: setting(z.boolean().default(false), {
    description: "`resourceTags` name the resources to leave out rather than those to protect. Default false.",
  }),
}).strict();

export const OrganizationSecurityGroupSettings = SecurityGroupSettings.pick({
  vpcId: true, ipv6: true, maxRulesPerGroup: true, maxGroupsPerInterface: true, proxyPrefixLists: true, prefixListMaxEntries: true,
}).extend({
  vpcId: setting(z.string().min(1).optional(), {
    description: "VPC of this account (the Firewall Manager administrator) to create the primary security group in (e.g. `vpc.id`). Required.",
    input: "vpc",
  }),
  revertManualChanges: setting(z.boolean().default(false), {
    description: "Firewall Manager reverts changes account owners make to the replicas of the primary group (`revertManualSecurityGroupChanges`). Default false.",
  }),
  exclusiveManagement: setting(z.boolean().default(false), {
    description: "Firewall Manager removes every other security group from the resources in scope (`exclusiveResourceSecurityGroupManagement`). Default false: "
      + "the replica is added next to the groups the accounts keep.",
  }),
  allInstanceInterfaces: setting(z.boolean().default(false), {
    description: "Attach the replica to every network interface of an EC2 instance, not only its primary one (`applyToAllEC2InstanceENIs`). Default false.",
  }),
  includeSharedVpc: setting(z.boolean().default(false), {
    description: "Also protect resources in VPCs shared with the accounts in scope (`includeSharedVPC`). Default false.",
  }),
}).strict();

export const OrganizationNetworkFirewallSettings = NetworkFirewallSettings.pick({
  homeNet: true, statefulDefaultAction: true, ruleGroupPriority: true, capacity: true, capacityHeadroom: true,
  tlsPorts: true, httpPorts: true, dnsGuard: true, dnsResolvers: true, vpcCidrs: true,
}).extend({
  deploymentModel: setting(z.enum(FirewallDeploymentModel).default(FirewallDeploymentModel.Distributed), {
    description: "`DISTRIBUTED` (an endpoint in every VPC in scope, the default) or `CENTRALIZED` (one inspection VPC: give `inspectionVpcId`, "
      + "`inspectionVpcAccountId` and `availabilityZones`).",
    tsType: "FirewallDeploymentModel",
  }),
  firewallSubnetCidrs: setting(nonEmpty(z.string()).optional(), {
    description: "/28 ranges Firewall Manager may carve the firewall subnets from (`allowedIPV4CidrList`). Default: Firewall Manager picks free ranges.",
  }),
  singleEndpointPerVpc: setting(z.boolean().default(false), {
    description: "Distributed model: one firewall endpoint per VPC rather than one per Availability Zone. Default false.",
  }),
  inspectionVpcId: setting(z.string().regex(/^vpc-[0-9a-f]{8,17}$/, "is not a VPC id (vpc-…)").optional(), {
    description: "Centralized model: the inspection VPC the firewall is created in.",
  }),
  inspectionVpcAccountId: setting(account.optional(), { description: "Centralized model: the account that owns the inspection VPC." }),
  availabilityZones: setting(nonEmpty(z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d[a-z]$/, "is not an Availability Zone name (e.g. us-east-1a)")).optional(), {
    description: "Centralized model: the Availability Zones of the inspection VPC to create endpoints in.",
  }),
}).strict();

export const OrganizationDnsFirewallSettings = DnsFirewallSettings.pick({
  redirectionAction: true, blockOthers: true, blockResponse: true, allowRulePriority: true, blockRulePriority: true,
}).extend({
  priority: setting(z.number().int().min(FMS_LIMITS.dnsPreProcessPriority.min).max(FMS_LIMITS.dnsPreProcessPriority.max).default(10), {
    description: `Priority of the Agora rule group among the policy's pre-process rule groups (${FMS_LIMITS.dnsPreProcessPriority.min}-${FMS_LIMITS.dnsPreProcessPriority.max}; `
      + "they run before the VPC owners' own rule groups). Default 10.",
  }),
}).strict();

/** An organisation (`arn:aws:organizations::<account>:organization/o-…`), an OU (`…:ou/o-…/ou-…`) or an account id. */
const PRINCIPAL = /^(\d{12}|arn:aws[a-z-]*:organizations::\d{12}:(organization\/o-[a-z0-9]{10,32}|ou\/o-[a-z0-9]{10,32}\/ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}))$/;

export const OrganizationShareSettings = z.object({
  principals: setting(nonEmpty(z.string().regex(PRINCIPAL, "is not an organisation ARN, an organizational unit ARN or an account id")), {
    description: "Who the share is for: the organisation's ARN, OU ARNs, or account ids.",
  }),
  prefixLists: setting(z.boolean().default(false), {
    description: "Share the cloud-proxy prefix lists (needed with `securityGroups.proxyPrefixLists`: the replicas of the primary group reference them). Default false.",
  }),
  networkFirewallRuleGroup: setting(z.boolean().default(false), {
    description: "Share the Network Firewall rule group, for accounts that put it in firewall policies of their own. Default false.",
  }),
  dnsFirewallRuleGroup: setting(z.boolean().default(false), {
    description: "Share the DNS Firewall rule group, for accounts that associate it with VPCs themselves. Default false.",
  }),
}).strict();

export const OrganizationSettings = z.object({
  scope: setting(OrganizationScopeSettings, {
    description: "Which accounts and resources the policies apply to (required).", tsType: "AwsOrganizationScopeSettings",
  }),
  remediation: setting(z.boolean().default(false), {
    description: "Firewall Manager applies the policies to resources that already exist (`remediationEnabled`). Default false: it only reports them non-compliant.",
  }),
  deleteOnRemoval: setting(z.boolean().default(false), {
    description: "Remove the protections from resources that leave the scope (`deleteUnusedFmManagedResources`). Default false.",
  }),
  policyNamePrefix: setting(z.string().regex(/^[A-Za-z0-9_.:/=+\-@]{1,64}$/, "1-64 letters, digits or _.:/=+-@").default("agora-egress"), {
    description: "Start of every Firewall Manager policy name (`agora-egress-security-groups-0`, …). Default `agora-egress`.",
  }),
  policyQuota: setting(z.number().int().min(1).max(1000).default(FMS_LIMITS.policiesPerRegion), {
    description: `Firewall Manager policies your organisation may have in this Region (default ${FMS_LIMITS.policiesPerRegion}, AWS's default quota).`,
  }),
  existingPolicies: setting(z.number().int().min(0).default(0), {
    description: "Firewall Manager policies the organisation already has in this Region, counted against `policyQuota`. Default 0.",
  }),
  securityGroups: setting(OrganizationSecurityGroupSettings.optional(), {
    description: "A common security group policy: a primary security group (in `vpcId` of this account) whose replicas Firewall Manager attaches to the resources in scope.",
    tsType: "AwsOrganizationSecurityGroupSettings",
  }),
  networkFirewall: setting(OrganizationNetworkFirewallSettings.optional(), {
    description: "A Network Firewall policy with the Agora strict-order stateful rule group.", tsType: "AwsOrganizationNetworkFirewallSettings",
  }),
  dnsFirewall: setting(OrganizationDnsFirewallSettings.optional(), {
    description: "A DNS Firewall policy with the Agora rule group as a pre-process rule group.", tsType: "AwsOrganizationDnsFirewallSettings",
  }),
  share: setting(OrganizationShareSettings.optional(), {
    description: "Share the prefix lists and rule groups through AWS RAM, for teams that attach them themselves.", tsType: "AwsOrganizationShareSettings",
  }),
}).strict();

/** The organisation settings as the renderer takes them: ids as values or `${name.id}` references, defaults optional. */
export type OrganizationOptions = z.input<typeof OrganizationSettings>;
