import * as pulumi from "@pulumi/pulumi";
import { ResourceSpec, parseRef } from "../renderers/plan";

/** A provider resource class, as far as the instantiator needs it. */
export type ResourceClass = new (name: string, args: any, opts?: pulumi.CustomResourceOptions) => pulumi.CustomResource;

/**
 * Passes one input of a spec to its resource: `planned` is the input as the plan has it,
 * `value` with references filled in. Returns the value to give the resource (e.g. a secret).
 */
export type InputWrapper = (spec: ResourceSpec, planned: unknown, value: unknown) => unknown;

/**
 * Creates exactly the given specs as children of `parent`, in order, replacing
 * `${name.output}` strings with the outputs of resources created earlier in the list
 * (or given in `external`). Names are prefixed with the component's name so two
 * components in one stack never collide. `wrap`, when given, sees every top-level input.
 * Returns the created resources by logical name.
 */
export function instantiate(
  parent: pulumi.ComponentResource,
  prefix: string,
  specs: readonly ResourceSpec[],
  classes: Readonly<Record<string, ResourceClass>>,
  external: Readonly<Record<string, Record<string, pulumi.Input<unknown>>>> = {},
  wrap?: InputWrapper,
): Map<string, pulumi.CustomResource> {
  const created = new Map<string, pulumi.CustomResource>();
  const resolveValue = (value: unknown): unknown => {
    if (typeof value === "string") {
      const r = parseRef(value);
      if (!r) return value;
      if (external[r.name] && r.output in external[r.name]) return external[r.name][r.output];
      const target = created.get(r.name);
      if (!target) throw new Error(`spec reference ${value} points at no earlier resource`);
      return (target as unknown as Record<string, unknown>)[r.output];
    }
    if (Array.isArray(value)) return value.map(resolveValue);
    if (value && typeof value === "object") {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveValue(v)]));
    }
    return value;
  };
  for (const spec of specs) {
    const cls = classes[spec.type];
    if (!cls) throw new Error(`no resource class for ${spec.type}`);
    const dependsOn = (spec.dependsOn ?? []).map((n) => {
      const d = created.get(n);
      if (!d) throw new Error(`${spec.name} depends on unknown ${n}`);
      return d;
    });
    const inputs = wrap
      ? Object.fromEntries(Object.entries(spec.inputs).map(([k, v]) => [k, wrap(spec, v, resolveValue(v))]))
      : resolveValue(spec.inputs);
    const resource = new cls(`${prefix}-${spec.name}`, inputs, {
      parent,
      ...(dependsOn.length ? { dependsOn } : {}),
    });
    created.set(spec.name, resource);
  }
  return created;
}
