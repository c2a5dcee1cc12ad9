import * as fs from "fs";
import { canonicalCidr } from "../../../src/model/address";
import {
  ALLOWED_MODE_IDS, AllowedIpList, ChannelTable, Citation, FACTS_CANDIDATES, PortItem, REGION_IDS, ReferenceEdition, SDK_IDS,
  SdkId, SdkPage, firewallPageAt, isNotPublished, loadReference, parseReference, referenceCells, referenceEdition, versionApplies,
} from "./facts-parser";

// The oracle's own tests: counts and spot values checked by reading agora-facts.md by eye, and
// the parser's strictness. The values written here are the ones a reader finds in the text.

const ref = loadReference();
const e2020 = referenceEdition("2020-11");
const e2026 = referenceEdition("2026-02");

function allowed(e: ReferenceEdition): AllowedIpList {
  if (isNotPublished(e.allowedIpList)) throw new Error(`${e.id} has no allowed IP list`);
  return e.allowedIpList;
}

function channel(p: SdkPage, id: ChannelTable["channel"]): ChannelTable {
  const found = p.channels.find((c) => c.channel === id);
  if (!found) throw new Error(`${p.sdk} has no ${id} channel`);
  return found;
}

const ports = (items: readonly PortItem[], version?: string): string[] =>
  items.filter((p) => versionApplies(version, p.versions)).map((p) => (p.from === p.to ? `${p.from}` : `${p.from}-${p.to}`));
const names = (c: ChannelTable, version?: string): string[] => c.domains.filter((d) => versionApplies(version, d.versions)).map((d) => d.name);
const flag = (f: SdkPage["whitelist"]): boolean | "not published" => (isNotPublished(f) ? "not published" : f.value);

/** Every `cite` array anywhere in a value. */
function citations(value: unknown, out: (readonly Citation[])[] = []): (readonly Citation[])[] {
  if (Array.isArray(value)) value.forEach((v) => citations(v, out));
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k === "cite") out.push(v as Citation[]);
      else citations(v, out);
    }
  }
  return out;
}

describe("the reference file", () => {
  it("is read from ../shared/reference, else from sources/ in the repo; the two agree when both exist", () => {
    const present = FACTS_CANDIDATES.filter((p) => fs.existsSync(p));
    expect(present.length).toBeGreaterThan(0);
    expect(ref.file).toBe(present[0]);
    if (present.length === 2) expect(fs.readFileSync(present[1], "utf8")).toBe(fs.readFileSync(present[0], "utf8"));
  });

  it("has the source register S1–S30, nine §8 bullets, conflicts C1–C18 and corrections 10.1–10.10", () => {
    expect(Object.keys(ref.sources)).toEqual(Array.from({ length: 30 }, (_, i) => `S${i + 1}`));
    expect(ref.notFound.map((n) => n.id)).toEqual(Array.from({ length: 9 }, (_, i) => `8.${i + 1}`));
    expect(ref.conflicts.map((c) => c.id)).toEqual(Array.from({ length: 18 }, (_, i) => `C${i + 1}`));
    expect(ref.corrections.map((c) => c.id)).toEqual(Array.from({ length: 10 }, (_, i) => `10.${i + 1}`));
  });
});

