import { z } from "zod";
import { InputError } from "../model";

/** Parses with zod and turns the first issue into an InputError naming the field path. */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown, field: string): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("");
  throw new InputError(`${field}${path}`, issue.message);
}
