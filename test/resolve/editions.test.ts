import fc from "fast-check";
import { REGION_IDS, RegionId, getEdition } from "../../src/catalog";
import { InputError, Rule, formatDestination, formatPortRange } from "../../src/model";
import { SelectionInput, resolve } from "../../src/resolve";

/*
 * The concepts edition 2026-02 brings to the resolver: proxy modes and regions of the published
 * allowed IP list, routes an edition withdrew or never had, destinations it does not publish,
 * Signaling's two channels, domainLimit, and environments without a test list.
 */

const CURRENT = "2026-02";
const flows = (rules: readonly Rule[]) =>
  new Set(rules.flatMap((r) => r.ports.map((p) => `${r.sdk} ${r.direction} ${r.protocol} ${formatDestination(r.destination)} ${formatPortRange(p)}`)));
const native = (extra: Partial<SelectionInput> = {}): SelectionInput =>
  ({ sdks: ["rtc-native"], access: "cloud-proxy", edition: CURRENT, proxyMode: "force-udp", ...extra }) as SelectionInput;
const refusal = (selection: SelectionInput): InputError => {
  try {
    resolve(selection);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error("not refused");
};

describe("proxy modes select exactly their ports", () => {
  it("Force UDP: UDP 4590-4600 and 8001-8010 to media segments, UDP 8443 to signaling, TCP 443 (4.17) to the same addresses, reported", () => {
    const r = resolve(native({ regions: ["europe"] }));
    const media = ["104.166.160.208/28", "23.236.110.32/28", "104.166.142.134/32", "104.166.161.4/32"];
    for (const m of media) {
      const rule = r.ruleSet.rules.find((x) => x.protocol === "udp" && formatDestination(x.destination) === m)!;
      expect(rule.ports.map((p) => formatPortRange(p))).toEqual(["4590-4600", "8001-8010"]);
    }
    const sig = r.ruleSet.rules.filter((x) => x.protocol === "udp" && x.ports.some((p) => p.from === 8443));
    expect(sig).toHaveLength(16);
    const tcp = r.ruleSet.rules.filter((x) => x.protocol === "tcp");
    expect(tcp).toHaveLength(20);
    for (const t of tcp) {
      expect(t.ports.map((p) => formatPortRange(p))).toEqual(["443"]);
      expect(t.broadReason).toMatch(/^4\.17 \/ 10\.6: "TCP 443 is required for all configurations"/);
    }
    expect(r.proxyMode).toBe("force-udp");
    expect(r.regions).toEqual(["europe"]);
    expect(r.appSettings.map((s) => s.values[0])).toEqual([expect.stringMatching(/^setCloudProxy\(UDP_PROXY\)/)]);
  });

  it("Force TCP: TCP 443 only, to the region's media segments and the Force TCP signaling list", () => {
    const r = resolve(native({ proxyMode: "force-tcp", regions: ["mainland-china"] }));
    expect(new Set(r.ruleSet.rules.map((x) => `${x.protocol} ${x.ports.map((p) => formatPortRange(p)).join(",")}`))).toEqual(new Set(["tcp 443"]));
    expect(r.ruleSet.rules.map((x) => formatDestination(x.destination)).sort()).toEqual([
      "101.132.108.165/32", "106.3.209.0/28", "112.13.216.0/28", "113.207.12.0/28", "115.238.206.0/28", "123.56.235.221/32",
      "14.29.38.144/28", "183.232.200.144/28", "219.153.111.128/28", "221.178.42.0/28", "27.45.161.144/28",
    ]);
    expect(r.ruleSet.rules.some((x) => x.broadReason)).toBe(false);
  });

  it("the Native SDK needs a mode (its default, Automatic, has no allowlist); Web defaults to Force UDP (mode 3)", () => {
    expect(refusal({ sdks: ["rtc-native"], access: "cloud-proxy", edition: CURRENT }).field).toBe("proxyMode");
    const web = resolve({ sdks: ["rtc-web"], access: "cloud-proxy", edition: CURRENT });
    expect(web.proxyMode).toBe("force-udp");
    expect(web.appSettings[0].values[0]).toBe("client.startProxyServer(3) before client.join()");
    const tcp = resolve({ sdks: ["rtc-web"], access: "cloud-proxy", edition: CURRENT, proxyMode: "force-tcp" });
    expect(tcp.appSettings[0].values[0]).toBe("client.startProxyServer(5) before client.join()");
  });

  it("stated version floors: Force TCP from Native 3.6.2, Web mode 5 from 4.9.0; none for the list itself", () => {
    expect(refusal(native({ sdks: ["rtc-native@3.6.1"], proxyMode: "force-tcp" })).problem).toMatch(/has no force-tcp cloud proxy in edition 2026-02 \(needs 3\.6\.2 or later\)/);
    expect(() => resolve(native({ sdks: ["rtc-native@3.6.2"], proxyMode: "force-tcp" }))).not.toThrow();
    expect(refusal({ sdks: ["rtc-web@4.8.0"], access: "cloud-proxy", edition: CURRENT, proxyMode: "force-tcp" }).field).toBe("sdks[0]");
    // 3.7.0 / 4.11.0 were list titles until 2022-09-26 (10.2): nothing below them is refused on that basis.
    expect(() => resolve(native({ sdks: ["rtc-native@3.4.0"] }))).not.toThrow();
    expect(() => resolve({ sdks: ["rtc-web@4.3.0"], access: "cloud-proxy", edition: CURRENT })).not.toThrow();
  });
});

describe("regions", () => {
  const regionArb = fc.subarray([...REGION_IDS], { minLength: 1 });
  const modeArb = fc.constantFrom("force-udp", "force-tcp");
  const sdkArb = fc.constantFrom<string[]>(["rtc-native"], ["rtc-web"], ["rtm-web"], ["rtc-native", "rtc-web", "rtm-web"]);

  it("property: the union over the regions of any split is the all-regions selection", () => {
    fc.assert(fc.property(sdkArb, modeArb, (sdks, mode) => {
      const all = flows(resolve({ sdks, access: "cloud-proxy", edition: CURRENT, proxyMode: mode }).ruleSet.rules);
      const union = new Set<string>();
      for (const r of REGION_IDS) for (const f of flows(resolve({ sdks, access: "cloud-proxy", edition: CURRENT, proxyMode: mode, regions: [r] }).ruleSet.rules)) union.add(f);
      expect([...union].sort()).toEqual([...all].sort());
    }), { numRuns: 8 });
  });

  it("property: a region set selects exactly the union of its regions, and no region's media segment appears under another", () => {
    const e = getEdition(CURRENT);
    const segments = (r: RegionId) => new Set(["native", "webRtc", "webSignaling"].flatMap((s) => e.allowedIpList!.media[r][s as "native"].map((a) => a.address)));
    fc.assert(fc.property(sdkArb, modeArb, regionArb, (sdks, mode, regions) => {
      const got = resolve({ sdks, access: "cloud-proxy", edition: CURRENT, proxyMode: mode, regions });
      const union = new Set<string>();
      for (const r of regions) for (const f of flows(resolve({ sdks, access: "cloud-proxy", edition: CURRENT, proxyMode: mode, regions: [r] }).ruleSet.rules)) union.add(f);
      expect([...flows(got.ruleSet.rules)].sort()).toEqual([...union].sort());
      const destinations = new Set(got.ruleSet.rules.map((x) => formatDestination(x.destination).replace(/\/32$/, "")));
      for (const other of REGION_IDS.filter((r) => !regions.includes(r))) {
        const foreign = [...segments(other)].filter((s) => s.includes("/") && destinations.has(s));
        expect({ other, foreign }).toEqual({ other, foreign: [] });
      }
    }), { numRuns: 40 });
  });

  it("media segments of different regions never overlap in the catalogue", () => {
    const e = getEdition(CURRENT);
    const owner = new Map<string, RegionId>();
    for (const r of REGION_IDS) for (const s of ["native", "webRtc", "webSignaling"] as const) for (const a of e.allowedIpList!.media[r][s]) {
      if (!a.address.includes("/")) continue;
      expect(owner.get(a.address) ?? r).toBe(r);
      owner.set(a.address, r);
    }
    expect(owner.size).toBeGreaterThan(20);
  });

  it("Japan without Asia gets Agora's advice (10.7); no regions means all, as Agora advises (4.15)", () => {
    expect(resolve(native({ regions: ["japan"] })).notes.join("\n")).toMatch(/consider|suggests opening the whole of Asia/);
    const all = resolve(native());
    expect(all.regions).toEqual([...REGION_IDS]);
    expect(all.notes.join("\n")).toMatch(/No regions given: every region's addresses are allowed/);
  });

  it("bad regions are refused naming the entry", () => {
    expect(refusal(native({ regions: ["mars"] }))).toMatchObject({ field: "regions[0]", problem: expect.stringMatching(/^unknown region "mars" \(known: north-america, europe, asia, japan, india, mainland-china\)$/) });
    expect(refusal(native({ regions: ["europe", "europe"] }))).toMatchObject({ field: "regions[1]" });
    expect(refusal(native({ regions: [] }))).toMatchObject({ field: "regions" });
    expect(refusal({ sdks: ["rtc-web"], edition: CURRENT, regions: ["europe"] })).toMatchObject({ field: "regions", problem: expect.stringMatching(/only used with access: cloud-proxy/) });
    expect(refusal({ sdks: ["rtc-native"], access: "cloud-proxy", edition: "2020-05", regions: ["europe"] })).toMatchObject({ field: "regions", problem: expect.stringMatching(/edition 2020-05 has no cloud-proxy regions/) });
    expect(refusal({ sdks: ["rtc-native"], access: "cloud-proxy", edition: "2020-11", proxyMode: "force-udp" })).toMatchObject({ field: "proxyMode" });
  });
});

describe("routes an edition withdrew or never had", () => {
  it.each([
    ["2020-11", "rtc-native", "direct", /withdrew the Native SDK's domain whitelist on 2020-09-15\/16.*Agora offers the cloud proxy/],
    ["2020-11", "recording", "direct", /withdrew the On-premise Recording SDK's domain whitelist.*Agora offers the cloud proxy/],
    ["2020-11", "gaming", "direct", /Agora offers no firewall route for the Gaming SDK/],
    ["2020-11", "gaming", "cloud-proxy", /lists no cloud proxy for the Interactive Gaming SDK/],
    ["2026-02", "rtc-native", "direct", /Agora offers the cloud proxy: use access: cloud-proxy with proxyMode: force-udp or proxyMode: force-tcp .*domainLimit/],
    ["2026-02", "recording", "direct", /with endpoints it supplies privately \(10\.8\)/],
    ["2026-02", "gaming", "direct", /neither a whitelist nor a cloud proxy since 2020-09/],
    ["2026-02", "gaming", "cloud-proxy", /Agora offers no firewall route for the Gaming SDK/],
  ])("%s %s %s is refused with what Agora offers instead", (edition, sdk, access, problem) => {
    const e = refusal({ sdks: [sdk], access: access as "direct", edition });
    expect(e.field).toBe("sdks[0]");
    expect(e.problem).toMatch(new RegExp(`^${sdk} has no (direct access \\(firewall whitelist\\)|cloud proxy) in edition ${edition}: `));
    expect(e.problem).toMatch(problem);
  });

  it("the same SDKs still resolve in edition 2020-05 (a pinned edition never changes)", () => {
    for (const sdk of ["rtc-native", "recording", "gaming"]) expect(() => resolve({ sdks: [sdk], edition: "2020-05" })).not.toThrow();
  });
});

describe("Signaling's channels and destinations an edition does not publish", () => {
  it("Signaling Native stream channel: any address on exactly UDP 4001-4150, marked broad with the reason", () => {
    const r = resolve({ sdks: ["rtm-native"], edition: CURRENT });
    const stream = r.ruleSet.rules.filter((x) => x.destination.kind === "cidr");
    expect(stream).toHaveLength(1);
    expect(stream[0]).toMatchObject({ protocol: "udp", destination: { kind: "cidr", cidr: "0.0.0.0/0" }, ports: [{ from: 4001, to: 4150 }] });
    expect(stream[0].broadReason).toMatch(/publishes no destination for the Signaling Native stream channel/);
    expect(r.notes.join("\n")).toMatch(/UDP 4001-4150 is open to any address on exactly those ports/);
  });

  it("Signaling Web: message and stream channels; TCP 9601 only for 1.x", () => {
    const latest = flows(resolve({ sdks: ["rtm-web"], edition: CURRENT }).ruleSet.rules);
    const v1 = flows(resolve({ sdks: ["rtm-web@1.5.0"], edition: CURRENT }).ruleSet.rules);
    expect([...v1].filter((f) => !latest.has(f)).every((f) => f.endsWith(" 9601"))).toBe(true);
    expect([...v1].filter((f) => !latest.has(f))).toHaveLength(14);
    expect(latest.has("rtm-web egress udp .sd-rtn.com 4700-5000")).toBe(true);
    expect(latest.has("rtm-web egress tcp web-4.ap.sd-rtn.com 27387")).toBe(true);
  });
});

describe("domainLimit, environments and the private recording endpoints", () => {
  it("domainLimit: rtc-native direct through *.rtnsvc.com and *.realtimemesh.com on every port, each rule reported", () => {
    const r = resolve({ sdks: ["rtc-native"], edition: CURRENT, domainLimit: true });
    expect([...flows(r.ruleSet.rules)].sort()).toEqual([
      "rtc-native egress tcp .realtimemesh.com 1-65535", "rtc-native egress tcp .rtnsvc.com 1-65535",
      "rtc-native egress udp .realtimemesh.com 1-65535", "rtc-native egress udp .rtnsvc.com 1-65535",
    ]);
    for (const rule of r.ruleSet.rules) expect(rule.broadReason).toMatch(/gives no ports/);
    expect(r.appSettings[0].values).toEqual(["domainLimit = true (Android mDomainLimit = true)"]);
    expect(refusal({ sdks: ["rtc-native@4.1.0"], edition: CURRENT, domainLimit: true }).problem).toMatch(/has no domainLimit option \(from 4\.2\.0\)/);
    expect(refusal({ sdks: ["rtc-web"], edition: CURRENT, domainLimit: true }).field).toBe("domainLimit");
    expect(refusal({ sdks: ["rtc-native"], edition: "2020-05", domainLimit: true }).field).toBe("domainLimit");
    expect(refusal(native({ domainLimit: true })).field).toBe("domainLimit");
  });

  it("test and production both use the published list; production endpoints replace it", () => {
    const test = resolve(native());
    const production = resolve(native({ environment: "production" }));
    expect([...flows(production.ruleSet.rules)]).toEqual([...flows(test.ruleSet.rules)]);
    expect(test.notes.join("\n")).toMatch(/no separate test list since 2022/);
    const own = resolve(native({
      environment: "production",
      productionProxy: { endpoints: [{ protocol: "udp", addresses: ["203.0.113.10"], ports: ["4590-4600"] }] },
    }));
    expect([...flows(own.ruleSet.rules)]).toEqual(["rtc-native egress udp 203.0.113.10/32 4590-4600"]);
    expect(own.notes.join("\n")).toMatch(/productionProxy replaces the published allowed IP list/);
  });

  it("On-Premise Recording's cloud proxy needs the endpoints Agora supplies privately (10.8)", () => {
    expect(refusal({ sdks: ["recording"], access: "cloud-proxy", edition: CURRENT }).problem).toMatch(/supplies the On-Premise Recording SDK's cloud-proxy IPs and ports privately/);
    const r = resolve({
      sdks: ["recording"], access: "cloud-proxy", edition: CURRENT, environment: "production",
      productionProxy: { endpoints: [{ protocol: "udp", addresses: ["203.0.113.10"], ports: ["4000-4100"] }] },
    });
    expect(r.ruleSet.rules.map((x) => `${x.direction} ${formatDestination(x.destination)}`).sort()).toEqual(["egress 203.0.113.10/32", "ingress 203.0.113.10/32"]);
  });

  it("Whiteboard and Chat are SDKs of 2026-02 only", () => {
    const r = resolve({ sdks: ["whiteboard", "chat"], edition: CURRENT });
    expect(flows(r.ruleSet.rules).has("whiteboard egress tcp .netless.link 443")).toBe(true);
    expect(flows(r.ruleSet.rules).has("chat egress udp ap-asia.agora.io 5888-5889")).toBe(true);
    expect(refusal({ sdks: ["whiteboard"], edition: "2020-05" }).problem).toMatch(/^unknown SDK "whiteboard"/);
  });
});
