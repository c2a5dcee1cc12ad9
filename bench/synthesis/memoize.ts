import type { AgoraSelectionArgs } from "../../src/components/selection-args";
import type { Resolution } from "../../src/resolve";
import type { Plan } from "../../src/renderers/plan";

type Module<K extends string, F> = Record<K, F>;

/**
 * A what-if for the diagnosis, not a change to the package: wraps the functions the components
 * call (through their CommonJS module objects) so that identical selections resolve once and
 * identical (resolution, options) render once, as a memoising component would.
 */
export function memoizePlans(): void {
  const selection = require("../../src/components/selection-args") as Module<"resolveArgs", (a: AgoraSelectionArgs) => Resolution>
    & Module<"selectionFromArgs", (a: AgoraSelectionArgs) => unknown>;
  const resolutions = new Map<string, Resolution>();
  const resolveArgs = selection.resolveArgs;
  selection.resolveArgs = (args) => {
    const key = JSON.stringify(selection.selectionFromArgs(args));
    let r = resolutions.get(key);
    if (!r) resolutions.set(key, (r = resolveArgs(args)));
    return r;
  };
  const memo = <O>(fn: (r: Resolution, o: O) => Plan) => {
    const plans = new WeakMap<Resolution, Map<string, Plan>>();
    return (r: Resolution, o: O): Plan => {
      const byOptions = plans.get(r) ?? new Map<string, Plan>();
      plans.set(r, byOptions);
      const key = JSON.stringify(o);
      let p = byOptions.get(key);
      if (!p) byOptions.set(key, (p = fn(r, o)));
      return p;
    };
  };
  const sg = require("../../src/renderers/aws/security-groups") as Module<"renderSecurityGroupRules", (r: Resolution, o: unknown) => Plan>;
  sg.renderSecurityGroupRules = memo(sg.renderSecurityGroupRules);
  const azure = require("../../src/renderers/azure") as Module<"renderAzurePlan", (r: Resolution, o: unknown) => Plan>;
  azure.renderAzurePlan = memo(azure.renderAzurePlan);
}

/**
 * A second what-if: the components' static outputs (widenings, quota use, application settings)
 * emptied, to measure what registering them costs per component (bench/synthesis/memoize.ts).
 */
export function dropStaticOutputs(): void {
  const outputs = require("../../src/components/output-types") as Record<string, unknown>;
  for (const name of ["wideningOutputs", "quotaOutputs", "appSettingOutputs"]) {
    if (typeof outputs[name] === "function") outputs[name] = () => [];
  }
}
