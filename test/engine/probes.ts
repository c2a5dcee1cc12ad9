/**
 * Probes: a model flow (what `allows` is asked) paired with the packets that carry it (what
 * Suricata sees). For every rule of a rule set they aim inside and just outside its ports and
 * destinations, at the names that try to pass for Agora's (look-alikes, and SNI/Host text that
 * only ends like an allowed name), and at an allowed name presented to an unrelated address
 * (SNI/Host spoofing: the model denies the address, the reported widening must cover it).
 *
 * Address plan (all in documentation or private ranges):
 * - workloads: HOME_NET 10.0.0.0/16, one address per probe so verdicts map back;
 * - a domain resolves to RESOLVED (192.0.2.7), which no scenario's CIDR may contain, so only
 *   name matching or a rule to any address can pass it;
 * - unrelated hosts: 192.0.2.99 and friends; ingress peers: 198.51.100.99 and others.
 */
import { domainToASCII } from "node:url";
import { Flow, PortRange, Rule, RuleSet, cidrContains, portInRanges } from "../../src/model";
import { TestFlow } from "./pcap";
import { WireFlow } from "./widening-coverage";

export const HOME_NET = "10.0.0.0/16";
export const RESOLVED = "192.0.2.7";
export const UNRELATED = "192.0.2.99";
/** The workload address of ingress probes (the server side of the capture). */
export const LOCAL_SERVER = "10.0.255.10";

/** Which application protocol a TCP flow speaks on which ports, as the renderer assumes. */
export interface AppPorts {
  readonly tlsPorts: readonly PortRange[];
  readonly httpPorts: readonly PortRange[];
}

export interface Probe {
  /** How the probe was made, for the report and failure messages. */
  readonly label: string;
  readonly model: Flow;
  /** The remote address on the wire. */
  readonly remote: string;
  /** The name sent in the TLS SNI / HTTP Host, when it differs from the model's (see `rawTrailingDot`). */
  readonly wireName?: string;
  /**
   * The client sends the name WITH its root dot (`agora.io.`). RFC 6066 §3 says SNI carries
   * no trailing dot and clients strip it; the renderer documents that such a name is not
   * matched (fails closed). The model canonicalises the dot away, so these probes are the one
   * accepted kind of "model allows, engine denies".
   */
  readonly rawTrailingDot?: boolean;
}

/** Application payload for a probe: TLS on TLS ports, HTTP on HTTP ports, opaque bytes elsewhere and on UDP. */
function payloadOf(p: Probe, ports: AppPorts): TestFlow["payload"] {
  if (p.model.protocol === "udp" || (p.model.direction ?? "egress") === "ingress") return { kind: "data" };
  const isName = !/^\d+\.\d+\.\d+\.\d+$/.test(p.model.destination);
  // Clients send the name without the root dot unless the probe says otherwise.
  const name = p.wireName ?? (isName ? p.model.destination.replace(/\.$/, "") : "endpoint.example");
  if (portInRanges(p.model.port, ports.tlsPorts)) return { kind: "tls", sni: name };
  if (portInRanges(p.model.port, ports.httpPorts)) return { kind: "http", host: name };
  return { kind: "data" };
}

/** The capture flow of probe number `i`: a unique client endpoint per probe. */
export function testFlowOf(p: Probe, i: number, ports: AppPorts): TestFlow {
  const host = i + 10;
  if (host > 65000) throw new Error("too many probes for one HOME_NET /16");
  const payload = payloadOf(p, ports);
  if ((p.model.direction ?? "egress") === "ingress") {
    // The remote side opens an inbound flow; its port is unique per probe.
    return { id: i * 10, protocol: p.model.protocol, clientIp: p.remote, clientPort: 1024 + i, serverIp: LOCAL_SERVER, serverPort: p.model.port, payload };
  }
  return {
    id: i * 10, protocol: p.model.protocol, clientIp: `10.0.${host >> 8}.${host & 255}`, clientPort: p.model.sourcePort!,
    serverIp: p.remote, serverPort: p.model.port, payload,
  };
}