describe("every value traces to a cited fact", () => {
  const known = new Set(["SEED-FW", "SEED-CP", "INFERENCE", "Docs-Source release notes", ...Object.keys(ref.sources).map((s) => `EXT:${s}`)]);

  it.each([["2020-11"], ["2026-02"]] as const)("%s: each citation points at a row, bullet or sentence that holds its quote, with a registered source", (id) => {
    const all = citations(referenceEdition(id));
    expect(all.length).toBeGreaterThan(id === "2020-11" ? 50 : 300);
    for (const list of all) {
      expect(list.length).toBeGreaterThan(0);
      // at least one citation of each value names a source (a §8 bullet alone has none)
      expect(list.some((c) => c.sources.length > 0)).toBe(true);
      for (const c of list) {
        expect(() => ref.locate(c)).not.toThrow();
        for (const s of c.sources) expect(known).toContain(s);
      }
    }
  });

  it("every table cell of each edition carries a citation", () => {
    for (const e of [e2020, e2026]) for (const [key, c] of referenceCells(e)) expect([key, c.length > 0]).toEqual([key, true]);
  });

  it("cell counts per table", () => {
    const count = (e: ReferenceEdition, prefix: string): number => [...referenceCells(e).keys()].filter((k) => k.startsWith(prefix)).length;
    expect(referenceCells(e2020).size).toBe(61);
    expect(count(e2026, "rtc-web|")).toBe(2 + 7 + 12 + 3);
    expect(count(e2026, "rtm-web|")).toBe(2 + 14 + 5 + 4 + 9 + 2);
    expect(count(e2026, "rtm-native|")).toBe(2 + 1 + 9 + 9 + 1 + 1);
    // NA 4, Asia 3, India 3, CN 9 (one row for all three sets); EU 4 + 12 + 4 and Japan 4 + 11 + 4
    expect(count(e2026, "allowed|media|")).toBe((4 + 3 + 3 + 9) * 3 + (4 + 12 + 4) + (4 + 11 + 4));
    expect(count(e2026, "allowed|signaling|")).toBe((16 * 5 + 2) * 2 + 12 + 17);
    expect(count(e2026, "allowed|ports|")).toBe(4 + 2 + 4 + 4);
    expect(count(e2026, "whiteboard|")).toBe(5 + 1);
    expect(count(e2026, "chat|")).toBe(9 + 1 + 3 + 6);
    // firewall page: rtc-native 3 (+2 domainLimit), rtc-web 24, rtm-web 36, rtm-native 23, recording 3, gaming 3
    expect(referenceCells(e2026).size).toBe(5 + 24 + 36 + 23 + 3 + 3 + 96 + 193 + 14 + 6 + 19);
  });
});

describe("2020-11: the final 2020 page, built from the seed by the §4a timeline", () => {
  const web = channel(e2020.sdks["rtc-web"], "all");

  it("Web: the seed's four domains; TCP after 5866-6000 → 4700-5000 and the RTMP converter ports; UDP by version", () => {
    expect(names(web)).toEqual([".agora.io", ".edge.agora.io", ".agoraio.cn", ".edge.agoraio.cn"]);
    expect(ports(web.tcp)).toEqual(["80", "443", "3433", "4700-5000", "5668", "5669", "6080", "6443", "8667", "9667", "30011-30013"]);
    expect(ports(web.udp, "2.9.0")).toEqual(["3478", "4700-5000"]);
    expect(ports(web.udp, "2.8.9")).toEqual(["3478", "10000-65535"]);
    expect(web.tcp.find((p) => p.from === 30011)!.note).toBe("RTMP converter");
  });

  it("the 2020-11-04 row restates exactly what the earlier rows built (checked, and cited)", () => {
    const t = ref.timeline.find((r) => r.row.startsWith("2020-11-04"))!;
    expect(t.handling).toBe("restatement-checked");
    for (const p of [...web.tcp, ...web.udp]) expect(p.cite.map((c) => c.row)).toContain("2020-11-04 (0b6e143f)");
    expect(web.tcp.find((p) => p.from === 4700)!.cite.map((c) => c.row)).toEqual(expect.arrayContaining(["2020-05-25 05:42", "2020-10-30 (ca287be1)"]));
  });

  it("Native RTC, Recording and Gaming sections are gone (2020-09-15/16); the matrix of 2020-09-29", () => {
    for (const sdk of ["rtc-native", "recording", "gaming"] as const) {
      expect(e2020.sdks[sdk].channels).toEqual([]);
      expect(e2020.sdks[sdk].withdrawn![0].row).toBe("2020-09-15/16 (d4bc0e4c)");
    }
    const matrix = Object.fromEntries(SDK_IDS.map((s) => [s, [flag(e2020.sdks[s].whitelist), flag(e2020.sdks[s].cloudProxy)]]));
    expect(matrix).toEqual({
      "rtc-native": [false, true], "rtc-web": [true, true], "rtm-native": [true, false], "rtm-web": [true, false], recording: [false, true], gaming: [false, false],
    });
    for (const s of SDK_IDS) expect(e2020.sdks[s].whitelist.cite[0].row).toBe("2020-09-29 (891aa03b)");
  });

  it("RTM Native: only .agora.io; the 2020-10-30 ports", () => {
    const rtm = channel(e2020.sdks["rtm-native"], "all");
    expect(names(rtm)).toEqual([".agora.io"]);
    expect(ports(rtm.tcp)).toEqual(["9130", "9131", "9140"]);
    expect(ports(rtm.udp)).toEqual(["1080", "8000", "8130", "9120", "9121", "9700", "25000"]);
  });

  it("RTM Web: the seed's 12 domains; TCP 443, 9591, 9593 + 6443 (2020-08-20) + 9601 (2020-10-30)", () => {
    const rtm = channel(e2020.sdks["rtm-web"], "all");
    expect(rtm.domains).toHaveLength(12);
    expect(ports(rtm.tcp)).toEqual(["443", "9591", "9593", "6443", "9601"]);
    expect(rtm.udp).toEqual([]);
  });

  it("has no allowed IP list: §8 says no public production list exists for 2020", () => {
    const list = e2020.allowedIpList;
    if (!isNotPublished(list)) throw new Error("2020-11 has an allowed IP list");
    expect(list.cite.map((c) => `${c.section} ${c.row}`)).toEqual(["8 8.1", "4f 4.18"]);
    expect(e2020.whiteboard).toBeUndefined();
    expect(e2020.chat).toBeUndefined();
  });

  it("the page note 'Use UDP ports…' went with the 2020-09-15/16 change; 'Do not set restrictions on IP addresses' came 2020-09-29", () => {
    expect(firewallPageAt("2020-09-14").notes.map((n) => n.value)[0]).toMatch(/^Use UDP ports rather than TCP ports/);
    expect(e2020.notes.map((n) => n.value)).toEqual(["Do not set restrictions on IP addresses when whitelisting"]);
  });
});

