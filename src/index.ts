// The pure core: rule model, catalogue, resolver, renderers and diffs (no Pulumi needed).
export * from "./model";
export * from "./catalog";
export * from "./resolve";
export * from "./diff";
export * from "./renderers/plan";
export * from "./renderers/aws";
// The Pulumi components.
export * from "./args/selection-args";
export * from "./components/aws";
export * from "./components/azure";
// Azure renderers: the entry points by name; the rest under `azure` (their constants would clash with AWS's).
export {
  renderAzurePlan, renderNsgRules, renderFirewallPolicyRules, renderDnsSecurityPolicy, AzureTarget,
} from "./renderers/azure";
export type { AzurePlanOptions, AzureNsgOptions, AzureFirewallPolicyOptions, AzureDnsSecurityPolicyOptions } from "./renderers/azure";
export * as azure from "./renderers/azure";
