import * as pulumi from "@pulumi/pulumi";
import { canonicalCidr } from "../model";
import { ec2Description } from "../renderers/aws";
import { Plan, ResourceSpec } from "../renderers/plan";
import { Resolution } from "../resolve";
import { isIdText } from "../renderers/settings";
import { ArgsLayout } from "../args/arg-names";
import { onResource } from "./errors";
import { InputWrapper } from "./instantiate";
import { AppSettingOutput, QuotaUsageOutput, WideningOutput, staticOutput } from "./output-types";
import { PlanName, SharedPlan, sharedPlan, sharedResolution } from "./plan-cache";
import { AgoraEnvironment, AgoraSelectionArgs, DEFERRABLE_SELECTION_ARGS, PlainSelectionArgs } from "../args/selection-args";

/*
 * How a component plans when part of its selection is known only at deployment.
 *
 * The production endpoints may be an Output (a secret from `config.requireSecretObject`, or a
 * value another resource produces). The children depend on their values (one security group
 * rule per address), so the plan cannot be made before they are known. Then the component
 * registers itself, and plans and creates its children inside one `apply` on those values:
 * the same resolver, renderer and content-derived names as a plan made at construction, so
 * the children are the same either way. Pulumi runs that `apply` in a preview too whenever
 * the value is known (config secrets always are); a value that is unknown during a preview
 * (an output of a resource not created yet) leaves the children out of that preview. Bad
 * values are reported as a ResourceError on the component, before any child exists.
 *
 * Every child input whose value carries something from the endpoints (an address, a row's
 * purpose, the production source) is passed as an Output derived from the endpoints: secret
 * when they are, and depending on the resources they come from. The component's report
 * outputs (widenings, appSettings, and rulesString) follow the endpoints' secrecy; ids and
 * quota usage stay plain.
 */

/** An id as components take it: a non-empty text, or a Pulumi output (or promise) that will hold one. */
export const isComponentId = (value: unknown): boolean => isIdText(value) || pulumi.Output.isInstance(value) || value instanceof Promise;

type DeferredValues = Pick<PlainSelectionArgs, (typeof DEFERRABLE_SELECTION_ARGS)[number]>;

/** The plan now (a plain selection), or how to make it once the deferred values are known. */
export type Prepared =
  | { readonly now: SharedPlan & { readonly resolution: Resolution } }
  | { readonly later: { readonly values: pulumi.Output<DeferredValues>; readonly plan: (values: DeferredValues) => SharedPlan & { readonly resolution: Resolution } } };

/** Holds no Output or Promise anywhere. */
function isPlain(value: unknown): boolean {
  if (pulumi.Output.isInstance(value) || value instanceof Promise) return false;
  if (Array.isArray(value)) return value.every(isPlain);
  if (value && typeof value === "object") return Object.values(value).every(isPlain);
  return true;
}

/**
 * Plans a component's selection with `render` now when its args are plain data, or prepares
 * the plan for when the deferred args (the production endpoints) are known. Either way the
 * rest of the selection is validated now. Throws InputError (relabel it to the args).
 */
export function prepareSelection<O>(
  args: AgoraSelectionArgs, renderer: PlanName, options: O, render: (resolution: Resolution, options: O) => Plan,
): Prepared {
  const planFor = (plain: PlainSelectionArgs) => {
    const resolved = sharedResolution(plain);
    return { ...sharedPlan(resolved, renderer, options, render), resolution: resolved.resolution };
  };
  const deferred = DEFERRABLE_SELECTION_ARGS.filter((k) => args[k] !== undefined && !isPlain(args[k]));
  if (deferred.length === 0) return { now: planFor(args as PlainSelectionArgs) };
  const rest: PlainSelectionArgs = { ...(args as PlainSelectionArgs) };
  for (const k of DEFERRABLE_SELECTION_ARGS) delete rest[k];
  // Check the rest of the selection now (SDKs, versions, recording ports), as in the test
  // environment, whose endpoints are published: what the endpoints decide is checked once known.
  sharedResolution(rest.environment === AgoraEnvironment.Production ? { ...rest, environment: AgoraEnvironment.Test } : rest);
  const values = pulumi.output({ productionEndpoints: args.productionEndpoints, productionProxyServers: args.productionProxyServers }) as pulumi.Output<DeferredValues>;
  return { later: { values, plan: (v) => planFor({ ...rest, ...definedValues(v) }) } };
}

