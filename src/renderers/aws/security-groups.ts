import {
  Direction, InputError, PortRange, Protocol, Rule, cidrCovers, cidrSortKey, formatDestination, formatPortRange, grants, mergePortRanges, overlaps,
  portRangesKey, subtractPorts,
} from "../../model";
import { Resolution, parseInput } from "../../resolve";
import { contentName } from "../names";
import { HardLimit, Plan, QuotaUsage, ResourceSpec, TargetDefault, Unmatched, Widening, broadWidenings, ref, refuseOverflows } from "../plan";
import { attribution, describeGrant, describeRendered } from "./describe";
import { AWS_LIMITS, ec2Description } from "./limits";
import { SecurityGroupOptions, SecurityGroupSettings } from "./settings";
import { shard } from "./sharding";

export const SECURITY_GROUP_TARGET = "aws-security-group";
export const SECURITY_GROUP_TYPE = "aws:ec2/securityGroup:SecurityGroup";
export const EGRESS_RULE_TYPE = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
export const INGRESS_RULE_TYPE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
export const PREFIX_LIST_TYPE = "aws:ec2/managedPrefixList:ManagedPrefixList";

/** External reference a component maps to the VPC id when none is given as text. */
export const VPC_REF = ref("vpc", "id");

const Options = SecurityGroupSettings;

/**
 * Security-group quotas the plan must not exceed (cloud-semantics §1.1, §2). Rules per group
 * and groups per interface are adjustable quotas, given as `maxRulesPerGroup` and
 * `maxGroupsPerInterface`: the rules are sharded to fit them and they stay reported. These
 * are not: rules × groups per interface is capped at 1,000, and a prefix list of more than
 * 1,000 entries can neither be created nor referenced (a reference costs its maxEntries in
 * one group, whose rules cannot exceed 1,000).
 */
export const SECURITY_GROUP_HARD_LIMITS: Readonly<Record<string, HardLimit>> = {
  "rules per group × groups per interface": { field: "securityGroups.maxRulesPerGroup", remedy: "lower maxRulesPerGroup or maxGroupsPerInterface" },
  "prefix list entries (maxEntries)": { field: "securityGroups.prefixListMaxEntries", remedy: "raise prefixListMaxEntries to the endpoint count" },
  "maxEntries of one prefix list": {
    field: "securityGroups.proxyPrefixLists",
    remedy: "endpoints that share ports share one list; leave proxyPrefixLists off and filter these endpoints with Network Firewall, or split them over rows with different ports",
  },
};

type Family = "ipv4" | "ipv6";

/** One standalone rule resource: (direction, protocol, port range, one CIDR or one prefix list). */
interface SgRule {
  readonly name: string;
  readonly direction: Direction;
  readonly protocol: Protocol;
  readonly family: Family;
  readonly range: PortRange;
  readonly cidr?: string;
  readonly prefixList?: string;
  readonly weight: number;
  readonly rules: readonly Rule[];
}

/** Per (direction, protocol, destination CIDR): the ports and the model rules that want them. */
interface Slot {
  direction: Direction;
  protocol: Protocol;
  cidr: string;
  ports: PortRange[];
  rules: Rule[];
}

const familyOf = (cidr: string): Family => (cidr.includes(":") ? "ipv6" : "ipv4");

function slotsFor(resolution: Resolution, ipv6: boolean): Slot[] {
  const slots = new Map<string, Slot>();
  for (const rule of resolution.ruleSet.rules) {
    // Security groups match addresses only: a domain becomes every address (reported as a widening).
    const cidrs = rule.destination.kind === "cidr" ? [rule.destination.cidr] : ["0.0.0.0/0", ...(ipv6 ? ["::/0"] : [])];
    for (const cidr of cidrs) {
      const key = `${rule.direction} ${rule.protocol} ${cidr}`;
      const slot = slots.get(key) ?? { direction: rule.direction, protocol: rule.protocol, cidr, ports: [], rules: [] };
      slot.ports = mergePortRanges([...slot.ports, ...rule.ports]);
      slot.rules.push(rule);
      slots.set(key, slot);
    }
  }
  const all = [...slots.values()];
  // Ports already open to a containing CIDR need no rule of their own. Only a shorter prefix can
  // contain another slot's CIDR (one slot per CIDR), which spares comparing thousands of /32s pairwise.
  const bits = (cidr: string) => Number(cidr.split("/")[1]);
  const wider = all.filter((o) => familyOf(o.cidr) === "ipv4" && bits(o.cidr) < 32);
  return all.map((s) => {
    if (familyOf(s.cidr) === "ipv6") return s;
    const covering = wider.filter((o) => o.direction === s.direction && o.protocol === s.protocol
      && bits(o.cidr) < bits(s.cidr) && cidrCovers(o.cidr, s.cidr));
    return { ...s, ports: subtractPorts(s.ports, covering.flatMap((o) => o.ports)) };
  }).filter((s) => s.ports.length > 0);
}

