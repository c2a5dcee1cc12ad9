import type { PlainSelectionArgs } from "../../src/args/selection-args";
import type { SharedPlan, SharedResolution } from "../../src/components/plan-cache";
import { AZURE_LOCATION, AZURE_RESOURCE_GROUP, Cloud, LANDING_ZONE_EDITION, LANDING_ZONE_SDKS, vpcId } from "./landing-zone";

/*
 * What-ifs for the diagnosis, not changes to the package: they go through the plan cache the
 * components call (through its CommonJS module object, which the components read at every call).
 */
interface PlanCacheModule {
  sharedResolution(args: PlainSelectionArgs): SharedResolution;
  sharedPlan(...args: unknown[]): SharedPlan;
  clearPlanCaches(): void;
  planCacheSizes(): { resolutions: number; plans: number };
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

/**
 * The landing zone's plan computed before the timing starts, by the calls the component's
 * constructor makes (AwsSecurityGroups / AzureNsgRules), so every component finds it cached:
 * the difference to the plain construction is what the process's first, cold plan costs.
 * Returns a check that the construction really computed no plan of its own.
 */
export function warmPlanCache(cloud: Cloud): () => void {
  const cache = planCache();
  if (cloud === Cloud.Aws) {
    const settings = require("../../src/args/aws-settings") as typeof import("../../src/args/aws-settings");
    const { renderSecurityGroupRules } = require("../../src/renderers/aws") as typeof import("../../src/renderers/aws");
    const args = { edition: LANDING_ZONE_EDITION, sdks: LANDING_ZONE_SDKS, vpcId: vpcId(0) };
    const resolved = cache.sharedResolution(args);
    cache.sharedPlan(resolved, "aws-security-groups", settings.awsTarget("securityGroups", { vpcId: args.vpcId }).options, renderSecurityGroupRules);
  } else {
    const { planAzureEgress } = require("../../src/components/azure/azure-plan") as typeof import("../../src/components/azure/azure-plan");
    const { pickSettings } = require("../../src/args/azure-settings") as typeof import("../../src/args/azure-settings");
    const args = { edition: LANDING_ZONE_EDITION, sdks: LANDING_ZONE_SDKS, resourceGroupName: AZURE_RESOURCE_GROUP, location: AZURE_LOCATION };
    planAzureEgress({ ...args, nsg: pickSettings(args, "nsg") });
  }
  const before = cache.planCacheSizes();
  return () => {
    const after = cache.planCacheSizes();
    if (after.resolutions !== before.resolutions || after.plans !== before.plans) {
      throw new Error(`warm what-if: the components computed plans of their own (${JSON.stringify(before)} → ${JSON.stringify(after)})`);
    }
  };
}
