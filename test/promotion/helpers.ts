import * as path from "path";
import { planners } from "../../src/cli/planners";
import { ResourceChange } from "../../src/diff";
import { Resolution } from "../../src/resolve";
import { Plan, ResourceSpec } from "../../src/renderers/plan";
import { readStackSelection, resolveStack } from "../../src/stack";
import { run } from "../cli/run";

export const REPO = path.join(__dirname, "..", "..");

/** `npx agora-egress plan --cloud <cloud> --stack <stack> --format json`, parsed. */
export async function cliPlan(cloud: "aws" | "azure", stack: string): Promise<Plan> {
  const r = await run(["plan", "--cloud", cloud, "--stack", stack, "--format", "json"], { planners });
  if (r.code !== 0) throw new Error(`plan --cloud ${cloud} --stack ${stack} exited ${r.code}: ${r.stderr}`);
  const body = JSON.parse(r.stdout) as Plan;
  return { resources: body.resources, widenings: body.widenings, quotas: body.quotas, defaults: body.defaults, notices: body.notices };
}

export function stackResolution(stack: string): Resolution {
  return resolveStack(readStackSelection(REPO, stack));
}

/** The cloud-proxy endpoint addresses of a resolution: every address destination (a proxied stack has no other). */
export function endpointAddresses(resolution: Resolution): string[] {
  return resolution.ruleSet.rules.flatMap((r) => (r.destination.kind === "cidr" ? [r.destination.cidr.replace(/\/32$/, "")] : []));
}

/** Does this value (any JSON) mention one of the addresses, as an address and not inside a longer one? */
export function carriesAddress(value: unknown, addresses: readonly string[]): boolean {
  const text = JSON.stringify(value) ?? "";
  return addresses.some((a) => new RegExp(`(?<![\\d.])${a.replace(/\./g, "\\.")}(?![\\d])`).test(text));
}

function valueAt(inputs: Record<string, unknown>, dotted: string): unknown {
  if (dotted === "(all)" || dotted === "(type)") return inputs;
  return dotted.split(".").reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined), inputs);
}

/**
 * The changes whose changed inputs carry no endpoint address: a created resource's inputs,
 * a deleted one's, or for an update or replacement every changed input on either side.
 */
export function changesWithoutEndpoints(changes: readonly ResourceChange[], before: Plan, after: Plan, addresses: readonly string[]): ResourceChange[] {
  const old = new Map(before.resources.map((r) => [r.name, r]));
  const neu = new Map(after.resources.map((r) => [r.name, r]));
  return changes.filter((c) => {
    const a = old.get(c.name);
    const b = neu.get(c.name);
    if (c.action === "create") return !carriesAddress(b!.inputs, addresses);
    if (c.action === "delete") return !carriesAddress(a!.inputs, addresses);
    if (c.changed.length === 0) return true; // changed only through a dependency
    return !c.changed.every((p) => carriesAddress(valueAt(a!.inputs, p), addresses) || carriesAddress(valueAt(b!.inputs, p), addresses));
  });
}

export function byName(plan: Plan, name: string): ResourceSpec {
  const r = plan.resources.find((x) => x.name === name);
  if (!r) throw new Error(`no resource ${name}`);
  return r;
}
