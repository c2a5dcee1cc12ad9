export * from "./keys";
export * from "./fields";
export * from "./secure";
export * from "./config";
export * from "./read";
export * from "./resolve-stack";
export * from "./targets";
export * from "./component-args";
