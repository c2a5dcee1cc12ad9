/**
 * Engine conformance (run by conformance.test.ts): the Network Firewall rules the renderer writes, run in real Suricata 7
 * (IPS-simulated, strict order emulated by sentinels) over captures of hundreds of flows per
 * scenario, must agree with the model's `allows`:
 * - a flow the model allows is passed by the engine (the one accepted exception: a name sent
 *   with its root dot on the wire, which the renderer documents as not matched, fails closed);
 * - a flow the engine passes but the model denies is covered by a reported widening
 *   (see widening-coverage.ts for the exact rule).
 * Each scenario runs under both strict-order default actions the renderer supports.
 */
import { allows, parsePortRange } from "../../src/model";
import { resolve } from "../../src/resolve";
import { DEFAULT_SURICATA_OPTIONS, RULE_GROUP_TYPE, renderNetworkFirewallRules } from "../../src/renderers/aws";
import { Plan, Widening } from "../../src/renderers/plan";
import { AppPorts, HOME_NET, Probe, checkAddressPlan, probesFor, testFlowOf, wireOf } from "./probes";
import { ENGINE_SCENARIOS, EngineScenario } from "./scenarios";
import { DefaultAction, RuleVariables, flowVerdicts, requireSuricata } from "./suricata";
import { coveringWidening } from "./widening-coverage";

/** The rule group's `rulesString` and rule variables, as the plan hands them to AWS. */
export function ruleGroupOf(plan: Plan): { rules: string; vars: RuleVariables } {
  const group = plan.resources.find((r) => r.type === RULE_GROUP_TYPE)!;
  const spec = group.inputs.ruleGroup as {
    rulesSource: { rulesString: string };
    ruleVariables?: { ipSets: { key: string; ipSet: { definitions: string[] } }[] };
  };
  const ipSets = Object.fromEntries((spec.ruleVariables?.ipSets ?? []).map((s) => [s.key, s.ipSet.definitions]));
  return { rules: spec.rulesSource.rulesString, vars: { ipSets } };
}

export function appPortsOf(scenario: EngineScenario): AppPorts {
  const parse = (list: (string | number)[] | undefined, fallback: AppPorts["tlsPorts"]) => (list ? list.map((p) => parsePortRange(p)) : fallback);
  return {
    tlsPorts: parse(scenario.options?.tlsPorts, DEFAULT_SURICATA_OPTIONS.tlsPorts),
    httpPorts: parse(scenario.options?.httpPorts, DEFAULT_SURICATA_OPTIONS.httpPorts),
  };
}

export interface ConformanceResult {
  scenario: string;
  defaultAction: DefaultAction;
  rules: number;
  flows: number;
  modelAllowed: number;
  enginePassed: number;
  /** Passed by the engine, denied by the model, covered by a reported widening. */
  widened: number;
  /** Model allows, engine denies: names sent with a trailing dot (fail closed, documented). */
  trailingDot: number;
  failures: string[];
}

/** A deliberate fault put into a rendered plan, to show the comparison catches it. */
export type Sabotage = (rendered: { rules: string; widenings: readonly Widening[] }) => { rules: string; widenings: readonly Widening[] };

/** Renders a scenario, runs its probes through Suricata and compares every verdict with the model. */
export function runConformance(scenario: EngineScenario, defaultAction: DefaultAction, sabotage?: Sabotage): ConformanceResult {
  const resolution = resolve(scenario.selection);
  checkAddressPlan(resolution.ruleSet);
  const plan = renderNetworkFirewallRules(resolution, { ...scenario.options, homeNet: [HOME_NET] });
  const group = ruleGroupOf(plan);
  const vars = group.vars;
  const { rules, widenings } = sabotage ? sabotage({ rules: group.rules, widenings: plan.widenings }) : { rules: group.rules, widenings: plan.widenings };
  const ports = appPortsOf(scenario);
  const probes = probesFor(resolution.ruleSet, ports);
  const flows = probes.map((p, i) => testFlowOf(p, i, ports));
  const verdicts = flowVerdicts(rules, flows, vars, { defaultAction });
  const result: ConformanceResult = {
    scenario: scenario.name, defaultAction, rules: rules.split("\n").length, flows: probes.length,
    modelAllowed: 0, enginePassed: 0, widened: 0, trailingDot: 0, failures: [],
  };
  const describe = (p: Probe, engine: boolean, model: boolean) =>
    `${p.label} [${JSON.stringify(flows[probes.indexOf(p)].payload)} to ${p.remote}]: engine ${engine ? "passes" : "denies"}, model ${model ? "allows" : "denies"}`;
  probes.forEach((p, i) => {
    const model = allows(resolution.ruleSet, p.model);
    const engine = verdicts.get(flows[i].id)!.passed;
    if (model) result.modelAllowed++;
    if (engine) result.enginePassed++;
    if (engine && !model) {
      if (coveringWidening(widenings, wireOf(p, flows[i]))) result.widened++;
      else result.failures.push(`${describe(p, engine, model)}, and no reported widening covers it`);
    } else if (model && !engine) {
      if (p.rawTrailingDot) result.trailingDot++;
      else result.failures.push(describe(p, engine, model));
    }
  });
  return result;
}

export function conformanceReport(results: readonly ConformanceResult[], suricata: string): string {
  const total = (k: "flows" | "modelAllowed" | "enginePassed" | "widened" | "trailingDot") => results.reduce((n, r) => n + r[k], 0);
  return [
    "# Engine conformance report",
    "",
    `${suricata}, IPS-simulated; HOME_NET ${HOME_NET}; strict order emulated per default action.`,
    "Flows: probes per scenario (model flow + packets). Allowed: model allows. Passed: engine passes.",
    "Widened: engine passes, model denies, covered by a reported widening. Trailing dot: model allows, the",
    "engine denies a name sent with its root dot (documented fail-closed). Mismatches must be 0.",
    "",
    "| scenario | default action | rules | flows | allowed | passed | widened | trailing dot | mismatches |",
    "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ...results.map((r) => `| ${r.scenario} | ${r.defaultAction} | ${r.rules} | ${r.flows} | ${r.modelAllowed} | ${r.enginePassed} | ${r.widened} | ${r.trailingDot} | ${r.failures.length} |`),
    `| **total** | | | **${total("flows")}** | ${total("modelAllowed")} | ${total("enginePassed")} | ${total("widened")} | ${total("trailingDot")} | ${results.reduce((n, r) => n + r.failures.length, 0)} |`,
    "",
  ].join("\n");
}
