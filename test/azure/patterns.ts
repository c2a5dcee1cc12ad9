import { Destination, Flow, PortRange, isIpv4Literal, parseDestination, parsePortRange, portInRanges, ruleAllows } from "../../src/model";

/** A widening's `renderedAs` (or `rule`), parsed back: the set of flows it stands for. */
export interface ParsedPattern {
  readonly direction: "egress" | "ingress";
  readonly protocol: "tcp" | "udp" | "any";
  readonly ports?: PortRange[];
  readonly destination: Destination | "*" | "Internet";
  readonly sourcePorts?: PortRange[];
  /** `… → * presenting TLS SNI .agora.io`: any destination, for a client that presents a name under this one. */
  readonly presenting?: { readonly field: "TLS SNI" | "HTTP Host"; readonly name: Destination };
}

const PATTERN = /^(tcp|udp|any) (\S+) (→|←) (\S+)(?: presenting (TLS SNI|HTTP Host) (\S+))?(?: \(from source ports (\S+)\))?$/;
const ranges = (text: string) => text.split(",").map((p) => parsePortRange(p));

export function parsePattern(text: string): ParsedPattern {
  const m = PATTERN.exec(text);
  if (!m) throw new Error(`not a flow pattern: ${text}`);
  const destination = m[4] === "*" || m[4] === "Internet" ? m[4] : parseDestination(m[4]);
  const presented = m[6] ? parseDestination(m[6]) : undefined;
  if (presented && (presented.kind !== "domain" || destination !== "*")) throw new Error(`not a flow pattern: ${text}`);
  return {
    direction: m[3] === "→" ? "egress" : "ingress",
    protocol: m[1] as ParsedPattern["protocol"],
    ...(m[2] === "*" ? {} : { ports: ranges(m[2]) }),
    destination,
    ...(m[7] ? { sourcePorts: ranges(m[7]) } : {}),
    ...(m[5] && presented ? { presenting: { field: m[5] as "TLS SNI" | "HTTP Host", name: presented } } : {}),
  };
}

/** RFC 1918, loopback, link-local, CGNAT and "this network": not in the `Internet` service tag. */
export function isPublicAddress(address: string): boolean {
  const [a, b] = address.split("/")[0].split(".").map(Number);
  return !(a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31)
    || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127) || a >= 224);
}

/** Does a remote side (name or address) fall under `*`, `Internet`, or an Agora-notation destination? */
export function remoteMatches(destination: ParsedPattern["destination"], remote: string): boolean {
  if (destination === "*") return true;
  if (destination === "Internet") return !isIpv4Literal(remote) || isPublicAddress(remote);
  return ruleAllows({ sdk: "", direction: "egress", protocol: "tcp", destination, ports: [{ from: 1, to: 65535 }], provenance: [] },
    { protocol: "tcp", port: 1, destination: remote });
}

/**
 * A Flow names its remote side by a name or an address, never both: a `presenting` pattern
 * (any address, for a client presenting a name under the given one) covers the flows to such
 * a name, which the model allows anyway, so it explains no other flow.
 */
export function patternMatches(p: ParsedPattern, flow: Flow): boolean {
  if ((flow.direction ?? "egress") !== p.direction) return false;
  if (p.protocol !== "any" && p.protocol !== flow.protocol) return false;
  if (p.ports && !portInRanges(flow.port, p.ports)) return false;
  if (p.sourcePorts && (flow.sourcePort === undefined || !portInRanges(flow.sourcePort, p.sourcePorts))) return false;
  if (p.presenting) return !isIpv4Literal(flow.destination) && remoteMatches(p.presenting.name, flow.destination);
  return remoteMatches(p.destination, flow.destination);
}
