import { createHash } from "node:crypto";
import {
  Direction, Grant, InputError, PortRange, Protocol, RuleSet, cidrSortKey, grants, intersectPorts, mergePortRanges, portRangesKey, rangesCover,
  subtractPorts,
} from "../../model";
import { Widening } from "../plan";
import { describeGrant, describeRendered, formatPorts } from "./describe";
import { AWS_LIMITS } from "./limits";
import { DNS_GUARD_PORTS } from "../dns-guard";

export const NETWORK_FIREWALL_TARGET = "aws-network-firewall";

/** Which application protocol a domain flow on a TCP port is assumed to speak. */
export interface SuricataOptions {
  /** TCP ports where clients speak TLS with SNI (Agora's Web SDKs on 443). */
  readonly tlsPorts: readonly PortRange[];
  /** TCP ports where clients speak plain HTTP with a Host header. */
  readonly httpPorts: readonly PortRange[];
  /** Drop DNS, DNS over TLS and DNS over QUIC to everything but these resolvers (CIDRs), ahead of every other rule. */
  readonly dnsGuard?: { readonly resolvers: readonly string[] };
}

export const DEFAULT_SURICATA_OPTIONS: SuricataOptions = {
  tlsPorts: [{ from: 443, to: 443 }],
  httpPorts: [{ from: 80, to: 80 }],
};

export type SuricataRuleKind = "dns-guard" | "handshake" | "tls-sni" | "http-host" | "address" | "widened";

export interface SuricataRule {
  readonly kind: SuricataRuleKind;
  readonly sid: number;
  /** The complete rule line, as it goes into `rulesString`. */
  readonly line: string;
}

/** sids are derived from rule content so adding a rule never renumbers the others. */
export const SID_RANGE = { min: 1_000_000_000, size: 1_000_000_000 } as const;

