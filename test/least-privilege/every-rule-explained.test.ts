/**
 * The product's promise over every target: each allow a plan renders is in the model the user
 * literally asked for, or listed in that target's widenings. Nothing else is accepted.
 *
 * The oracle below is built from the raw input and the catalogue's data, not from the resolver:
 * it says which inputs must be refused (a CIDR with host bits, an Agora address wider than /16,
 * a cloud-proxy SDK without a cloud proxy that `directSdks` does not name, a custom rule wider
 * than /16 without `broad`), and it leaves out of the model what must be reported instead (an
 * ingress from any address, a custom rule marked `broad`). The generated selections include
 * those malformed and hostile inputs on purpose.
 *
 * Each rendered allow is cut into atoms (direction, protocol, ports, one remote side, source
 * ports) per target: security group rules, Suricata pass rules, NSG allow rules, Azure Firewall
 * network and application rules, and the DNS targets' allow lists. An atom's ports must be
 * covered by oracle rules whose remote side contains the atom's, plus the target's widenings.
 */
import fc from "fast-check";
import ipaddr from "ipaddr.js";
import { DirectRow, getEdition } from "../../src/catalog";
import {
  Destination, InputError, PortRange, cidrCovers, domainMatches, mergePortRanges, parseDestination, parsePortRange, rangesCover,
} from "../../src/model";
import { SelectionInput, compareVersions, resolve, versionInRange } from "../../src/resolve";
import {
  DNS_ALLOW_LIST_NAME, EGRESS_RULE_TYPE, INGRESS_RULE_TYPE, PREFIX_LIST_TYPE, RULE_GROUP_TYPE, renderAwsPlan,
} from "../../src/renderers/aws";
import { IP_GROUP_TYPE, RULE_COLLECTION_GROUP_TYPE, SECURITY_RULE_TYPE, renderAzurePlan } from "../../src/renderers/azure";
import { Plan, Widening, mergePlans, parseRef } from "../../src/renderers/plan";

const EDITION = getEdition("2020-05");
/** The SDKs with a cloud proxy in the edition. */
const PROXIED = EDITION.cloudProxy.map((p) => p.sdk as string);

// ---- What the user may type: good, malformed and hostile values side by side. ----
const GOOD_ADDRESSES = ["203.0.113.10", "203.0.113.11/32", "198.51.100.16/29", "100.64.0.0/16"];
const HOSTILE_ADDRESSES = [
  "203.0.113.10/2", "198.51.100.17/29", "10.1.2.3/8", // host bits set
  "0.0.0.0/0", "10.0.0.0/8", "100.64.0.0/10", // broader than any Agora list
];
const ADDRESSES = [...GOOD_ADDRESSES, ...HOSTILE_ADDRESSES];
/** Mostly well formed, one in six hostile, so both sides of the property are reached. */
const addressesArb = fc.uniqueArray(fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...GOOD_ADDRESSES) },
  { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_ADDRESSES) },
), { minLength: 1, maxLength: 3 });
const DOMAINS = ["api.example.com", ".example.org"];
const PORTS = ["443", "3478-3500", "4000", "8000-8010", "40500"];
const SDKS = ["rtc-native", "rtc-web", "rtc-web@2.8.0", "rtm-native", "rtm-web", "recording", "gaming"];

const endpointArb = fc.record({
  protocol: fc.constantFrom("tcp" as const, "udp" as const),
  addresses: addressesArb,
  ports: fc.subarray(PORTS, { minLength: 1, maxLength: 2 }),
});

const customArb = fc.record({
  direction: fc.constantFrom("egress" as const, "ingress" as const),
  protocol: fc.constantFrom("tcp" as const, "udp" as const),
  ports: fc.subarray(PORTS, { minLength: 1, maxLength: 2 }),
  destinations: fc.oneof(addressesArb, fc.subarray(DOMAINS, { minLength: 1 })),
  broad: fc.option(fc.boolean(), { nil: undefined }),
}).map(({ broad, ...c }) => ({
  ...c,
  // An inbound peer has no name to match: ingress rules take addresses.
  destinations: c.direction === "ingress" ? c.destinations.filter((d) => !DOMAINS.includes(d)).concat(c.destinations.every((d) => DOMAINS.includes(d)) ? ["203.0.113.10"] : []) : c.destinations,
  ...(broad !== undefined ? { broad } : {}),
}));

