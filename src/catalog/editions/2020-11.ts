import { CatalogDocument, DirectRow, Edition, EndpointRow, WithdrawnRoute } from "../types";
import { SEED_CP, SEED_FW, fact, factsDocument, rowDate, seedCite } from "./facts";

/**
 * Edition 2020-11: the final 2020 form of "Firewall Requirements" (2020-11-04, agora-facts.md
 * §4a: the seed page plus every change up to `0b6e143f`), with the cloud-proxy pages as they stood
 * then (Native: the seed document of 2020-10-26; Web: the EN page of 2020-10-19; On-premise
 * Recording: 2020-11-11). Native RTC, On-premise Recording and Gaming have no whitelist any more
 * (withdrawn 2020-09-15/16); Gaming has no route at all (matrix ✘/✘, 2020-09-29).
 */

const FW: CatalogDocument = factsDocument("EXT:S1", "Firewall Requirements (EN page history, agora-facts.md §4a)", "2020-11-04");
const WEB_CP: CatalogDocument = factsDocument("EXT:S3", "Cloud Proxy for the RTC Web SDK", "2020-10-19");
const REC_CP: CatalogDocument = factsDocument("EXT:S4", "Cloud Proxy for the On-premise Recording SDK", "2020-11-11");

/** A §4a timeline row of the firewall page. */
const t = (row: string) => fact(FW, "4a", row, rowDate(row));
const FINAL = t("2020-11-04 (0b6e143f)");
const SEED_WEB = seedCite(SEED_FW, "Agora RTC SDK / Web SDK");
const SEED_RTM_WEB = seedCite(SEED_FW, "Agora RTM SDK / Web SDK");
const REMOVED = t("2020-09-15/16 (d4bc0e4c)");
const MATRIX = t("2020-09-29 (891aa03b)");

// Seed domains, unchanged until 2022 (agora-facts.md 4a: no 2020 row changes them after 2020-05-22).
const WEB_DOMAINS = [".agora.io", ".edge.agora.io", ".agoraio.cn", ".edge.agoraio.cn"];
const RTM_WEB_DOMAINS = [
  ".agora.io", ".agoraio.cn", ".edge.agora.io", ".edge.agoraio.cn",
  "ap-web-1.agora.io", "ap-web-1.agoraio.cn", "ap-web-2.agora.io", "ap-web-2.agoraio.cn",
  "webcollector-rtm.agora.io", "logservice-rtm.agora.io", "webcollector-rtm.agoraio.cn", "logservice-rtm.agoraio.cn",
];
// 2020-09-15/16: RTM Native drops qoslbs/qos.agoralab.co (only .agora.io).
const RTM_NATIVE_DOMAINS = [".agora.io"];

const direct: DirectRow[] = [
  { sdk: "rtc-web", protocol: "tcp", ports: ["80", "443", "3433", "5668", "5669", "6080", "6443", "8667", "9667"], destinations: WEB_DOMAINS,
    purpose: "RTC Web SDK", provenance: FINAL, alsoCited: [SEED_WEB] },
  { sdk: "rtc-web", protocol: "tcp", ports: ["4700-5000"], destinations: WEB_DOMAINS,
    purpose: "RTC Web SDK", provenance: t("2020-10-30 (ca287be1)"), alsoCited: [FINAL, SEED_WEB] },
  { sdk: "rtc-web", protocol: "tcp", ports: ["30011-30013"], destinations: WEB_DOMAINS,
    purpose: "RTC Web SDK (RTMP converter)", provenance: t("2020-05-25 06:09 (da88996b)"), alsoCited: [FINAL, SEED_WEB] },
  { sdk: "rtc-web", protocol: "udp", ports: ["3478"], destinations: WEB_DOMAINS,
    purpose: "RTC Web SDK", provenance: FINAL, alsoCited: [SEED_WEB] },
  { sdk: "rtc-web", protocol: "udp", ports: ["4700-5000"], destinations: WEB_DOMAINS, versions: { min: "2.9.0" },
    purpose: "RTC Web SDK 2.9.0 or later", provenance: t("2020-10-19/20 (8a6831ae)"), alsoCited: [FINAL, SEED_WEB] },
  { sdk: "rtc-web", protocol: "udp", ports: ["10000-65535"], destinations: WEB_DOMAINS, versions: { below: "2.9.0" },
    purpose: "RTC Web SDK before 2.9.0", provenance: FINAL, alsoCited: [SEED_WEB] },

  { sdk: "rtm-native", protocol: "tcp", ports: ["9130", "9131", "9140"], destinations: RTM_NATIVE_DOMAINS,
    purpose: "RTM Native SDK", provenance: t("2020-10-30 (d90abc5d)"), alsoCited: [REMOVED] },
  { sdk: "rtm-native", protocol: "udp", ports: ["1080", "8000", "8130", "9120", "9121", "9700", "25000"], destinations: RTM_NATIVE_DOMAINS,
    purpose: "RTM Native SDK", provenance: t("2020-10-30 (d90abc5d)"), alsoCited: [REMOVED] },

  { sdk: "rtm-web", protocol: "tcp", ports: ["443", "9591", "9593"], destinations: RTM_WEB_DOMAINS,
    purpose: "RTM Web SDK", provenance: SEED_RTM_WEB },
  { sdk: "rtm-web", protocol: "tcp", ports: ["6443"], destinations: RTM_WEB_DOMAINS,
    purpose: "RTM Web SDK", provenance: t("2020-08-20 (95c37bc0e)"), alsoCited: [SEED_RTM_WEB] },
  { sdk: "rtm-web", protocol: "tcp", ports: ["9601"], destinations: RTM_WEB_DOMAINS,
    purpose: "RTM Web SDK", provenance: t("2020-10-30 (d90abc5d)"), alsoCited: [SEED_RTM_WEB] },
];

