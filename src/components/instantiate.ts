import * as pulumi from "@pulumi/pulumi";
import { ResourceSpec, parseRef } from "../renderers/plan";

/** A `${name.output}` reference inside a longer text. */
const EMBEDDED_REF = /\$\{([^.}]+)\.([^}]+)\}/g;

/** A provider resource class, as far as the instantiator needs it. */
export type ResourceClass = new (name: string, args: any, opts?: pulumi.CustomResourceOptions) => pulumi.CustomResource;

/**
 * Passes one input of a spec to its resource: `planned` is the input as the plan has it,
 * `value` with references filled in. Returns the value to give the resource (e.g. a secret).
 */
export type InputWrapper = (spec: ResourceSpec, planned: unknown, value: unknown) => unknown;

/**
 * Creates exactly the given specs as children of `parent`, in order, replacing
 * `${name.output}` strings (and such references inside a text) with the outputs of resources created earlier in the list
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
  const lookup = (value: string, name: string, output: string): unknown => {
    if (external[name] && output in external[name]) return external[name][output];
    const target = created.get(name);
    if (!target) throw new Error(`spec reference ${value} points at no earlier resource`);
    return (target as unknown as Record<string, unknown>)[output];
  };
  const resolveValue = (value: unknown): unknown => {
    if (typeof value === "string") {
      const r = parseRef(value);
      if (r) return lookup(value, r.name, r.output);
      // References inside a text (a policy document): the text once every one is known.
      const inner = [...value.matchAll(EMBEDDED_REF)];
      if (inner.length === 0) return value;
      const parts = inner.map((m) => pulumi.output(lookup(m[0], m[1], m[2])));
      return pulumi.all(parts).apply((values) => {
        let i = 0;
        return value.replace(EMBEDDED_REF, () => String(values[i++]));
      });
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