/** The probe as the network carries it: addresses, ports, and the name its first request presents. */
export function wireOf(p: Probe, flow: TestFlow): WireFlow {
  const direction = p.model.direction ?? "egress";
  const presents = flow.payload.kind === "tls" ? { field: "TLS SNI" as const, name: flow.payload.sni }
    : flow.payload.kind === "http" ? { field: "HTTP Host" as const, name: flow.payload.host } : undefined;
  return {
    direction, protocol: p.model.protocol, port: p.model.port, remote: p.remote,
    ...(direction === "egress" ? { sourcePort: p.model.sourcePort } : {}),
    ...(presents ? { presents } : {}),
  };
}

const valid = (port: number) => port >= 1 && port <= 65535;

/** Inside and just outside every range: its ends, one beyond each end, and its middle. */
export function portCandidates(ranges: readonly PortRange[]): number[] {
  const out = ranges.flatMap((r) => [r.from, r.to, r.from - 1, r.to + 1, Math.floor((r.from + r.to) / 2)]);
  return [...new Set(out.filter(valid))].sort((a, b) => a - b);
}

const toInt = (ip: string) => ip.split(".").reduce((n, o) => n * 256 + Number(o), 0);
const toIp = (n: number) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join(".");

/** First, last and middle address of a CIDR, and the addresses just before and after it. */
export function addressCandidates(cidr: string): string[] {
  const [base, bits] = cidr.split("/");
  const first = toInt(base);
  const size = 2 ** (32 - Number(bits));
  const last = first + size - 1;
  const out = [first, last, first + Math.floor(size / 2), first - 1, last + 1].filter((n) => n >= 0 && n <= 0xffffffff);
  return [...new Set(out)].map(toIp);
}

/** A look-alike of `name` in another script, in the punycode form a client puts on the wire. */
export function lookalike(name: string): string | undefined {
  const swaps: [RegExp, string][] = [[/a/, "\u0430"], [/o/, "\u03bf"], [/e/, "\u0435"], [/c/, "\u0441"]];
  for (const [re, glyph] of swaps) {
    if (!re.test(name)) continue;
    const ascii = domainToASCII(name.replace(re, glyph));
    if (ascii && ascii !== name && ascii.includes("xn--")) return ascii;
  }
  return undefined;
}

/** The host a hostile wire name (below) really asks for. */
export const HOSTILE_TARGET = "evil.example";

/**
 * Names that must pass for a domain rule, and names that only look as if they should. A
 * variant with `wire` sends that text as the SNI/Host instead of `name`: text that is no
 * host name but ends like the allowed one, asked of the model as the host it really names.
 */
export function nameVariants(d: { name: string; subtree: boolean }): { name: string; why: string; rawTrailingDot?: boolean; wire?: string }[] {
  const n = d.name;
  const labels = n.split(".");
  const variants = [
    { name: n, why: d.subtree ? "apex" : "exact name" },
    { name: `a.b.c.${n}`, why: "deep subdomain" },
    { name: `xn--80ak6aa92e.${n}`, why: "IDN subdomain" },
    { name: `A.B.${n.toUpperCase()}`, why: "upper case" },
    { name: `evil${n}`, why: "shared suffix without a dot" },
    { name: `${n}.evil.example`, why: "name as a prefix of another domain" },
    { name: `${n}.`, why: "trailing dot, sent without it (RFC 6066)" },
    { name: `${n}.`, why: "trailing dot on the wire", rawTrailingDot: true },
    { name: HOSTILE_TARGET, why: "path before the name", wire: `${HOSTILE_TARGET}/.${n}` },
    { name: HOSTILE_TARGET, why: "space before the name", wire: `${HOSTILE_TARGET} .${n}` },
    { name: HOSTILE_TARGET, why: "query before the name", wire: `${HOSTILE_TARGET}?.${n}` },
  ];
  if (labels.length > 2) variants.push({ name: labels.slice(1).join("."), why: "parent domain" });
  const alike = lookalike(n);
  if (alike) variants.push({ name: alike, why: "IDN look-alike (punycode)" });
  return variants;
}

/** A representative port of a rule: a TLS or HTTP one if it has any, so names reach the wire. */
function namePort(r: Rule, ports: AppPorts): number {
  const all = portCandidates(r.ports).filter((p) => portInRanges(p, r.ports));
  return all.find((p) => portInRanges(p, ports.tlsPorts)) ?? all.find((p) => portInRanges(p, ports.httpPorts)) ?? r.ports[0].from;
}

