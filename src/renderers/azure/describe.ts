import { Destination, Direction, PortRange, Protocol, formatDestination, formatPortRange } from "../../model";

/**
 * A set of flows in the notation of widening reports: `udp 1080,8000 → .agora.io (from source
 * ports 4000-4030)`. Egress is `→`, ingress `←` (the remote side is on the right). Besides
 * Agora's destination notation, `*` means any address or name and `Internet` any public one.
 * `tcp 443 → * presenting TLS SNI .agora.io` is any destination, for a client that presents
 * that name (TLS SNI or HTTP Host).
 */
export interface FlowPattern {
  readonly direction: Direction;
  readonly protocol: Protocol | "any";
  /** Undefined means every port. */
  readonly ports?: readonly PortRange[];
  readonly destination: Destination | "*" | "Internet";
  readonly sourcePorts?: readonly PortRange[];
  /** The name the client must present, and where: the destination is then any it chooses. */
  readonly presenting?: { readonly field: "TLS SNI" | "HTTP Host"; readonly name: Destination };
}

export function formatPorts(ports: readonly PortRange[]): string {
  return ports.map((p) => formatPortRange(p)).join(",");
}

export function describePattern(p: FlowPattern): string {
  const ports = p.ports ? formatPorts(p.ports) : "*";
  const arrow = p.direction === "egress" ? "→" : "←";
  const destination = typeof p.destination === "string" ? p.destination : formatDestination(p.destination);
  const from = p.sourcePorts ? ` (from source ports ${formatPorts(p.sourcePorts)})` : "";
  const presenting = p.presenting ? ` presenting ${p.presenting.field} ${formatDestination(p.presenting.name)}` : "";
  return `${p.protocol} ${ports} ${arrow} ${destination}${presenting}${from}`;
}