const selectionArb: fc.Arbitrary<SelectionInput> = fc.record({
  sdks: fc.subarray(SDKS, { minLength: 1, maxLength: 4 }).filter((s) => !(s.includes("rtc-web") && s.includes("rtc-web@2.8.0"))),
  access: fc.constantFrom("direct" as const, "cloud-proxy" as const),
  environment: fc.constantFrom("test" as const, "production" as const),
  endpoints: fc.array(endpointArb, { minLength: 1, maxLength: 3 }),
  // directSdks: mostly exactly the SDKs without a cloud proxy, sometimes none or an arbitrary list.
  direct: fc.oneof(
    { weight: 4, arbitrary: fc.constant("needed" as const) },
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.subarray(["rtm-native", "rtm-web", "gaming", "rtc-web", "recording"], { minLength: 1 }) },
  ),
  recordingSources: fc.option(addressesArb, { nil: undefined }),
  custom: fc.array(customArb, { maxLength: 1 }),
}).map(({ endpoints, direct, recordingSources, custom, ...s }) => {
  const ids = s.sdks.map((x) => x.split("@")[0]);
  const production = s.access === "cloud-proxy" && s.environment === "production";
  return {
    edition: "2020-05",
    ...s,
    ...(production ? { productionProxy: { endpoints } } : {}),
    ...(direct === "needed"
      ? (s.access === "cloud-proxy" && ids.some((id) => !PROXIED.includes(id)) ? { directSdks: ids.filter((id) => !PROXIED.includes(id)) } : {})
      : direct ? { directSdks: direct } : {}),
    ...(recordingSources && ids.includes("recording") ? { recordingPorts: { low: 40000, high: 41000, sources: recordingSources } } : {}),
    customRules: custom,
  };
});

// ---- The oracle: the model the input literally asks for, or "must refuse". ----
interface OracleRule {
  readonly direction: "egress" | "ingress";
  readonly protocol: "tcp" | "udp";
  readonly ports: readonly PortRange[];
  readonly remote: Destination;
  readonly sourcePorts?: readonly PortRange[];
}
type Oracle = { refuse: string } | { rules: OracleRule[]; names: Destination[] };

/** An address as typed, strictly: a CIDR with host bits is refused, never a network. */
function literalCidr(text: string): string | undefined {
  const [addr, bits = "32"] = text.split("/");
  const network = ipaddr.IPv4.networkAddressFromCIDR(`${addr}/${bits}`).toString();
  return network === addr ? `${addr}/${bits}` : undefined;
}
const prefixOf = (cidr: string) => Number(cidr.split("/")[1]);
const ports = (list: readonly string[]) => mergePortRanges(list.map((p) => parsePortRange(p)));

