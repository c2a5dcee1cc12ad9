import { InputError } from "../../src/model";
import { resolve } from "../../src/resolve";

// What the application team must configure so the SDK uses exactly the deployed rules.

const TEST_EDGE_IPS = ["47.74.211.17", "52.80.192.229", "52.52.84.170", "47.96.234.219"];
const PRODUCTION = { endpoints: [{ protocol: "tcp" as const, addresses: ["203.0.113.10"], ports: [443] }] };

describe("Native SDK setParameters strings", () => {
  it("proxy_type 1: enable, then the default cloud-proxy domain", () => {
    const r = resolve({ edition: "2020-05", sdks: ["rtc-native"], access: "cloud-proxy", proxyType: 1 });
    expect(r.appSettings).toHaveLength(1);
    expect(r.appSettings[0]).toMatchObject({ sdk: "rtc-native", api: "setParameters" });
    expect(r.appSettings[0].values).toEqual([
      String.raw`{"rtc.enable_proxy":true}`,
      String.raw`{"rtc.proxy_server":[1,"ap-proxy.agora.io",0]}`,
    ]);
    expect(r.appSettings[0].provenance).toMatchObject({ document: "SEED-CP", row: "proxy_type 1" });
    // A DNS-layer allowlist must let the SDK resolve the proxy's name.
    expect(r.proxyDomains).toEqual(["ap-proxy.agora.io"]);
  });

  it("proxy_type 2 (test): the IP list is itself a JSON string, in the order of the seed's table", () => {
    const r = resolve({ edition: "2020-05", sdks: ["rtc-native"], access: "cloud-proxy", proxyType: 2 });
    expect(r.appSettings[0].values).toEqual([
      String.raw`{"rtc.enable_proxy":true}`,
      String.raw`{"rtc.proxy_server":[2,"[\"47.74.211.17\",\"52.80.192.229\",\"52.52.84.170\",\"47.96.234.219\"]",0]}`,
    ]);
    const [, inner] = JSON.parse(r.appSettings[0].values[1])["rtc.proxy_server"];
    expect(JSON.parse(inner)).toEqual(TEST_EDGE_IPS);
    expect(r.proxyDomains).toEqual([]);
  });

  it("proxy_type 2 (production): the given servers, sorted and deduplicated", () => {
    const r = resolve({
      edition: "2020-05", sdks: ["rtc-native"], access: "cloud-proxy", environment: "production", proxyType: 2,
      productionProxy: { ...PRODUCTION, proxyServers: ["203.0.113.20", "198.51.100.7", "203.0.113.20/32"] },
    });
    expect(r.appSettings[0].values[1]).toBe(String.raw`{"rtc.proxy_server":[2,"[\"198.51.100.7\",\"203.0.113.20\"]",0]}`);
  });
});

describe("On-premise Recording RecordingConfig fields", () => {
  it("cloud proxy, proxy_type 1: enableCloudProxy (Agora configures the domain), then lowUdpPort and highUdpPort for the ingress rule", () => {
    const r = resolve({ edition: "2020-05", sdks: ["recording"], access: "cloud-proxy" });
    expect(r.appSettings).toEqual([
      expect.objectContaining({ sdk: "recording", api: "RecordingConfig", values: ["enableCloudProxy = true"] }),
      expect.objectContaining({ sdk: "recording", api: "RecordingConfig", values: ["lowUdpPort = 40000", "highUdpPort = 41000"] }),
    ]);
    expect(r.appSettings[0].provenance).toMatchObject({ document: "EXT:S4", seed: false, citation: "[EXT:S4] 3.4" });
    expect(r.appSettings[1].provenance).toMatchObject({ document: "SEED-FW", seed: true, row: "UDP: simplex downstream ports (note)" });
  });

  it("cloud proxy with a chosen range: the settings and the ingress rule (from the proxy endpoints) agree", () => {
    const r = resolve({ edition: "2020-05", sdks: ["recording"], access: "cloud-proxy", recordingPorts: { low: 50000, high: 50399 } });
    expect(r.appSettings[1].values).toEqual(["lowUdpPort = 50000", "highUdpPort = 50399"]);
    const ingress = r.ruleSet.rules.filter((x) => x.direction === "ingress");
    // From exactly the proxy endpoints recording's egress rules reach (the test table), each one a /32.
    const endpoints = [...new Set(r.ruleSet.rules.filter((x) => x.direction === "egress" && x.destination.kind === "cidr")
      .map((x) => (x.destination.kind === "cidr" ? x.destination.cidr : "")))];
    expect(endpoints.sort()).toEqual(["120.92.118.34/32", "120.92.18.162/32", "47.74.211.17/32", "47.96.234.219/32", "52.52.84.170/32", "52.80.192.229/32"]);
    expect(ingress.map((x) => (x.destination.kind === "cidr" ? x.destination.cidr : x.destination.name)).sort()).toEqual(endpoints);
    for (const x of ingress) {
      expect(x).toMatchObject({ sdk: "recording", protocol: "udp", ports: [{ from: 50000, to: 50399 }] });
      expect(x.sourcePorts).toBeUndefined();
      expect(x.broadReason).toBeUndefined(); // the proxy endpoints are Agora's addresses: nothing broad
    }
  });

  it("cloud proxy, proxy_type 2: exactly agora-facts 3.4's proxyServer string", () => {
    const r = resolve({ edition: "2020-05", sdks: ["recording"], access: "cloud-proxy", proxyType: 2 });
    expect(r.appSettings[0].values).toEqual([
      "enableCloudProxy = true",
      "proxyType = 2",
      'proxyServer = "47.74.211.17,52.80.192.229,52.52.84.170,47.96.234.219:0"',
    ]);
  });

  it("direct: lowUdpPort and highUdpPort, default 40000-41000", () => {
    expect(resolve({ edition: "2020-05", sdks: ["recording"] }).appSettings).toEqual([
      expect.objectContaining({ sdk: "recording", api: "RecordingConfig", values: ["lowUdpPort = 40000", "highUdpPort = 41000"] }),
    ]);
  });

  it("direct with a chosen range: the settings and the ingress rule agree", () => {
    const r = resolve({ edition: "2020-05", sdks: ["recording"], recordingPorts: { low: 50000, high: 50399, expectedChannels: 100 } });
    expect(r.appSettings[0].values).toEqual(["lowUdpPort = 50000", "highUdpPort = 50399"]);
    const ingress = r.ruleSet.rules.filter((x) => x.direction === "ingress");
    expect(ingress.map((x) => x.ports)).toEqual([[{ from: 50000, to: 50399 }]]);
  });
});

