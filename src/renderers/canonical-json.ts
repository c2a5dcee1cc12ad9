/**
 * Canonical JSON for documents a provider stores as a string (Firewall Manager's
 * `managedServiceData`): keys sorted, no `null`, `undefined` or empty-array members, no
 * whitespace. The same typed object always gives the same bytes, whatever order its members
 * were built in, so a re-run never shows a diff. (What users of other tools suffer from is the
 * service echoing `[]` where the program sent `null`, or keys in another order: a perpetual
 * diff on the whole policy.) Array order is kept: it is meaningful (rule group references,
 * default actions); callers sort arrays whose order is not.
 */
export type JsonValue = string | number | boolean | null | undefined | readonly JsonValue[] | { readonly [key: string]: JsonValue };

function clean(value: JsonValue): JsonValue {
  if (Array.isArray(value)) {
    const items = (value as readonly JsonValue[]).map(clean).filter((v) => v !== undefined && v !== null);
    return items.length ? items : undefined;
  }
  if (value && typeof value === "object") {
    const entries = Object.keys(value).sort()
      .map((k) => [k, clean((value as { readonly [key: string]: JsonValue })[k])] as const)
      .filter(([, v]) => v !== undefined && v !== null);
    return Object.fromEntries(entries);
  }
  if (typeof value === "number" && !Number.isFinite(value)) throw new Error(`canonical JSON: ${value} is not a JSON number`);
  return value;
}

/** The canonical text of `value` (see above). */
export function canonicalJson(value: JsonValue): string {
  return JSON.stringify(clean(value) ?? null);
}
