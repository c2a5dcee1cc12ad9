import { AppSettingTemplate, CloudProxyProfile, EndpointRow, RecordingSimplexPorts } from "../types";
import { SEED_CP, SEED_FW, seedCite } from "./facts";

/*
 * What later editions keep unchanged from the seed edition (2020-05): the seed documents' rows
 * (SEED-FW "Firewall Requirements" 2020-05-25, SEED-CP "Use Cloud Proxy" 2020-10-26) and the
 * settings of the 2020 cloud-proxy pages (agora-facts.md [EXT:S3], [EXT:S4]), each stated once
 * and used by every edition that transcribes it the same. Each block says where it comes from
 * and which editions use it. When a newer revision changes one, the new edition writes its own
 * value instead of editing this file: a change here changes every edition that uses it.
 */

// ---- SEED-FW: Firewall Requirements (2020-05-25) ----

/** SEED-FW "Agora RTC SDK / Web SDK" domains (editions 2020-05, 2020-11; agora-facts.md 4a: unchanged until 2022). */
export const WEB_DOMAINS = [".agora.io", ".edge.agora.io", ".agoraio.cn", ".edge.agoraio.cn"];
/** SEED-FW "Agora RTM SDK / Web SDK" domains (editions 2020-05, 2020-11; agora-facts.md 4a: unchanged until 2022). */
export const RTM_WEB_DOMAINS = [
  ".agora.io", ".agoraio.cn", ".edge.agora.io", ".edge.agoraio.cn",
  "ap-web-1.agora.io", "ap-web-1.agoraio.cn", "ap-web-2.agora.io", "ap-web-2.agoraio.cn",
  "webcollector-rtm.agora.io", "logservice-rtm.agora.io", "webcollector-rtm.agoraio.cn", "logservice-rtm.agoraio.cn",
];

/**
 * Recording's simplex downstream ports as SEED-FW's "Agora On-premise Recording SDK" UDP note
 * gives them, in every edition (2020-05, 2020-11, 2026-02): the RecordingConfig setting, the
 * seed's words, the default range and the ports per channel. The note left the page with the
 * whitelist (2020-09-15/16); the later editions keep it, and each edition gives its own
 * `reading` (and, where Agora renamed the product, its `purpose`).
 */
export function recordingSimplex(
  reading: string, purpose = "On-premise Recording SDK simplex downstream ports (lowUdpPort-highUdpPort)",
): RecordingSimplexPorts {
  return {
    sdk: "recording",
    settings: {
      api: "RecordingConfig",
      values: { any: ["lowUdpPort = {low}", "highUdpPort = {high}"] },
      notes: { any: "Without these the recording processes pick random ports, which the ingress rule would not cover." },
      table: "Agora On-premise Recording SDK",
      row: "UDP: simplex downstream ports (note)",
    },
    seedText: "Duplex ports 1080; 7000; 8000; 8913; 9700; 25000；local ports 4000 to 4030; simplex downstream ports used by recording processes. "
      + "[…] One recording thread requires four simplex downstream ports. There must be no port conflict among processes […] "
      + "Agora recommends 40000 to 41000 or larger. […] To set the port range, you need to configure the lowUdpPort and highUdpPort parameters.",
    reading,
    anySourceReason: "Agora publishes no sender addresses for recording's simplex downstream media, so any address may send to these ports; "
      + "list Agora's addresses in recordingPorts.sources to narrow it.",
    protocol: "udp",
    defaultLow: 40000,
    defaultHigh: 41000,
    portsPerChannel: 4,
    purpose,
    provenance: seedCite(SEED_FW, "Agora On-premise Recording SDK", "UDP: simplex downstream ports (note)"),
  };
}

// ---- SEED-CP: Use Cloud Proxy, Native SDK (2020-10-26), the Native page of editions 2020-05 and 2020-11 ----