describe("2026-02: §4b (verified in §10), with every §4a change up to 2026-02-11", () => {
  const web = channel(e2026.sdks["rtc-web"], "all");

  it("Web: 7 domains; TCP includes 3478 (2026-02-11, §10.5) and 30011-30013; UDP by version", () => {
    expect(names(web)).toEqual([".agora.io", ".edge.agora.io", ".sd-rtn.com", ".edge.sd-rtn.com", ".ap.sd-rtn.com", ".statscollector.sd-rtn.com", ".webrtc-cloud-proxy.sd-rtn.com"]);
    expect(ports(web.tcp)).toEqual(["80", "443", "3433", "3478", "4700-5000", "5668", "5669", "6080", "6443", "8667", "9667", "30011-30013"]);
    expect(web.tcp.find((p) => p.from === 3478)!.cite.map((c) => `${c.section} ${c.row}`))
      .toEqual(expect.arrayContaining(["4b 4.2", "4a 2026-02-11 (8082d39a)", "10 10.5"]));
    expect(ports(web.udp)).toEqual(["3478", "4700-5000"]);
    expect(ports(web.udp, "2.8.0")).toEqual(["3478", "10000-65535"]);
  });

  it("Signaling Native: message channel on .agora.io; stream channel UDP 4001-4150 with no domains", () => {
    const p = e2026.sdks["rtm-native"];
    expect(p.channels.map((c) => c.channel)).toEqual(["message", "stream"]);
    const msg = channel(p, "message");
    expect(names(msg)).toEqual([".agora.io"]);
    expect(ports(msg.tcp)).toEqual(["443", "7384", "8443", "9130", "9131", "9136", "9137", "9140", "9141"]);
    expect(ports(msg.udp)).toEqual(["1080", "3000", "8000", "8130", "8443", "9120", "9121", "9700", "25000"]);
    const stream = channel(p, "stream");
    expect(stream.domains).toEqual([]);
    expect(stream.tcp).toEqual([]);
    expect(ports(stream.udp)).toEqual(["4001-4150"]);
    expect(stream.noDomainsGiven!.map((c) => `${c.row}: ${c.quote}`)).toEqual(["4.6: none given"]);
    expect([flag(p.whitelist), flag(p.cloudProxy)]).toEqual([true, false]);
  });

  it("Signaling Web: message channel (14 domains, 9601 only for 1.x) and stream channel", () => {
    const p = e2026.sdks["rtm-web"];
    const msg = channel(p, "message");
    expect(names(msg)).toEqual([
      ".edge.agora.io", ".edge.sd-rtn.com", "web-1.ap.sd-rtn.com", "web-2.ap.sd-rtn.com", "web-3.ap.sd-rtn.com", "web-4.ap.sd-rtn.com",
      "ap-web-1.agora.io", "ap-web-2.agora.io", "ap-web-3.agora.io", "ap-web-4.agora.io", "webcollector-rtm.agora.io", "logservice-rtm.agora.io",
      "rtm.statscollector.sd-rtn.com", "rtm.logservice.sd-rtn.com",
    ]);
    expect(ports(msg.tcp, "2.2.0")).toEqual(["443", "9591", "9593", "27387"]);
    expect(ports(msg.tcp, "1.5.1")).toEqual(["443", "9591", "9593", "27387", "9601"]);
    expect(msg.udp).toEqual([]);
    const stream = channel(p, "stream");
    expect(names(stream)).toEqual([".agora.io", ".edge.agora.io", ".sd-rtn.com", ".edge.sd-rtn.com"]);
    expect(ports(stream.tcp)).toEqual(["80", "3433", "4700-5000", "5668", "5669", "6080", "6443", "8667", "9667"]);
    expect(ports(stream.udp)).toEqual(["3478", "4700-5000"]);
    expect([flag(p.whitelist), flag(p.cloudProxy)]).toEqual([true, true]);
  });

  it("Native RTC, Recording, Gaming: no whitelist table; the 4b support matrix", () => {
    const matrix = Object.fromEntries(SDK_IDS.map((s) => [s, [flag(e2026.sdks[s].whitelist), flag(e2026.sdks[s].cloudProxy)]]));
    expect(matrix).toEqual({
      "rtc-native": [false, true], "rtc-web": [true, true], "rtm-native": [true, false], "rtm-web": [true, true], recording: [false, true], gaming: [false, false],
    });
    for (const s of ["rtc-native", "recording", "gaming"] as const) expect(e2026.sdks[s].channels).toEqual([]);
  });

  it("§10.4: Native domainLimit domains, outside the page's (still ✘) whitelist", () => {
    const dl = e2026.sdks["rtc-native"].domainLimit!;
    expect(dl.domains.map((d) => d.name)).toEqual(["*.rtnsvc.com", "*.realtimemesh.com"]);
    expect([dl.announcedIn.value, dl.optionSince.value]).toEqual(["4.6.0", "4.2.0"]);
    expect(isNotPublished(dl.ports)).toBe(true);
    expect(dl.domains[0].cite[0]).toMatchObject({ section: "10", row: "10.4" });
  });

  it("the timeline at 2026-02-11 gives the same cells as §4b (the parser throws otherwise)", () => {
    const page = firewallPageAt("2026-02-11");
    const strip = (sdks: Record<SdkId, SdkPage>): string[] =>
      [...referenceCells({ ...e2026, sdks, allowedIpList: e2020.allowedIpList }).keys()].filter((k) => !k.includes("domain-limit")).sort();
    expect(strip(page.sdks)).toEqual(strip(e2026.sdks as Record<SdkId, SdkPage>));
  });

  it("§10.1: Whiteboard has its own page; the shared page is reused by the others", () => {
    const reused = e2026.sharedPageReusedBy!.value;
    expect(reused).not.toContain("Whiteboard");
    expect(reused).toEqual(expect.arrayContaining(["Cloud Recording", "Signaling", "IoT", "broadcast streaming"]));
  });
});

