export * from "./replacement";
export * from "./plan-diff";
export * from "./rule-diff";
export * from "./sdk-flows";
