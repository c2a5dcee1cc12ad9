import { SDK_IDS, getEdition } from "../src/catalog";
import { InputError } from "../src/model";
import { SelectionInput, resolve } from "../src/resolve";
import { renderAwsPlan, ruleGroupCapacity } from "../src/renderers/aws";
import { suricataRules } from "./economy/emitted";
import { Scenario } from "./scenarios";

export interface CapacityRow {
  readonly scenario: Scenario;
  readonly rules: number;
  readonly capacity: number;
  /** The most rules this capacity takes before the renderer would size a new one (default 2× headroom). */
  readonly maxRules: number;
  /** SDKs not in the scenario, each added alone: its rule count and whether the capacity (ForceNew) changes. */
  readonly single: readonly { sdk: string; rules: number; replaces: boolean }[];
  /** Adding the remaining SDKs one at a time, fewest new rules first: how many fit before a replacement. */
  readonly fitBeforeReplacement: number;
  readonly fitted: readonly string[];
}

function nfw(selection: SelectionInput): { rules: number; capacity: number } {
  const plan = renderAwsPlan(resolve(selection), { networkFirewall: {} });
  const s = suricataRules(plan);
  return { rules: s.lines.length, capacity: s.capacity };
}

/**
 * The selection with `sdk` added. Through the cloud proxy, an SDK that has none in the edition
 * joins `directSdks`, as a user must say explicitly (the resolver refuses an implicit fallback).
 */
function withSdk(selection: SelectionInput, sdk: string): SelectionInput {
  const sdks = [...(selection.sdks ?? []), sdk];
  const proxied = selection.access !== "cloud-proxy" || getEdition(selection.edition).cloudProxy.some((p) => p.sdk === sdk);
  return proxied ? { ...selection, sdks } : { ...selection, sdks, directSdks: [...(selection.directSdks ?? []), sdk] };
}

function routable(selection: SelectionInput): boolean {
  try {
    resolve(selection);
    return true;
  } catch (err) {
    if (err instanceof InputError) return false;
    throw err;
  }
}

/**
 * Network Firewall capacity is fixed at creation (ForceNew), so the renderer sizes it from the
 * rule count with 2× headroom rounded up to a bucket (100, 200, 500, …). How many more SDKs
 * can join before the bucket, and so the rule group, must change?
 */
export function capacityOf(scenario: Scenario): CapacityRow {
  const base = nfw(scenario.selection);
  const present = new Set((scenario.selection.sdks ?? []).map((s) => (typeof s === "string" ? s : s.id).split("@")[0]));
  // The SDKs the scenario's edition routes with this access (2026-02 refuses Native direct, for
  // one): an SDK the resolver refuses cannot join, so it is not counted as one that fits.
  const remaining = SDK_IDS.filter((s) => !present.has(s) && routable(withSdk(scenario.selection, s)));
  const single = remaining.map((sdk) => {
    const next = nfw(withSdk(scenario.selection, sdk));
    return { sdk, rules: next.rules, replaces: next.capacity !== base.capacity };
  });
  let selection = scenario.selection;
  const fitted: string[] = [];
  let left = [...remaining];
  for (;;) {
    const options = left.map((sdk) => ({ sdk, ...nfw(withSdk(selection, sdk)) })).filter((o) => o.capacity === base.capacity);
    if (options.length === 0) break;
    const best = options.sort((a, b) => a.rules - b.rules || (a.sdk < b.sdk ? -1 : 1))[0];
    fitted.push(best.sdk);
    selection = withSdk(selection, best.sdk);
    left = left.filter((s) => s !== best.sdk);
  }
  let maxRules = base.rules;
  while (ruleGroupCapacity(maxRules + 1, 2) === base.capacity) maxRules++;
  return { scenario, rules: base.rules, capacity: base.capacity, maxRules, single, fitBeforeReplacement: fitted.length, fitted };
}
