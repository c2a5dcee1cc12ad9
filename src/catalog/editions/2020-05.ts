import { CatalogDocument, DirectRow, Edition, EndpointRow } from "../types";
import { SEED_CP, SEED_FW, factsDocument, seedCite } from "./facts";
import {
  EDGE_IPS, RECORDING_PROXY_CONFIG, RTM_WEB_DOMAINS, SEED_NATIVE_CLOUD_PROXY, WEB_DOMAINS, WEB_PROXY_CALLS, nativeTestTable, recordingSimplex,
} from "./seed";

/**
 * The seed edition: Agora's "Firewall Requirements" (2020-05-25) and "Use Cloud Proxy"
 * for the Native SDK (2020-10-26), plus the few facts about Web and On-premise Recording
 * cloud proxy that those pages link to, cited from sources/agora-facts.md.
 * Every row below is transcribed from those documents; nothing is inferred. What later editions
 * keep unchanged (the Native cloud proxy, Recording's simplex ports, the Web domains, the Web and
 * Recording proxy calls) is stated once in ./seed.ts.
 */

const WEB_CP: CatalogDocument = factsDocument("EXT:S3", "Cloud Proxy for the RTC Web SDK", "2020-05-28");
const REC_CP: CatalogDocument = factsDocument("EXT:S4", "Cloud Proxy for the On-premise Recording SDK", "2020-06-22");

/** The note for an SDK whose direct whitelist Agora withdrew in Sep 2020 (agora-facts.md 4a; conflicts C1, C2). */
function withdrawn(instead: string, fact: string): string {
  return `legacy May 2020 whitelist; Agora withdrew domain whitelisting for it on 2020-09-15 and ${instead} (agora-facts.md ${fact}).`;
}

const NATIVE_DOMAINS = [
  "qoslbs.agoralab.co", "qos.agoralab.co",
  "ap1.agora.io", "ap2.agora.io", "ap3.agora.io", "ap4.agora.io", "ap5.agora.io",
  "ap.agoraio.cn",
  "vocs1.agora.io", "vocs2.agora.io", "vocs3.agora.io", "vocs4.agora.io", "vocs5.agora.io",
];
const RTM_NATIVE_DOMAINS = [".agora.io", "qoslbs.agoralab.co", "qos.agoralab.co"];
const GAMING_DOMAINS = [
  ".agora.io", "qoslbs.agoralab.co", "qos.agoralab.co", "ap.agoraio.cn",
  "vocs1.agora.io", "vocs2.agora.io", "vocs3.agora.io", "vocs4.agora.io", "vocs5.agora.io",
];

const RTC_NATIVE = "Agora RTC SDK / Native SDK";
const RTC_WEB = "Agora RTC SDK / Web SDK";
const RTM_NATIVE = "Agora RTM SDK / Native SDK";
const RTM_WEB = "Agora RTM SDK / Web SDK";
const RECORDING = "Agora On-premise Recording SDK";
const GAMING = "Agora Gaming SDK";

const direct: DirectRow[] = [
  { sdk: "rtc-native", protocol: "tcp", ports: ["1080", "8000", "9700", "25000", "30000"], destinations: NATIVE_DOMAINS,
    purpose: "RTC Native SDK", provenance: seedCite(SEED_FW, RTC_NATIVE, "TCP") },
  { sdk: "rtc-native", protocol: "udp", ports: ["1080", "4000-4030", "7000", "8000", "8913", "9700", "25000"], destinations: NATIVE_DOMAINS,
    purpose: "RTC Native SDK", provenance: seedCite(SEED_FW, RTC_NATIVE, "UDP") },

  { sdk: "rtc-web", protocol: "tcp", ports: ["80", "443", "3433", "5668", "5669", "5866-6000", "6080", "6443", "8667", "9667"],
    destinations: WEB_DOMAINS, purpose: "RTC Web SDK", provenance: seedCite(SEED_FW, RTC_WEB, "TCP") },
  { sdk: "rtc-web", protocol: "udp", ports: ["3478"], destinations: WEB_DOMAINS,
    purpose: "RTC Web SDK", provenance: seedCite(SEED_FW, RTC_WEB, "UDP") },
  { sdk: "rtc-web", protocol: "udp", ports: ["5866-6000"], destinations: WEB_DOMAINS, versions: { min: "2.9.0" },
    purpose: "RTC Web SDK 2.9.0 or later", provenance: seedCite(SEED_FW, RTC_WEB, "UDP (2.9.0 or later)") },
  { sdk: "rtc-web", protocol: "udp", ports: ["10000-65535"], destinations: WEB_DOMAINS, versions: { below: "2.9.0" },
    purpose: "RTC Web SDK before 2.9.0", provenance: seedCite(SEED_FW, RTC_WEB, "UDP (before 2.9.0)") },

  { sdk: "rtm-native", protocol: "tcp", ports: ["9130", "9131"], destinations: RTM_NATIVE_DOMAINS,
    purpose: "RTM Native SDK", provenance: seedCite(SEED_FW, RTM_NATIVE, "TCP") },
  { sdk: "rtm-native", protocol: "udp", ports: ["8000", "1080", "25000"], destinations: RTM_NATIVE_DOMAINS,
    purpose: "RTM Native SDK", provenance: seedCite(SEED_FW, RTM_NATIVE, "UDP") },

  { sdk: "rtm-web", protocol: "tcp", ports: ["443", "9591", "9593"], destinations: RTM_WEB_DOMAINS,
    purpose: "RTM Web SDK", provenance: seedCite(SEED_FW, RTM_WEB, "TCP") },

  { sdk: "recording", protocol: "tcp", ports: ["1080", "8000", "9700", "25000", "30000"], destinations: NATIVE_DOMAINS,
    purpose: "On-premise Recording SDK", provenance: seedCite(SEED_FW, RECORDING, "TCP") },
  // "Duplex ports …; local ports 4000 to 4030": the duplex ports are the remote ports, reached
  // from the recording process's local ports 4000-4030.
  { sdk: "recording", protocol: "udp", ports: ["1080", "7000", "8000", "8913", "9700", "25000"], sourcePorts: ["4000-4030"],
    destinations: NATIVE_DOMAINS, purpose: "On-premise Recording SDK duplex ports from local ports 4000-4030",
    provenance: seedCite(SEED_FW, RECORDING, "UDP") },

  { sdk: "gaming", protocol: "tcp", ports: ["1080", "8000"], destinations: GAMING_DOMAINS,
    purpose: "Gaming SDK", provenance: seedCite(SEED_FW, GAMING, "TCP") },
  { sdk: "gaming", protocol: "udp", ports: ["1080", "4000-4030", "8000", "9700", "25000"], destinations: GAMING_DOMAINS,
    purpose: "Gaming SDK", provenance: seedCite(SEED_FW, GAMING, "UDP") },
];

