/**
 * Hostile input corpus: injection attempts, invalid values, quota edges, duplicates, empty and
 * contradictory selections, fed to every entry point (CLI, resolver, stack config, renderers,
 * components). Each case either fails with a specific InputError naming the field, before any
 * resource exists, or renders safely; none crashes, none is dropped silently.
 */
import * as pulumi from "@pulumi/pulumi";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";
import { main } from "../../src/cli/main";
import { planners } from "../../src/cli/planners";
import { AwsAgoraEgress, AwsDnsFirewall, AwsNetworkFirewall, AwsSecurityGroups } from "../../src/components/aws";
import { AzureAgoraEgress, AzureDnsSecurityPolicy, AzureFirewallPolicyRules, AzureNsgRules } from "../../src/components/azure";
import { AccessMode, AgoraEnvironment, CloudProxyMode } from "../../src/args/selection-args";
import { InputError, allows } from "../../src/model";
import { SelectionInput, resolve } from "../../src/resolve";
import {
  AWS_LIMITS, DNS_ASSOCIATION_TYPE, EGRESS_RULE_TYPE, PREFIX_LIST_TYPE, RULE_GROUP_TYPE, SECURITY_GROUP_TYPE,
  renderAwsPlan, renderDnsFirewall, renderNetworkFirewallRules, renderSecurityGroupRules,
} from "../../src/renderers/aws";
import {
  DNS_DOMAIN_LIST_TYPE, DNS_LINK_TYPE, IP_GROUP_TYPE, SECURITY_RULE_TYPE, renderAzurePlan,
} from "../../src/renderers/azure";
import { readStackSelection, stackConfigFromValues } from "../../src/stack";
import { loadRules } from "../engine/suricata";
import { AWS_ALL, expectSafeRendering, expectUniqueNames, rulesOf } from "./safe-rendering";
import { settle, usePulumiMocks } from "../support/pulumi-mocks";

type Surface = "cli" | "resolver" | "stack" | "renderer" | "component";

/** A specific error: the field it must name, and what it must say. */
interface Refusal { field: string; problem: RegExp }

interface HostileCase {
  surface: Surface;
  name: string;
  /** Runs the entry point; CLI cases return the run's result, the others throw or return what they built. */
  run: () => unknown;
  refusal?: Refusal;
  /** For inputs that are allowed: what "rendered safely" means for this one. */
  safe?: { what: string; check: (result: any) => void | Promise<void> };
}

// ---- fixtures -------------------------------------------------------------------------

const DIR = mkdtempSync(join(tmpdir(), "agora-hostile-"));
function file(name: string, content: unknown): string {
  const path = join(DIR, name);
  mkdirSync(DIR, { recursive: true });
  writeFileSync(path, typeof content === "string" ? content : stringify(content));
  return name;
}
const stackFile = (stack: string, values: Record<string, unknown>) =>
  file(`Pulumi.${stack}.yaml`, { config: Object.fromEntries(Object.entries(values).map(([k, v]) => [`agora-egress:${k}`, v])) });

const INJECT = '"; pass ip any any -> any any (sid:1;)';
const NATIVE_2026 = { edition: "2026-02", sdks: ["rtc-native"], access: "cloud-proxy", proxyMode: "force-udp" } as const;
const custom = (destinations: string[], extra: Record<string, unknown> = {}): SelectionInput =>
  ({ customRules: [{ protocol: "tcp", ports: ["443"], destinations, ...extra }] }) as SelectionInput;
const customPorts = (ports: unknown[]): SelectionInput => ({ customRules: [{ protocol: "tcp", ports, destinations: ["203.0.113.5"] }] }) as SelectionInput;
const production = (endpoints: unknown[], extra: Record<string, unknown> = {}): SelectionInput =>
  ({ edition: "2020-05", sdks: ["rtc-native"], access: "cloud-proxy", environment: "production", productionProxy: { endpoints, ...extra } }) as SelectionInput;
const endpoint = (addresses: string[], purpose?: string) => ({ protocol: "udp", addresses, ports: ["4500-4650"], ...(purpose ? { purpose } : {}) });
/** `n` distinct addresses in 100.64.0.0/10. */
const addresses = (n: number) => Array.from({ length: n }, (_, i) => `100.${64 + Math.floor(i / 60000)}.${Math.floor(i / 250) % 240}.${(i % 250) + 1}`);
/** `n` distinct addresses that never merge into a wider CIDR (every other address). */
const sparseAddresses = (n: number) => Array.from({ length: n }, (_, i) => `100.64.${Math.floor(i / 128)}.${(i % 128) * 2 + 1}`);
/** `n` exact names. */
const names = (n: number) => Array.from({ length: n }, (_, i) => `h${i}.example.com`);
/** `n` TCP ports that never merge into ranges. */
const disjointPorts = (n: number) => Array.from({ length: n }, (_, i) => String(1000 + 2 * i));
const byType = (plan: { resources: readonly { type: string }[] }, type: string) => plan.resources.filter((r) => r.type === type) as any[];
const rtcNative = resolve({ edition: "2020-05", sdks: ["rtc-native"] });

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { cwd: DIR, planners, stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } });
  return { code, stdout, stderr };
}

const mocks = usePulumiMocks({ stack: "hostile" });

// ---- cases ----------------------------------------------------------------------------

const R = (name: string, selection: unknown, field: string, problem: RegExp): HostileCase =>
  ({ surface: "resolver", name, run: () => resolve(selection as SelectionInput), refusal: { field, problem } });
const DEST = "customRules[0].destinations[0]";
const PORT = "customRules[0].ports[0]";

