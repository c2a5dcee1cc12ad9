import { z } from "zod";
import { Resolution, parseInput } from "../../resolve";
import { Plan, mergePlans } from "../plan";
import { renderDnsFirewall } from "./dns-firewall";
import { renderNetworkFirewallRules } from "./network-firewall";
import { renderSecurityGroupRules } from "./security-groups";
import { DnsFirewallOptions, NetworkFirewallOptions, SecurityGroupOptions } from "./settings";

export * from "./dns-firewall";
export { AMAZON_PROVIDED_RESOLVER, dnsGuardResolvers, vpcResolver } from "./dns-guard";
export { DNS_GUARD_PORTS } from "../dns-guard";
export * from "./network-firewall";
export * from "./security-groups";
export * from "./settings";
export * from "./suricata";
export { AWS_LIMITS, SAFE_DESCRIPTION, ec2Description } from "./limits";

/**
 * Options of every AWS target. A target is rendered when its options object is present
 * (`{}` for its defaults); with none present, every target is rendered with defaults.
 */
export interface AwsPlanOptions {
  securityGroups?: SecurityGroupOptions;
  networkFirewall?: NetworkFirewallOptions;
  dnsFirewall?: DnsFirewallOptions;
}

/** Every AWS target with its defaults (what `agora-egress plan --cloud aws` shows). */
export const ALL_AWS_TARGETS: AwsPlanOptions = { securityGroups: {}, networkFirewall: {}, dnsFirewall: {} };

const Targets = z.object({
  securityGroups: z.record(z.string(), z.unknown()).optional(),
  networkFirewall: z.record(z.string(), z.unknown()).optional(),
  dnsFirewall: z.record(z.string(), z.unknown()).optional(),
}).strict();

/**
 * The AWS resources for a resolution, as plain data: security groups, Network Firewall
 * and DNS Firewall specs, with the widenings and quota use of each. Pure and
 * deterministic: the same resolution and options always give the same plan. Bad options
 * throw InputError naming the option.
 */
export function renderAwsPlan(resolution: Resolution, options: AwsPlanOptions = {}): Plan {
  parseInput(Targets, options, "aws");
  const chosen = options.securityGroups || options.networkFirewall || options.dnsFirewall ? options : ALL_AWS_TARGETS;
  const plans: Plan[] = [];
  if (chosen.securityGroups) plans.push(renderSecurityGroupRules(resolution, chosen.securityGroups));
  if (chosen.networkFirewall) plans.push(renderNetworkFirewallRules(resolution, chosen.networkFirewall));
  if (chosen.dnsFirewall) plans.push(renderDnsFirewall(resolution, chosen.dnsFirewall));
  return mergePlans(...plans);
}
export * from "./organization-settings";
export * from "./organization";