describe("the §4a timeline at other dates", () => {
  it("the Signaling Web stream domain read .edge.agora.i0 from 2024-08-14 until 2025-12-10", () => {
    const streamAt = (d: string): string[] => names(channel(firewallPageAt(d).sdks["rtm-web"], "stream"));
    expect(firewallPageAt("2024-08-13").sdks["rtm-web"].channels.map((c) => c.channel)).toEqual(["all"]);
    for (const d of ["2024-08-14", "2025-01-01", "2025-12-09"]) {
      expect(streamAt(d)).toContain(".edge.agora.i0");
      expect(streamAt(d)).not.toContain(".edge.agora.io");
    }
    for (const d of ["2025-12-10", "2026-02-11"]) {
      expect(streamAt(d)).toContain(".edge.agora.io");
      expect(streamAt(d)).not.toContain(".edge.agora.i0");
    }
    expect(names(channel(e2026.sdks["rtm-web"], "stream"))).not.toContain(".edge.agora.i0");
  });

  it("the seed is the page at 2020-05-25 05:42; the RTMP converter ports came at 06:09", () => {
    const seed = firewallPageAt("2020-05-25 05:42");
    const later = firewallPageAt("2020-05-25");
    expect(ports(channel(seed.sdks["rtc-web"], "all").tcp)).toEqual(["80", "443", "3433", "5668", "5669", "5866-6000", "6080", "6443", "8667", "9667"]);
    expect(ports(channel(later.sdks["rtc-web"], "all").tcp)).toContain("30011-30013");
    expect(ports(channel(later.sdks["rtc-native"], "all").tcp)).toContain("30001-30003");
    expect(isNotPublished(seed.sdks["rtm-web"].cloudProxy)).toBe(true);
    expect(flag(seed.sdks["rtc-native"].cloudProxy)).toBe(true);
  });

  it("2022-07-11 → 2022-07-27: the Web domain list split by version, then only the newest list", () => {
    const w = channel(firewallPageAt("2022-07-20").sdks["rtc-web"], "all");
    expect(names(w, "4.4.0")).toEqual([".agora.io", ".edge.agora.io", ".sd-rtn.com", ".edge.sd-rtn.com"]);
    expect(names(w, "3.5.0")).toEqual([".agora.io", ".edge.agora.io", ".sd-rtn.com", ".edge.sd-rtn.com"]);
    expect(names(w, "4.3.9")).toEqual([".agora.io", ".edge.agora.io", ".agoraio.cn", ".edge.agoraio.cn"]);
    expect(names(w, "3.4.9")).toEqual([".agora.io", ".edge.agora.io", ".agoraio.cn", ".edge.agoraio.cn"]);
    expect(names(channel(firewallPageAt("2022-07-27").sdks["rtc-web"], "all"))).toEqual([".agora.io", ".edge.agora.io", ".sd-rtn.com", ".edge.sd-rtn.com"]);
  });

  it("RTM Web ≥1.4.3 domain split applies between 2022-07-11 and 2024-08-14", () => {
    const rtm = channel(firewallPageAt("2023-06-01").sdks["rtm-web"], "all");
    expect(names(rtm, "1.4.3")).toHaveLength(10);
    expect(names(rtm, "1.4.2")).toHaveLength(12);
    expect(rtm.domains.filter((d) => !d.versions).map((d) => d.name).sort())
      .toEqual([".edge.agora.io", "ap-web-1.agora.io", "ap-web-2.agora.io", "logservice-rtm.agora.io", "webcollector-rtm.agora.io"]);
    expect(ports(rtm.tcp)).toEqual(["443", "6443", "9591", "9593", "9601"]);
  });

  it("the Signaling cloud-proxy matrix: ✔/✔ for two days from 2024-05-14, Native ✘ again from 2024-05-16", () => {
    expect(flag(firewallPageAt("2024-05-13").sdks["rtm-web"].cloudProxy)).toBe(false);
    expect(flag(firewallPageAt("2024-05-15").sdks["rtm-native"].cloudProxy)).toBe(true);
    expect(flag(firewallPageAt("2024-05-16").sdks["rtm-native"].cloudProxy)).toBe(false);
    expect(flag(firewallPageAt("2024-05-16").sdks["rtm-web"].cloudProxy)).toBe(true);
  });

  it("refuses dates the reference does not cover", () => {
    expect(() => firewallPageAt("2020-01-01")).toThrow(/before the seed/);
    expect(() => firewallPageAt("2021-06-01")).toThrow(/does not cover/);
    expect(() => firewallPageAt("2026-08-01")).toThrow(/does not cover/);
    expect(() => firewallPageAt("2021-03-30")).not.toThrow();
    expect(ref.knownPeriods.map((p) => [p.from, p.to])).toEqual([["2020-05-25", "2021-03-30"], ["2022-07-11", "2026-07-01"]]);
  });

  it("handles every §4a row: before the seed, the seed, applied, checked, or (CN only) not applied", () => {
    expect(ref.timeline).toHaveLength(24);
    expect(ref.timeline.filter((r) => r.handling === "applied")).toHaveLength(17);
    expect(ref.timeline.filter((r) => r.handling === "before-seed").map((r) => r.date)).toEqual(["2019-09-10", "2019-10-15", "2020-04-29", "2020-05-22"]);
    expect(ref.timeline.filter((r) => r.handling === "not-applied").map((r) => r.row)).toEqual(["2020-09-15 (CN only)"]);
  });
});

