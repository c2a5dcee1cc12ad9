/**
 * Plain-data resource specs: what every renderer produces and what the components and
 * the `plan` command consume. No Pulumi import here.
 */
import { Grant, InputError, RuleSet, grants } from "../model";

/** One resource to create. References to another spec's outputs are `${<name>.<output>}` strings. */
export interface ResourceSpec {
  /** Pulumi type token, e.g. `aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule`. */
  readonly type: string;
  /** Logical name derived from the rule content (never a list index). */
  readonly name: string;
  readonly inputs: Record<string, unknown>;
  /** Logical names this resource must be created after (Azure serialises some updates). */
  readonly dependsOn?: readonly string[];
}

/** Something the target cannot express exactly, and what it was rendered as instead. */
export interface Widening {
  readonly target: string;
  /** The model rule, in Agora's notation: `udp 1080,8000 → .agora.io (from source ports 4000-4030)`. */
  readonly rule: string;
  readonly sdks: readonly string[];
  /** What was emitted instead. */
  readonly renderedAs: string;
  readonly reason: string;
}

/** Use of one platform quota or limit by the plan. */
export interface QuotaUsage {
  readonly target: string;
  readonly quota: string;
  /** Which resource or scope the quota applies to. */
  readonly scope: string;
  readonly used: number;
  readonly limit: number;
}

/** What a target does with traffic (or names) that no rule of the plan allows. */
export enum Unmatched {
  /** This plan makes the target deny it. */
  Denied = "denied",
  /** It passes (the plan also lists a widening saying so). */
  Allowed = "allowed",
  /** A resource this package does not own decides (a firewall policy, an existing group). */
  DecidedElsewhere = "decided-elsewhere",
}

/** One target's deny-by-default statement: every plan says, per target, what happens to the rest. */
export interface TargetDefault {
  readonly target: string;
  readonly unmatched: Unmatched;
  /** Where the default lives and what it does, in one or two sentences. */
  readonly statement: string;
}

/**
 * A model rule a target does not render, and why: on that target the flow is denied. Never
 * silent: every plan lists them next to its widenings.
 */
export interface Notice {
  readonly target: string;
  /** The model rule, in the notation of `Widening.rule`. */
  readonly rule: string;
  readonly sdks: readonly string[];
  readonly reason: string;
}

export interface Plan {
  readonly resources: readonly ResourceSpec[];
  readonly widenings: readonly Widening[];
  readonly quotas: readonly QuotaUsage[];
  /** Per target rendered, what it does with what no rule allows. */
  readonly defaults: readonly TargetDefault[];
  /** Model rules a target does not render (denied there), with the reason. */
  readonly notices: readonly Notice[];
}

export const EMPTY_PLAN: Plan = { resources: [], widenings: [], quotas: [], defaults: [], notices: [] };

/**
 * The widenings every target reports for the model rules that are broad on purpose
 * (`Rule.broadReason`: an ingress from any address, a custom rule marked `broad`), with what
 * the target rendered each one as. `renderedAs` returns undefined for a grant the target
 * does not render (it reports a notice instead).
 */
export function broadWidenings(
  ruleSet: RuleSet, target: string, describe: (g: Grant) => string, renderedAs: (g: Grant) => string | undefined,
): Widening[] {
  return grants(ruleSet).filter((g) => g.broadReasons.length > 0).flatMap((g) => {
    const rendered = renderedAs(g);
    return rendered === undefined ? [] : [{ target, rule: describe(g), sdks: g.sdks, renderedAs: rendered, reason: g.broadReasons.join(" ") }];
  });
}

export function ref(name: string, output: string): string {
  return `\${${name}.${output}}`;
}

const REF = /^\$\{([^.}]+)\.([^}]+)\}$/;

/** `${sg-main.id}` → { name: "sg-main", output: "id" }, or undefined for any other string. */
export function parseRef(value: string): { name: string; output: string } | undefined {
  const m = REF.exec(value);
  return m ? { name: m[1], output: m[2] } : undefined;
}

export function mergePlans(...plans: Plan[]): Plan {
  return {
    resources: plans.flatMap((p) => p.resources),
    widenings: plans.flatMap((p) => p.widenings),
    quotas: plans.flatMap((p) => p.quotas),
    defaults: plans.flatMap((p) => p.defaults),
    notices: plans.flatMap((p) => p.notices),
  };
}

/**
 * A platform limit that neither an option nor a quota request raises, or that the provider
 * cannot deploy past: a plan beyond it would fail part-way through the deploy, so it is refused.
 */
export interface HardLimit {
  /** The option the refusal names (`azure.nsg`, `dnsFirewall`, `securityGroups.proxyPrefixLists`). */
  readonly field: string;
  /** What the user can do instead. */
  readonly remedy: string;
}

/**
 * Refuses a plan that would exceed a hard limit: the first of `quotas` whose quota `hard`
 * names and whose `used` is above its `limit` throws an InputError naming the option, the
 * quota, its scope, used against limit and the remedy. Quotas `hard` does not name are
 * adjustable defaults: they stay reported in `plan.quotas`, where the user sees what to raise.
 */
export function refuseOverflows(quotas: readonly QuotaUsage[], hard: Readonly<Record<string, HardLimit>>): void {
  for (const q of quotas) {
    const limit = Object.prototype.hasOwnProperty.call(hard, q.quota) ? hard[q.quota] : undefined;
    if (limit && q.used > q.limit) {
      throw new InputError(limit.field, `${q.quota} (${q.scope}) would be ${q.used} of ${q.limit}, a limit that cannot be raised; ${limit.remedy}`);
    }
  }
}