function definedValues(v: DeferredValues): DeferredValues {
  return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined)) as DeferredValues;
}

/** JSON-escaped text that marks a value as carrying the endpoints: addresses, purposes, the production source. */
function endpointTokens(resolution: Resolution): string[] {
  const tokens = new Set<string>();
  const add = (text: string) => {
    for (const t of [text, ec2Description(text)]) if (t.length > 0) tokens.add(JSON.stringify(t).slice(1, -1));
  };
  for (const rule of resolution.ruleSet.rules) {
    const production = rule.provenance.filter((p) => p.document === "production-proxy");
    if (production.length === 0) continue;
    if (rule.destination.kind === "cidr") add(rule.destination.cidr.split("/")[0]);
    for (const p of production) add(p.title);
    for (const purpose of rule.purpose?.split("; ") ?? []) add(purpose);
  }
  for (const server of resolution.selection.productionProxy?.proxyServers ?? []) add(canonicalCidr(server).split("/")[0]);
  return [...tokens];
}

/** The outputs every component reports besides its own ids. */
export interface ReportOutputs {
  readonly widenings: pulumi.Output<WideningOutput[]>;
  readonly quotas: pulumi.Output<QuotaUsageOutput[]>;
  readonly appSettings: pulumi.Output<AppSettingOutput[]>;
}

/**
 * Creates a component's children from its prepared plan and returns their outputs with the
 * report. `create` instantiates the plan (passing `wrap` to `instantiate`) and picks the
 * outputs named in `keys`; `secretKeys` are those that carry endpoint data (they follow the
 * endpoints' secrecy), the others are plain.
 */
export function createChildren<O extends Record<string, pulumi.Output<unknown>>>(
  parent: pulumi.ComponentResource, layout: ArgsLayout, prepared: Prepared, keys: readonly (keyof O & string)[], secretKeys: readonly (keyof O & string)[],
  create: (plan: Plan, wrap?: InputWrapper) => O,
): O & ReportOutputs {
  if ("now" in prepared) {
    const shared = prepared.now;
    return {
      ...create(shared.plan),
      widenings: staticOutput(shared.widenings), quotas: staticOutput(shared.quotas), appSettings: staticOutput(shared.appSettings),
    };
  }
  const source = prepared.later.values;
  const result = source.apply((values) => {
    const shared = onResource(parent, layout, () => prepared.later.plan(values));
    const tokens = endpointTokens(shared.resolution);
    const wrap: InputWrapper = (_spec: ResourceSpec, planned: unknown, value: unknown) => {
      const text = JSON.stringify(planned);
      return tokens.some((t) => text.includes(t)) ? pulumi.all([source, value]).apply(([, v]) => v) : value;
    };
    const outputs = create(shared.plan, wrap);
    return pulumi.output({
      ...outputs, widenings: staticOutput(shared.widenings), quotas: staticOutput(shared.quotas), appSettings: staticOutput(shared.appSettings),
    }) as pulumi.Output<Record<string, unknown>>;
  });
  const pick = (key: string, secret: boolean) => {
    const picked = result.apply((r) => r[key]);
    return secret ? picked : pulumi.unsecret(picked);
  };
  const outputs = Object.fromEntries(keys.map((k) => [k, pick(k, secretKeys.includes(k))])) as unknown as O;
  return {
    ...outputs,
    widenings: pick("widenings", true) as pulumi.Output<WideningOutput[]>,
    quotas: pick("quotas", false) as pulumi.Output<QuotaUsageOutput[]>,
    appSettings: pick("appSettings", true) as pulumi.Output<AppSettingOutput[]>,
  };
}
