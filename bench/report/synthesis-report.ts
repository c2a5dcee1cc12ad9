import { LoadMeasurement } from "../load";
import { LoadVariant } from "../load/variants";
import { AliasPoint, SynthesisPoint } from "../synthesis";
import { Cloud, Construction } from "../synthesis/landing-zone";
import { ColdPlanTime, PlanTime } from "../synthesis/plan-time";
import { fixed, formatNumber, table } from "./markdown";

const n = formatNumber;
const x = (v: number) => (Number.isFinite(v) ? `${fixed(v, 2)}×` : "—");

export interface SynthesisSummary {
  readonly markdown: string;
  readonly tables: string[];
  /**
   * component / direct per cloud and size: `cpu` is the headline (CPU time), `time` wall-clock; what-ifs (no plan cache, first
   * plan computed beforehand) and grouped in CPU time, NaN where not measured.
   */
  readonly ratios: { cloud: Cloud; size: number; time: number; cpu: number; memory: number; vsGrouped: number; uncached: number; warm: number }[];
  readonly loadRatio: number;
}

export function synthesisReport(
  points: readonly SynthesisPoint[], load: LoadMeasurement, aliases: readonly AliasPoint[], plans: readonly PlanTime[], cold: ColdPlanTime,
): SynthesisSummary {
  const find = (cloud: Cloud, size: number, c: Construction) => points.find((p) => p.cloud === cloud && p.size === size && p.construction === c);
  const ratios: SynthesisSummary["ratios"] = [];
  const tables: string[] = [];
  const sections: string[] = [];
  for (const cloud of [Cloud.Aws, Cloud.Azure]) {
    const sizes = [...new Set(points.filter((p) => p.cloud === cloud).map((p) => p.size))].sort((a, b) => a - b);
    const rows = sizes.map((size) => {
      const d = find(cloud, size, Construction.Direct)!;
      const g = find(cloud, size, Construction.DirectGrouped);
      const c = find(cloud, size, Construction.Component)!;
      const u = find(cloud, size, Construction.ComponentUncached);
      const w = find(cloud, size, Construction.ComponentWarm);
      const cpu = (p: SynthesisPoint | undefined) => (p ? p.synthesisCpuMs / d.synthesisCpuMs : Number.NaN);
      const r = {
        cloud, size, time: c.synthesisMs / d.synthesisMs, cpu: cpu(c), memory: c.maxRssMiB / d.maxRssMiB,
        vsGrouped: g ? c.synthesisCpuMs / g.synthesisCpuMs : Number.NaN, uncached: cpu(u), warm: cpu(w),
      };
      ratios.push(r);
      const whatIf = (p: SynthesisPoint | undefined) => (p ? `${n(p.synthesisCpuMs)} (${x(cpu(p))})` : "—");
      // Runs alternate constructions, so run i of each ran under the same conditions: the spread of their ratios shows the noise.
      const paired = c.runs.map((run, i) => run.synthesisCpuMs / d.runs[i].synthesisCpuMs);
      const spread = paired.length > 1 ? `${fixed(Math.min(...paired), 2)}–${fixed(Math.max(...paired), 2)}` : "—";
      return [size, `${n(d.registrations)} / ${n(c.registrations)}`, n(d.synthesisCpuMs), g ? `${n(g.synthesisCpuMs)} (${x(cpu(g))})` : "—",
        n(c.synthesisCpuMs), `**${x(r.cpu)}**`, spread, `${n(d.synthesisMs)} / ${n(c.synthesisMs)} (${x(r.time)})`, whatIf(u), whatIf(w),
        n(d.maxRssMiB), n(c.maxRssMiB), x(r.memory), d.runs.length];
    });
    const t = table(
      [cloud === Cloud.Aws ? "VPCs" : "VNets", "registrations (direct / component)", "direct CPU ms", "direct, grouped CPU ms", "component CPU ms",
        "CPU ratio", "CPU ratio, run by run (min–max)", "wall ms, direct / component (ratio)", "what-if: no plan cache, CPU ms (ratio)", "what-if: first plan computed beforehand, CPU ms (ratio)",
        "direct peak RSS MiB", "component peak RSS MiB", "memory ratio", "runs"],
      rows,
    );
    tables.push(t);
    sections.push(`#### ${cloud === Cloud.Aws ? "AWS: one `AwsSecurityGroups` per VPC" : "Azure: one `AzureNsgRules` per VNet"}`, "", t, "");
  }

  const byVariant = (v: LoadVariant) => load.points.find((p) => p.variant === v)!;
  const pkg = byVariant(LoadVariant.Package);
  const providers = byVariant(LoadVariant.Providers);
  const withZod = byVariant(LoadVariant.ProvidersAndZod);
  const loadRatio = pkg.requireMs / providers.requireMs;
  const loadTable = table(
    ["What is loaded", "require time ms", "process wall ms", "peak RSS MiB", "modules", "runs"],
    [
      ["provider submodules + the classes the components construct", n(providers.requireMs), n(providers.wallMs), n(providers.maxRssMiB), providers.modules, providers.runs],
      ["the package entry (`src/index.ts` as built into `dist/src/index.js`)", n(pkg.requireMs), n(pkg.wallMs), n(pkg.maxRssMiB), pkg.modules, pkg.runs],
      ["provider submodules + classes + zod", n(withZod.requireMs), n(withZod.wallMs), n(withZod.maxRssMiB), withZod.modules, withZod.runs],
      ["**ratio package / providers**", x(loadRatio), x(pkg.wallMs / providers.wallMs), x(pkg.maxRssMiB / providers.maxRssMiB), "", ""],
    ],
  );
  tables.push(loadTable);
  const addedTable = table(["Module group the package adds", "self time ms (median)"],
    Object.entries(load.added).filter(([, v]) => v >= 0.5).map(([k, v]) => [k.startsWith("src/") ? `\`${k}\`` : k, fixed(v, 1)]));
  tables.push(addedTable);

  const aliasTable = table(["type aliases per resource", "parent", "ms", "peak RSS MiB"],
    aliases.map((a) => [a.aliases, a.grouped ? "a component" : "the Stack", n(a.synthesisMs), n(a.maxRssMiB)]));
  tables.push(aliasTable);
  const planTable = table(["Selection", "resolve ms", "render security groups ms", "render NSG ms"],
    plans.map((p) => [p.title, fixed(p.resolveMs, 2), fixed(p.securityGroupsMs, 2), fixed(p.nsgMs, 2)]));
  tables.push(planTable);
  const warm = plans[0];
  const coldTable = table(["Landing-zone plan (all six SDKs, direct)", "first call in a fresh process ms", "calls 2-10, mean ms", "warm ms"], [
    ["AWS: resolve + security groups", fixed(cold[Cloud.Aws].first, 1), fixed(cold[Cloud.Aws].next, 1), fixed(warm.resolveMs + warm.securityGroupsMs, 1)],
    ["Azure: resolve + NSG", fixed(cold[Cloud.Azure].first, 1), fixed(cold[Cloud.Azure].next, 1), fixed(warm.resolveMs + warm.nsgMs, 1)],
  ]);
  tables.push(coldTable);

  const markdown = [
    ...sections,
    "#### Load time", "", loadTable, "", "What the package loads beyond the baseline (self time of each module group, `Module._load` timed):", "", addedTable, "",
    "#### Why Azure resources cost so much under Pulumi (the same in both constructions)", "", aliasTable, "",
    "#### One plan: resolve + render (what the cache computes once per distinct selection and options)", "", coldTable, "", "Warm, in-process medians:", "", planTable,
  ].join("\n");
  return { markdown, tables, ratios, loadRatio };
}
