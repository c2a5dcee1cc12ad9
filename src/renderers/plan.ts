/**
 * Plain-data resource specs: what every renderer produces and what the components and
 * the `plan` command consume. No Pulumi import here.
 */
import { InputError } from "../model";

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

export interface Plan {
  readonly resources: readonly ResourceSpec[];
  readonly widenings: readonly Widening[];
  readonly quotas: readonly QuotaUsage[];
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
