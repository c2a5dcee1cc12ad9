/**
 * A small evaluator of the Suricata rules the Network Firewall renderer writes, under
 * AWS strict rule order. It knows only the rule language the renderer uses: `pass`,
 * protocols tcp/udp/tls/http, `$HOME_NET`/any/CIDR/[list] addresses, any/port/a:b/[list]
 * ports, `->`/`<>`, and the options msg, flow, the sticky buffers tls.sni, http.host and
 * http.uri.raw, dotprefix, content, nocase, startswith, endswith, pcre (flags i and E only;
 * a JavaScript RegExp's `$` is already end-only, which is what E means), sid, rev. Anything
 * else throws, so the evaluator never silently misreads a rule.
 *
 * A connection is a few packets: TCP handshake (SYN, SYN-ACK; not established) and the
 * first request (established, to server, carrying the TLS SNI, or the HTTP Host and
 * request target (default `/`), when the client speaks TLS/HTTP); UDP: a first packet, then an established one. Each packet gets
 * the action of the first rule that matches it (file order), else the policy default:
 * `aws:drop_established` passes packets of not-yet-established flows, `aws:drop_strict`
 * drops them. As in Suricata, a matching `pass` passes the whole flow from then on, except
 * a `flow:not_established` rule, which passes only that packet. The connection is allowed
 * when every packet passes.
 */
import { cidrContains } from "../../src/model";

export type DefaultAction = "aws:drop_established" | "aws:drop_strict";

export interface Packet {
  proto: "tcp" | "udp";
  src: string;
  sport?: number;
  dst: string;
  dport?: number;
  established: boolean;
  toServer: boolean;
  app?: App;
}

/** What the first request shows: the SNI, or the Host (as http.host holds it) and the request target. */
export interface App {
  protocol: "tls" | "http";
  name: string;
  /** http.uri.raw: the request target as sent, `/` unless given. */
  target?: string;
}

export interface BufferMatch {
  kind: "tls.sni" | "http.host" | "http.uri.raw";
  dotprefix: boolean;
  content: string;
  nocase: boolean;
  startswith: boolean;
  endswith: boolean;
  pcre?: RegExp;
}

type AddressSpec = { any: true } | { home: true } | { cidrs: string[] };
type PortSpec = { any: true } | { ranges: [number, number][] };

export interface ParsedRule {
  action: "pass" | "drop";
  proto: "tcp" | "udp" | "tls" | "http";
  src: AddressSpec;
  sport: PortSpec;
  bidirectional: boolean;
  dst: AddressSpec;
  dport: PortSpec;
  flow?: { established?: boolean; toServer?: boolean };
  /** Every sticky buffer of the rule with its matches; all must match. */
  buffers: BufferMatch[];
  sid: number;
  line: string;
}

function list(text: string): string[] {
  return text.startsWith("[") && text.endsWith("]") ? text.slice(1, -1).split(",") : [text];
}

function parseAddress(text: string): AddressSpec {
  if (text === "any") return { any: true };
  if (text === "$HOME_NET") return { home: true };
  const cidrs = list(text);
  for (const c of cidrs) if (!/^\d+\.\d+\.\d+\.\d+\/\d+$/.test(c)) throw new Error(`address ${c} not understood`);
  return { cidrs };
}

function parsePorts(text: string): PortSpec {
  if (text === "any") return { any: true };
  return {
    ranges: list(text).map((p) => {
      const m = /^(\d+)(?::(\d+))?$/.exec(p);
      if (!m) throw new Error(`port ${p} not understood`);
      return [Number(m[1]), Number(m[2] ?? m[1])] as [number, number];
    }),
  };
}

export function parseRule(line: string): ParsedRule {
  const m = /^(pass|drop) (tcp|udp|tls|http) (\S+) (\S+) (->|<>) (\S+) (\S+) \((.*)\)$/.exec(line);
  if (!m) throw new Error(`rule not understood: ${line}`);
  const rule: ParsedRule = {
    action: m[1] as ParsedRule["action"], proto: m[2] as ParsedRule["proto"], src: parseAddress(m[3]), sport: parsePorts(m[4]),
    bidirectional: m[5] === "<>", dst: parseAddress(m[6]), dport: parsePorts(m[7]), buffers: [], sid: NaN, line,
  };
  const options = m[8].split(";").map((o) => o.trim()).filter(Boolean);
  let sticky: BufferMatch | undefined;
  for (const option of options) {
    const [keyword, ...rest] = option.split(":");
    const value = rest.join(":");
    switch (keyword) {
      case "msg": case "rev": break;
      case "sid": rule.sid = Number(value); break;
      case "flow": {
        const parts = value.split(",").map((p) => p.trim());
        rule.flow = {
          ...(parts.includes("established") ? { established: true } : parts.includes("not_established") ? { established: false } : {}),
          ...(parts.includes("to_server") ? { toServer: true } : {}),
        };
        break;
      }
      case "tls.sni": case "http.host": case "http.uri.raw":
        if (rule.buffers.some((b) => b.kind === keyword)) throw new Error(`${keyword} twice in ${line}`);
        sticky = { kind: keyword, dotprefix: false, content: "", nocase: false, startswith: false, endswith: false };
        rule.buffers.push(sticky);
        break;
      case "dotprefix": case "nocase": case "startswith": case "endswith":
        if (!sticky) throw new Error(`${keyword} without a sticky buffer in ${line}`);
        sticky[keyword] = true;
        break;
      case "content":
        if (!sticky || sticky.content || !/^"[^"]*"$/.test(value)) throw new Error(`content not understood in ${line}`);
        sticky.content = value.slice(1, -1);
        break;
      case "pcre": {
        const re = /^"\/(.*)\/([iE]*)"$/.exec(value);
        // Without E, PCRE's `$` also matches before a final newline, which a RegExp's does not.
        if (!sticky || sticky.pcre || !re || (re[1].includes("$") && !re[2].includes("E"))) throw new Error(`pcre not understood in ${line}`);
        sticky.pcre = new RegExp(re[1], re[2].includes("i") ? "i" : "");
        break;
      }
      default:
        throw new Error(`option ${keyword} not understood in ${line}`);
    }
  }
  if (!Number.isInteger(rule.sid)) throw new Error(`no sid in ${line}`);
  return rule;
}

