import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { resolve } from "../../src/resolve";
import { renderSecurityGroupRules } from "../../src/renderers/aws";
import { renderAzurePlan } from "../../src/renderers/azure";
import { ref } from "../../src/renderers/plan";
import { runChild } from "../report/child";
import { median } from "../report/stats";
import { AZURE_LOCATION, AZURE_RESOURCE_GROUP, ChildResult, Cloud, Construction, LANDING_ZONE_EDITION, LANDING_ZONE_SDKS, SpecTemplate } from "./landing-zone";

/** One landing-zone size to measure: how many fresh processes per construction, and which constructions. */
export interface SynthesisStep {
  readonly cloud: Cloud;
  readonly size: number;
  readonly runs: number;
  readonly constructions: readonly Construction[];
}

export interface SynthesisPoint {
  readonly cloud: Cloud;
  readonly size: number;
  readonly construction: Construction;
  readonly runs: readonly ChildResult[];
  readonly synthesisMs: number;
  readonly synthesisCpuMs: number;
  readonly maxRssMiB: number;
  readonly registrations: number;
}

/** Children get room beyond the default heap: 500 networks of Pulumi resources under mocks take several GB. */
const CHILD_FLAGS = ["--max-old-space-size=8192"];

/**
 * The specs one network's component creates, rendered the way the components call the renderers,
 * for the direct child to build by hand (`${vpc.id}` stays a reference it fills in per VPC).
 */
export function writeTemplates(dir: string): Record<Cloud, string> {
  mkdirSync(dir, { recursive: true });
  const resolution = resolve({ edition: LANDING_ZONE_EDITION, sdks: LANDING_ZONE_SDKS });
  const templates: Record<Cloud, SpecTemplate> = {
    [Cloud.Aws]: renderSecurityGroupRules(resolution, { vpcId: ref("vpc", "id") }),
    [Cloud.Azure]: renderAzurePlan(resolution, {
      resourceGroupName: AZURE_RESOURCE_GROUP, location: AZURE_LOCATION, nsg: {},
    }),
  };
  const paths = { [Cloud.Aws]: join(dir, "landing-zone-aws.json"), [Cloud.Azure]: join(dir, "landing-zone-azure.json") };
  for (const cloud of [Cloud.Aws, Cloud.Azure]) writeFileSync(paths[cloud], JSON.stringify(templates[cloud]));
  return paths;
}

/** Runs every step, interleaving the constructions run by run so machine noise hits them alike. */
export function measureSynthesis(steps: readonly SynthesisStep[], templates: Record<Cloud, string>, log: (line: string) => void): SynthesisPoint[] {
  const points: SynthesisPoint[] = [];
  for (const step of steps) {
    const runs = new Map<Construction, ChildResult[]>(step.constructions.map((c) => [c, []]));
    for (let run = 0; run < step.runs; run++) {
      for (const construction of step.constructions) {
        const child = [Construction.Component, Construction.ComponentUncached, Construction.ComponentWarm].includes(construction)
          ? runChild<ChildResult>(join(__dirname, "component-child.js"), [step.cloud, String(step.size), construction], CHILD_FLAGS)
          : runChild<ChildResult>(join(__dirname, "direct-child.js"), [step.cloud, String(step.size), templates[step.cloud], construction], CHILD_FLAGS);
        runs.get(construction)!.push(child.result);
        log(`  ${step.cloud} ${String(step.size).padStart(3)} ${construction.padEnd(18)} run ${run + 1}/${step.runs}: ${child.result.synthesisMs.toFixed(0)} ms (CPU ${child.result.synthesisCpuMs.toFixed(0)}), ${(child.result.maxRssKiB / 1024).toFixed(0)} MiB`);
      }
    }
    for (const [construction, results] of runs) {
      points.push({
        cloud: step.cloud, size: step.size, construction, runs: results,
        synthesisMs: median(results.map((r) => r.synthesisMs)),
        synthesisCpuMs: median(results.map((r) => r.synthesisCpuMs)),
        maxRssMiB: median(results.map((r) => r.maxRssKiB / 1024)),
        registrations: results[0].registrations,
      });
    }
  }
  return points;
}

export interface AliasPoint {
  readonly count: number;
  readonly aliases: number;
  readonly grouped: boolean;
  readonly synthesisMs: number;
  readonly maxRssMiB: number;
}

/** The cost of type aliases under a parent or not: `count` resources, median of `runs` fresh processes each. */
export function measureAliases(count: number, runs: number, log: (line: string) => void): AliasPoint[] {
  const cases = [[0, false], [60, false], [0, true], [60, true]] as const;
  const results = new Map<string, { synthesisMs: number; maxRssKiB: number }[]>(cases.map(([a, g]) => [`${a} ${g}`, []]));
  for (let run = 0; run < runs; run++) {
    for (const [aliases, grouped] of cases) {
      const child = runChild<{ synthesisMs: number; maxRssKiB: number }>(join(__dirname, "alias-child.js"), [String(count), String(aliases), grouped ? "yes" : "no"], CHILD_FLAGS);
      results.get(`${aliases} ${grouped}`)!.push(child.result);
    }
    log(`  aliases run ${run + 1}/${runs}`);
  }
  return cases.map(([aliases, grouped]) => {
    const rs = results.get(`${aliases} ${grouped}`)!;
    return { count, aliases, grouped, synthesisMs: median(rs.map((r) => r.synthesisMs)), maxRssMiB: median(rs.map((r) => r.maxRssKiB / 1024)) };
  });
}
