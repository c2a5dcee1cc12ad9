import * as fs from "fs";
import * as path from "path";
import { Rule } from "../../src/model";
import { EDITIONS, SDK_IDS, getEdition } from "../../src/catalog";
import { resolve } from "../../src/resolve";
import {
  CLOUD_PROXY_FILE, FIREWALL_FILE, FirewallSection, Ports, SEED_DIR,
  parseCloudProxySeed, parseFirewallSeed, readSeed, seedHeadings, seedRevision,
} from "./seed-parser";

// The catalogue must say exactly what the seeds say: each SDK's domains × ports per protocol,
// nothing missing, nothing added. The expectations come from sources/seeds (byte copies of
// shared/seeds, shipped with the package), read by the independent parser in ./seed-parser.

const firewallText = readSeed(FIREWALL_FILE);
const cloudProxyText = readSeed(CLOUD_PROXY_FILE);
const firewall = parseFirewallSeed(firewallText);
const cloudProxy = parseCloudProxySeed(cloudProxyText);

/** Which section of "Firewall Requirements" each SDK id stands for. */
const SECTION_OF: Record<string, string> = {
  "rtc-native": "Agora RTC SDK / Native SDK",
  "rtc-web": "Agora RTC SDK / Web SDK",
  "rtm-native": "Agora RTM SDK / Native SDK",
  "rtm-web": "Agora RTM SDK / Web SDK",
  recording: "Agora On-premise Recording SDK",
  gaming: "Agora Gaming SDK",
};

function section(sdk: string): FirewallSection {
  const found = firewall.sections.find((s) => s.heading === SECTION_OF[sdk]);
  if (!found) throw new Error(`no section ${SECTION_OF[sdk]} in the seed`);
  return found;
}

function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  }
  return 0;
}

/** "Latest" (no version) satisfies any `or later` and no `before`. */
function versionApplies(version: string | undefined, cond: { min?: string; below?: string } | undefined): boolean {
  if (!cond) return true;
  if (version === undefined) return cond.below === undefined;
  if (cond.min && compareVersions(version, cond.min) < 0) return false;
  if (cond.below && compareVersions(version, cond.below) >= 0) return false;
  return true;
}

function mergedText(ranges: readonly Ports[]): string {
  const sorted = [...ranges].sort((a, b) => a.from - b.from || a.to - b.to);
  const out: Ports[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.from <= last.to + 1) last.to = Math.max(last.to, r.to);
    else out.push({ ...r });
  }
  return out.map((r) => (r.from === r.to ? `${r.from}` : `${r.from}-${r.to}`)).join(",");
}

type Table = Record<string, string>;

function add(table: Table, key: string, ports: readonly Ports[]): void {
  const existing = table[key];
  const parsed = existing ? existing.split(",").map((p) => { const [f, t] = p.split("-").map(Number); return { from: f, to: t ?? f }; }) : [];
  table[key] = mergedText([...parsed, ...ports]);
}

/** The resolution as `direction protocol destination from source-ports` → merged destination ports. */
function tableOf(rules: readonly Rule[]): Table {
  const table: Table = {};
  for (const r of rules) {
    const d = r.destination.kind === "cidr" ? r.destination.cidr : `${r.destination.subtree ? "." : ""}${r.destination.name}`;
    const key = `${r.direction} ${r.protocol} ${d} from ${r.sourcePorts ? mergedText(r.sourcePorts) : "any"}`;
    expect(table[key]).toBeUndefined(); // normalised: one rule per key
    table[key] = mergedText(r.ports);
  }
  return table;
}

/** What the seed says one SDK (at one version) needs with direct access. */
function expectedDirect(sdk: string, version?: string): Table {
  const s = section(sdk);
  const table: Table = {};
  for (const row of s.rows) {
    const applicable = row.items.filter((i) => versionApplies(version, i.version));
    const remote = applicable.filter((i) => i.kind === "remote").map((i) => i.ports!);
    const local = applicable.filter((i) => i.kind === "local").map((i) => i.ports!);
    const from = local.length ? mergedText(local) : "any";
    for (const domain of s.domains) add(table, `egress ${row.protocol} ${domain} from ${from}`, remote);
    if (applicable.some((i) => i.kind === "simplex")) {
      // The seed names no remote address for the downstream media, so it may come from anywhere.
      add(table, `ingress ${row.protocol} 0.0.0.0/0 from any`, [firewall.simplexDefault]);
    }
  }
  return table;
}

