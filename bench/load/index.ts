import { join } from "node:path";
import { runChild } from "../report/child";
import { median } from "../report/stats";
import { LoadResult, LoadVariant } from "./variants";

export interface LoadPoint {
  readonly variant: LoadVariant;
  readonly requireMs: number;
  readonly wallMs: number;
  readonly maxRssMiB: number;
  readonly modules: number;
  readonly runs: number;
}

export interface LoadMeasurement {
  readonly points: readonly LoadPoint[];
  /** Median self time per module group the package adds over the provider baseline, ms. */
  readonly added: Record<string, number>;
}

/** Loads each variant in `runs` fresh processes, interleaved, and profiles what the package adds. */
export function measureLoad(runs: number, profileRuns: number, log: (line: string) => void): LoadMeasurement {
  const variants = [LoadVariant.Providers, LoadVariant.Package, LoadVariant.ProvidersAndZod];
  const results = new Map<LoadVariant, { result: LoadResult; wallMs: number }[]>(variants.map((v) => [v, []]));
  for (let run = 0; run < runs; run++) {
    for (const v of variants) {
      const child = runChild<LoadResult>(join(__dirname, "child.js"), [v]);
      results.get(v)!.push(child);
    }
    log(`  load run ${run + 1}/${runs}: ${variants.map((v) => `${v} ${results.get(v)![run].result.requireMs.toFixed(0)} ms`).join(", ")}`);
  }
  const points = variants.map((variant) => {
    const rs = results.get(variant)!;
    return {
      variant,
      requireMs: median(rs.map((r) => r.result.requireMs)),
      wallMs: median(rs.map((r) => r.wallMs)),
      maxRssMiB: median(rs.map((r) => r.result.maxRssKiB / 1024)),
      modules: rs[0].result.modules,
      runs: rs.length,
    };
  });
  const profiles = Array.from({ length: profileRuns }, () => runChild<Record<string, number>>(join(__dirname, "profile-child.js"), []).result);
  const groups = [...new Set(profiles.flatMap((p) => Object.keys(p)))];
  const added = Object.fromEntries(groups.map((g) => [g, median(profiles.map((p) => p[g] ?? 0))]).sort((a, b) => (b[1] as number) - (a[1] as number)));
  return { points, added };
}