// Web cloud-proxy test endpoints as the page stood when the seed was written (May 2020):
// agora-facts.md 2.13, 2.14 (148.153.66.218, replaced only in Oct 2020), 2.16, 2.17.
// 164.52.87.25 (2.15) was added on 2020-06-12, after this edition, and is left out.
const WEB_MEDIA_IPS = ["23.236.115.138", "148.153.66.218"];
const WEB_TABLE = "Test IP addresses and ports";
const webTestTable: EndpointRow[] = [
  { protocol: "tcp", addresses: WEB_MEDIA_IPS, ports: ["443", "4000", "3433-3460"], purpose: "Message data and media",
    provenance: seedCite(WEB_CP, WEB_TABLE, "TCP 443, 4000, 3433-3460", "[EXT:S3] 2.13, 2.14") },
  { protocol: "tcp", addresses: EDGE_IPS, ports: ["443"], purpose: "Edge node communication",
    provenance: seedCite(WEB_CP, WEB_TABLE, "TCP 443", "[EXT:S3] 2.16") },
  { protocol: "udp", addresses: WEB_MEDIA_IPS, ports: ["3478-3500"], purpose: "Media",
    provenance: seedCite(WEB_CP, WEB_TABLE, "UDP 3478-3500", "[EXT:S3] 2.17") },
];

export const edition: Edition = {
  id: "2020-05",
  description: "Seed edition: Firewall Requirements (2020-05-25) and Use Cloud Proxy for the Native SDK (2020-10-26)",
  documents: [SEED_FW, SEED_CP, WEB_CP, REC_CP],
  sdks: [
    { id: "rtc-native", name: "Agora RTC SDK — Native SDK", versioned: false, directNote: withdrawn("asks for the cloud proxy", "7.3") },
    {
      id: "rtc-web", name: "Agora RTC SDK — Web SDK", versioned: true,
      unversionedNote: "no version given, so the rules are those of Web SDK 2.9.0 or later (UDP 5866-6000).",
    },
    { id: "rtm-native", name: "Agora RTM SDK — Native SDK", versioned: false },
    { id: "rtm-web", name: "Agora RTM SDK — Web SDK", versioned: false },
    { id: "recording", name: "Agora On-premise Recording SDK", versioned: false, directNote: withdrawn("asks for the cloud proxy", "3.8") },
    { id: "gaming", name: "Agora Gaming SDK", versioned: false, directNote: withdrawn("lists no cloud proxy for it", "4a") },
  ],
  direct,
  // The reading, stated once here (README "Recording's simplex downstream ports" repeats it).
  recordingSimplex: recordingSimplex(
    "Simplex downstream means one way, from Agora to the recording process: media arrives on the process's local UDP ports "
      + "lowUdpPort-highUdpPort. The seed does not say the process sends from those ports first, so a stateful firewall cannot be "
      + "relied on to pass the media as replies: the ports are read as inbound UDP to the workload. The seed names no sender: with "
      + "direct access the remote side is any address unless recordingPorts.sources lists Agora's; through the cloud proxy it is the "
      + "proxy endpoints.",
  ),
  cloudProxy: [
    SEED_NATIVE_CLOUD_PROXY,
    {
      sdk: "rtc-web",
      minVersion: "2.5.1",
      support: seedCite(WEB_CP, "Supported versions", "Web SDK v2.5.1 or later", "[EXT:S3] 2.1"),
      testEndpoints: webTestTable,
      testProxyServers: [],
      settings: {
        ...WEB_PROXY_CALLS,
        table: "Enable the cloud proxy",
        row: "startProxyServer",
        citation: "[EXT:S3] 2.2",
      },
    },
    {
      sdk: "recording",
      minVersion: "3.0.0",
      support: seedCite(REC_CP, "Supported versions", "On-premise Recording SDK v3.0.0 or later", "[EXT:S4] 3.1"),
      // "Identical to the native table" (agora-facts.md 3.3).
      testEndpoints: nativeTestTable((row) => seedCite(REC_CP, "Test IP addresses and ports", row, "[EXT:S4] 3.3")),
      testProxyServers: EDGE_IPS,
      settings: {
        ...RECORDING_PROXY_CONFIG,
        table: "Enable the cloud proxy",
        row: "RecordingConfig",
        citation: "[EXT:S4] 3.4",
      },
    },
  ],
};
