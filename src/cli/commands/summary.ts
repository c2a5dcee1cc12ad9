import { NEWEST_EDITION, getEdition, newerEditions } from "../../catalog";
import { formatPortRange } from "../../model";
import { Resolution } from "../../resolve";
import { StackSelection } from "../../stack";
import { AllowLine, allowLines, remoteSide } from "../../model/allow-lines";
import { CliContext } from "../context";
import { Notice, Plan, Widening } from "../../renderers/plan";
import { PLAN_KEYS, PlanKey, isOrganizationPlan } from "../planners";
import { SelectionFlags, resolveFlags, selectionFlagsText } from "../selection";
import { CLOUD_TITLES, runPlanner } from "./plan";
import { proxyText } from "../format/markdown";

const SHOWN_DESTINATIONS = 4;

function lineText(line: AllowLine): string {
  const remote = remoteSide(line);
  const more = remote.length > SHOWN_DESTINATIONS ? `, … (${remote.length} in all)` : "";
  const from = line.sourcePorts ? ` from local ${line.sourcePorts.join(",")}` : "";
  const arrow = line.direction === "ingress" ? "← inbound" : "→";
  return `${line.protocol} ${line.ports.join(",")}${from} ${arrow} ${remote.slice(0, SHOWN_DESTINATIONS).join(", ")}${more}`;
}

function rulesPerSdk(resolution: Resolution): string[] {
  const out = ["Rules per SDK"];
  const lines = allowLines(resolution.ruleSet);
  const sdks = [...resolution.sdks.map((s) => ({ id: s.id, label: `${s.id}${s.version ? `@${s.version}` : ""} (${s.access})` }))];
  if (lines.some((l) => l.sdk === "custom")) sdks.push({ id: "custom", label: "custom rules" });
  for (const sdk of sdks) {
    const rules = resolution.ruleSet.rules.filter((r) => r.sdk === sdk.id);
    const entries = rules.reduce((n, r) => n + r.ports.length, 0);
    out.push(`  ${sdk.label}: ${rules.length} destinations, ${entries} destination × port-range entries`);
    for (const l of lines.filter((x) => x.sdk === sdk.id)) out.push(`    ${lineText(l)}`);
  }
  return out;
}

/** The plans of the clouds the stack deploys to (a planner is registered and the stack has its key). */
function stackPlans(ctx: CliContext, resolution: Resolution, stack: StackSelection | undefined): Map<PlanKey, Plan> {
  const plans = new Map<PlanKey, Plan>();
  for (const key of PLAN_KEYS) {
    if (!ctx.planners[key] || stack?.[key] === undefined) continue;
    const organization = isOrganizationPlan(key);
    const cloud = key === "awsOrganization" ? "aws" : key === "azureNetworkManager" ? "azure" : key;
    plans.set(key, runPlanner(ctx, cloud, resolution, stack, organization ? "organization" : "network"));
  }
  return plans;
}

/** Resources per cloud, counted per type: what `pulumi up` would create. */
function resourcesPerCloud(ctx: CliContext, plans: Map<PlanKey, Plan>, stackArg: string): string[] {
  const out = ["Resources per cloud"];
  for (const cloud of PLAN_KEYS) {
    const plan = plans.get(cloud);
    const organization = isOrganizationPlan(cloud);
    const how = `\`agora-egress plan --cloud ${cloud === "awsOrganization" ? "aws" : cloud === "azureNetworkManager" ? "azure" : cloud}${organization ? " --scope organization" : ""}${stackArg}\``;
    // The organisation scopes are shown where the stack configures them.
    if (!plan && organization) continue;
    if (!plan) {
      out.push(ctx.planners[cloud]
        ? `  ${CLOUD_TITLES[cloud]}: not configured in this stack (agora-egress:${cloud}); preview with ${how}`
        : `  ${CLOUD_TITLES[cloud]}: run ${how} for its resources, widenings and quota usage`);
      continue;
    }
    out.push(`  ${CLOUD_TITLES[cloud]} (agora-egress:${cloud}): ${plan.resources.length} resources; names and inputs: ${how}`);
    const byType = new Map<string, number>();
    for (const r of plan.resources) byType.set(r.type, (byType.get(r.type) ?? 0) + 1);
    const width = Math.max(...[...byType.values()].map((n) => String(n).length));
    for (const [type, n] of [...byType].sort(([a], [b]) => (a < b ? -1 : 1))) out.push(`    ${String(n).padStart(width)} ${type}`);
  }
  return out;
}

function quotaUsage(plans: Map<PlanKey, Plan>): string[] {
  if (plans.size === 0) return [];
  const out = ["Quota usage"];
  for (const [cloud, plan] of plans) {
    out.push(`  ${CLOUD_TITLES[cloud]}`);
    for (const q of plan.quotas) out.push(`    ${q.quota} (${q.scope}): ${q.used} of ${q.limit}`);
    if (plan.quotas.length === 0) out.push("    none reported");
  }
  return out;
}

