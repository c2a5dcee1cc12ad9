import { z } from "zod";
import { InputError } from "../model";

/** Parses with zod and turns the first issue into an InputError naming the field path. */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown, field: string): z.output<T> {
  // Most schemas here parse a handful of times per process: zod's JIT fast path (compiling a
  // parser with `new Function` on first use) costs more than it saves. Results are the same.
  const result = schema.safeParse(value, { jitless: true });
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  // An unknown key is named as the field itself, so a typo points at the typo.
  const keys = issue.code === "unrecognized_keys" ? [issue.keys[0]] : [];
  const path = [...issue.path, ...keys].map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("");
  // With no field prefix the path stands alone: `access`, not `.access`.
  throw new InputError(field ? `${field}${path}` : path.replace(/^\./, "") || "selection", issue.message);
}
