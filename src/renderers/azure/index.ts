import { Resolution } from "../../resolve";
import { Plan, mergePlans } from "../plan";
import { renderDns } from "./dns-security-policy";
import { renderFirewallPolicy } from "./firewall-policy";
import { renderNsg } from "./nsg";
import { AzurePlanOptions, AzureTarget, resolveAzureOptions, selectedAzureTargets } from "./options";

export * from "./options";
export * from "./settings";
export { parseArmId } from "./arm-id";
export type { FlowPattern } from "./describe";
export { describePattern } from "./describe";
export { allocatePriorities } from "./priorities";
export type { PriorityClash } from "./priority-clashes";
export { priorityClashes } from "./priority-clashes";
export {
  NSG_HARD_LIMITS, NSG_SPEC, NSG_TARGET, NSG_TYPE, SECURITY_RULE_TYPE, renderNsgRules,
} from "./nsg";
export { AZURE_PROVIDED_DNS, DNS_GUARD_SLOTS } from "./dns-guard";
export {
  FIREWALL_POLICY_HARD_LIMITS, FIREWALL_POLICY_SPEC, FIREWALL_POLICY_TYPE, FIREWALL_TARGET, IP_GROUP_TYPE, RULE_COLLECTION_GROUP_SPEC,
  RULE_COLLECTION_GROUP_TYPE, renderFirewallPolicyRules,
} from "./firewall-policy";
export {
  DNS_ALLOW_LIST_SPEC, DNS_ALLOW_RULE_SPEC, DNS_BLOCK_LIST_SPEC, DNS_BLOCK_RULE_SPEC, DNS_DOMAIN_LIST_TYPE, DNS_LINK_TYPE,
  DNS_NAME, DNS_POLICY_SPEC, DNS_POLICY_TYPE, DNS_SECURITY_POLICY_HARD_LIMITS, DNS_SECURITY_RULE_TYPE, DNS_TARGET, allowedNames,
  renderDnsSecurityPolicy,
} from "./dns-security-policy";

/**
 * The Azure plan for a resolution: NSG rules, a Firewall Policy rule collection group with IP
 * Groups, and a DNS security policy (each when its key is present; all three when none is),
 * with every widening and quota use. Pure and deterministic: the same resolution and options
 * give byte-identical JSON whatever the order of the inputs. Throws `InputError` naming the
 * option on bad options.
 */
export function renderAzurePlan(resolution: Resolution, options: AzurePlanOptions = {}): Plan {
  const o = resolveAzureOptions(options);
  const renderers: Record<AzureTarget, (r: Resolution, opts: typeof o) => Plan> = {
    [AzureTarget.Nsg]: renderNsg,
    [AzureTarget.FirewallPolicy]: renderFirewallPolicy,
    [AzureTarget.DnsSecurityPolicy]: renderDns,
  };
  return mergePlans(...selectedAzureTargets(options ?? {}).map((t) => renderers[t](resolution, o)));
}
export * from "./network-manager-settings";
export * from "./network-manager";