describe("2026-02: the 2025 allowed IP list (§4e)", () => {
  const list = allowed(e2026);
  const texts = (xs: readonly { text: string }[]): string[] => xs.map((x) => x.text);

  it("media sets per region", () => {
    const count = (r: (typeof REGION_IDS)[number]) => [list.media[r].native.length, list.media[r].webRtc.length, list.media[r].webSignaling.length];
    expect(Object.fromEntries(REGION_IDS.map((r) => [r, count(r)]))).toEqual({
      "north-america": [4, 4, 4], europe: [4, 12, 4], asia: [3, 3, 3], japan: [4, 11, 4], india: [3, 3, 3], "mainland-china": [9, 9, 9],
    });
    expect(list.media["mainland-china"].native.every((ip) => ip.text.endsWith("/28"))).toBe(true);
    expect(texts(list.media.europe.native)).toEqual(["104.166.160.208/28", "23.236.110.32/28", "104.166.142.134", "104.166.161.4"]);
    expect(texts(list.media.europe.webRtc).slice(2)).toEqual([
      "148.153.25.149", "148.153.25.148", "148.153.25.147", "148.153.25.146", "148.153.25.184", "148.153.93.18", "148.153.93.19", "148.153.93.24", "148.153.93.25", "148.153.93.27",
    ]);
    expect(list.mediaRowLabels.europe).toEqual({ native: "Europe (Native + Web Signaling)", webSignaling: "Europe (Native + Web Signaling)", webRtc: "Europe (Web RTC)" });
  });

  it("4.14: every segment is a /28 without host bits; single addresses are /32", () => {
    for (const r of REGION_IDS) for (const set of ["native", "webRtc", "webSignaling"] as const) {
      for (const ip of list.media[r][set]) {
        expect(ip.cidr).toBe(canonicalCidr(ip.text));
        expect(ip.cidr).toMatch(ip.text.includes("/") ? /\/28$/ : /\/32$/);
      }
    }
    expect(list.bestPractices.segmentPrefix.value).toBe(28);
  });

  it("Native Force UDP: 16 signaling IPs in every region except CN, 2 in CN, UDP 8443; media UDP 4590-4600 and 8001-8010", () => {
    const m = list.modes["force-udp"];
    const [all, cn] = m.signalingScopes!;
    expect([all.scope, all.ips.length, cn.scope, cn.ips.length]).toEqual(["all-except-mainland-china", 16, "mainland-china", 2]);
    expect(texts(cn.ips)).toEqual(["106.14.12.130", "118.190.148.38"]);
    expect(texts(all.ips).slice(-2)).toEqual(["107.155.14.132", "69.28.51.142"]);
    for (const r of REGION_IDS) expect(m.signaling[r]).toBe(r === "mainland-china" ? cn.ips : all.ips);
    expect(m.mediaSet).toBe("native");
    expect(m.mediaPorts.map((p) => `${p.protocol} ${p.from}-${p.to}`)).toEqual(["udp 4590-4600", "udp 8001-8010"]);
    expect(m.signalingPorts.map((p) => `${p.protocol} ${p.from}`)).toEqual(["udp 8443"]);
    // §10.6: TCP 443 "required for all configurations" also for Force UDP, destinations not stated
    expect(m.alsoRequired.map((p) => `${p.protocol} ${p.from}`)).toEqual(["tcp 443"]);
    expect(isNotPublished(m.alsoRequired[0].destinations)).toBe(true);
  });

  it("Native Force TCP: 16 + 2 signaling IPs, TCP 443 for media and signaling", () => {
    const m = list.modes["force-tcp"];
    expect(m.signalingScopes!.map((s) => s.ips.length)).toEqual([16, 2]);
    expect(texts(m.signaling["mainland-china"])).toEqual(["101.132.108.165", "123.56.235.221"]);
    expect([...m.mediaPorts, ...m.signalingPorts].map((p) => `${p.protocol} ${p.from}`)).toEqual(["tcp 443", "tcp 443"]);
    expect(m.alsoRequired).toEqual([]);
  });

  it("Web RTC signaling: 2 per region; India lost 161.117.177.218 and 104.250.52.195 (4.20, C17), Asia keeps them", () => {
    const m = list.modes["web-rtc"];
    for (const r of REGION_IDS) expect(m.signaling[r]).toHaveLength(2);
    expect(texts(m.signaling.asia)).toEqual(["161.117.177.218", "104.250.52.195"]);
    expect(texts(m.signaling.india)).toEqual(["147.139.34.215", "129.226.26.104"]);
    expect(m.mediaSet).toBe("webRtc");
    expect([...m.mediaPorts, ...m.signalingPorts].map((p) => `${p.protocol} ${p.from}`)).toEqual(["udp 443", "tcp 443", "udp 443", "tcp 443"]);
    // 4.20: the 2025 migration's additions are in the current list
    expect(texts(list.media.europe.webRtc)).toEqual(expect.arrayContaining(["148.153.25.149", "148.153.93.18"]));
    expect(texts(list.media.japan.webRtc)).toEqual(expect.arrayContaining(["164.52.6.29", "103.101.125.21"]));
  });

  it("Web Signaling \"Signaling and AP\": Asia 6, NA 3, the others 2", () => {
    const m = list.modes["web-signaling"];
    expect(Object.fromEntries(REGION_IDS.map((r) => [r, m.signaling[r].length])))
      .toEqual({ "north-america": 3, europe: 2, asia: 6, japan: 2, india: 2, "mainland-china": 2 });
    expect(texts(m.signaling["mainland-china"])).toEqual(["52.80.192.229", "47.96.234.219"]);
    expect(m.mediaSet).toBe("webSignaling");
  });

  it("best practices 4.14–4.17 with §10.6 / §10.7", () => {
    const bp = list.bestPractices;
    expect(bp.dnsPort.value).toBe(53);
    expect(bp.tcp443RequiredForAll.cite.map((c) => c.row)).toEqual(["4.17", "10.6"]);
    expect(bp.regionUnknown.value).toBe("all");
    expect([...bp.regions.value].sort()).toEqual([...REGION_IDS].sort());
    expect(bp.mediaByIpOnly.value).toBe(true);
    expect(bp.japanConsiderAsia.cite[0].row).toBe("10.7");
    expect(isNotPublished(bp.pingDomains)).toBe(true);
    expect(bp.udp443.value).toBe("required for Proxy3 only (proxy4/5 only need TCP 443)");
  });

  it("§10.2: no version floor today; the 2022 titles are history", () => {
    expect(list.versionFloor.none.value).toBe(true);
    expect(list.versionFloor.history.map((h) => h.value)).toEqual([
      { sdk: "native", min: "3.7.0", until: "2022-09-26" }, { sdk: "web", min: "4.11.0", until: "2022-09-26" },
    ]);
    expect(list.versionFloor.accessPointListIntroducedIn.value).toBe("3.4.0");
    expect(list.privatelySupplied.value).toEqual(["server-gateway", "recording"]);
  });

  it("every mode has media ports, signaling ports and an address list for every region", () => {
    for (const mode of ALLOWED_MODE_IDS) {
      const m = list.modes[mode];
      expect(m.mediaPorts.length).toBeGreaterThan(0);
      expect(m.signalingPorts.length).toBeGreaterThan(0);
      for (const r of REGION_IDS) expect(m.signaling[r].length).toBeGreaterThan(0);
    }
  });
});

