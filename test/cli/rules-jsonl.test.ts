import { mergePortRanges, PortRange } from "../../src/model";
import { SDK_IDS } from "../../src/catalog";
import {
  CLOUD_PROXY_FILE, FIREWALL_FILE, FirewallSection, parseCloudProxySeed, parseFirewallSeed, readSeed,
} from "../catalog/seed-parser";
import { jsonl, run } from "./run";

const NATIVE_DOMAINS = [
  "ap.agoraio.cn", "qos.agoralab.co", "qoslbs.agoralab.co",
  "ap1.agora.io", "ap2.agora.io", "ap3.agora.io", "ap4.agora.io", "ap5.agora.io",
  "vocs1.agora.io", "vocs2.agora.io", "vocs3.agora.io", "vocs4.agora.io", "vocs5.agora.io",
];

const SEED_SECTION: Record<string, string> = {
  "rtc-native": "Agora RTC SDK / Native SDK",
  "rtc-web": "Agora RTC SDK / Web SDK",
  "rtm-native": "Agora RTM SDK / Native SDK",
  "rtm-web": "Agora RTM SDK / Web SDK",
  recording: "Agora On-premise Recording SDK",
  gaming: "Agora Gaming SDK",
};

function parseRange(text: string): PortRange {
  const [from, to] = text.split("-").map(Number);
  return { from, to: to ?? from };
}

const show = (ranges: readonly PortRange[]) => mergePortRanges(ranges).map((r) => (r.from === r.to ? `${r.from}` : `${r.from}-${r.to}`)).join(",");

/** The remote side of a line: `destinations` on an egress line, `sources` on an ingress line (never both). */
function remote(l: Record<string, unknown>): string[] {
  const [present, absent] = l.direction === "ingress" ? ["sources", "destinations"] : ["destinations", "sources"];
  if (!Array.isArray(l[present]) || absent in l) throw new Error(`${l.direction} line without ${present} or with ${absent}: ${JSON.stringify(l)}`);
  return l[present] as string[];
}

/** (direction protocol sourcePorts destination) → merged ports, from the CLI's jsonl. */
function flowsFromLines(lines: Record<string, unknown>[]): Map<string, string> {
  const acc = new Map<string, PortRange[]>();
  for (const l of lines) {
    const source = show(((l.sourcePorts as string[] | undefined) ?? []).map(parseRange)) || "any";
    for (const d of remote(l)) {
      const key = `${l.direction} ${l.protocol} ${source} ${d}`;
      acc.set(key, [...(acc.get(key) ?? []), ...(l.ports as string[]).map(parseRange)]);
    }
  }
  return new Map([...acc].map(([k, v]) => [k, show(v)]));
}

/** The same map, read from the seed text by the independent seed parser. */
function flowsFromSeed(section: FirewallSection, simplex: PortRange, version?: string): Map<string, string> {
  const acc = new Map<string, PortRange[]>();
  const add = (key: string, r: PortRange) => acc.set(key, [...(acc.get(key) ?? []), r]);
  for (const row of section.rows) {
    const local = row.items.filter((i) => i.kind === "local").map((i) => i.ports!);
    const source = local.length ? show(local) : "any";
    for (const item of row.items) {
      if (item.kind === "simplex") add(`ingress ${row.protocol} any 0.0.0.0/0`, simplex);
      if (item.kind !== "remote") continue;
      const below = item.version?.below;
      const min = item.version?.min;
      const old = version !== undefined && below !== undefined && version < below;
      if (below !== undefined && !old) continue;
      if (min !== undefined && version !== undefined && version < min) continue;
      for (const d of section.domains) add(`egress ${row.protocol} ${source} ${d}`, item.ports!);
    }
  }
  return new Map([...acc].map(([k, v]) => [k, show(v)]));
}