function oracle(s: SelectionInput): Oracle {
  const specs = (s.sdks ?? []).map((x) => (typeof x === "string" ? x : x.id));
  const ids = specs.map((x) => x.split("@")[0]);
  const version = (id: string) => specs.find((x) => x.split("@")[0] === id)?.split("@")[1];
  const direct = s.directSdks ?? [];
  if (direct.length && s.access !== "cloud-proxy") return { refuse: "directSdks outside cloud proxy" };
  if (direct.some((d) => !ids.includes(d)) || new Set(direct).size !== direct.length) return { refuse: "directSdks names an unselected SDK" };
  const rules: OracleRule[] = [];
  const names: Destination[] = [];
  const agora = (list: readonly string[]) => {
    const cidrs = list.map(literalCidr);
    return cidrs.some((c) => c === undefined || prefixOf(c) < 16) ? undefined : (cidrs as string[]);
  };
  const rec = s.recordingPorts as { low: number; high: number; sources?: string[] } | undefined;
  const simplex = [{ from: rec?.low ?? EDITION.recordingSimplex.defaultLow, to: rec?.high ?? EDITION.recordingSimplex.defaultHigh }];
  for (const id of ids) {
    const proxied = s.access === "cloud-proxy" && !direct.includes(id);
    if (proxied) {
      const profile = EDITION.cloudProxy.find((p) => p.sdk === id);
      if (!profile) return { refuse: `${id} has no cloud proxy` };
      const v = version(id);
      if (v && compareVersions(v, profile.minVersion) < 0) return { refuse: "version below the cloud proxy's" };
      const rows = s.environment === "production" ? (s.productionProxy?.endpoints ?? []) : profile.testEndpoints;
      const endpointCidrs: string[] = [];
      for (const row of rows) {
        const cidrs = agora(row.addresses);
        if (!cidrs) return { refuse: "an endpoint address with host bits or wider than /16" };
        endpointCidrs.push(...cidrs);
        for (const cidr of cidrs) rules.push({ direction: "egress", protocol: row.protocol, ports: ports(row.ports.map(String)), remote: { kind: "cidr", cidr } });
      }
      if (profile.proxyDomain && (s.proxyType ?? 1) === 1) names.push({ kind: "domain", name: profile.proxyDomain, subtree: false });
      if (id === "recording") {
        if (rec?.sources) return { refuse: "recording sources through the cloud proxy" };
        for (const cidr of endpointCidrs) rules.push({ direction: "ingress", protocol: "udp", ports: simplex, remote: { kind: "cidr", cidr } });
      }
    } else {
      const rows: DirectRow[] = EDITION.direct.filter((r) => r.sdk === id && versionInRange(version(id), r.versions));
      for (const row of rows) {
        for (const d of row.destinations) {
          const remote = parseDestination(d);
          rules.push({
            direction: "egress", protocol: row.protocol, ports: ports(row.ports), remote,
            ...(row.sourcePorts ? { sourcePorts: ports(row.sourcePorts) } : {}),
          });
          names.push(remote);
        }
      }
      if (id === "recording" && rec?.sources) {
        const cidrs = agora(rec.sources);
        if (!cidrs) return { refuse: "a recording source with host bits or wider than /16" };
        for (const cidr of cidrs) rules.push({ direction: "ingress", protocol: "udp", ports: simplex, remote: { kind: "cidr", cidr } });
      }
      // No sources: an ingress from any address is not in the model; every target must report it.
    }
  }
  for (const c of s.customRules ?? []) {
    let broadSeen = false;
    for (const d of c.destinations) {
      if (DOMAINS.includes(d)) {
        const remote = parseDestination(d);
        rules.push({ direction: c.direction ?? "egress", protocol: c.protocol, ports: ports(c.ports.map(String)), remote });
        if ((c.direction ?? "egress") === "egress") names.push(remote);
        continue;
      }
      const cidr = literalCidr(d);
      if (!cidr) return { refuse: "a custom destination with host bits" };
      if (prefixOf(cidr) < 16) {
        if (!c.broad) return { refuse: "a custom destination wider than /16 without broad" };
        broadSeen = true; // in the rendering, never in the model: it must be a widening
        continue;
      }
      rules.push({ direction: c.direction ?? "egress", protocol: c.protocol, ports: ports(c.ports.map(String)), remote: { kind: "cidr", cidr } });
    }
    if (c.broad && !broadSeen) return { refuse: "broad on a rule with no broad destination" };
  }
  return { rules, names };
}

// ---- What the plans render, cut into atoms. ----
type Remote = Destination | { kind: "any" } | { kind: "internet" };
interface Atom {
  readonly target: string;
  readonly direction: "egress" | "ingress";
  readonly protocol: "tcp" | "udp";
  readonly ports: readonly PortRange[];
  readonly remote: Remote;
  readonly sourcePorts?: readonly PortRange[];
  readonly what: string;
}

const ANY: Remote = { kind: "any" };
const protocolsOf = (p: string): ("tcp" | "udp")[] => (p === "*" || p.toLowerCase() === "any" ? ["tcp", "udp"] : [p.toLowerCase() as "tcp" | "udp"]);
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v === undefined ? [] : [String(v)]);

function remoteOf(text: string): Remote {
  if (text === "*" || text === "0.0.0.0/0" || text === "any") return ANY;
  if (text === "Internet") return { kind: "internet" };
  return parseDestination(text.replace(/\.$/, ""));
}

function securityGroupAtoms(plan: Plan): Atom[] {
  const lists = new Map(plan.resources.filter((r) => r.type === PREFIX_LIST_TYPE).map((r) => [r.name, (r.inputs.entries as { cidr: string }[]).map((e) => e.cidr)]));
  return plan.resources.filter((r) => r.type === EGRESS_RULE_TYPE || r.type === INGRESS_RULE_TYPE).flatMap((r) => {
    const i = r.inputs;
    const remotes = i.prefixListId ? lists.get(parseRef(String(i.prefixListId))!.name)! : [String(i.cidrIpv4 ?? i.cidrIpv6)];
    return remotes.map((cidr) => ({
      target: "aws-security-group", direction: r.type === EGRESS_RULE_TYPE ? "egress" as const : "ingress" as const,
      protocol: i.ipProtocol as "tcp" | "udp", ports: [{ from: Number(i.fromPort), to: Number(i.toPort) }], remote: remoteOf(cidr), what: r.name,
    }));
  });
}