/** Text that goes inside `msg:"…"`, `content:"…"` or `pcre:"…"` must not end the option or the rule. */
function quoted(text: string, what: string): string {
  if (/["\\;]/.test(text) || /[^\x20-\x7e]/.test(text)) throw new Error(`unsafe ${what} for a Suricata rule: ${JSON.stringify(text)}`);
  return `"${text}"`;
}

const msgText = (text: string) => quoted(text.replace(/[^A-Za-z0-9 .,:/()@+=_-]/g, " ").replace(/\s+/g, " ").trim(), "msg");

function suricataPorts(ranges: readonly PortRange[] | undefined): string {
  if (!ranges) return "any";
  const merged = mergePortRanges(ranges);
  const text = formatPorts(merged, ":");
  return merged.length === 1 ? text : `[${text}]`;
}

const addresses = (cidrs: readonly string[]) => (cidrs.length === 1 ? cidrs[0] : `[${cidrs.join(",")}]`);

/** Address text per rule: well inside the 8,192-character rule limit, with room for ports and msg. */
const ADDRESS_TEXT_BUDGET = 4000;

/** Consecutive runs of CIDRs whose list text fits the budget. */
function addressChunks(cidrs: readonly string[]): string[][] {
  const out: string[][] = [[]];
  let size = 0;
  for (const c of cidrs) {
    if (size + c.length + 1 > ADDRESS_TEXT_BUDGET && out[out.length - 1].length > 0) {
      out.push([]);
      size = 0;
    }
    out[out.length - 1].push(c);
    size += c.length + 1;
  }
  return out;
}

/**
 * An inbound pass rule must match only packets of flows the remote side opened: without it the
 * reply to an outbound flow sent from one of the inbound ports matches, and Suricata passes that
 * whole outbound flow. (Outbound rules keep no flow keyword: under aws:drop_strict a TCP pass
 * with one stops carrying the flow past the handshake, see test/engine.)
 */
const FLOW_FROM_INITIATOR = "flow:to_server;";

/** A rule before its sid: header and match options identify it; `msg` is only the human note. */
interface Draft {
  kind: SuricataRuleKind;
  order: string;
  header: string;
  match: string;
  msg: string;
}

const identity = (d: Draft) => `${d.header} (${d.match})`;

interface NameEntry {
  kind: "tls-sni" | "http-host";
  name: string;
  subtree: boolean;
  sourcePorts?: readonly PortRange[];
  ports: PortRange[];
  sdks: Set<string>;
  /** The model rules (one in practice: grants are per destination and source ports) behind the entry. */
  grants: Grant[];
}

/** Why every name rule is also reported as a widening. */
export const NAME_SPOOFING_REASON =
  "TLS SNI and HTTP Host are chosen by the client: a client that names an allowed host can connect to any address (SNI/Host spoofing)";

/** `TLS SNI` / `HTTP Host`: how a widening says which name a rule reads. */
const NAME_FIELD = { "tls-sni": "TLS SNI", "http-host": "HTTP Host" } as const;

/** A subtree entry covers the same name and every name below it, if its source ports cover too. */
function covers(a: NameEntry, e: NameEntry): boolean {
  if (a === e || !a.subtree || a.kind !== e.kind) return false;
  if (!(e.name === a.name || e.name.endsWith(`.${a.name}`))) return false;
  return !a.sourcePorts || (!!e.sourcePorts && rangesCover(a.sourcePorts, e.sourcePorts));
}

/** One LDH label (src/model/domain.ts): letters, digits, inner hyphens, 1 to 63 characters. */
const LABEL_PATTERN = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";

/**
 * The pcre a subtree name rule adds after `dotprefix; content:".name"; endswith;`: the whole
 * dot-prefixed buffer must be dot-separated LDH labels ending in `.name`, at most 253
 * characters of name (254 with the added dot). The content alone passes anything that ends
 * in `.name`, `evil.example/.agora.io` too. Dots are written `[.]`, so the pattern needs no
 * backslash; `E` makes `$` the very end (PCRE's `$` also matches before a final newline).
 * http.host is lower case already (libhtp), so only SNI needs `i`.
 */
export function subtreeHostPattern(name: string, nocase: boolean): string {
  if (!/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/.test(name)) throw new Error(`not a canonical LDH name for a Suricata pattern: ${JSON.stringify(name)}`);
  return `/^(?=.{2,254}$)(?:[.]${LABEL_PATTERN})*[.]${name.split(".").join("[.]")}$/${nocase ? "iE" : "E"}`;
}

/**
 * Name rules match only a buffer that is a host name equal to, or under, the allowed name:
 * - exact name: `content:"name"; startswith; endswith;`, the whole buffer is the name;
 * - subtree: `dotprefix; content:".name"; endswith;` (the fast pattern: the apex and every
 *   subdomain, never `evilname`) and an anchored pcre (only LDH labels, see subtreeHostPattern);
 * - HTTP also requires an origin-form request target (`http.uri.raw` starts with `/`): for an
 *   absolute URI (`GET http://other/ HTTP/1.1`) libhtp takes http.host from the URI and ignores
 *   the Host header, so the two could name different hosts. Repeated Host headers reach
 *   http.host joined as `a, b`, which is no host name, so they never match.
 */
function nameDraft(e: NameEntry): Draft {
  const tls = e.kind === "tls-sni";
  const buffer = tls ? "tls.sni" : "http.host";
  const proto = tls ? "tls" : "http";
  // http.host is normalised to lower case by Suricata, so nocase is only needed for SNI.
  const nocase = tls ? " nocase;" : "";
  const name = e.subtree
    ? `${buffer}; dotprefix; content:${quoted(`.${e.name}`, "content")};${nocase} endswith; pcre:${quoted(subtreeHostPattern(e.name, tls), "pcre")};`
    : `${buffer}; content:${quoted(e.name, "content")};${nocase} startswith; endswith;`;
  const originForm = tls ? "" : `http.uri.raw; content:"/"; startswith; `;
  return {
    kind: e.kind,
    order: `2 ${e.kind} ${e.name.split(".").reverse().join(".")} ${e.subtree ? 1 : 0} ${portRangesKey(e.sourcePorts)}`,
    header: `pass ${proto} $HOME_NET ${suricataPorts(e.sourcePorts)} -> any ${suricataPorts(e.ports)}`,
    match: `${originForm}${name} flow:to_server,established;`,
    msg: `agora-egress ${tls ? "TLS SNI" : "HTTP Host"} ${e.subtree ? "." : ""}${e.name} for ${[...e.sdks].sort().join(" ")}`,
  };
}

function hashSid(body: string, attempt: number): number {
  const h = createHash("sha256").update(`${body}#${attempt}`).digest();
  return SID_RANGE.min + (h.readUInt32BE(0) % SID_RANGE.size);
}

/** Gives every draft a content-derived sid, re-hashing on a collision (in content order, so stably). */
function assignSids(drafts: readonly Draft[]): SuricataRule[] {
  const used = new Set<number>();
  const sids = new Map<string, number>();
  for (const body of [...new Set(drafts.map(identity))].sort()) {
    let attempt = 0;
    while (used.has(hashSid(body, attempt))) attempt++;
    used.add(hashSid(body, attempt));
    sids.set(body, hashSid(body, attempt));
  }
  const key = (d: Draft) => `${d.order}\u0000${identity(d)}`;
  return [...drafts].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)).map((d) => {
    const sid = sids.get(identity(d))!;
    const line = `${d.header} (msg:${msgText(d.msg)}; ${d.match ? `${d.match} ` : ""}sid:${sid}; rev:1;)`;
    if (line.length > AWS_LIMITS.suricataRuleLength) {
      throw new InputError("networkFirewall", `a Suricata rule would be ${line.length} characters, more than the ${AWS_LIMITS.suricataRuleLength} AWS allows (too many separate port ranges): ${line.slice(0, 80)}…`);
    }
    return { kind: d.kind, sid, line };
  });
}

