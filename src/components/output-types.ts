import * as pulumi from "@pulumi/pulumi";
import { formatProvenance } from "../model";
import { AppSetting } from "../resolve";
import { QuotaUsage, Widening } from "../renderers/plan";

/* Output shapes for the component analyzer, which accepts neither readonly arrays nor type aliases. */

/** Something a target could not express exactly, and what it opened instead. */
export interface WideningOutput {
  /** The target that widened (e.g. `aws-security-group`). */
  target: string;
  /** The model rule, in Agora's notation. */
  rule: string;
  /** The SDKs that need the rule. */
  sdks: string[];
  /** What was emitted instead. */
  renderedAs: string;
  /** Why the target could not express the rule exactly. */
  reason: string;
}

/** How much of one platform quota the resources use. */
export interface QuotaUsageOutput {
  /** The target the quota belongs to. */
  target: string;
  /** The quota, in the provider's words. */
  quota: string;
  /** The resource or scope it applies to. */
  scope: string;
  /** How much of it the resources use. */
  used: number;
  /** The limit assumed (the documented default unless configured). */
  limit: number;
}

/** An SDK setting the application must use so its traffic matches the rules. */
export interface AppSettingOutput {
  /** The SDK the setting is for. */
  sdk: string;
  /** The SDK call or config object. */
  api: string;
  /** Exact values, ready to paste. */
  values: string[];
  /** When and how to apply it. */
  note?: string;
  /** Where the setting comes from. */
  source: string;
}

export const wideningOutputs = (ws: readonly Widening[]): WideningOutput[] => ws.map((w) => ({ ...w, sdks: [...w.sdks] }));
export const quotaOutputs = (qs: readonly QuotaUsage[]): QuotaUsageOutput[] => qs.map((q) => ({ ...q }));
export const appSettingOutputs = (as: readonly AppSetting[]): AppSettingOutput[] => as.map((a) => ({
  sdk: a.sdk, api: a.api, values: [...a.values], ...(a.note ? { note: a.note } : {}), source: formatProvenance(a.provenance),
}));

/** A deep copy of plain data (arrays and objects of primitives). */
function copyPlain<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copyPlain) as T;
  if (value && typeof value === "object") {
    const copy: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) copy[k] = copyPlain(v);
    return copy as T;
  }
  return value;
}

/**
 * An output holding the component's own copy of shared, frozen plan data. `pulumi.output(value)`
 * would copy it too, but walks every value looking for nested outputs and promises on the way
 * (a set and several checks per object); plan data holds none, so a plain copy does.
 */
export function staticOutput<T>(shared: readonly T[]): pulumi.Output<T[]> {
  return pulumi.output(undefined).apply(() => copyPlain(shared) as T[]);
}
