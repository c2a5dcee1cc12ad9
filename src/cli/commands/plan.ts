import { InputError } from "../../model";
import { Plan } from "../../renderers/plan";
import { Resolution } from "../../resolve";
import { StackSelection, checkDeployable, targetOrigin, withOrigins } from "../../stack";
import { CliContext, printNotes } from "../context";
import { jsonText } from "../format/json";
import { CLOUDS, Cloud, PlanKey, Scope, planKey } from "../planners";
import { SelectionFlags, resolveFlags } from "../selection";

export interface PlanFlags extends SelectionFlags {
  cloud: Cloud;
  scope: Scope;
  format: "text" | "json";
}

export const CLOUD_TITLES: Record<PlanKey, string> = {
  aws: "AWS", azure: "Azure", awsOrganization: "AWS organisation (Firewall Manager)", azureNetworkManager: "Azure Virtual Network Manager",
};

/**
 * Runs the registered planner for `cloud` with the stack's target options (or none), after the
 * check the root program makes before it deploys (`checkDeployable`): a selection the program
 * refuses is refused here too, with the same error.
 */
export function runPlanner(ctx: CliContext, cloud: Cloud, resolution: Resolution, stack?: StackSelection, scope: Scope = "network"): Plan {
  if (!(CLOUDS as readonly string[]).includes(cloud)) throw new InputError("--cloud", `unknown cloud "${cloud}" (known: ${CLOUDS.join(", ")})`);
  const key = planKey(cloud, scope);
  const planner = ctx.planners[key];
  if (!planner) throw new InputError(scope === "network" ? "--cloud" : "--scope", `the ${CLOUD_TITLES[key]} target is not available in this build yet`);
  checkDeployable(resolution.selection, stack?.file);
  // Option errors name the stack key: `Pulumi.test.yaml: agora-egress:aws.networkFirewall.capacity`.
  return stack ? withOrigins(targetOrigin(stack.file), () => planner(resolution, (stack[key] ?? {}) as Record<string, unknown>)) : planner(resolution, {});
}

/**
 * PRODUCT.md's plan JSON: resources (type, name, inputs), widenings, quotas; then, per target,
 * what it does with everything else (`defaults`) and the model rules it does not render (`notices`).
 */
export function planJson(plan: Plan): unknown {
  return {
    resources: plan.resources.map((r) => ({
      type: r.type, name: r.name, inputs: r.inputs, ...(r.dependsOn && r.dependsOn.length ? { dependsOn: r.dependsOn } : {}),
    })),
    widenings: plan.widenings,
    quotas: plan.quotas,
    defaults: plan.defaults,
    notices: plan.notices,
  };
}

/** A readable plan: resources by type, widenings, quota usage. */
export function planText(cloud: PlanKey, plan: Plan, indent = ""): string[] {
  const out: string[] = [];
  const byType = new Map<string, string[]>();
  for (const r of plan.resources) byType.set(r.type, [...(byType.get(r.type) ?? []), r.name]);
  out.push(`${indent}${CLOUD_TITLES[cloud]}: ${plan.resources.length} resources`);
  for (const [type, names] of [...byType].sort(([a], [b]) => (a < b ? -1 : 1))) {
    out.push(`${indent}  ${type} × ${names.length}`);
    for (const n of names) out.push(`${indent}    ${n}`);
  }
  out.push(`${indent}  widenings: ${plan.widenings.length === 0 ? "none" : plan.widenings.length}`);
  for (const w of plan.widenings) {
    out.push(`${indent}    ${w.rule} [${w.sdks.join(", ")}]`, `${indent}      rendered as: ${w.renderedAs}`, `${indent}      why: ${w.reason}`);
  }
  out.push(`${indent}  not rendered: ${plan.notices.length === 0 ? "none" : plan.notices.length}`);
  for (const n of plan.notices) out.push(`${indent}    ${n.rule} [${n.sdks.join(", ")}]`, `${indent}      why: ${n.reason}`);
  out.push(`${indent}  quotas: ${plan.quotas.length === 0 ? "none" : ""}`.trimEnd());
  for (const q of plan.quotas) out.push(`${indent}    ${q.quota} (${q.scope}): ${q.used} of ${q.limit}`);
  out.push(`${indent}  everything else:`);
  for (const d of plan.defaults) out.push(`${indent}    ${d.target}: ${d.unmatched}. ${d.statement}`);
  return out;
}

/**
 * `agora-egress plan --cloud aws|azure [--scope organization]`: the resources the components
 * would create; with `--scope organization`, those of the organisation-wide components
 * (Firewall Manager policies, Virtual Network Manager admin rules).
 */
export function planCommand(ctx: CliContext, flags: PlanFlags): number {
  const { resolution, selection } = resolveFlags(ctx, flags);
  const scope = flags.scope ?? "network";
  const plan = runPlanner(ctx, flags.cloud, resolution, selection.stack, scope);
  printNotes(ctx, [...selection.notes, ...resolution.notes]);
  ctx.stdout(flags.format === "json" ? jsonText(planJson(plan)) : planText(planKey(flags.cloud, scope), plan).join("\n") + "\n");
  return 0;
}
