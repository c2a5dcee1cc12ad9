import {
  AllowedAddress, AllowedIpList, AllowedList, AllowedListId, AllowedPorts, CatalogDocument, DirectRow, Edition, MediaSet, RegionId, WithdrawnRoute,
} from "../types";
import { SEED_FW, fact, factsDocument, rowDate } from "./facts";
import { recordingSimplex } from "./seed";

/**
 * Edition 2026-02 (current): Agora's Firewall Requirements page as of 2026-02-11 (Docs-Source
 * `shared/common/_firewall.mdx` at `8082d39a`; agora-facts.md §4b, equal to the seed plus every
 * §4a change up to it, including the 2025-12-10 typo fix and the 2026-02-11 Web TCP 3478), with
 * §10's corrections; the cloud-proxy allowed IP list of 2025-06-24 (§4e, §4f); the Native
 * cloud-proxy modes (§4g, §5b); the Web cloud proxy (§2); Interactive Whiteboard (§4c) and Chat
 * (§4d) as SDKs `whiteboard` and `chat`; Native's `domainLimit` (§10.4).
 */

const FW: CatalogDocument = factsDocument("EXT:S10", "Firewall Requirements (Docs-Source _firewall.mdx)", "2026-02-11");
const IPS: CatalogDocument = factsDocument("EXT:S11", "Cloud proxy allowed IP list (Docs-Source _cloud-proxy-allowed-iplist.mdx)", "2025-06-24");
const MIGRATION: CatalogDocument = factsDocument("EXT:S12", "Cloud proxy migration guide", "2025-08-05");
const CP_PAGES: CatalogDocument = factsDocument("EXT:S13", "Cloud proxy (Docs-Source video-sdk/develop/cloud-proxy)", "2026-01-27");
const API: CatalogDocument = factsDocument("EXT:S19", "setCloudProxy / CLOUD_PROXY_TYPE (API reference)", "2026");
const SIGNALING_CP: CatalogDocument = factsDocument("EXT:S16", "Signaling 2.x cloud proxy", "2024-09");
const SERVER_CP: CatalogDocument = factsDocument("EXT:S14", "Server Gateway cloud proxy", "2024-11-04");
const REC_CP: CatalogDocument = factsDocument("EXT:S15", "On-Premise Recording cloud proxy", "2026-05-21");
const WHITEBOARD: CatalogDocument = factsDocument("EXT:S17", "Interactive Whiteboard firewall (Docs-Source _firewall.mdx)", "2024-10-23");
const CHAT: CatalogDocument = factsDocument("EXT:S18", "Chat TCP/TLS IP allowlist", "2024-11-23");
const VERIFIED: CatalogDocument = factsDocument("REF-10", "Verification against Docs-Source HEAD 8c1f0c5c", "2026-12-04");

const page = (row: string) => fact(FW, "4b", row);
const t = (row: string) => fact(FW, "4a", row, rowDate(row));
const ips = (row: string) => fact(IPS, "4e", row);
const v10 = (row: string) => fact(VERIFIED, "10", row);

const WEB_DOMAINS = [".agora.io", ".edge.agora.io", ".sd-rtn.com", ".edge.sd-rtn.com", ".ap.sd-rtn.com", ".statscollector.sd-rtn.com", ".webrtc-cloud-proxy.sd-rtn.com"];
const RTM_WEB_MESSAGE_DOMAINS = [
  ".edge.agora.io", ".edge.sd-rtn.com",
  "web-1.ap.sd-rtn.com", "web-2.ap.sd-rtn.com", "web-3.ap.sd-rtn.com", "web-4.ap.sd-rtn.com",
  "ap-web-1.agora.io", "ap-web-2.agora.io", "ap-web-3.agora.io", "ap-web-4.agora.io",
  "webcollector-rtm.agora.io", "logservice-rtm.agora.io", "rtm.statscollector.sd-rtn.com", "rtm.logservice.sd-rtn.com",
];
const RTM_WEB_STREAM_DOMAINS = [".agora.io", ".edge.agora.io", ".sd-rtn.com", ".edge.sd-rtn.com"];

/** `*.name` (subdomains only) in the model's notation: `.name` also admits the apex. */
const WILDCARD_READING = (names: string) =>
  `Agora writes ${names} (subdomains only); the model's subtree form (.name) also admits the apex name, one name wider.`;

