import { resolve as resolvePath } from "path";
import { FlowChange, ResourceChange, SdkFlowChange, countActions, diffFlowsPerSdk, diffPlans, diffRuleSets } from "../../diff";
import { DroppedRoute, resolveEditionSide } from "../edition-side";
import { InputError } from "../../model";
import { PriorityClash, priorityClashes } from "../../renderers/azure";
import { EMPTY_PLAN, Plan } from "../../renderers/plan";
import { Resolution } from "../../resolve";
import { StackSelection, readStackSelection } from "../../stack";
import { CliContext, printNotes } from "../context";
import { jsonText } from "../format/json";
import { PLAN_KEYS, PlanKey, isOrganizationPlan } from "../planners";
import { SelectionFlags, resolveFlags } from "../selection";
import { CLOUD_TITLES, runPlanner } from "./plan";

export const DIFF_FORMATS = ["md", "json"] as const;

export interface DiffFlags extends SelectionFlags {
  fromStack?: string;
  toStack?: string;
  fromEdition?: string;
  toEdition?: string;
  format: (typeof DIFF_FORMATS)[number];
}

/** One side of the comparison: the shared selection with its own stack and edition. */
interface Side {
  readonly label: string;
  readonly resolution: Resolution;
  readonly stack?: StackSelection;
  readonly notes: readonly string[];
  /** The side is cloud-proxy in production (and so takes --production-proxy FILE). */
  readonly production: boolean;
  /** Edition comparisons: what the side's edition does not offer of the selection, left out of it. */
  readonly dropped: readonly DroppedRoute[];
}

interface CloudDiff {
  readonly cloud: PlanKey;
  /** Set when neither side deploys to this cloud. */
  readonly skipped?: string;
  readonly changes: readonly ResourceChange[];
  readonly unchanged: number;
  /** Azure only: NSG rules the update creates or moves onto a priority another rule still holds. */
  readonly priorityClashes?: readonly PriorityClash[];
}


/** Does this side's selection (stack, then flags) come out cloud-proxy in production? */
function isProductionProxy(ctx: CliContext, flags: SelectionFlags): boolean {
  let stack: StackSelection | undefined;
  if (flags.stack !== undefined) stack = readStackSelection(flags.dir ? resolvePath(ctx.cwd, flags.dir) : ctx.cwd, flags.stack, { deferSecrets: ["productionProxy"] });
  const access = flags.access ?? stack?.selection.access ?? "direct";
  const environment = flags.env ?? stack?.selection.environment ?? "test";
  return access === "cloud-proxy" && environment === "production";
}

/**
 * Each side's flag needs the other side's, or the shared flag that serves a side without its
 * own (`--from-stack A` needs `--to-stack B` or `--stack B`); the shared flag with both sides
 * given would serve neither. Refused with the flag to add or drop, never guessed.
 */
function checkFlagPairs(flags: DiffFlags): void {
  const pairs = [
    { from: "--from-stack", to: "--to-stack", shared: "--stack", value: "NAME", sides: [flags.fromStack, flags.toStack], common: flags.stack },
    { from: "--from-edition", to: "--to-edition", shared: "--edition", value: "ID", sides: [flags.fromEdition, flags.toEdition], common: flags.edition },
  ];
  for (const p of pairs) {
    const [fromValue, toValue] = p.sides;
    if ((fromValue === undefined) !== (toValue === undefined) && p.common === undefined) {
      const [given, missing, value] = fromValue !== undefined ? [p.from, p.to, fromValue] : [p.to, p.from, toValue];
      throw new InputError(missing, `is missing: ${given} ${value} is compared with ${missing} ${p.value} (or ${p.shared} ${p.value}, the same for both sides)`);
    }
    if (fromValue !== undefined && toValue !== undefined && p.common !== undefined) {
      throw new InputError(p.shared, `is not used: ${p.from} and ${p.to} name both sides (drop ${p.shared}, or one of them)`);
    }
  }
}

/** One side's selection flags: the shared ones with the side's own stack and edition. */
function sideFlags(flags: DiffFlags, which: "from" | "to"): SelectionFlags {
  const stack = (which === "from" ? flags.fromStack : flags.toStack) ?? flags.stack;
  const edition = (which === "from" ? flags.fromEdition : flags.toEdition) ?? flags.edition;
  return { ...flags, stack, edition };
}

