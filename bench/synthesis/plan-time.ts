import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { SelectionInput, resolve } from "../../src/resolve";
import { renderSecurityGroupRules } from "../../src/renderers/aws";
import { renderAzurePlan } from "../../src/renderers/azure";
import { ref } from "../../src/renderers/plan";
import { runChild } from "../report/child";
import { median } from "../report/stats";
import { AZURE_LOCATION, AZURE_RESOURCE_GROUP, Cloud, LANDING_ZONE_SDKS } from "./landing-zone";

/** The components' own work per construction, warm (this process, after a warm-up call). */
export interface PlanTime {
  readonly title: string;
  readonly resolveMs: number;
  readonly securityGroupsMs: number;
  readonly nsgMs: number;
}

/** The same work in fresh processes: the first plan, and the mean of the next nine, ms. */
export type ColdPlanTime = Record<Cloud, { first: number; next: number }>;

function timed(fn: () => unknown, runs: number): number {
  fn();
  return median(Array.from({ length: runs }, () => {
    const t0 = performance.now();
    fn();
    return performance.now() - t0;
  }));
}

export function planTime(title: string, selection: SelectionInput, runs: number): PlanTime {
  const resolution = resolve(selection);
  const sg = () => {
    try {
      renderSecurityGroupRules(resolution, { vpcId: ref("vpc", "id") });
    } catch {
      // Refused for quota: finding that out is part of the work.
    }
  };
  return {
    title,
    resolveMs: timed(() => resolve(selection), runs),
    securityGroupsMs: timed(sg, runs),
    nsgMs: timed(() => renderAzurePlan(resolution, { resourceGroupName: AZURE_RESOURCE_GROUP, location: AZURE_LOCATION, nsg: {} }), runs),
  };
}

/** Median over `runs` fresh processes of the landing-zone plan, call by call (bench/synthesis/plan-child.ts). */
export function coldPlanTime(runs: number): ColdPlanTime {
  const measure = (cloud: Cloud) => {
    const series = Array.from({ length: runs }, () => runChild<number[]>(join(__dirname, "plan-child.js"), [cloud, "10"]).result);
    return { first: median(series.map((t) => t[0])), next: median(series.map((t) => t.slice(1).reduce((a, b) => a + b, 0) / (t.length - 1))) };
  };
  return { [Cloud.Aws]: measure(Cloud.Aws), [Cloud.Azure]: measure(Cloud.Azure) };
}