/** A source port for an egress probe: inside the rule's source ports when it has them. */
function sourcePortFor(r: Rule | undefined, seq: number): number {
  if (r?.sourcePorts) return r.sourcePorts[0].from;
  return 33000 + (seq % 1000);
}

/** Probes for one rule of the model. */
function probesForRule(r: Rule, ports: AppPorts, seq: () => number): Probe[] {
  const out: Probe[] = [];
  const egress = (label: string, protocol: Rule["protocol"], port: number, destination: string, remote: string, extra: Partial<Probe> = {}, sourcePort?: number) =>
    out.push({ label, remote, ...extra, model: { direction: "egress", protocol, port, destination, sourcePort: sourcePort ?? sourcePortFor(r, seq()) } });
  const ingress = (label: string, protocol: Rule["protocol"], port: number, remote: string) =>
    out.push({ label, remote, model: { direction: "ingress", protocol, port, destination: remote } });
  const other = r.protocol === "tcp" ? "udp" : "tcp";
  const d = r.destination;
  const what = `${r.sdk} ${r.direction} ${r.protocol} ${d.kind === "cidr" ? d.cidr : (d.subtree ? "." : "") + d.name}`;

  if (r.direction === "ingress") {
    const remotes = d.kind === "cidr" ? (d.cidr === "0.0.0.0/0" ? ["198.51.100.99", "203.0.113.99", "192.0.2.200"] : addressCandidates(d.cidr)) : [];
    for (const p of portCandidates(r.ports)) ingress(`${what}: local port ${p}`, r.protocol, p, remotes[0]);
    for (const a of remotes.slice(1)) ingress(`${what}: peer ${a}`, r.protocol, r.ports[0].from, a);
    ingress(`${what}: other protocol`, other, r.ports[0].from, remotes[0]);
    // The same port outbound is a different flow.
    egress(`${what}: same port outbound`, r.protocol, r.ports[0].from, UNRELATED, UNRELATED, {}, 33999);
    return out;
  }

  if (d.kind === "cidr") {
    const addresses = addressCandidates(d.cidr);
    for (const p of portCandidates(r.ports)) egress(`${what}: port ${p}`, r.protocol, p, addresses[0], addresses[0]);
    for (const a of addresses.slice(1)) egress(`${what}: address ${a}`, r.protocol, r.ports[0].from, a, a);
    egress(`${what}: other protocol`, other, r.ports[0].from, addresses[0], addresses[0]);
    ingress(`${what}: inbound from the endpoint`, r.protocol, r.ports[0].from, addresses[0]);
  } else {
    const inside = d.subtree ? `a.b.c.${d.name}` : d.name;
    for (const p of portCandidates(r.ports)) egress(`${what}: port ${p}`, r.protocol, p, inside, RESOLVED);
    const port = namePort(r, ports);
    for (const v of nameVariants(d)) {
      const extra = v.rawTrailingDot ? { rawTrailingDot: true, wireName: v.name } : v.wire ? { wireName: v.wire } : {};
      egress(`${what}: ${v.why} ${v.wire ?? v.name} on ${port}`, r.protocol, port, v.name, RESOLVED, extra);
    }
    // SNI/Host spoofing: an allowed name, sent to an address that is not the name's.
    if (r.protocol === "tcp" && (portInRanges(port, ports.tlsPorts) || portInRanges(port, ports.httpPorts))) {
      egress(`${what}: allowed name ${inside} presented to ${UNRELATED} on ${port}`, r.protocol, port, UNRELATED, UNRELATED, { wireName: inside });
    }
    egress(`${what}: other protocol`, other, r.ports[0].from, inside, RESOLVED);
    // The address a name resolves to is not the name: a flow to it by address is its own question.
    egress(`${what}: by address`, r.protocol, port, RESOLVED, RESOLVED);
  }
  if (r.sourcePorts) {
    for (const sp of portCandidates(r.sourcePorts)) {
      const dest = d.kind === "cidr" ? addressCandidates(d.cidr)[0] : d.subtree ? `a.b.c.${d.name}` : d.name;
      egress(`${what}: source port ${sp}`, r.protocol, r.ports[0].from, dest, d.kind === "cidr" ? dest : RESOLVED, {}, sp);
    }
  }
  return out;
}