const WHITEBOARD_NAMES = ["*.whiteboard.sd-rtn.com", "*.whiteboard.rtelink.com", "*.netless.link", "*.whiteboard.agora.io"];
const CHAT_NAMES = [
  "msync-api-41.chat.agora.io", "msync-api-61.chat.agora.io", "msync-api-71.chat.agora.io",
  "msync-im-41-tls.chat.agora.io", "msync-im-61-tls.chat.agora.io", "msync-im-71-tls.chat.agora.io",
  "a41.chat.agora.io", "a61.chat.agora.io", "a71.chat.agora.io",
];
const CHAT_AP_NAMES = ["ap-america.agora.io", "ap-asia.agora.io", "ap-europe.agora.io"];

const dotted = (wildcard: string) => wildcard.replace(/^\*\./, ".");

const direct: DirectRow[] = [
  // Video SDK Web (4.2): TCP 3478 since 2026-02-11 (8082d39a; §10.5: the firewall page wins over the reference page).
  { sdk: "rtc-web", protocol: "tcp", ports: ["80", "443", "3433", "4700-5000", "5668", "5669", "6080", "6443", "8667", "9667"], destinations: WEB_DOMAINS,
    purpose: "Video SDK Web", provenance: page("4.2"), alsoCited: [t("2025-09-15 (0128ff79)")] },
  { sdk: "rtc-web", protocol: "tcp", ports: ["3478"], destinations: WEB_DOMAINS,
    purpose: "Video SDK Web", provenance: page("4.2"), alsoCited: [t("2026-02-11 (8082d39a)"), v10("10.5")] },
  { sdk: "rtc-web", protocol: "tcp", ports: ["30011-30013"], destinations: WEB_DOMAINS,
    purpose: "Video SDK Web (RTMP converter)", provenance: page("4.2") },
  { sdk: "rtc-web", protocol: "udp", ports: ["3478"], destinations: WEB_DOMAINS, purpose: "Video SDK Web", provenance: page("4.2") },
  { sdk: "rtc-web", protocol: "udp", ports: ["4700-5000"], destinations: WEB_DOMAINS, versions: { min: "2.9.0" },
    purpose: "Video SDK Web 2.9.0 or later", provenance: page("4.2") },
  { sdk: "rtc-web", protocol: "udp", ports: ["10000-65535"], destinations: WEB_DOMAINS, versions: { below: "2.9.0" },
    purpose: "Video SDK Web before 2.9.0", provenance: page("4.2") },

  // Signaling Web (4.3 message channel, 4.4 stream channel; split on 2024-08-14, f67fdab0).
  { sdk: "rtm-web", channel: "message", protocol: "tcp", ports: ["443", "9591", "9593", "27387"], destinations: RTM_WEB_MESSAGE_DOMAINS,
    purpose: "Signaling Web message channel", provenance: page("4.3"), alsoCited: [t("2024-08-14 (f67fdab0)")] },
  { sdk: "rtm-web", channel: "message", protocol: "tcp", ports: ["9601"], destinations: RTM_WEB_MESSAGE_DOMAINS, versions: { min: "1.0.0", below: "2.0.0" },
    purpose: "Signaling Web 1.x message channel", provenance: page("4.3"), alsoCited: [t("2024-09-17 (6e5ba92c9)"), t("2024-08-14 (f67fdab0)")] },
  { sdk: "rtm-web", channel: "stream", protocol: "tcp", ports: ["80", "3433", "4700-5000", "5668", "5669", "6080", "6443", "8667", "9667"],
    destinations: RTM_WEB_STREAM_DOMAINS, purpose: "Signaling Web stream channel", provenance: page("4.4"), alsoCited: [t("2025-12-10 (56951a31e)")] },
  { sdk: "rtm-web", channel: "stream", protocol: "udp", ports: ["3478", "4700-5000"], destinations: RTM_WEB_STREAM_DOMAINS,
    purpose: "Signaling Web stream channel", provenance: page("4.4"), alsoCited: [t("2025-12-10 (56951a31e)")] },

  // Signaling Native (4.5 message channel, 4.6 stream channel: "none given" for domains).
  { sdk: "rtm-native", channel: "message", protocol: "tcp", ports: ["443", "7384", "8443", "9130", "9131", "9136", "9137", "9140", "9141"],
    destinations: [".agora.io"], purpose: "Signaling Native message channel", provenance: page("4.5"), alsoCited: [t("2024-08-14 (f67fdab0)")] },
  { sdk: "rtm-native", channel: "message", protocol: "udp", ports: ["1080", "3000", "8000", "8130", "8443", "9120", "9121", "9700", "25000"],
    destinations: [".agora.io"], purpose: "Signaling Native message channel", provenance: page("4.5"), alsoCited: [t("2024-08-14 (f67fdab0)")] },
  { sdk: "rtm-native", channel: "stream", protocol: "udp", ports: ["4001-4150"], destinations: [],
    unpublishedDestinations: "Agora publishes no destination for the Signaling Native stream channel (Firewall Requirements 2026-02-11, 4.6: domains \"none given\"), "
      + "so UDP 4001-4150 is open to any address on exactly those ports.",
    purpose: "Signaling Native stream channel", provenance: page("4.6"), alsoCited: [t("2024-08-14 (f67fdab0)")] },

  // Interactive Whiteboard (4.10: port 443 for all; 4.11: https/wss, so TCP).
  { sdk: "whiteboard", protocol: "tcp", ports: ["443"], destinations: WHITEBOARD_NAMES.map(dotted), written: WHITEBOARD_NAMES,
    purpose: "Interactive Whiteboard", provenance: fact(WHITEBOARD, "4c", "4.10"), alsoCited: [fact(WHITEBOARD, "4c", "4.11")],
    reading: WILDCARD_READING(WHITEBOARD_NAMES.join(", ")) },
  { sdk: "whiteboard", protocol: "tcp", ports: ["443"], destinations: ["rest-argus-ad.agoralab.co"],
    purpose: "Interactive Whiteboard", provenance: fact(WHITEBOARD, "4c", "4.10"), alsoCited: [fact(WHITEBOARD, "4c", "4.11")] },

  // Chat (4.12: clients and REST on TLS 443; 4.13: access points).
  { sdk: "chat", protocol: "tcp", ports: ["443"], destinations: CHAT_NAMES, purpose: "Chat (msync and REST, TLS)", provenance: fact(CHAT, "4d", "4.12") },
  { sdk: "chat", protocol: "udp", ports: ["8443", "5888-5889", "4000-4100", "8130"], destinations: CHAT_AP_NAMES,
    purpose: "Chat access points", provenance: fact(CHAT, "4d", "4.13") },
  { sdk: "chat", protocol: "tcp", ports: ["443", "8443"], destinations: CHAT_AP_NAMES,
    purpose: "Chat access points", provenance: fact(CHAT, "4d", "4.13") },
];