const withdrawn: WithdrawnRoute[] = [
  { sdk: "rtc-native", access: "direct",
    what: "Agora withdrew the Native SDK's domain whitelist on 2020-09-15/16 (support matrix of 2020-09-29: whitelist ✘, cloud proxy ✔)",
    instead: "Agora offers the cloud proxy: use {{access=cloud-proxy}} (Native SDK 2.4.0 or later); the May 2020 whitelist is kept in edition 2020-05",
    provenance: REMOVED },
  { sdk: "recording", access: "direct",
    what: "Agora withdrew the On-premise Recording SDK's domain whitelist on 2020-09-15/16 (support matrix of 2020-09-29: whitelist ✘, cloud proxy ✔)",
    instead: "Agora offers the cloud proxy: use {{access=cloud-proxy}} (On-premise Recording SDK 3.0.0 or later); the May 2020 whitelist is kept in edition 2020-05",
    provenance: REMOVED },
  { sdk: "gaming", access: "direct",
    what: "Agora withdrew the Gaming SDK's domain whitelist on 2020-09-15/16, and the support matrix of 2020-09-29 lists neither a whitelist nor a cloud proxy for it (✘/✘)",
    instead: "Agora offers no firewall route for the Gaming SDK; if the app uses the RTC Native SDK, select rtc-native with {{access=cloud-proxy}}; the May 2020 whitelist is kept in edition 2020-05",
    provenance: REMOVED },
  { sdk: "gaming", access: "cloud-proxy",
    what: "the support matrix of 2020-09-29 lists no cloud proxy for the Interactive Gaming SDK (✘/✘), and no source publishes one (agora-facts.md §8)",
    instead: "Agora offers no firewall route for the Gaming SDK; if the app uses the RTC Native SDK, select rtc-native with {{access=cloud-proxy}}",
    provenance: MATRIX },
];

// Native cloud proxy: the seed document (2020-10-26) is the page of this period.
const NATIVE_TABLE = "Implementation step 4: test IP addresses and ports";
const MESSAGE_IPS = ["120.92.118.34", "120.92.18.162"];
const EDGE_IPS = ["47.74.211.17", "52.80.192.229", "52.52.84.170", "47.96.234.219"];
const EDGE_PORTS = ["1080", "8000", "25000", "9700"];

function nativeTestTable(p: (row: string) => EndpointRow["provenance"]): EndpointRow[] {
  return [
    { protocol: "tcp", addresses: MESSAGE_IPS, ports: ["4000"], purpose: "Message data transmission", provenance: p("TCP 4000") },
    { protocol: "tcp", addresses: EDGE_IPS, ports: EDGE_PORTS, purpose: "Edge node communication", provenance: p("TCP 1080, 8000, 25000, 9700") },
    { protocol: "udp", addresses: MESSAGE_IPS, ports: ["4500-4650"], purpose: "Media data exchange", provenance: p("UDP 4500 to 4650") },
    { protocol: "udp", addresses: EDGE_IPS, ports: EDGE_PORTS, purpose: "Edge node communication", provenance: p("UDP 1080, 8000, 25000, 9700") },
  ];
}

// Web test endpoints of the EN page of 2020-10-19 (agora-facts.md 2.13-2.17, C11): TCP
// 148.153.66.218 replaced by 69.28.51.149, UDP keeps 148.153.66.218; 164.52.87.25 added 2020-06-12.
const webTestTable: EndpointRow[] = [
  { protocol: "tcp", addresses: ["23.236.115.138", "69.28.51.149", "164.52.87.25"], ports: ["443", "4000", "3433-3460"], purpose: "Message data and media",
    provenance: fact(WEB_CP, "2b", "2.14") },
  { protocol: "tcp", addresses: EDGE_IPS, ports: ["443"], purpose: "Edge node communication", provenance: fact(WEB_CP, "2b", "2.16") },
  { protocol: "udp", addresses: ["23.236.115.138", "148.153.66.218", "164.52.87.25"], ports: ["3478-3500"], purpose: "Media",
    provenance: fact(WEB_CP, "2b", "2.17") },
];

