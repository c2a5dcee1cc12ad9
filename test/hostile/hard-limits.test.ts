/**
 * Hard limits are refused, adjustable quotas reported: `refuseOverflows` at and beyond a limit,
 * and every quota a plan can report is classified one way or the other, so a new quota cannot
 * slip in without that decision.
 */
import { InputError } from "../../src/model";
import { resolve } from "../../src/resolve";
import {
  DNS_FIREWALL_HARD_LIMITS, NETWORK_FIREWALL_HARD_LIMITS, SECURITY_GROUP_HARD_LIMITS, renderAwsPlan,
} from "../../src/renderers/aws";
import {
  ALL_AZURE_TARGETS, DNS_SECURITY_POLICY_HARD_LIMITS, FIREWALL_POLICY_HARD_LIMITS, NSG_HARD_LIMITS, renderAzurePlan,
} from "../../src/renderers/azure";
import { QuotaUsage, refuseOverflows } from "../../src/renderers/plan";

const quota = (used: number, limit = 10): QuotaUsage => ({ target: "t", quota: "things per box", scope: "box-1", used, limit });
const HARD = { "things per box": { field: "boxes", remedy: "use another box" } };

describe("refuseOverflows", () => {
  it("accepts a hard limit used exactly, and anything below it", () => {
    expect(() => refuseOverflows([quota(10), quota(0)], HARD)).not.toThrow();
  });

  it("refuses one beyond, naming the option, the quota, its scope, used against limit and the remedy", () => {
    let error: unknown;
    try { refuseOverflows([quota(3), quota(11)], HARD); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe("boxes: things per box (box-1) would be 11 of 10, a limit that cannot be raised; use another box");
  });

  it("leaves a quota it does not name to the report, however far over", () => {
    expect(() => refuseOverflows([{ ...quota(500), quota: "adjustable things" }], HARD)).not.toThrow();
  });
});

/** Every hard table, and the quotas reported but not refused, with why. */
const HARD_QUOTAS = new Set(Object.keys({
  ...SECURITY_GROUP_HARD_LIMITS, ...NETWORK_FIREWALL_HARD_LIMITS, ...DNS_FIREWALL_HARD_LIMITS,
  ...NSG_HARD_LIMITS, ...FIREWALL_POLICY_HARD_LIMITS, ...DNS_SECURITY_POLICY_HARD_LIMITS,
}));
const ADJUSTABLE: Record<string, string> = {
  "egress rules per security group (IPv4)": "maxRulesPerGroup, the account's quota (the rules are sharded to fit)",
  "ingress rules per security group (IPv4)": "maxRulesPerGroup, the account's quota",
  "security groups per network interface": "maxGroupsPerInterface, adjustable to 16 (more is refused while sharding)",
  "rules per rule group": "DNS Firewall rules per rule group, adjustable",
  "rule groups associated per VPC": "this plan adds one group per VPC; the others are the account's",
  "network rule source/destination combinations": "how Azure counts them is unsettled: this is an estimate",
  "Outbound priorities in window": "the caller's window (a window too small is refused when priorities are allocated)",
  "Inbound priorities in window": "the caller's window",
};
const classify = (name: string) => (HARD_QUOTAS.has(name) ? "hard" : ADJUSTABLE[name.replace(/ \d+-\d+$/, "")] ? "adjustable" : "unclassified");

describe("quota classification", () => {
  it("classifies every quota the AWS and Azure plans report", () => {
    const proxied = resolve({
      edition: "2020-05", sdks: ["rtc-native", "rtc-web"], access: "cloud-proxy", environment: "production",
      productionProxy: { endpoints: [{ protocol: "udp", addresses: ["203.0.113.10", "203.0.113.11"], ports: ["4500-4650"] }] },
    });
    const direct = resolve({ edition: "2020-05", sdks: ["recording", "rtm-native"], recordingPorts: { low: 40000, high: 41000 } });
    const vnet = "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v";
    const quotas = [proxied, direct].flatMap((r) => [
      ...renderAwsPlan(r, {
        securityGroups: { vpcId: "vpc-1", proxyPrefixLists: true }, networkFirewall: { dnsGuard: true }, dnsFirewall: { vpcIds: ["vpc-1"], blockOthers: true },
      }).quotas,
      ...renderAzurePlan(r, { ...ALL_AZURE_TARGETS, dnsSecurityPolicy: { virtualNetworkIds: [vnet] } }).quotas,
    ]);
    const names = [...new Set(quotas.map((q) => q.quota.replace(/ window \d+-\d+$/, " window")))].sort();
    expect(names.filter((n) => classify(n) === "unclassified")).toEqual([]);
    expect(names.filter((n) => classify(n) === "hard")).toEqual([
      "DNS security rules per policy",
      "IP Groups per firewall policy (this plan's)",
      "address prefixes and port ranges per NSG",
      "addresses per IP Group (largest)",
      "characters in one Suricata rule",
      "domains per UpdateFirewallDomains request",
      "domains per inline domain list",
      "maxEntries of one prefix list",
      "prefix list entries (maxEntries)",
      "rule collection group size (bytes)",
      "rules per group × groups per interface",
      "rulesString bytes",
      "security rules per NSG",
      "stateful rule group capacity",
      "stateful rules within the rule group's capacity",
      "virtual network links per policy",
    ]);
  });

  it("names a hard limit's option in the cloud's own option tree", () => {
    const fields = [
      ...Object.values({ ...SECURITY_GROUP_HARD_LIMITS, ...NETWORK_FIREWALL_HARD_LIMITS, ...DNS_FIREWALL_HARD_LIMITS }).map((h) => h.field),
      ...Object.values({ ...NSG_HARD_LIMITS, ...FIREWALL_POLICY_HARD_LIMITS, ...DNS_SECURITY_POLICY_HARD_LIMITS }).map((h) => h.field),
    ];
    for (const f of fields) expect(f).toMatch(/^(securityGroups|networkFirewall|dnsFirewall|azure\.(nsg|firewallPolicy|dnsSecurityPolicy))(\.\w+)?$/);
  });
});