const NATIVE_CP = "Agora offers the cloud proxy: use {{access=cloud-proxy}} with {{proxyMode=force-udp}} or {{proxyMode=force-tcp}} (the published allowed IP list)";

const withdrawn: WithdrawnRoute[] = [
  { sdk: "rtc-native", access: "direct",
    what: "Agora withdrew the Native SDK's domain whitelist on 2020-09-15/16; the current page still says whitelist ✘, cloud proxy ✔ (4.1)",
    instead: `${NATIVE_CP}, or, from Native SDK 4.2.0, the domainLimit option's domain allowlist ({{domainLimit=true}}); the May 2020 whitelist is kept in edition 2020-05`,
    provenance: page("4.1") },
  { sdk: "recording", access: "direct",
    what: "Agora withdrew the On-Premise Recording SDK's domain whitelist on 2020-09-15/16; the current page says whitelist ✘, cloud proxy ✔ (4.7)",
    instead: "Agora offers the cloud proxy, with endpoints it supplies privately (10.8): use {{access=cloud-proxy}}, {{environment=production}} and {{productionProxy}}; the May 2020 whitelist is kept in edition 2020-05",
    provenance: page("4.7") },
  { sdk: "gaming", access: "direct",
    what: "the Interactive Gaming SDK has had neither a whitelist nor a cloud proxy since 2020-09 (4.8: ✘/✘)",
    instead: "Agora offers no firewall route for the Gaming SDK; if the app uses the Video SDK (rtc-native), select it with {{access=cloud-proxy}}",
    provenance: page("4.8") },
  { sdk: "gaming", access: "cloud-proxy",
    what: "the Interactive Gaming SDK has had neither a whitelist nor a cloud proxy since 2020-09 (4.8: ✘/✘; agora-facts.md §8)",
    instead: "Agora offers no firewall route for the Gaming SDK; if the app uses the Video SDK (rtc-native), select it with {{access=cloud-proxy}}",
    provenance: page("4.8") },
];

