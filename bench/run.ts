import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve as resolvePath } from "node:path";
import { performance } from "node:perf_hooks";
import { capacityOf } from "./capacity";
import { churnOf, transitions } from "./churn";
import { economyOf } from "./economy";
import { measureLoad } from "./load";
import { measurePackaging, packagingMarkdown } from "./packaging";
import { ORGANIZATION_STEPS, measureOrganization, organizationMarkdown, writeOrganizationSection } from "./organization";
import { capacityReport } from "./report/capacity-report";
import { churnReport } from "./report/churn-report";
import { economyReport } from "./report/economy-report";
import { describeMachine } from "./report/machine";
import { plain } from "./report/markdown";
import { resultsMarkdown } from "./report/results";
import { synthesisReport } from "./report/synthesis-report";
import { PROXY_SDKS, SCENARIOS, production, scatteredAddresses } from "./scenarios";
import { SynthesisStep, measureAliases, measureSynthesis, writeTemplates } from "./synthesis";
import { Cloud, Construction, LANDING_ZONE_EDITION, LANDING_ZONE_SDKS } from "./synthesis/landing-zone";
import { coldPlanTime, planTime } from "./synthesis/plan-time";

/** Repository root (this file runs from build/bench/bench/). */
const ROOT = resolvePath(__dirname, "../../..");
export const COMMAND = "npm run bench  (tsc -p bench/tsconfig.json && node build/bench/bench/run.js)";

/** BENCH_QUICK=1: small sizes and few runs, for working on the bench itself. */
const QUICK = process.env.BENCH_QUICK === "1";
const ALL = [Construction.Direct, Construction.DirectGrouped, Construction.Component, Construction.ComponentUncached, Construction.ComponentWarm];
// With one network the cache has nothing to share (and at 500 a run without it takes too long): only the cold plan's what-if.
const ONE = [Construction.Direct, Construction.Component, Construction.ComponentWarm];
const STEPS: SynthesisStep[] = QUICK
  ? [{ cloud: Cloud.Aws, size: 1, runs: 3, constructions: ONE }, { cloud: Cloud.Aws, size: 10, runs: 3, constructions: ALL },
    { cloud: Cloud.Azure, size: 1, runs: 3, constructions: ONE }, { cloud: Cloud.Azure, size: 10, runs: 3, constructions: ALL }]
  : [
    // Small landing zones take about a second per process and vary most: more runs.
    { cloud: Cloud.Aws, size: 1, runs: 15, constructions: ONE },
    { cloud: Cloud.Aws, size: 10, runs: 9, constructions: ALL },
    { cloud: Cloud.Aws, size: 100, runs: 5, constructions: ALL },
    // One run each: 500 VPCs take about half a minute per process.
    { cloud: Cloud.Aws, size: 500, runs: 1, constructions: ONE },
    { cloud: Cloud.Azure, size: 1, runs: 15, constructions: ONE },
    { cloud: Cloud.Azure, size: 10, runs: 5, constructions: ALL },
    { cloud: Cloud.Azure, size: 100, runs: 3, constructions: [Construction.Direct, Construction.Component, Construction.ComponentUncached, Construction.ComponentWarm] },
  ];
const LOAD_RUNS = QUICK ? 3 : 11;

const log = (line: string) => console.log(line);

function section(title: string, tables: readonly string[]): void {
  log(`\n== ${title} ==`);
  for (const t of tables) log(`\n${plain(t)}`);
}

function main(): void {
  const started = performance.now();
  const machineBefore = describeMachine(ROOT);
  log(`agora-egress benchmarks${QUICK ? " (BENCH_QUICK: small sizes, few runs)" : ""}; ${machineBefore.cpus} CPUs, load average ${machineBefore.loadAverage.map((l) => l.toFixed(2)).join(" ")}`);

  const economyRows = SCENARIOS.map(economyOf);
  const economy = economyReport(economyRows);
  section("1. Rule economy (ours / lower bound; naive = one rule per table cell)", economy.tables);

  const churnRows = transitions().map(churnOf);
  const churn = churnReport(churnRows);
  section("2. Churn (diffPlans; ours / minimum)", churn.tables);

  const capacityRows = SCENARIOS.map(capacityOf);
  const capacity = capacityReport(capacityRows);
  section("4. Network Firewall capacity", capacity.tables);

  log("\n== 3. Synthesis cost (fresh child processes; this takes a few minutes) ==");
  const templates = writeTemplates(join(ROOT, "build", "bench", "data"));
  const points = measureSynthesis(STEPS, templates, log);
  const aliases = measureAliases(QUICK ? 100 : 200, QUICK ? 1 : 3, log);
  const load = measureLoad(LOAD_RUNS, QUICK ? 1 : 3, log);
  const plans = [
    planTime("Landing-zone selection (all six SDKs, direct)", { edition: LANDING_ZONE_EDITION, sdks: LANDING_ZONE_SDKS }, 50),
    planTime("Production, 200 endpoint addresses", production(scatteredAddresses(200), PROXY_SDKS), 5),
  ];
  const cold = coldPlanTime(QUICK ? 1 : 5);
  const synthesis = synthesisReport(points, load, aliases, plans, cold);
  section("3. Synthesis cost", synthesis.tables);

  log("\n== 5. Packaging (npm start, load time per cloud, installed size) ==");
  const packaging = measurePackaging(ROOT, QUICK, log);
  section("5. Packaging", [packagingMarkdown(packaging)]);

  log("\n== 6. Organisation scope (per-network components vs Firewall Manager / Virtual Network Manager) ==");
  const organization = measureOrganization(QUICK ? [{ networks: 10, accounts: 2 }, { networks: 50, accounts: 5 }] : ORGANIZATION_STEPS, log);

  const seconds = (performance.now() - started) / 1000;
  const markdown = resultsMarkdown({
    command: COMMAND, quick: QUICK, seconds, machineBefore, machineAfter: describeMachine(ROOT),
    economy, economyRows, churn, churnRows, capacity, capacityRows, synthesis, steps: STEPS, loadRuns: LOAD_RUNS, points, aliases, load, plans, cold, packaging,
  });
  mkdirSync(join(ROOT, "bench"), { recursive: true });
  const out = join(ROOT, "bench", "RESULTS.md");
  writeFileSync(out, markdown);
  writeOrganizationSection(out, organizationMarkdown(organization, `the full run${QUICK ? " (BENCH_QUICK)" : ""}`));
  log(`\nWrote ${out} in ${seconds.toFixed(0)} s.`);
}

main();
