import { z } from "zod";
import { InputError } from "../model";
import { parseInput } from "../resolve";
import { PLAN_REFERENCE_GIVEN, isIdText, planReferenceGiven, withIdRefs } from "../renderers/settings";
import { External } from "./external";

/*
 * What both clouds do with one target's settings, as the components take them and a stack holds
 * them: check them with the target's one declaration (src/renderers/<cloud>/settings.ts) and
 * turn every id another resource outputs into the plan's `${<name>.id}` reference.
 */

/** The settings keys of each target of a cloud, as the args (and the stack key) spell them. */
export function settingsKeys<T extends Record<string, z.ZodObject>>(schemas: T): { readonly [K in keyof T]: readonly string[] } {
  return Object.fromEntries(Object.entries(schemas).map(([k, schema]) => [k, Object.keys(schema.shape)])) as unknown as { [K in keyof T]: readonly string[] };
}

/** One target's settings, picked from a single-target component's flat args (whose keys were checked). */
export function pickSettings(args: object, keys: readonly string[]): Record<string, unknown> {
  const source = args as Record<string, unknown>;
  return Object.fromEntries(keys.filter((k) => source[k] !== undefined).map((k) => [k, source[k]]));
}

/** A target's settings, which must be an object (`{}` for the defaults): `networkFirewall: true` is refused, not read as `{}`. */
function settingsOf(settings: unknown, field: string): Record<string, unknown> {
  if (settings === null || typeof settings !== "object" || Array.isArray(settings)) {
    throw new InputError(field, "expected an object of settings ({} for the defaults)");
  }
  return Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined));
}

/**
 * One target's settings → the renderer's options and the ids the plan refers to. Checked with
 * the target's declaration: errors name the setting under `field` (`securityGroups.vpcId`,
 * `azure.nsg.lastPriority`), which components and stacks relabel to their own spelling.
 */
export function declaredTarget(
  schema: z.ZodObject, settings: unknown, field: string, isId: (value: unknown) => boolean = isIdText,
): { options: Record<string, unknown>; external: External } {
  const given = settingsOf(settings, field);
  const reference = planReferenceGiven(schema, given);
  if (reference) throw new InputError(`${field}${reference.at}`, `${JSON.stringify(reference.value)} ${PLAN_REFERENCE_GIVEN}`);
  // The ids as given are checked too (an ARM id's shape), with only the outputs as references.
  parseInput(schema, withIdRefs(schema, given, (v) => typeof v !== "string" && isId(v)).options, field);
  const { options, external } = withIdRefs(schema, given, isId);
  parseInput(schema, options, field);
  return { options, external };
}