// ---- The cloud-proxy allowed IP list (agora-facts.md §4e, verified cell by cell in §10) ----

const NA = "North America";
const EU_NATIVE = "Europe (Native + Web Signaling)";
const EU_WEB = "Europe (Web RTC)";
const ASIA = "Asia excl. Mainland China / \"Southeast Asia\"";
const JP_NATIVE = "Japan (Native + Web Signaling)";
const JP_WEB = "Japan (Web RTC)";
const INDIA = "India";
const CN = "Mainland China";

const list = (row: string, addresses: readonly string[]): AllowedAddress[] => addresses.map((address) => ({ address, provenance: ips(row) }));

const MEDIA_ROWS: Record<RegionId, Record<MediaSet, [string, readonly string[]]>> = (() => {
  const na = ["128.14.195.192/28", "128.14.245.16/28", "128.14.72.80/28", "128.14.200.208/28"];
  const euNative = ["104.166.160.208/28", "23.236.110.32/28", "104.166.142.134", "104.166.161.4"];
  const euWeb = ["104.166.160.208/28", "23.236.110.32/28", "148.153.25.149", "148.153.25.148", "148.153.25.147", "148.153.25.146",
    "148.153.25.184", "148.153.93.18", "148.153.93.19", "148.153.93.24", "148.153.93.25", "148.153.93.27"];
  const asia = ["128.1.186.240/28", "129.227.73.32/28", "103.193.127.208/28"];
  const jpNative = ["129.227.113.112/28", "129.227.55.96/28", "122.10.153.74", "129.227.234.123"];
  const jpWeb = ["129.227.113.112/28", "129.227.55.96/28", "164.52.24.41", "164.52.6.29", "164.52.24.44", "164.52.24.43",
    "103.101.125.21", "103.101.125.26", "103.101.125.20", "103.101.125.22", "122.10.153.90"];
  const india = ["129.227.217.128/28", "129.227.108.208/28", "128.1.105.112/28"];
  const cn = ["14.29.38.144/28", "27.45.161.144/28", "183.232.200.144/28", "115.238.206.0/28", "106.3.209.0/28", "112.13.216.0/28",
    "219.153.111.128/28", "221.178.42.0/28", "113.207.12.0/28"];
  const same = (row: string, a: readonly string[]): Record<MediaSet, [string, readonly string[]]> =>
    ({ native: [row, a], webRtc: [row, a], webSignaling: [row, a] });
  return {
    "north-america": same(NA, na),
    europe: { native: [EU_NATIVE, euNative], webRtc: [EU_WEB, euWeb], webSignaling: [EU_NATIVE, euNative] },
    asia: same(ASIA, asia),
    japan: { native: [JP_NATIVE, jpNative], webRtc: [JP_WEB, jpWeb], webSignaling: [JP_NATIVE, jpNative] },
    india: same(INDIA, india),
    "mainland-china": same(CN, cn),
  };
})();

const REGIONS: readonly RegionId[] = ["north-america", "europe", "asia", "japan", "india", "mainland-china"];

function perRegion<T>(f: (r: RegionId) => T): Record<RegionId, T> {
  return Object.fromEntries(REGIONS.map((r) => [r, f(r)])) as Record<RegionId, T>;
}

const media = perRegion((r) => ({
  native: list(MEDIA_ROWS[r].native[0], MEDIA_ROWS[r].native[1]),
  webRtc: list(MEDIA_ROWS[r].webRtc[0], MEDIA_ROWS[r].webRtc[1]),
  webSignaling: list(MEDIA_ROWS[r].webSignaling[0], MEDIA_ROWS[r].webSignaling[1]),
}));

