/**
 * Random selections and the flows to ask about them, for the property tests, and the
 * check that a flow is covered by a reported widening.
 *
 * Address conventions (so the model and the evaluators agree about what a flow is):
 * - the workload lives in HOME_NET 10.99.0.0/16 (HOST below);
 * - a domain flow goes to RESOLVED, an address no generated CIDR contains, so only rules
 *   to "any address" (or 0.0.0.0/0, which is how security groups widen domains) reach it;
 * - custom CIDRs come from 100.64.0.0/10 and 203.0.113.0/24, away from both.
 */
import fc from "fast-check";
import {
  Flow, PortRange, RuleSet, canonicalDomain, cidrContains, domainMatches, isIpv4Literal, parseDestination, parsePortRange,
} from "../../src/model";
import { Widening } from "../../src/renderers/plan";
import { HOME_NET } from "./suricata-evaluator";
import { withDirectSdks } from "../support/direct-sdks";

export const HOST = "10.99.0.1";
export const RESOLVED = "198.51.100.7";

const SDKS = ["rtc-native", "rtc-web", "rtc-web@2.8.0", "rtm-native", "rtm-web", "recording", "gaming"];
const DOMAINS = ["example.com", ".example.com", "a.example.com", ".b.example.org", ".agora.io", "qos.agoralab.co", "x.edge.agora.io"];

const portRange = fc.tuple(fc.integer({ min: 1, max: 65535 }), fc.integer({ min: 0, max: 40 }))
  .map(([from, span]) => (from + span > 65535 ? String(from) : span === 0 ? String(from) : `${from}-${from + span}`));
const interestingPort = fc.constantFrom("80", "443", "8000", "1080", "4000-4030", "5866-6000", "3478", "8443");
const ports = fc.array(fc.oneof(portRange, interestingPort), { minLength: 1, maxLength: 3 });

// Network addresses only: a CIDR with host bits set is refused, never turned into its network.
const cidr = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 255 }), fc.constantFrom(24, 28, 32))
    .map(([h, bits]) => `203.0.113.${h & (bits === 32 ? 255 : bits === 28 ? 0xf0 : 0)}/${bits}`),
  fc.tuple(fc.integer({ min: 64, max: 127 }), fc.integer({ min: 0, max: 255 }), fc.constantFrom(10, 16, 32))
    .map(([b, c, bits]) => (bits === 10 ? "100.64.0.0/10" : bits === 16 ? `100.${b}.0.0/16` : `100.${b}.${c}.9/32`)),
);

/** A custom rule reaching a network wider than /16 must say so (`broad: true`); every target then reports it. */
const markBroad = <R extends { destinations: string[] }>(r: R): R & { broad?: true } =>
  (r.destinations.some((d) => /\/(\d+)$/.test(d) && Number(/\/(\d+)$/.exec(d)![1]) < 16) ? { ...r, broad: true as const } : r);

const egressRule = fc.record({
  direction: fc.constant("egress" as const),
  protocol: fc.constantFrom("tcp" as const, "udp" as const),
  ports,
  destinations: fc.array(fc.oneof(fc.constantFrom(...DOMAINS), cidr), { minLength: 1, maxLength: 3 }),
  sourcePorts: fc.option(fc.array(fc.oneof(portRange, fc.constant("4000-4030")), { minLength: 1, maxLength: 2 }), { nil: undefined }),
}).map(({ sourcePorts, ...r }) => markBroad(sourcePorts ? { ...r, sourcePorts } : r));

// Ingress custom rules use addresses only: a domain as an inbound peer has no address to test against.
const ingressRule = fc.record({
  direction: fc.constant("ingress" as const),
  protocol: fc.constantFrom("tcp" as const, "udp" as const),
  ports,
  destinations: fc.array(cidr, { minLength: 1, maxLength: 2 }),
}).map(markBroad);

const endpoint = fc.record({
  protocol: fc.constantFrom("tcp" as const, "udp" as const),
  addresses: fc.array(fc.integer({ min: 1, max: 250 }).map((h) => `203.0.113.${h}`), { minLength: 1, maxLength: 5 }),
  ports: ports,
});

/** Selections the resolver accepts: SDKs, access, environment (with endpoints), custom rules. */
export const selectionArb = fc.record({
  sdks: fc.subarray(SDKS),
  access: fc.constantFrom("direct" as const, "cloud-proxy" as const),
  production: fc.boolean(),
  proxyType: fc.constantFrom(1 as const, 2 as const),
  endpoints: fc.array(endpoint, { minLength: 1, maxLength: 3 }),
  customRules: fc.array(fc.oneof(egressRule, egressRule, ingressRule), { maxLength: 4 }),
}).map(({ sdks, access, production, proxyType, endpoints, customRules }) => {
  // One rtc-web at most, and a selection needs something in it.
  const picked = sdks.filter((s, i) => !(s.startsWith("rtc-web") && sdks.findIndex((x) => x.startsWith("rtc-web")) !== i));
  const environment = access === "cloud-proxy" && production ? "production" as const : "test" as const;
  // With cloud proxy, the SDKs without one reach Agora directly only when named in directSdks.
  return withDirectSdks({
    edition: "2020-05",
    sdks: picked.length || customRules.length ? picked : ["rtc-native"],
    access,
    environment,
    proxyType,
    ...(environment === "production" ? { productionProxy: { endpoints, proxyServers: ["203.0.113.77"] } } : {}),
    customRules,
  });
});

