import { InputError } from "../../model";
import { Resolution } from "../../resolve";
import { Plan, mergePlans } from "../plan";
import { DnsFirewallOptions, renderDnsFirewall } from "./dns-firewall";
import { NetworkFirewallOptions, renderNetworkFirewallRules } from "./network-firewall";
import { SecurityGroupOptions, renderSecurityGroupRules } from "./security-groups";

export * from "./dns-firewall";
export * from "./network-firewall";
export * from "./security-groups";
export * from "./suricata";
export { AWS_LIMITS, SAFE_DESCRIPTION, ec2Description } from "./limits";

/** Options of every AWS target; a target is rendered when its options object is present (`{}` for defaults). */
export interface AwsPlanOptions {
  securityGroups?: SecurityGroupOptions;
  networkFirewall?: NetworkFirewallOptions;
  dnsFirewall?: DnsFirewallOptions;
}

/** Every AWS target with its defaults (what `agora-egress plan --cloud aws` shows). */
export const ALL_AWS_TARGETS: AwsPlanOptions = { securityGroups: {}, networkFirewall: {}, dnsFirewall: {} };

/**
 * The AWS resources for a resolution, as plain data: security groups, Network Firewall
 * and DNS Firewall specs, with the widenings and quota use of each. Pure and
 * deterministic: the same resolution and options always give the same plan.
 */
export function renderAwsPlan(resolution: Resolution, options: AwsPlanOptions): Plan {
  const plans: Plan[] = [];
  if (options.securityGroups) plans.push(renderSecurityGroupRules(resolution, options.securityGroups));
  if (options.networkFirewall) plans.push(renderNetworkFirewallRules(resolution, options.networkFirewall));
  if (options.dnsFirewall) plans.push(renderDnsFirewall(resolution, options.dnsFirewall));
  if (plans.length === 0) throw new InputError("targets", "turn on at least one AWS target: securityGroups, networkFirewall or dnsFirewall");
  return mergePlans(...plans);
}
