import { isIpv4Literal, canonicalCidr, cidrContains } from "./address";
import { canonicalDomain, domainMatches } from "./domain";
import { InputError } from "./errors";
import { Direction, Protocol } from "./protocol";
import { MAX_PORT, MIN_PORT, portInRanges } from "./ports";
import { Rule } from "./rule";
import { RuleSet } from "./ruleset";

/**
 * A concrete connection to ask about. `destination` is the remote side (a DNS name as the
 * client would use it, or an IPv4 address); `port` is the remote port for egress and the
 * local port for ingress; `sourcePort`, when known, is the workload's local port.
 */
export interface Flow {
  readonly direction?: Direction;
  readonly protocol: Protocol;
  readonly port: number;
  readonly destination: string;
  readonly sourcePort?: number;
}

function checkPort(port: number, field: string): void {
  if (!Number.isInteger(port) || port < MIN_PORT || port > MAX_PORT) {
    throw new InputError(field, `port must be an integer ${MIN_PORT}-${MAX_PORT}, got ${port}`);
  }
}

/** Does this one rule allow the flow? Domain flows match domain rules only, addresses CIDR rules only. */
export function ruleAllows(rule: Rule, flow: Flow): boolean {
  if ((flow.direction ?? "egress") !== rule.direction || flow.protocol !== rule.protocol) return false;
  if (!portInRanges(flow.port, rule.ports)) return false;
  if (rule.sourcePorts) {
    if (flow.sourcePort === undefined || !portInRanges(flow.sourcePort, rule.sourcePorts)) return false;
  }
  const d = rule.destination;
  if (isIpv4Literal(flow.destination)) {
    return d.kind === "cidr" && cidrContains(d.cidr, canonicalCidr(flow.destination, "flow.destination"));
  }
  return d.kind === "domain" && domainMatches(canonicalDomain(flow.destination, "flow.destination"), d.name, d.subtree);
}

/** The rules that allow `flow` (empty when it is denied). */
export function matchingRules(ruleSet: RuleSet, flow: Flow): Rule[] {
  checkPort(flow.port, "flow.port");
  if (flow.sourcePort !== undefined) checkPort(flow.sourcePort, "flow.sourcePort");
  return ruleSet.rules.filter((r) => ruleAllows(r, flow));
}

/**
 * The reference semantics: is `flow` allowed by `ruleSet`? Domain names match
 * case-insensitively and ignore one trailing dot; a subtree domain (`.agora.io`) matches
 * `agora.io` and every name below it, never `evilagora.io` or `agora.io.evil.com`.
 */
export function allows(ruleSet: RuleSet, flow: Flow): boolean {
  return matchingRules(ruleSet, flow).length > 0;
}
