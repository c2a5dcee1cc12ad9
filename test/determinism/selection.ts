/**
 * One rich selection (direct and proxied SDKs, production endpoints, proxy servers, custom
 * rules with source ports and ingress) with options for every AWS target and Azure control,
 * and seeded shuffles of every list in it. Used in-process and by print-plans.ts in child
 * processes, so both sides build the plans the same way.
 */
import { SelectionInput, resolve } from "../../src/resolve";
import { AwsPlanOptions, renderAwsPlan } from "../../src/renderers/aws";
import { AzurePlanOptions, renderAzurePlan } from "../../src/renderers/azure";
import { seededRandom as random, shuffle } from "../support/seeded-shuffle";

export const SELECTION = {
  edition: "2020-05",
  sdks: ["rtc-native", "rtc-web@2.8.0", "recording", "rtm-native", "rtm-web", "gaming"],
  access: "cloud-proxy" as const,
  environment: "production" as const,
  proxyType: 2 as const,
  // The SDKs without a cloud proxy reach Agora directly only because they are named here.
  directSdks: ["rtm-native", "rtm-web", "gaming"],
  productionProxy: {
    endpoints: [
      { protocol: "udp" as const, addresses: ["203.0.113.10", "203.0.113.11", "198.51.100.16/29", "203.0.113.64/27"], ports: ["4500-4650", "3478-3500"], purpose: "Media" },
      { protocol: "tcp" as const, addresses: ["203.0.113.10", "203.0.113.11"], ports: ["443", "4000", "3433-3460"], purpose: "Message" },
      { protocol: "tcp" as const, addresses: ["198.51.100.40", "198.51.100.41", "198.51.100.42"], ports: ["1080", "8000", "9700", "25000"], purpose: "Edge", sdks: ["rtc-native", "recording"] },
      { protocol: "udp" as const, addresses: ["198.51.100.40", "198.51.100.41", "198.51.100.42"], ports: ["1080", "8000", "9700", "25000"], purpose: "Edge" },
    ],
    proxyServers: ["198.51.100.40", "198.51.100.41", "198.51.100.42"],
  },
  customRules: [
    { protocol: "tcp" as const, ports: ["443", "8443", "9000-9010"], destinations: ["api.example.com", ".example.org", "192.0.2.0/28"] },
    { protocol: "udp" as const, ports: ["5000-5010", "6000"], destinations: [".media.example.net", "192.0.2.128/25"], sourcePorts: ["7000-7010", "7100"] },
    { direction: "ingress" as const, protocol: "udp" as const, ports: ["45000-45100"], destinations: ["100.64.0.0/10", "192.0.2.200"], broad: true },
  ],
};

export const AWS_OPTIONS: AwsPlanOptions = {
  securityGroups: { vpcId: "vpc-0123456789abcdef0", ipv6: true, maxRulesPerGroup: 100, maxGroupsPerInterface: 10, proxyPrefixLists: true },
  networkFirewall: { homeNet: ["10.1.0.0/16", "10.0.0.0/16", "10.2.0.0/16"], createPolicy: true, tlsPorts: ["443", "8443"], httpPorts: ["80", "8080"], dnsGuard: true, vpcCidrs: ["10.0.0.0/16", "10.1.0.0/16"] },
  dnsFirewall: { vpcIds: ["vpc-0123456789abcdef0", "vpc-0fedcba9876543210"], blockOthers: true },
};

export const AZURE_OPTIONS: AzurePlanOptions = {
  resourceGroupName: "rg-agora-egress",
  nsg: {},
  firewallPolicy: { sourceAddresses: ["10.1.0.0/16", "10.0.0.0/16"] },
  dnsSecurityPolicy: {
    virtualNetworkIds: [
      "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-network/providers/Microsoft.Network/virtualNetworks/vnet-b",
      "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-network/providers/Microsoft.Network/virtualNetworks/vnet-a",
    ],
  },
};


/** The same selection and options with every list (and every list inside a list) in a seeded order. */
export function permuted(seed: number): { selection: SelectionInput; aws: AwsPlanOptions; azure: AzurePlanOptions } {
  const next = random(seed);
  const s = <T>(xs: readonly T[]) => shuffle(xs, next);
  const sg = AWS_OPTIONS.securityGroups!;
  const nfw = AWS_OPTIONS.networkFirewall!;
  const dns = AWS_OPTIONS.dnsFirewall!;
  return {
    selection: {
      ...SELECTION,
      sdks: s(SELECTION.sdks),
      directSdks: s(SELECTION.directSdks),
      productionProxy: {
        endpoints: s(SELECTION.productionProxy.endpoints).map((e) => ({ ...e, addresses: s(e.addresses), ports: s(e.ports), ...(e.sdks ? { sdks: s(e.sdks) } : {}) })),
        proxyServers: s(SELECTION.productionProxy.proxyServers),
      },
      customRules: s(SELECTION.customRules).map((c) => ({ ...c, ports: s(c.ports), destinations: s(c.destinations), ...(c.sourcePorts ? { sourcePorts: s(c.sourcePorts) } : {}) })),
    },
    aws: {
      securityGroups: sg,
      networkFirewall: { ...nfw, homeNet: s(nfw.homeNet!), tlsPorts: s(nfw.tlsPorts!), httpPorts: s(nfw.httpPorts!), vpcCidrs: s(nfw.vpcCidrs!) },
      dnsFirewall: { ...dns, vpcIds: s(dns.vpcIds!) },
    },
    // The controls' keys in a seeded order too: they choose the controls, the plan's order is fixed.
    azure: Object.fromEntries(s(Object.entries({
      ...AZURE_OPTIONS,
      firewallPolicy: { sourceAddresses: s(AZURE_OPTIONS.firewallPolicy!.sourceAddresses!) },
      dnsSecurityPolicy: { virtualNetworkIds: s(AZURE_OPTIONS.dnsSecurityPolicy!.virtualNetworkIds!) },
    }))),
  };
}

/** What must not depend on input order: both plans and the resolution's rules, settings and notes. */
export function planText(seed: number): string {
  const p = permuted(seed);
  const resolution = resolve(p.selection);
  return JSON.stringify({
    aws: renderAwsPlan(resolution, p.aws),
    azure: renderAzurePlan(resolution, p.azure),
    ruleSet: resolution.ruleSet,
    appSettings: resolution.appSettings,
    proxyDomains: resolution.proxyDomains,
    notes: resolution.notes,
  });
}
