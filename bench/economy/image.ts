import { Direction, PortRange, Rule, mergePortRanges } from "../../src/model";
import { Resolution } from "../../src/resolve";
import { intersect as intersectPorts, subtract as subtractPorts } from "./ports";

/**
 * What each target must admit for a resolution: the model's flows after the widenings the
 * platform forces (a name where only addresses can be matched, a source port where none can
 * be), written in the target's own vocabulary. Re-derived here from the model and
 * shared/reference/cloud-semantics.md, not from the renderers, so the bounds are independent.
 */
export interface ImageEntry {
  readonly direction: Direction;
  readonly protocol: string;
  /** A CIDR, a name (an FQDN or application-rule FQDN form), or a wildcard token such as `Internet`. */
  readonly address: string;
  readonly ports: readonly PortRange[];
  /** The workload's source ports; undefined is any. */
  readonly sourcePorts?: readonly PortRange[];
}

const TLS_PORTS: readonly PortRange[] = [{ from: 443, to: 443 }];
const HTTP_PORTS: readonly PortRange[] = [{ from: 80, to: 80 }];
const WEB_PORTS = mergePortRanges([...TLS_PORTS, ...HTTP_PORTS]);

const egressSourcePorts = (r: Rule) => (r.direction === "egress" && r.sourcePorts ? { sourcePorts: r.sourcePorts } : {});

/** Security groups: addresses only (a name is every IPv4 address), no source ports (§1.3). */
export function securityGroupImage(resolution: Resolution): ImageEntry[] {
  return resolution.ruleSet.rules.map((r) => ({
    direction: r.direction, protocol: r.protocol, ports: r.ports,
    address: r.destination.kind === "cidr" ? r.destination.cidr : "0.0.0.0/0",
  }));
}

/** NSG: addresses or one service tag (a name is `Internet`); source ports on outbound rules only (§5). */
export function nsgImage(resolution: Resolution): ImageEntry[] {
  return resolution.ruleSet.rules.map((r) => ({
    direction: r.direction, protocol: r.protocol, ports: r.ports,
    address: r.destination.kind === "cidr" ? r.destination.cidr : "Internet",
    ...egressSourcePorts(r),
  }));
}

/** One TLS SNI or HTTP Host pattern a Suricata rule matches. */
export interface NamePattern {
  readonly kind: "tls" | "http";
  readonly name: string;
  readonly subtree: boolean;
  readonly ports: readonly PortRange[];
  readonly sourcePorts?: readonly PortRange[];
}

/**
 * Network Firewall (Suricata, strict order): names on TLS (443) and HTTP (80) ports are seen
 * in SNI / Host; every other name flow (UDP, other TCP ports, ingress) can only be matched by
 * port, so it becomes `any` address (§3.4). Addresses and egress source ports stay exact.
 */
export function suricataImage(resolution: Resolution): { names: NamePattern[]; flows: ImageEntry[] } {
  const names: NamePattern[] = [];
  const flows: ImageEntry[] = [];
  for (const r of resolution.ruleSet.rules) {
    const base = { direction: r.direction, protocol: r.protocol, ...egressSourcePorts(r) };
    if (r.destination.kind === "cidr") {
      flows.push({ ...base, address: r.destination.cidr, ports: r.ports });
      continue;
    }
    let rest: readonly PortRange[] = r.ports;
    if (r.direction === "egress" && r.protocol === "tcp") {
      for (const [kind, ports] of [["tls", TLS_PORTS], ["http", HTTP_PORTS]] as const) {
        const seen = intersectPorts(r.ports, ports);
        if (seen.length) names.push({ kind, name: r.destination.name, subtree: r.destination.subtree, ports: seen, ...egressSourcePorts(r) });
      }
      rest = subtractPorts(r.ports, WEB_PORTS);
    }
    if (rest.length) flows.push({ ...base, address: "any", ports: rest });
  }
  return { names, flows };
}

/**
 * Azure Firewall Policy (§6): names on TCP 80/443 go to application rules (`name`, and `*.name`
 * for a subtree, whose wildcard never matches the apex); on other ports an exact name is a
 * network-rule FQDN (DNS proxy on) and a subtree is `*` (network rules take no wildcards); no
 * source ports anywhere.
 */
export function firewallImage(resolution: Resolution): { network: ImageEntry[]; application: ImageEntry[] } {
  const network: ImageEntry[] = [];
  const application: ImageEntry[] = [];
  for (const r of resolution.ruleSet.rules) {
    const base = { direction: r.direction, protocol: r.protocol };
    const d = r.destination;
    if (d.kind === "cidr") {
      network.push({ ...base, address: d.cidr, ports: r.ports });
      continue;
    }
    if (r.direction === "ingress") {
      network.push({ ...base, address: "*", ports: r.ports });
      continue;
    }
    let rest: readonly PortRange[] = r.ports;
    if (r.protocol === "tcp") {
      const web = intersectPorts(r.ports, WEB_PORTS);
      for (const form of d.subtree ? [d.name, `*.${d.name}`] : [d.name]) {
        if (web.length) application.push({ ...base, address: form, ports: web });
      }
      rest = subtractPorts(r.ports, WEB_PORTS);
    }
    if (rest.length) network.push({ ...base, address: d.subtree ? "*" : d.name, ports: rest });
  }
  return { network, application };
}

/** The names the workloads must resolve: every egress name, and the cloud proxy's own name. */
export function dnsNames(resolution: Resolution): { name: string; subtree: boolean }[] {
  const names = new Map<string, { name: string; subtree: boolean }>();
  const add = (name: string, subtree: boolean) => {
    const seen = names.get(name);
    names.set(name, { name, subtree: subtree || !!seen?.subtree });
  };
  for (const r of resolution.ruleSet.rules) {
    if (r.direction === "egress" && r.destination.kind === "domain") add(r.destination.name, r.destination.subtree);
  }
  for (const d of resolution.proxyDomains) add(d, false);
  return [...names.values()];
}