const FUDP_ALL = "Native Force UDP, all regions except CN";
const FUDP_CN = "Native Force UDP, Mainland China";
const FTCP_ALL = "Native Force TCP, all regions except CN";
const FTCP_CN = "Native Force TCP, Mainland China";
const WEB_RTC_SIG = "Web RTC signaling";
const WEB_SIG = "Web Signaling (RTM) \"Signaling and AP\"";
const MEDIA_PORTS = "media ports (sentence above the media table)";

/** Native signaling: each non-CN region gets the global 16-address list (C16), Mainland China its own two. */
function nativeSignaling(allRow: string, all: readonly string[], cnRow: string, cn: readonly string[]): Record<RegionId, AllowedAddress[]> {
  return perRegion((r) => (r === "mainland-china" ? list(cnRow, cn) : list(allRow, all)));
}

const ports = (protocol: AllowedPorts["protocol"], p: readonly string[], row: string): AllowedPorts => ({ protocol, ports: p, provenance: ips(row) });

const FORCE_TCP_443_READING = "4.17 / 10.6: \"TCP 443 is required for all configurations\", destinations not stated. Read as TCP 443 to the "
  + "addresses this mode already lists for the selected regions (media segments and signaling), not to any address, so the cloud proxy "
  + "never opens the Internet; reported as a widening because the destinations are this reading, not Agora's text.";

const lists: Record<AllowedListId, AllowedList> = {
  "force-udp": {
    id: "force-udp", label: "Native Force UDP", mediaSet: "native",
    mediaPorts: [ports("udp", ["4590-4600", "8001-8010"], MEDIA_PORTS)],
    signalingPorts: [{ protocol: "udp", ports: ["8443"], provenance: ips(FUDP_ALL) }],
    signaling: nativeSignaling(FUDP_ALL, [
      "106.14.12.130", "118.190.148.38", "184.72.16.87", "35.168.106.53", "35.156.231.150", "15.237.134.178", "54.178.26.110", "52.221.23.86",
      "13.230.60.35", "15.206.47.129", "13.127.149.196", "13.209.247.137", "13.124.182.235", "23.98.43.152", "107.155.14.132", "69.28.51.142",
    ], FUDP_CN, ["106.14.12.130", "118.190.148.38"]),
    alsoRequired: [{ protocol: "tcp", ports: ["443"], provenance: ips("4.17"), reading: FORCE_TCP_443_READING }],
  },
  "force-tcp": {
    id: "force-tcp", label: "Native Force TCP", mediaSet: "native",
    mediaPorts: [ports("tcp", ["443"], MEDIA_PORTS)],
    signalingPorts: [{ protocol: "tcp", ports: ["443"], provenance: ips(FTCP_ALL) }],
    signaling: nativeSignaling(FTCP_ALL, [
      "101.132.108.165", "123.56.235.221", "52.54.85.111", "184.72.18.217", "52.28.239.238", "3.9.120.239", "13.250.89.184", "18.176.162.64",
      "168.138.214.216", "20.193.241.143", "3.109.116.108", "3.36.161.253", "15.164.88.208", "164.52.43.58", "54.205.123.178", "50.18.20.222",
    ], FTCP_CN, ["101.132.108.165", "123.56.235.221"]),
    alsoRequired: [],
  },
  "web-rtc": {
    id: "web-rtc", label: "Web RTC", mediaSet: "webRtc",
    mediaPorts: [ports("udp", ["443"], MEDIA_PORTS), ports("tcp", ["443"], MEDIA_PORTS)],
    signalingPorts: [ports("udp", ["443"], WEB_RTC_SIG), ports("tcp", ["443"], WEB_RTC_SIG)],
    signaling: {
      "north-america": list(WEB_RTC_SIG, ["47.252.17.251", "170.106.135.177"]),
      europe: list(WEB_RTC_SIG, ["47.254.149.145", "162.62.220.8"]),
      india: list(WEB_RTC_SIG, ["147.139.34.215", "129.226.26.104"]),
      japan: list(WEB_RTC_SIG, ["47.245.7.250", "43.128.248.97"]),
      asia: list(WEB_RTC_SIG, ["161.117.177.218", "104.250.52.195"]),
      "mainland-china": list(WEB_RTC_SIG, ["139.196.42.124", "123.56.57.206"]),
    },
    alsoRequired: [],
  },
  "web-signaling": {
    id: "web-signaling", label: "Web Signaling", mediaSet: "webSignaling",
    mediaPorts: [ports("udp", ["443"], MEDIA_PORTS), ports("tcp", ["443"], MEDIA_PORTS)],
    signalingPorts: [ports("udp", ["443"], WEB_SIG), ports("tcp", ["443"], WEB_SIG)],
    signaling: {
      "north-america": list(WEB_SIG, ["35.169.70.181", "107.155.14.132", "52.52.84.170"]),
      europe: list(WEB_SIG, ["128.1.78.146", "35.178.208.187"]),
      india: list(WEB_SIG, ["129.227.98.170", "129.154.38.143"]),
      japan: list(WEB_SIG, ["52.68.71.190", "168.138.222.84"]),
      asia: list(WEB_SIG, ["47.74.211.17", "52.221.23.86", "23.98.43.152", "47.244.4.122", "164.52.43.59", "13.124.182.235"]),
      "mainland-china": list(WEB_SIG, ["52.80.192.229", "47.96.234.219"]),
    },
    alsoRequired: [],
  },
};