function side(ctx: CliContext, flags: DiffFlags, which: "from" | "to"): Side {
  const [stackFlag, editionFlag] = which === "from" ? ["--from-stack", "--from-edition"] : ["--to-stack", "--to-edition"];
  const sideStack = which === "from" ? flags.fromStack : flags.toStack;
  const sideEdition = which === "from" ? flags.fromEdition : flags.toEdition;
  const own = sideFlags(flags, which);
  const { edition } = own;
  try {
    // --production-proxy FILE serves the production side(s) only: a test side refuses endpoints.
    const production = isProductionProxy(ctx, own);
    if (flags.productionProxy !== undefined && !production) delete own.productionProxy;
    // Comparing editions: what one edition does not offer is reported as a withdrawn route, not refused.
    const comparing = flags.fromEdition !== undefined || flags.toEdition !== undefined;
    const { resolution, selection, dropped } = comparing ? resolveEditionSide(ctx, own) : { ...resolveFlags(ctx, own), dropped: [] };
    const label = [
      selection.stack ? `stack ${selection.stack.stack}` : "",
      edition !== undefined || !selection.stack ? `edition ${resolution.edition}` : "",
    ].filter(Boolean).join(", ");
    return { label, resolution, ...(selection.stack ? { stack: selection.stack } : {}), notes: [...selection.notes, ...resolution.notes], production, dropped };
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    if ((err.field === "--stack" || err.field === "stack") && sideStack !== undefined) throw new InputError(stackFlag, err.problem);
    if (err.field === "--edition" && sideEdition !== undefined) throw new InputError(editionFlag, err.problem);
    throw err;
  }
}

/**
 * The target options a side deploys with: its stack's key, the defaults when the side has
 * no stack, or nothing (no resources) when its stack does not deploy to that cloud.
 */
function sidePlan(ctx: CliContext, key: PlanKey, s: Side): Plan | undefined {
  if (s.stack && s.stack[key] === undefined) return undefined;
  if (isOrganizationPlan(key)) {
    // The organisation scopes are planned where a stack configures them, never with defaults.
    if (!s.stack) return undefined;
    return runPlanner(ctx, key === "awsOrganization" ? "aws" : "azure", s.resolution, s.stack, "organization");
  }
  return runPlanner(ctx, key as "aws" | "azure", s.resolution, s.stack);
}

function cloudDiffs(ctx: CliContext, from: Side, to: Side): CloudDiff[] {
  const configured = (key: PlanKey) => !isOrganizationPlan(key) || from.stack?.[key] !== undefined || to.stack?.[key] !== undefined;
  return PLAN_KEYS.filter((cloud) => ctx.planners[cloud] && configured(cloud)).map((cloud) => {
    const before = sidePlan(ctx, cloud, from);
    const after = sidePlan(ctx, cloud, to);
    if (!before && !after) return { cloud, skipped: `not configured in either stack (agora-egress:${cloud})`, changes: [], unchanged: 0 };
    const changes = diffPlans(before ?? EMPTY_PLAN, after ?? EMPTY_PLAN);
    const touched = new Set(changes.map((c) => c.name));
    const unchanged = (after ?? EMPTY_PLAN).resources.filter((r) => !touched.has(r.name)).length;
    if (cloud !== "azure") return { cloud, changes, unchanged };
    return { cloud, changes, unchanged, priorityClashes: priorityClashes(before ?? EMPTY_PLAN, after ?? EMPTY_PLAN) };
  });
}

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");
const code = (text: string) => (text ? `\`${text}\`` : "");

function countsText(d: CloudDiff): string {
  const n = countActions(d.changes);
  return `${n.create} to create, ${n.update} to update, ${n.replace} to replace, ${n.delete} to delete, ${d.unchanged} unchanged`;
}

function sideRows(from: Side, to: Side): string[] {
  const row = (name: string, get: (s: Side) => string) => `| ${name} | ${cell(get(from))} | ${cell(get(to))} |`;
  const sel = (s: Side) => s.resolution.selection;
  return [
    "| | from | to |",
    "| --- | --- | --- |",
    row("stack", (s) => (s.stack ? `${s.stack.stack} (${s.stack.file})` : "none (flags)")),
    row("edition", (s) => s.resolution.edition),
    row("SDKs", (s) => s.resolution.sdks.map((x) => `${x.id}${x.version ? `@${x.version}` : ""} (${x.access})`).join(", ")),
    row("environment", (s) => (sel(s).access === "cloud-proxy" ? sel(s).environment : "— (direct)")),
  ];
}