const suricataPorts = (text: string): PortRange[] | undefined => (text === "any" ? undefined
  : text.replace(/^\[|\]$/g, "").split(",").map((p) => { const [a, b] = p.split(":"); return { from: Number(a), to: Number(b ?? a) }; }));

function networkFirewallAtoms(plan: Plan): Atom[] {
  const group = plan.resources.find((r) => r.type === RULE_GROUP_TYPE);
  if (!group) return [];
  const rules = (group.inputs.ruleGroup as { rulesSource: { rulesString: string } }).rulesSource.rulesString.split("\n");
  return rules.filter((l) => l.startsWith("pass ")).flatMap((line) => {
    const m = /^pass (\w+) (\S+) (\S+) (->|<>) (\S+) (\S+) \((.*)\)$/.exec(line);
    if (!m) throw new Error(`not understood: ${line}`);
    const [, proto, src, sport, arrow, dst, dport] = m;
    const egress = src === "$HOME_NET";
    const remoteText = egress ? dst : src;
    const name = /msg:"agora-egress (?:TLS SNI|HTTP Host) (\S+) for/.exec(line)?.[1];
    const remotes: Remote[] = name ? [parseDestination(name)] : remoteText === "any" ? [ANY] : remoteText.replace(/^\[|\]$/g, "").split(",").map(remoteOf);
    const portRanges = suricataPorts(egress ? dport : dport) ?? [{ from: 1, to: 65535 }];
    const sourcePorts = egress && arrow === "->" ? suricataPorts(sport) : undefined;
    return remotes.map((remote) => ({
      target: "aws-network-firewall", direction: egress ? "egress" as const : "ingress" as const,
      protocol: proto === "udp" ? "udp" as const : "tcp" as const, ports: portRanges, remote, ...(sourcePorts ? { sourcePorts } : {}), what: line,
    }));
  });
}

const nsgPorts = (single: unknown, many: unknown): PortRange[] =>
  [...list(single), ...list(many)].map((p) => (p === "*" ? { from: 1, to: 65535 } : parsePortRange(p)));

function nsgAtoms(plan: Plan): Atom[] {
  return plan.resources.filter((r) => r.type === SECURITY_RULE_TYPE && r.inputs.access === "Allow").flatMap((r) => {
    const i = r.inputs;
    const egress = i.direction === "Outbound";
    const remotes = egress ? [...list(i.destinationAddressPrefix), ...list(i.destinationAddressPrefixes)] : [...list(i.sourceAddressPrefix), ...list(i.sourceAddressPrefixes)];
    const sourcePorts = egress ? nsgPorts(i.sourcePortRange, i.sourcePortRanges) : undefined;
    return protocolsOf(String(i.protocol)).flatMap((protocol) => remotes.map((remote) => ({
      target: "azure-nsg", direction: egress ? "egress" as const : "ingress" as const, protocol,
      ports: nsgPorts(i.destinationPortRange, i.destinationPortRanges), remote: remoteOf(remote),
      ...(sourcePorts && !(sourcePorts.length === 1 && sourcePorts[0].from === 1 && sourcePorts[0].to === 65535) ? { sourcePorts } : {}),
      what: r.name,
    })));
  });
}

function firewallAtoms(plan: Plan): Atom[] {
  const rcg = plan.resources.find((r) => r.type === RULE_COLLECTION_GROUP_TYPE);
  if (!rcg) return [];
  const groups = new Map(plan.resources.filter((r) => r.type === IP_GROUP_TYPE).map((r) => [r.name, list(r.inputs.ipAddresses)]));
  const rules = (rcg.inputs.ruleCollections as { rules: Record<string, unknown>[] }[]).flatMap((c) => c.rules);
  return rules.flatMap((r): Atom[] => {
    if (r.ruleType === "ApplicationRule") {
      return list(r.targetFqdns).map((f) => ({
        target: "azure-firewall-policy", direction: "egress", protocol: "tcp",
        ports: (r.protocols as { port: number }[]).map((p) => ({ from: p.port, to: p.port })),
        remote: f.startsWith("*.") ? parseDestination(f.slice(1)) : parseDestination(f), what: String(r.name),
      }));
    }
    const ingress = String(r.name).startsWith("in-");
    const remotes = ingress
      ? list(r.sourceAddresses)
      : [...list(r.destinationAddresses), ...list(r.destinationFqdns), ...list(r.destinationIpGroups).flatMap((id) => groups.get(parseRef(id)!.name)!)];
    return protocolsOf(list(r.ipProtocols).length > 1 ? "*" : list(r.ipProtocols)[0]).flatMap((protocol) => remotes.map((remote) => ({
      target: "azure-firewall-policy", direction: ingress ? "ingress" as const : "egress" as const, protocol,
      ports: list(r.destinationPorts).map((p) => (p === "*" ? { from: 1, to: 65535 } : parsePortRange(p))), remote: remoteOf(remote), what: String(r.name),
    })));
  });
}