const allowedIpList: AllowedIpList = {
  media,
  lists,
  provenance: ips("S11, 2025-06-24"),
  notes: [
    "The allowed IP list has no separate test list since 2022: environment test and production both use it unless you give your own endpoints (productionProxy, which then replaces it) (agora-facts.md 4e, 4f).",
    "Open DNS port 53 to your resolvers as well (4.17); the egress rules leave name resolution through the VPC/VNet resolver to the platform, and dnsGuard lists the resolvers it allows.",
    "No SDK version floor is published for the allowed IP list (10.2: the \"v3.7.0 and later\" / \"v4.11.0 and later\" titles were removed on 2022-09-26), so no version is refused on that basis.",
  ],
};

export const edition: Edition = {
  id: "2026-02",
  date: "2026-02-11",
  description: "Current: Firewall Requirements (2026-02-11) with the 2025 cloud-proxy allowed IP list, Native and Web proxy modes, regions, Whiteboard and Chat",
  documents: [SEED_FW, FW, IPS, MIGRATION, CP_PAGES, API, SIGNALING_CP, SERVER_CP, REC_CP, WHITEBOARD, CHAT, VERIFIED],
  sdks: [
    { id: "rtc-native", name: "Video SDK — Native (and frameworks)", versioned: false, matrix: [page("4.1")] },
    {
      id: "rtc-web", name: "Video SDK — Web", versioned: true, matrix: [page("4.2")],
      unversionedNote: "no version given, so the rules are those of Web SDK 2.9.0 or later (UDP 4700-5000).",
    },
    { id: "rtm-native", name: "Signaling SDK — Native (message and stream channels)", versioned: false, matrix: [page("4.5")] },
    {
      id: "rtm-web", name: "Signaling SDK — Web (message and stream channels)", versioned: true, matrix: [page("4.3")],
      unversionedNote: "no version given, so the rules are those of Signaling 2.x (TCP 9601 is for 1.x only).",
    },
    { id: "recording", name: "On-Premise Recording SDK", versioned: false, matrix: [page("4.7")] },
    { id: "gaming", name: "Interactive Gaming SDK", versioned: false, matrix: [page("4.8")] },
    { id: "whiteboard", name: "Interactive Whiteboard", versioned: false },
    { id: "chat", name: "Chat", versioned: false,
      directNote: "Agora lists two IPs per Chat name and 21 for the ap-* names; agora-facts.md transcribes only counts and one example (4.12, 4.13), so the rules use the names (IP-only targets widen them, as reported)." },
  ],
  direct,
  withdrawn,
  allowedIpList,
  recordingSimplex: recordingSimplex(
    "As in edition 2020-05: the simplex downstream media arrives on lowUdpPort-highUdpPort, from the cloud-proxy endpoints "
      + "Agora supplies (10.8).",
    "On-Premise Recording SDK simplex downstream ports (lowUdpPort-highUdpPort)",
  ),
  cloudProxy: [
    {
      sdk: "rtc-native",
      minVersion: "2.4.0",
      support: page("4.1"),
      testEndpoints: [],
      testProxyServers: [],
      allowedLists: { "force-udp": "force-udp", "force-tcp": "force-tcp" },
      // No default mode: the SDK's default, Automatic (4.22, 5.12), uses no allowlist.
      modeVersions: { "force-udp": [{ min: "3.3.0" }], "force-tcp": [{ min: "3.6.2" }] },
      settings: {
        api: "setCloudProxy", values: { any: ["setCloudProxy(UDP_PROXY)"] }, table: "§5b", row: "5.12", citation: "[EXT:S19] §5b 5.12",
      },
      modeSettings: {
        "force-udp": {
          api: "setCloudProxy",
          values: { any: ["setCloudProxy(UDP_PROXY) (CLOUD_PROXY_TYPE 1; Android TRANSPORT_TYPE_UDP_PROXY, iOS AgoraUdpProxy)"] },
          notes: { any: "Call outside the channel; it lasts for the RtcEngine's life cycle. setCloudProxy(NONE_PROXY) turns it off. Force UDP has no Media Push or cross-channel relay (4.22)." },
          table: "§5b", row: "5.12", citation: "[EXT:S19] §5b 5.12, 5.13; [EXT:S13] §4g 4.23",
        },
        "force-tcp": {
          api: "setCloudProxy",
          values: { any: ["setCloudProxy(TCP_PROXY) (CLOUD_PROXY_TYPE 2; Android TRANSPORT_TYPE_TCP_PROXY, iOS AgoraTcpProxy)"] },
          notes: { any: "Call outside the channel; it lasts for the RtcEngine's life cycle. TCP_PROXY (TLS 443) exists from 3.6.2. setCloudProxy(NONE_PROXY) turns it off." },
          table: "§5b", row: "5.12", citation: "[EXT:S19] §5b 5.12, 5.13; [EXT:S13] §4g 4.23",
        },
      },
    },
    {
      sdk: "rtc-web",
      minVersion: "2.5.1",
      support: page("4.2"),
      testEndpoints: [],
      testProxyServers: [],
      allowedLists: { "force-udp": "web-rtc", "force-tcp": "web-rtc" },
      // Web 4.15.0+: startProxyServer's default mode is 3, Force UDP (6.15, 10.3).
      defaultMode: "force-udp",
      modeVersions: { "force-udp": [{ min: "3.4.0", below: "4.0.0" }, { min: "4.3.0" }], "force-tcp": [{ min: "4.9.0" }] },
      settings: { api: "AgoraRTC client", values: { any: ["client.startProxyServer(3) before client.join()"] }, table: "§2a", row: "2.6" },
      modeSettings: {
        "force-udp": {
          api: "AgoraRTC client",
          values: { any: ["client.startProxyServer(3) before client.join()", "client.stopProxyServer() after client.leave()"] },
          notes: { any: "Enable Cloud Proxy for the project in Agora Console first (2.6). Mode 3 = Force UDP (Web 4.3.0+, 3.x from 3.4.0)." },
          table: "§2a", row: "2.6", citation: "[EXT:S13] §2a 2.6, 2.5",
        },
        "force-tcp": {
          api: "AgoraRTC client",
          values: { any: ["client.startProxyServer(5) before client.join()", "client.stopProxyServer() after client.leave()"] },
          notes: { any: "Enable Cloud Proxy for the project in Agora Console first (2.6). Mode 5 = Force TCP (TLS 443), Web 4.9.0+." },
          table: "§2a", row: "2.6", citation: "[EXT:S13] §2a 2.6",
        },
      },
    },
    {
      sdk: "rtm-web",
      minVersion: "2.0.0",
      support: fact(SIGNALING_CP, "2a", "2.12"),
      testEndpoints: [],
      testProxyServers: [],
      allowedLists: { "force-udp": "web-signaling", "force-tcp": "web-signaling" },
      defaultMode: "force-udp",
      settings: {
        api: "RTM config", values: { any: ["cloudProxy: true"] },
        notes: { any: "Ask Agora support to enable the cloud proxy for the project (2.12); Signaling's cloud proxy is Web-only (10.10)." },
        table: "§2a", row: "2.12", citation: "[EXT:S16] §2a 2.12",
      },
    },
    {
      sdk: "recording",
      minVersion: "3.0.0",
      support: page("4.7"),
      testEndpoints: [],
      testProxyServers: [],
      privateEndpoints: "Agora supplies the On-Premise Recording SDK's cloud-proxy IPs and ports privately and publishes none (agora-facts.md 10.8, 3.7)",
      settings: {
        api: "agoraParameter",
        values: { any: ['setBool("rtc.enable_proxy", true)'] },
        notes: { any: "C++ agoraParameter->setBool / Java parameter.setBool; set it to false to turn the proxy off (3.7)." },
        table: "§3", row: "3.7", citation: "[EXT:S15] §3 3.7",
      },
    },
  ],
  domainLimit: {
    sdk: "rtc-native",
    since: "4.2.0",
    provenance: v10("10.4"),
    settings: {
      api: "RtcEngineConfig",
      values: { any: ["domainLimit = true (Android mDomainLimit = true)"] },
      notes: { any: "With domainLimit the SDK connects only through domain names, so the firewall can allow these names (10.4; option since 4.2.0, announced in the 4.6.0 release notes)." },
      table: "§10", row: "10.4", citation: "agora-facts.md §10 10.4 (Docs-Source release notes)",
    },
    rows: (["tcp", "udp"] as const).map((protocol): DirectRow => ({
      sdk: "rtc-native", protocol, ports: ["1-65535"], destinations: [".rtnsvc.com", ".realtimemesh.com"], written: ["*.rtnsvc.com", "*.realtimemesh.com"],
      purpose: "Video SDK Native with domainLimit", provenance: v10("10.4"),
      reading: "10.4 names *.rtnsvc.com and *.realtimemesh.com but gives no ports or protocol, so every TCP and UDP port to these names is open; "
        + WILDCARD_READING("*.rtnsvc.com, *.realtimemesh.com"),
    })),
  },
  readings: [
    "The edition follows §4b (the page at 8082d39a), which equals the seed plus every §4a row up to 2026-02-11; the Web TCP list includes 3478 (10.5: the firewall page wins over the cloud-proxy reference page).",
    "Signaling Native stream channel (4.6: UDP 4001-4150, domains \"none given\"): any address on exactly UDP 4001-4150, reported as a widening.",
    "\"for 1.x\" (Signaling Web TCP 9601) is read as versions 1.0.0 up to 2.0.0; an rtm-web selection without a version is 2.x.",
    "*.name (Whiteboard, domainLimit) is read as the model's .name, which also admits the apex; reported as a widening.",
    "Whiteboard's port 443 is TCP (4.11: https and wss on 443); the abbreviated regional gateway names of 4.11 are covered by the 4.10 wildcards.",
    "Chat: the names of 4.12 (TLS 443) and 4.13 (the ap-* names with their UDP and TCP ports); the IPs are not transcribed in the reference.",
    "Native signaling (4e): every region except Mainland China gets the global 16-address list (C16), Mainland China its own two.",
    "Force UDP's TCP 443 (4.17/10.6, destinations not stated) goes to the addresses Force UDP lists for the selected regions; reported as a widening.",
    "DNS 53 (4.17) is not a model rule: the destination is the workload's resolver; a note says so.",
    "Web RTC and Web Signaling keep UDP and TCP 443 in both modes: 4.17's \"UDP 443 required for Proxy3 only (proxy4/5 only need TCP 443)\" is not applied, since §8 says the meaning of Proxy3/proxy4/5 was not found.",
    "Proxy mode: Native Force UDP = setCloudProxy(UDP_PROXY) from 3.3.0, Force TCP = TCP_PROXY from 3.6.2 (5.11, 5.12); Web Force UDP = startProxyServer(3) (4.3.0+, 3.x from 3.4.0), Force TCP = startProxyServer(5) (4.9.0+). Older versions are refused with the edition that has their procedure.",
    "Environments: no test list is published since 2022, so test and production both use the allowed IP list; productionProxy, when given, replaces it.",
    "On-Premise Recording's cloud proxy uses endpoints Agora supplies privately (10.8): it needs productionProxy.",
    "No version floor for the allowed IP list (10.2).",
  ],
};