/** Widenings grouped by target and reason, so each reason is said once. */
function widenings(plans: Map<PlanKey, Plan>): string[] {
  if (plans.size === 0) return [];
  const all = [...plans.values()].flatMap((p) => p.widenings);
  if (all.length === 0) return ["Widenings", "  none: every rule is rendered exactly"];
  const out = [`Widenings: ${all.length} (rules a target cannot express exactly, rendered in a safe wider form)`];
  const groups = new Map<string, Widening[]>();
  for (const w of all) {
    const key = `${w.target}: ${w.reason}`;
    groups.set(key, [...(groups.get(key) ?? []), w]);
  }
  for (const [key, list] of groups) {
    out.push(`  ${key}`);
    for (const w of list) out.push(`    ${w.rule} [${w.sdks.join(", ")}] as ${w.renderedAs}`);
  }
  return out;
}

/** Per target: does it deny what no rule allows, and where does that default live? */
function defaults(plans: Map<PlanKey, Plan>): string[] {
  if (plans.size === 0) return [];
  const out = ["Everything else (what each target does with traffic no rule allows)"];
  for (const d of [...plans.values()].flatMap((p) => p.defaults)) out.push(`  ${d.target}: ${d.unmatched}. ${d.statement}`);
  return out;
}

/** Model rules a target does not render: denied on that target, said once per reason. */
function notRendered(plans: Map<PlanKey, Plan>): string[] {
  const all = [...plans.values()].flatMap((p) => p.notices);
  if (all.length === 0) return [];
  const out = [`Not rendered: ${all.length} (model rules a target does not carry, so it denies them)`];
  const groups = new Map<string, Notice[]>();
  for (const n of all) groups.set(`${n.target}: ${n.reason}`, [...(groups.get(`${n.target}: ${n.reason}`) ?? []), n]);
  for (const [key, list] of groups) out.push(`  ${key}`, ...list.map((n) => `    ${n.rule} [${n.sdks.join(", ")}]`));
  return out;
}

function settings(resolution: Resolution): string[] {
  if (resolution.appSettings.length === 0) return ["Application settings", "  none needed"];
  const out = ["Application settings"];
  for (const s of resolution.appSettings) {
    out.push(`  ${s.sdk} — ${s.api}:`, ...s.values.map((v) => `      ${v}`));
    if (s.note) out.push(`    ${s.note}`);
  }
  return out;
}

/**
 * The note for a selection on an edition that a newer one supersedes: what is newer, and the
 * command that shows what upgrading would change. Upgrading the package never changes a pinned
 * edition; this says that a newer one exists.
 */
export function supersededNote(resolution: Resolution, flags: SelectionFlags): string | undefined {
  const newer = newerEditions(resolution.edition);
  if (newer.length === 0) return undefined;
  const { edition: _pinned, ...rest } = flags;
  const needsMode = getEdition(NEWEST_EDITION).cloudProxy.some((p) => p.allowedLists && p.defaultMode === undefined
    && resolution.sdks.some((s) => s.id === p.sdk && s.access === "cloud-proxy"));
  const mode = needsMode && rest.proxyMode === undefined ? " --proxy-mode force-udp" : "";
  return `Edition ${resolution.edition} is pinned and superseded by ${newer.map((e) => e.id).join(", ")} (${newer[newer.length - 1].date ?? "newest"}); `
    + `what upgrading to ${NEWEST_EDITION} would change: agora-egress diff${selectionFlagsText(rest)} --from-edition ${resolution.edition} --to-edition ${NEWEST_EDITION}${mode}`
    + (mode ? " (or --proxy-mode force-tcp: the mode your app sets)" : "");
}

/** `agora-egress summary` (`npm start`): validate a stack, resolve it, and preview it for humans. */
export function summaryCommand(ctx: CliContext, flags: SelectionFlags): number {
  const { resolution, selection } = resolveFlags(ctx, flags);
  const sel = resolution.selection;
  const stack = selection.stack;
  // The commands it suggests select what it shows: the stack and every flag given with it.
  const stackArg = selectionFlagsText(flags);
  const plans = stackPlans(ctx, resolution, stack);
  const superseded = supersededNote(resolution, flags);
  const notes = [...selection.notes, ...resolution.notes, ...(superseded ? [superseded] : [])];
  const heading = stack ? `Stack ${stack.stack} (${stack.file})` : "Selection";
  const out = [
    `${heading}: edition ${resolution.edition}, access ${sel.access}, environment ${sel.environment}` +
      (sel.access === "cloud-proxy" ? proxyText(resolution, ", ") : ""),
    sel.recordingPorts ? `Recording simplex ports: ${formatPortRange({ from: sel.recordingPorts.low, to: sel.recordingPorts.high })}` : "",
    "",
    ...rulesPerSdk(resolution),
    "",
    ...(resolution.proxyDomains.length ? ["Names the SDK resolves (allow them in DNS-layer filters)", ...resolution.proxyDomains.map((d) => `  ${d}`), ""] : []),
    ...resourcesPerCloud(ctx, plans, stackArg),
    "",
    ...quotaUsage(plans),
    "",
    ...widenings(plans),
    "",
    ...notRendered(plans),
    "",
    ...defaults(plans),
    "",
    ...settings(resolution),
    "",
    "Notes",
    ...notes.map((n) => `  - ${n}`),
    ...(notes.length === 0 ? ["  none"] : []),
    "",
    `Full tables: agora-egress rules${stackArg} --format md|jsonl|csv|json`,
  ].filter((l, i, all) => !(l === "" && all[i - 1] === ""));
  ctx.stdout(out.join("\n") + "\n");
  return 0;
}
