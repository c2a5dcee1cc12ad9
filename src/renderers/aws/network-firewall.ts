import { z } from "zod";
import { InputError, canonicalCidr, intersectPorts, mergePortRanges, parsePortRange } from "../../model";
import { Resolution, parseInput } from "../../resolve";
import { HardLimit, Plan, QuotaUsage, ResourceSpec, TargetDefault, Unmatched, broadWidenings, ref, refuseOverflows } from "../plan";
import { describeGrant, describeRendered } from "./describe";
import { AWS_LIMITS } from "./limits";
import { checkDnsGuardConflicts, dnsGuardResolvers } from "./dns-guard";
import { NetworkFirewallOptions, NetworkFirewallSettings, StatefulDefaultAction } from "./settings";
import { DEFAULT_SURICATA_OPTIONS, NETWORK_FIREWALL_TARGET, SuricataOptions, renderSuricataRules } from "./suricata";

export const RULE_GROUP_TYPE = "aws:networkfirewall/ruleGroup:RuleGroup";
export const FIREWALL_POLICY_TYPE = "aws:networkfirewall/firewallPolicy:FirewallPolicy";
export const RULE_GROUP_NAME = "nfw-rule-group";
export const FIREWALL_POLICY_NAME = "nfw-policy";

/**
 * Every Network Firewall quota the plan reports is a hard limit (cloud-semantics §3.2):
 * capacity is fixed at creation, 30,000 is the maximum planned for, and the rule and
 * `rulesString` sizes are fixed. The renderer refuses each with a specific message first;
 * this table is the backstop and says which quotas are hard.
 */
export const NETWORK_FIREWALL_HARD_LIMITS: Readonly<Record<string, HardLimit>> = {
  "stateful rules within the rule group's capacity": { field: "networkFirewall.capacity", remedy: "raise capacity (it is fixed when the group is created)" },
  "stateful rule group capacity": { field: "networkFirewall.capacity", remedy: "filter fewer destinations in this rule group" },
  "rulesString bytes": { field: "networkFirewall", remedy: "select fewer custom rules or endpoints with distinct ports" },
  "characters in one Suricata rule": { field: "networkFirewall", remedy: "write the ports as fewer, wider ranges" },
};

/** Capacity is fixed at creation, so it comes from coarse buckets: adding an SDK rarely crosses one. */
export const CAPACITY_BUCKETS = [100, 200, 500, 1000, 2000, 5000, 10000, 20000, AWS_LIMITS.ruleGroupCapacity] as const;

const Options = NetworkFirewallSettings;

function dnsGuardOptions(o: z.output<typeof Options>, resolution: Resolution): SuricataOptions["dnsGuard"] {
  if (!o.dnsGuard) {
    // Resolvers without the guard would be ignored: say so rather than drop them silently.
    for (const key of ["dnsResolvers", "vpcCidrs"] as const) {
      if (o[key]) throw new InputError(`networkFirewall.${key}`, "is only used with dnsGuard: true");
    }
    return undefined;
  }
  const resolvers = dnsGuardResolvers(o.dnsResolvers, o.vpcCidrs, "networkFirewall");
  checkDnsGuardConflicts(resolution.ruleSet, resolvers, "networkFirewall");
  return { resolvers };
}

function suricataOptions(o: z.output<typeof Options>, resolution: Resolution): SuricataOptions {
  const ports = (list: (string | number)[] | undefined, field: string) =>
    list ? mergePortRanges(list.map((p, i) => parsePortRange(p, `networkFirewall.${field}[${i}]`))) : undefined;
  const tlsPorts = ports(o.tlsPorts, "tlsPorts") ?? DEFAULT_SURICATA_OPTIONS.tlsPorts;
  const httpPorts = ports(o.httpPorts, "httpPorts") ?? DEFAULT_SURICATA_OPTIONS.httpPorts;
  if (intersectPorts(tlsPorts, httpPorts).length) throw new InputError("networkFirewall.httpPorts", "a port cannot be both a TLS and an HTTP port");
  const dnsGuard = dnsGuardOptions(o, resolution);
  return { tlsPorts, httpPorts, ...(dnsGuard ? { dnsGuard } : {}) };
}

export function ruleGroupCapacity(rules: number, headroom: number): number {
  const wanted = Math.ceil(rules * headroom);
  return CAPACITY_BUCKETS.find((b) => b >= wanted) ?? AWS_LIMITS.ruleGroupCapacity;
}

/**
 * A stateful, strict-order Network Firewall rule group with the Suricata rules of
 * `renderSuricataRules`, capacity from the rule count with headroom, HOME_NET when
 * given, and optionally a strict-order policy with safe default actions
 * (`aws:forward_to_sfe` stateless, `aws:drop_established` stateful). With `dnsGuard`, the
 * group starts with rules that drop DNS, DNS over TLS and DNS over QUIC to any resolver but the allowed
 * ones, so they hold whatever the policy's default action. The group gets no
 * fixed name, so a replacement (capacity is ForceNew) can be created before the old one
 * is deleted.
 */
