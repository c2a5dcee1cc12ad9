import { InputError } from "../model";

/**
 * Where a selection field came from, for error messages: given the root of a resolver field
 * and the rest of its path (`productionProxy`, `.endpoints[0].ports[1]`), says how the user
 * wrote it, e.g. `Pulumi.production.yaml: agora-egress:productionProxy.endpoints[0].ports[1]`
 * or `--sdk`. Undefined keeps the field as it is.
 */
export type FieldOrigin = (root: string, path: string) => string | undefined;

/** Re-labels an InputError's field by its origin; other errors pass through unchanged. */
export function relabel(err: unknown, origin: FieldOrigin): unknown {
  if (!(err instanceof InputError)) return err;
  const field = err.field.replace(/^selection(\.|$)/, "");
  const m = /^([A-Za-z]+)(.*)$/.exec(field);
  if (!m) return err;
  const relabelled = origin(m[1], m[2]);
  return relabelled === undefined ? err : new InputError(relabelled, err.problem);
}

/** Runs `fn`, re-labelling any InputError it throws. */
export function withOrigins<T>(origin: FieldOrigin, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw relabel(err, origin);
  }
}

/** `Pulumi.test.yaml: agora-egress:sdks` — how errors name a stack config key. */
export function stackField(file: string, key: string): string {
  return `${file}: ${key.includes(":") ? key : `agora-egress:${key}`}`;
}
