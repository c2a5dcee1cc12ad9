/**
 * When does a reported widening account for a flow the engine passes but the model denies?
 *
 * A Widening's `renderedAs` is machine-readable; it says what was emitted instead of the model rule:
 *
 *   <protocol> <ports> <arrow> <destinations>[ (from source ports <ports>)]
 *
 * - `<arrow>` is `→` (egress: `<ports>` are the remote port) or `←` (ingress: `<ports>` are the
 *   workload's local port);
 * - `<destinations>` are CIDRs or `any address`, comma-separated (the remote side), or, for a
 *   name rule, `any address presenting <TLS SNI|HTTP Host> <name>` (Agora's notation: a leading
 *   dot for the name and every name below it): any address, as long as the client names it so;
 * - a trailing `(handshake packets only, flow:not_established)` marks the handshake rule,
 *   which passes set-up packets but never a flow's data, so it covers no flow.
 *
 * A widening covers a flow on the wire when the protocol and direction are equal, the port is
 * in `<ports>`, the workload's source port is in the source ports (when given), and the remote
 * address is in one of the destinations; a `presenting` widening instead needs the flow to
 * present, in that field, a host name (LDH, as the model defines it) that the name matches.
 * Anything else in `renderedAs` is an error: a widening the test cannot read is not accepted as
 * an excuse.
 */
import { canonicalDomain, cidrContains, domainMatches, parseDestination, parsePortRange } from "../../src/model";
import { Widening } from "../../src/renderers/plan";

/** A flow as the network carries it: no names, only addresses and ports. */
export interface WireFlow {
  readonly direction: "egress" | "ingress";
  readonly protocol: "tcp" | "udp";
  /** Remote port for egress, the workload's local port for ingress. */
  readonly port: number;
  /** The workload's own port, for egress flows. */
  readonly sourcePort?: number;
  /** The remote side's address. */
  readonly remote: string;
  /** The name the client presents: the TLS SNI or the HTTP Host, byte for byte as sent. */
  readonly presents?: { readonly field: "TLS SNI" | "HTTP Host"; readonly name: string };
}

const RENDERED = /^(tcp|udp) ([\d,-]+) (→|←) (.+?)(?: \(from source ports ([\d,-]+)\))?$/;
const HANDSHAKE_ONLY = / \(handshake packets only, flow:not_established\)$/;
const PRESENTING = /^any address presenting (TLS SNI|HTTP Host) (\S+)$/;

/** Is `sent` a host name (as canonicalDomain accepts it) that `allowed` (Agora's notation) matches? */
function presentedNameMatches(sent: string, allowed: string): boolean {
  const d = parseDestination(allowed);
  if (d.kind !== "domain") throw new Error(`not a name in a widening: ${allowed}`);
  let name: string;
  try {
    name = canonicalDomain(sent);
  } catch {
    return false;
  }
  return domainMatches(name, d.name, d.subtree);
}

function inPorts(list: string, port: number): boolean {
  return list.split(",").some((p) => {
    const r = parsePortRange(p);
    return port >= r.from && port <= r.to;
  });
}

/** Does this one widening admit the wire flow? */
export function wideningCovers(w: Widening, f: WireFlow): boolean {
  if (HANDSHAKE_ONLY.test(w.renderedAs)) return false;
  const m = RENDERED.exec(w.renderedAs);
  if (!m) throw new Error(`widening not machine-readable: ${JSON.stringify(w.renderedAs)}`);
  const [, protocol, ports, arrow, destinations, sourcePorts] = m;
  if (protocol !== f.protocol || (arrow === "→" ? "egress" : "ingress") !== f.direction) return false;
  if (!inPorts(ports, f.port)) return false;
  if (sourcePorts && (f.sourcePort === undefined || !inPorts(sourcePorts, f.sourcePort))) return false;
  const presenting = PRESENTING.exec(destinations);
  if (presenting) return f.presents?.field === presenting[1] && presentedNameMatches(f.presents.name, presenting[2]);
  return destinations.split(", ").some((d) => d === "any address" || cidrContains(d, f.remote));
}

/** The first widening that admits the flow, if any. */
export function coveringWidening(widenings: readonly Widening[], f: WireFlow): Widening | undefined {
  return widenings.find((w) => wideningCovers(w, f));
}