export const edition: Edition = {
  id: "2020-11",
  date: "2020-11-04",
  description: "Final 2020 form: Firewall Requirements (2020-11-04) with the cloud-proxy pages of Oct-Nov 2020; Native RTC, Recording and Gaming whitelists withdrawn",
  documents: [SEED_FW, FW, SEED_CP, WEB_CP, REC_CP],
  sdks: [
    { id: "rtc-native", name: "Agora RTC SDK — Native SDK", versioned: false, matrix: [MATRIX] },
    {
      id: "rtc-web", name: "Agora RTC SDK — Web SDK", versioned: true, matrix: [MATRIX],
      unversionedNote: "no version given, so the rules are those of Web SDK 2.9.0 or later (UDP 4700-5000).",
    },
    { id: "rtm-native", name: "Agora RTM SDK — Native SDK", versioned: false, matrix: [MATRIX] },
    { id: "rtm-web", name: "Agora RTM SDK — Web SDK", versioned: false, matrix: [MATRIX] },
    { id: "recording", name: "Agora On-premise Recording SDK", versioned: false, matrix: [MATRIX] },
    { id: "gaming", name: "Agora Gaming SDK", versioned: false, matrix: [MATRIX] },
  ],
  direct,
  withdrawn,
  recordingSimplex: {
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
    reading: "As in edition 2020-05 (the section was removed from the page on 2020-09-15/16, but the SDK still receives its simplex "
      + "downstream media on lowUdpPort-highUdpPort): inbound UDP to the workload from the cloud-proxy endpoints.",
    anySourceReason: "Agora publishes no sender addresses for recording's simplex downstream media, so any address may send to these ports; "
      + "list Agora's addresses in recordingPorts.sources to narrow it.",
    protocol: "udp",
    defaultLow: 40000,
    defaultHigh: 41000,
    portsPerChannel: 4,
    purpose: "On-premise Recording SDK simplex downstream ports (lowUdpPort-highUdpPort)",
    provenance: seedCite(SEED_FW, "Agora On-premise Recording SDK", "UDP: simplex downstream ports (note)"),
  },
  cloudProxy: [
    {
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
    },
    {
      sdk: "rtc-web",
      minVersion: "2.5.1",
      support: fact(WEB_CP, "2a", "2.1"),
      testEndpoints: webTestTable,
      testProxyServers: [],
      settings: {
        api: "AgoraRTC client",
        values: { any: ["client.startProxyServer() before client.join()", "client.stopProxyServer() after client.leave()"] },
        table: "§2a",
        row: "2.2",
        citation: "[EXT:S3] §2a 2.2",
      },
    },
    {
      sdk: "recording",
      minVersion: "3.0.0",
      support: fact(REC_CP, "3", "3.1"),
      testEndpoints: nativeTestTable((row) => ({ ...fact(REC_CP, "3", "3.3"), table: "§3 3.3: test IP addresses and ports", row })),
      testProxyServers: EDGE_IPS,
      settings: {
        api: "RecordingConfig",
        values: { "1": ["enableCloudProxy = true"], "2": ["enableCloudProxy = true", "proxyType = 2", 'proxyServer = "{serversCsv}:0"'] },
        notes: {
          "1": "Agora configures the default cloud-proxy domain; use proxy_type 2 if it cannot be resolved.",
          "2": "The IP-list form, for when the default cloud-proxy domain cannot be resolved.",
        },
        table: "§3",
        row: "3.4",
        citation: "[EXT:S4] §3 3.4",
      },
    },
  ],
  readings: [
    "The 2020-11-04 row restates the Web lists; every cell cites it, and the row that changed it (4700-5000: 2020-10-19/20 and 2020-10-30; 30011-30013: 2020-05-25 06:09).",
    "The \"2020-09-15 (CN only)\" row (WeChat Mini Program, CN RTM lists) is not applied: the edition transcribes the EN page.",
    "The Web SDK's cloud-proxy test endpoints are those of the EN page of 2020-10-19 (2.14, C11): TCP 69.28.51.149 instead of 148.153.66.218, UDP still 148.153.66.218, and 164.52.87.25 (added 2020-06-12) on both.",
    "Recording's simplex downstream ports are kept as in 2020-05: the section left the page with the whitelist, but the SDK still receives on lowUdpPort-highUdpPort through the cloud proxy.",
  ],
};
