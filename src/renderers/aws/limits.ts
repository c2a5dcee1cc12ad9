/**
 * Platform limits the AWS renderers respect, with where they come from
 * (shared/reference/cloud-semantics.md sections 1–4 and 8).
 */
export const AWS_LIMITS = {
  /** §1.1: default "Inbound or outbound rules per security group", per direction and per IP family. */
  rulesPerSecurityGroup: 60,
  /** §1.1: security groups per network interface (default 5, adjustable up to 16). */
  securityGroupsPerInterface: 5,
  maxSecurityGroupsPerInterface: 16,
  /** §1.1: rules per group × groups per interface must not exceed this. */
  rulesTimesGroups: 1000,
  /** §1.2: description length; the character set is SAFE_DESCRIPTION below. */
  descriptionLength: 255,
  /** §2: max entries of one customer-managed prefix list. */
  prefixListMaxEntries: 1000,
  /** §3.2: stateful rule group capacity (30,000 by default; 50,000 in some accounts). */
  ruleGroupCapacity: 30000,
  /** §3.2: one Suricata rule, variables included. */
  suricataRuleLength: 8192,
  /** §3.2: `rulesString` (older SDK models say 1,000,000; we use the stricter). */
  rulesStringBytes: 1_000_000,
  /** §3.4: rule variable names. */
  ruleVariableName: /^[A-Za-z][A-Za-z0-9_]{0,31}$/,
  /** §3.3: stateful rule group priority within a strict-order policy. */
  policyPriority: { min: 1, max: 65535 },
  /** §4: domain specification syntax and length. */
  dnsFirewallDomain: /^(\*\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*$/,
  dnsFirewallDomainLength: 255,
  /** §4: `UpdateFirewallDomains` takes at most 1,000 domains per request. */
  dnsFirewallDomainsPerRequest: 1000,
  /** §4: rules per DNS Firewall rule group, rule groups per VPC. */
  dnsFirewallRulesPerGroup: 100,
  dnsFirewallGroupsPerVpc: 5,
  /** §4 / §8.15: association priority (API 100–9900 exclusive, CDK < 9000). */
  dnsFirewallAssociationPriority: { min: 101, max: 8999 },
} as const;

/** §1.2: the EC2 description characters every field accepts (`&`, `[`, `]` are not safe everywhere). */
export const SAFE_DESCRIPTION = /^[A-Za-z0-9 ._\-:/()#,@+=;{}!$*]*$/;

/** Makes text a valid EC2 description: unsafe characters become spaces, at most 255 characters. */
export function ec2Description(text: string): string {
  const clean = text
    .replace(/&/g, " and ")
    .replace(/[→←]/g, " to ")
    .replace(/[^A-Za-z0-9 ._\-:/()#,@+=;{}!$*]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  const max = AWS_LIMITS.descriptionLength;
  return clean.length <= max ? clean : `${clean.slice(0, max - 3).trimEnd()}...`;
}