/** Flows no Agora rule is about: other names on TLS/HTTP, other ports, DNS, inbound. */
export function unrelatedProbes(seq: () => number): Probe[] {
  const sp = () => 33000 + (seq() % 1000);
  const e = (protocol: "tcp" | "udp", port: number, destination: string, remote: string, label: string, extra: Partial<Probe> = {}): Probe =>
    ({ label: `unrelated: ${label}`, remote, ...extra, model: { direction: "egress", protocol, port, destination, sourcePort: sp() } });
  const i = (protocol: "tcp" | "udp", port: number, remote: string, label: string): Probe =>
    ({ label: `unrelated: ${label}`, remote, model: { direction: "ingress", protocol, port, destination: remote } });
  return [
    ...["example.com", "evilagora.io", "agora.io.evil.example", "agoraio.cn.evil.example", "notagora.io", lookalike("agora.io")!, "agoralab.co.evil.example"]
      .flatMap((n) => [e("tcp", 443, n, RESOLVED, `TLS ${n}`), e("tcp", 80, n, RESOLVED, `HTTP ${n}`)]),
    e("tcp", 8443, "example.com", RESOLVED, "TLS on 8443"),
    e("tcp", 22, UNRELATED, UNRELATED, "ssh"),
    e("tcp", 3389, UNRELATED, UNRELATED, "rdp"),
    e("tcp", 25, UNRELATED, UNRELATED, "smtp"),
    e("udp", 53, "192.0.2.53", "192.0.2.53", "DNS"),
    e("tcp", 53, "192.0.2.53", "192.0.2.53", "DNS over TCP"),
    e("tcp", 853, "192.0.2.53", "192.0.2.53", "DNS over TLS"),
    e("udp", 53, "8.8.8.8", "8.8.8.8", "DNS to a public resolver"),
    // The Amazon-provided resolver and a VPC+2 resolver (10.0.0.0/16 → 10.0.0.2).
    e("udp", 53, "169.254.169.253", "169.254.169.253", "DNS to the Amazon-provided resolver"),
    e("tcp", 53, "169.254.169.253", "169.254.169.253", "DNS over TCP to the Amazon-provided resolver"),
    e("udp", 53, "10.0.0.2", "10.0.0.2", "DNS to the VPC+2 resolver"),
    e("tcp", 853, "10.0.0.2", "10.0.0.2", "DNS over TLS to the VPC+2 resolver"),
    e("udp", 54, "10.0.0.2", "10.0.0.2", "UDP 54 to the VPC+2 resolver"),
    e("udp", 123, UNRELATED, UNRELATED, "NTP"),
    e("udp", 3478, UNRELATED, UNRELATED, "STUN by address"),
    e("udp", 4500, UNRELATED, UNRELATED, "UDP 4500 by address"),
    e("tcp", 8000, UNRELATED, UNRELATED, "TCP 8000 by address"),
    e("udp", 65535, UNRELATED, UNRELATED, "highest port"),
    e("tcp", 1, UNRELATED, UNRELATED, "lowest port"),
    i("tcp", 22, "198.51.100.99", "inbound ssh"),
    i("udp", 4000, "198.51.100.99", "inbound UDP 4000"),
    i("udp", 39999, "198.51.100.99", "inbound below the simplex range"),
    i("tcp", 40000, "198.51.100.99", "inbound TCP on the simplex range"),
  ];
}

/** Every probe for a rule set, without duplicates (same model flow and same wire form). */
export function probesFor(ruleSet: RuleSet, ports: AppPorts): Probe[] {
  let n = 0;
  const seq = () => n++;
  const all = [...ruleSet.rules.flatMap((r) => probesForRule(r, ports, seq)), ...unrelatedProbes(seq)];
  const seen = new Set<string>();
  return all.filter((p) => {
    const f = p.model;
    const key = [f.direction, f.protocol, f.port, f.destination, f.sourcePort, p.remote, p.wireName ?? "", p.rawTrailingDot ? 1 : 0].join(" ");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Guards the address plan: no CIDR rule may contain the address names resolve to or the workloads. */
export function checkAddressPlan(ruleSet: RuleSet): void {
  for (const r of ruleSet.rules) {
    if (r.destination.kind !== "cidr" || r.destination.cidr === "0.0.0.0/0") continue;
    for (const a of [RESOLVED, UNRELATED, "10.0.0.10"]) {
      if (cidrContains(r.destination.cidr, a)) throw new Error(`${r.destination.cidr} contains ${a}: the probes would be ambiguous`);
    }
  }
}
