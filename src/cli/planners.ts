import { Plan } from "../renderers/plan";
import { Resolution, parseInput } from "../resolve";
import { AwsTargetConfig, AzureTargetConfig, planAws, planAzure } from "../stack";

/** The clouds `plan --cloud` knows about. */
export const CLOUDS = ["aws", "azure"] as const;
export type Cloud = (typeof CLOUDS)[number];

/**
 * Turns a resolution into the resources one cloud target would create. `options` are the
 * target options: the stack's `agora-egress:aws` / `agora-egress:azure` object, or `{}`.
 * Throws InputError (naming the option) on bad options.
 */
export type Planner = (resolution: Resolution, options: Record<string, unknown>) => Plan;

export type PlannerRegistry = Partial<Record<Cloud, Planner>>;

/**
 * The planners `plan`, `summary` and `diff` use: the AWS and Azure renderers, with the
 * stack's target options. Empty options (no stack, or a stack without that key: `plan`
 * only) preview every target of the cloud with its defaults; ids the plan cannot know (the VPC, the
 * resource group) then appear as references such as `${vpc.id}`, which the components fill.
 * Errors name the option under its key: `aws.networkFirewall.capacity`.
 */
export const planners: PlannerRegistry = {
  aws: (resolution, options) => planAws(resolution, configured(options) ? parseInput(AwsTargetConfig, options, "aws") : undefined),
  azure: (resolution, options) => planAzure(resolution, configured(options) ? parseInput(AzureTargetConfig, options, "azure") : undefined),
};

function configured(options: Record<string, unknown>): boolean {
  return Object.keys(options).length > 0;
}