function ruleDescription(rules: readonly Rule[]): string {
  const a = attribution(rules);
  const notes = [
    ...(rules.some((r) => r.destination.kind === "domain") ? ["domains widened to any address"] : []),
    ...(rules.some((r) => r.sourcePorts) ? ["source ports not enforced"] : []),
  ];
  return ec2Description(
    `Agora ${a.sdks.join(", ")}; source: ${a.sources.join(", ")}${notes.length ? `; ${notes.join("; ")}` : ""}; ${a.purposes.join(", ")}`,
  );
}

/**
 * A rule that references a prefix list names no source or purpose: those belong to the
 * endpoints, which differ between test and production, and the rule must stay unchanged
 * when only the list's entries change (promotion).
 */
function prefixListRuleDescription(rules: readonly Rule[]): string {
  return ec2Description(`Agora ${attribution(rules).sdks.join(", ")}; cloud-proxy endpoints in the prefix list`);
}

function splitIntoRules(
  base: { direction: Direction; protocol: Protocol; cidr?: string; prefixList?: string; weight: number },
  ports: readonly PortRange[], rules: readonly Rule[],
): SgRule[] {
  const target = base.prefixList ?? base.cidr!;
  return mergePortRanges(ports).map((range) => ({
    ...base,
    family: base.cidr ? familyOf(base.cidr) : "ipv4",
    range,
    name: contentName(["sg", base.direction, base.protocol, formatPortRange(range), target]),
    rules: rules.filter((r) => r.ports.some((p) => overlaps(p, range))),
  }));
}

function widenings(resolution: Resolution, ipv6: boolean): Widening[] {
  return grants(resolution.ruleSet).filter((g) => g.destination.kind === "domain" || g.sourcePorts).map((g) => {
    const domain = g.destination.kind === "domain";
    const to = g.destination.kind === "cidr" ? [g.destination.cidr] : ["0.0.0.0/0", ...(ipv6 ? ["::/0"] : [])];
    const reasons = [
      ...(domain ? ["security groups match addresses, not names, and the addresses behind a domain change"] : []),
      ...(g.sourcePorts ? ["security groups cannot match source ports"] : []),
    ];
    return { target: SECURITY_GROUP_TARGET, rule: describeGrant(g), sdks: g.sdks, renderedAs: describeRendered(g, g.ports, to), reason: reasons.join("; ") };
  }).concat(broadWidenings(resolution.ruleSet, SECURITY_GROUP_TARGET, describeGrant, (g) => describeRendered(g, g.ports, [formatDestination(g.destination)])));
}

/** A group created here allows nothing it does not list; an existing group keeps whatever else it holds. */
function securityGroupDefault(existingSecurityGroupId: string | undefined): TargetDefault {
  return existingSecurityGroupId
    ? {
      target: SECURITY_GROUP_TARGET, unmatched: Unmatched.DecidedElsewhere,
      statement: "The existing security group decides: its other rules, and AWS's default allow-all egress rule unless you revoked it, still apply next to these.",
    }
    : {
      target: SECURITY_GROUP_TARGET, unmatched: Unmatched.Denied,
      statement: "Security groups allow only what a rule lists: the groups created here start with no rules (the provider removes AWS's default allow-all egress).",
    };
}

/**
 * Security groups for the rule set: one `vpc.SecurityGroupEgressRule` / `IngressRule`
 * per (protocol, merged port range, CIDR or prefix list), never inline rules. Domains
 * become `0.0.0.0/0` (and `::/0` with `ipv6`) and source ports are dropped, both
 * reported as widenings. Rules are sharded over as many groups as the per-group quota
 * needs; more than `maxGroupsPerInterface` is an InputError, and so is exceeding a hard
 * limit (SECURITY_GROUP_HARD_LIMITS: a prefix list above 1,000 entries). A group created here has
 * no inline rules, and the provider removes AWS's default allow-all egress on create,
 * so the group starts closed.
 */
