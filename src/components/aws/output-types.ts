import { formatProvenance } from "../../model";
import { AppSetting } from "../../resolve";
import { QuotaUsage, Widening } from "../../renderers/plan";

/* Output shapes for the component analyzer, which accepts neither readonly arrays nor type aliases. */

/** Something a target could not express exactly, and what it opened instead. */
export interface WideningOutput {
  target: string;
  /** The model rule, in Agora's notation. */
  rule: string;
  sdks: string[];
  renderedAs: string;
  reason: string;
}

/** How much of one platform quota the resources use. */
export interface QuotaUsageOutput {
  target: string;
  quota: string;
  scope: string;
  used: number;
  limit: number;
}

/** An SDK setting the application must use so its traffic matches the rules. */
export interface AppSettingOutput {
  sdk: string;
  /** The SDK call or config object. */
  api: string;
  /** Exact values, ready to paste. */
  values: string[];
  note?: string;
  /** Where the setting comes from. */
  source: string;
}

export const wideningOutputs = (ws: readonly Widening[]): WideningOutput[] => ws.map((w) => ({ ...w, sdks: [...w.sdks] }));
export const quotaOutputs = (qs: readonly QuotaUsage[]): QuotaUsageOutput[] => qs.map((q) => ({ ...q }));
export const appSettingOutputs = (as: readonly AppSetting[]): AppSettingOutput[] => as.map((a) => ({
  sdk: a.sdk, api: a.api, values: [...a.values], ...(a.note ? { note: a.note } : {}), source: formatProvenance(a.provenance),
}));