const wideKey = (direction: Direction, protocol: Protocol, sourcePorts?: readonly PortRange[]) => `${direction} ${protocol} ${portRangesKey(sourcePorts)}`;

/**
 * Suricata pass rules for a strict-order stateful rule group:
 * - TLS SNI rules (tls ports) and HTTP Host rules (http ports) for domain flows over TCP;
 *   a subtree domain matches its apex and every subdomain, an exact one only itself,
 *   case-insensitively, and only a buffer that is a host name (see nameDraft). The client
 *   chooses the name and the address apart, so each name rule is also reported as a widening
 *   to any address presenting that name;
 * - 5-tuple rules for address flows (source ports kept: Suricata can match them);
 * - the domain flows SNI/Host cannot see (UDP, TCP on other ports, ingress) become 5-tuple
 *   rules to any address on exactly those ports, reported as widenings;
 * - one `flow:not_established` rule passing TCP handshake packets (both ways) to the
 *   TLS/HTTP ports, so the ClientHello / request can reach the SNI/Host rules even under
 *   `aws:drop_strict`; it passes those packets only, not their flows;
 * - with `dnsGuard`, first of all: DNS (TCP/UDP 53) and DNS over TLS (TCP 853) passed to the
 *   resolvers (reported as widenings: the model has no DNS rules) and dropped to every other
 *   address. The caller checks that no model rule needs those ports elsewhere.
 * Everything else falls to the policy's default action (`aws:drop_established` assumed).
 * Names are matched as clients send them: without the root dot (RFC 6066 for SNI); an
 * SNI or HTTP Host written with a trailing dot (`agora.io.`) does not match and is dropped.
 */