export function renderSecurityGroupRules(resolution: Resolution, options: SecurityGroupOptions = {}): Plan {
  const o = parseInput(Options, options, "securityGroups");
  const limit = o.maxRulesPerGroup;
  if (limit * o.maxGroupsPerInterface > AWS_LIMITS.rulesTimesGroups) {
    throw new InputError("securityGroups.maxRulesPerGroup", `${limit} rules × ${o.maxGroupsPerInterface} groups per interface exceeds AWS's limit of ${AWS_LIMITS.rulesTimesGroups}`);
  }
  const slots = slotsFor(resolution, o.ipv6);
  const rules: SgRule[] = [];
  const prefixLists: ResourceSpec[] = [];

  const proxied = new Set(resolution.sdks.filter((s) => s.access === "cloud-proxy").map((s) => s.id));
  const isProxySlot = (s: Slot) => o.proxyPrefixLists && s.direction === "egress" && familyOf(s.cidr) === "ipv4"
    && s.cidr !== "0.0.0.0/0" && s.rules.every((r) => proxied.has(r.sdk));
  // Endpoints with the same ports share one list, so a rule on a list is exact for every entry.
  const proxySlots = slots.filter(isProxySlot);
  const profiles = new Map<string, Slot[]>();
  for (const cidr of new Set(proxySlots.map((s) => s.cidr))) {
    const mine = proxySlots.filter((s) => s.cidr === cidr);
    const profile = ["tcp", "udp"].map((p) => `${p} ${portRangesKey(mine.find((s) => s.protocol === p)?.ports ?? [])}`).join(" ");
    profiles.set(profile, [...(profiles.get(profile) ?? []), ...mine]);
  }
  for (const [profile, members] of [...profiles].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const cidrs = [...new Set(members.map((m) => m.cidr))].sort((a, b) => cidrSortKey(a).localeCompare(cidrSortKey(b)));
    const maxEntries = o.prefixListMaxEntries ?? cidrs.length;
    if (maxEntries < cidrs.length) {
      throw new InputError("securityGroups.prefixListMaxEntries", `${maxEntries} is fewer than the ${cidrs.length} proxy endpoints that share ports ${profile}`);
    }
    const name = contentName(["sg-proxy-endpoints", profile]);
    prefixLists.push({ type: PREFIX_LIST_TYPE, name, inputs: { addressFamily: "IPv4", maxEntries, entries: cidrs.map((cidr) => ({ cidr })) } });
    for (const protocol of ["tcp", "udp"] as const) {
      const same = members.filter((m) => m.protocol === protocol);
      if (same.length) rules.push(...splitIntoRules({ direction: "egress", protocol, prefixList: name, weight: maxEntries }, same[0].ports, same.flatMap((m) => m.rules)));
    }
  }
  const prefixListQuotas: QuotaUsage[] = prefixLists.flatMap((p) => [
    {
      target: SECURITY_GROUP_TARGET, quota: "prefix list entries (maxEntries)", scope: p.name,
      used: (p.inputs.entries as unknown[]).length, limit: p.inputs.maxEntries as number,
    },
    { target: SECURITY_GROUP_TARGET, quota: "maxEntries of one prefix list", scope: p.name, used: p.inputs.maxEntries as number, limit: AWS_LIMITS.prefixListMaxEntries },
  ]);
  // Before sharding: a list too large for AWS would otherwise surface as a groups-per-interface error.
  refuseOverflows(prefixListQuotas, SECURITY_GROUP_HARD_LIMITS);
  for (const s of slots.filter((x) => !isProxySlot(x))) {
    rules.push(...splitIntoRules({ direction: s.direction, protocol: s.protocol, cidr: s.cidr, weight: 1 }, s.ports, s.rules));
  }

  const placed = shard(rules.map((r) => ({ key: r.name, bucket: `${r.direction}/${r.family}`, weight: r.weight })), limit, o.maxGroupsPerInterface);
  if (!placed) {
    const cost = (d: Direction, f: Family) => rules.filter((r) => r.direction === d && r.family === f).reduce((n, r) => n + r.weight, 0);
    throw new InputError("securityGroups.maxGroupsPerInterface",
      `the rules need more than ${o.maxGroupsPerInterface} security groups of ${limit} rules per direction and family `
      + `(egress IPv4 costs ${cost("egress", "ipv4")}, ingress IPv4 ${cost("ingress", "ipv4")}); `
      + "raise the AWS quotas and these options, or filter these destinations with Network Firewall instead");
  }
  if (placed.shards > 1 && o.existingSecurityGroupId && !o.vpcId) {
    throw new InputError("securityGroups.vpcId", `the rules need ${placed.shards} security groups; give vpcId so the groups beyond the existing one can be created`);
  }

  const groups: ResourceSpec[] = [];
  const groupIds: string[] = [];
  const groupNames: string[] = [];
  for (let s = 0; s < placed.shards; s++) {
    if (s === 0 && o.existingSecurityGroupId) {
      groupIds.push(o.existingSecurityGroupId);
      groupNames.push("existing security group");
      continue;
    }
    const name = `sg-group-${s}`;
    groups.push({
      type: SECURITY_GROUP_TYPE, name,
      // The description is ForceNew, so it must not mention anything that changes.
      inputs: { vpcId: o.vpcId ?? VPC_REF, description: `Agora egress allowlist managed by agora-egress, group ${s}` },
    });
    groupIds.push(ref(name, "id"));
    groupNames.push(name);
  }

  const order = (r: SgRule) => [r.direction, r.family, r.protocol, r.prefixList ?? cidrSortKey(r.cidr!), String(r.range.from).padStart(5, "0")].join(" ");
  const ruleSpecs = [...rules].sort((a, b) => (order(a) < order(b) ? -1 : 1)).map((r): ResourceSpec => ({
    type: r.direction === "egress" ? EGRESS_RULE_TYPE : INGRESS_RULE_TYPE,
    name: r.name,
    inputs: {
      securityGroupId: groupIds[placed.assignment.get(r.name)!],
      ipProtocol: r.protocol,
      fromPort: r.range.from,
      toPort: r.range.to,
      ...(r.prefixList ? { prefixListId: ref(r.prefixList, "id") } : r.family === "ipv6" ? { cidrIpv6: r.cidr } : { cidrIpv4: r.cidr }),
      description: r.prefixList ? prefixListRuleDescription(r.rules) : ruleDescription(r.rules),
    },
  }));

  const quotas: QuotaUsage[] = [];
  groupIds.forEach((_, s) => {
    for (const d of ["egress", "ingress"] as const) {
      for (const f of ["ipv4", "ipv6"] as const) {
        const used = rules.filter((r) => placed.assignment.get(r.name) === s && r.direction === d && r.family === f).reduce((n, r) => n + r.weight, 0);
        if (used > 0) quotas.push({ target: SECURITY_GROUP_TARGET, quota: `${d} rules per security group (${f === "ipv4" ? "IPv4" : "IPv6"})`, scope: groupNames[s], used, limit });
      }
    }
  });
  quotas.push(
    { target: SECURITY_GROUP_TARGET, quota: "security groups per network interface", scope: "network interface", used: placed.shards, limit: o.maxGroupsPerInterface },
    { target: SECURITY_GROUP_TARGET, quota: "rules per group × groups per interface", scope: "network interface", used: limit * placed.shards, limit: AWS_LIMITS.rulesTimesGroups },
    ...prefixListQuotas,
  );
  refuseOverflows(quotas, SECURITY_GROUP_HARD_LIMITS);
  return {
    resources: [...prefixLists, ...groups, ...ruleSpecs], widenings: widenings(resolution, o.ipv6), quotas,
    defaults: [securityGroupDefault(o.existingSecurityGroupId)], notices: [],
  };
}

/** The ids of the groups a security-group plan uses, in shard order (refs or the existing id). */
export function securityGroupIds(plan: Plan, options: SecurityGroupOptions = {}): string[] {
  const created = plan.resources.filter((r) => r.type === SECURITY_GROUP_TYPE).map((r) => ref(r.name, "id"));
  return [...(options.existingSecurityGroupId ? [options.existingSecurityGroupId] : []), ...created];
}
