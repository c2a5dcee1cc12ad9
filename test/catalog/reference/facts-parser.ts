import { canonicalCidr } from "../../../src/model/address";
import { FIREWALL_FILE, parseFirewallSeed, readSeed, SeedPortItem } from "../seed-parser";
import {
  Citation, Row, Section, cellOf, cite, citeLine, factsPath, parseSections, plain, readFacts, rowsOf, sourcesIn,
} from "./facts-markdown";
import {
  ALLOWED_MODE_IDS, AllowedIpList, AllowedMode, AllowedModeId, BestPractices, ChannelId, ChatFacts, Cited, DomainItem, DomainLimit,
  EDITION_IDS, EditionId, FirewallPage, IpEntry, MediaSet, NativeCloudProxy, NativeProxyMode, NotPublished, NotTranscribed, PortItem,
  PortSpec, REGION_IDS, ReferenceEdition, ReferenceFacts, RegionId, SDK_IDS, SdkId, SdkPage, SourceEntry, TimelineRowHandling,
  Versions, WebCloudProxy, WhiteboardFacts, isNotPublished,
} from "./facts-types";

export * from "./facts-types";
export { factsPath, FACTS_CANDIDATES } from "./facts-markdown";

/*
 * The test-side oracle for the catalogue editions `2020-11` and `2026-02`: an independent reading
 * of ../shared/reference/agora-facts.md (and, for the 2020 base, of the seed document through
 * ../seed-parser). It never imports src/catalog. Tables are parsed; prose is read with fragments
 * that must occur verbatim in the row they cite (`cite(row, "…")` throws otherwise), and every
 * hand-read value sits next to the quote it comes from. See README.md in this folder.
 */

// ---------------------------------------------------------------------------------------------
// Small readers

const PORT_ITEM = /^(\d{1,5})(?:\s*-\s*(\d{1,5}))?(?:\s*\(([^)]+)\))?$/;

/** "2.9.0 or later", "≥2.9.0", "before 2.9.0", "<2.9.0", "for 1.x" → a version condition; anything else is a note. */
export function versionsOf(label: string): Versions | undefined {
  let m: RegExpExecArray | null;
  if ((m = /^(?:≥|>=)\s*(\d+\.\d+\.\d+)$/.exec(label)) || (m = /^(\d+\.\d+\.\d+) or later$/.exec(label))) return { anyOf: [{ min: m[1] }], text: label };
  if ((m = /^<\s*(\d+\.\d+\.\d+)$/.exec(label)) || (m = /^before (\d+\.\d+\.\d+)$/.exec(label))) return { anyOf: [{ below: m[1] }], text: label };
  if ((m = /^for (\d+)\.x$/.exec(label))) return { anyOf: [{ min: `${m[1]}.0.0`, below: `${Number(m[1]) + 1}.0.0` }], text: label };
  return undefined;
}

/**
 * A port list as the reference writes it in cells and prose: `80, 443, 4700-5000, 30011-30013 (RTMP converter)`,
 * `3478, 4700-5000 (≥2.9.0); 10000-65535 (<2.9.0)`, `443, 9591 (+9601 for 1.x)`, `4590-4600 and 8001-8010`.
 * A label in parentheses belongs to the item right before it. Throws on anything else.
 */
export function parsePortList(text: string, c: Citation): PortItem[] {
  let rest = plain(text);
  const items: PortItem[] = [];
  const extra: PortItem[] = [];
  rest = rest.replace(/\s*\(\+(\d{1,5}) (for \d+\.x)\)/g, (_, port: string, label: string) => {
    extra.push({ from: Number(port), to: Number(port), versions: versionsOf(label), cite: [c] });
    return "";
  });
  for (const raw of rest.split(/\s*[,;]\s*|\s+and\s+/)) {
    const t = raw.trim();
    if (t === "") continue;
    const m = PORT_ITEM.exec(t);
    if (!m) throw new Error(`§${c.section} ${c.row}: not a port item ${JSON.stringify(t)} in ${JSON.stringify(text)}`);
    const from = Number(m[1]);
    const to = m[2] ? Number(m[2]) : from;
    if (from < 1 || to > 65535 || from > to) throw new Error(`§${c.section} ${c.row}: bad port range ${t}`);
    const label = m[3]?.trim();
    const versions = label ? versionsOf(label) : undefined;
    items.push({ from, to, ...(versions ? { versions } : label ? { note: label } : {}), cite: [c] });
  }
  return [...items, ...extra];
}