describe("the seed parser reads what the tests rely on", () => {
  it("finds the six SDK sections and the recommended recording range", () => {
    expect(firewall.sections.map((s) => s.heading).sort()).toEqual(Object.values(SECTION_OF).sort());
    expect(firewall.simplexDefault).toEqual({ from: 40000, to: 41000 });
    expect(section("rtc-native").domains).toHaveLength(13);
    expect(section("rtm-web").domains).toHaveLength(12);
  });

  it("reads the twelve rows of the native test table", () => {
    expect(cloudProxy.endpoints).toHaveLength(12);
    expect(cloudProxy.minVersion).toBe("2.4.0");
  });

  it("parses sources/ that are byte copies of shared/seeds and shared/reference/agora-facts.md (compared when shared/ is beside the repo)", () => {
    const SHARED = path.join(__dirname, "..", "..", "..", "shared");
    for (const file of [FIREWALL_FILE, CLOUD_PROXY_FILE]) {
      const copy = fs.readFileSync(path.join(SEED_DIR, file), "utf8");
      expect(copy).toMatch(/^\n?---\ntitle: .+\n/);
      const shared = path.join(SHARED, "seeds", file);
      if (fs.existsSync(shared)) expect(copy).toBe(fs.readFileSync(shared, "utf8"));
    }
    const facts = fs.readFileSync(path.join(SEED_DIR, "..", "agora-facts.md"), "utf8");
    expect(facts).toMatch(/^# Agora firewall and cloud-proxy facts\n/);
    const sharedFacts = path.join(SHARED, "reference", "agora-facts.md");
    if (fs.existsSync(sharedFacts)) expect(facts).toBe(fs.readFileSync(sharedFacts, "utf8"));
  });

  it("every file the catalogue cites is in the repository (and so in the package: see test/schema/package.test.ts)", () => {
    const ROOT = path.join(__dirname, "..", "..");
    const files = new Set(EDITIONS.flatMap((e) => e.documents.map((d) => d.file)));
    expect([...files].sort()).toEqual(["sources/agora-facts.md", `sources/seeds/${FIREWALL_FILE}`, `sources/seeds/${CLOUD_PROXY_FILE}`]);
    for (const f of files) expect({ f, exists: fs.existsSync(path.join(ROOT, f)) }).toEqual({ f, exists: true });
  });
});

describe("direct access: exactly the seed's domains × ports", () => {
  it.each(SDK_IDS.map((id) => [id]))("%s (latest)", (sdk) => {
    const resolution = resolve({ edition: "2020-05", sdks: [sdk], access: "direct" });
    expect(tableOf(resolution.ruleSet.rules)).toEqual(expectedDirect(sdk));
  });

  it.each([["2.8.0"], ["2.8.9"], ["2.9.0"], ["2.9"], ["3.0.0"]])("rtc-web@%s", (version) => {
    const resolution = resolve({ edition: "2020-05", sdks: [`rtc-web@${version}`], access: "direct" });
    expect(tableOf(resolution.ruleSet.rules)).toEqual(expectedDirect("rtc-web", version));
  });

  it("rtc-web latest: UDP 3478 and 5866-6000", () => {
    const table = tableOf(resolve({ edition: "2020-05", sdks: ["rtc-web"] }).ruleSet.rules);
    for (const domain of [".agora.io", ".edge.agora.io", ".agoraio.cn", ".edge.agoraio.cn"]) {
      expect(table[`egress udp ${domain} from any`]).toBe("3478,5866-6000");
    }
  });

  it("rtc-web@2.8.0: UDP 3478 and 10000-65535", () => {
    const table = tableOf(resolve({ edition: "2020-05", sdks: ["rtc-web@2.8.0"] }).ruleSet.rules);
    for (const domain of [".agora.io", ".edge.agora.io", ".agoraio.cn", ".edge.agoraio.cn"]) {
      expect(table[`egress udp ${domain} from any`]).toBe("3478,10000-65535");
    }
  });

  it("recording: duplex ports from local ports 4000-4030, and ingress UDP 40000-41000", () => {
    const table = tableOf(resolve({ edition: "2020-05", sdks: ["recording"] }).ruleSet.rules);
    expect(table["egress udp ap1.agora.io from 4000-4030"]).toBe("1080,7000,8000,8913,9700,25000");
    expect(table["egress udp ap1.agora.io from any"]).toBeUndefined();
    expect(table["egress tcp ap1.agora.io from any"]).toBe("1080,8000,9700,25000,30000");
    expect(table["ingress udp 0.0.0.0/0 from any"]).toBe("40000-41000");
    expect(Object.keys(table).filter((k) => k.startsWith("ingress"))).toEqual(["ingress udp 0.0.0.0/0 from any"]);
  });

  it("every resolved rule cites the SDK's own table in Firewall Requirements", () => {
    for (const sdk of SDK_IDS) {
      for (const rule of resolve({ edition: "2020-05", sdks: [sdk] }).ruleSet.rules) {
        expect(rule.provenance.length).toBeGreaterThan(0);
        for (const p of rule.provenance) {
          expect(p).toMatchObject({ document: "SEED-FW", table: SECTION_OF[sdk], revision: seedRevision(firewallText), seed: true });
        }
      }
    }
  });
});

describe("cloud proxy, test environment: exactly the seed's test endpoints", () => {
  const expectedProxy = (): Table => {
    const table: Table = {};
    for (const row of cloudProxy.endpoints) add(table, `egress ${row.protocol} ${row.address}/32 from any`, row.ports);
    return table;
  };

  it("rtc-native gets the cloud-proxy table's rows (protocol, address, ports) and nothing else", () => {
    const resolution = resolve({ edition: "2020-05", sdks: ["rtc-native"], access: "cloud-proxy", environment: "test" });
    expect(tableOf(resolution.ruleSet.rules)).toEqual(expectedProxy());
    expect(resolution.sdks).toEqual([{ id: "rtc-native", access: "cloud-proxy" }]);
  });

  it("each rule carries the row's port function and cites the seed's table", () => {
    const resolution = resolve({ edition: "2020-05", sdks: ["rtc-native"], access: "cloud-proxy" });
    for (const rule of resolution.ruleSet.rules) {
      const address = rule.destination.kind === "cidr" ? rule.destination.cidr.replace(/\/32$/, "") : "";
      const row = cloudProxy.endpoints.find((e) => e.address === address && e.protocol === rule.protocol)!;
      expect(rule.purpose).toContain(row.purpose);
      for (const p of rule.provenance) expect(p).toMatchObject({ document: "SEED-CP", revision: seedRevision(cloudProxyText), seed: true });
    }
  });

  it("recording uses the same test table (agora-facts 3.3), cited from outside the seeds, and its simplex range comes in from those endpoints", () => {
    const resolution = resolve({ edition: "2020-05", sdks: ["recording"], access: "cloud-proxy" });
    const egress = resolution.ruleSet.rules.filter((r) => r.direction === "egress");
    const ingress = resolution.ruleSet.rules.filter((r) => r.direction === "ingress");
    expect(tableOf(egress)).toEqual(expectedProxy());
    for (const rule of egress) {
      for (const p of rule.provenance) expect(p).toMatchObject({ document: "EXT:S4", seed: false, citation: expect.stringMatching(/3\.3/) });
    }
    // The seed's simplex downstream ports (default range), from each test endpoint address: the cloud proxy sends the media.
    const fromEndpoints: Table = {};
    for (const address of new Set(cloudProxy.endpoints.map((e) => e.address))) add(fromEndpoints, `ingress udp ${address}/32 from any`, [firewall.simplexDefault]);
    expect(tableOf(ingress)).toEqual(fromEndpoints);
    for (const rule of ingress) {
      for (const p of rule.provenance) expect(p).toMatchObject({ document: "SEED-FW", revision: seedRevision(firewallText), seed: true });
    }
    expect(resolution.notes.join("\n")).toMatch(/recording: cloud-proxy data comes from outside the seed documents/);
  });

  it("the setParameters strings are the seed's (proxy_type 1, the default domain)", () => {
    const resolution = resolve({ edition: "2020-05", sdks: ["rtc-native"], access: "cloud-proxy" });
    const [enable, server] = resolution.appSettings[0].values;
    expect(enable).toBe(cloudProxy.setParameters[0]);
    expect(JSON.parse(server)).toEqual(JSON.parse(cloudProxy.setParameters[1]));
    expect(resolution.proxyDomains).toEqual([cloudProxy.proxyTypes.find((t) => t.proxyType === 1)!.target]);
  });

  it(`cloud proxy needs the seed's minimum Native SDK version`, () => {
    const [major, minor, patch] = cloudProxy.minVersion.split(".").map(Number);
    expect(resolve({ edition: "2020-05", sdks: [`rtc-native@${cloudProxy.minVersion}`], access: "cloud-proxy" }).sdks[0].access).toBe("cloud-proxy");
    expect(() => resolve({ edition: "2020-05", sdks: [`rtc-native@${major}.${minor - 1}.${patch}`], access: "cloud-proxy" }))
      .toThrow(/needs 2\.4\.0 or later/);
  });
});

describe("catalogue provenance: nothing without a source", () => {
  const edition = getEdition("2020-05");
  const provenances = [
    ...edition.direct.map((r) => r.provenance),
    edition.recordingSimplex.provenance,
    ...edition.cloudProxy.flatMap((p) => [p.support, ...p.testEndpoints.map((e) => e.provenance)]),
  ];

  it("every row cites a document of its edition, with that document's file, title and revision", () => {
    for (const e of EDITIONS) {
      const all = [
        ...e.direct.map((r) => r.provenance),
        e.recordingSimplex.provenance,
        ...e.cloudProxy.flatMap((p) => [p.support, ...p.testEndpoints.map((x) => x.provenance)]),
      ];
      for (const p of all) {
        const doc = e.documents.find((d) => d.id === p.document);
        expect(doc).toBeDefined();
        expect(p).toMatchObject({ file: doc!.file, title: doc!.title, seed: doc!.seed });
        // A row of agora-facts.md's §4a timeline carries the date of the change it records, no later than its document's revision.
        if (p.table === "§4a") expect(p.revision <= doc!.revision && p.row!.startsWith(p.revision)).toBe(true);
        else expect(p.revision).toBe(doc!.revision);
        expect(p.table.length).toBeGreaterThan(0);
      }
    }
  });

  it("seed rows point at a seed file we have, with its updatedAt date, and at a heading it has", () => {
    const seedRows = provenances.filter((p) => p.seed);
    expect(seedRows.length).toBeGreaterThan(0);
    for (const p of seedRows) {
      const file = path.basename(p.file);
      expect([FIREWALL_FILE, CLOUD_PROXY_FILE]).toContain(file);
      const text = readSeed(file);
      expect(p.revision).toBe(seedRevision(text));
      // "Agora RTC SDK / Native SDK" → both headings exist; "Implementation step 4: …" → "Implementation".
      const headings = seedHeadings(text);
      for (const part of p.table.split(" / ")) expect(headings).toContain(part.replace(/ step \d.*$/, ""));
    }
  });

  it("rows from outside the seeds cite agora-facts.md with a source tag and a row number", () => {
    const outside = provenances.filter((p) => !p.seed);
    expect(outside.length).toBeGreaterThan(0);
    for (const p of outside) {
      expect(p.file).toBe("sources/agora-facts.md");
      expect(p.citation).toMatch(/^\[EXT:S\d+\] \d+\.\d+/);
      expect(p.document).toBe(p.citation!.slice(1, p.citation!.indexOf("]")));
    }
  });

  it("every SDK of Firewall Requirements is in the catalogue, and only those", () => {
    expect(edition.sdks.map((s) => s.id).sort()).toEqual(Object.keys(SECTION_OF).sort());
    expect(new Set(edition.direct.map((r) => r.provenance.table))).toEqual(new Set(Object.values(SECTION_OF)));
  });
});
