import { Destination, Direction, PortRange, Protocol, formatDestination, formatPortRange } from "../../model";

/**
 * A set of flows in the notation of widening reports: `udp 1080,8000 → .agora.io (from source
 * ports 4000-4030)`. Egress is `→`, ingress `←` (the remote side is on the right). Besides
 * Agora's destination notation, `*` means any address or name and `Internet` any public one.
 */
export interface FlowPattern {
  readonly direction: Direction;
  readonly protocol: Protocol | "any";
  /** Undefined means every port. */
  readonly ports?: readonly PortRange[];
  readonly destination: Destination | "*" | "Internet";
  readonly sourcePorts?: readonly PortRange[];
}

export function formatPorts(ports: readonly PortRange[]): string {
  return ports.map((p) => formatPortRange(p)).join(",");
}

export function describePattern(p: FlowPattern): string {
  const ports = p.ports ? formatPorts(p.ports) : "*";
  const arrow = p.direction === "egress" ? "→" : "←";
  const destination = typeof p.destination === "string" ? p.destination : formatDestination(p.destination);
  const from = p.sourcePorts ? ` (from source ports ${formatPorts(p.sourcePorts)})` : "";
  return `${p.protocol} ${ports} ${arrow} ${destination}${from}`;
}