/** The names the DNS targets let resolve, as `resolve` atoms (protocol and ports do not apply). */
function dnsNames(plan: Plan): { target: string; name: Destination }[] {
  const aws = plan.resources.filter((r) => r.name === DNS_ALLOW_LIST_NAME).flatMap((r) => list(r.inputs.domains))
    .map((d) => ({ target: "aws-dns-firewall", name: d.startsWith("*.") ? parseDestination(d.slice(1)) : parseDestination(d) }));
  // Azure's entries match the name and everything below it (reported as a widening for exact names).
  const azure = plan.resources.filter((r) => r.name === "dns-allow-list").flatMap((r) => list(r.inputs.domains))
    .map((d) => ({ target: "azure-dns-security-policy", name: parseDestination(d.replace(/\.$/, "")) }));
  return [...aws, ...azure];
}

// ---- Coverage. ----
function remoteWithin(inner: Remote, outer: Remote): boolean {
  if (outer.kind === "any") return true;
  if (outer.kind === "internet") return inner.kind === "internet" || (inner.kind === "cidr" && isPublic(inner.cidr)) || inner.kind === "domain";
  if (inner.kind === "any" || inner.kind === "internet") return false;
  if (outer.kind === "cidr") return inner.kind === "cidr" && cidrCovers(outer.cidr, inner.cidr);
  if (inner.kind !== "domain") return false;
  if (outer.subtree) return domainMatches(inner.name, outer.name, true);
  return !inner.subtree && inner.name === outer.name;
}

function isPublic(cidr: string): boolean {
  return !["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16"].some((p) => cidrCovers(p, cidr));
}

/** A widening's `renderedAs`, parsed: the flows it admits. Unparsed widenings (DNS) cover no atom. */
function widenedFlows(w: Widening): { direction: "egress" | "ingress"; protocols: ("tcp" | "udp")[]; ports: PortRange[]; remotes: Remote[]; sourcePorts?: PortRange[] }[] {
  const m = /^(tcp|udp|any) (\S+) (→|←) (.+?)(?: \(from source ports (\S+)\))?(?: \(handshake[^)]*\))?$/.exec(w.renderedAs);
  if (!m) return [];
  // "any address presenting TLS SNI .agora.io": only flows that name an allowed host (SNI/Host spoofing).
  const presenting = / presenting (?:TLS SNI|HTTP Host) (\S+)$/.exec(m[4]);
  const remotes = presenting ? [parseDestination(presenting[1])]
    : m[4].split(", ").map((t) => (t === "any address" || t.startsWith("any address ") ? ANY : remoteOf(t)));
  return [{
    direction: m[3] === "→" ? "egress" : "ingress",
    protocols: m[1] === "any" ? ["tcp", "udp"] : [m[1] as "tcp" | "udp"],
    ports: m[2] === "*" ? [{ from: 1, to: 65535 }] : m[2].split(",").map((p) => parsePortRange(p)),
    remotes,
    ...(m[5] ? { sourcePorts: m[5].split(",").map((p) => parsePortRange(p)) } : {}),
  }];
}

const sourcePortsWithin = (inner: readonly PortRange[] | undefined, outer: readonly PortRange[] | undefined) =>
  outer === undefined || (inner !== undefined && rangesCover(outer, inner));

function unexplained(atoms: readonly Atom[], model: readonly OracleRule[], widenings: readonly Widening[]): string[] {
  return atoms.filter((a) => {
    const fromModel = model.filter((r) => r.direction === a.direction && r.protocol === a.protocol
      && remoteWithin(a.remote, r.remote) && sourcePortsWithin(a.sourcePorts, r.sourcePorts)).flatMap((r) => r.ports);
    const fromWidenings = widenings.filter((w) => w.target === a.target).flatMap(widenedFlows)
      .filter((f) => f.direction === a.direction && f.protocols.includes(a.protocol)
        && f.remotes.some((r) => remoteWithin(a.remote, r)) && sourcePortsWithin(a.sourcePorts, f.sourcePorts))
      .flatMap((f) => f.ports);
    return !rangesCover([...fromModel, ...fromWidenings], a.ports);
  }).map((a) => `${a.target}: ${a.direction} ${a.protocol} ${a.ports.map((p) => `${p.from}-${p.to}`).join(",")} ${JSON.stringify(a.remote)} (${a.what})`);
}

