import { ALLOWED_LIST_IDS, DirectRow, EDITIONS, Edition, MEDIA_SETS, REGION_IDS, getEdition } from "../../src/catalog";
import { Provenance } from "../../src/model";
import { Citation, referenceCells, referenceEdition } from "./reference/facts-parser";
import { EditionId, isNotPublished } from "./reference/facts-types";

/*
 * Editions 2020-11 and 2026-02 against the independent reading of agora-facts.md in
 * ./reference (which never imports src/catalog): the catalogue is flattened into the oracle's
 * cell keys (README "Comparing a catalogue edition cell by cell"), the key sets must be equal,
 * and every cell's provenance must name one of the oracle's citations for it (section + row).
 */

const ORACLE_SDKS = ["rtc-native", "rtc-web", "rtm-native", "rtm-web", "recording", "gaming"];

/** The (section, row) a catalogue provenance cites, in the oracle's terms. */
function cited(p: Provenance): string {
  if (p.seed) return `seed|${p.table}`;
  return `${p.table.replace(/^§/, "")}|${p.row ?? ""}`;
}

const versionsKey = (row: DirectRow): string => {
  if (!row.versions) return "any";
  return [row.versions.min ? `>=${row.versions.min}` : "", row.versions.below ? `<${row.versions.below}` : ""].filter(Boolean).join(" ");
};

function catalogueCells(e: Edition): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const put = (key: string, provenance: readonly Provenance[]): void => {
    const set = out.get(key) ?? new Set<string>();
    for (const p of provenance) set.add(cited(p));
    out.set(key, set);
  };
  const rowCites = (row: DirectRow) => [row.provenance, ...(row.alsoCited ?? [])];
  for (const sdk of e.sdks) {
    const id = sdk.id;
    const directWithdrawn = e.withdrawn?.find((w) => w.sdk === id && w.access === "direct");
    const profile = e.cloudProxy.find((p) => p.sdk === id);
    if (ORACLE_SDKS.includes(id)) {
      put(`${id}|whitelist|${!directWithdrawn}`, sdk.matrix ?? []);
      put(`${id}|cloud-proxy|${!!profile}`, sdk.matrix ?? []);
      if (directWithdrawn) put(`${id}|no-whitelist-table`, [directWithdrawn.provenance]);
    }
    for (const row of e.direct.filter((r) => r.sdk === id)) {
      const v = versionsKey(row);
      if (id === "whiteboard" || id === "chat") {
        const ap = id === "chat" && row.provenance.row === "4.13" ? "ap-" : "";
        for (const d of row.written ?? row.destinations) put(`${id}|${ap}domain|${d}`, rowCites(row));
        for (const port of row.ports) put(`${id}|${ap}${row.protocol}|${port}`, rowCites(row));
        continue;
      }
      const ch = row.channel ?? "all";
      if (row.unpublishedDestinations) put(`${id}|${ch}|no-domains-given`, rowCites(row));
      for (const d of row.written ?? row.destinations) put(`${id}|${ch}|domain|${d} [any]`, rowCites(row));
      for (const port of row.ports) put(`${id}|${ch}|${row.protocol}|${port} [${v}]`, rowCites(row));
    }
  }
  // Domains hold for every version unless only version-bound rows list them (none in these editions).
  for (const row of e.domainLimit?.rows ?? []) for (const d of row.written ?? row.destinations) put(`${row.sdk}|domain-limit|${d}`, [row.provenance]);
  const list = e.allowedIpList;
  if (list) {
    for (const r of REGION_IDS) for (const set of MEDIA_SETS) for (const a of list.media[r][set]) {
      put(`allowed|media|${r}|${set}|${a.address.includes("/") ? a.address : `${a.address}/32`}`, [a.provenance]);
    }
    for (const id of ALLOWED_LIST_IDS) {
      const l = list.lists[id];
      for (const r of REGION_IDS) for (const a of l.signaling[r]) put(`allowed|signaling|${id}|${r}|${a.address.includes("/") ? a.address : `${a.address}/32`}`, [a.provenance]);
      for (const [kind, specs] of [["media", l.mediaPorts], ["signaling", l.signalingPorts], ["also", l.alsoRequired]] as const) {
        for (const s of specs) for (const port of s.ports) put(`allowed|ports|${id}|${kind}|${s.protocol}|${port}`, [s.provenance]);
      }
    }
  }
  return out;
}

const oracleCite = (c: Citation): string => `${c.section}|${c.row}`;