describe("Web SDK cloud proxy", () => {
  it("startProxyServer before join, stopProxyServer after leave (agora-facts 2.2)", () => {
    const r = resolve({ edition: "2020-05", sdks: ["rtc-web"], access: "cloud-proxy" });
    expect(r.appSettings).toEqual([expect.objectContaining({
      sdk: "rtc-web",
      values: ["client.startProxyServer() before client.join()", "client.stopProxyServer() after client.leave()"],
    })]);
    expect(r.notes).toEqual(["rtc-web: cloud-proxy data comes from outside the seed documents ([EXT:S3] 2.1)."]);
  });
});

describe("SDKs without cloud proxy never fall back to direct: they are refused unless named in directSdks", () => {
  const refusal = (sdk: string) =>
    `${sdk} has no cloud proxy in edition 2020-05; to let it reach Agora directly through its firewall whitelist (every rule a target widens for it is then reported), name it in directSdks, or remove it`;

  it.each([["rtm-native"], ["rtm-web"], ["gaming"]])("%s", (sdk) => {
    expect(() => resolve({ edition: "2020-05", sdks: [sdk], access: "cloud-proxy" })).toThrow(new InputError("sdks[0]", refusal(sdk)));
    const named = resolve({ edition: "2020-05", sdks: [sdk], access: "cloud-proxy", directSdks: [sdk] });
    const direct = resolve({ edition: "2020-05", sdks: [sdk], access: "direct" });
    expect(named.sdks).toEqual([{ id: sdk, access: "direct" }]);
    expect(named.ruleSet).toEqual(direct.ruleSet);
    expect(named.notes[0]).toBe(`${sdk} reaches Agora directly (directSdks): its firewall whitelist applies, and every rule a target widens is listed under widenings.`);
    // Gaming's whitelist was withdrawn later too (agora-facts 4a): say so rather than pretend it is current.
    expect(named.notes.slice(1)).toEqual(sdk === "gaming" ? [expect.stringMatching(/^gaming: legacy May 2020 whitelist; Agora withdrew/)] : []);
    expect(named.appSettings).toEqual([]);
  });

  it("a mixed selection proxies what it can, and needs no production endpoints for the SDKs named in directSdks", () => {
    expect(() => resolve({ edition: "2020-05", sdks: ["gaming", "rtc-native"], access: "cloud-proxy" })).toThrow(new InputError("sdks[0]", refusal("gaming")));
    const r = resolve({ edition: "2020-05", sdks: ["gaming", "rtc-native"], access: "cloud-proxy", directSdks: ["gaming"] });
    expect(r.sdks).toEqual([{ id: "gaming", access: "direct" }, { id: "rtc-native", access: "cloud-proxy" }]);
    expect(new Set(r.ruleSet.rules.map((x) => `${x.sdk} ${x.destination.kind}`))).toEqual(new Set(["gaming domain", "rtc-native cidr"]));
    const directOnly = resolve({ edition: "2020-05", sdks: ["gaming"], access: "cloud-proxy", environment: "production", directSdks: ["gaming"] });
    expect(directOnly.sdks).toEqual([{ id: "gaming", access: "direct" }]);
  });

  it("an SDK with a cloud proxy may be named in directSdks too: it then gets its direct whitelist and no cloud-proxy settings", () => {
    const r = resolve({ edition: "2020-05", sdks: ["rtc-native", "rtc-web"], access: "cloud-proxy", directSdks: ["rtc-web"] });
    expect(r.sdks).toEqual([{ id: "rtc-native", access: "cloud-proxy" }, { id: "rtc-web", access: "direct" }]);
    const direct = resolve({ edition: "2020-05", sdks: ["rtc-web"] });
    expect(r.ruleSet.rules.filter((x) => x.sdk === "rtc-web")).toEqual(direct.ruleSet.rules);
    expect(r.appSettings.map((a) => a.sdk)).toEqual(["rtc-native"]);
  });
});
