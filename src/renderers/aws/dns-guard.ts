import { InputError, RuleSet, canonicalCidr, cidrCovers, collapseCidrs } from "../../model";
import { dnsGuardedGrants, dnsResolverCidrs } from "../dns-guard";
import { describeGrant } from "./describe";

/**
 * The DNS-layer guard of the Network Firewall rule group: DNS (TCP/UDP 53), DNS over TLS
 * (TCP 853) and DNS over QUIC (UDP 853) from the workloads may reach only their resolvers, so a workload cannot get
 * around Route 53 Resolver DNS Firewall (or the SNI allowlist's name resolution) by asking
 * another resolver. DNS over HTTPS rides on 443 like any TLS; the SNI rules already limit
 * 443 to the allowlisted names.
 */

/** The Amazon-provided DNS server, reachable from every VPC (Nitro instances). */
export const AMAZON_PROVIDED_RESOLVER = "169.254.169.253/32";

/** The Route 53 Resolver of a VPC: its primary CIDR's base address plus two. */
export function vpcResolver(vpcCidr: string, field: string): string {
  const cidr = canonicalCidr(vpcCidr, field);
  const [base, bits] = cidr.split("/");
  if (Number(bits) < 16 || Number(bits) > 28) throw new InputError(field, `${cidr} is not a VPC CIDR block (/16 to /28)`);
  const octets = base.split(".").map(Number);
  return `${octets.slice(0, 3).join(".")}.${octets[3] + 2}/32`;
}

/**
 * The resolvers the guard lets through: `dnsResolvers` (default the Amazon-provided resolver)
 * plus the VPC+2 resolver of each of `vpcCidrs`; canonical, collapsed and sorted.
 */
export function dnsGuardResolvers(dnsResolvers: readonly string[] | undefined, vpcCidrs: readonly string[] | undefined, field: string): string[] {
  const given = dnsResolverCidrs(dnsResolvers ?? [AMAZON_PROVIDED_RESOLVER], field);
  const vpcs = (vpcCidrs ?? []).map((c, i) => vpcResolver(c, `${field}.vpcCidrs[${i}]`));
  return collapseCidrs([...given, ...vpcs]);
}

/**
 * A model rule that allows DNS, DNS over TLS or DNS over QUIC to anything but the resolvers contradicts the
 * guard. Rather than drop that flow silently (guard first) or let it through (guard broken),
 * the plan is refused, naming the rule.
 */
export function checkDnsGuardConflicts(ruleSet: RuleSet, resolvers: readonly string[], field: string): void {
  for (const { grant: g, closed } of dnsGuardedGrants(ruleSet)) {
    const d = g.destination;
    if (d.kind === "cidr" && resolvers.some((r) => cidrCovers(r, d.cidr))) continue;
    throw new InputError(
      `${field}.dnsGuard`,
      `${describeGrant(g)} (${g.sdks.join(", ")}) allows ${g.protocol.toUpperCase()} ${closed.join("/")} to an address that is not a listed DNS resolver; add it to dnsResolvers or leave dnsGuard off`,
    );
  }
}
