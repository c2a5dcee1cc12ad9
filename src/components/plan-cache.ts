import { Resolution, resolve } from "../resolve";
import { Plan } from "../renderers/plan";
import { AppSettingOutput, QuotaUsageOutput, WideningOutput, appSettingOutputs, quotaOutputs, wideningOutputs } from "./output-types";
import { PlainSelectionArgs, selectionFromArgs } from "../args/selection-args";

/*
 * A landing zone repeats one selection over many networks, and `resolve` and the renderers are
 * pure: identical inputs give identical plans. So components compute each (selection, renderer,
 * options) once per process and share the result. Nothing shared reaches a caller as it is:
 * `instantiate` copies every input it passes to a resource and `staticOutput` copies the static
 * outputs. Shared plans and outputs are deep-frozen besides; shared resolutions are not, as their
 * provenance objects are the catalogue's own, and they never leave the components.
 */

/** A least-recently-used map: a long-running program with ever new selections keeps at most `capacity` entries. */
export class LruCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(readonly capacity: number) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      // Map keeps insertion order: re-inserting marks the entry as the most recently used.
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }
}

/**
 * A key that identifies plain data exactly (strings, finite numbers, booleans, null, undefined,
 * dense arrays and plain objects with data properties, in key order), or undefined for anything
 * else: a value a key could not tell apart from another (a Date, a String object, NaN, an
 * accessor) is not cached, so it reaches the validation it would have reached without the cache.
 */
export function plainKey(value: unknown): string | undefined {
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "number":
      return Number.isFinite(value) && !Object.is(value, -0) ? String(value) : undefined;
    case "boolean":
      return String(value);
    case "undefined":
      return "~";
    case "object": {
      if (value === null) return "null";
      if (Array.isArray(value)) {
        if (Object.getPrototypeOf(value) !== Array.prototype) return undefined;
        const items: string[] = [];
        for (let i = 0; i < value.length; i++) {
          const item = i in value ? plainKey(value[i]) : undefined;
          if (item === undefined) return undefined;
          items.push(item);
        }
        return `[${items.join(",")}]`;
      }
      if (Object.getPrototypeOf(value) !== Object.prototype || Object.getOwnPropertySymbols(value).length > 0) return undefined;
      const fields: string[] = [];
      for (const [name, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(value))) {
        if (!descriptor.enumerable) continue;
        const item = "value" in descriptor ? plainKey(descriptor.value) : undefined;
        if (item === undefined) return undefined;
        fields.push(`${JSON.stringify(name)}:${item}`);
      }
      return `{${fields.join(",")}}`;
    }
    default:
      return undefined;
  }
}

/** Freezes plain data all the way down. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** A validated selection's resolution, and the key it is shared under (undefined: not shared). */
export interface SharedResolution {
  readonly key: string | undefined;
  readonly resolution: Resolution;
}

/** A rendered plan with its static outputs, computed once per (selection, renderer, options). */
export interface SharedPlan {
  readonly plan: Plan;
  readonly widenings: readonly WideningOutput[];
  readonly quotas: readonly QuotaUsageOutput[];
  readonly appSettings: readonly AppSettingOutput[];
}

/** Small bounds: a program uses a handful of selections; a plan of 200 endpoints is a few hundred KB. */
const resolutions = new LruCache<Resolution>(32);
const plans = new LruCache<SharedPlan>(64);

/** Empties both caches (tests). */
export function clearPlanCaches(): void {
  resolutions.clear();
  plans.clear();
}

export function planCacheSizes(): { resolutions: number; plans: number } {
  return { resolutions: resolutions.size, plans: plans.size };
}

/**
 * `resolveArgs`, shared between identical selections: the args are validated every time (the
 * zod parse in `selectionFromArgs`), and the validated selection, which is the whole input of
 * the pure `resolve` (the edition included; its default is a constant), is the key.
 */
export function sharedResolution(args: PlainSelectionArgs): SharedResolution {
  const selection = selectionFromArgs(args);
  const key = plainKey(selection);
  const cached = key === undefined ? undefined : resolutions.get(key);
  if (cached) return { key, resolution: cached };
  const resolution = resolve(selection);
  if (key !== undefined) resolutions.set(key, resolution);
  return { key, resolution };
}

/**
 * `render(resolution, options)` with its static outputs, shared between identical selections,
 * renderers (`renderer` names it) and options. Errors are not cached: bad options throw every time.
 */
export function sharedPlan<O>(
  resolved: SharedResolution, renderer: string, options: O, render: (resolution: Resolution, options: O) => Plan,
): SharedPlan {
  const optionsKey = resolved.key === undefined ? undefined : plainKey(options);
  const key = optionsKey === undefined ? undefined : `${renderer}\u0000${resolved.key}\u0000${optionsKey}`;
  const cached = key === undefined ? undefined : plans.get(key);
  if (cached) return cached;
  const { resolution } = resolved;
  const plan = render(resolution, options);
  const shared = deepFreeze({
    plan,
    widenings: wideningOutputs(plan.widenings),
    quotas: quotaOutputs(plan.quotas),
    appSettings: appSettingOutputs(resolution.appSettings),
  });
  if (key !== undefined) plans.set(key, shared);
  return shared;
}