function ruleRows(rules: readonly FlowChange[]): string[] {
  const added = rules.filter((r) => r.change === "added").length;
  const out = [`### Rules: ${added} flows added, ${rules.length - added} removed`, ""];
  if (rules.length === 0) return [...out, "No flow is added or removed."];
  out.push("| change | direction | protocol | ports | destination | source ports | SDKs |", "| --- | --- | --- | --- | --- | --- | --- |");
  for (const r of rules) {
    out.push(`| ${r.change} | ${r.direction} | ${r.protocol} | ${r.ports.join(", ")} | ${code(r.destination)} | ${(r.sourcePorts ?? []).join(", ")} | ${r.sdks.join(", ")} |`);
  }
  return out;
}

/**
 * A warning, outside the folded table: Pulumi creates a rule before it deletes the one it
 * replaces, so Azure refuses these updates ("same priority and direction").
 */
function clashRows(clashes: readonly PriorityClash[]): string[] {
  if (clashes.length === 0) return [];
  return [
    `> **Warning: ${clashes.length} NSG priority ${clashes.length === 1 ? "clash" : "clashes"}.** Each rule below takes a priority that another rule holds until this update deletes or moves it; Azure refuses two rules with the same priority and direction.`,
    ">",
    ...clashes.map((c) => `> - ${code(c.rule)}: ${c.direction} priority ${c.priority}, held by ${code(c.heldBy)}`),
    ">",
    "> Apply in two steps: delete the rules that hold those priorities first (`pulumi destroy --target <urn>`), then `pulumi up`.",
    "",
  ];
}

function resourceRows(d: CloudDiff): string[] {
  if (d.skipped) return [`### ${CLOUD_TITLES[d.cloud]}: ${d.skipped}`];
  const out = [`### ${CLOUD_TITLES[d.cloud]}: ${countsText(d)}`, "", ...clashRows(d.priorityClashes ?? [])];
  if (d.changes.length === 0) return [...out, "No resource changes."];
  // Folded, so a long list does not bury the rule changes in a pull-request comment.
  out.push(`<details><summary>${d.changes.length} resource changes</summary>`, "");
  out.push("| action | resource | type | changed inputs | why |", "| --- | --- | --- | --- | --- |");
  for (const c of d.changes) {
    out.push(`| ${c.action} | ${code(c.name)} | ${code(c.type)} | ${cell(c.changed.join(", "))} | ${cell(c.reason ?? "")} |`);
  }
  return [...out, "", "</details>"];
}

/** Routes one side's edition does not offer: left out of that side, with what Agora offers instead. */
function withdrawnRows(from: Side, to: Side): string[] {
  const rows = [...from.dropped.map((d) => ["from", d] as const), ...to.dropped.map((d) => ["to", d] as const)];
  if (rows.length === 0) return [];
  return [
    `### Routes withdrawn or not offered: ${rows.length} (left out of the side whose edition does not offer them)`,
    "",
    "| side | edition | SDK or field | why, and what Agora offers instead |",
    "| --- | --- | --- | --- |",
    ...rows.map(([side, d]) => `| ${side} | ${(side === "from" ? from : to).resolution.edition} | ${d.sdk ?? d.field} | ${cell(d.problem)} |`),
    "",
  ];
}

/** Flows added and removed per SDK, each with where it comes from. */
function perSdkRows(flows: readonly SdkFlowChange[]): string[] {
  if (flows.length === 0) return [];
  const out = ["### Flows per SDK, with their sources", ""];
  for (const sdk of [...new Set(flows.map((f) => f.sdk))]) {
    const mine = flows.filter((f) => f.sdk === sdk);
    const added = mine.filter((f) => f.change === "added").length;
    out.push(`#### ${sdk}: ${added} added, ${mine.length - added} removed`, "");
    out.push(`<details><summary>${mine.length} flows</summary>`, "");
    out.push("| change | direction | protocol | ports | destination | source |", "| --- | --- | --- | --- | --- | --- |");
    for (const f of mine) {
      out.push(`| ${f.change} | ${f.direction} | ${f.protocol} | ${f.ports.join(", ")} | ${code(f.destination)} | ${cell(f.provenance.join("; "))}${f.broadReason ? ` (widening: ${cell(f.broadReason)})` : ""} |`);
    }
    out.push("", "</details>", "");
  }
  return out;
}

