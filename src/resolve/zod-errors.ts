import { z } from "zod";
import { InputError, unknownKeyProblem } from "../model";

/** The keys an object schema knows, for a did-you-mean on an unknown key (empty if `schema` is no object schema). */
function knownKeys(schema: unknown): string[] {
  const shape = (schema as { _zod?: { def?: { shape?: Record<string, unknown> } } } | undefined)?._zod?.def?.shape;
  return shape ? Object.keys(shape) : [];
}

/**
 * Parses with zod and turns the first issue into an InputError naming the field path. An
 * unknown key, at any depth, is named as the field itself, with the known keys and the
 * nearest one: `securityGroups.vpcID: unknown key (did you mean vpcId? known: …)`.
 */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown, field: string): z.output<T> {
  // Most schemas here parse a handful of times per process: zod's JIT fast path (compiling a
  // parser with `new Function` on first use) costs more than it saves. Results are the same.
  const result = schema.safeParse(value, {
    jitless: true,
    // The issue still knows its object schema here (`inst`); the finished issue does not.
    error: (issue) => (issue.code === "unrecognized_keys" ? unknownKeyProblem(String(issue.keys[0]), knownKeys(issue.inst)) : undefined),
  });
  if (result.success) return result.data;
  // An unknown key first: a typo (`adresses`) also makes the key it meant look missing.
  const issue = result.error.issues.find((i) => i.code === "unrecognized_keys") ?? result.error.issues[0];
  // An unknown key is named as the field itself, so a typo points at the typo.
  const keys = issue.code === "unrecognized_keys" ? [issue.keys[0]] : [];
  // A bad key of a record is named by the record, with the key and what is wrong with it.
  let badKey: PropertyKey | undefined;
  let message = issue.message;
  if (issue.code === "invalid_key") {
    badKey = issue.path[issue.path.length - 1];
    message = `${JSON.stringify(String(badKey))} ${issue.issues[0]?.message ?? "is not a valid key"}`;
  }
  const path = [...(badKey !== undefined ? issue.path.slice(0, -1) : issue.path), ...keys].map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("");
  // With no field prefix the path stands alone: `access`, not `.access`.
  throw new InputError(field ? `${field}${path}` : path.replace(/^\./, "") || "selection", message);
}
