import { Plan, ResourceSpec } from "../../src/renderers/plan";
import {
  DNS_ALLOW_LIST_NAME, EGRESS_RULE_TYPE, INGRESS_RULE_TYPE, RULE_GROUP_TYPE, SECURITY_GROUP_TYPE,
} from "../../src/renderers/aws";
import { DNS_ALLOW_LIST_SPEC, RULE_COLLECTION_GROUP_TYPE, SECURITY_RULE_TYPE } from "../../src/renderers/azure";

/** What a plan emits, counted per target in the target's own units. */

const ofType = (plan: Plan, type: string) => plan.resources.filter((r) => r.type === type);
const byName = (plan: Plan, name: string): ResourceSpec | undefined => plan.resources.find((r) => r.name === name);

export function securityGroupRules(plan: Plan): { egress: number; ingress: number; ipv6: number; groups: number } {
  const rules = [...ofType(plan, EGRESS_RULE_TYPE), ...ofType(plan, INGRESS_RULE_TYPE)];
  const v4 = rules.filter((r) => r.inputs.cidrIpv6 === undefined);
  return {
    egress: v4.filter((r) => r.type === EGRESS_RULE_TYPE).length,
    ingress: v4.filter((r) => r.type === INGRESS_RULE_TYPE).length,
    ipv6: rules.length - v4.length,
    groups: ofType(plan, SECURITY_GROUP_TYPE).length,
  };
}

export type SuricataKind = "handshake" | "name" | "address";

/** The rule group's Suricata rules by kind, and its capacity. */
export function suricataRules(plan: Plan): { lines: string[]; kinds: Record<SuricataKind, number>; capacity: number } {
  const group = ofType(plan, RULE_GROUP_TYPE)[0];
  const inputs = group.inputs as { capacity: number; ruleGroup: { rulesSource: { rulesString: string } } };
  const lines = inputs.ruleGroup.rulesSource.rulesString.split("\n").filter((l) => l.trim() !== "");
  const kinds: Record<SuricataKind, number> = { handshake: 0, name: 0, address: 0 };
  for (const line of lines) {
    if (line.includes("flow:not_established")) kinds.handshake++;
    else if (/tls\.sni|http\.host/.test(line)) kinds.name++;
    else kinds.address++;
  }
  return { lines, kinds, capacity: inputs.capacity };
}

export function awsDnsEntries(plan: Plan): number {
  return ((byName(plan, DNS_ALLOW_LIST_NAME)?.inputs.domains as string[] | undefined) ?? []).length;
}

export function nsgRules(plan: Plan): { outbound: number; inbound: number; deny: number } {
  const rules = ofType(plan, SECURITY_RULE_TYPE).map((r) => r.inputs);
  return {
    outbound: rules.filter((r) => r.direction === "Outbound" && r.access === "Allow").length,
    inbound: rules.filter((r) => r.direction === "Inbound" && r.access === "Allow").length,
    deny: rules.filter((r) => r.access === "Deny").length,
  };
}

export function firewallRules(plan: Plan): { network: number; application: number } {
  const group = ofType(plan, RULE_COLLECTION_GROUP_TYPE)[0];
  const rules = ((group?.inputs.ruleCollections ?? []) as { rules: { ruleType: string }[] }[]).flatMap((c) => c.rules);
  return {
    network: rules.filter((r) => r.ruleType === "NetworkRule").length,
    application: rules.filter((r) => r.ruleType === "ApplicationRule").length,
  };
}

export function azureDnsEntries(plan: Plan): number {
  return ((byName(plan, DNS_ALLOW_LIST_SPEC)?.inputs.domains as string[] | undefined) ?? []).length;
}

/** Resources (one create call each) per type prefix, e.g. `aws:vpc/`, `azure-native:network:`. */
export function resourceCount(plan: Plan, types: readonly string[]): number {
  return plan.resources.filter((r) => types.includes(r.type)).length;
}