/** Comparing editions: the report at a glance, before the tables (flows per SDK, resources per cloud). */
function glanceRows(flows: readonly SdkFlowChange[], clouds: readonly CloudDiff[]): string[] {
  const sdks = [...new Set(flows.map((f) => f.sdk))];
  return [
    "### At a glance",
    "",
    ...sdks.map((sdk) => {
      const mine = flows.filter((f) => f.sdk === sdk);
      const added = mine.filter((f) => f.change === "added").length;
      return `- ${sdk}: ${added} flows added, ${mine.length - added} removed`;
    }),
    ...(sdks.length === 0 ? ["- no flow is added or removed"] : []),
    ...clouds.map((d) => `- ${CLOUD_TITLES[d.cloud]}: ${d.skipped ?? countsText(d)}`),
    "",
  ];
}

function markdown(from: Side, to: Side, rules: readonly FlowChange[], clouds: readonly CloudDiff[], flows: readonly SdkFlowChange[], comparingEditions: boolean): string {
  return [
    `## agora-egress: ${from.label} → ${to.label}`,
    "",
    ...sideRows(from, to),
    "",
    ...withdrawnRows(from, to),
    ...(comparingEditions ? glanceRows(flows, clouds) : []),
    ...ruleRows(rules),
    "",
    ...perSdkRows(flows),
    ...clouds.flatMap((d) => [...resourceRows(d), ""]),
    "_update_: changed in place. _replace_: an input the provider cannot change in place (or a replaced resource it points to) changed, so the resource is recreated.",
    "",
  ].join("\n");
}

function sideJson(s: Side): unknown {
  const sel = s.resolution.selection;
  return {
    label: s.label,
    ...(s.stack ? { stack: s.stack.stack, file: s.stack.file } : {}),
    edition: s.resolution.edition,
    sdks: s.resolution.sdks,
    access: sel.access,
    environment: sel.environment,
    ...(s.resolution.proxyMode ? { proxyMode: s.resolution.proxyMode } : {}),
    ...(s.resolution.regions ? { regions: s.resolution.regions } : {}),
    ...(s.dropped.length ? { routesWithdrawn: s.dropped } : {}),
    notes: s.notes,
  };
}

/**
 * `agora-egress diff`: what changes between two stacks (`--from-stack A --to-stack B`) or two
 * catalogue editions (`--from-edition X --to-edition Y`) of the same selection: flows added
 * and removed, and per cloud the resources to create, update, replace or delete; for Azure,
 * the NSG priority clashes such an update would hit (`priorityClashes`), as a warning. Exit 0
 * whether or not anything changes.
 */
export function diffCommand(ctx: CliContext, flags: DiffFlags): number {
  const sides = [flags.fromStack, flags.toStack, flags.fromEdition, flags.toEdition];
  if (sides.every((s) => s === undefined)) {
    throw new InputError("--from-stack", "say what to compare: --from-stack A --to-stack B, or --from-edition X --to-edition Y (with --stack or selection flags)");
  }
  checkFlagPairs(flags);
  const from = side(ctx, flags, "from");
  const to = side(ctx, flags, "to");
  // --production-proxy FILE serves the side(s) that are cloud-proxy production; with none, it would be dropped.
  if (flags.productionProxy !== undefined && !from.production && !to.production) {
    throw new InputError("--production-proxy", "is not used: neither side is cloud-proxy in production (--access cloud-proxy --env production, or a stack that says so)");
  }
  const rules = diffRuleSets(from.resolution.ruleSet, to.resolution.ruleSet);
  // Comparing editions: the change report adds the flows per SDK with their sources.
  const flows = flags.fromEdition !== undefined || flags.toEdition !== undefined ? diffFlowsPerSdk(from.resolution.ruleSet, to.resolution.ruleSet) : [];
  const clouds = cloudDiffs(ctx, from, to);
  printNotes(ctx, [...new Set([...from.notes, ...to.notes])]);
  if (flags.format === "json") {
    ctx.stdout(jsonText({
      from: sideJson(from),
      to: sideJson(to),
      rules,
      ...(flows.length ? { flowsPerSdk: Object.fromEntries([...new Set(flows.map((f) => f.sdk))].map((sdk) => [sdk, flows.filter((f) => f.sdk === sdk).map(({ sdk: _sdk, ...f }) => f)])) } : {}),
      clouds: Object.fromEntries(clouds.map((d) => [d.cloud, d.skipped
        ? { skipped: d.skipped }
        : {
          counts: countActions(d.changes), unchanged: d.unchanged, changes: d.changes,
          ...(d.priorityClashes ? { priorityClashes: d.priorityClashes } : {}),
        }])),
    }));
  } else {
    ctx.stdout(markdown(from, to, rules, clouds, flows, flags.fromEdition !== undefined || flags.toEdition !== undefined));
  }
  return 0;
}
