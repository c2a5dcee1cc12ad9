export * from "./selection";
export * from "./version";
export * from "./app-settings";
export * from "./resolve";
export { parseInput } from "./zod-errors";
