/**
 * The selections the engine conformance suite renders and runs through Suricata. Production
 * endpoints use documentation addresses (RFC 5737: 203.0.113.0/24, 198.51.100.0/24).
 */
import { SelectionInput } from "../../src/resolve";
import { NetworkFirewallOptions } from "../../src/renderers/aws";

export interface EngineScenario {
  readonly name: string;
  readonly selection: SelectionInput;
  /** Network Firewall options besides HOME_NET (which the suite sets to the workloads' CIDR). */
  readonly options?: NetworkFirewallOptions;
}

export const PRODUCTION_PROXY = {
  endpoints: [
    { protocol: "udp" as const, addresses: ["203.0.113.10", "203.0.113.11", "198.51.100.16/29"], ports: ["4500-4650"], purpose: "Media data exchange" },
    { protocol: "tcp" as const, addresses: ["203.0.113.10", "203.0.113.11"], ports: ["443", "4000"], purpose: "Message data transmission" },
    { protocol: "tcp" as const, addresses: ["198.51.100.40"], ports: ["1080", "8000", "9700", "25000"], purpose: "Edge node communication" },
    { protocol: "udp" as const, addresses: ["198.51.100.40"], ports: ["1080", "8000", "9700", "25000"], purpose: "Edge node communication" },
  ],
  proxyServers: ["198.51.100.40"],
};

const direct = (sdk: string): EngineScenario => ({ name: `${sdk} direct`, selection: { edition: "2020-05", sdks: [sdk] } });

export const ENGINE_SCENARIOS: readonly EngineScenario[] = [
  direct("rtc-native"),
  direct("rtc-web"),
  direct("rtm-native"),
  direct("rtm-web"),
  direct("recording"),
  direct("gaming"),
  { name: "all six SDKs direct", selection: { edition: "2020-05", sdks: ["rtc-native", "rtc-web", "rtm-native", "rtm-web", "recording", "gaming"] } },
  { name: "rtc-native + recording via the cloud proxy (test endpoints)", selection: { edition: "2020-05", sdks: ["rtc-native", "recording"], access: "cloud-proxy" } },
  {
    name: "rtc-native + recording via the cloud proxy (production endpoints)",
    selection: { edition: "2020-05", sdks: ["rtc-native", "recording"], access: "cloud-proxy", environment: "production", productionProxy: PRODUCTION_PROXY },
  },
  { name: "overlapping ports: rtc-native + gaming + rtm-native", selection: { edition: "2020-05", sdks: ["rtc-native", "gaming", "rtm-native"] } },
  {
    name: "all six SDKs direct, DNS guard (VPC 10.0.0.0/16)",
    selection: { edition: "2020-05", sdks: ["rtc-native", "rtc-web", "rtm-native", "rtm-web", "recording", "gaming"] },
    options: { dnsGuard: true, vpcCidrs: ["10.0.0.0/16"] },
  },
  // Edition 2026-02 (current): the allowed IP list per mode and region, Signaling's stream channel to any address, Whiteboard, Chat, domainLimit.
  { name: "2026-02 Native Force UDP, all regions", selection: { edition: "2026-02", sdks: ["rtc-native"], access: "cloud-proxy", proxyMode: "force-udp" } },
  { name: "2026-02 Native Force TCP, Europe and Japan", selection: { edition: "2026-02", sdks: ["rtc-native"], access: "cloud-proxy", proxyMode: "force-tcp", regions: ["europe", "japan"] } },
  { name: "2026-02 Web and Signaling Web cloud proxy, Asia", selection: { edition: "2026-02", sdks: ["rtc-web", "rtm-web"], access: "cloud-proxy", regions: ["asia"] } },
  { name: "2026-02 direct: Web, Signaling, Whiteboard, Chat", selection: { edition: "2026-02", sdks: ["rtc-web", "rtm-web", "rtm-native", "whiteboard", "chat"] } },
  { name: "2026-02 Native domainLimit", selection: { edition: "2026-02", sdks: ["rtc-native"], domainLimit: true } },
];
