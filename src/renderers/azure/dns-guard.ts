import { InputError, PortRange, Protocol, RuleSet, cidrCovers, collapseCidrs } from "../../model";
import { DNS_GUARD_PORTS, dnsGuardedGrants, dnsResolverCidrs } from "../dns-guard";
import { Widening } from "../plan";
import { describePattern } from "./describe";

/**
 * The NSG's DNS-layer guard, the Azure counterpart of Network Firewall's `dnsGuard`: DNS
 * (TCP/UDP 53), DNS over TLS (TCP 853) and DNS over QUIC (UDP 853) to the `Internet` service tag are denied ahead of
 * every allow rule, so a workload cannot get around the DNS security policy (which only sees
 * queries to Azure-provided DNS) by asking a public resolver. DNS over HTTPS rides on 443 like
 * any HTTPS and is not told apart by an NSG.
 *
 * Azure-provided DNS (168.63.129.16) is a platform address that NSG rules do not filter
 * (cloud-semantics.md §5), and private resolvers (a DNS Private Resolver inbound endpoint, a
 * domain controller) are outside the `Internet` tag, so both keep working.
 */

/** Azure-provided DNS: NSG rules do not apply to it unless the AzurePlatformDNS tag is denied. */
export const AZURE_PROVIDED_DNS = "168.63.129.16/32";

/** Where a Deny to `Internet` cannot reach: private and link-local ranges, and the platform resolver. */
const OUTSIDE_INTERNET = ["10.0.0.0/8", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.168.0.0/16", AZURE_PROVIDED_DNS];

/**
 * The Outbound priorities at the start of the window kept for the guard, whether it is on or
 * not: allow rules never take them, so turning the guard on (or listing resolvers) moves no rule.
 * In order: Allow TCP and Allow UDP to `dnsResolvers`, Deny TCP and Deny UDP to `Internet`.
 */
export const DNS_GUARD_SLOTS = 4;

/** One rule of the guard, before it becomes a SecurityRule. */
export interface DnsGuardRule {
  readonly name: string;
  readonly access: "Allow" | "Deny";
  readonly protocol: Protocol;
  readonly ports: readonly PortRange[];
  readonly destinations: readonly string[];
  readonly priority: number;
  readonly description: string;
}

export interface DnsGuardOptions {
  readonly dnsGuard: boolean;
  readonly dnsResolvers?: readonly string[];
}

/** `dnsResolvers`, checked, canonical and collapsed; `field` is the NSG options' path (`azure.nsg`). */
function resolvers(options: DnsGuardOptions, field: string): string[] {
  if (!options.dnsGuard) {
    // Resolvers without the guard would be ignored: say so rather than drop them silently.
    if (options.dnsResolvers) throw new InputError(`${field}.dnsResolvers`, "is only used with dnsGuard: true");
    return [];
  }
  return collapseCidrs(dnsResolverCidrs(options.dnsResolvers ?? [], field));
}

/**
 * A model rule that allows DNS, DNS over TLS or DNS over QUIC to where the guard denies it (a name, or an
 * Internet address outside `dnsResolvers`) contradicts the guard: rather than drop that flow
 * silently or let the guard leak, the plan is refused, naming the rule.
 */
function checkConflicts(ruleSet: RuleSet, allowed: readonly string[], field: string): void {
  for (const { grant: g, closed } of dnsGuardedGrants(ruleSet)) {
    const d = g.destination;
    if (d.kind === "cidr" && [...allowed, ...OUTSIDE_INTERNET].some((r) => cidrCovers(r, d.cidr))) continue;
    throw new InputError(
      `${field}.dnsGuard`,
      `${describePattern(g)} (${g.sdks.join(", ")}) allows ${g.protocol.toUpperCase()} ${closed.join("/")} to the Internet, where the DNS guard denies it; add the resolver to dnsResolvers or leave dnsGuard off`,
    );
  }
}

/**
 * The guard's rules at the window's first priorities (see DNS_GUARD_SLOTS), or none when it is
 * off, and the widenings of the resolvers it lets through (no Agora rule lists them).
 */
export function dnsGuardRules(
  ruleSet: RuleSet, options: DnsGuardOptions, at: { prefix: string; firstPriority: number; field: string; target: string },
): { rules: DnsGuardRule[]; widenings: Widening[] } {
  const { prefix, firstPriority, field, target } = at;
  const allowed = resolvers(options, field);
  if (!options.dnsGuard) return { rules: [], widenings: [] };
  checkConflicts(ruleSet, allowed, field);
  const protocols = ["tcp", "udp"] as const;
  const allows = allowed.length === 0 ? [] : protocols.map((protocol, i): DnsGuardRule => ({
    name: `${prefix}-out-${protocol}-dns-resolvers`, access: "Allow", protocol, ports: DNS_GUARD_PORTS[protocol],
    destinations: allowed, priority: firstPriority + i,
    description: "DNS guard: DNS, DNS over TLS and DNS over QUIC to the listed resolvers (agora-egress)",
  }));
  const denies = protocols.map((protocol, i): DnsGuardRule => ({
    name: `${prefix}-out-deny-${protocol}-dns`, access: "Deny", protocol, ports: DNS_GUARD_PORTS[protocol],
    destinations: ["Internet"], priority: firstPriority + 2 + i,
    description: "DNS guard: DNS, DoT and DoQ to other resolvers on the Internet denied (agora-egress)",
  }));
  const sdks = [...new Set(ruleSet.rules.map((r) => r.sdk))].sort();
  const widenings = protocols.flatMap((protocol) => allowed.map((cidr): Widening => ({
    target,
    rule: `${protocol} ${DNS_GUARD_PORTS[protocol].map((p) => p.from).join(",")} → the DNS resolvers (dnsGuard)`,
    sdks,
    renderedAs: describePattern({ direction: "egress", protocol, ports: DNS_GUARD_PORTS[protocol], destination: { kind: "cidr", cidr } }),
    reason: "The DNS guard lets the workloads reach the resolvers listed in dnsResolvers, which no Agora rule lists, ahead of its Deny of DNS, DNS over TLS and DNS over QUIC to the Internet.",
  })));
  return { rules: [...allows, ...denies], widenings };
}