const DOMAIN = /^(?:\*\.|\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+$/;

/** `a{41,61,71}.chat` → a41.chat, a61.chat, a71.chat; `web-1..4.ap.sd-rtn.com` → web-1 … web-4. */
export function expandName(name: string): string[] {
  const brace = /\{([^{}]+)\}/.exec(name);
  if (brace) {
    return brace[1].split(",").flatMap((alt) => expandName(name.slice(0, brace.index) + alt + name.slice(brace.index + brace[0].length)));
  }
  const range = /^([a-z-]*?)(\d+)\.\.(\d+)(\..+)$/.exec(name);
  if (range) {
    const out: string[] = [];
    for (let i = Number(range[2]); i <= Number(range[3]); i++) out.push(`${range[1]}${i}${range[4]}`);
    return out;
  }
  return [name];
}

/** Splits on commas and spaces outside `{…}`. */
function splitNames(group: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = "";
  for (const ch of group) {
    if (ch === "{") depth++;
    if (ch === "}") depth--;
    if (depth === 0 && /[\s,]/.test(ch)) {
      if (cur) out.push(cur);
      cur = "";
    } else cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}

/** Every name inside backticks of `text`, split on commas/spaces and expanded. Throws on a name that is not a domain. */
export function parseDomainList(text: string, c: Citation, versions?: Versions): DomainItem[] {
  const groups = [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
  if (groups.length === 0) throw new Error(`§${c.section} ${c.row}: no domain list in ${JSON.stringify(text)}`);
  const names = groups.flatMap(splitNames).flatMap(expandName);
  for (const n of names) if (!DOMAIN.test(n)) throw new Error(`§${c.section} ${c.row}: not a domain ${JSON.stringify(n)}`);
  return names.map((name) => ({ name, ...(versions ? { versions } : {}), cite: [c] }));
}

function ipEntries(text: string, c: Citation): IpEntry[] {
  return text.split(/\s*,\s*/).filter((t) => t.trim() !== "").map((t) => {
    const s = t.trim();
    if (!/^\d{1,3}(\.\d{1,3}){3}(\/\d{1,2})?$/.test(s)) throw new Error(`§${c.section} ${c.row}: not an IPv4 address or CIDR ${JSON.stringify(s)}`);
    return { text: s, cidr: canonicalCidr(s, `${c.section} ${c.row}`), cite: [c] };
  });
}

function portSpecs(protocols: string, list: string, c: Citation): PortSpec[] {
  const protos = protocols.split("/").map((p) => p.trim().toLowerCase());
  const ports = parsePortList(list, c);
  const out: PortSpec[] = [];
  for (const p of protos) {
    if (p !== "tcp" && p !== "udp") throw new Error(`§${c.section} ${c.row}: unknown protocol ${p}`);
    for (const r of ports) out.push({ protocol: p, from: r.from, to: r.to, cite: [c] });
  }
  return out;
}

/** ✔ / ✘ marks of a fragment, in order. */
function marks(fragment: string): boolean[] {
  return [...fragment.matchAll(/[✔✘]/g)].map((m) => m[0] === "✔");
}

function cited<T>(value: T, ...c: Citation[]): Cited<T> {
  return { value, cite: c };
}

function notPublished(reason: string, ...c: Citation[]): NotPublished {
  return { notPublished: true, reason, cite: c };
}

function versionsKey(v: Versions | undefined): string {
  if (!v) return "any";
  return v.anyOf.map((r) => [r.min ? `>=${r.min}` : "", r.below ? `<${r.below}` : ""].filter(Boolean).join(" ")).join(" or ");
}

function portKey(p: { from: number; to: number; role?: string; versions?: Versions }): string {
  return `${p.from === p.to ? p.from : `${p.from}-${p.to}`}${p.role ? ` ${p.role}` : ""} [${versionsKey(p.versions)}]`;
}

function domainKey(d: DomainItem): string {
  return `${d.name} [${versionsKey(d.versions)}]`;
}

function addCites<T extends { cite: readonly Citation[] }>(item: T, more: readonly Citation[]): T {
  const seen = new Set(item.cite.map((c) => JSON.stringify(c)));
  return { ...item, cite: [...item.cite, ...more.filter((c) => !seen.has(JSON.stringify(c)))] };
}

// ---------------------------------------------------------------------------------------------
// The reference document

class Doc {
  readonly sections: Map<string, Section>;
  constructor(readonly text: string) {
    this.sections = parseSections(text);
  }

  section(id: string): Section {
    const s = this.sections.get(id);
    if (!s) throw new Error(`agora-facts.md has no section ${id}`);
    return s;
  }

  row(section: string, id: string): Row {
    const found = rowsOf(this.section(section)).filter((r) => r.id === id);
    if (found.length !== 1) throw new Error(`§${section}: ${found.length} rows with id ${JSON.stringify(id)}`);
    return found[0];
  }

  /** The row whose first cell starts with `prefix` (4a dates carry commits and notes after the date). */
  rowStarting(section: string, prefix: string): Row {
    const found = rowsOf(this.section(section)).filter((r) => r.id.startsWith(prefix));
    if (found.length !== 1) throw new Error(`§${section}: ${found.length} rows starting ${JSON.stringify(prefix)}`);
    return found[0];
  }
}

/** A citation of the §8 ("Not found") bullet that contains `fragment`; bullets are numbered 8.1 … in order. */
function notFoundCite(doc: Doc, fragment: string): Citation {
  const bullets = doc.section("8").bullets;
  const i = bullets.findIndex((b) => b.includes(fragment));
  if (i < 0) throw new Error(`§8: no bullet with ${JSON.stringify(fragment)}`);
  return { section: "8", row: `8.${i + 1}`, sources: [], quote: fragment };
}

// ---------------------------------------------------------------------------------------------
// §4a: the Firewall Requirements page over time

interface MutChannel {
  channel: ChannelId;
  domains: DomainItem[];
  tcp: PortItem[];
  udp: PortItem[];
  noDomainsGiven?: Citation[];
}

interface MutSdk {
  sdk: SdkId;
  product: string;
  whitelist: Cited<boolean> | NotPublished;
  cloudProxy: Cited<boolean> | NotPublished;
  channels: MutChannel[];
  withdrawn?: Citation[];
}

type State = { sdks: Record<SdkId, MutSdk>; notes: Cited<string>[] };

/** Seed headings (`parseFirewallSeed`) → SDK ids, as test/catalog/seed-exactness.test.ts maps them. */
const SEED_SECTION: Record<SdkId, string> = {
  "rtc-native": "Agora RTC SDK / Native SDK",
  "rtc-web": "Agora RTC SDK / Web SDK",
  "rtm-native": "Agora RTM SDK / Native SDK",
  "rtm-web": "Agora RTM SDK / Web SDK",
  recording: "Agora On-premise Recording SDK",
  gaming: "Agora Gaming SDK",
};

interface TimelineRow {
  row: Row;
  /** Effective date: the first day of `2020-09-15/16`, with the time when given. */
  date: string;
  key: string;
}

function timelineRows(doc: Doc): TimelineRow[] {
  return rowsOf(doc.section("4a")).map((row) => {
    const m = /^(\d{4}-\d{2}-\d{2})(?:\/\d{2})?(?: (\d{2}:\d{2}))?(?: \(.*\))?$/.exec(row.id);
    if (!m) throw new Error(`§4a: cannot read the date of row ${JSON.stringify(row.id)}`);
    return { row, date: m[2] ? `${m[1]} ${m[2]}` : m[1], key: `${m[1]} ${m[2] ?? "00:00"}` };
  });
}

function seedState(doc: Doc): { state: State; seedRow: Row } {
  const text = readSeed(FIREWALL_FILE);
  const seed = parseFirewallSeed(text);
  const seedRow = doc.rowStarting("4a", "2020-05-25 05:42");
  const seedCite = (heading: string, quote?: string): Citation => {
    if (quote !== undefined && !text.includes(quote)) throw new Error(`the firewall seed does not contain ${JSON.stringify(quote)}`);
    return { section: "seed", row: heading, sources: ["SEED-FW"], ...(quote !== undefined ? { quote } : {}) };
  };
  const intro = seedCite("Firewall Requirements", "ensure that you open the local firewall ports and whitelist the domains specified in this article");
  const proxyLinks: Partial<Record<SdkId, Citation>> = {
    "rtc-native": seedCite("Firewall Requirements", "[Cloud Proxy for the RTC Native SDK]"),
    "rtc-web": seedCite("Firewall Requirements", "[Cloud Proxy for the RTC Web SDK]"),
    recording: seedCite("Firewall Requirements", "[Cloud Proxy for the On-premise Recording SDK]"),
  };
  const sdks = {} as Record<SdkId, MutSdk>;
  for (const sdk of SDK_IDS) {
    const heading = SEED_SECTION[sdk];
    const section = seed.sections.find((s) => s.heading === heading);
    if (!section) throw new Error(`the firewall seed has no section ${heading}`);
    const c = [cite(seedRow), seedCite(heading)];
    const portItem = (i: SeedPortItem): PortItem => {
      const ports = i.kind === "simplex" ? seed.simplexDefault : i.ports!;
      const versions = i.version?.min ? { anyOf: [{ min: i.version.min }], text: `${i.version.min} or later` }
        : i.version?.below ? { anyOf: [{ below: i.version.below }], text: `before ${i.version.below}` } : undefined;
      return {
        from: ports.from, to: ports.to,
        ...(i.kind === "local" ? { role: "local" as const } : i.kind === "simplex" ? { role: "simplex" as const, note: "recommended range (lowUdpPort/highUdpPort)" } : {}),
        ...(versions ? { versions } : {}), cite: c,
      };
    };
    const proxy = proxyLinks[sdk];
    sdks[sdk] = {
      sdk,
      product: heading,
      whitelist: cited(true, intro, ...c),
      cloudProxy: proxy ? cited(true, proxy)
        : notPublished("the 2020-05-25 page links cloud-proxy pages only for the RTC Native, RTC Web and On-premise Recording SDKs", seedCite("Firewall Requirements", "Agora recommends using the cloud proxy service")),
      channels: [{
        channel: "all",
        domains: section.domains.map((name) => ({ name, cite: c })),
        tcp: section.rows.filter((r) => r.protocol === "tcp").flatMap((r) => r.items.map(portItem)),
        udp: section.rows.filter((r) => r.protocol === "udp").flatMap((r) => r.items.map(portItem)),
      }],
    };
  }
  const udpNote = /Use UDP ports rather than TCP ports[^\n]*/.exec(text);
  if (!udpNote) throw new Error("the firewall seed has no 'Use UDP ports' sentence");
  return { state: { sdks, notes: [cited(udpNote[0], seedCite("Agora RTC SDK", udpNote[0]))] }, seedRow };
}

function only(sdk: MutSdk, what: string): MutChannel {
  if (sdk.channels.length !== 1) throw new Error(`${sdk.sdk}: expected one table for ${what}, found ${sdk.channels.length}`);
  return sdk.channels[0];
}

function addPorts(list: PortItem[], added: PortItem[]): void {
  for (const p of added) {
    if (list.some((x) => portKey(x) === portKey(p))) throw new Error(`port ${portKey(p)} is already there`);
    list.push(p);
  }
}

function replacePort(list: PortItem[], from: string, to: string, c: Citation): void {
  const [a] = parsePortList(from, c);
  const [b] = parsePortList(to, c);
  const i = list.findIndex((x) => x.from === a.from && x.to === a.to && !x.role);
  if (i < 0) throw new Error(`§4a ${c.row}: no port ${from} to replace`);
  list[i] = { ...list[i], from: b.from, to: b.to, cite: [...list[i].cite, c] };
}

/** Replaces a list by a restated one; items that were already there keep their earlier citations. */
function restatePorts(old: readonly PortItem[], restated: PortItem[]): PortItem[] {
  return restated.map((p) => {
    const prev = old.find((x) => x.from === p.from && x.to === p.to && versionsKey(x.versions) === versionsKey(p.versions));
    return prev ? { ...p, cite: [...prev.cite, ...p.cite] } : p;
  });
}

function restateDomains(old: readonly DomainItem[], restated: DomainItem[]): DomainItem[] {
  return restated.map((d) => {
    const prev = old.find((x) => domainKey(x) === domainKey(d));
    return prev ? { ...d, cite: [...prev.cite, ...d.cite] } : d;
  });
}

/** A list split by version: names in both lists hold for every version, the rest carry the list's condition. */
function splitDomains(older: readonly DomainItem[], olderVersions: Versions, newer: DomainItem[], newerVersions: Versions): DomainItem[] {
  const newNames = new Set(newer.map((d) => d.name));
  const oldNames = new Set(older.map((d) => d.name));
  const out: DomainItem[] = [];
  for (const d of older) out.push(newNames.has(d.name) ? addCites(d, newer.find((n) => n.name === d.name)!.cite) : { ...d, versions: olderVersions });
  for (const d of newer) if (!oldNames.has(d.name)) out.push({ ...d, versions: newerVersions });
  return out;
}

function sameList(what: string, a: readonly PortItem[], b: readonly PortItem[]): void {
  const ka = a.map(portKey).sort();
  const kb = b.map(portKey).sort();
  if (JSON.stringify(ka) !== JSON.stringify(kb)) throw new Error(`${what}: restated ${kb.join(", ")} but the timeline gives ${ka.join(", ")}`);
}

/** Everything the 2024-08-14 row says about one Signaling channel ("Web message: domains `…`, TCP …; UDP …."). */
function channelSpec(row: Row, label: string, channel: ChannelId): MutChannel {
  const raw = row.cells[1];
  const labels = ["Web message:", "Web stream:", "Native message:", "Native stream:", "\"Ports may be adjusted"];
  const start = raw.indexOf(label);
  if (start < 0) throw new Error(`§4a ${row.id}: no ${label}`);
  const ends = labels.map((l) => raw.indexOf(l, start + label.length)).filter((i) => i > start);
  const segment = raw.slice(start, Math.min(...ends, raw.length)).trim();
  const c = cite(row, segment);
  const domains = segment.includes("`") ? parseDomainList(segment, c) : [];
  const text = plain(segment);
  const tcp = /TCP ([\d, -]+)/.exec(text);
  const udp = /UDP ([\d, -]+)/.exec(text);
  return {
    channel,
    domains,
    tcp: tcp ? parsePortList(tcp[1].replace(/[,\s]+$/, ""), c) : [],
    udp: udp ? parsePortList(udp[1].replace(/[,\s]+$/, ""), c) : [],
    ...(domains.length === 0 ? { noDomainsGiven: [c] } : {}),
  };
}

interface Op {
  /** The 4a row's first cell, exactly (emphasis removed). */
  row: string;
  apply(s: State, row: Row, doc: Doc): void;
  /** `restatement-checked` when the row restates the page and the op only checks and cites. */
  kind?: "restatement-checked";
}

/** 4b product labels, used once the page renamed its products (2022-07-27). */
const CURRENT_PRODUCT: Record<SdkId, string> = {
  "rtc-native": "Video SDK Native + frameworks", // 4.1
  "rtc-web": "Video SDK Web", // 4.2
  "rtm-native": "Signaling Native", // 4.5 "Signaling Native, message channel" / 4.6
  "rtm-web": "Signaling Web", // 4.3 "Signaling Web, message channel" / 4.4
  recording: "On-Premise Recording", // 4.7
  gaming: "Interactive Gaming SDK", // 4.8
};

/**
 * The 4a rows after the seed, as operations on the page. Each value is read from a fragment of the
 * row's "Change" cell (quoted here and checked by `cite`); lists are parsed from the fragment.
 */
const OPS: Op[] = [
  {
    row: "2020-05-25 06:09 (da88996b)",
    apply(s, row) {
      // 'Native TCP adds "30001-30003 (for RTMP converter)"; Web TCP adds "30011-30013 (for RTMP converter)"'
      const n = cite(row, '"30001-30003 (for RTMP converter)"');
      addPorts(only(s.sdks["rtc-native"], "Native TCP").tcp, parsePortList("30001-30003 (for RTMP converter)", n));
      const w = cite(row, '"30011-30013 (for RTMP converter)"');
      addPorts(only(s.sdks["rtc-web"], "Web TCP").tcp, parsePortList("30011-30013 (for RTMP converter)", w));
    },
  },
  {
    row: "2020-08-20 (95c37bc0e)",
    apply(s, row) {
      const c = cite(row, "RTM Web TCP adds **6443**");
      addPorts(only(s.sdks["rtm-web"], "RTM Web TCP").tcp, parsePortList("6443", c));
    },
  },
  {
    row: "2020-09-15/16 (d4bc0e4c)",
    apply(s, row) {
      const removed = cite(row, "Native RTC, On-premise Recording and Gaming SDK sections removed");
      const noWhitelist = cite(row, "these SDKs cannot reach Agora through whitelisted domains");
      const mustProxy = cite(row, "must use cloud proxy");
      for (const sdk of ["rtc-native", "recording", "gaming"] as const) {
        s.sdks[sdk].channels = [];
        s.sdks[sdk].withdrawn = [removed];
        s.sdks[sdk].whitelist = cited(false, noWhitelist);
        s.sdks[sdk].cloudProxy = cited(true, mustProxy);
      }
      // "RTM Native drops `qoslbs/qos.agoralab.co` (only `.agora.io`)"
      const drop = cite(row, "RTM Native drops `qoslbs/qos.agoralab.co` (only `.agora.io`)");
      const rtm = only(s.sdks["rtm-native"], "RTM Native domains");
      const kept = rtm.domains.filter((d) => d.name === ".agora.io");
      if (kept.length !== 1 || rtm.domains.length !== 3) throw new Error("2020-09-15: RTM Native domains are not the seed's three");
      rtm.domains = kept.map((d) => addCites(d, [drop]));
      // 'The "Use UDP ports…" sentence is removed'
      cite(row, 'The "Use UDP ports…" sentence is removed');
      s.notes = s.notes.filter((n) => !n.value.startsWith("Use UDP ports"));
    },
  },
  {
    row: "2020-09-29 (891aa03b)",
    apply(s, row) {
      const set = (sdks: SdkId[], fragment: string): void => {
        const c = cite(row, fragment);
        const [w, p] = marks(fragment);
        if (w === undefined || p === undefined) throw new Error(`2020-09-29: no marks in ${fragment}`);
        for (const sdk of sdks) {
          s.sdks[sdk].whitelist = cited(w, c);
          s.sdks[sdk].cloudProxy = cited(p, c);
        }
      };
      set(["rtc-native"], "RTC Native/3rd-party **whitelist ✘, cloud proxy ✔**");
      set(["rtc-web"], "RTC Web ✔/✔");
      set(["rtm-native", "rtm-web"], "RTM Native+Web ✔/✘");
      set(["recording"], "On-prem Recording ✘/✔");
      set(["gaming"], "Interactive Gaming ✘/✘");
      const q = '"Do not set restrictions on IP addresses" when whitelisting';
      s.notes.push(cited("Do not set restrictions on IP addresses when whitelisting", cite(row, q)));
    },
  },
  {
    row: "2020-10-19/20 (8a6831ae)",
    apply(s, row) {
      // "Web UDP **5866-6000 → 4700-5000** (label "(2.9.0 or later)" kept)"
      const c = cite(row, "Web UDP **5866-6000 → 4700-5000** (label \"(2.9.0 or later)\" kept)");
      replacePort(only(s.sdks["rtc-web"], "Web UDP").udp, "5866-6000", "4700-5000", c);
    },
  },
  {
    row: "2020-10-30 (ca287be1)",
    apply(s, row) {
      const c = cite(row, "Web TCP **5866-6000 → 4700-5000**");
      replacePort(only(s.sdks["rtc-web"], "Web TCP").tcp, "5866-6000", "4700-5000", c);
    },
  },
  {
    row: "2020-10-30 (d90abc5d)",
    apply(s, row) {
      const tq = "RTM Native TCP 9130, 9131, **9140**";
      const uq = "UDP 1080, 8000, **8130, 9120, 9121, 9700**, 25000";
      const rtm = only(s.sdks["rtm-native"], "RTM Native");
      rtm.tcp = restatePorts(rtm.tcp, parsePortList(tq.replace("RTM Native TCP ", ""), cite(row, tq)));
      rtm.udp = restatePorts(rtm.udp, parsePortList(uq.replace("UDP ", ""), cite(row, uq)));
      const w = cite(row, "RTM Web TCP adds **9601**");
      addPorts(only(s.sdks["rtm-web"], "RTM Web TCP").tcp, parsePortList("9601", w));
    },
  },
  {
    row: "2020-11-04 (0b6e143f)",
    kind: "restatement-checked",
    apply(s, row) {
      // "Web TCP: 80, 443, …, 30011-30013 (RTMP converter); UDP 3478, 4700-5000 (≥2.9.0), 10000-65535 (<2.9.0)"
      const m = /Web TCP: ([^;]+); UDP ([^|]+?)\s*$/.exec(plain(row.cells[1]));
      if (!m) throw new Error("2020-11-04: no Web TCP/UDP restatement");
      const tc = cite(row, `Web TCP: ${m[1]}`);
      const uc = cite(row, `UDP ${m[2]}`);
      const web = only(s.sdks["rtc-web"], "Web");
      sameList("2020-11-04 Web TCP", web.tcp, parsePortList(m[1], tc));
      sameList("2020-11-04 Web UDP", web.udp, parsePortList(m[2], uc));
      web.tcp = restatePorts(web.tcp, parsePortList(m[1], tc));
      web.udp = restatePorts(web.udp, parsePortList(m[2], uc));
    },
  },
  {
    row: "2022-07-11 (e4fb0d54, Docs-Source)",
    apply(s, row) {
      // Web domains: "**Web 4.x ≥4.4.0 and 3.x ≥3.5.0** → `.agora.io, .edge.agora.io, .sd-rtn.com, .edge.sd-rtn.com`; earlier → `.agoraio.cn` pair"
      const newQ = "**Web 4.x ≥4.4.0 and 3.x ≥3.5.0** → `.agora.io, .edge.agora.io, .sd-rtn.com, .edge.sd-rtn.com`";
      const oldQ = "earlier → `.agoraio.cn` pair";
      const newer: Versions = { anyOf: [{ min: "3.5.0", below: "4.0.0" }, { min: "4.4.0" }], text: "Web 4.x ≥4.4.0 and 3.x ≥3.5.0" };
      const older: Versions = { anyOf: [{ below: "3.5.0" }, { min: "4.0.0", below: "4.4.0" }], text: "earlier" };
      const web = only(s.sdks["rtc-web"], "Web domains");
      const oldC = cite(row, oldQ);
      web.domains = splitDomains(web.domains.map((d) => addCites(d, [oldC])), older, parseDomainList(newQ, cite(row, newQ)), newer);
      // RTM Native restated
      const tq = "RTM Native TCP 8443, 9130, 9131, 9136, 9137, 9140, 9141";
      const uq = "UDP 1080, 8000, 8130, 8443, 9120, 9121, 9700, 25000";
      const rn = only(s.sdks["rtm-native"], "RTM Native");
      rn.tcp = restatePorts(rn.tcp, parsePortList(tq.replace("RTM Native TCP ", ""), cite(row, tq)));
      rn.udp = restatePorts(rn.udp, parsePortList(uq.replace("UDP ", ""), cite(row, uq)));
      // RTM Web ≥1.4.3 / <1.4.3
      const rq = "RTM Web **≥1.4.3**: `.edge.agora.io, .edge.sd-rtn.com, web-1.ap.sd-rtn.com, web-2.ap.sd-rtn.com, ap-web-1.agora.io, ap-web-2.agora.io, webcollector-rtm.agora.io, logservice-rtm.agora.io, rtm.statscollector.sd-rtn.com, rtm.logservice.sd-rtn.com`";
      const lq = "<1.4.3: the 12-domain 2020 list";
      const rw = only(s.sdks["rtm-web"], "RTM Web");
      if (rw.domains.length !== 12) throw new Error("2022-07-11: the RTM Web list before the split is not the 12-domain list");
      const lc = cite(row, lq);
      rw.domains = splitDomains(rw.domains.map((d) => addCites(d, [lc])), { anyOf: [{ below: "1.4.3" }], text: "<1.4.3" },
        parseDomainList(rq, cite(row, rq)), { anyOf: [{ min: "1.4.3" }], text: "≥1.4.3" });
      // "RTM Web TCP 443, 6443, 9591, 9593, 9601": the same list as at the end of 2020 (checked)
      const wq = "RTM Web TCP 443, 6443, 9591, 9593, 9601";
      const restated = parsePortList(wq.replace("RTM Web TCP ", ""), cite(row, wq));
      sameList("2022-07-11 RTM Web TCP", rw.tcp, restated);
      rw.tcp = restatePorts(rw.tcp, restated);
    },
  },
  {
    row: "2022-07-27 (376ae856b)",
    apply(s, row) {
      const c = cite(row, "Page now shows only the newest Web domain list (the `.sd-rtn.com` set)");
      const web = only(s.sdks["rtc-web"], "Web domains");
      web.domains = web.domains.filter((d) => d.versions?.text !== "earlier").map((d) => {
        const { versions: _dropped, ...rest } = d;
        return addCites(rest, [c]);
      });
      const names = cite(row, 'product names become "Video SDK" / "Signalling SDK"');
      for (const sdk of SDK_IDS) s.sdks[sdk].product = CURRENT_PRODUCT[sdk];
      s.notes.push(cited('product names become "Video SDK" / "Signalling SDK"', names));
    },
  },
  {
    row: "2024-03-06 (54455a3e)",
    apply(s, row) {
      addPorts(only(s.sdks["rtm-web"], "RTM Web TCP").tcp, parsePortList("27387", cite(row, "RTM Web TCP adds **27387**")));
    },
  },
  {
    row: "2024-05-14 (042d1b9c5)",
    apply(s, row) {
      const q = "the matrix showed Signalling SDK (Native, Web) ✔/✔";
      const c = cite(row, q);
      const [w, p] = marks(q);
      for (const sdk of ["rtm-native", "rtm-web"] as const) {
        s.sdks[sdk].whitelist = cited(w, c);
        s.sdks[sdk].cloudProxy = cited(p, c);
      }
    },
  },
  {
    row: "2024-05-16 (65d4b037)",
    apply(s, row) {
      s.sdks["rtm-web"].cloudProxy = cited(true, cite(row, "Signalling **Web** gets cloud proxy ✔"));
      s.sdks["rtm-native"].cloudProxy = cited(false, cite(row, "(Native stays ✘)"));
    },
  },
  {
    row: "2024-08-14 (f67fdab0)",
    apply(s, row, doc) {
      cite(row, "Signaling (2.x) split into **message channel** and **stream channel**");
      const webMessage = channelSpec(row, "Web message:", "message");
      const webStream = channelSpec(row, "Web stream:", "stream");
      const nativeMessage = channelSpec(row, "Native message:", "message");
      const nativeStream = channelSpec(row, "Native stream:", "stream");
      // The row writes the stream domain correctly; the 2025-12-10 row says the page read
      // `.edge.agora.i0` "from 2024-08-14 until this commit".
      const fix = doc.rowStarting("4a", "2025-12-10");
      const typo = cite(fix, "read `.edge.agora.i0` from 2024-08-14 until this commit");
      const i = webStream.domains.findIndex((d) => d.name === ".edge.agora.io");
      if (i < 0) throw new Error("2024-08-14: no .edge.agora.io in the Web stream channel");
      webStream.domains[i] = { name: ".edge.agora.i0", cite: [...webStream.domains[i].cite, typo] };
      const rw = s.sdks["rtm-web"];
      const rn = s.sdks["rtm-native"];
      rw.channels = [
        { ...webMessage, domains: restateDomains(only(rw, "RTM Web").domains, webMessage.domains), tcp: restatePorts(only(rw, "RTM Web").tcp, webMessage.tcp) },
        webStream,
      ];
      const old = only(rn, "RTM Native");
      rn.channels = [
        { ...nativeMessage, domains: restateDomains(old.domains, nativeMessage.domains), tcp: restatePorts(old.tcp, nativeMessage.tcp), udp: restatePorts(old.udp, nativeMessage.udp) },
        nativeStream,
      ];
      const q = "\"Ports may be adjusted… contact rtm@agora.io\"";
      s.notes.push(cited("Ports may be adjusted… contact rtm@agora.io", cite(row, q)));
    },
  },
  {
    row: "2024-09-17 (6e5ba92c9)",
    apply(s, row, doc) {
      // "Signaling 1.x users must also add port 9601": which table and protocol is said by 4b row 4.3,
      // "443, 9591, 9593, 27387 (+9601 for 1.x)" in the TCP column of "Signaling Web, message channel".
      const c = cite(row, "Signaling 1.x users must also add port 9601");
      const placed = cite(doc.row("4b", "4.3"), "(+9601 for 1.x)");
      const message = s.sdks["rtm-web"].channels.find((x) => x.channel === "message")!;
      addPorts(message.tcp, [{ from: 9601, to: 9601, versions: versionsOf("for 1.x")!, cite: [c, placed] }]);
    },
  },
  {
    row: "2025-09-15 (0128ff79)",
    apply(s, row) {
      const q = "Web domains add **`.ap.sd-rtn.com`, `.statscollector.sd-rtn.com`, `.webrtc-cloud-proxy.sd-rtn.com`**";
      const web = only(s.sdks["rtc-web"], "Web domains");
      for (const d of parseDomainList(q, cite(row, q))) {
        if (web.domains.some((x) => x.name === d.name)) throw new Error(`2025-09-15: ${d.name} is already there`);
        web.domains.push(d);
      }
    },
  },
  {
    row: "2025-12-10 (56951a31e)",
    apply(s, row) {
      const c = cite(row, "now `.edge.agora.io`");
      const stream = s.sdks["rtm-web"].channels.find((x) => x.channel === "stream")!;
      const i = stream.domains.findIndex((d) => d.name === ".edge.agora.i0");
      if (i < 0) throw new Error("2025-12-10: no .edge.agora.i0 to fix");
      stream.domains[i] = { name: ".edge.agora.io", cite: [...stream.domains[i].cite, c] };
    },
  },
  {
    row: "2026-02-11 (8082d39a)",
    apply(s, row) {
      addPorts(only(s.sdks["rtc-web"], "Web TCP").tcp, parsePortList("3478", cite(row, "Web TCP adds **3478**")));
    },
  },
];

/** 4a rows that are not applied to the EN page, with the reason. */
const NOT_APPLIED: Record<string, string> = {
  "2020-09-15 (CN only)": "CN page only (WeChat Mini Program, CN RTM lists); the editions transcribe the EN page",
};

function buildTimeline(doc: Doc): {
  at(date: string): FirewallPage;
  handling: TimelineRowHandling[];
  knownPeriods: ReferenceFacts["knownPeriods"];
} {
  const rows = timelineRows(doc);
  const { state: base, seedRow } = seedState(doc);
  const seedKey = rows.find((r) => r.row === seedRow)!.key;
  const handling: TimelineRowHandling[] = [];
  for (const r of rows) {
    const op = OPS.find((o) => o.row === r.row.id);
    if (r.key < seedKey) handling.push({ row: r.row.id, date: r.date, handling: "before-seed", reason: "already in the seed document (2020-05-25)" });
    else if (r.row === seedRow) handling.push({ row: r.row.id, date: r.date, handling: "seed" });
    else if (op) handling.push({ row: r.row.id, date: r.date, handling: op.kind ?? "applied" });
    else if (NOT_APPLIED[r.row.id]) handling.push({ row: r.row.id, date: r.date, handling: "not-applied", reason: NOT_APPLIED[r.row.id] });
    else throw new Error(`§4a row ${JSON.stringify(r.row.id)} is neither applied nor explained: the reference changed; update facts-parser.ts`);
  }
  for (const op of OPS) if (!rows.some((r) => r.row.id === op.row)) throw new Error(`§4a has no row ${JSON.stringify(op.row)}`);

  // When the page is known: S1 covers the seed to its HEAD (2021-03-30; the file's last change is
  // 2020-11-04), S10 covers its first commit (2022-07-11) to the HEAD §10 re-read (2026-07-01).
  const s1 = doc.row("0", "S1");
  const s1Head = /HEAD (\d{4}-\d{2}-\d{2})/.exec(s1.cells[1]);
  const s10 = doc.row("0", "S10");
  const s10Range = /(\d{4}-\d{2}-\d{2}) → (\d{4}-\d{2}-\d{2})/.exec(s10.cells[1]);
  const headDate = /\((\d{4}-\d{2}-\d{2})\), done/.exec(doc.section("10").title);
  if (!s1Head || !s10Range || !headDate) throw new Error("§0 S1/S10 or §10 heading: cannot read the covered dates");
  const knownPeriods = [
    { from: "2020-05-25", to: s1Head[1], cite: [cite(seedRow), cite(s1, `HEAD ${s1Head[1]}`)] },
    { from: s10Range[1], to: headDate[1], cite: [cite(s10, s10Range[0]), citeLine(doc.section("10"), `(${headDate[1]}), done`, "heading", ["EXT:S10"])] },
  ];

  const at = (date: string): FirewallPage => {
    const m = /^(\d{4}-\d{2}-\d{2})(?: (\d{2}:\d{2}))?$/.exec(date);
    if (!m) throw new Error(`firewallPageAt: ${JSON.stringify(date)} is not YYYY-MM-DD[ HH:MM]`);
    const key = `${m[1]} ${m[2] ?? "23:59"}`;
    if (key < seedKey) throw new Error(`firewallPageAt(${date}): before the seed (2020-05-25 05:42); the reference has only partial 2019–2020 rows`);
    if (!knownPeriods.some((p) => m[1] >= p.from && m[1] <= p.to)) {
      throw new Error(`firewallPageAt(${date}): the reference does not cover this date (known: ${knownPeriods.map((p) => `${p.from}…${p.to}`).join(", ")})`);
    }
    const s: State = JSON.parse(JSON.stringify(base));
    const applied: Citation[] = [cite(seedRow)];
    for (const r of rows) {
      if (r.key <= seedKey || r.key > key) continue;
      const op = OPS.find((o) => o.row === r.row.id);
      if (!op) continue;
      op.apply(s, r.row, doc);
      applied.push(cite(r.row));
    }
    return { date, sdks: s.sdks, notes: s.notes, applied };
  };
  return { at, handling, knownPeriods };
}

// ---------------------------------------------------------------------------------------------
// §4b (+ §10): the page as of 2026-02-11

/** 4b "Product" cells → SDK id and channel. */
const PRODUCT_ROW: Record<string, { sdk: SdkId; channel: ChannelId }> = {
  "Video SDK Native + frameworks": { sdk: "rtc-native", channel: "all" }, // 4.1
  "Video SDK Web": { sdk: "rtc-web", channel: "all" }, // 4.2
  "Signaling Web, message channel": { sdk: "rtm-web", channel: "message" }, // 4.3
  "Signaling Web, stream channel": { sdk: "rtm-web", channel: "stream" }, // 4.4
  "Signaling Native, message channel": { sdk: "rtm-native", channel: "message" }, // 4.5
  "Signaling Native, stream channel": { sdk: "rtm-native", channel: "stream" }, // 4.6
  "On-Premise Recording": { sdk: "recording", channel: "all" }, // 4.7
  "Interactive Gaming SDK": { sdk: "gaming", channel: "all" }, // 4.8
};

function currentPage(doc: Doc): Record<SdkId, MutSdk> {
  const out: Partial<Record<SdkId, MutSdk>> = {};
  for (const row of rowsOf(doc.section("4b"))) {
    if (row.id === "4.9") continue; // a list of product pages, not a table row (corrected by §10.1; see sharedPageReusedBy)
    const product = plain(cellOf(row, "Product"));
    const target = PRODUCT_ROW[product];
    if (!target) throw new Error(`§4b ${row.id}: unknown product ${JSON.stringify(product)}`);
    const c = cite(row);
    const support = cellOf(row, "Whitelist / cloud proxy");
    const domainsCell = cellOf(row, "Domains");
    const tcpCell = cellOf(row, "TCP");
    const udpCell = cellOf(row, "UDP");
    const none = (cell: string): boolean => /^(none|n\/a|none given|none \(cloud proxy only\))$/.test(plain(cell));
    let sdk = out[target.sdk];
    if (!sdk) {
      const m = marks(support);
      if (m.length !== 2) throw new Error(`§4b ${row.id}: the first row of a product must carry its whitelist / cloud proxy marks`);
      sdk = out[target.sdk] = {
        sdk: target.sdk,
        product: product.replace(/, (message|stream) channel$/, ""),
        whitelist: cited(m[0], cite(row, support)),
        cloudProxy: cited(m[1], cite(row, support)),
        channels: [],
      };
    } else if (support.trim() !== "") {
      throw new Error(`§4b ${row.id}: a second row of ${target.sdk} carries its own marks`);
    }
    if (none(domainsCell) && none(tcpCell) && none(udpCell)) {
      // 4.1 "none (cloud proxy only)", 4.7 and 4.8 "none … n/a … n/a"
      sdk.withdrawn = [cite(row, plain(domainsCell))];
      continue;
    }
    let domains: DomainItem[] = [];
    let noDomainsGiven: Citation[] | undefined;
    if (/^see (\d{4}-\d{2}-\d{2}) row$/.test(plain(domainsCell))) {
      // 4.3 "see 2024-08-14 row": the Web message-channel domains of that 4a row.
      const date = /^see (\d{4}-\d{2}-\d{2}) row$/.exec(plain(domainsCell))![1];
      const spec = channelSpec(doc.rowStarting("4a", date), "Web message:", "message");
      domains = spec.domains.map((d) => addCites(d, [cite(row, plain(domainsCell))]));
    } else if (none(domainsCell)) {
      noDomainsGiven = [cite(row, plain(domainsCell))]; // 4.6 "none given"
    } else {
      domains = parseDomainList(domainsCell, c);
    }
    sdk.channels.push({
      channel: target.channel,
      domains,
      tcp: none(tcpCell) ? [] : parsePortList(tcpCell, c),
      udp: none(udpCell) ? [] : parsePortList(udpCell, c),
      ...(noDomainsGiven ? { noDomainsGiven } : {}),
    });
  }
  for (const sdk of SDK_IDS) if (!out[sdk]) throw new Error(`§4b has no row for ${sdk}`);
  return out as Record<SdkId, MutSdk>;
}

/** Cell keys of one SDK's page: support marks, and every domain and port item per channel. */
function sdkCellKeys(p: SdkPage | MutSdk): Map<string, readonly Citation[]> {
  const out = new Map<string, readonly Citation[]>();
  const flag = (f: Cited<boolean> | NotPublished): string => (isNotPublished(f) ? "not-published" : String(f.value));
  out.set(`${p.sdk}|whitelist|${flag(p.whitelist)}`, p.whitelist.cite);
  out.set(`${p.sdk}|cloud-proxy|${flag(p.cloudProxy)}`, p.cloudProxy.cite);
  if (p.withdrawn) out.set(`${p.sdk}|no-whitelist-table`, p.withdrawn);
  for (const ch of p.channels) {
    for (const d of ch.domains) out.set(`${p.sdk}|${ch.channel}|domain|${domainKey(d)}`, d.cite);
    for (const t of ch.tcp) out.set(`${p.sdk}|${ch.channel}|tcp|${portKey(t)}`, t.cite);
    for (const u of ch.udp) out.set(`${p.sdk}|${ch.channel}|udp|${portKey(u)}`, u.cite);
    if (ch.noDomainsGiven) out.set(`${p.sdk}|${ch.channel}|no-domains-given`, ch.noDomainsGiven);
  }
  return out;
}

/** 4b and the 4a timeline at 2026-02-11 must give the same cells; the result is 4b with both citations. */
function mergeCurrent(fromTable: Record<SdkId, MutSdk>, fromTimeline: FirewallPage, verified: Citation): Record<SdkId, SdkPage> {
  const out = {} as Record<SdkId, SdkPage>;
  for (const sdk of SDK_IDS) {
    const a = sdkCellKeys(fromTable[sdk]);
    const b = sdkCellKeys(fromTimeline.sdks[sdk]);
    const onlyA = [...a.keys()].filter((k) => !b.has(k));
    const onlyB = [...b.keys()].filter((k) => !a.has(k));
    if (onlyA.length || onlyB.length) {
      throw new Error(`§4b and the §4a timeline disagree for ${sdk} at 2026-02-11: only in 4b ${JSON.stringify(onlyA)}, only in 4a ${JSON.stringify(onlyB)}`);
    }
    const t = fromTable[sdk];
    const more = (k: string): readonly Citation[] => [...(b.get(k) ?? []), verified];
    const merge = <T extends { cite: readonly Citation[] }>(item: T, k: string): T => addCites(item, more(k));
    out[sdk] = {
      sdk,
      product: t.product,
      whitelist: merge(t.whitelist, `${sdk}|whitelist|${isNotPublished(t.whitelist) ? "not-published" : t.whitelist.value}`),
      cloudProxy: merge(t.cloudProxy, `${sdk}|cloud-proxy|${isNotPublished(t.cloudProxy) ? "not-published" : t.cloudProxy.value}`),
      channels: t.channels.map((ch) => ({
        ...ch,
        domains: ch.domains.map((d) => merge(d, `${sdk}|${ch.channel}|domain|${domainKey(d)}`)),
        tcp: ch.tcp.map((p) => merge(p, `${sdk}|${ch.channel}|tcp|${portKey(p)}`)),
        udp: ch.udp.map((p) => merge(p, `${sdk}|${ch.channel}|udp|${portKey(p)}`)),
      })),
      ...(t.withdrawn ? { withdrawn: [...t.withdrawn, ...(b.get(`${sdk}|no-whitelist-table`) ?? [])] } : {}),
    };
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// §4e: the 2025 allowed IP list

const MEDIA_REGION: Record<string, RegionId> = {
  "North America": "north-america",
  Europe: "europe",
  'Asia excl. Mainland China / "Southeast Asia"': "asia",
  Japan: "japan",
  India: "india",
  "Mainland China": "mainland-china",
};

const SIGNALING_REGION: Record<string, RegionId> = {
  NA: "north-america", EU: "europe", Asia: "asia", Japan: "japan", India: "india", CN: "mainland-china",
};

/** 4.14 "Regions: North America, Europe, India, Japan, Southeast Asia, China". */
const BEST_PRACTICE_REGION: Record<string, RegionId> = {
  "North America": "north-america", Europe: "europe", India: "india", Japan: "japan", "Southeast Asia": "asia", China: "mainland-china",
};

function allowedIpList(doc: Doc): AllowedIpList {
  const sec = doc.section("4e");
  const S11 = ["EXT:S11"];
  if (sec.tables.length !== 3) throw new Error(`§4e: expected 3 tables, found ${sec.tables.length}`);
  const [mediaRows, signalingRows, practiceRows] = sec.tables;

  // Media table: "Region | Media IPs / CIDRs | Source"
  const media = {} as Record<RegionId, Partial<Record<MediaSet, IpEntry[]>>>;
  const labels = {} as Record<RegionId, Partial<Record<MediaSet, string>>>;
  for (const row of mediaRows) {
    const m = /^(.+?)(?: \((Native \+ Web Signaling|Web RTC)\))?$/.exec(row.id)!;
    const region = MEDIA_REGION[m[1]];
    if (!region) throw new Error(`§4e: unknown media region ${JSON.stringify(row.id)}`);
    const sets: MediaSet[] = m[2] === "Web RTC" ? ["webRtc"] : m[2] ? ["native", "webSignaling"] : ["native", "webRtc", "webSignaling"];
    const ips = ipEntries(cellOf(row, "Media IPs / CIDRs"), cite(row));
    media[region] ??= {};
    labels[region] ??= {};
    for (const set of sets) {
      if (media[region][set]) throw new Error(`§4e: two media rows for ${region} ${set}`);
      media[region][set] = ips;
      labels[region][set] = row.id;
    }
  }
  for (const r of REGION_IDS) for (const set of ["native", "webRtc", "webSignaling"] as const) {
    if (!media[r]?.[set]) throw new Error(`§4e: no media row for ${r} ${set}`);
  }

  // The sentence above the media table gives each mode's media ports.
  const usedBy = sec.lines.find((l) => l.text.startsWith("Regional media"))?.text;
  if (!usedBy) throw new Error("§4e: no 'Regional media … Used by' sentence");
  const mediaPorts = {} as Record<AllowedModeId, PortSpec[]>;
  const MODE_LABEL: Record<string, AllowedModeId> = {
    "Native Force UDP": "force-udp", "Native Force TCP": "force-tcp", "Web RTC": "web-rtc", "Web Signaling": "web-signaling",
  };
  for (const m of usedBy.matchAll(/(Native Force UDP|Native Force TCP|Web RTC|Web Signaling) \(((?:UDP|TCP)(?:\/(?:UDP|TCP))?) ([^)]+)\)/g)) {
    mediaPorts[MODE_LABEL[m[1]]] = portSpecs(m[2], m[3], citeLine(sec, m[0], "media ports (sentence above the media table)", S11));
  }
  for (const mode of ALLOWED_MODE_IDS) if (!mediaPorts[mode]) throw new Error(`§4e: no media ports for ${mode}`);

  // Signaling table: "Mode | Signaling IPs | Proto/port | Source"
  const signaling = {} as Record<AllowedModeId, Partial<Record<RegionId, IpEntry[]>>>;
  const scopes: Partial<Record<AllowedModeId, { scope: "all-except-mainland-china" | "mainland-china"; ips: IpEntry[] }[]>> = {};
  const sigPorts = {} as Record<AllowedModeId, PortSpec[]>;
  const modeLabel = {} as Record<AllowedModeId, string>;
  for (const row of signalingRows) {
    const c = cite(row);
    const pp = /^((?:UDP|TCP)(?:\/(?:UDP|TCP))?) (.+)$/.exec(plain(cellOf(row, "Proto/port")));
    if (!pp) throw new Error(`§4e ${row.id}: cannot read ${cellOf(row, "Proto/port")}`);
    const ips = cellOf(row, "Signaling IPs");
    let mode: AllowedModeId;
    const native = /^Native Force (UDP|TCP), (all regions except CN|Mainland China)$/.exec(row.id);
    if (native) {
      mode = native[1] === "UDP" ? "force-udp" : "force-tcp";
      const scope = native[2] === "Mainland China" ? "mainland-china" as const : "all-except-mainland-china" as const;
      const entries = ipEntries(ips, c);
      (scopes[mode] ??= []).push({ scope, ips: entries });
      signaling[mode] ??= {};
      for (const r of REGION_IDS) {
        if ((r === "mainland-china") === (scope === "mainland-china")) signaling[mode][r] = entries;
      }
      modeLabel[mode] = `Native Force ${native[1]}`;
    } else if (row.id === "Web RTC signaling" || /^Web Signaling \(RTM\)/.test(row.id)) {
      mode = row.id === "Web RTC signaling" ? "web-rtc" : "web-signaling";
      modeLabel[mode] = row.id;
      signaling[mode] = {};
      for (const part of ips.split(" · ")) {
        const m = /^(NA|EU|India|Japan|Asia|CN) (.+)$/.exec(part.trim());
        if (!m) throw new Error(`§4e ${row.id}: cannot read ${JSON.stringify(part)}`);
        const region = SIGNALING_REGION[m[1]];
        if (signaling[mode][region]) throw new Error(`§4e ${row.id}: ${m[1]} twice`);
        signaling[mode][region] = ipEntries(m[2], cite(row, `${m[1]} ${m[2]}`));
      }
    } else {
      throw new Error(`§4e: unknown signaling mode ${JSON.stringify(row.id)}`);
    }
    const ports = portSpecs(pp[1], pp[2], c);
    if (sigPorts[mode] && JSON.stringify(sigPorts[mode].map((p) => [p.protocol, p.from, p.to])) !== JSON.stringify(ports.map((p) => [p.protocol, p.from, p.to]))) {
      throw new Error(`§4e: ${mode} rows give different ports`);
    }
    sigPorts[mode] = sigPorts[mode] ? sigPorts[mode].map((p) => addCites(p, [c])) : ports;
  }
  for (const mode of ALLOWED_MODE_IDS) for (const r of REGION_IDS) {
    if (!signaling[mode]?.[r]) throw new Error(`§4e: no ${mode} signaling for ${r}`);
  }

  // Best practices 4.14–4.17 (+ §10.6, §10.7).
  const bp = (id: string): Row => {
    const r = practiceRows.find((x) => x.id === id);
    if (!r) throw new Error(`§4e: no best-practice row ${id}`);
    return r;
  };
  const r14 = bp("4.14"), r15 = bp("4.15"), r16 = bp("4.16"), r17 = bp("4.17");
  const c106 = cite(doc.row("10", "10.6"), "4.17 \"TCP 443: Required for all configurations\" means Native **Force UDP** also needs TCP 443 (destinations not stated) and DNS 53");
  const c107 = doc.row("10", "10.7");
  const prefix = /a \*\*\/(\d+)\*\* per segment/.exec(r14.text);
  const dns = /Open DNS port \*\*(\d+)\*\*/.exec(r17.text);
  const regionsText = /Regions: ([^|]+?)\s*\|/.exec(r14.text);
  if (!prefix || !dns || !regionsText) throw new Error("§4e 4.14/4.17: cannot read the segment prefix, DNS port or regions");
  const regions = regionsText[1].split(/\s*,\s*/).map((n) => {
    const r = BEST_PRACTICE_REGION[n];
    if (!r) throw new Error(`§4e 4.14: unknown region ${n}`);
    return r;
  });
  const bestPractices: BestPractices = {
    dnsPort: cited(Number(dns[1]), cite(r17, dns[0]), c106),
    tcp443RequiredForAll: cited(true, cite(r17, "TCP 443 is required for all configurations"), c106),
    udp443: cited("required for Proxy3 only (proxy4/5 only need TCP 443)", cite(r17, "required for Proxy3 only (proxy4/5 only need TCP 443)"),
      cite(doc.row("10", "10.6"), "\"proxy4/5 only need TCP 443\" suggests Web mode 5 may need no UDP 443"),
      notFoundCite(doc, "What \"Proxy3\" and \"proxy4/5\" mean in 4.17")),
    segmentPrefix: cited(Number(prefix[1]), cite(r14, prefix[0])),
    cloudMachines: cited("single IPs", cite(r14, "cloud machines use single IPs")),
    accessPoints: cited("a single cloud IP", cite(r14, "access points use a single cloud IP")),
    regions: cited(regions, cite(r14, `Regions: ${regionsText[1]}`)),
    restrictedZones: cited("with restricted media zones (geofencing), add only that region's IPs; otherwise add all IPs",
      cite(r15, "With \"Restricted media zones\" (geofencing), add only that region's IPs; otherwise add **all** IPs")),
    regionUnknown: cited("all", cite(r15, "If the region is unknown, configure all whitelists")),
    mediaByIpOnly: cited(true, cite(r16, "**media can only be whitelisted by IP** (no domain whitelisting)")),
    signalingByDomainAllowed: cited(true, cite(r16, "AP/signaling may use **domain** whitelisting")),
    japanConsiderAsia: cited("For region-specific deployments like Japan, consider opening the entire region, such as Asia",
      cite(c107, "For region-specific deployments like Japan, consider opening the entire region, such as Asia")),
    pingDomains: notPublished("the page says to verify connectivity by pinging the provided domain names but gives no cloud-proxy domains",
      cite(c107, "\"Verify connectivity by pinging the provided domain names\" (the page gives no cloud-proxy domains)")),
  };

  const tcp443 = cite(r17, "TCP 443 is required for all configurations");
  const modes = {} as Record<AllowedModeId, AllowedMode>;
  const mediaSetOf: Record<AllowedModeId, MediaSet> = { "force-udp": "native", "force-tcp": "native", "web-rtc": "webRtc", "web-signaling": "webSignaling" };
  for (const mode of ALLOWED_MODE_IDS) {
    const needsTcp443 = ![...mediaPorts[mode], ...sigPorts[mode]].some((p) => p.protocol === "tcp" && p.from <= 443 && p.to >= 443);
    modes[mode] = {
      mode,
      label: modeLabel[mode],
      mediaSet: mediaSetOf[mode],
      mediaPorts: mediaPorts[mode],
      signalingPorts: sigPorts[mode],
      signaling: signaling[mode] as Record<RegionId, IpEntry[]>,
      ...(scopes[mode] ? { signalingScopes: scopes[mode] } : {}),
      alsoRequired: needsTcp443
        ? [{ protocol: "tcp", from: 443, to: 443, cite: [tcp443, c106], destinations: notPublished("§10.6: destinations not stated", c106) }]
        : [],
    };
  }

  // Version floor (§10.2 over 6.5 / 6.14 / 4.18 / §8) and privately supplied products (§10.8).
  const r418 = doc.row("4f", "4.18");
  const r65 = doc.row("6", "6.5");
  const r614 = doc.row("6", "6.14");
  const removedAt = /removed on (\d{4}-\d{2}-\d{2}) \(`(\w+)`\)/;
  const nativeTitle = /Allowed IP List for RTC Native SDK v(\d+\.\d+\.\d+) and later/.exec(r418.text);
  const webTitle = /Allowed IP List for RTC Web SDK v(\d+\.\d+\.\d+) and later/.exec(r418.text);
  const nativeRemoved = removedAt.exec(r65.text);
  const webRemoved = removedAt.exec(r614.text);
  if (!nativeTitle || !webTitle || !nativeRemoved || !webRemoved) throw new Error("4.18 / 6.5 / 6.14: cannot read the historical version floors");
  const r102 = doc.row("10", "10.2");
  const ap = /"introduced in SDK (\d+\.\d+\.\d+)"/.exec(r102.text);
  if (!ap) throw new Error("10.2: no access-point list version");
  const r108 = doc.row("10", "10.8");

  return {
    published: [cite(doc.row("0", "S11"), "current, last commit `cc326c71…` 2025-06-24"),
      citeLine(sec, "S11, 2025-06-24", "heading", S11)],
    media: media as Record<RegionId, Record<MediaSet, IpEntry[]>>,
    mediaRowLabels: labels as Record<RegionId, Record<MediaSet, string>>,
    modes,
    bestPractices,
    versionFloor: {
      none: cited(true, cite(r102, "A catalogue must not refuse versions on this basis")),
      history: [
        cited({ sdk: "native" as const, min: nativeTitle[1], until: nativeRemoved[1] }, cite(r418, nativeTitle[0]), cite(r65, nativeRemoved[0])),
        cited({ sdk: "web" as const, min: webTitle[1], until: webRemoved[1] }, cite(r418, webTitle[0]), cite(r614, webRemoved[0])),
      ],
      accessPointListIntroducedIn: cited(ap[1], cite(r102, ap[0])),
    },
    privatelySupplied: cited(["server-gateway", "recording"] as const,
      cite(r108, "Server Gateway and the new On-Premise Recording get privately supplied IPs and ports")),
  };
}

// ---------------------------------------------------------------------------------------------
// §4g / §5: Native cloud-proxy modes and settings; §2a: Web cloud proxy

function nativeCloudProxy(doc: Doc): NativeCloudProxy {
  const r422 = doc.row("4g", "4.22");
  const r511 = doc.row("5b", "5.11");
  const r512 = doc.row("5b", "5.12");
  const r513 = doc.row("5b", "5.13");
  const r516 = doc.row("5b", "5.16");
  const r109 = doc.row("10", "10.9");
  // 5.12: "**0 NONE_PROXY** = automatic mode (…); **1 UDP_PROXY** = Force UDP; **2 TCP_PROXY** = Force TCP (TLS 443), **available from v3.6.2**"
  const types = [...r512.text.matchAll(/\*\*(\d) ([A-Z_]+)\*\* = ([^;|]+)/g)].map((m) => ({ value: Number(m[1]), name: m[2], text: m[3].trim() }));
  if (types.length !== 3) throw new Error(`5.12: expected 3 CLOUD_PROXY_TYPE values, found ${types.length}`);
  const type = (name: string): Cited<{ value: number; name: string }> => {
    const t = types.find((x) => x.name === name)!;
    return cited({ value: t.value, name: t.name }, cite(r512, `**${t.value} ${t.name}**`));
  };
  const since = /\*\*since v(\d+\.\d+\.\d+)\*\*/.exec(r511.text);
  const flutter = /"Since v(\d+\.\d+\.\d+)"/.exec(r511.text);
  const tcpSince = /\*\*available from v(\d+\.\d+\.\d+)\*\*/.exec(r512.text);
  const autoDefault = /default as of v(\d+\.\d+\.\d+)/.exec(r512.text);
  if (!since || !flutter || !tcpSince || !autoDefault) throw new Error("5.11 / 5.12: cannot read the versions");

  const modes: NativeProxyMode[] = [
    {
      mode: "automatic",
      cloudProxyType: type("NONE_PROXY"),
      // 4.22 "**Automatic** (default, free: direct connection, falling back to TCP/TLS 443)"
      description: cited("direct connection, falling back to TCP/TLS 443", cite(r422, "direct connection, falling back to TCP/TLS 443")),
      free: cited({ claimed: true, inCitedText: false }, cite(r422, "default, free"), cite(r109, "4.22's \"free\" for Automatic mode (not in the 2022 S13 text `6b87843a`)")),
    },
    {
      mode: "force-udp",
      cloudProxyType: type("UDP_PROXY"),
      description: cited("UDP only", cite(r422, "**Force UDP** (UDP only")),
      allowlist: cited("needed", cite(r422, "needs the allowlist")),
      allowedListMode: "force-udp",
      limitations: cited(["Media Push (CDN push)", "cross-channel relay"], cite(r422, "no CDN push (Media Push) or cross-channel relay")),
    },
    {
      mode: "force-tcp",
      cloudProxyType: type("TCP_PROXY"),
      description: cited("TCP/TLS 443 only", cite(r422, "**Force TCP** (TCP/TLS 443 only")),
      since: cited(tcpSince[1], cite(r512, tcpSince[0]), cite(r109, "5.12's \"TCP_PROXY from v3.6.2\" is confirmed only by S21")),
      allowlist: cited("usually needed", cite(r422, "the allowlist is usually needed")),
      allowedListMode: "force-tcp",
    },
  ];

  // 5.13 constants: "Android 4.x constants `A=0, B=1, C=2`; Windows `A/B/C`; iOS `A=0, …`"
  const constants = [...r513.text.matchAll(/(Android 4\.x constants|Windows|iOS) `([^`]+)`/g)].map((m) =>
    cited({ platform: m[1].replace(" constants", ""), names: m[2].split(/[,/]\s*/).map((n) => n.replace(/=\d+$/, "").trim()) }, cite(r513, m[0])));
  if (constants.length !== 3) throw new Error("5.13: expected Android, Windows and iOS constants");
  // 5.16 "0 none/reserved, 1 UDP, 2 TCP, 3 local proxy (`setLocalAccessPoint`), 4 TCP auto-fallback (automatic mode)"
  const reported = /\): (0 .+?) \|/.exec(r516.text);
  if (!reported) throw new Error("5.16: no value list");
  const reportedProxyTypes = reported[1].split(/, (?=\d )/).map((part) => {
    const m = /^(\d) (.+)$/.exec(part.trim())!;
    return cited({ value: Number(m[1]), meaning: m[2] }, cite(r516, part.trim()));
  });

  // 5a setParameters
  const r51 = doc.row("5a", "5.1"), r52 = doc.row("5a", "5.2"), r53 = doc.row("5a", "5.3"), r54 = doc.row("5a", "5.4");
  const r55 = doc.row("5a", "5.5"), r56 = doc.row("5a", "5.6"), r57 = doc.row("5a", "5.7");
  const enumText = /`(kUdpRelay=0[^`]+)`/.exec(r57.text);
  if (!enumText) throw new Error("5.7: no enum");
  const unverifiedEnum = enumText[1].split(/,\s*/).map((e) => {
    const [name, value] = e.split("=");
    return { name, value: Number(value) };
  });
  const undocumented = /Values ([\d, –]+) were not found/.exec(r57.text);
  if (!undocumented) throw new Error("5.7: no 'not found' values");
  const undocumentedValues = undocumented[1].split(/,\s*/).flatMap((v) => {
    const m = /^(\d+)–(\d+)$/.exec(v.trim());
    if (!m) return [Number(v)];
    const out: number[] = [];
    for (let i = Number(m[1]); i <= Number(m[2]); i++) out.push(i);
    return out;
  });
  const nf = (fragment: string): Citation => notFoundCite(doc, fragment);

  return {
    modes,
    setCloudProxySince: cited(since[1], cite(r511, since[0])),
    setCloudProxySinceFlutter: cited(flutter[1], cite(r511, flutter[0])),
    automaticDefaultSince: cited(autoDefault[1], cite(r512, autoDefault[0])),
    constants,
    reportedProxyTypes,
    setParameters: {
      enable: cited('{"rtc.enable_proxy":true}', cite(r51, '`{"rtc.enable_proxy":true}`')),
      disable: cited('{"rtc.enable_proxy":false}', cite(r51, '`{"rtc.enable_proxy":false}`')),
      format: cited('{"rtc.proxy_server":[proxy_type, "ip or dns", port]}', cite(r51, '`{"rtc.proxy_server":[proxy_type, "ip or dns", port]}`')),
      types: [
        { proxyType: 0, meaning: "SOCKS5 proxy server (IP and port of the server)", example: '[0, "127.0.0.1", 1080]', status: "historical", cite: [cite(r52, "proxy_type **0** = SOCKS5 proxy server")] },
        { proxyType: 1, meaning: "cloud proxy by domain ap-proxy.agora.io, port 0 (default once enable_proxy is true)", example: '[1, "ap-proxy.agora.io", 0]', status: "documented", cite: [cite(r53, "proxy_type **1** = cloud proxy by domain `ap-proxy.agora.io`, port 0")] },
        { proxyType: 2, meaning: 'cloud proxy by IP list "[\\"ip1\\",\\"ip2\\"]", port = "port of this lbs", default 0', status: "documented", cite: [cite(r54, "proxy_type **2** = cloud proxy by IP list")] },
        { proxyType: 4, meaning: "Do not enable the proxy service", example: '[4, "", 0]', status: "historical", cite: [cite(r55, "proxy_type **4** = \"Do not enable the proxy service\": `[4, \"\", 0]`")] },
        { proxyType: 13, meaning: "Server Gateway / Linux server SDK: Force TCP (always TLS 443)", example: '{"rtc.proxy_server":[13,"",0]}', status: "server-sdk", cite: [cite(r56, 'Force **TCP** = `{"rtc.proxy_server":[13,"",0]}`')] },
        { proxyType: 1, meaning: "Server Gateway / Linux server SDK: Force UDP", example: '{"rtc.proxy_server":[1,"",0]}', status: "server-sdk", cite: [cite(r56, 'Force **UDP** = `{"rtc.proxy_server":[1,"",0]}`')] },
      ],
      unverifiedEnum: cited(unverifiedEnum, cite(r57, "origin **unverified**"), cite(r57, enumText[1])),
      undocumentedTypes: { ...notPublished("no public documentation of these proxy_type values", cite(r57, undocumented[0]), nf("`rtc.proxy_server` proxy_type **3, 10, 11, 12, 14, 15**")), values: undocumentedValues },
      nonZeroPort: notPublished("the meaning of a non-zero port is not explained in any source", cite(doc.row("5a", "5.8"), "The meaning of a non-zero port is not explained in any source found"), nf("for a non-zero `port`")),
    },
  };
}

function webCloudProxy(doc: Doc): WebCloudProxy {
  const r26 = doc.row("2a", "2.6"), r25 = doc.row("2a", "2.5"), r27 = doc.row("2a", "2.7"), r28 = doc.row("2a", "2.8");
  const r29 = doc.row("2a", "2.9"), r210 = doc.row("2a", "2.10"), r212 = doc.row("2a", "2.12");
  const r221 = doc.row("2c", "2.21");
  const r103 = doc.row("10", "10.3"), r1010 = doc.row("10", "10.10");
  // 2.21 "Web **v4.4.0 and above** domains: `…`. Web **v4.0.0–v4.4.0**: `…`"
  const newer = /Web \*\*v4\.4\.0 and above\*\* domains: (`[^`]+`(?:, `[^`]+`)*)/.exec(r221.text);
  const older = /Web \*\*v4\.0\.0–v4\.4\.0\*\*: (`[^`]+`(?:, `[^`]+`)*)/.exec(r221.text);
  if (!newer || !older) throw new Error("2.21: cannot read the two domain lists");
  return {
    modes: [
      cited({ mode: 3, name: "force-udp" as const, transport: "always UDP" }, cite(r26, "**mode 3 = Force UDP** (always UDP)")),
      cited({ mode: 5, name: "force-tcp" as const, since: "4.9.0", transport: "TCP, encrypted, always TLS 443" },
        cite(r26, "**mode 5 = Force TCP** (TCP, encrypted, always TLS 443), supported since **v4.9.0**")),
    ],
    defaultModeSince: cited({ mode: 3, since: "4.15.0" }, cite(r29, "from v4.15.0 the default value of `mode` is 3"),
      cite(r103, "v4.15.0 default `mode=3` is also in Docs-Source")),
    // §10.3 wins over 2.10 / 6.13 / C14 (v4.9.0).
    automaticDefaultSince: cited("4.11.0", cite(r103, "\"As of v4.11.0, the SDK adopts an automatic mode by default\""),
      cite(r210, "**Automatic** (direct, falling back to TCP/TLS 443) is the default **as of v4.9.0**")),
    automaticNoProxySince: cited("4.19.0", cite(r103, "v4.19.0: Automatic mode \"no longer uses proxies\"")),
    newArchitectureSince: [
      cited({ line: "4.x" as const, since: "4.3.0", call: "startProxyServer(mode) before join" }, cite(r26, "from **v4.3.0** the architecture changed")),
      cited({ line: "3.x" as const, since: "3.4.0", call: "startProxyServer(3) before join" }, cite(r25, "from Web **v3.4.0** (3.x, not 4.x) the cloud-proxy architecture changed")),
    ],
    legacyTestIpVersions: [
      cited({ min: "2.5.1", below: "3.4.0" }, cite(r25, "Web **v2.5.1–v3.3.1** use the test-IP procedure")),
      cited({ min: "4.0.0", below: "4.3.0" }, cite(r27, "Web 4.0.0–4.2.1: the older procedure")),
    ],
    isUsingCloudProxyEventSince: cited("4.4.0", cite(r28, "available from **v4.4.0**")),
    consoleEnablement: cited("enable Cloud Proxy in Agora Console (Project → Configure → All Features → Cloud Proxy), then call startProxyServer(mode) before join",
      cite(r26, "enable Cloud Proxy in Agora Console (Project → Configure → All Features → Cloud Proxy), then call `startProxyServer(mode)` before join")),
    // Web RTC cloud proxy uses the "Web RTC" rows of §4e (their heading: "Used by … Web RTC (UDP/TCP 443)").
    allowedListMode: cited("web-rtc" as const, citeLine(doc.section("4e"), "Web RTC (UDP/TCP 443)", "media ports (sentence above the media table)", ["EXT:S11"])),
    signalingWeb: cited({ config: "cloudProxy: true", allowedListMode: "web-signaling" as const },
      cite(r212, "set `cloudProxy: true` in the RTM config"), cite(r212, "allowlist the Web-Signaling IPs (§4e)")),
    signalingOtherPlatforms: cited("not available (customer HTTP/TCP proxy through RtmProxyConfig)",
      cite(r212, "Cloud proxy is \"not available\" for the other Signaling platforms (they use a customer HTTP/TCP proxy through `RtmProxyConfig`)"),
      cite(r1010, "Signaling cloud proxy is Web-only")),
    notAvailable: cited(["React JS", "mobile devices (Web)"], cite(r1010, "the cloud-proxy index shows \"not available\" for React JS"),
      cite(r210, "The page says cloud proxy does not work on mobile devices")),
    referencePageDomains: [
      ...parseDomainList(newer[1], cite(r221, newer[0]), { anyOf: [{ min: "4.4.0" }], text: "v4.4.0 and above" }),
      ...parseDomainList(older[1], cite(r221, older[0]), { anyOf: [{ min: "4.0.0", below: "4.4.0" }], text: "v4.0.0–v4.4.0" }),
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// §4c Whiteboard, §4d Chat

function whiteboard(doc: Doc): WhiteboardFacts {
  const r410 = doc.row("4c", "4.10");
  const r411 = doc.row("4c", "4.11");
  const r101 = doc.row("10", "10.1");
  const list = /Whitelist (`[^|]+?); \*\*port 443\*\*/.exec(r410.text);
  if (!list) throw new Error("4.10: cannot read the whitelist");
  const detail: DomainItem[] = [];
  const incomplete: NotTranscribed[] = [];
  for (const m of r411.text.matchAll(/`([^`]+)`/g)) {
    const c = cite(r411, m[0]);
    if (/[*()]/.test(m[1])) {
      incomplete.push({ notTranscribed: true, reason: "abbreviated in the reference; the full names are not given", example: [m[1]], cite: [c] });
    } else {
      for (const name of expandName(m[1])) {
        if (!DOMAIN.test(name)) throw new Error(`4.11: not a domain ${name}`);
        detail.push({ name, cite: [c] });
      }
    }
  }
  return {
    domains: parseDomainList(list[1], cite(r410, list[1])),
    // "port **443** open for all"; 4.11 gives the protocols as https/443 and wss/443, i.e. TCP.
    port: cited({ protocol: "tcp", port: 443 }, cite(r410, "**port 443** open for all"), cite(r411, "(https/443 + wss/443)")),
    detailedNames: detail,
    incompletePatterns: incomplete,
    ownPage: cited("interactive-whiteboard/reference/firewall.mdx imports shared/interactive-whiteboard/_firewall.mdx (§4c), not the shared firewall page",
      cite(r101, "since 2024-10-23 (`f237bb477`) `interactive-whiteboard/reference/firewall.mdx` imports its own `shared/interactive-whiteboard/_firewall.mdx` (§4c)")),
  };
}

function chat(doc: Doc): ChatFacts {
  const r412 = doc.row("4d", "4.12");
  const r413 = doc.row("4d", "4.13");
  const c15 = doc.row("9", "C15");
  const centres = /41 = (\w+), 61 = (\w+), 71 = (\w+)/.exec(r412.text);
  if (!centres) throw new Error("4.12: no data centre numbers");
  const clientQ = "`msync-api-{41,61,71}.chat.agora.io` and `msync-im-{41,61,71}-tls.chat.agora.io` (clients, 443)";
  const restQ = "`a{41,61,71}.chat.agora.io` (REST, 443)";
  const apQ = "`ap-america/ap-asia/ap-europe.agora.io`";
  const tcp443 = cite(r412, "Chat can run all traffic over TCP/TLS 443");
  const ports413 = /"UDP ([\d, -]+)" and "TCP ([\d, -]+)"/.exec(r413.text);
  if (!ports413) throw new Error("4.13: no ports");
  const pc = cite(r413, ports413[0]);
  return {
    dataCentres: [41, 61, 71].map((n, i) => cited({ number: n, name: centres[i + 1] }, cite(r412, centres[0]))),
    clientNames: parseDomainList(clientQ, cite(r412, clientQ)),
    restNames: parseDomainList(restQ, cite(r412, restQ)),
    clientPort: [{ protocol: "tcp", from: 443, to: 443, cite: [tcp443, cite(r412, "(clients, 443)")] }],
    nameIps: { notTranscribed: true, reason: "each name has 2 listed IPs in S18; the reference gives only one example", count: 2,
      example: ["3.33.220.151", "15.197.222.199"], cite: [cite(r412, "each name has 2 listed IPs (e.g. Virginia msync-api 3.33.220.151, 15.197.222.199)")] },
    // "ap-america/ap-asia/ap-europe.agora.io": the shared suffix written once.
    apNames: ["ap-america.agora.io", "ap-asia.agora.io", "ap-europe.agora.io"].map((name) => ({ name, cite: [cite(r413, apQ)] })),
    apPorts: [...portSpecs("UDP", ports413[1], pc), ...portSpecs("TCP", ports413[2], pc)],
    apIps: { notTranscribed: true, reason: "the same 21-IP list for each ap-* name in S18; not transcribed in the reference", count: 21, cite: [cite(r413, "(same 21-IP list in each)")] },
    noticePeriod: cited("at least 3 months", cite(r413, "IP changes are announced with at least 3 months' notice")),
    virginiaRowConflict: cited("the Virginia row says UDP 443 and 8443; Singapore and Frankfurt say TCP 443 and 8443 (probably a typo)",
      cite(c15, "the Virginia row says \"UDP port: 443 and 8443\"; Singapore and Frankfurt say \"TCP port: 443 and 8443\" (probably a typo in the Virginia row)")),
  };
}

// ---------------------------------------------------------------------------------------------
// §10.1 / §10.4 additions to the 2026-02 edition

function sharedPageReusedBy(doc: Doc): Cited<readonly string[]> {
  const r49 = doc.row("4b", "4.9");
  const r101 = doc.row("10", "10.1");
  const listed = /^(.+?) product pages reuse the same shared page/.exec(plain(r49.cells[1]));
  const also = /Pages that do reuse the shared firewall page also include ([^|]+?)\s*\|/.exec(r101.text);
  if (!listed || !also) throw new Error("4.9 / 10.1: cannot read the product pages");
  const split = (t: string): string[] => t.split(/,\s*|\s+and\s+/).map((x) => x.trim()).filter(Boolean);
  const pages = split(listed[1]).filter((p) => p !== "Whiteboard"); // 10.1 "Row 4.9 is wrong for Whiteboard"
  return cited([...pages, ...split(also[1])], cite(r49, listed[1]), cite(r101, "Row 4.9 is wrong for Whiteboard"), cite(r101, also[1]));
}

function domainLimit(doc: Doc): DomainLimit {
  const r = doc.row("10", "10.4");
  const q = "with `domainLimit` / `mDomainLimit = true`, add `*.rtnsvc.com` and `*.realtimemesh.com`";
  const c = cite(r, q);
  return {
    domains: parseDomainList("`*.rtnsvc.com` `*.realtimemesh.com`", c),
    announcedIn: cited("4.6.0", cite(r, "Native 4.6.0 release notes on every platform")),
    optionSince: cited("4.2.0", cite(r, "`domainLimit` exists since 4.2.0")),
    ports: notPublished("the release notes give no ports", cite(r, "ports are not given there")),
    alsoIn: cited(["Server Gateway", "On-Premise Recording"], cite(r, "also in Server Gateway and On-Premise Recording")),
  };
}

// ---------------------------------------------------------------------------------------------
// Putting it together

function load(text: string, file: string): ReferenceFacts {
  const doc = new Doc(text);
  const sources: Record<string, SourceEntry> = {};
  for (const row of rowsOf(doc.section("0"))) sources[row.id] = { id: row.id, source: row.cells[1], version: row.cells[2] };
  const timeline = buildTimeline(doc);
  const notFound = doc.section("8").bullets.map((text, i) => ({ id: `8.${i + 1}`, text }));
  const conflicts = rowsOf(doc.section("9")).map((r) => ({ id: r.id, text: r.cells[1], sources: sourcesIn(r.cells[2]) }));
  const corrections = rowsOf(doc.section("10")).map((r) => ({ id: r.id, text: r.cells[1], sources: sourcesIn(r.cells[2]) }));

  const nf = (fragment: string): Citation => notFoundCite(doc, fragment);

  const page2020 = timeline.at("2020-11-04");
  const edition2020: ReferenceEdition = {
    id: "2020-11",
    description: "Firewall Requirements, final 2020 form (EN, 2020-11-04), built from the seed by the §4a timeline",
    pageDate: "2020-11-04",
    sdks: page2020.sdks,
    notes: page2020.notes,
    allowedIpList: notPublished("no public production cloud-proxy IP list exists for 2020; the first allowed IP list was published 2022-08-02",
      nf("Any public **production** cloud-proxy IP list for 2020"), cite(doc.row("4f", "4.18"), "The first published list (2022-08-02)")),
  };

  const verified = citeLine(doc.section("10"), "Verified cell by cell: §4b rows 4.1–4.8 and the support matrix", "introduction", ["EXT:S10"]);
  const current = mergeCurrent(currentPage(doc), timeline.at("2026-02-11"), verified);
  // §10.5: the firewall page's TCP 3478 wins over reference/web.mdx for this edition.
  const c105 = cite(doc.row("10", "10.5"), "The newer firewall page wins for edition 2026-02");
  const web = current["rtc-web"];
  const webSdk: SdkPage = {
    ...web,
    channels: web.channels.map((ch) => ({ ...ch, tcp: ch.tcp.map((p) => (p.from === 3478 && p.to === 3478 ? addCites(p, [c105]) : p)) })),
  };
  const native: SdkPage = { ...current["rtc-native"], domainLimit: domainLimit(doc) };
  const page2026 = timeline.at("2026-02-11");
  const edition2026: ReferenceEdition = {
    id: "2026-02",
    description: "Firewall Requirements as of 2026-02-11 (§4b, verified by §10) plus the 2025 allowed IP list (§4e), Native proxy modes (§4g, §5), Web cloud proxy (§2a), Interactive Whiteboard (§4c) and Chat (§4d), with the §10 corrections",
    pageDate: "2026-02-11",
    sdks: { ...current, "rtc-web": webSdk, "rtc-native": native },
    notes: page2026.notes,
    allowedIpList: allowedIpList(doc),
    nativeCloudProxy: nativeCloudProxy(doc),
    webCloudProxy: webCloudProxy(doc),
    whiteboard: whiteboard(doc),
    chat: chat(doc),
    sharedPageReusedBy: sharedPageReusedBy(doc),
  };

  const seedText = readSeed(FIREWALL_FILE);
  const locate = (c: Citation): "row" | "bullet" | "prose" | "seed" => {
    if (c.section === "seed") {
      if (c.quote !== undefined && !seedText.includes(c.quote)) throw new Error(`the seed does not contain ${JSON.stringify(c.quote)}`);
      return "seed";
    }
    const sec = doc.section(c.section);
    const row = rowsOf(sec).find((r) => r.id === c.row);
    if (row) {
      cite(row, c.quote);
      return "row";
    }
    if (c.section === "8") {
      const bullet = sec.bullets[Number(c.row.replace(/^8\./, "")) - 1];
      if (!bullet || (c.quote !== undefined && !bullet.includes(c.quote))) throw new Error(`§8 has no bullet ${c.row} with ${JSON.stringify(c.quote)}`);
      return "bullet";
    }
    if (c.quote === undefined) throw new Error(`§${c.section} has no row ${JSON.stringify(c.row)} and the citation quotes nothing`);
    citeLine(sec, c.quote, c.row, c.sources);
    return "prose";
  };

  return {
    file,
    sources,
    editions: { "2020-11": edition2020, "2026-02": edition2026 },
    notFound,
    conflicts,
    corrections,
    timeline: timeline.handling,
    knownPeriods: timeline.knownPeriods,
    firewallPageAt: timeline.at,
    locate,
  };
}

let cached: ReferenceFacts | undefined;

/** The reference as read from agora-facts.md (../shared/reference, else sources/ in the repo). */
export function loadReference(): ReferenceFacts {
  return (cached ??= load(readFacts(), factsPath()));
}

/** Parses a given text (for tests of the parser's strictness). */
export function parseReference(text: string): ReferenceFacts {
  return load(text, "<text>");
}

export function referenceEdition(id: EditionId): ReferenceEdition {
  const e = loadReference().editions[id];
  if (!e) throw new Error(`no reference edition ${id} (known: ${EDITION_IDS.join(", ")})`);
  return e;
}

export function firewallPageAt(date: string): FirewallPage {
  return loadReference().firewallPageAt(date);
}

/**
 * The edition as a flat map `key → citations`, one key per table cell, for set comparison with a
 * catalogue transcribed into the same keys:
 * - `<sdk>|whitelist|true`, `<sdk>|cloud-proxy|false`, `<sdk>|no-whitelist-table`
 * - `<sdk>|<channel>|domain|<name> [<versions>]`, `<sdk>|<channel>|tcp|<from>[-<to>][ role] [<versions>]`, `…|udp|…`
 * - `<sdk>|<channel>|no-domains-given`, `rtc-native|domain-limit|<name>`
 * - `whiteboard|domain|<name>`, `whiteboard|tcp|443`
 * - `chat|domain|<name>`, `chat|tcp|443`, `chat|ap-domain|<name>`, `chat|ap-udp|<ports>`, `chat|ap-tcp|<ports>`
 * - `allowed|media|<region>|<native|webRtc|webSignaling>|<cidr>`
 * - `allowed|signaling|<mode>|<region>|<cidr>`
 * - `allowed|ports|<mode>|<media|signaling|also>|<tcp|udp>|<from>[-<to>]`
 * `<versions>` is `any`, `>=2.9.0`, `<2.9.0`, `>=1.0.0 <2.0.0`, or ranges joined by ` or `.
 */
export function referenceCells(edition: ReferenceEdition): Map<string, readonly Citation[]> {
  const out = new Map<string, readonly Citation[]>();
  const put = (k: string, c: readonly Citation[]): void => {
    if (out.has(k)) throw new Error(`referenceCells: duplicate key ${k}`);
    out.set(k, c);
  };
  for (const sdk of SDK_IDS) {
    for (const [k, c] of sdkCellKeys(edition.sdks[sdk])) put(k, c);
    for (const d of edition.sdks[sdk].domainLimit?.domains ?? []) put(`${sdk}|domain-limit|${d.name}`, d.cite);
  }
  const range = (p: { from: number; to: number }): string => (p.from === p.to ? `${p.from}` : `${p.from}-${p.to}`);
  if (edition.whiteboard) {
    for (const d of edition.whiteboard.domains) put(`whiteboard|domain|${d.name}`, d.cite);
    const p = edition.whiteboard.port;
    put(`whiteboard|${p.value.protocol}|${p.value.port}`, p.cite);
  }
  if (edition.chat) {
    const c = edition.chat;
    for (const d of [...c.clientNames, ...c.restNames]) put(`chat|domain|${d.name}`, d.cite);
    for (const p of c.clientPort) put(`chat|${p.protocol}|${range(p)}`, p.cite);
    for (const d of c.apNames) put(`chat|ap-domain|${d.name}`, d.cite);
    for (const p of c.apPorts) put(`chat|ap-${p.protocol}|${range(p)}`, p.cite);
  }
  const list = edition.allowedIpList;
  if (!isNotPublished(list)) {
    for (const r of REGION_IDS) for (const set of ["native", "webRtc", "webSignaling"] as const) {
      for (const ip of list.media[r][set]) put(`allowed|media|${r}|${set}|${ip.cidr}`, ip.cite);
    }
    for (const mode of ALLOWED_MODE_IDS) {
      const m = list.modes[mode];
      for (const r of REGION_IDS) for (const ip of m.signaling[r]) put(`allowed|signaling|${mode}|${r}|${ip.cidr}`, ip.cite);
      const ports = (kind: string, specs: readonly PortSpec[]): void => {
        for (const p of specs) put(`allowed|ports|${mode}|${kind}|${p.protocol}|${p.from === p.to ? p.from : `${p.from}-${p.to}`}`, p.cite);
      };
      ports("media", m.mediaPorts);
      ports("signaling", m.signalingPorts);
      ports("also", m.alsoRequired);
    }
  }
  return out;
}

/** Versions helper for consumers: does `version` satisfy the condition? (No version = latest: satisfies any `min`, no `below`.) */
export function versionApplies(version: string | undefined, v: Versions | undefined): boolean {
  if (!v) return true;
  const cmp = (a: string, b: string): number => {
    const pa = a.split(".").map(Number);
    const pb = b.split(".").map(Number);
    for (let i = 0; i < Math.max(pa.length, pb.length); i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
    return 0;
  };
  return v.anyOf.some((r) => {
    if (version === undefined) return r.below === undefined;
    return (!r.min || cmp(version, r.min) >= 0) && (!r.below || cmp(version, r.below) < 0);
  });
}