function unexplainedNames(plan: Plan, names: readonly Destination[]): string[] {
  return dnsNames(plan).filter(({ target, name }) => {
    if (names.some((n) => remoteWithin(name, n))) return false;
    return !plan.widenings.some((w) => w.target === target && (w.renderedAs === "resolve *"
      || (w.renderedAs.startsWith("resolve ") && remoteWithin(name, parseDestination(w.renderedAs.slice("resolve ".length))))));
  }).map(({ target, name }) => `${target}: resolve ${JSON.stringify(name)}`);
}

/** Every target of both clouds with its defaults. */
function renderEverything(selection: SelectionInput): Plan {
  const resolution = resolve(selection);
  return mergePlans(renderAwsPlan(resolution), renderAzurePlan(resolution, {}));
}

type Outcome = "refused as required" | "refused" | "rendered";

function checkOne(selection: SelectionInput): Outcome {
  const expected = oracle(selection);
  let plan: Plan;
  try {
    plan = renderEverything(selection);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return "refuse" in expected ? "refused as required" : "refused";
  }
  if ("refuse" in expected) throw new Error(`must be refused (${expected.refuse}) but rendered: ${JSON.stringify(selection)}`);
  const atoms = [...securityGroupAtoms(plan), ...networkFirewallAtoms(plan), ...nsgAtoms(plan), ...firewallAtoms(plan)];
  expect({ selection, unexplained: unexplained(atoms, expected.rules, plan.widenings) }).toEqual({ selection, unexplained: [] });
  expect({ selection, unexplained: unexplainedNames(plan, expected.names) }).toEqual({ selection, unexplained: [] });
  return "rendered";
}

describe("every rendered allow is the model or a reported widening, on every target", () => {
  it("for generated selections, malformed and hostile ones included", () => {
    const outcomes: Outcome[] = [];
    fc.assert(fc.property(selectionArb, (selection) => { outcomes.push(checkOne(selection)); }), { numRuns: 300, seed: 20261204 });
    // The generator reaches both sides: plans to check, and inputs that must be refused.
    expect(outcomes.filter((o) => o === "rendered").length).toBeGreaterThan(40);
    expect(outcomes.filter((o) => o === "refused as required").length).toBeGreaterThan(40);
  });

  it.each<[string, SelectionInput]>([
    ["a production endpoint with host bits (/2 for /32)", {
      edition: "2020-05", sdks: ["rtc-native"], access: "cloud-proxy", environment: "production",
      productionProxy: { endpoints: [{ protocol: "udp", addresses: ["203.0.113.10/2"], ports: ["4500-4650"] }] },
    }],
    ["0.0.0.0/0 as a production endpoint", {
      edition: "2020-05", sdks: ["rtc-native"], access: "cloud-proxy", environment: "production",
      productionProxy: { endpoints: [{ protocol: "tcp", addresses: ["0.0.0.0/0"], ports: ["4000"] }] },
    }],
    ["cloud proxy with an SDK that has none, not named in directSdks", { edition: "2020-05", sdks: ["rtc-native", "rtm-native"], access: "cloud-proxy" }],
    ["a custom rule to a /8 without broad", { edition: "2020-05", sdks: ["rtc-web"], customRules: [{ protocol: "udp", ports: ["3478"], destinations: ["10.0.0.0/8"] }] }],
  ])("refuses %s", (_name, selection) => {
    expect("refuse" in oracle(selection)).toBe(true);
    expect(checkOne(selection)).toBe("refused as required");
  });

  it.each<[string, SelectionInput]>([
    ["recording direct, simplex ports from any address", { edition: "2020-05", sdks: ["recording"] }],
    ["recording through the cloud proxy, and RTM named direct", { edition: "2020-05", sdks: ["recording", "rtm-native"], access: "cloud-proxy", directSdks: ["rtm-native"] }],
    ["a custom rule marked broad", { edition: "2020-05", sdks: ["rtc-web"], customRules: [{ protocol: "udp", ports: ["3478"], destinations: ["0.0.0.0/0"], broad: true }] }],
  ])("explains %s", (_name, selection) => {
    expect(checkOne(selection)).toBe("rendered");
  });
});