describe("2026-02: Native and Web cloud-proxy settings, Whiteboard, Chat", () => {
  it("Native modes: setCloudProxy 0/1/2; Force TCP from 3.6.2; Automatic 'free' is not in the cited text (§10.9)", () => {
    const n = e2026.nativeCloudProxy!;
    expect(n.modes.map((m) => [m.mode, m.cloudProxyType.value.value, m.cloudProxyType.value.name]))
      .toEqual([["automatic", 0, "NONE_PROXY"], ["force-udp", 1, "UDP_PROXY"], ["force-tcp", 2, "TCP_PROXY"]]);
    expect(n.modes[2].since!.value).toBe("3.6.2");
    expect(n.modes[0].free!.value).toEqual({ claimed: true, inCitedText: false });
    expect(n.modes[0].allowlist).toBeUndefined();
    expect(n.modes[1].limitations!.value).toEqual(["Media Push (CDN push)", "cross-channel relay"]);
    expect([n.setCloudProxySince.value, n.setCloudProxySinceFlutter.value, n.automaticDefaultSince.value]).toEqual(["3.3.0", "3.3.1", "3.6.2"]);
    expect(n.constants.map((c) => c.value.names.length)).toEqual([3, 3, 3]);
    expect(n.reportedProxyTypes.map((t) => t.value.value)).toEqual([0, 1, 2, 3, 4]);
  });

  it("setParameters: documented proxy types, the unverified enum, and what §8 says is not found", () => {
    const sp = e2026.nativeCloudProxy!.setParameters;
    expect(sp.types.map((t) => t.proxyType)).toEqual([0, 1, 2, 4, 13, 1]);
    expect(sp.unverifiedEnum.value).toHaveLength(11);
    expect(sp.undocumentedTypes.values).toEqual([3, 10, 11, 12, 14, 15]);
    expect(sp.undocumentedTypes.cite.map((c) => c.section)).toEqual(["5a", "8"]);
    expect(isNotPublished(sp.nonZeroPort)).toBe(true);
  });

  it("Web cloud proxy: modes 3 and 5, default mode 3 from 4.15.0, Automatic default from 4.11.0 (§10.3 over 2.10)", () => {
    const w = e2026.webCloudProxy!;
    expect(w.modes.map((m) => [m.value.mode, m.value.name, m.value.since])).toEqual([[3, "force-udp", undefined], [5, "force-tcp", "4.9.0"]]);
    expect(w.defaultModeSince.value).toEqual({ mode: 3, since: "4.15.0" });
    expect(w.automaticDefaultSince.value).toBe("4.11.0");
    expect(w.automaticDefaultSince.cite.map((c) => c.row)).toEqual(["10.3", "2.10"]);
    expect(w.allowedListMode.value).toBe("web-rtc");
    expect(w.signalingWeb.value.allowedListMode).toBe("web-signaling");
    expect(w.referencePageDomains).toHaveLength(11);
  });

  it("Whiteboard: 5 domains on TCP 443; every fully written name of 4.11 falls under a 4.10 name", () => {
    const wb = e2026.whiteboard!;
    expect(wb.domains.map((d) => d.name)).toEqual(["*.whiteboard.sd-rtn.com", "*.whiteboard.rtelink.com", "*.netless.link", "*.whiteboard.agora.io", "rest-argus-ad.agoralab.co"]);
    expect(wb.port.value).toEqual({ protocol: "tcp", port: 443 });
    expect(wb.detailedNames).toHaveLength(17);
    expect(wb.incompletePatterns.map((p) => p.example![0])).toEqual(["gateway-in2-mum.*", "gateway-sg(-fpa)*", "gateway-eu(-fpa)*"]);
    const wild = wb.domains.filter((d) => d.name.startsWith("*.")).map((d) => d.name.slice(1));
    for (const d of wb.detailedNames) expect([d.name, wild.some((w) => d.name.endsWith(w))]).toEqual([d.name, true]);
  });

  it("Chat: 9 data-centre names on TCP 443, 3 ap-* names with their ports; IP lists not transcribed", () => {
    const c = e2026.chat!;
    expect(c.dataCentres.map((d) => `${d.value.number} ${d.value.name}`)).toEqual(["41 Virginia", "61 Singapore", "71 Frankfurt"]);
    expect(c.clientNames.map((d) => d.name)).toEqual([
      "msync-api-41.chat.agora.io", "msync-api-61.chat.agora.io", "msync-api-71.chat.agora.io",
      "msync-im-41-tls.chat.agora.io", "msync-im-61-tls.chat.agora.io", "msync-im-71-tls.chat.agora.io",
    ]);
    expect(c.restNames.map((d) => d.name)).toEqual(["a41.chat.agora.io", "a61.chat.agora.io", "a71.chat.agora.io"]);
    expect(c.apPorts.map((p) => `${p.protocol} ${p.from === p.to ? p.from : `${p.from}-${p.to}`}`))
      .toEqual(["udp 8443", "udp 5888-5889", "udp 4000-4100", "udp 8130", "tcp 443", "tcp 8443"]);
    expect([c.nameIps.count, c.apIps.count]).toEqual([2, 21]);
  });
});

