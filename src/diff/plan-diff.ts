import { Plan, ResourceSpec, parseRef } from "../renderers/plan";
import { replacementPaths } from "./replacement";

export type ResourceAction = "create" | "update" | "replace" | "delete";

export interface ResourceChange {
  readonly action: ResourceAction;
  readonly type: string;
  readonly name: string;
  /** Dotted input paths that differ (for update and replace). */
  readonly changed: readonly string[];
  /** Why a replace happens: the replacing inputs, or the replaced resource it depends on. */
  readonly reason?: string;
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v);
}

/** Dotted paths of the leaves that differ between two input objects (arrays compared whole). */
function changedPaths(a: unknown, b: unknown, prefix = ""): string[] {
  const isObj = (x: unknown): x is Record<string, unknown> => !!x && typeof x === "object" && !Array.isArray(x);
  if (isObj(a) && isObj(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((k) => changedPaths(a[k], b[k], prefix ? `${prefix}.${k}` : k));
  }
  return canonical(a) === canonical(b) ? [] : [prefix || "(all)"];
}

function refsIn(value: unknown, out: Set<string> = new Set()): Set<string> {
  if (typeof value === "string") {
    const r = parseRef(value);
    if (r) out.add(r.name);
  } else if (Array.isArray(value)) value.forEach((v) => refsIn(v, out));
  else if (value && typeof value === "object") Object.values(value).forEach((v) => refsIn(v, out));
  return out;
}

function valueAt(inputs: Record<string, unknown>, path: string): unknown {
  return path.split(".").reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined), inputs);
}

function touches(path: string, replacing: readonly string[]): boolean {
  return replacing.some((p) => path === p || path.startsWith(p + ".") || p.startsWith(path + "."));
}

/**
 * Resource-level changes from `before` to `after`, judged the way the provider would:
 * a logical name only on one side is a create or a delete; changed inputs are an update
 * unless one of them forces replacement; a replacement cascades to resources that take
 * a replacing input from it (their reference resolves to a new id). Unchanged resources
 * are omitted.
 */
export function diffPlans(before: Plan, after: Plan): ResourceChange[] {
  const old = new Map(before.resources.map((r) => [r.name, r]));
  const neu = new Map(after.resources.map((r) => [r.name, r]));
  const changes = new Map<string, ResourceChange>();
  for (const [name, r] of old) if (!neu.has(name)) changes.set(name, { action: "delete", type: r.type, name, changed: [] });
  for (const [name, r] of neu) {
    const prev = old.get(name);
    if (!prev) {
      changes.set(name, { action: "create", type: r.type, name, changed: [] });
      continue;
    }
    const changed = prev.type !== r.type ? ["(type)"] : changedPaths(prev.inputs, r.inputs);
    if (changed.length === 0) continue;
    const replacing = replacementPaths(r.type);
    const forcing = prev.type !== r.type || !replacing ? changed : changed.filter((p) => touches(p, replacing));
    changes.set(name, forcing.length
      ? { action: "replace", type: r.type, name, changed, reason: `changes ${forcing.join(", ")}` }
      : { action: "update", type: r.type, name, changed });
  }
  // Cascade: a resource whose inputs reference a replaced resource sees a new id.
  let grew = true;
  while (grew) {
    grew = false;
    for (const [name, r] of neu) {
      const current = changes.get(name);
      if (current && (current.action === "replace" || current.action === "create")) continue;
      const replacing = replacementPaths(r.type);
      for (const target of refsIn(r.inputs)) {
        if (changes.get(target)?.action !== "replace") continue;
        const viaReplacing = !replacing || replacing.some((p) => refsIn(valueAt(r.inputs, p)).has(target));
        const action: ResourceAction = viaReplacing ? "replace" : "update";
        if (current?.action === action) continue;
        if (current?.action === "update" && action === "update") continue;
        changes.set(name, { action, type: r.type, name, changed: current?.changed ?? [], reason: `depends on replaced ${target}` });
        grew = true;
        break;
      }
    }
  }
  const order: Record<ResourceAction, number> = { delete: 0, replace: 1, update: 2, create: 3 };
  return [...changes.values()].sort((a, b) => order[a.action] - order[b.action] || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export function countActions(changes: readonly ResourceChange[]): Record<ResourceAction, number> {
  const counts: Record<ResourceAction, number> = { create: 0, update: 0, replace: 0, delete: 0 };
  for (const c of changes) counts[c.action]++;
  return counts;
}

export type { ResourceSpec };