export const HOME_NET = "10.99.0.0/16";

function addressMatches(spec: AddressSpec, ip: string): boolean {
  if ("any" in spec) return true;
  if ("home" in spec) return cidrContains(HOME_NET, ip);
  return spec.cidrs.some((c) => cidrContains(c, ip));
}

function portMatches(spec: PortSpec, port: number | undefined): boolean {
  if ("any" in spec) return true;
  return port !== undefined && spec.ranges.some(([a, b]) => port >= a && port <= b);
}

function bufferMatches(b: BufferMatch, p: Packet): boolean {
  const wanted = b.kind === "tls.sni" ? "tls" : "http";
  if (!p.app || p.app.protocol !== wanted) return false;
  // Suricata normalises http.host to lower case; tls.sni is the raw SNI; http.uri.raw the target as sent.
  let buffer = b.kind === "http.uri.raw" ? p.app.target ?? "/" : b.kind === "http.host" ? p.app.name.toLowerCase() : p.app.name;
  if (b.dotprefix) buffer = `.${buffer}`;
  if (b.pcre && !b.pcre.test(buffer)) return false;
  let content = b.content;
  if (b.nocase) {
    buffer = buffer.toLowerCase();
    content = content.toLowerCase();
  }
  if (b.startswith && b.endswith) return buffer === content;
  if (b.startswith) return buffer.startsWith(content);
  if (b.endswith) return buffer.endsWith(content);
  return buffer.includes(content);
}

export function ruleMatches(r: ParsedRule, p: Packet): boolean {
  if (r.proto === "udp" ? p.proto !== "udp" : p.proto !== "tcp") return false;
  if ((r.proto === "tls" || r.proto === "http") && p.app?.protocol !== r.proto) return false;
  const forward = addressMatches(r.src, p.src) && portMatches(r.sport, p.sport) && addressMatches(r.dst, p.dst) && portMatches(r.dport, p.dport);
  const backward = r.bidirectional && addressMatches(r.src, p.dst) && portMatches(r.sport, p.dport)
    && addressMatches(r.dst, p.src) && portMatches(r.dport, p.sport);
  if (!forward && !backward) return false;
  if (r.flow?.established !== undefined && r.flow.established !== p.established) return false;
  if (r.flow?.toServer && !p.toServer) return false;
  return r.buffers.every((b) => bufferMatches(b, p));
}

export function packetVerdict(rules: readonly ParsedRule[], p: Packet, defaultAction: DefaultAction): "pass" | "drop" {
  const first = rules.find((r) => ruleMatches(r, p));
  if (first) return first.action;
  return defaultAction === "aws:drop_established" && !p.established ? "pass" : "drop";
}

/** A client→server connection as the firewall sees it. */
export interface Connection {
  proto: "tcp" | "udp";
  client: string;
  clientPort?: number;
  server: string;
  serverPort: number;
  app?: App;
}

export function packetsOf(c: Connection): Packet[] {
  const out: Packet = { proto: c.proto, src: c.client, sport: c.clientPort, dst: c.server, dport: c.serverPort, established: false, toServer: true };
  const back: Packet = { proto: c.proto, src: c.server, sport: c.serverPort, dst: c.client, dport: c.clientPort, established: false, toServer: false };
  const request: Packet = { ...out, established: true, ...(c.app ? { app: c.app } : {}) };
  return c.proto === "tcp" ? [out, back, request] : [out, request];
}

export function connectionAllowed(rules: readonly ParsedRule[], c: Connection, defaultAction: DefaultAction): boolean {
  let flowPassed = false;
  return packetsOf(c).every((p) => {
    if (flowPassed) return true;
    const first = rules.find((r) => ruleMatches(r, p));
    if (first?.action === "pass" && first.flow?.established !== false) flowPassed = true;
    return packetVerdict(rules, p, defaultAction) === "pass";
  });
}

export function parseRules(rulesString: string): ParsedRule[] {
  return rulesString.split("\n").filter((l) => l.trim() && !l.startsWith("#")).map(parseRule);
}