export function renderSuricataRules(
  ruleSet: RuleSet, options: SuricataOptions = DEFAULT_SURICATA_OPTIONS,
): { rules: SuricataRule[]; widenings: Widening[] } {
  const widenings: Widening[] = [];
  const names = new Map<string, NameEntry>();
  const wide = new Map<string, { direction: Direction; protocol: Protocol; sourcePorts?: readonly PortRange[]; ports: PortRange[]; sdks: Set<string> }>();
  const byAddress = new Map<string, { direction: Direction; protocol: Protocol; sourcePorts?: readonly PortRange[]; cidr: string; ports: PortRange[]; sdks: Set<string> }>();

  const widen = (g: Grant, ports: readonly PortRange[], sourcePorts: readonly PortRange[] | undefined, reason: string) => {
    const key = wideKey(g.direction, g.protocol, sourcePorts);
    const w = wide.get(key) ?? { direction: g.direction, protocol: g.protocol, ...(sourcePorts ? { sourcePorts } : {}), ports: [], sdks: new Set<string>() };
    w.ports = mergePortRanges([...w.ports, ...ports]);
    g.sdks.forEach((s) => w.sdks.add(s));
    wide.set(key, w);
    widenings.push({ target: NETWORK_FIREWALL_TARGET, rule: describeGrant(g), sdks: g.sdks, renderedAs: describeRendered(g, ports, ["any address"], sourcePorts), reason });
  };

  for (const g of grants(ruleSet)) {
    // Ingress source ports would be the remote side's: the model means the workload's, so drop them.
    const sourcePorts = g.direction === "egress" ? g.sourcePorts : undefined;
    if (g.destination.kind === "cidr") {
      if (g.sourcePorts && !sourcePorts) {
        widenings.push({ target: NETWORK_FIREWALL_TARGET, rule: describeGrant(g), sdks: g.sdks, renderedAs: describeRendered(g, g.ports, [g.destination.cidr]), reason: "source ports of an ingress rule are not enforced" });
      }
      const key = `${wideKey(g.direction, g.protocol, sourcePorts)} ${g.destination.cidr}`;
      const a = byAddress.get(key) ?? { direction: g.direction, protocol: g.protocol, ...(sourcePorts ? { sourcePorts } : {}), cidr: g.destination.cidr, ports: [], sdks: new Set<string>() };
      a.ports = mergePortRanges([...a.ports, ...g.ports]);
      g.sdks.forEach((s) => a.sdks.add(s));
      byAddress.set(key, a);
      continue;
    }
    if (g.direction === "ingress") {
      widen(g, g.ports, undefined, "an inbound flow carries no name of its sender; any source address is allowed on these ports");
      continue;
    }
    if (g.protocol === "udp") {
      widen(g, g.ports, sourcePorts, "UDP carries no TLS SNI or HTTP Host, so the firewall cannot see the domain");
      continue;
    }
    const tls = intersectPorts(g.ports, options.tlsPorts);
    const http = intersectPorts(subtractPorts(g.ports, tls), options.httpPorts);
    for (const [kind, ports] of [["tls-sni", tls], ["http-host", http]] as const) {
      if (ports.length === 0) continue;
      const key = `${kind} ${g.destination.name} ${g.destination.subtree} ${portRangesKey(sourcePorts)}`;
      const e = names.get(key) ?? { kind, name: g.destination.name, subtree: g.destination.subtree, ...(sourcePorts ? { sourcePorts } : {}), ports: [], sdks: new Set<string>(), grants: [] };
      e.ports = mergePortRanges([...e.ports, ...ports]);
      g.sdks.forEach((s) => e.sdks.add(s));
      e.grants.push(g);
      names.set(key, e);
    }
    const rest = subtractPorts(g.ports, [...tls, ...http]);
    if (rest.length) widen(g, rest, sourcePorts, "on these ports the SDK does not speak TLS or HTTP, so neither SNI nor Host shows the domain");
  }

  const drafts: Draft[] = [];
  if (options.dnsGuard) {
    const resolvers = [...options.dnsGuard.resolvers].sort((x, y) => cidrSortKey(x).localeCompare(cidrSortKey(y)));
    const everySdk = [...new Set(ruleSet.rules.map((r) => r.sdk))].sort();
    for (const protocol of ["udp", "tcp"] as const) {
      const ports = DNS_GUARD_PORTS[protocol];
      // Strict order: the resolvers' pass comes before the drop, and both before every Agora rule.
      drafts.push({
        kind: "dns-guard", order: `0 ${protocol} 1`, header: `pass ${protocol} $HOME_NET any -> ${addresses(resolvers)} ${suricataPorts(ports)}`, match: "",
        msg: `agora-egress DNS guard: ${protocol} DNS to the resolvers`,
      }, {
        kind: "dns-guard", order: `0 ${protocol} 2`, header: `drop ${protocol} $HOME_NET any -> any ${suricataPorts(ports)}`, match: "",
        msg: `agora-egress DNS guard: ${protocol} DNS to any other resolver dropped`,
      });
      widenings.push({
        target: NETWORK_FIREWALL_TARGET, rule: `${protocol} ${formatPorts(ports)} → the DNS resolvers (dnsGuard)`, sdks: everySdk,
        renderedAs: describeRendered({ direction: "egress", protocol }, ports, resolvers),
        reason: "the DNS guard lets the workloads reach their resolvers, which no Agora rule lists, and drops DNS, DNS over TLS and DNS over QUIC to every other address",
      });
    }
  }
  // A name below a subtree rule with the same kind and ports needs no rule of its own.
  const entries = [...names.values()];
  const kept = entries
    .map((e) => ({ ...e, ports: subtractPorts(e.ports, entries.filter((a) => covers(a, e)).flatMap((a) => a.ports)) }))
    .filter((e) => e.ports.length > 0);
  drafts.push(...kept.map(nameDraft));
  // The name is the client's word: every name rule admits its ports to any address that client chooses.
  for (const e of kept) {
    const destination = `any address presenting ${NAME_FIELD[e.kind]} ${e.subtree ? "." : ""}${e.name}`;
    for (const g of e.grants) {
      widenings.push({
        target: NETWORK_FIREWALL_TARGET, rule: describeGrant(g), sdks: g.sdks,
        renderedAs: describeRendered(g, e.ports, [destination], e.sourcePorts), reason: NAME_SPOOFING_REASON,
      });
    }
  }

  const handshake = mergePortRanges(kept.flatMap((e) => e.ports));
  if (handshake.length) {
    drafts.push({
      kind: "handshake", order: "1",
      header: `pass tcp $HOME_NET any <> any ${suricataPorts(handshake)}`,
      match: "flow:not_established;",
      msg: "agora-egress TCP handshake so SNI and Host rules see the first request",
    });
    widenings.push({
      target: NETWORK_FIREWALL_TARGET, rule: `tcp ${formatPorts(handshake)} → the TLS SNI and HTTP Host allowlist`, sdks: [...new Set(kept.flatMap((e) => [...e.sdks]))].sort(),
      renderedAs: `tcp ${formatPorts(handshake)} → any address (handshake packets only, flow:not_established)`,
      reason: "strict order needs the TCP handshake passed before the ClientHello or HTTP request can be matched; data is still matched by name",
    });
  }

  // Address rules with identical ports share one rule with an address list.
  const grouped = new Map<string, { direction: Direction; protocol: Protocol; sourcePorts?: readonly PortRange[]; ports: PortRange[]; cidrs: string[]; sdks: Set<string> }>();
  for (const a of byAddress.values()) {
    const key = `${wideKey(a.direction, a.protocol, a.sourcePorts)} ${portRangesKey(a.ports)}`;
    const g = grouped.get(key) ?? { direction: a.direction, protocol: a.protocol, ...(a.sourcePorts ? { sourcePorts: a.sourcePorts } : {}), ports: a.ports, cidrs: [], sdks: new Set<string>() };
    g.cidrs.push(a.cidr);
    a.sdks.forEach((s) => g.sdks.add(s));
    grouped.set(key, g);
  }
  for (const g of grouped.values()) {
    const sorted = g.cidrs.sort((x, y) => cidrSortKey(x).localeCompare(cidrSortKey(y)));
    // Long address lists are split over several rules, so no rule passes the 8,192-character limit.
    for (const cidrs of addressChunks(sorted)) {
      const remote = addresses(cidrs);
      const header = g.direction === "egress"
        ? `$HOME_NET ${suricataPorts(g.sourcePorts)} -> ${remote} ${suricataPorts(g.ports)}`
        : `${remote} any -> $HOME_NET ${suricataPorts(g.ports)}`;
      drafts.push({
        kind: "address", order: `3 ${g.direction} ${g.protocol} ${cidrSortKey(cidrs[0])} ${portRangesKey(g.ports)} ${portRangesKey(g.sourcePorts)}`,
        header: `pass ${g.protocol} ${header}`, match: g.direction === "ingress" ? FLOW_FROM_INITIATOR : "",
        msg: `agora-egress ${g.direction} ${g.protocol} ${g.direction === "egress" ? "to" : "from"} ${cidrs.includes("0.0.0.0/0") ? "any address" : "listed addresses"} for ${[...g.sdks].sort().join(" ")}`,
      });
    }
  }

  // Widened ports with a source-port constraint are redundant where any source port is already open.
  for (const w of wide.values()) {
    const open = w.sourcePorts ? wide.get(wideKey(w.direction, w.protocol))?.ports ?? [] : [];
    const ports = subtractPorts(w.ports, open);
    if (!ports.length) continue;
    const header = w.direction === "egress" ? `$HOME_NET ${suricataPorts(w.sourcePorts)} -> any ${suricataPorts(ports)}` : `any any -> $HOME_NET ${suricataPorts(ports)}`;
    drafts.push({
      kind: "widened", order: `4 ${w.direction} ${w.protocol} ${portRangesKey(w.sourcePorts)}`,
      header: `pass ${w.protocol} ${header}`, match: w.direction === "ingress" ? FLOW_FROM_INITIATOR : "",
      msg: `agora-egress ${w.direction} ${w.protocol} ports of domain flows (widened to any address) for ${[...w.sdks].sort().join(" ")}`,
    });
  }
  // An egress pass rule on every port (no flow keyword, see FLOW_FROM_INITIATOR) also matches the
  // workload's replies in a flow opened from outside, so Suricata passes that inbound flow too.
  for (const w of wide.values()) {
    // (TCP: the TLS and HTTP ports are left to the name rules; the rule covers every other port.)
    const named = w.protocol === "tcp" ? [...options.tlsPorts, ...options.httpPorts] : [];
    if (w.direction !== "egress" || w.sourcePorts || !portRangesCoverAll([...w.ports, ...named])) continue;
    widenings.push({
      target: NETWORK_FIREWALL_TARGET, rule: `${w.protocol} 1-65535 → any address`, sdks: [...w.sdks].sort(),
      renderedAs: `${w.protocol} 1-65535 ← any address`,
      reason: "an outbound pass rule on every port carries no flow keyword (under aws:drop_strict one would stop the flow after the handshake), so it also passes the replies, and with them the whole flow, of connections opened from outside",
    });
  }
  return { rules: assignSids(drafts), widenings };
}

/** Do the ranges cover every port, 1-65535? */
function portRangesCoverAll(ranges: readonly PortRange[]): boolean {
  const merged = mergePortRanges(ranges);
  return merged.length === 1 && merged[0].from <= 1 && merged[0].to >= 65535;
}