export function renderNetworkFirewallRules(resolution: Resolution, options: NetworkFirewallOptions = {}): Plan {
  const o = parseInput(Options, options, "networkFirewall");
  const { rules, widenings } = renderSuricataRules(resolution.ruleSet, suricataOptions(o, resolution));
  const homeNet = o.homeNet?.map((c, i) => canonicalCidr(c, `networkFirewall.homeNet[${i}]`));
  const capacity = o.capacity ?? ruleGroupCapacity(rules.length, o.capacityHeadroom);
  if (rules.length > capacity) {
    throw new InputError(o.capacity ? "networkFirewall.capacity" : "networkFirewall", `${rules.length} Suricata rules do not fit a capacity of ${capacity}`);
  }
  const rulesString = rules.map((r) => r.line).join("\n");
  if (Buffer.byteLength(rulesString) > AWS_LIMITS.rulesStringBytes) {
    throw new InputError("networkFirewall", `the rules take ${Buffer.byteLength(rulesString)} bytes, more than the ${AWS_LIMITS.rulesStringBytes} a rule group holds`);
  }
  const homeNetKey = "HOME_NET";
  if (!AWS_LIMITS.ruleVariableName.test(homeNetKey)) throw new Error(`invalid rule variable name ${homeNetKey}`);
  const ruleGroup: ResourceSpec = {
    type: RULE_GROUP_TYPE,
    name: RULE_GROUP_NAME,
    inputs: {
      type: "STATEFUL",
      capacity,
      description: "Agora egress allowlist from agora-egress (strict order)",
      ruleGroup: {
        ...(homeNet ? { ruleVariables: { ipSets: [{ key: homeNetKey, ipSet: { definitions: [...new Set(homeNet)].sort() } }] } } : {}),
        rulesSource: { rulesString },
        statefulRuleOptions: { ruleOrder: "STRICT_ORDER" },
      },
    },
  };
  const policy: ResourceSpec[] = o.createPolicy ? [{
    type: FIREWALL_POLICY_TYPE,
    name: FIREWALL_POLICY_NAME,
    inputs: {
      description: "Agora egress policy from agora-egress (strict order)",
      firewallPolicy: {
        // Without forward_to_sfe the stateful rules never see the traffic.
        statelessDefaultActions: ["aws:forward_to_sfe"],
        statelessFragmentDefaultActions: ["aws:forward_to_sfe"],
        statefulDefaultActions: [o.statefulDefaultAction],
        statefulEngineOptions: { ruleOrder: "STRICT_ORDER" },
        statefulRuleGroupReferences: [{ resourceArn: ref(RULE_GROUP_NAME, "arn"), priority: o.ruleGroupPriority }],
      },
    },
  }] : [];
  const longest = Math.max(0, ...rules.map((r) => r.line.length));
  const quotas: QuotaUsage[] = [
    { target: NETWORK_FIREWALL_TARGET, quota: "stateful rules within the rule group's capacity", scope: RULE_GROUP_NAME, used: rules.length, limit: capacity },
    { target: NETWORK_FIREWALL_TARGET, quota: "stateful rule group capacity", scope: RULE_GROUP_NAME, used: capacity, limit: AWS_LIMITS.ruleGroupCapacity },
    { target: NETWORK_FIREWALL_TARGET, quota: "rulesString bytes", scope: RULE_GROUP_NAME, used: Buffer.byteLength(rulesString), limit: AWS_LIMITS.rulesStringBytes },
    { target: NETWORK_FIREWALL_TARGET, quota: "characters in one Suricata rule", scope: RULE_GROUP_NAME, used: longest, limit: AWS_LIMITS.suricataRuleLength },
  ];
  refuseOverflows(quotas, NETWORK_FIREWALL_HARD_LIMITS);
  const broad = broadWidenings(resolution.ruleSet, NETWORK_FIREWALL_TARGET, describeGrant, (g) =>
    describeRendered(g, g.ports, [g.destination.kind === "cidr" ? g.destination.cidr : "any address"]));
  return { resources: [ruleGroup, ...policy], widenings: [...widenings, ...broad], quotas, defaults: [networkFirewallDefault(o)], notices: [] };
}

/** The rule group holds pass rules only: what drops the rest is the policy's stateful default action. */
function networkFirewallDefault(o: z.output<typeof Options>): TargetDefault {
  if (!o.createPolicy) {
    return {
      target: NETWORK_FIREWALL_TARGET, unmatched: Unmatched.DecidedElsewhere,
      statement: "The rule group holds pass rules only (and the DNS guard's drops): the firewall policy you attach it to decides the rest. "
        + "Give that policy strict rule order and the stateful default action aws:drop_established or aws:drop_strict, or unmatched traffic passes.",
    };
  }
  return {
    target: NETWORK_FIREWALL_TARGET, unmatched: Unmatched.Denied,
    statement: o.statefulDefaultAction === StatefulDefaultAction.DropStrict
      ? "The policy created here drops every packet no rule passes (aws:drop_strict)."
      : "The policy created here drops established traffic no rule passes (aws:drop_established); connection set-up packets alone pass, so rules can match the first request.",
  };
}
