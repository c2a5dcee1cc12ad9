import { z } from "zod";
import { InputError } from "../model";
import { Resolution } from "../resolve";
import {
  ALL_AWS_TARGETS, AwsPlanOptions, DnsBlockResponse, DnsRedirectionAction, StatefulDefaultAction, renderAwsPlan,
} from "../renderers/aws";
import { AzurePlanOptions, AzureTarget, FirewallPolicyTier, renderAzurePlan } from "../renderers/azure";
import { isArmId } from "../renderers/azure/arm-id";
import type { AwsAgoraEgressArgs } from "../components/aws";
import type { AzureAgoraEgressArgs } from "../components/azure";
import type { AgoraSelectionArgs } from "../components/selection-args";
import { Plan } from "../renderers/plan";
import { FieldOrigin, stackField } from "./fields";

/*
 * The stack keys `agora-egress:aws` and `agora-egress:azure` carry the options of the cloud
 * targets: the fields of the AwsAgoraEgress and AzureAgoraEgress components' args (less the
 * selection, which has keys of its own), so the program passes them on as they are. These
 * schemas check shapes and types when the stack is read (errors name the file and key);
 * limits and cross-field rules (priority order, capacity) are checked by the renderers when
 * the plan is made, named after the key too.
 */

/** The target parts of the components' args: what `agora-egress:aws` and `agora-egress:azure` must fit. */
type AwsTargetArgs = Omit<AwsAgoraEgressArgs, keyof AgoraSelectionArgs>;
type AzureTargetArgs = Omit<AzureAgoraEgressArgs, keyof AgoraSelectionArgs>;

const text = z.string().trim().min(1);
const count = z.number().int().min(1);
/** Pulumi YAML may give a port as a number: `tlsPorts: [443]`. */
const port = z.union([z.string(), z.number().int()]).transform(String);

const SecurityGroups = z.object({
  vpcId: text.optional(),
  existingSecurityGroupId: text.optional(),
  ipv6: z.boolean().optional(),
  maxRulesPerGroup: count.optional(),
  maxGroupsPerInterface: count.optional(),
  proxyPrefixLists: z.boolean().optional(),
  prefixListMaxEntries: count.optional(),
}).strict().refine((o) => o.vpcId !== undefined || o.existingSecurityGroupId !== undefined, {
  path: ["vpcId"],
  message: "give vpcId (to create security groups) or existingSecurityGroupId (to add the rules to one)",
});

const NetworkFirewall = z.object({
  homeNet: z.array(text).min(1).optional(),
  createPolicy: z.boolean().optional(),
  statefulDefaultAction: z.enum(StatefulDefaultAction).optional(),
  ruleGroupPriority: count.optional(),
  capacity: count.optional(),
  capacityHeadroom: z.number().min(1).optional(),
  tlsPorts: z.array(port).optional(),
  httpPorts: z.array(port).optional(),
  dnsGuard: z.boolean().optional(),
  dnsResolvers: z.array(text).min(1).optional(),
  vpcCidrs: z.array(text).min(1).optional(),
}).strict();

const DnsFirewall = z.object({
  vpcIds: z.array(text).optional(),
  associationPriority: count.optional(),
  failOpen: z.boolean().optional(),
  redirectionAction: z.enum(DnsRedirectionAction).optional(),
  blockOthers: z.boolean().optional(),
  blockResponse: z.enum(DnsBlockResponse).optional(),
  existingRuleGroupId: text.optional(),
  allowRulePriority: count.optional(),
  blockRulePriority: count.optional(),
}).strict();

/** `agora-egress:aws`: a target is deployed when its key is present (`{}` for its defaults). */
export const AwsTargetConfig = z.object({
  securityGroups: SecurityGroups.optional(),
  networkFirewall: NetworkFirewall.optional(),
  dnsFirewall: DnsFirewall.optional(),
}).strict().refine((o) => o.securityGroups || o.networkFirewall || o.dnsFirewall, {
  message: "turn on at least one AWS target: securityGroups, networkFirewall or dnsFirewall",
}) satisfies z.ZodType<AwsTargetArgs>;
export type AwsTargetConfig = z.output<typeof AwsTargetConfig>;

const armId = (kind: string) => text.refine((v) => isArmId(v, kind), `expected the ARM id of a ${kind}`);