describe("the parser is strict: a changed reference fails loudly", () => {
  const text = fs.readFileSync(ref.file, "utf8");

  it("an unexplained §4a row", () => {
    const changed = text.replace("| 2026-02-11 (`8082d39a`) |", "| 2026-01-01 (`deadbeef`) | Web TCP drops 80 | [EXT:S10] |\n| 2026-02-11 (`8082d39a`) |");
    expect(() => parseReference(changed)).toThrow(/neither applied nor explained/);
  });

  it("a quoted fragment that is no longer in its row", () => {
    expect(() => parseReference(text.replace("Web TCP adds **3478**", "Web TCP adds **3479**"))).toThrow(/does not contain "Web TCP adds \*\*3478\*\*"/);
  });

  it("§4b and the §4a timeline disagreeing", () => {
    const changed = text.replace("| 80, 443, 3433, 3478, 4700-5000,", "| 80, 443, 3433, 4700-5000,");
    expect(changed).not.toBe(text);
    expect(() => parseReference(changed)).toThrow(/§4b and the §4a timeline disagree for rtc-web/);
  });

  it("an address that is not IPv4", () => {
    expect(() => parseReference(text.replace("128.14.195.192/28", "128.14.195.192/2x"))).toThrow(/not an IPv4 address/);
  });
});