describe("rules --format jsonl (the PRODUCT.md contract)", () => {
  it("gives exactly Agora's two Native rows for rtc-native direct", async () => {
    const r = await run(["rules", "--edition", "2020-05", "--sdk", "rtc-native", "--access", "direct", "--format", "jsonl"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^agora-egress: note: rtc-native: legacy May 2020 whitelist; Agora withdrew/);
    expect(r.stdout.split("\n")).toEqual([
      JSON.stringify({
        sdk: "rtc-native", direction: "egress", protocol: "tcp", ports: ["1080", "8000", "9700", "25000", "30000"],
        destinations: NATIVE_DOMAINS, purpose: "RTC Native SDK",
        source: "Firewall Requirements (2020-05-25), Agora RTC SDK / Native SDK, TCP",
      }),
      JSON.stringify({
        sdk: "rtc-native", direction: "egress", protocol: "udp", ports: ["1080", "4000-4030", "7000", "8000", "8913", "9700", "25000"],
        destinations: NATIVE_DOMAINS, purpose: "RTC Native SDK",
        source: "Firewall Requirements (2020-05-25), Agora RTC SDK / Native SDK, UDP",
      }),
      "",
    ]);
  });

  it("keeps the contract's key order on every line: an ingress line names its remote side as sources, where an egress line has destinations", async () => {
    const r = await run(["rules", "--edition", "2020-05", "--sdk", SDK_IDS.join(","), "--format", "jsonl"]);
    const order = (direction: unknown) => ["sdk", "direction", "protocol", "ports", direction === "ingress" ? "sources" : "destinations", "sourcePorts", "purpose", "source"];
    const lines = jsonl(r.stdout);
    expect(new Set(lines.map((l) => l.direction))).toEqual(new Set(["egress", "ingress"]));
    for (const line of lines) {
      const keys = Object.keys(line);
      expect(keys).toEqual(order(line.direction).filter((k) => keys.includes(k)));
      expect(keys).toContain(line.direction === "ingress" ? "sources" : "destinations");
    }
  });

  const { sections, simplexDefault } = parseFirewallSeed(readSeed(FIREWALL_FILE));
  const cases: [string, string | undefined][] = [...SDK_IDS.map((s) => [s, undefined] as [string, undefined]), ["rtc-web", "2.8.0"], ["rtc-web", "2.9.0"]];
  it.each(cases.map(([sdk, version]) => [version ? `${sdk}@${version}` : sdk, sdk, version] as const))(
    "--sdk %s --access direct lists exactly the seed's domains × ports", async (spec, sdk, version) => {
    const r = await run(["rules", "--edition", "2020-05", "--sdk", spec, "--access", "direct", "--format", "jsonl"]);
    expect(r.code).toBe(0);
    const lines = jsonl(r.stdout);
    expect(lines.every((l) => l.sdk === sdk)).toBe(true);
    const section = sections.find((s) => s.heading === SEED_SECTION[sdk])!;
    expect(flowsFromLines(lines)).toEqual(flowsFromSeed(section, simplexDefault, version));
    },
  );

  it("gives rtc-web before 2.9.0 the UDP 10000-65535 range instead of 5866-6000", async () => {
    const old = jsonl((await run(["rules", "--edition", "2020-05", "--sdk", "rtc-web@2.8.0", "--format", "jsonl"])).stdout);
    const udp = old.filter((l) => l.protocol === "udp");
    expect(udp.map((l) => l.ports)).toEqual([["3478", "10000-65535"]]);
    const latest = jsonl((await run(["rules", "--edition", "2020-05", "--sdk", "rtc-web", "--format", "jsonl"])).stdout);
    expect(latest.filter((l) => l.protocol === "udp").map((l) => l.ports)).toEqual([["3478", "5866-6000"]]);
  });

  it("adds recording's ingress line and its local source ports", async () => {
    const r = await run(["rules", "--edition", "2020-05", "--sdk", "recording", "--format", "jsonl"]);
    const lines = jsonl(r.stdout);
    expect(lines.filter((l) => l.direction === "ingress")).toEqual([{
      sdk: "recording", direction: "ingress", protocol: "udp", ports: ["40000-41000"], sources: ["0.0.0.0/0"],
      purpose: "On-premise Recording SDK simplex downstream ports (lowUdpPort-highUdpPort)",
      source: "Firewall Requirements (2020-05-25), Agora On-premise Recording SDK, UDP: simplex downstream ports (note)",
    }]);
    const udp = lines.find((l) => l.direction === "egress" && l.protocol === "udp")!;
    expect(udp.sourcePorts).toEqual(["4000-4030"]);
    expect(udp.ports).toEqual(["1080", "7000", "8000", "8913", "9700", "25000"]);
  });

  it("moves the ingress range with --recording-ports", async () => {
    const r = await run(["rules", "--edition", "2020-05", "--sdk", "recording", "--recording-ports", "50000-50999", "--recording-channels", "250", "--format", "jsonl"]);
    expect(r.code).toBe(0);
    expect(jsonl(r.stdout).filter((l) => l.direction === "ingress").map((l) => l.ports)).toEqual([["50000-50999"]]);
  });

  it("gives exactly the test endpoints table for rtc-native through the cloud proxy", async () => {
    const r = await run(["rules", "--edition", "2020-05", "--access", "cloud-proxy", "--env", "test", "--sdk", "rtc-native", "--format", "jsonl"]);
    expect(r.code).toBe(0);
    const lines = jsonl(r.stdout);
    expect(lines).toHaveLength(4);
    const seed = parseCloudProxySeed(readSeed(CLOUD_PROXY_FILE));
    const expected = new Map<string, string>();
    for (const row of seed.endpoints) {
      const key = `egress ${row.protocol} any ${row.address}/32`;
      expected.set(key, show([...(expected.get(key) ?? "").split(",").filter(Boolean).map(parseRange), ...row.ports]));
    }
    expect(flowsFromLines(lines)).toEqual(expected);
    expect(lines.map((l) => l.purpose).sort()).toEqual([
      "Cloud proxy: Edge node communication", "Cloud proxy: Edge node communication",
      "Cloud proxy: Media data exchange", "Cloud proxy: Message data transmission",
    ]);
  });

  it("uses the production endpoints from --production-proxy FILE and none of the test ones", async () => {
    const r = await run(["rules", "--edition", "2020-05", "--access", "cloud-proxy", "--env", "production", "--sdk", "rtc-native",
      "--production-proxy", "examples/production-proxy.yaml", "--format", "jsonl"]);
    expect(r.code).toBe(0);
    const destinations = jsonl(r.stdout).flatMap((l) => l.destinations as string[]);
    expect(destinations.length).toBeGreaterThan(0);
    expect(destinations.every((d) => /^(203\.0\.113|198\.51\.100)\./.test(d))).toBe(true);
  });

  it("refuses production without endpoints, naming productionProxy (exit 2, one line)", async () => {
    const r = await run(["rules", "--edition", "2020-05", "--access", "cloud-proxy", "--env", "production", "--sdk", "rtc-native", "--format", "jsonl"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^agora-egress: productionProxy: --env production needs the production cloud-proxy endpoints Agora gave you: set --production-proxy FILE\n$/);
  });

  it("prints one line per identical port set, so every line is a true cross product", async () => {
    const r = await run(["rules", "--edition", "2020-05", "--sdk", SDK_IDS.join(","), "--format", "jsonl"]);
    const lines = jsonl(r.stdout);
    const keys = lines.map((l) => JSON.stringify([l.sdk, l.direction, l.protocol, l.sourcePorts, l.purpose, l.source, l.ports]));
    expect(new Set(keys).size).toBe(keys.length);
    // and no destination appears twice for the same sdk/direction/protocol/source ports
    const seen = new Set<string>();
    for (const l of lines) for (const d of remote(l)) {
      const k = `${l.sdk} ${l.direction} ${l.protocol} ${l.sourcePorts} ${d}`;
      expect(seen.has(k)).toBe(false);
      seen.add(k);
    }
  });

  it("sends notes to stderr so stdout stays parseable", async () => {
    const r = await run(["rules", "--edition", "2020-05", "--sdk", "rtc-web,rtm-native", "--access", "cloud-proxy", "--direct-sdks", "rtm-native", "--format", "jsonl"]);
    expect(r.code).toBe(0);
    expect(() => jsonl(r.stdout)).not.toThrow();
    expect(r.stderr).toContain("agora-egress: note: rtm-native reaches Agora directly (directSdks): its firewall whitelist applies, and every rule a target widens is listed under widenings.\n");
  });
});