/** `agora-egress:azure`: a control is deployed when its key is present (`{}` for its defaults). */
export const AzureTargetConfig = z.object({
  resourceGroupName: text,
  location: text.optional(),
  namePrefix: text.optional(),
  nsg: z.object({
    existingNetworkSecurityGroupId: armId("Microsoft.Network/networkSecurityGroups").optional(),
    networkSecurityGroupName: text.optional(),
    firstPriority: count.optional(),
    lastPriority: count.optional(),
    denyByDefault: z.boolean().optional(),
    dnsGuard: z.boolean().optional(),
    dnsResolvers: z.array(text).min(1).optional(),
  }).strict().optional(),
  firewallPolicy: z.object({
    existingFirewallPolicyId: armId("Microsoft.Network/firewallPolicies").optional(),
    tier: z.enum(FirewallPolicyTier).optional(),
    dnsProxyEnabled: z.boolean().optional(),
    ruleCollectionGroupPriority: count.optional(),
    networkRuleCollectionPriority: count.optional(),
    applicationRuleCollectionPriority: count.optional(),
    sourceAddresses: z.array(text).min(1).optional(),
    sourceIpGroups: z.array(text).min(1).optional(),
  }).strict().optional(),
  dnsSecurityPolicy: z.object({
    existingDnsSecurityPolicyId: armId("Microsoft.Network/dnsResolverPolicies").optional(),
    virtualNetworkIds: z.array(text).optional(),
    allowPriority: count.optional(),
    blockPriority: count.optional(),
    blockOthers: z.boolean().optional(),
  }).strict().optional(),
}).strict().refine((o) => o.nsg || o.firewallPolicy || o.dnsSecurityPolicy, {
  message: "turn on at least one Azure control: nsg, firewallPolicy or dnsSecurityPolicy",
}) satisfies z.ZodType<AzureTargetArgs>;
export type AzureTargetConfig = z.output<typeof AzureTargetConfig>;

/**
 * The AWS renderer's options for a stack's `agora-egress:aws`. Absent (a preview with no
 * stack config): every target with its defaults, ids the plan cannot know as references.
 */
export function awsPlanOptions(config: AwsTargetConfig | undefined): AwsPlanOptions {
  if (!config) return ALL_AWS_TARGETS;
  const { securityGroups, networkFirewall, dnsFirewall } = config;
  const sg = securityGroups && (({ existingSecurityGroupId, ...rest }) => ({
    ...rest, ...(existingSecurityGroupId !== undefined ? { existingGroupId: existingSecurityGroupId } : {}),
  }))(securityGroups);
  return { ...(sg ? { securityGroups: sg } : {}), ...(networkFirewall ? { networkFirewall } : {}), ...(dnsFirewall ? { dnsFirewall } : {}) };
}

/**
 * The Azure renderer's options for a stack's `agora-egress:azure`, as the AzureAgoraEgress
 * component derives them. Absent (a preview with no stack config): every control with its
 * defaults, the resource group as the reference `${placement.resourceGroupName}`.
 */
export function azurePlanOptions(config: AzureTargetConfig | undefined): AzurePlanOptions {
  if (!config) return {};
  const { nsg, firewallPolicy, dnsSecurityPolicy } = config;
  const targets = [
    ...(nsg ? [AzureTarget.Nsg] : []),
    ...(firewallPolicy ? [AzureTarget.FirewallPolicy] : []),
    ...(dnsSecurityPolicy ? [AzureTarget.DnsSecurityPolicy] : []),
  ];
  const { existingNetworkSecurityGroupId, ...nsgRest } = nsg ?? {};
  const { existingFirewallPolicyId, ...firewallRest } = firewallPolicy ?? {};
  const { existingDnsSecurityPolicyId, ...dnsRest } = dnsSecurityPolicy ?? {};
  return {
    targets,
    resourceGroupName: config.resourceGroupName,
    ...(config.location !== undefined ? { location: config.location } : {}),
    ...(config.namePrefix !== undefined ? { namePrefix: config.namePrefix } : {}),
    nsg: { ...nsgRest, existing: existingNetworkSecurityGroupId !== undefined },
    firewallPolicy: { ...firewallRest, existing: existingFirewallPolicyId !== undefined },
    dnsSecurityPolicy: { ...dnsRest, existing: existingDnsSecurityPolicyId !== undefined },
  };
}

/** Renderer option names that the components, and so the stacks, call otherwise. */
const STACK_NAMES: readonly [RegExp, string][] = [
  [/^aws\.securityGroups\.existingGroupId\b/, "aws.securityGroups.existingSecurityGroupId"],
];

/** Names a renderer's InputError after the config key: `securityGroups.vpcId` → `aws.securityGroups.vpcId`. */
function underKey<T>(key: "aws" | "azure", fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    let field = err.field === key || err.field.startsWith(`${key}.`) ? err.field : `${key}.${err.field}`;
    for (const [from, to] of STACK_NAMES) field = field.replace(from, to);
    throw new InputError(field, err.problem);
  }
}

/** The AWS plan for a stack's target config; InputErrors name `aws.<option>`. */
export function planAws(resolution: Resolution, config: AwsTargetConfig | undefined): Plan {
  return underKey("aws", () => renderAwsPlan(resolution, awsPlanOptions(config)));
}

/** The Azure plan for a stack's target config; InputErrors name `azure.<option>`. */
export function planAzure(resolution: Resolution, config: AzureTargetConfig | undefined): Plan {
  return underKey("azure", () => renderAzurePlan(resolution, azurePlanOptions(config)));
}

/** Names target option errors after the stack key: `Pulumi.test.yaml: agora-egress:azure.nsg.lastPriority`. */
export function targetOrigin(file: string): FieldOrigin {
  return (root, path) => (root === "aws" || root === "azure" ? stackField(file, root) + path : undefined);
}
