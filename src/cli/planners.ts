import { Plan } from "../renderers/plan";
import { Resolution, parseInput } from "../resolve";
import {
  AwsOrganizationConfig, AwsTargetConfig, AzureNetworkManagerConfig, AzureTargetConfig, planAws, planAwsOrganization, planAzure,
  planAzureNetworkManager,
} from "../stack";

/** The clouds `plan --cloud` knows about. */
export const CLOUDS = ["aws", "azure"] as const;
export type Cloud = (typeof CLOUDS)[number];

/** What `plan --scope` plans: the per-network components, or the organisation-wide engines (Firewall Manager, Virtual Network Manager). */
export const SCOPES = ["network", "organization"] as const;
export type Scope = (typeof SCOPES)[number];

/** Each plan the CLI makes, under its stack key: `aws`, `azure`, and the organisation scopes. */
export const PLAN_KEYS = ["aws", "azure", "awsOrganization", "azureNetworkManager"] as const;
export type PlanKey = (typeof PLAN_KEYS)[number];

/** The stack key (and planner) of a cloud in a scope: `aws` + `organization` → `awsOrganization`. */
export function planKey(cloud: Cloud, scope: Scope = "network"): PlanKey {
  if (scope === "network") return cloud;
  return cloud === "aws" ? "awsOrganization" : "azureNetworkManager";
}

/** Is the plan one of the organisation scopes (shown only where a stack configures it)? */
export const isOrganizationPlan = (key: PlanKey) => key === "awsOrganization" || key === "azureNetworkManager";

/**
 * Turns a resolution into the resources one cloud target would create. `options` are the
 * target options: the stack's `agora-egress:aws` / `agora-egress:azure` object, or `{}`.
 * Throws InputError (naming the option) on bad options.
 */
export type Planner = (resolution: Resolution, options: Record<string, unknown>) => Plan;

export type PlannerRegistry = Partial<Record<PlanKey, Planner>>;

/**
 * The planners `plan`, `summary` and `diff` use: the AWS and Azure renderers, and the
 * organisation scopes, with the stack's options. Empty options (no stack, or a stack without
 * that key: `plan` only) preview every target with its defaults; ids the plan cannot know (the
 * VPC, the resource group, the network manager) then appear as references such as `${vpc.id}`,
 * which the components fill. Errors name the option under its key: `aws.networkFirewall.capacity`.
 */
export const planners: PlannerRegistry = {
  aws: (resolution, options) => planAws(resolution, configured(options) ? parseInput(AwsTargetConfig, options, "aws") : undefined),
  azure: (resolution, options) => planAzure(resolution, configured(options) ? parseInput(AzureTargetConfig, options, "azure") : undefined),
  awsOrganization: (resolution, options) =>
    planAwsOrganization(resolution, configured(options) ? parseInput(AwsOrganizationConfig, options, "awsOrganization") : undefined),
  azureNetworkManager: (resolution, options) =>
    planAzureNetworkManager(resolution, configured(options) ? parseInput(AzureNetworkManagerConfig, options, "azureNetworkManager") : undefined),
};

function configured(options: Record<string, unknown>): boolean {
  return Object.keys(options).length > 0;
}