describe.each(["2020-11", "2026-02"] as const)("edition %s against the reference oracle", (id: EditionId) => {
  const reference = referenceCells(referenceEdition(id));
  const catalogue = catalogueCells(getEdition(id));

  it("has exactly the oracle's cells (a difference names the cell)", () => {
    const only = (a: Iterable<string>, b: Map<string, unknown>) => [...a].filter((k) => !b.has(k)).sort();
    expect({ onlyInCatalogue: only(catalogue.keys(), reference), onlyInReference: only(reference.keys(), catalogue) })
      .toEqual({ onlyInCatalogue: [], onlyInReference: [] });
    expect(catalogue.size).toBe(reference.size);
  });

  it("cites, for every cell, one of the rows the oracle read it from", () => {
    const uncited = [...catalogue.entries()].flatMap(([key, cites]) => {
      const expected = new Set((reference.get(key) ?? []).map(oracleCite));
      return [...cites].some((c) => expected.has(c)) ? [] : [{ key, catalogue: [...cites].sort(), reference: [...expected].sort() }];
    });
    expect(uncited).toEqual([]);
  });

  it("every citation of the edition points at agora-facts.md or a seed document", () => {
    const e = getEdition(id);
    const files = new Set(e.documents.map((d) => d.file));
    for (const f of files) expect(["sources/agora-facts.md", "sources/seeds/000_a486dfa38fdccc8e.txt", "sources/seeds/001_039772935f48dd22.txt"]).toContain(f);
    const all: Provenance[] = [
      ...e.direct.flatMap((r) => [r.provenance, ...(r.alsoCited ?? [])]),
      ...(e.withdrawn ?? []).map((w) => w.provenance),
      ...e.cloudProxy.flatMap((p) => [p.support, ...p.testEndpoints.map((t) => t.provenance)]),
    ];
    for (const p of all) {
      expect(p.revision).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
      expect(e.documents.some((d) => d.id === p.document)).toBe(true);
    }
  });
});

describe("edition 2026-02: settings facts field by field", () => {
  const ref = referenceEdition("2026-02");
  const e = getEdition("2026-02");
  const native = e.cloudProxy.find((p) => p.sdk === "rtc-native")!;
  const web = e.cloudProxy.find((p) => p.sdk === "rtc-web")!;

  it("Native modes: Force UDP from setCloudProxy's 3.3.0, Force TCP from 3.6.2, each on its own list; no default mode", () => {
    const modes = ref.nativeCloudProxy!.modes;
    expect(native.modeVersions!["force-udp"]).toEqual([{ min: ref.nativeCloudProxy!.setCloudProxySince.value }]);
    expect(native.modeVersions!["force-tcp"]).toEqual([{ min: modes.find((m) => m.mode === "force-tcp")!.since!.value }]);
    expect(native.allowedLists).toEqual({
      "force-udp": modes.find((m) => m.mode === "force-udp")!.allowedListMode,
      "force-tcp": modes.find((m) => m.mode === "force-tcp")!.allowedListMode,
    });
    expect(native.defaultMode).toBeUndefined();
    for (const m of modes.filter((x) => x.mode !== "automatic")) {
      const type = m.cloudProxyType.value;
      expect(native.modeSettings![m.mode as "force-udp" | "force-tcp"].values.any![0]).toContain(`setCloudProxy(${type.name}) (CLOUD_PROXY_TYPE ${type.value}`);
    }
  });

  it("Web modes 3 and 5, mode 5 from 4.9.0, default mode 3 (4.15.0); the Web RTC list for both", () => {
    const [udp, tcp] = ref.webCloudProxy!.modes.map((m) => m.value);
    expect(web.modeSettings!["force-udp"].values.any![0]).toBe(`client.startProxyServer(${udp.mode}) before client.join()`);
    expect(web.modeSettings!["force-tcp"].values.any![0]).toBe(`client.startProxyServer(${tcp.mode}) before client.join()`);
    expect(web.modeVersions!["force-tcp"]).toEqual([{ min: tcp.since }]);
    expect(web.defaultMode).toBe(ref.webCloudProxy!.defaultModeSince.value.mode === udp.mode ? "force-udp" : "force-tcp");
    expect(web.allowedLists).toEqual({ "force-udp": ref.webCloudProxy!.allowedListMode.value, "force-tcp": ref.webCloudProxy!.allowedListMode.value });
    const rtmWeb = e.cloudProxy.find((p) => p.sdk === "rtm-web")!;
    expect(rtmWeb.settings.values.any).toEqual([ref.webCloudProxy!.signalingWeb.value.config]);
    expect(rtmWeb.allowedLists!["force-udp"]).toBe(ref.webCloudProxy!.signalingWeb.value.allowedListMode);
  });

  it("domainLimit: option since 4.2.0, ports not published (every port, reported)", () => {
    const dl = ref.sdks["rtc-native"].domainLimit!;
    expect(e.domainLimit!.since).toBe(dl.optionSince.value);
    expect(isNotPublished(dl.ports)).toBe(true);
    for (const row of e.domainLimit!.rows) {
      expect(row.ports).toEqual(["1-65535"]);
      expect(row.reading).toMatch(/gives no ports/);
    }
  });

  it("no version floor for the allowed IP list (10.2): the list's notes say so", () => {
    const list = ref.allowedIpList;
    if (isNotPublished(list)) throw new Error("2026-02 has a list");
    expect(list.versionFloor.none.value).toBe(true);
    expect(e.allowedIpList!.notes.join(" ")).toMatch(/No SDK version floor/);
    expect(e.allowedIpList!.notes.join(" ")).toMatch(new RegExp(`DNS port ${list.bestPractices.dnsPort.value}`));
  });
});

describe("edition 2020-11: no allowed IP list (none was published in 2020)", () => {
  it("has none, and the oracle agrees", () => {
    expect(getEdition("2020-11").allowedIpList).toBeUndefined();
    expect(isNotPublished(referenceEdition("2020-11").allowedIpList)).toBe(true);
  });
  it("editions are listed oldest first and the newest is 2026-02", () => {
    expect(EDITIONS.map((x) => x.id)).toEqual(["2020-05", "2020-11", "2026-02"]);
  });
});
