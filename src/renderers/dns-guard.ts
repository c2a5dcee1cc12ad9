import { Grant, InputError, PortRange, RuleSet, canonicalCidr, grants, portInRanges } from "../model";

/*
 * What the DNS guards of both clouds share (AWS Network Firewall's `dnsGuard`, the Azure NSG's
 * `dnsGuard`): the ports they close, the resolvers they let through, and the rules that
 * contradict them. Each cloud decides where DNS may still go and how the guard is rendered.
 */

/** The ports the guard closes, per protocol. */
export const DNS_GUARD_PORTS: Readonly<Record<"udp" | "tcp", readonly PortRange[]>> = {
  // 853: DNS over TLS on TCP (RFC 7858) and DNS over QUIC on UDP (RFC 9250).
  udp: [{ from: 53, to: 53 }, { from: 853, to: 853 }],
  tcp: [{ from: 53, to: 53 }, { from: 853, to: 853 }],
};

/** `dnsResolvers` as canonical CIDRs; `field` is the guard's options' path. A `/0` is refused. */
export function dnsResolverCidrs(dnsResolvers: readonly string[], field: string): string[] {
  return dnsResolvers.map((c, i) => {
    const cidr = canonicalCidr(c, `${field}.dnsResolvers[${i}]`);
    if (cidr.endsWith("/0")) throw new InputError(`${field}.dnsResolvers[${i}]`, `${cidr} would let DNS reach every address; leave dnsGuard off instead`);
    return cidr;
  });
}

/** The egress grants of a rule set that open ports the guard closes, with those ports (53, 853). */
export function dnsGuardedGrants(ruleSet: RuleSet): { grant: Grant; closed: number[] }[] {
  return grants(ruleSet).flatMap((grant) => {
    if (grant.direction !== "egress") return [];
    const closed = DNS_GUARD_PORTS[grant.protocol].filter((r) => portInRanges(r.from, grant.ports)).map((r) => r.from);
    return closed.length === 0 ? [] : [{ grant, closed }];
  });
}