const resolverCases: HostileCase[] = [
  // Edition 2026-02's inputs: edition, proxy mode, regions, domainLimit, withdrawn routes.
  R("unknown region", { ...NATIVE_2026, regions: ["mars"] }, "regions[0]", /^unknown region "mars" \(known: north-america, europe, asia, japan, india, mainland-china\)$/),
  R("region with an injected rule", { ...NATIVE_2026, regions: [`europe${INJECT}`] }, "regions[0]", /^unknown region "europe\\"; pass ip/),
  R("region in another case", { ...NATIVE_2026, regions: ["Europe"] }, "regions[0]", /unknown region "Europe"/),
  R("region listed twice", { ...NATIVE_2026, regions: ["europe", "europe"] }, "regions[1]", /^"europe" is listed twice$/),
  R("empty region list", { ...NATIVE_2026, regions: [] }, "regions", /list at least one region, or leave regions out for all/),
  R("proxy mode that does not exist", { ...NATIVE_2026, proxyMode: "force-quic" }, "proxyMode", /expected a proxy mode: force-udp or force-tcp/),
  R("proxy mode in the seed edition", { edition: "2020-05", sdks: ["rtc-native"], access: "cloud-proxy", proxyMode: "force-udp" }, "proxyMode", /^edition 2020-05 has no cloud-proxy modes/),
  R("regions with direct access", { edition: "2026-02", sdks: ["rtc-web"], regions: ["europe"] }, "regions", /are only used with access: cloud-proxy/),
  R("Native cloud proxy without a mode", { edition: "2026-02", sdks: ["rtc-native"], access: "cloud-proxy" }, "proxyMode", /two modes with different allowed IP lists/),
  R("withdrawn route: Native direct in 2026-02", { edition: "2026-02", sdks: ["rtc-native"] }, "sdks[0]", /^rtc-native has no direct access \(firewall whitelist\) in edition 2026-02: .*Agora offers the cloud proxy/),
  R("never-had route: Gaming through the cloud proxy", { edition: "2026-02", sdks: ["gaming"], access: "cloud-proxy" }, "sdks[0]", /Agora offers no firewall route for the Gaming SDK/),
  R("withdrawn route: Recording direct in 2020-11", { edition: "2020-11", sdks: ["recording"] }, "sdks[0]", /withdrew the On-premise Recording SDK's domain whitelist/),
  R("domainLimit without rtc-native", { edition: "2026-02", sdks: ["rtc-web"], domainLimit: true }, "domainLimit", /^is set but rtc-native is not selected$/),
  R("domainLimit as a string", { edition: "2026-02", sdks: ["rtc-native"], domainLimit: "yes" }, "domainLimit", /expected boolean/),
  R("domainLimit below 4.2.0", { edition: "2026-02", sdks: ["rtc-native@4.1.9"], domainLimit: true }, "sdks[0]", /has no domainLimit option \(from 4\.2\.0\)/),
  R("a 2026-02 SDK in the seed edition", { edition: "2020-05", sdks: ["whiteboard"] }, "sdks[0]", /^unknown SDK "whiteboard" \(known: rtc-native/),
  R("edition with a trailing space", { sdks: ["rtc-web"], edition: "2026-02 " }, "edition", /unknown catalogue edition "2026-02 "/),
  R("proxy servers with the 2026-02 cloud proxy", { ...NATIVE_2026, environment: "production", productionProxy: { endpoints: [endpoint(["203.0.113.10"])], proxyServers: ["203.0.113.10"] } },
    "productionProxy.proxyServers", /^are the servers for proxy_type 2, which edition 2026-02's cloud proxy does not have/),
  R("proxy_type with the 2026-02 cloud proxy", { ...NATIVE_2026, proxyType: 2 }, "proxyType", /^edition 2026-02's cloud proxy has no proxy_type \(it has proxy modes\): leave proxyType out and set proxyMode$/),
  R("destination closing the content string and adding a rule", custom([`agora.io${INJECT}`]), DEST, /contains spaces, control or non-ASCII characters/),
  R("destination with ;sid:", custom(["agora.io;sid:1"]), DEST, /has an invalid label "io;sid:1"/),
  R("destination with a newline and a second rule", custom(["agora.io\npass tcp any any -> any any (sid:2;)"]), DEST, /contains spaces, control or non-ASCII/),
  R("destination with a double quote", custom(['qos"agoralab.co']), DEST, /invalid label "qos\\"agoralab"/),
  R("destination with a backslash", custom(["agora\\.io"]), DEST, /invalid label "agora\\\\"/),
  R("Cyrillic look-alike of agora.io", custom(["\u0430gora.io"]), DEST, /non-ASCII characters \(write internationalised names as xn-- punycode\)/),
  R("fullwidth dot in agora.io", custom(["agora\uff0eio"]), DEST, /non-ASCII/),
  R("zero-width space inside a name", custom(["agora\u200b.io"]), DEST, /non-ASCII/),
  R("label of 64 characters", custom([`${"a".repeat(64)}.agora.io`]), DEST, /has a label longer than 63 characters/),
  R("name of 254 characters", custom([`${"a.".repeat(125)}agora.io`]), DEST, /is longer than 253 characters/),
  R("wildcard name", custom(["*.agora.io"]), DEST, /has a wildcard: write "\.example\.com"/),
  R("empty label after the subtree dot", custom(["..agora.io"]), DEST, /has an empty label/),
  R("label starting with a hyphen", custom(["-agora.io"]), DEST, /invalid label "-agora"/),
  R("numeric top-level label", custom(["agora.123"]), DEST, /looks like an IP address, not a domain name/),
  R("hex-looking address", custom(["0x7f.0.0.1"]), DEST, /looks like an IP address/),
  R("single-label name", custom(["agora"]), DEST, /is not a fully qualified domain name/),
  R("address with an octet above 255", custom(["999.1.1.1"]), DEST, /is not an IPv4 address or CIDR/),
  R("address with a leading zero (octal)", custom(["010.1.1.1"]), DEST, /is not an IPv4 address or CIDR/),
  R("CIDR with prefix 33", custom(["10.0.0.0/33"]), DEST, /has an invalid prefix length/),
  R("IPv6 network", custom(["2001:db8::/32"]), DEST, /is IPv6; this catalogue and its targets use IPv4 addresses/),
  R("port 0", customPorts(["0"]), PORT, /port 0 is outside 1-65535/),
  R("port 65536", customPorts([65536]), PORT, /port 65536 is outside 1-65535/),
  R("open-ended range 80-", customPorts(["80-"]), PORT, /"80-" is not a port or port range/),
  R("port in exponent notation", customPorts(["1e3"]), PORT, /is not a port or port range/),
  R("fractional port", customPorts([443.5]), PORT, /"443\.5" is not a port or port range/),
  R("reversed range", customPorts(["5000-4000"]), PORT, /range "5000-4000" is reversed \(write 4000-5000\)/),
  R("port with ;sid:", customPorts(["80;sid:1"]), PORT, /is not a port or port range/),
  R("empty source-port list", custom(["203.0.113.5"], { sourcePorts: [] }), "customRules[0].sourcePorts", />=1 items/),
  R("purpose of 201 characters", custom(["203.0.113.5"], { purpose: "x".repeat(201) }), "customRules[0].purpose", /<=200 characters/),
  R("SDK id with an injected quote", { edition: "2020-05", sdks: ['rtc-native"; drop'] }, "sdks[0]", /unknown SDK "rtc-native\\"; drop"/),
  R("SDK id in a look-alike script", { edition: "2020-05", sdks: ["rtc-n\u0430tive"] }, "sdks[0]", /unknown SDK/),
  R("edition as a path", { sdks: ["rtc-native"], edition: "../../etc/passwd" }, "edition", /unknown catalogue edition "\.\.\/\.\.\/etc\/passwd"/),
  R("empty selection", {}, "sdks", /select at least one SDK/),
  R("production without endpoints", { edition: "2020-05", sdks: ["rtc-native"], access: "cloud-proxy", environment: "production" }, "productionProxy", /needs the production cloud-proxy endpoints/),
  R("production with an empty endpoint list", production([]), "productionProxy.endpoints", /list at least one production endpoint/),
  R("test endpoint given as production", production([endpoint(["203.0.113.10", "47.74.211.17"])]), "productionProxy.endpoints[0].addresses[1]", /47\.74\.211\.17 is one of Agora's published test endpoints/),
  R("test endpoint given as production, CIDR form", production([endpoint(["120.92.118.34/32"])]), "productionProxy.endpoints[0].addresses[0]", /is one of Agora's published test endpoints/),
  R("endpoint address with a second address after ;", production([endpoint(["203.0.113.5; 10.0.0.0/8"])]), "productionProxy.endpoints[0].addresses[0]", /is not an IPv4 address or CIDR/),
];

const S = (name: string, what: string, run: () => unknown, check: (r: any) => void | Promise<void>): HostileCase => ({ surface: "renderer", name, run, safe: { what, check } });
const planOf = (selection: SelectionInput) => renderAwsPlan(resolve(selection), AWS_ALL);

const safeCases: HostileCase[] = [
  S("purpose closing a Suricata option and adding a rule", "every field stays in its character set; Suricata loads the same rules",
    () => resolve(custom(["api.example.com", "203.0.113.5"], { purpose: `${INJECT}\nalert ip any any -> any any (sid:3;)` })),
    (r) => {
      const { aws } = expectSafeRendering(r);
      expect(rulesOf(aws)).toEqual(rulesOf(renderAwsPlan(resolve(custom(["api.example.com", "203.0.113.5"])), AWS_ALL)));
    }),
  S("production endpoint purpose with ;sid: and quotes", "sanitised into the descriptions, nowhere else",
    () => resolve(production([endpoint(["203.0.113.10"], 'Media";sid:1;\u0000 & [x]')])),
    (r) => {
      const { aws } = expectSafeRendering(r);
      expect(byType(aws, EGRESS_RULE_TYPE).map((x) => x.inputs.description).join(" ")).toContain("Cloud proxy: Media ;sid:1; and x");
    }),
  S("upper case and a trailing dot", "the same plan as the canonical name",
    () => planOf(custom(["AGORA.EXAMPLE.COM."])), (p) => expect(p).toEqual(planOf(custom(["agora.example.com"])))),
  S("the same SDK twice", "the same plan as once", () => planOf({ edition: "2020-05", sdks: ["rtc-native", "rtc-native"] }), (p) => expect(p).toEqual(planOf({ edition: "2020-05", sdks: ["rtc-native"] }))),
  S("the same custom rule twice", "merged: the same plan as once, no duplicate names",
    () => planOf({ customRules: [custom(["203.0.113.5"]).customRules![0], custom(["203.0.113.5"]).customRules![0]] }),
    (p) => { expectUniqueNames(p); expect(p).toEqual(planOf(custom(["203.0.113.5"]))); }),
  S("overlapping port ranges 4000-4030 and 4010-4040", "merged into one security group rule 4000-4040",
    () => planOf(customPorts(["4000-4030", "4010-4040"])),
    (p) => { expectUniqueNames(p); expect(byType(p, EGRESS_RULE_TYPE).map((r) => [r.inputs.fromPort, r.inputs.toPort])).toEqual([[4000, 4040]]); }),
  S("a network and an address inside it", "one rule for the network; the address still allowed",
    () => resolve(custom(["203.0.113.0/24", "203.0.113.5"])),
    (r) => {
      const p = renderAwsPlan(r, AWS_ALL);
      expectUniqueNames(p);
      expect(byType(p, EGRESS_RULE_TYPE).map((x) => x.inputs.cidrIpv4)).toEqual(["203.0.113.0/24"]);
      expect(allows(r.ruleSet, { protocol: "tcp", port: 443, destination: "203.0.113.5" })).toBe(true);
    }),
  S("an endpoint address repeated within and across rows", "merged, no duplicate resources",
    () => planOf(production([endpoint(["203.0.113.10", "203.0.113.10"]), endpoint(["203.0.113.10", "203.0.113.11"])])),
    (p) => { expectUniqueNames(p); expect(byType(p, EGRESS_RULE_TYPE).map((r) => r.inputs.cidrIpv4)).toEqual(["203.0.113.10/32", "203.0.113.11/32"]); }),
  S("duplicate proxy servers", "listed once in the app settings",
    () => resolve({ ...production([endpoint(["203.0.113.10"])], { proxyServers: ["203.0.113.77", "203.0.113.77"] }), proxyType: 2 }),
    (r) => expect(JSON.stringify(r.appSettings).match(/203\.0\.113\.77/g)).toHaveLength(1)),
  S("duplicate HOME_NET entries", "one definition each", () => renderNetworkFirewallRules(rtcNative, { homeNet: ["10.0.0.0/16", "10.0.0.0/16"] }),
    (p) => expect((p.resources[0].inputs.ruleGroup as any).ruleVariables.ipSets[0].ipSet.definitions).toEqual(["10.0.0.0/16"])),
  S("ports written with spaces", "read as the port", () => resolve(customPorts([" 443 ", " 8000 - 8010 "])),
    (r) => expect(r.ruleSet.rules[0].ports).toEqual([{ from: 443, to: 443 }, { from: 8000, to: 8010 }])),
  S("600 addresses on one port", "split over several Suricata rules under 8,192 characters, none dropped, all loaded",
    () => renderNetworkFirewallRules(resolve({ customRules: [{ protocol: "udp", ports: ["4500"], destinations: addresses(600) }] })),
    (p) => {
      const lines = rulesOf(p);
      expect(lines.length).toBeGreaterThan(1);
      for (const l of lines) expect(l.length).toBeLessThanOrEqual(AWS_LIMITS.suricataRuleLength);
      expect(lines.join("\n").match(/100\.\d+\.\d+\.\d+\/32/g)).toHaveLength(600);
      expect(loadRules(lines.join("\n")).ok).toBe(true);
    }),
];

const Q = (name: string, run: () => unknown, field: string, problem: RegExp): HostileCase => ({ surface: "renderer", name, run, refusal: { field, problem } });
const sgRules = (n: number) => resolve(customPorts(disjointPorts(n)));
const dnsPriority = (associationPriority: number) => () => renderDnsFirewall(rtcNative, { vpcIds: ["vpc-1"], associationPriority });
const nsgOptions = (nsg: object) => () => renderAzurePlan(rtcNative, { nsg });
/** `n` custom rules, each on a port and an address of its own: `n` NSG allow rules, `n` IP Groups. */
const nsgRules = (n: number) => resolve({ customRules: disjointPorts(n).map((port, i) => ({ protocol: "tcp", ports: [port], destinations: [sparseAddresses(n)[i]] })) } as SelectionInput);
const NSG_WIDE = { nsg: { firstPriority: 100, lastPriority: 4096 } };
const FIREWALL_ONLY = { firewallPolicy: {} };
const DNS_ONLY = { dnsSecurityPolicy: {} };
const vnets = (n: number) => Array.from({ length: n }, (_, i) => `/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet-${i}`);
const workloads = (n: number) => Array.from({ length: n }, (_, i) => `10.${Math.floor(i / 65536)}.${Math.floor(i / 256) % 256}.${i % 256}`);

const quotaCases: HostileCase[] = [
  S("security groups: exactly 60 rules", "one group, 60 of 60 used", () => renderSecurityGroupRules(sgRules(60), { vpcId: "vpc-1" }),
    (p) => { expect(byType(p, SECURITY_GROUP_TYPE)).toHaveLength(1); expect(p.quotas[0]).toMatchObject({ used: 60, limit: 60 }); }),
  S("security groups: 61 rules", "sharded into two groups, none over 60", () => renderSecurityGroupRules(sgRules(61), { vpcId: "vpc-1" }),
    (p) => {
      expect(byType(p, SECURITY_GROUP_TYPE)).toHaveLength(2);
      expect(byType(p, EGRESS_RULE_TYPE)).toHaveLength(61);
      for (const q of p.quotas) expect(q.used).toBeLessThanOrEqual(q.limit);
    }),
  Q("security groups: 61 rules, one group per interface", () => renderSecurityGroupRules(sgRules(61), { vpcId: "vpc-1", maxGroupsPerInterface: 1 }),
    "securityGroups.maxGroupsPerInterface", /need more than 1 security groups of 60 rules/),
  Q("security groups: 17 groups per interface", () => renderSecurityGroupRules(rtcNative, { vpcId: "vpc-1", maxGroupsPerInterface: 17 }),
    "securityGroups.maxGroupsPerInterface", /<=16/),
  Q("security groups: 63 rules × 16 groups", () => renderSecurityGroupRules(rtcNative, { vpcId: "vpc-1", maxRulesPerGroup: 63, maxGroupsPerInterface: 16 }),
    "securityGroups.maxRulesPerGroup", /63 rules × 16 groups per interface exceeds AWS's limit of 1000/),
  Q("prefix list smaller than its endpoints", () => renderSecurityGroupRules(resolve(production([endpoint(["203.0.113.10", "203.0.113.11"])])), { vpcId: "vpc-1", proxyPrefixLists: true, prefixListMaxEntries: 1 }),
    "securityGroups.prefixListMaxEntries", /1 is fewer than the 2 proxy endpoints/),
  Q("DNS Firewall association priority 100", dnsPriority(100), "dnsFirewall.associationPriority", />=101/),
  S("DNS Firewall association priority 101", "accepted as given", dnsPriority(101), (p) => expect(byType(p, DNS_ASSOCIATION_TYPE)[0].inputs.priority).toBe(101)),
  S("DNS Firewall association priority 8999", "accepted as given", dnsPriority(8999), (p) => expect(byType(p, DNS_ASSOCIATION_TYPE)[0].inputs.priority).toBe(8999)),
  Q("DNS Firewall association priority 9000", dnsPriority(9000), "dnsFirewall.associationPriority", /<=8999/),
  Q("DNS Firewall rule priority 0", () => renderDnsFirewall(rtcNative, { allowRulePriority: 0 }), "dnsFirewall.allowRulePriority", />=1/),
  Q("DNS Firewall block rule before the allow rule", () => renderDnsFirewall(rtcNative, { blockOthers: true, allowRulePriority: 200, blockRulePriority: 200 }),
    "dnsFirewall.blockRulePriority", /must be greater than allowRulePriority/),
  Q("DNS Firewall VPC listed twice", () => renderDnsFirewall(rtcNative, { vpcIds: ["vpc-1", "vpc-1"] }), "dnsFirewall.vpcIds", /lists a VPC twice/),
  S("DNS Firewall: exactly 1,000 domains", "accepted: one UpdateFirewallDomains request of 1000",
    () => renderDnsFirewall(resolve(custom(names(1000)))),
    (p) => {
      expect(p.resources[0].inputs.domains).toHaveLength(1000);
      expect(p.quotas.find((q: any) => q.quota === "domains per UpdateFirewallDomains request")).toMatchObject({ used: 1000, limit: 1000 });
    }),
  Q("DNS Firewall: 1,001 domains", () => renderDnsFirewall(resolve(custom(names(1001)))), "dnsFirewall",
    /^domains per UpdateFirewallDomains request \(dnsfw-agora-domains\) would be 1001 of 1000, a limit that cannot be raised; the provider sends the whole domain list in one request/),
  Q("DNS Firewall: 501 subtree domains (1,002 entries)", () => renderDnsFirewall(resolve(custom(names(501).map((n) => `.${n}`)))), "dnsFirewall",
    /would be 1002 of 1000.*an apex and its subdomains take 2 entries/),
  S("prefix list of exactly 1,000 endpoints", "one list of maxEntries 1000, referenced once, in one group of 1000 rules",
    () => renderSecurityGroupRules(resolve(production([endpoint(addresses(1000))])), { vpcId: "vpc-1", proxyPrefixLists: true, maxRulesPerGroup: 1000, maxGroupsPerInterface: 1 }),
    (p) => {
      expect(byType(p, PREFIX_LIST_TYPE).map((l) => [l.inputs.maxEntries, l.inputs.entries.length])).toEqual([[1000, 1000]]);
      expect(p.quotas.find((q: any) => q.quota === "maxEntries of one prefix list")).toMatchObject({ used: 1000, limit: 1000 });
    }),
  Q("prefix list of 1,001 endpoints", () => renderSecurityGroupRules(resolve(production([endpoint(addresses(1001))])), { vpcId: "vpc-1", proxyPrefixLists: true, maxRulesPerGroup: 1000, maxGroupsPerInterface: 1 }),
    "securityGroups.proxyPrefixLists", /^maxEntries of one prefix list \(sg-proxy-endpoints-[\w-]+\) would be 1001 of 1000, a limit that cannot be raised; .*filter these endpoints with Network Firewall/),
  S("Network Firewall capacity 30,000 (the maximum)", "accepted", () => renderNetworkFirewallRules(rtcNative, { capacity: 30000 }),
    (p) => expect(byType(p, RULE_GROUP_TYPE)[0].inputs.capacity).toBe(30000)),
  Q("Network Firewall capacity 30,001", () => renderNetworkFirewallRules(rtcNative, { capacity: 30001 }), "networkFirewall.capacity", /<=30000/),
  Q("Network Firewall capacity below the rule count", () => renderNetworkFirewallRules(resolve({ edition: "2020-05", sdks: ["rtc-web"] }), { capacity: 1 }), "networkFirewall.capacity", /7 Suricata rules do not fit a capacity of 1/),
  Q("Network Firewall rule group priority 0", () => renderNetworkFirewallRules(rtcNative, { createPolicy: true, ruleGroupPriority: 0 }), "networkFirewall.ruleGroupPriority", />=1/),
  Q("Network Firewall rule group priority 65536", () => renderNetworkFirewallRules(rtcNative, { createPolicy: true, ruleGroupPriority: 65536 }), "networkFirewall.ruleGroupPriority", /<=65535/),
  Q("Network Firewall: 2,000 separate ports on one rule", () => renderNetworkFirewallRules(sgRules(2000)), "networkFirewall", /a Suricata rule would be \d+ characters, more than the 8192 AWS allows/),
  Q("a port both TLS and HTTP", () => renderNetworkFirewallRules(rtcNative, { tlsPorts: ["443", "8443"], httpPorts: ["8443"] }), "networkFirewall.httpPorts", /both a TLS and an HTTP port/),
  Q("HOME_NET with an injected rule", () => renderNetworkFirewallRules(rtcNative, { homeNet: ["10.0.0.0/16] any -> any any (sid:1;) #"] }), "networkFirewall.homeNet[0]", /has an invalid prefix length/),
  Q("Azure NSG priority 99", nsgOptions({ firstPriority: 99 }), "azure.nsg.firstPriority", />=100/),
  Q("Azure NSG priority 4097", nsgOptions({ lastPriority: 4097 }), "azure.nsg.lastPriority", /<=4096/),
  Q("Azure NSG window reversed", nsgOptions({ firstPriority: 2000, lastPriority: 1000 }), "azure.nsg.firstPriority", /2000 is after lastPriority 1000/),
  S("Azure NSG: exactly 1,000 rules", "999 allow rules and the deny rule in one NSG", () => renderAzurePlan(nsgRules(999), NSG_WIDE),
    (p) => {
      expect(byType(p, SECURITY_RULE_TYPE)).toHaveLength(1000);
      expect(p.quotas.find((q: any) => q.quota === "security rules per NSG")).toMatchObject({ used: 1000, limit: 1000 });
    }),
  Q("Azure NSG: 1,001 rules", () => renderAzurePlan(nsgRules(1000), NSG_WIDE), "azure.nsg",
    /^security rules per NSG \(new NSG\) would be 1001 of 1000, a limit that cannot be raised; Azure allows no more rules in one NSG/),
  S("Azure NSG: exactly 4,000 address prefixes and port ranges", "3998 ports and an address in one rule, plus the deny rule's Internet tag",
    () => renderAzurePlan(resolve(customPorts(disjointPorts(3998))), { nsg: {} }),
    (p) => expect(p.quotas.find((q: any) => q.quota === "address prefixes and port ranges per NSG")).toMatchObject({ used: 4000, limit: 4000 })),
  Q("Azure NSG: 4,001 address prefixes and port ranges", () => renderAzurePlan(resolve(customPorts(disjointPorts(3999))), { nsg: {} }), "azure.nsg",
    /^address prefixes and port ranges per NSG \(new NSG\) would be 4001 of 4000, a limit that cannot be raised/),
  S("Azure IP Group of exactly 5,000 addresses", "one IP Group holding all of them", () => renderAzurePlan(resolve(production([endpoint(sparseAddresses(5000))])), FIREWALL_ONLY),
    (p) => expect(byType(p, IP_GROUP_TYPE).map((g) => g.inputs.ipAddresses.length)).toEqual([5000])),
  Q("Azure IP Group of 5,001 addresses", () => renderAzurePlan(resolve(production([endpoint(sparseAddresses(5001))])), FIREWALL_ONLY), "azure.firewallPolicy",
    /^addresses per IP Group \(largest\) \(new firewall policy\) would be 5001 of 5000, a limit that cannot be raised; write contiguous endpoint addresses as CIDR blocks$/),
  S("Azure Firewall Policy with exactly 200 IP Groups", "200 IP Groups, chained", () => renderAzurePlan(nsgRules(200), FIREWALL_ONLY),
    (p) => expect(byType(p, IP_GROUP_TYPE)).toHaveLength(200)),
  Q("Azure Firewall Policy with 201 IP Groups", () => renderAzurePlan(nsgRules(201), FIREWALL_ONLY), "azure.firewallPolicy",
    /^IP Groups per firewall policy \(this plan's\) \(new firewall policy\) would be 201 of 200, a limit that cannot be raised/),
  Q("Azure rule collection group over 2 MB", () => renderAzurePlan(rtcNative, { ...FIREWALL_ONLY, firewallPolicy: { sourceAddresses: workloads(70000) } }), "azure.firewallPolicy",
    /^rule collection group size \(bytes\) \(agora-egress\) would be \d{7} of 2097152, a limit that cannot be raised; .*sourceIpGroups/),
  S("Azure DNS domain list of exactly 1,000 names", "one inline list of 1000 entries", () => renderAzurePlan(resolve(custom(names(1000))), DNS_ONLY),
    (p) => expect(byType(p, DNS_DOMAIN_LIST_TYPE).map((l) => l.inputs.domains.length)).toEqual([1000, 1])),
  Q("Azure DNS domain list of 1,001 names", () => renderAzurePlan(resolve(custom(names(1001))), DNS_ONLY), "azure.dnsSecurityPolicy",
    /^domains per inline domain list \(dns-allow-list\) would be 1001 of 1000, a limit that cannot be raised; .*allow a parent domain/),
  S("Azure DNS security policy linked to exactly 500 networks", "500 links", () => renderAzurePlan(rtcNative, { ...DNS_ONLY, dnsSecurityPolicy: { virtualNetworkIds: vnets(500) } }),
    (p) => expect(byType(p, DNS_LINK_TYPE)).toHaveLength(500)),
  Q("Azure DNS security policy linked to 501 networks", () => renderAzurePlan(rtcNative, { ...DNS_ONLY, dnsSecurityPolicy: { virtualNetworkIds: vnets(501) } }),
    "azure.dnsSecurityPolicy.virtualNetworkIds", /^virtual network links per policy \(new DNS security policy\) would be 501 of 500, a limit that cannot be raised/),
  Q("Azure NSG window too small for the rules", () => renderAzurePlan(resolve({ edition: "2020-05", sdks: ["rtc-native", "rtc-web", "recording"] }), { nsg: { firstPriority: 100, lastPriority: 101 } }),
    "azure.nsg.lastPriority", /need \d+ priorities but 100-101 has only 2; widen the window/),
];

const K = (name: string, values: Record<string, unknown>, field: string, problem: RegExp): HostileCase =>
  ({ surface: "stack", name, run: () => stackConfigFromValues("hostile", "Pulumi.hostile.yaml", values), refusal: { field: `Pulumi.hostile.yaml: agora-egress:${field}`, problem } });
const KF = (name: string, stack: string, content: string, field: string, problem: RegExp): HostileCase =>
  ({ surface: "stack", name, run: () => { file(`Pulumi.${stack}.yaml`, content); return readStackSelection(DIR, stack); }, refusal: { field, problem } });

const stackCases: HostileCase[] = [
  K("regions as one string", { regions: "europe" }, "regions", /expected array, received string/),
  K("proxy mode with an underscore", { proxyMode: "force_udp" }, "proxyMode", /expected a proxy mode: force-udp or force-tcp/),
  K("domainLimit as a word", { domainLimit: "yes" }, "domainLimit", /expected boolean/),
  K("misspelt key", { sdk: ["rtc-native"] }, "sdk", /unknown key \(did you mean agora-egress:sdks\?/),
  K("sdks as one string", { edition: "2020-05", sdks: "rtc-native" }, "sdks", /expected array, received string/),
  K("proxy type 3", { proxyType: "3" }, "proxyType", /must be 1 \(domain\) or 2 \(IP list\)/),
  K("key without a value", { access: null }, "access", /has no value/),
  K("a secret the CLI cannot decrypt", { productionProxy: { secure: "AAABAJ0=" } }, "productionProxy", /is a Pulumi secret \(secure:\)/),
  K("unknown Network Firewall option", { aws: { networkFirewall: { dnsguard: true } } }, "aws.networkFirewall.dnsguard", /^unknown key \(did you mean dnsGuard\? known: homeNet, /),
  K("an existing NSG id written as a plan reference", { azure: { resourceGroupName: "rg", nsg: { existingNetworkSecurityGroupId: "${existing-nsg.id}" } } },
    "azure.nsg.existingNetworkSecurityGroupId", /is written as a plan reference; give the id itself/),
  K("NSG DNS guard given as text", { azure: { resourceGroupName: "rg", nsg: { dnsGuard: "yes" } } }, "azure.nsg.dnsGuard", /expected boolean, received string/),
  K("custom rule with an unknown field", { customRules: [{ protocol: "tcp", ports: [443], destinations: ["a.example.com"], sid: 1 }] }, "customRules[0].sid", /^unknown key \(known: direction, protocol, ports, destinations, sourcePorts, purpose, broad\)$/),
  KF("YAML that does not parse", "broken", "config:\n  agora-egress:edition: \"2020-05\"\n  agora-egress:sdks: [rtc-native\n", "Pulumi.broken.yaml", /is not valid YAML at line \d+, column \d+/),
  KF("config as a list", "listed", "config:\n  - agora-egress:sdks\n", "Pulumi.listed.yaml: config", /must be a map of `namespace:key: value` entries/),
  KF("key without the namespace", "bare", "config:\n  sdks: [rtc-native]\n", "Pulumi.bare.yaml: sdks", /config keys need a namespace \(write agora-egress:sdks\)/),
];

/** CLI: exit 2, nothing on stdout, one stderr line `agora-egress: <field>: <problem>`. */
const C = (name: string, args: () => string[], field: string, problem: RegExp): HostileCase => ({ surface: "cli", name, run: () => cli(args()), refusal: { field, problem } });

const cliCases: HostileCase[] = [
  C("--proxy-mode that is not a mode", () => ["rules", "--sdk", "rtc-native", "--access", "cloud-proxy", "--proxy-mode", "auto"], "--proxy-mode", /'auto' is invalid\. Allowed choices are force-udp, force-tcp/),
  C("--region with an empty entry", () => ["rules", "--sdk", "rtc-native", "--access", "cloud-proxy", "--proxy-mode", "force-udp", "--region", "europe,,asia"], "--region", /has an empty entry/),
  C("--region with a shell command", () => ["rules", "--sdk", "rtc-native", "--access", "cloud-proxy", "--proxy-mode", "force-udp", "--region", "europe;rm -rf /"], "--region[0]", /^unknown region "europe;rm -rf \/"/),
  C("Native direct in the default edition", () => ["rules", "--sdk", "rtc-native"], "--sdk",
    /^rtc-native has no direct access \(firewall whitelist\) in edition 2026-02: .*use --access cloud-proxy with --proxy-mode force-udp or --proxy-mode force-tcp .*\(--domain-limit\)/),
  C("--proxy-type with the 2026-02 cloud proxy", () => ["rules", "--sdk", "rtc-web", "--access", "cloud-proxy", "--proxy-type", "1"], "--proxy-type", /^edition 2026-02's cloud proxy has no proxy_type .*set --proxy-mode$/),
  C("--proxy-mode with the seed edition", () => ["rules", "--edition", "2020-05", "--sdk", "rtc-native", "--access", "cloud-proxy", "--proxy-mode", "force-tcp"], "--proxy-mode", /^edition 2020-05 has no cloud-proxy modes/),
  C("--sdk with a shell command", () => ["rules", "--edition", "2020-05", "--sdk", "rtc-native;rm -rf /"], "--sdk", /unknown SDK "rtc-native;rm -rf \/"/),
  C("--sdk with a look-alike letter", () => ["rules", "--edition", "2020-05", "--sdk", "rtc-n\u0430tive"], "--sdk", /unknown SDK/),
  C("--edition with a newline", () => ["rules", "--sdk", "rtc-native", "--edition", "2020-05\nfake"], "--edition", /unknown catalogue edition "2020-05\\nfake"/),
  C("check --dest closing a string", () => ["check", "--edition", "2020-05", "--sdk", "rtc-web", "--protocol", "tcp", "--port", "443", "--dest", `agora.io${INJECT}`], "--dest", /contains spaces, control or non-ASCII/),
  C("check --port with ;sid:", () => ["check", "--edition", "2020-05", "--sdk", "rtc-web", "--protocol", "tcp", "--port", "443;sid:1", "--dest", "agora.io"], "--port", /not a port/),
  C("--recording-ports with trailing text", () => ["rules", "--edition", "2020-05", "--sdk", "recording", "--recording-ports", "40000-41000;x"], "--recording-ports", /not a port or port range/),
  C("--stack name with a newline", () => ["rules", "--stack", "test\nevil"], "--stack", /is not a stack name/),
  C("production without --production-proxy", () => ["rules", "--edition", "2020-05", "--sdk", "rtc-native", "--access", "cloud-proxy", "--env", "production"], "productionProxy", /needs the production cloud-proxy endpoints/),
  C("--production-proxy with a test endpoint", () => ["rules", "--edition", "2020-05", "--sdk", "rtc-native", "--access", "cloud-proxy", "--env", "production", "--production-proxy",
    file("prod-test.yaml", { endpoints: [endpoint(["47.74.211.17"])] })], "prod-test.yaml: endpoints[0].addresses[0]", /is one of Agora's published test endpoints/),
  C("--production-proxy that is not YAML", () => ["rules", "--edition", "2020-05", "--sdk", "rtc-native", "--access", "cloud-proxy", "--env", "production", "--production-proxy",
    file("prod-broken.yaml", "endpoints: [\n")], "prod-broken.yaml", /is not valid YAML/),
  C("stack custom rule with an injected destination", () => { stackFile("inject", { edition: "2020-05", sdks: ["rtc-web"], customRules: [{ protocol: "tcp", ports: [443], destinations: [`x.example.com${INJECT}`] }] }); return ["rules", "--stack", "inject", "--dir", DIR]; },
    "Pulumi.inject.yaml: agora-egress:customRules[0].destinations[0]", /contains spaces, control or non-ASCII/),
  C("stack Network Firewall priority 0", () => { stackFile("prio", { edition: "2020-05", sdks: ["rtc-web"], aws: { networkFirewall: { createPolicy: true, ruleGroupPriority: 0 } } }); return ["plan", "--cloud", "aws", "--stack", "prio", "--dir", DIR]; },
    "Pulumi.prio.yaml: agora-egress:aws.networkFirewall.ruleGroupPriority", />=1/),
  C("stack DNS Firewall association priority 9000", () => { stackFile("dnsprio", { edition: "2020-05", sdks: ["rtc-web"], aws: { dnsFirewall: { vpcIds: ["vpc-1"], associationPriority: 9000 } } }); return ["plan", "--cloud", "aws", "--stack", "dnsprio", "--dir", DIR]; },
    "Pulumi.dnsprio.yaml: agora-egress:aws.dnsFirewall.associationPriority", /<=8999/),
  // Custom rules cannot be deployed by the components, so the CLI refuses to plan them as the program refuses to deploy them
  // (the renderers' own limits for such rules are in the renderer cases above).
  C("stack DNS Firewall with 1,001 custom names", () => { stackFile("dnsmany", { customRules: [{ protocol: "tcp", ports: [443], destinations: names(1001) }], aws: { dnsFirewall: {} } }); return ["plan", "--cloud", "aws", "--stack", "dnsmany", "--dir", DIR]; },
    "Pulumi.dnsmany.yaml: agora-egress:customRules", /^the cloud components take no custom rules yet/),
  C("stack NSG DNS guard against a custom DNS rule", () => {
    stackFile("guard", { edition: "2020-05", sdks: ["rtc-web"], customRules: [{ protocol: "udp", ports: [53], destinations: ["8.8.8.8"] }], azure: { resourceGroupName: "rg", nsg: { dnsGuard: true } } });
    return ["summary", "--stack", "guard", "--dir", DIR];
  }, "Pulumi.guard.yaml: agora-egress:customRules", /^the cloud components take no custom rules yet/),
  C("stack with an empty selection", () => { stackFile("empty", {}); return ["rules", "--stack", "empty", "--dir", DIR]; }, "Pulumi.empty.yaml: agora-egress:sdks", /select at least one SDK/),
  {
    surface: "cli", name: "--production-proxy purpose with quotes, ;sid: and a newline",
    run: () => cli(["plan", "--cloud", "aws", "--format", "json", "--edition", "2020-05", "--sdk", "rtc-native", "--access", "cloud-proxy", "--env", "production", "--production-proxy",
      file("prod-inject.yaml", { endpoints: [endpoint(["203.0.113.10"], `Media${INJECT}\nx`)] })]),
    safe: {
      what: "exit 0; the purpose reaches only sanitised descriptions",
      check: (r) => {
        expect(r.code).toBe(0);
        const plan = JSON.parse(r.stdout);
        expect(rulesOf(plan).every((l: string) => !l.includes("sid:1;"))).toBe(true);
        const descriptions = byType(plan, EGRESS_RULE_TYPE).map((x) => String(x.inputs.description));
        expect(descriptions.some((d) => d.includes("Media"))).toBe(true);
        for (const d of descriptions) expect(d).not.toMatch(/["\n]/);
      },
    },
  },
];

const P = (name: string, construct: () => unknown, field: string, problem: RegExp): HostileCase => ({ surface: "component", name, run: construct, refusal: { field, problem } });

const componentCases: HostileCase[] = [
  P("AwsSecurityGroups with an unknown region", () => new AwsSecurityGroups("h-region", { sdks: ["rtc-native"], vpcId: "vpc-1", access: AccessMode.CloudProxy, proxyMode: CloudProxyMode.ForceUdp, regions: ["atlantis"] }),
    "args.regions[0]", /unknown region "atlantis"/),
  P("AwsAgoraEgress with Native cloud proxy and no mode", () => new AwsAgoraEgress("h-mode", { sdks: ["rtc-native"], access: AccessMode.CloudProxy, securityGroups: { vpcId: "vpc-1" } }),
    "args.proxyMode", /set args\.proxyMode: "force-udp" \(UDP_PROXY\) or args\.proxyMode: "force-tcp"/),
  P("AzureNsgRules with Gaming in 2026-02", () => new AzureNsgRules("h-gaming", { sdks: ["gaming"], resourceGroupName: "rg" }), "args.sdks[0]", /Agora offers no firewall route for the Gaming SDK/),
  P("AwsSecurityGroups with an unknown SDK", () => new AwsSecurityGroups("h-sdk", { edition: "2020-05", sdks: ["rtc-ios"], vpcId: "vpc-1" }), "args.sdks[0]", /unknown SDK "rtc-ios"/),
  P("AwsSecurityGroups with no SDK", () => new AwsSecurityGroups("h-empty", { edition: "2020-05", sdks: [], vpcId: "vpc-1" }), "args.sdks", /select at least one SDK/),
  P("AwsSecurityGroups without a VPC", () => new AwsSecurityGroups("h-novpc", { edition: "2020-05", sdks: ["rtc-native"] }), "args.vpcId", /give vpcId/),
  P("AwsSecurityGroups beyond the groups per interface", () => new AwsSecurityGroups("h-quota", {
    edition: "2020-05", sdks: ["rtc-native"], vpcId: "vpc-1", access: AccessMode.CloudProxy, environment: AgoraEnvironment.Production,
    productionEndpoints: [{ protocol: "udp", addresses: addresses(400), ports: ["4500-4650"] }],
  }), "args.maxGroupsPerInterface", /need more than 5 security groups/),
  P("AwsNetworkFirewall with a capacity below its rules", () => new AwsNetworkFirewall("h-cap", { edition: "2020-05", sdks: ["rtc-web"], capacity: 3 }), "args.capacity", /do not fit a capacity of 3/),
  P("AwsNetworkFirewall with an injected HOME_NET", () => new AwsNetworkFirewall("h-home", { edition: "2020-05", sdks: ["rtc-web"], homeNet: ["any"] }), "args.homeNet[0]", /is not an IPv4 address or CIDR/),
  P("AwsDnsFirewall with association priority 9000", () => new AwsDnsFirewall("h-prio", { edition: "2020-05", sdks: ["rtc-web"], vpcIds: ["vpc-1"], associationPriority: 9000 }), "args.associationPriority", /<=8999/),
  P("AwsDnsFirewall with a quote in a VPC name", () => new AwsDnsFirewall("h-vpcs", { edition: "2020-05", sdks: ["rtc-web"], vpcs: { 'a"b': "vpc-1" } }), "args.vpcs", /"a\\"b" is not a valid VPC name/),
  P("AwsAgoraEgress in production without endpoints", () => new AwsAgoraEgress("h-prod", {
    edition: "2020-05", sdks: ["rtc-native"], access: AccessMode.CloudProxy, environment: AgoraEnvironment.Production, securityGroups: { vpcId: "vpc-1" },
  }), "args.productionEndpoints", /^args\.environment: "production" needs the production cloud-proxy endpoints Agora gave you: set args\.productionEndpoints$/),
  P("AwsAgoraEgress with a test endpoint as production", () => new AwsAgoraEgress("h-test-ep", {
    edition: "2020-05", sdks: ["rtc-native"], access: AccessMode.CloudProxy, environment: AgoraEnvironment.Production, securityGroups: { vpcId: "vpc-1" },
    productionEndpoints: [{ protocol: "udp", addresses: ["47.74.211.17"], ports: ["4500"] }],
  }), "args.productionEndpoints[0].addresses[0]", /is one of Agora's published test endpoints/),
  P("AzureAgoraEgress with an IP Group of 5,001 production addresses", () => new AzureAgoraEgress("h-ipg", {
    edition: "2020-05", sdks: ["rtc-native"], access: AccessMode.CloudProxy, environment: AgoraEnvironment.Production, resourceGroupName: "rg", firewallPolicy: {},
    productionEndpoints: [{ protocol: "udp", addresses: sparseAddresses(5001), ports: ["4500-4650"] }],
  }), "args.firewallPolicy", /^addresses per IP Group \(largest\) \(new firewall policy\) would be 5001 of 5000/),
  P("AzureNsgRules with 4,001 address prefixes and port ranges", () => new AzureNsgRules("h-nsg", {
    edition: "2020-05", sdks: ["rtc-native"], access: AccessMode.CloudProxy, environment: AgoraEnvironment.Production, resourceGroupName: "rg",
    productionEndpoints: [{ protocol: "udp", addresses: sparseAddresses(3998), ports: ["4500-4650", "4700"] }],
  }), "args", /^address prefixes and port ranges per NSG \(new NSG\) would be 4001 of 4000/),
  P("AzureNsgRules with a DNS guard resolver of 0.0.0.0/0", () => new AzureNsgRules("h-guard", {
    edition: "2020-05", sdks: ["rtc-web"], resourceGroupName: "rg", dnsGuard: true, dnsResolvers: ["0.0.0.0/0"],
  }), "args.dnsResolvers[0]", /^0\.0\.0\.0\/0 would let DNS reach every address; leave dnsGuard off instead$/),
  P("AwsAgoraEgress with no target", () => new AwsAgoraEgress("h-none", { edition: "2020-05", sdks: ["rtc-native"] }), "args", /set at least one of securityGroups, networkFirewall and dnsFirewall/),
  P("AwsSecurityGroups with a VPC id written as a plan reference", () => new AwsSecurityGroups("h-ref", { edition: "2020-05", sdks: ["rtc-native"], vpcId: "${vpc.id}" }),
    "args.vpcId", /^"\$\{vpc\.id\}" is written as a plan reference; give the id itself/),
  P("AzureDnsSecurityPolicy with a network id that is not one", () => new AzureDnsSecurityPolicy("h-vnet", {
    sdks: ["rtc-web"], resourceGroupName: "rg", virtualNetworks: { app: "vnet-app" },
  }), "args.virtualNetworks.app", /^"vnet-app" is not the ARM id of a Microsoft\.Network\/virtualNetworks$/),
  P("AzureDnsSecurityPolicy with a space in a network name", () => new AzureDnsSecurityPolicy("h-vnet-name", {
    sdks: ["rtc-web"], resourceGroupName: "rg", virtualNetworks: { "my app": pulumi.output("x") },
  }), "args.virtualNetworks", /^"my app" is not a valid virtual network name/),
  P("AzureFirewallPolicyRules with an IP Group reference as text", () => new AzureFirewallPolicyRules("h-ipg-ref", {
    sdks: ["rtc-web"], resourceGroupName: "rg", sourceIpGroups: ["${source-ip-group-0.id}"],
  }), "args.sourceIpGroups[0]", /is written as a plan reference/),
];

// ---- least privilege: no silent canonicalisation, fallback or widening ------------------

const hostBits = (input: string, one: string, network: string) =>
  new RegExp(`^"${input.replace(/[./]/g, "\\$&")}" has host bits set: write ${one.replace(/[./]/g, "\\$&")} for that one address, or ${network.replace(/[./]/g, "\\$&")} if you mean the whole network$`);
const tooWide = (whole: boolean) => new RegExp(`is wider than /16; no Agora address list has such a network, and it would open ${whole ? "the whole Internet" : "a large part of the Internet"}: list Agora's addresses one by one or as the blocks Agora gave you$`);
const NO_PROXY = (sdk: string, named = "directSdks") => new RegExp(`^${sdk} has no cloud proxy in edition 2020-05; to let it reach Agora directly through its firewall whitelist \\(every rule a target widens for it is then reported\\), name it in ${named}, or remove it$`);
const CUSTOM_WIDE = /is wider than \/16; if the rule really must reach that network \(your own STUN or NTP servers\), set broad: true on it and it is reported as a widening on every target$/;
const recordingWith = (sources: string[], extra: Record<string, unknown> = {}): SelectionInput =>
  ({ edition: "2020-05", sdks: ["recording"], recordingPorts: { low: 40000, high: 41000, sources }, ...extra }) as SelectionInput;
const ENDPOINT_0 = "productionProxy.endpoints[0].addresses[0]";
/** Every allow-rule target of both clouds, for the widening checks. */
const everyTarget = (selection: SelectionInput) => {
  const r = resolve(selection);
  return { aws: renderAwsPlan(r, AWS_ALL), azure: renderAzurePlan(r, { resourceGroupName: "rg" }) };
};
const ALLOW_TARGETS = ["aws-security-group", "aws-network-firewall", "azure-nsg"];

const leastPrivilegeCases: HostileCase[] = [
  R("production endpoint with host bits (a /2 typed for a /32)", production([endpoint(["203.0.113.10/2"])]), ENDPOINT_0, hostBits("203.0.113.10/2", "203.0.113.10/32", "192.0.0.0/2")),
  R("production endpoint with host bits in a /29", production([endpoint(["203.0.113.10", "198.51.100.17/29"])]), "productionProxy.endpoints[0].addresses[1]", hostBits("198.51.100.17/29", "198.51.100.17/32", "198.51.100.16/29")),
  R("0.0.0.0/0 as a production endpoint", production([endpoint(["0.0.0.0/0"])]), ENDPOINT_0, new RegExp(`^"0\\.0\\.0\\.0/0" ${tooWide(true).source}`)),
  R("10.0.0.0/8 as a production endpoint", production([endpoint(["10.0.0.0/8"])]), ENDPOINT_0, new RegExp(`^"10\\.0\\.0\\.0/8" ${tooWide(false).source}`)),
  R("a /15 as a production endpoint", production([endpoint(["198.50.0.0/15"])]), ENDPOINT_0, tooWide(false)),
  R("::/0 as a production endpoint", production([endpoint(["::/0"])]), ENDPOINT_0, /^"::\/0" is IPv6; this catalogue and its targets use IPv4 addresses$/),
  R("proxy server with host bits", { ...production([endpoint(["203.0.113.10"])], { proxyServers: ["198.51.100.21/24"] }), proxyType: 2 },
    "productionProxy.proxyServers[0]", hostBits("198.51.100.21/24", "198.51.100.21/32", "198.51.100.0/24")),
  R("cloud proxy with RTM Native, not named in directSdks", { edition: "2020-05", sdks: ["rtc-native", "rtm-native"], access: "cloud-proxy" }, "sdks[1]", NO_PROXY("rtm-native")),
  R("cloud proxy with Gaming alone", { edition: "2020-05", sdks: ["gaming"], access: "cloud-proxy" }, "sdks[0]", NO_PROXY("gaming")),
  R("cloud proxy with a Web SDK older than its cloud proxy", { edition: "2020-05", sdks: ["rtc-web@2.4.0"], access: "cloud-proxy" }, "sdks[0]",
    /^rtc-web@2\.4\.0 has no cloud proxy \(needs 2\.5\.1 or later\); name it in directSdks or upgrade$/),
  R("directSdks with direct access", { edition: "2020-05", sdks: ["rtm-native"], directSdks: ["rtm-native"] }, "directSdks", /^is only used with access: cloud-proxy; with direct access every SDK already reaches Agora directly$/),
  R("directSdks naming an SDK that is not selected", { edition: "2020-05", sdks: ["rtc-native"], access: "cloud-proxy", directSdks: ["gaming"] }, "directSdks[0]", /^"gaming" is not one of the selected SDKs$/),
  R("directSdks naming an unknown SDK", { edition: "2020-05", sdks: ["rtc-native"], access: "cloud-proxy", directSdks: ["rtm-ios"] }, "directSdks[0]", /^unknown SDK "rtm-ios" \(known: /),
  R("directSdks listing an SDK twice", { edition: "2020-05", sdks: ["rtm-native"], access: "cloud-proxy", directSdks: ["rtm-native", "rtm-native"] }, "directSdks[1]", /^"rtm-native" is listed twice$/),
  R("custom rule to 0.0.0.0/0 without broad", custom(["0.0.0.0/0"]), DEST, CUSTOM_WIDE),
  R("ingress custom rule from 10.0.0.0/8 without broad", custom(["10.0.0.0/8"], { direction: "ingress" }), DEST, CUSTOM_WIDE),
  R("custom rule marked broad with no broad destination", custom(["203.0.113.0/24"], { broad: true }), "customRules[0].broad", /^is set but no destination is wider than \/16; remove it$/),
  R("custom rule destination with host bits", custom(["203.0.113.5/24"]), DEST, hostBits("203.0.113.5/24", "203.0.113.5/32", "203.0.113.0/24")),
  R("recording source with host bits", recordingWith(["198.51.100.9/24"]), "recordingPorts.sources[0]", hostBits("198.51.100.9/24", "198.51.100.9/32", "198.51.100.0/24")),
  R("recording source of 0.0.0.0/0", recordingWith(["0.0.0.0/0"]), "recordingPorts.sources[0]", tooWide(true)),
  R("recording sources through the cloud proxy", recordingWith(["203.0.113.0/24"], { access: "cloud-proxy" }), "recordingPorts.sources",
    /^through the cloud proxy the downstream media comes from the proxy endpoints, which are the sources; leave recordingPorts.sources out$/),
  Q("Network Firewall HOME_NET with host bits", () => renderNetworkFirewallRules(rtcNative, { homeNet: ["10.0.7.7/16"] }), "networkFirewall.homeNet[0]", hostBits("10.0.7.7/16", "10.0.7.7/32", "10.0.0.0/16")),
  Q("Network Firewall VPC CIDR with host bits", () => renderNetworkFirewallRules(rtcNative, { dnsGuard: true, vpcCidrs: ["10.0.0.5/16"] }), "networkFirewall.vpcCidrs[0]", hostBits("10.0.0.5/16", "10.0.0.5/32", "10.0.0.0/16")),
  Q("Network Firewall DNS resolver with host bits", () => renderNetworkFirewallRules(rtcNative, { dnsGuard: true, dnsResolvers: ["10.0.0.2/24"] }), "networkFirewall.dnsResolvers[0]", hostBits("10.0.0.2/24", "10.0.0.2/32", "10.0.0.0/24")),
  Q("Azure Firewall workload source with host bits", () => renderAzurePlan(rtcNative, { ...FIREWALL_ONLY, firewallPolicy: { sourceAddresses: ["10.1.2.3/16"] } }),
    "azure.firewallPolicy.sourceAddresses[0]", hostBits("10.1.2.3/16", "10.1.2.3/32", "10.1.0.0/16")),
  Q("Azure NSG DNS resolver with host bits", () => renderAzurePlan(rtcNative, { nsg: { dnsGuard: true, dnsResolvers: ["10.1.0.4/24"] } }),
    "azure.nsg.dnsResolvers[0]", hostBits("10.1.0.4/24", "10.1.0.4/32", "10.1.0.0/24")),
  S("recording's simplex ports from any address", "rendered on every allow target, each one reported as a widening; Azure Firewall lists it as not rendered",
    () => everyTarget({ edition: "2020-05", sdks: ["recording"] }),
    ({ aws, azure }) => {
      const widenings = [...aws.widenings, ...azure.widenings].filter((w) => w.rule === "udp 40000-41000 ← 0.0.0.0/0");
      expect(widenings.map((w) => w.target).sort()).toEqual([...ALLOW_TARGETS].sort());
      for (const w of widenings) expect(w.reason).toMatch(/^Agora publishes no sender addresses for recording's simplex downstream media/);
      expect(azure.notices).toEqual([expect.objectContaining({ target: "azure-firewall-policy", rule: "udp 40000-41000 ← 0.0.0.0/0", sdks: ["recording"] })]);
      expect(JSON.stringify(byType(azure, "azure-native:network:FirewallPolicyRuleCollectionGroup"))).not.toContain("0.0.0.0/0");
    }),
  S("recording's simplex ports from the sources given", "an ingress rule from exactly those sources, and no widening for it",
    () => everyTarget(recordingWith(["198.51.100.0/24"])),
    ({ aws, azure }) => {
      expect([...aws.widenings, ...azure.widenings].filter((w) => w.rule.includes("←"))).toEqual([]);
      expect(byType(aws, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").map((r) => r.inputs.cidrIpv4)).toEqual(["198.51.100.0/24"]);
    }),
  S("a custom rule marked broad", "rendered, and reported as a widening on every allow target",
    () => everyTarget({ customRules: [{ protocol: "udp", ports: ["3478"], destinations: ["0.0.0.0/0"], broad: true }] }),
    ({ aws, azure }) => {
      const widenings = [...aws.widenings, ...azure.widenings].filter((w) => w.rule === "udp 3478 → 0.0.0.0/0");
      expect(widenings.map((w) => w.target).sort()).toEqual([...ALLOW_TARGETS, "azure-firewall-policy"].sort());
    }),
  C("--direct-sdks with --access direct", () => ["rules", "--edition", "2020-05", "--sdk", "rtm-native", "--direct-sdks", "rtm-native"], "--direct-sdks", /^is only used with --access cloud-proxy; with direct access every SDK already reaches Agora directly$/),
  C("--access cloud-proxy with an SDK that has no cloud proxy", () => ["rules", "--edition", "2020-05", "--sdk", "rtc-native,rtm-native", "--access", "cloud-proxy"], "--sdk", NO_PROXY("rtm-native", "--direct-sdks")),
  C("--recording-sources of 0.0.0.0/0", () => ["rules", "--edition", "2020-05", "--sdk", "recording", "--recording-sources", "0.0.0.0/0"], "--recording-sources[0]", tooWide(true)),
  C("check an inbound flow from a name", () => ["check", "--edition", "2020-05", "--sdk", "recording", "--direction", "ingress", "--protocol", "udp", "--port", "40000", "--dest", "x.agora.io"], "--dest",
    /^"x\.agora\.io" is a name, but an inbound packet carries only its sender's address: give the sender's IPv4 address$/),
  C("check a flow to a network with host bits", () => ["check", "--edition", "2020-05", "--sdk", "rtc-web", "--protocol", "udp", "--port", "3478", "--dest", "203.0.113.5/24"], "--dest", hostBits("203.0.113.5/24", "203.0.113.5/32", "203.0.113.0/24")),
  K("directSdks as one string", { directSdks: "rtm-native" }, "directSdks", /expected array, received string/),
];

const CASES: HostileCase[] = [...resolverCases, ...safeCases, ...quotaCases, ...stackCases, ...cliCases, ...componentCases, ...leastPrivilegeCases];

// ---- the table ------------------------------------------------------------------------

const expected = (c: HostileCase) => (c.refusal ? `${c.refusal.field}: ${c.refusal.problem.source}` : `safe: ${c.safe!.what}`);

afterAll(() => rmSync(DIR, { recursive: true, force: true }));

describe("hostile input corpus", () => {
  it("has at least 60 cases across every entry point", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(CASES.map((c) => c.surface))).toEqual(new Set(["cli", "resolver", "stack", "renderer", "component"]));
    expect(new Set(CASES.map((c) => `${c.surface} ${c.name}`)).size).toBe(CASES.length);
  });

  it.each(CASES.map((c) => [c.surface, c.name, expected(c), c] as const))("%s | %s → %s", async (surface, _name, _expected, c) => {
    const mark = mocks.mark();
    let result: unknown;
    let thrown: unknown;
    try {
      result = await c.run();
    } catch (e) {
      thrown = e;
    }
    if (surface === "component") {
      await settle();
      // Refused before any resource, the component itself included.
      expect(mocks.since(mark)).toEqual([]);
    }
    if (surface === "cli") {
      const r = result as { code: number; stdout: string; stderr: string };
      expect(thrown).toBeUndefined();
      if (c.refusal) {
        expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 2, stdout: "" });
        expect(r.stderr.split("\n")).toEqual([expect.any(String), ""]);
        expect(r.stderr.startsWith(`agora-egress: ${c.refusal.field}: `)).toBe(true);
        expect(r.stderr.slice(`agora-egress: ${c.refusal.field}: `.length).trimEnd()).toMatch(c.refusal.problem);
      } else {
        await c.safe!.check(r);
      }
      return;
    }
    if (c.refusal && surface === "component") {
      // A Pulumi RunError: one line naming the component and the arg, which the runner prints without a stack.
      expect(pulumi.RunError.isInstance(thrown)).toBe(true);
      const e = thrown as Error & { field: string; problem: string };
      expect(e.field).toBe(c.refusal.field);
      expect(e.problem).toMatch(c.refusal.problem);
      expect(e.message).not.toMatch(/\n/);
    } else if (c.refusal) {
      // Never a TypeError or a raw ZodError: an InputError naming the field.
      expect(thrown).toBeInstanceOf(InputError);
      expect((thrown as InputError).field).toBe(c.refusal.field);
      expect((thrown as InputError).problem).toMatch(c.refusal.problem);
      expect((thrown as InputError).message).not.toMatch(/\n/);
    } else {
      expect(thrown).toBeUndefined();
      await c.safe!.check(result);
    }
  });
});