const NATIVE_TABLE = "Implementation step 4: test IP addresses and ports";
const MESSAGE_IPS = ["120.92.118.34", "120.92.18.162"];
/** SEED-CP step 4's edge nodes: the test proxy servers of proxy_type 2 (Native and Recording), and the Web page's ([EXT:S3] 2.16). */
export const EDGE_IPS = ["47.74.211.17", "52.80.192.229", "52.52.84.170", "47.96.234.219"];
const EDGE_PORTS = ["1080", "8000", "25000", "9700"];

/**
 * SEED-CP step 4's test IP addresses and ports, cited by `p` (a row's name → its provenance):
 * the Native table, and On-premise Recording's, which agora-facts.md 3.3 calls identical to it.
 */
export function nativeTestTable(p: (row: string) => EndpointRow["provenance"]): EndpointRow[] {
  return [
    { protocol: "tcp", addresses: MESSAGE_IPS, ports: ["4000"], purpose: "Message data transmission", provenance: p("TCP 4000") },
    { protocol: "tcp", addresses: EDGE_IPS, ports: EDGE_PORTS, purpose: "Edge node communication", provenance: p("TCP 1080, 8000, 25000, 9700") },
    { protocol: "udp", addresses: MESSAGE_IPS, ports: ["4500-4650"], purpose: "Media data exchange", provenance: p("UDP 4500 to 4650") },
    { protocol: "udp", addresses: EDGE_IPS, ports: EDGE_PORTS, purpose: "Edge node communication", provenance: p("UDP 1080, 8000, 25000, 9700") },
  ];
}

/** The Native SDK's cloud proxy as SEED-CP describes it (steps 1, 4, 5 and 6): editions 2020-05 and 2020-11. */
export const SEED_NATIVE_CLOUD_PROXY: CloudProxyProfile = {
  sdk: "rtc-native",
  minVersion: "2.4.0",
  support: seedCite(SEED_CP, "Implementation step 1", "Agora Native SDK v2.4.0 or later supports the cloud proxy"),
  testEndpoints: nativeTestTable((row) => seedCite(SEED_CP, NATIVE_TABLE, row)),
  testProxyServers: EDGE_IPS,
  proxyDomain: "ap-proxy.agora.io",
  settings: {
    api: "setParameters",
    values: {
      "1": ['{"rtc.enable_proxy":true}', '{"rtc.proxy_server":[1,{domainJson},0]}'],
      "2": ['{"rtc.enable_proxy":true}', '{"rtc.proxy_server":[2,{serversJsonString},0]}'],
    },
    notes: { any: 'Call before joining a channel or after leaving it; {"rtc.enable_proxy":false} turns the proxy off.' },
    table: "Implementation steps 5 and 6",
    row: "proxy_type {proxyType}",
  },
};

// ---- The 2020 cloud-proxy pages of Web and On-premise Recording: the calls; each edition cites its page ----

/** The Web SDK's cloud-proxy calls ([EXT:S3] 2.2), editions 2020-05 and 2020-11. */
export const WEB_PROXY_CALLS: Pick<AppSettingTemplate, "api" | "values"> = {
  api: "AgoraRTC client",
  values: { any: ["client.startProxyServer() before client.join()", "client.stopProxyServer() after client.leave()"] },
};

/** The On-premise Recording SDK's cloud-proxy RecordingConfig ([EXT:S4] 3.4), editions 2020-05 and 2020-11. */
export const RECORDING_PROXY_CONFIG: Pick<AppSettingTemplate, "api" | "values" | "notes"> = {
  api: "RecordingConfig",
  values: { "1": ["enableCloudProxy = true"], "2": ["enableCloudProxy = true", "proxyType = 2", 'proxyServer = "{serversCsv}:0"'] },
  notes: {
    "1": "Agora configures the default cloud-proxy domain; use proxy_type 2 if it cannot be resolved.",
    "2": "The IP-list form, for when the default cloud-proxy domain cannot be resolved.",
  },
};
