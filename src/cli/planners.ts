import { Plan } from "../renderers/plan";
import { Resolution } from "../resolve";

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
 * The planners `plan` and `summary` use. Hook: the AWS and Azure renderers register here
 * (`aws: renderAwsPlan`, `azure: renderAzurePlan`) when they land; until then it is empty
 * and `plan --cloud X` exits 2 saying no planner is available.
 */
export const planners: PlannerRegistry = {};
