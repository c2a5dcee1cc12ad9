import { Plan } from "../renderers/plan";
import { Resolution, SelectionInput, resolve } from "../resolve";

/*
 * One plan per (selection, renderer, options) per process. `resolve` and the renderers are
 * pure, so identical inputs give identical plans: a landing zone that repeats one selection
 * over many networks, and the root program, which plans every target for its exports before
 * the components plan the same targets, resolve and render each once. Shared resolutions and
 * plans reach callers as they are cached: plans are deep-frozen; resolutions are not (their
 * provenance objects are the catalogue's own), and callers treat them as read-only.
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

/** The name each plan is cached under: one per renderer entry point, the same for the stack, the CLI and the components. */
export enum PlanName {
  Aws = "aws",
  Azure = "azure",
  AwsOrganization = "aws-organization",
  AzureNetworkManager = "azure-network-manager",
  AwsSecurityGroups = "aws-security-groups",
  AwsNetworkFirewall = "aws-network-firewall",
  AwsDnsFirewall = "aws-dns-firewall",
}

/** A resolution and the key it is shared under (undefined: not shared). */
export interface SharedResolution {
  readonly key: string | undefined;
  readonly resolution: Resolution;
}

/** Small bounds: a program uses a handful of selections; a plan of 200 endpoints is a few hundred KB. */
const resolutions = new LruCache<Resolution>(32);
const plans = new LruCache<Plan>(64);
/** The key each shared resolution was cached under, so a plan can be shared from the resolution alone. */
const resolutionKeys = new WeakMap<Resolution, string>();
const counts = { resolved: 0, rendered: 0 };

/** Empties the caches (tests, and the bench's what-ifs). */
export function clearPlanCaches(): void {
  resolutions.clear();
  plans.clear();
}

/** How many resolutions and plans are cached. */
export function planCacheSizes(): { resolutions: number; plans: number } {
  return { resolutions: resolutions.size, plans: plans.size };
}

/** How many resolutions and plans this cache computed (its misses) since the process started; a resolution a caller made and shared is not counted. */
export function planCounts(): { resolved: number; rendered: number } {
  return { ...counts };
}

/**
 * `resolve(selection)`, shared between identical selections. `selection` must already be
 * validated by the caller's own schema (the component args, the stack): it is the key, and
 * the whole input of the pure `resolve` (the edition included; its default is a constant).
 */
export function sharedResolution(selection: SelectionInput): SharedResolution {
  const key = plainKey(selection);
  const cached = key === undefined ? undefined : resolutions.get(key);
  if (cached) return { key, resolution: cached };
  counts.resolved++;
  const resolution = resolve(selection);
  if (key !== undefined) remember(key, resolution);
  return { key, resolution };
}

/**
 * Shares a resolution the caller made itself as the resolution of `selection`: the root
 * program resolves the stack's selection with errors named after its keys, and gives it here
 * as the same selection in the components' vocabulary, so components given it find it and its
 * plans. `resolution` must be what `resolve(selection)` gives (the stack and the args are one
 * selection in two spellings).
 */
export function shareResolution(selection: SelectionInput, resolution: Resolution): void {
  const key = plainKey(selection);
  if (key !== undefined) remember(key, resolution);
}

function remember(key: string, resolution: Resolution): void {
  resolutions.set(key, resolution);
  resolutionKeys.set(resolution, key);
}

/** A resolution as a shared one: its key when it came from (or was given to) the cache. */
export function asShared(resolution: Resolution): SharedResolution {
  return { key: resolutionKeys.get(resolution), resolution };
}

/**
 * `render(resolution, options)`, shared between identical selections, renderers (`name`) and
 * options. Errors are not cached: bad options throw every time. A shared plan is deep-frozen.
 */
export function sharedPlan<O>(resolved: SharedResolution, name: PlanName, options: O, render: (resolution: Resolution, options: O) => Plan): Plan {
  const optionsKey = resolved.key === undefined ? undefined : plainKey(options);
  const key = optionsKey === undefined ? undefined : `${name}\u0000${resolved.key}\u0000${optionsKey}`;
  const cached = key === undefined ? undefined : plans.get(key);
  if (cached) return cached;
  counts.rendered++;
  const plan = render(resolved.resolution, options);
  if (key !== undefined) plans.set(key, deepFreeze(plan));
  return plan;
}
