import { Resolution } from "../resolve";
import { Plan } from "../renderers/plan";
import {
  PlanName, SharedResolution, deepFreeze, shareResolution, sharedPlan as sharedPurePlan, sharedResolution as sharedPureResolution,
} from "../planning";
import { AppSettingOutput, QuotaUsageOutput, WideningOutput, appSettingOutputs, quotaOutputs, wideningOutputs } from "./output-types";
import { PlainSelectionArgs, selectionFromArgs } from "../args/selection-args";

export { LruCache, PlanName, SharedResolution, clearPlanCaches, deepFreeze, planCacheSizes, planCounts, plainKey } from "../planning";

/*
 * The components' side of the one planning path (src/planning): a resolution is shared under
 * the validated selection, a plan under (selection, renderer, options), so every component of a
 * landing zone, and the root program before them, computes each once. Here each shared plan
 * gets its static outputs once too. Nothing shared reaches a caller as it is: `instantiate`
 * copies every input it passes to a resource and `staticOutput` copies the static outputs.
 */

/** A rendered plan with its static outputs, computed once per (selection, renderer, options). */
export interface SharedPlan {
  readonly plan: Plan;
  readonly widenings: readonly WideningOutput[];
  readonly quotas: readonly QuotaUsageOutput[];
  readonly appSettings: readonly AppSettingOutput[];
}

/** The static outputs of each shared (frozen) plan, made once. */
const outputs = new WeakMap<Plan, SharedPlan>();

/**
 * The args' resolution, shared between identical selections: the args are validated every
 * time (the zod parse in `selectionFromArgs`), and the validated selection is the key.
 */
export function sharedResolution(args: PlainSelectionArgs): SharedResolution {
  return sharedPureResolution(selectionFromArgs(args));
}

/**
 * Gives the components a resolution made elsewhere for these args (the root program's, of the
 * same selection as the stack spells it), so components given `args` find it and its plans.
 */
export function shareArgsResolution(args: PlainSelectionArgs, resolution: Resolution): void {
  shareResolution(selectionFromArgs(args), resolution);
}

/**
 * `render(resolution, options)` with its static outputs, shared between identical selections,
 * renderers (`name`) and options. Errors are not cached: bad options throw every time.
 */
export function sharedPlan<O>(
  resolved: SharedResolution, name: PlanName, options: O, render: (resolution: Resolution, options: O) => Plan,
): SharedPlan {
  const plan = sharedPurePlan(resolved, name, options, render);
  const cached = outputs.get(plan);
  if (cached) return cached;
  // Only a cached plan is frozen before this (a plan whose inputs could not be keyed is not).
  const isShared = Object.isFrozen(plan);
  const shared = deepFreeze({
    plan,
    widenings: wideningOutputs(plan.widenings),
    quotas: quotaOutputs(plan.quotas),
    appSettings: appSettingOutputs(resolved.resolution.appSettings),
  });
  if (isShared) outputs.set(plan, shared);
  return shared;
}
