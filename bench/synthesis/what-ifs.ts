import type { AgoraSelectionArgs } from "../../src/components/selection-args";
import type { SharedPlan, SharedResolution } from "../../src/components/plan-cache";

/*
 * What-ifs for the diagnosis, not changes to the package: they wrap the plan cache the components
 * call (through its CommonJS module object, which the components read at every call).
 */
interface PlanCacheModule {
  sharedResolution(args: AgoraSelectionArgs): SharedResolution;
  sharedPlan(...args: unknown[]): SharedPlan;
  clearPlanCaches(): void;
}

const planCache = () => require("../../src/components/plan-cache") as PlanCacheModule;

/** Every component resolves and renders its own plan, as before the cache: the cache is emptied before each one. */
export function withoutPlanCache(): void {
  const cache = planCache();
  const sharedResolution = cache.sharedResolution;
  cache.sharedResolution = (args) => {
    cache.clearPlanCaches();
    return sharedResolution(args);
  };
}

/** The static outputs (widenings, quota use, application settings) registered empty: what registering them costs Pulumi. */
export function emptyStaticOutputs(): void {
  const cache = planCache();
  const sharedPlan = cache.sharedPlan;
  cache.sharedPlan = (...args) => ({ ...sharedPlan(...args), widenings: [], quotas: [], appSettings: [] });
}
