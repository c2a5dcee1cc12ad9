import { SDK_IDS } from "../src/catalog";
import { EndpointInput, SelectionInput } from "../src/resolve";
import { AwsPlanOptions } from "../src/renderers/aws";
import { AzurePlanOptions } from "../src/renderers/azure";

/** One standard selection the benchmarks compare: a name for the tables and the resolver input. */
export interface Scenario {
  readonly id: string;
  readonly title: string;
  readonly selection: SelectionInput;
}

/** The cloud-proxy SDKs of the standard proxy scenarios (Native + On-premise Recording). */
export const PROXY_SDKS = ["rtc-native", "recording"];

/**
 * Production endpoint addresses as Agora hands them out: scattered single addresses, never
 * two CIDR siblings (odd host numbers), from the documentation ranges (RFC 5737).
 */
export function scatteredAddresses(count: number): string[] {
  const ranges = ["203.0.113", "198.51.100", "192.0.2"];
  const all = ranges.flatMap((r) => Array.from({ length: 127 }, (_, i) => `${r}.${2 * i + 1}`));
  if (count > all.length) throw new Error(`at most ${all.length} scattered documentation addresses`);
  return all.slice(0, count);
}

/** `count` consecutive addresses from 203.0.113.0 on: the case where CIDR aggregation pays. */
export function contiguousAddresses(count: number): string[] {
  if (count > 256) throw new Error("at most 256 contiguous documentation addresses");
  return Array.from({ length: count }, (_, i) => `203.0.113.${i}`);
}

/**
 * A production endpoint table shaped like Agora's test table (Use Cloud Proxy, step 4): a fifth
 * of the addresses (at least 2) carry messages (TCP 4000, UDP 4500-4650), the rest are edge
 * nodes (TCP and UDP 1080, 8000, 25000, 9700).
 */
export function productionEndpoints(addresses: readonly string[]): EndpointInput[] {
  const message = Math.max(2, Math.round(addresses.length / 5));
  const messageIps = addresses.slice(0, message);
  const edgeIps = addresses.slice(message);
  const edgePorts = ["1080", "8000", "25000", "9700"];
  return [
    { protocol: "tcp", addresses: messageIps, ports: ["4000"], purpose: "Message data transmission" },
    { protocol: "tcp", addresses: edgeIps, ports: edgePorts, purpose: "Edge node communication" },
    { protocol: "udp", addresses: messageIps, ports: ["4500-4650"], purpose: "Media data exchange" },
    { protocol: "udp", addresses: edgeIps, ports: edgePorts, purpose: "Edge node communication" },
  ];
}

/** The edition of the seed scenarios: pinned, so the tables keep their meaning as editions are added. */
export const SEED_EDITION = "2020-05";
/** The current edition, for its own scenarios. */
export const CURRENT_EDITION = "2026-02";

export function production(addresses: readonly string[], sdks: readonly string[] = PROXY_SDKS): SelectionInput {
  return { edition: SEED_EDITION, sdks: [...sdks], access: "cloud-proxy", environment: "production", productionProxy: { endpoints: productionEndpoints(addresses) } };
}

export const allDirect = (sdks: readonly string[] = SDK_IDS): SelectionInput => ({ edition: SEED_EDITION, sdks: [...sdks], access: "direct" });
export const proxyTest = (sdks: readonly string[] = PROXY_SDKS): SelectionInput => ({ edition: SEED_EDITION, sdks: [...sdks], access: "cloud-proxy", environment: "test" });

/** Edition 2026-02: the published allowed IP list for a proxy mode, every region (Agora's advice when the region is unknown). */
export const currentProxy = (proxyMode: "force-udp" | "force-tcp", sdks: readonly string[] = ["rtc-native"], regions?: readonly string[]): SelectionInput =>
  ({ edition: CURRENT_EDITION, sdks: [...sdks], access: "cloud-proxy", proxyMode, ...(regions ? { regions: [...regions] } : {}) });
/** Edition 2026-02, direct: every SDK that still has a whitelist (Web, Signaling Native and Web, Whiteboard, Chat). */
export const CURRENT_DIRECT_SDKS = ["rtc-web", "rtm-native", "rtm-web", "whiteboard", "chat"];
export const currentDirect = (sdks: readonly string[] = CURRENT_DIRECT_SDKS): SelectionInput => ({ edition: CURRENT_EDITION, sdks: [...sdks], access: "direct" });

export const SCENARIOS: readonly Scenario[] = [
  { id: "direct-all", title: "All six SDKs, direct", selection: allDirect() },
  { id: "proxy-test", title: "Native + Recording via cloud proxy (test)", selection: proxyTest() },
  { id: "prod-10", title: "Production, 10 endpoint addresses", selection: production(scatteredAddresses(10)) },
  { id: "prod-40", title: "Production, 40 endpoint addresses", selection: production(scatteredAddresses(40)) },
  { id: "prod-200", title: "Production, 200 endpoint addresses", selection: production(scatteredAddresses(200)) },
  { id: "prod-200-contiguous", title: "Production, 200 contiguous addresses (sensitivity)", selection: production(contiguousAddresses(200)) },
  { id: "2026-direct", title: "2026-02: Web, Signaling, Whiteboard, Chat, direct", selection: currentDirect() },
  { id: "2026-force-udp", title: "2026-02: Native Force UDP, all regions", selection: currentProxy("force-udp") },
  { id: "2026-force-tcp", title: "2026-02: Native Force TCP, all regions", selection: currentProxy("force-tcp") },
  { id: "2026-web", title: "2026-02: Web + Signaling Web cloud proxy, all regions", selection: currentProxy("force-udp", ["rtc-web", "rtm-web"]) },
];

export const BENCH_VPC = "vpc-0bench0000000001";
export const BENCH_VNET = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-bench/providers/Microsoft.Network/virtualNetworks/vnet-bench";

/** Every AWS target, in one VPC: what `AwsAgoraEgress` deploys with all three settings given. */
export const AWS_OPTIONS: AwsPlanOptions = {
  securityGroups: { vpcId: BENCH_VPC },
  networkFirewall: {},
  dnsFirewall: { vpcIds: [BENCH_VPC], blockOthers: true },
};

/** Every Azure target with its defaults, in one resource group and one linked VNet. */
export const AZURE_OPTIONS: AzurePlanOptions = {
  resourceGroupName: "rg-bench",
  location: "westeurope",
  nsg: {},
  firewallPolicy: {},
  dnsSecurityPolicy: { virtualNetworkIds: [BENCH_VNET] },
};