/** Seeds from which `flowsFor` builds flows aimed at the rules of a rule set (and just beside them). */
export const flowSeedsArb = fc.array(fc.record({
  rule: fc.nat(), port: fc.nat(), name: fc.nat(), upper: fc.boolean(), sourcePort: fc.nat(), protocol: fc.nat(), direction: fc.nat(),
}), { minLength: 30, maxLength: 30 });
export type FlowSeed = { rule: number; port: number; name: number; upper: boolean; sourcePort: number; protocol: number; direction: number };

function pickPort(ranges: readonly PortRange[], n: number): number {
  const r = ranges[n % ranges.length];
  const candidates = [r.from, r.to, r.from - 1, r.to + 1, 443, 80, 8443, 1 + (n % 65535)].filter((p) => p >= 1 && p <= 65535);
  return candidates[Math.floor(n / ranges.length) % candidates.length];
}

export function flowsFor(ruleSet: RuleSet, seeds: readonly FlowSeed[]): Flow[] {
  return seeds.map((s) => {
    const rule = ruleSet.rules[s.rule % ruleSet.rules.length];
    const protocol = s.protocol % 5 === 0 ? (rule.protocol === "tcp" ? "udp" : "tcp") : rule.protocol;
    const direction = s.direction % 7 === 0 ? (rule.direction === "egress" ? "ingress" : "egress") : rule.direction;
    let destination: string;
    if (rule.destination.kind === "domain" && direction === "egress") {
      const n = rule.destination.name;
      const variants = [n, `www.${n}`, `a.b.${n}`, `evil${n}`, `${n}.evil.com`, n.split(".").slice(1).join(".") || n, `${n}.`];
      destination = variants[s.name % variants.length];
      if (destination.split(".").filter(Boolean).length < 2) destination = n;
      if (s.upper) destination = destination.toUpperCase();
    } else if (rule.destination.kind === "cidr") {
      const [base, bits] = rule.destination.cidr.split("/");
      const octets = base.split(".").map(Number);
      const size = 2 ** (32 - Number(bits));
      const offsets = [0, size - 1, size, -1, Math.floor(size / 2)];
      const value = (((octets[0] << 24) >>> 0) + (octets[1] << 16) + (octets[2] << 8) + octets[3] + offsets[s.name % offsets.length]) >>> 0;
      destination = [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join(".");
      if (cidrContains(HOME_NET, destination)) destination = "203.0.113.200";
    } else {
      destination = "203.0.113.201";
    }
    const sourcePort = s.sourcePort % 3 === 0 ? undefined
      : rule.sourcePorts && s.sourcePort % 3 === 1 ? pickPort(rule.sourcePorts, s.sourcePort) : 1024 + (s.sourcePort % 60000);
    return { direction, protocol, port: pickPort(rule.ports, s.port), destination, ...(sourcePort !== undefined ? { sourcePort } : {}) };
  });
}

/** The remote address of a flow as the network sees it. */
export const remoteAddress = (f: Flow) => (isIpv4Literal(f.destination) ? f.destination : RESOLVED);

/**
 * Is the flow inside what a widening says was rendered? `renderedAs` reads
 * `<protocol> <ports> →|← <CIDRs or "any address">[ (from source ports <ports>)]`, or, for a
 * name rule, `… → any address presenting <TLS SNI|HTTP Host> <name>`: the client picks the
 * address and the name apart. A Flow here is a name or an address, never both, so such a
 * widening covers only the flows to a name it matches (which the model allows anyway): it
 * explains no other flow. Handshake-only widenings admit no flow and cover nothing.
 */
export function coveredByWidening(widenings: readonly Widening[], f: Flow): boolean {
  return widenings.some((w) => {
    if (w.renderedAs.includes("handshake packets only")) return false;
    const m = /^(tcp|udp) ([\d,-]+) (→|←) (.+?)(?: \(from source ports ([\d,-]+)\))?$/.exec(w.renderedAs);
    if (!m) throw new Error(`widening not understood: ${w.renderedAs}`);
    const [, protocol, portList, arrow, destinations, sourcePorts] = m;
    const inPorts = (list: string, port: number) => list.split(",").some((p) => {
      const r = parsePortRange(p);
      return port >= r.from && port <= r.to;
    });
    if (protocol !== f.protocol || (arrow === "→" ? "egress" : "ingress") !== (f.direction ?? "egress")) return false;
    if (!inPorts(portList, f.port)) return false;
    if (sourcePorts && (f.sourcePort === undefined || !inPorts(sourcePorts, f.sourcePort))) return false;
    const presenting = /^any address presenting (?:TLS SNI|HTTP Host) (\S+)$/.exec(destinations);
    if (presenting) {
      const name = parseDestination(presenting[1]);
      if (name.kind !== "domain") throw new Error(`widening not understood: ${w.renderedAs}`);
      return !isIpv4Literal(f.destination) && domainMatches(canonicalDomain(f.destination), name.name, name.subtree);
    }
    return destinations.split(", ").some((d) => d === "any address" || (!d.includes(":") && cidrContains(d, remoteAddress(f))));
  });
}
