import { CatalogDocument, DirectRow, Edition, EndpointRow, WithdrawnRoute } from "../types";
import { SEED_CP, SEED_FW, fact, factsDocument, rowDate, seedCite } from "./facts";
import {
  EDGE_IPS, RECORDING_PROXY_CONFIG, RTM_WEB_DOMAINS, SEED_NATIVE_CLOUD_PROXY, WEB_DOMAINS, WEB_PROXY_CALLS, nativeTestTable, recordingSimplex,
} from "./seed";

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

// WEB_DOMAINS and RTM_WEB_DOMAINS (./seed.ts): the seed's, unchanged until 2022 (agora-facts.md 4a: no 2020 row changes them after 2020-05-22).
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

// Native cloud proxy: the seed document (2020-10-26) is the page of this period (SEED_NATIVE_CLOUD_PROXY, ./seed.ts).

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
  recordingSimplex: recordingSimplex(
    "As in edition 2020-05 (the section was removed from the page on 2020-09-15/16, but the SDK still receives its simplex "
      + "downstream media on lowUdpPort-highUdpPort): inbound UDP to the workload from the cloud-proxy endpoints.",
  ),
  cloudProxy: [
    SEED_NATIVE_CLOUD_PROXY,
    {
      sdk: "rtc-web",
      minVersion: "2.5.1",
      support: fact(WEB_CP, "2a", "2.1"),
      testEndpoints: webTestTable,
      testProxyServers: [],
      settings: {
        ...WEB_PROXY_CALLS,
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
        ...RECORDING_PROXY_CONFIG,
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
