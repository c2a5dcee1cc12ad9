// The pure core: rule model, catalogue, resolver, renderers and diffs (no Pulumi needed).
export * from "./model";
export * from "./catalog";
export * from "./resolve";
export * from "./diff";
export * from "./renderers/plan";
export * from "./renderers/aws";
// The Pulumi components.
export * from "./components/selection-args";
export * from "./components/aws";
