import { getEdition } from "../../src/catalog";
import { Resolution, versionInRange } from "../../src/resolve";

/**
 * The naive baseline: Agora's tables transcribed by hand, one rule per cell, i.e. per port
 * entry as printed (`4000-4030` is one entry, `5668` and `5669` are two) per destination per
 * protocol, for every table the selection uses.
 */
export interface Cell {
  readonly sdk: string;
  readonly direction: "egress" | "ingress";
  readonly protocol: string;
  readonly port: string;
  readonly destination: string;
  readonly sourcePorts?: string;
  /** The table row the cell is in (DNS transcriptions list each row's names once). */
  readonly row: string;
}

export function tableCells(resolution: Resolution): Cell[] {
  const edition = getEdition(resolution.edition);
  const selection = resolution.selection;
  const cells: Cell[] = [];
  const push = (sdk: string, row: string, protocol: string, ports: readonly (string | number)[], destinations: readonly string[], extra: Partial<Cell> = {}) => {
    for (const port of ports) for (const destination of destinations) {
      cells.push({ sdk, row, direction: "egress", protocol, port: String(port).replace(/\s/g, ""), destination, ...extra });
    }
  };
  for (const sdk of resolution.sdks) {
    if (sdk.access === "direct") {
      edition.direct.filter((r) => r.sdk === sdk.id && versionInRange(sdk.version, r.versions)).forEach((r, i) => {
        push(sdk.id, `${sdk.id} direct ${i}`, r.protocol, r.ports, r.destinations, r.sourcePorts ? { sourcePorts: r.sourcePorts.join(",") } : {});
      });
      if (sdk.id === "recording") {
        const low = selection.recordingPorts?.low ?? edition.recordingSimplex.defaultLow;
        const high = selection.recordingPorts?.high ?? edition.recordingSimplex.defaultHigh;
        push(sdk.id, "recording simplex", edition.recordingSimplex.protocol, [`${low}-${high}`], ["0.0.0.0/0"], { direction: "ingress" });
      }
      continue;
    }
    const profile = edition.cloudProxy.find((p) => p.sdk === sdk.id)!;
    // The published allowed IP list (2026-02): its tables as printed, for the mode and regions selected.
    const list = profile.allowedLists && resolution.proxyMode && resolution.regions ? edition.allowedIpList!.lists[profile.allowedLists[resolution.proxyMode]] : undefined;
    if (list && !selection.productionProxy) {
      for (const region of resolution.regions!) {
        const media = edition.allowedIpList!.media[region][list.mediaSet].map((a) => a.address);
        const signaling = list.signaling[region].map((a) => a.address);
        for (const p of list.mediaPorts) push(sdk.id, `${sdk.id} ${list.id} media ${region}`, p.protocol, p.ports, media);
        for (const p of list.signalingPorts) push(sdk.id, `${sdk.id} ${list.id} signaling ${region}`, p.protocol, p.ports, signaling);
        for (const p of list.alsoRequired) push(sdk.id, `${sdk.id} ${list.id} also ${region}`, p.protocol, p.ports, [...media, ...signaling]);
      }
      continue;
    }
    const rows = selection.environment === "production"
      ? (selection.productionProxy?.endpoints ?? []).filter((r) => !r.sdks || r.sdks.includes(sdk.id))
      : profile.testEndpoints;
    rows.forEach((r, i) => push(sdk.id, `${sdk.id} proxy ${i}`, r.protocol, r.ports, r.addresses));
  }
  return cells;
}

const isDomain = (d: string) => !/^[\d./]+$/.test(d);
const WEB_PORTS = new Set(["80", "443"]);

/** Cells, and the cells left once cells that are identical on the target are merged. */
export interface NaiveCount {
  readonly cells: number;
  readonly distinct: number;
}

function count<T>(items: readonly T[], key: (t: T) => string): NaiveCount {
  return { cells: items.length, distinct: new Set(items.map(key)).size };
}

/** Security groups: a name becomes 0.0.0.0/0 and the source ports go; AWS refuses exact duplicates. */
export const naiveSecurityGroup = (cells: readonly Cell[]) =>
  count(cells, (c) => [c.direction, c.protocol, c.port, isDomain(c.destination) ? "0.0.0.0/0" : c.destination].join(" "));

/** NSG: a name becomes `Internet`; the outbound source ports stay. */
export const naiveNsg = (cells: readonly Cell[]) =>
  count(cells, (c) => [c.direction, c.protocol, c.port, isDomain(c.destination) ? "Internet" : c.destination, c.direction === "egress" ? c.sourcePorts ?? "" : ""].join(" "));

/** Suricata: one rule per cell. */
export const naiveSuricata = (cells: readonly Cell[]) =>
  count(cells, (c) => [c.direction, c.protocol, c.port, c.destination, c.sourcePorts ?? ""].join(" "));

/** Azure Firewall: TCP 80/443 to a name is an application rule, every other cell a network rule. */
export function naiveFirewall(cells: readonly Cell[]): { network: NaiveCount; application: NaiveCount } {
  const app = (c: Cell) => c.direction === "egress" && c.protocol === "tcp" && WEB_PORTS.has(c.port) && isDomain(c.destination);
  return {
    network: count(cells.filter((c) => !app(c)), (c) => [c.direction, c.protocol, c.port, c.destination].join(" ")),
    application: count(cells.filter(app), (c) => [c.port, c.destination].join(" ")),
  };
}

/**
 * DNS allow lists: each table row's names, once per row (plus the cloud proxy's name); on
 * Route 53 a subtree `.x` is written as two entries, `x` and `*.x`.
 */
export function naiveDns(cells: readonly Cell[], proxyDomains: readonly string[], subtreeEntries: number): NaiveCount {
  const perRow = [...new Set(cells.filter((c) => c.direction === "egress" && isDomain(c.destination)).map((c) => `${c.row}|${c.destination}`))]
    .map((k) => k.split("|")[1]);
  const entries = [...perRow, ...proxyDomains].flatMap((d) => (d.startsWith(".") ? Array.from({ length: subtreeEntries }, (_, i) => `${i} ${d}`) : [d]));
  return { cells: entries.length, distinct: new Set(entries).size };
}
