import * as fs from "fs";
import * as path from "path";

/**
 * A small reader of the two seed documents, written without the catalogue code, so the
 * seed-exactness tests compare the catalogue against the documents and not against itself.
 * It understands exactly the notation the documents use and throws on anything else, so a
 * change in a seed cannot be skipped silently.
 */

export const SEED_DIR = path.join(__dirname, "..", "..", "sources", "seeds");
export const FIREWALL_FILE = "000_a486dfa38fdccc8e.txt";
export const CLOUD_PROXY_FILE = "001_039772935f48dd22.txt";

export function readSeed(file: string): string {
  return fs.readFileSync(path.join(SEED_DIR, file), "utf8");
}

/** `updatedAt: Mon May 25 2020 05:42:04 GMT+0800 (CST)` → `2020-05-25` (the date as written). */
export function seedRevision(text: string): string {
  const m = /^updatedAt: \w{3} (\w{3}) (\d{2}) (\d{4})/m.exec(text);
  if (!m) throw new Error("seed has no updatedAt line");
  const month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"].indexOf(m[1]) + 1;
  return `${m[3]}-${String(month).padStart(2, "0")}-${m[2]}`;
}

export function seedHeadings(text: string): string[] {
  return text.split("\n").filter((l) => /^#{1,3} /.test(l)).map((l) => l.replace(/^#+ /, "").trim());
}

export interface Ports {
  from: number;
  to: number;
}

/** A version condition as the firewall table writes it: `(2.9.0 or later)`, `(before 2.9.0)`. */
export interface SeedVersion {
  min?: string;
  below?: string;
}

export interface SeedPortItem {
  /** `remote`: a destination port; `local`: the client's own port; `simplex`: recording's downstream range. */
  kind: "remote" | "local" | "simplex";
  ports?: Ports;
  version?: SeedVersion;
}

export interface FirewallRow {
  protocol: "tcp" | "udp";
  items: SeedPortItem[];
}

export interface FirewallSection {
  /** `Agora RTC SDK / Native SDK`, or just `Agora Gaming SDK` when there is no sub-heading. */
  heading: string;
  domains: string[];
  rows: FirewallRow[];
}

function parsePortCell(cell: string): SeedPortItem[] {
  const items: SeedPortItem[] = [];
  let kind: "remote" | "local" = "remote";
  // The recording row separates two groups with a full-width semicolon (U+FF1B).
  for (const raw of cell.split(/[;\uFF1B]/)) {
    const text = raw.trim().replace(/\.$/, "");
    if (text === "") continue;
    if (/^simplex downstream ports used by recording processes$/i.test(text)) {
      items.push({ kind: "simplex" });
      continue;
    }
    const m = /^(?:(duplex|local) ports )?(\d+)(?:\s*(?:to|-)\s*(\d+))?(?:\s*\((2\.9\.0) or later\)|\s*\(before (2\.9\.0)\))?$/i.exec(text);
    if (!m) throw new Error(`seed parser does not understand the port item ${JSON.stringify(text)}`);
    if (m[1]) kind = m[1].toLowerCase() === "local" ? "local" : "remote";
    const from = Number(m[2]);
    const to = m[3] ? Number(m[3]) : from;
    const version = m[4] ? { min: m[4] } : m[5] ? { below: m[5] } : undefined;
    items.push({ kind, ports: { from, to }, ...(version ? { version } : {}) });
  }
  return items;
}

/** Every SDK section of "Firewall Requirements": its domain code block and its port table. */
export function parseFirewallSeed(text: string): { sections: FirewallSection[]; simplexDefault: Ports } {
  const sections: FirewallSection[] = [];
  let h2 = "";
  let current: FirewallSection | undefined;
  let inCode = false;
  for (const line of text.split("\n")) {
    const trimmed = line.trim();
    if (trimmed.startsWith("```")) {
      inCode = !inCode;
      continue;
    }
    if (inCode) {
      if (trimmed && current) current.domains.push(trimmed);
      continue;
    }
    const heading = /^(#{2,3}) (.+)$/.exec(trimmed);
    if (heading) {
      if (heading[1] === "##") h2 = heading[2].trim();
      const name = heading[1] === "##" ? h2 : `${h2} / ${heading[2].trim()}`;
      current = { heading: name, domains: [], rows: [] };
      sections.push(current);
      continue;
    }
    const cells = trimmed.startsWith("|") ? trimmed.split("|").slice(1, -1).map((c) => c.trim()) : [];
    if (cells.length === 3 && /^(TCP|UDP)$/.test(cells[1]) && current) {
      if (cells[2] !== "Allow") throw new Error(`unexpected operation ${cells[2]}`);
      current.rows.push({ protocol: cells[1].toLowerCase() as "tcp" | "udp", items: parsePortCell(cells[0]) });
    }
  }
  const simplex = /Agora recommends (\d+) to (\d+) or larger/.exec(text);
  if (!simplex) throw new Error("no recommended simplex range in the firewall seed");
  return {
    sections: sections.filter((s) => s.domains.length > 0 || s.rows.length > 0),
    simplexDefault: { from: Number(simplex[1]), to: Number(simplex[2]) },
  };
}

export interface CloudProxyRow {
  protocol: "tcp" | "udp";
  address: string;
  ports: Ports[];
  purpose: string;
}

export interface ProxyTypeRow {
  proxyType: number;
  target: string;
  port: string;
}

/** "Use Cloud Proxy": the test endpoints table, the proxy_type table, the setParameters strings, the minimum version. */
export function parseCloudProxySeed(text: string): {
  endpoints: CloudProxyRow[];
  proxyTypes: ProxyTypeRow[];
  setParameters: string[];
  minVersion: string;
} {
  const endpoints: CloudProxyRow[] = [];
  const proxyTypes: ProxyTypeRow[] = [];
  for (const line of text.split("\n")) {
    const trimmed = line.trim();
    if (!trimmed.startsWith("|")) continue;
    const cells = trimmed.split("|").slice(1, -1).map((c) => c.trim());
    if (cells.length === 4 && /^(TCP|UDP)$/.test(cells[0])) {
      const ports = cells[2].split(",").map((p) => {
        const m = /^(\d+)(?: to (\d+))?$/.exec(p.trim());
        if (!m) throw new Error(`seed parser does not understand the port ${JSON.stringify(p)}`);
        return { from: Number(m[1]), to: Number(m[2] ?? m[1]) };
      });
      endpoints.push({ protocol: cells[0].toLowerCase() as "tcp" | "udp", address: cells[1], ports, purpose: cells[3] });
    }
    const type = /^(\d): /.exec(cells[0] ?? "");
    if (cells.length === 3 && type) proxyTypes.push({ proxyType: Number(type[1]), target: cells[1], port: cells[2] });
  }
  // setParameters("{\"rtc.enable_proxy\":true}"): the argument is a C-style string literal.
  const setParameters = [...text.matchAll(/setParameters\("((?:[^"\\]|\\.)*)"\)/g)].map((m) => m[1].replace(/\\"/g, '"'));
  const version = /Agora Native SDK v(\d+\.\d+\.\d+) or later supports the cloud proxy/.exec(text);
  if (!version) throw new Error("no minimum version in the cloud-proxy seed");
  return { endpoints, proxyTypes, setParameters, minVersion: version[1] };
}
