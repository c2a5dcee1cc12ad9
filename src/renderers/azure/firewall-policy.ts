import { Grant, PortRange, Rule, cidrCovers, formatPortRange, grants, portRangesKey } from "../../model";
import { Resolution } from "../../resolve";
import { shortHash } from "../names";
import { HardLimit, Notice, Plan, QuotaUsage, ResourceSpec, TargetDefault, Unmatched, Widening, broadWidenings, ref, refuseOverflows } from "../plan";
import { Block, Fact, addressKind, addressesKey, groupIntoBlocks } from "./blocks";
import { FlowPattern, describePattern } from "./describe";
import { joinName, portsPart, profileNames } from "./profile-names";
import { AzurePlanOptions, EXTERNAL, AZURE_LIMITS, ResolvedAzureOptions, WorkloadSources, resolveAzureOptions } from "./options";

export const FIREWALL_TARGET = "azure-firewall-policy";
/** Logical names of the policy created here and of the rule collection group. */
export const FIREWALL_POLICY_SPEC = "firewall-policy";
export const RULE_COLLECTION_GROUP_SPEC = "rule-collection-group";
export const FIREWALL_POLICY_TYPE = "azure-native:network:FirewallPolicy";
export const RULE_COLLECTION_GROUP_TYPE = "azure-native:network:FirewallPolicyRuleCollectionGroup";
export const IP_GROUP_TYPE = "azure-native:network:IpGroup";

/** The Azure name of an IP Group is `<component>-<spec name>-<random suffix>`, 80 characters at most. */
const IP_GROUP_SPEC_NAME_MAX = AZURE_LIMITS.ipGroupName - 24;

/**
 * Firewall Policy quotas that are Azure Firewall's maximums (cloud-semantics §6): a policy
 * beyond them fails to deploy, so the plan is refused. "Network rule source/destination
 * combinations" (20,000) stays reported only: how Azure counts them (IP Groups, ports) is not
 * settled by the sources, and this plan's count is an estimate.
 */
export const FIREWALL_POLICY_HARD_LIMITS: Readonly<Record<string, HardLimit>> = {
  "IP Groups per firewall policy (this plan's)": {
    field: "azure.firewallPolicy",
    remedy: "endpoints that share ports share one IP Group, so give the endpoints fewer distinct port sets (IP Groups the firewall already uses count too)",
  },
  "addresses per IP Group (largest)": {
    field: "azure.firewallPolicy",
    remedy: "write contiguous endpoint addresses as CIDR blocks",
  },
  "rule collection group size (bytes)": {
    field: "azure.firewallPolicy",
    remedy: "select fewer custom rules, or give the workloads as sourceIpGroups rather than a long sourceAddresses list (it is repeated in every rule)",
  },
};

/** Private ranges: traffic from them reaches the workloads through the firewall without DNAT (east-west). */
const PRIVATE_RANGES = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"];

/**
 * Azure Firewall admits unsolicited traffic from the Internet only through DNAT to its public
 * IP address: a network rule from Internet addresses to the workloads never delivers that
 * traffic and only opens east-west paths. Such ingress rules are not rendered; each is a notice.
 */
function isInternetIngress(r: Pick<Rule, "direction" | "destination">): boolean {
  if (r.direction !== "ingress") return false;
  const d = r.destination;
  return d.kind === "domain" || !PRIVATE_RANGES.some((p) => cidrCovers(p, d.cidr));
}

const INTERNET_INGRESS_REASON = "Azure Firewall lets unsolicited traffic in from the Internet only through a DNAT rule on its public IP address, "
  + "so a network rule would never deliver this traffic and would only open east-west paths: none is rendered. "
  + "Add a DNAT rule for these ports on your firewall (it needs the firewall's public IP), or route this traffic past the firewall to the workloads' NSG, which renders the rule.";

/** The only ports application rules take here: HTTP and HTTPS (TLS SNI). */
const APPLICATION_PROTOCOLS: ReadonlyMap<number, string> = new Map([[80, "Http"], [443, "Https"]]);
/** Which name an application rule reads on each of those ports. */
const PRESENTED_FIELD: ReadonlyMap<number, "HTTP Host" | "TLS SNI"> = new Map([[80, "HTTP Host"], [443, "TLS SNI"]]);

const REASONS = {
  sourcePorts: "Azure Firewall rules have no source-port match: the source ports are dropped.",
  fqdnByAddress: "A network-rule FQDN is matched by the addresses the firewall's DNS proxy resolves it to: other names on those addresses, and direct connections to them, are admitted too. Clients must use the firewall as their DNS server.",
  subtree: "Network rules take no wildcard FQDNs, so a domain with all its subdomains on ports other than TCP 80/443 becomes any destination (*) on exactly those ports. TCP 80/443 stay with the FQDN application rules: a network rule there would bypass them.",
  noDnsProxy: "Network-rule FQDNs need DNS proxy, which is off for this policy, so the name becomes any destination (*) on exactly these ports. TCP 80/443 stay with the FQDN application rules: a network rule there would bypass them.",
  ingressName: "Network rules match addresses, not names: the remote name becomes any address (*).",
  spoofing: "TLS SNI and HTTP Host are chosen by the client: a client that names an allowed host can connect to any address (SNI/Host spoofing)",
} as const;

/** Splits ports into the application-rule ports (TCP 80, 443) and the rest. */
function splitApplicationPorts(rule: Pick<Rule, "protocol" | "ports">): { app: PortRange[]; rest: PortRange[] } {
  if (rule.protocol !== "tcp") return { app: [], rest: [...rule.ports] };
  const app: PortRange[] = [];
  let rest: PortRange[] = [...rule.ports];
  for (const port of APPLICATION_PROTOCOLS.keys()) {
    if (!rest.some((r) => r.from <= port && port <= r.to)) continue;
    app.push({ from: port, to: port });
    rest = rest.flatMap((r) => (r.from <= port && port <= r.to
      ? [{ from: r.from, to: port - 1 }, { from: port + 1, to: r.to }].filter((x) => x.from <= x.to)
      : [r]));
  }
  return { app, rest };
}

/** Application-rule FQDN forms: `*.name` never matches `name`, so a subtree needs both; never `*name`. */
function targetFqdns(name: string, subtree: boolean): string[] {
  return subtree ? [name, `*.${name}`] : [name];
}

/**
 * Which rendering each part of a model rule (or grant) gets: application-rule ports, and the
 * rest as a network rule to `address` (a CIDR, an exact FQDN, or `*`). Shared by the rules and
 * the widenings so they agree.
 */
function classify(r: Pick<Rule, "direction" | "protocol" | "ports" | "destination">, dnsProxy: boolean) {
  const d = r.destination;
  if (d.kind === "cidr") return { app: [], rest: [...r.ports], restAs: "cidr", address: d.cidr } as const;
  if (r.direction === "ingress") return { app: [], rest: [...r.ports], restAs: "any", address: "*" } as const;
  const { app, rest } = splitApplicationPorts(r);
  return !d.subtree && dnsProxy ? { app, rest, restAs: "fqdn", address: d.name } as const : { app, rest, restAs: "any", address: "*" } as const;
}

function widen(g: Grant, dnsProxy: boolean): { pattern: FlowPattern; reason: string }[] {
  const { app, rest, restAs } = classify(g, dnsProxy);
  const src = g.sourcePorts ? ` ${REASONS.sourcePorts}` : "";
  const out: { pattern: FlowPattern; reason: string }[] = [];
  const base = { direction: g.direction, protocol: g.protocol };
  if (app.length > 0 && src) out.push({ pattern: { ...base, ports: app, destination: g.destination }, reason: REASONS.sourcePorts });
  // An application rule reads the name the client presents, whatever address it connects to.
  for (const port of app) {
    if (g.destination.kind !== "domain") throw new Error("application rules take names only");
    out.push({
      pattern: { ...base, ports: [port], destination: "*", presenting: { field: PRESENTED_FIELD.get(port.from)!, name: g.destination } },
      reason: REASONS.spoofing,
    });
  }
  if (rest.length === 0) return out;
  if (restAs === "cidr") {
    if (src) out.push({ pattern: { ...base, ports: rest, destination: g.destination }, reason: REASONS.sourcePorts });
  } else if (restAs === "fqdn") {
    out.push({ pattern: { ...base, ports: rest, destination: g.destination }, reason: REASONS.fqdnByAddress + src });
  } else if (g.direction === "ingress") {
    out.push({ pattern: { ...base, ports: rest, destination: "*" }, reason: REASONS.ingressName + src });
  } else {
    const why = g.destination.kind === "domain" && g.destination.subtree ? REASONS.subtree : REASONS.noDnsProxy;
    out.push({ pattern: { ...base, ports: rest, destination: "*" }, reason: why + src });
  }
  return out;
}

interface NetworkRule {
  readonly direction: Block["direction"];
  readonly protocols: readonly string[];
  readonly ports: readonly PortRange[];
  readonly addresses: readonly string[];
  readonly sdks: readonly string[];
}

/** One network rule can carry both protocols: merge blocks that differ only in protocol. */
function mergeProtocols(blocks: readonly Block[]): NetworkRule[] {
  const groups = new Map<string, Block[]>();
  for (const b of blocks) {
    const key = [b.direction, addressesKey(b.addresses), portRangesKey(b.ports)].join("|");
    groups.set(key, [...(groups.get(key) ?? []), b]);
  }
  return [...groups.values()].map((g) => ({
    direction: g[0].direction,
    protocols: [...new Set(g.map((b) => b.protocol.toUpperCase()))].sort(),
    ports: g[0].ports,
    addresses: g[0].addresses,
    sdks: [...new Set(g.flatMap((b) => b.sdks))].sort(),
  }));
}

const ports = (p: readonly PortRange[]) => p.map((r) => formatPortRange(r));
const description = (sdks: readonly string[]) => `Agora ${sdks.join(", ")}`;
const sources = (w: WorkloadSources, side: "source" | "destination") =>
  w.ipGroups ? { [`${side}IpGroups`]: [...w.ipGroups] } : { [`${side}Addresses`]: [...w.addresses!] };

/**
 * A rule collection group (on a new Firewall Policy with DNS proxy on, or on an existing policy)
 * with a network rule collection and an application rule collection:
 * - domains on TCP 80/443 → application rules (`name`, and `*.name` for a subtree; never `*name`).
 *   They read the TLS SNI / HTTP Host the client presents, not the address it connects to, so
 *   each is also reported as a widening: `tcp 443 → * presenting TLS SNI .agora.io`;
 * - exact domains on other ports → network rules with `destinationFqdns`, only with DNS proxy;
 * - subtree domains on other ports (and exact ones without DNS proxy) → `*` on exactly those ports,
 *   never on TCP 80/443, because network rules run first and would bypass the application rules;
 * - addresses → network rules to IP Groups (one per distinct address set, created in a
 *   `dependsOn` chain; the group depends on all of them, since Azure serialises these updates),
 *   both named by port profile, so promoting test → production with an endpoint list of the
 *   test table's shape changes only the IP Groups' `ipAddresses` (see `profileNames`);
 * - ingress from private addresses → network rules from them to the workloads; ingress from the
 *   Internet (recording's simplex range) is not rendered, and listed as a notice: only DNAT lets it in.
 * Every rule's source is the workloads (`sourceAddresses`, default RFC 1918, or `sourceIpGroups`),
 * so no rule is open in both directions. A plan beyond an Azure Firewall maximum (IP Groups,
 * addresses per IP Group, 2 MB per rule collection group) is refused: FIREWALL_POLICY_HARD_LIMITS.
 */
export function renderFirewallPolicyRules(resolution: Resolution, options: AzurePlanOptions): Plan {
  return renderFirewallPolicy(resolution, resolveAzureOptions(options));
}

export function renderFirewallPolicy(resolution: Resolution, o: ResolvedAzureOptions): Plan {
  const fw = o.firewallPolicy;
  const resources: ResourceSpec[] = [];
  const at = fw.existing
    ? { resourceGroupName: ref(EXTERNAL.existingFirewallPolicy, "resourceGroupName"), firewallPolicyName: ref(EXTERNAL.existingFirewallPolicy, "name") }
    : { resourceGroupName: o.resourceGroupName, firewallPolicyName: ref(FIREWALL_POLICY_SPEC, "name") };
  const placement = { resourceGroupName: o.resourceGroupName, ...(o.location ? { location: o.location } : {}) };
  if (!fw.existing) {
    resources.push({
      type: FIREWALL_POLICY_TYPE,
      name: FIREWALL_POLICY_SPEC,
      inputs: { ...placement, sku: { tier: fw.tier }, ...(fw.dnsProxy ? { dnsSettings: { enableProxy: true } } : {}) },
    });
  }

  const app: Fact[] = [], fqdn: Fact[] = [], any: Fact[] = [], cidr: Fact[] = [], ingress: Fact[] = [];
  for (const r of resolution.ruleSet.rules) {
    if (isInternetIngress(r)) continue;
    const { app: appPorts, rest, restAs, address } = classify(r, fw.dnsProxy);
    const base = { sdk: r.sdk, direction: r.direction, protocol: r.protocol };
    if (r.destination.kind === "domain") {
      for (const form of targetFqdns(r.destination.name, r.destination.subtree)) {
        if (appPorts.length > 0) app.push({ ...base, address: form, ports: appPorts });
      }
    }
    if (rest.length === 0) continue;
    const bucket = r.direction === "ingress" ? ingress : restAs === "cidr" ? cidr : restAs === "fqdn" ? fqdn : any;
    bucket.push({ ...base, address, ports: rest });
  }

  // Rules to addresses, and their IP Groups (one per distinct address set), are named by port
  // profile, never by addresses (see `profileNames`): on promotion only the groups' ipAddresses
  // change and the rule collection group stays byte-identical.
  const cidrRules = mergeProtocols(groupIntoBlocks(cidr));
  const cidrNames = profileNames(cidrRules.map((r) => ({
    profile: [r.direction === "egress" ? "out" : "in", ...r.protocols.map((p) => p.toLowerCase()), "ip-group", portsPart(r.ports)],
    sdks: r.sdks,
    addresses: r.addresses,
  })), AZURE_LIMITS.firewallRuleName);
  // An IP Group is named by the rules that use it, e.g. `ip-group-tcp-4000-udp-4500-4650`.
  const users = new Map<string, { addresses: readonly string[]; rules: string[] }>();
  cidrRules.forEach((r, i) => {
    const key = addressesKey(r.addresses);
    users.set(key, { addresses: r.addresses, rules: [...(users.get(key)?.rules ?? []), cidrNames[i].replace(/^out-|ip-group-/g, "")] });
  });
  const ipGroupOf = new Map([...users].map(([key, u]) => [key, joinName(["ip-group", ...u.rules.sort()], IP_GROUP_SPEC_NAME_MAX)]));
  const ipGroups = new Map([...users].map(([key, u]) => [ipGroupOf.get(key)!, u.addresses]));
  if (ipGroups.size !== users.size) throw new Error(`IP Group names repeat: ${[...ipGroupOf.values()].join(", ")}`);
  const ipGroupSpecs: ResourceSpec[] = [...ipGroups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, addresses], i, all) => ({
      type: IP_GROUP_TYPE,
      name,
      inputs: { ...placement, ipAddresses: [...addresses] },
      ...(i > 0 ? { dependsOn: [all[i - 1][0]] } : {}),
    }));

  const networkRule = (r: NetworkRule, name: string, destination: Record<string, unknown>, source: Record<string, unknown>) => ({
    ruleType: "NetworkRule",
    name,
    description: description(r.sdks),
    ipProtocols: [...r.protocols],
    ...source,
    ...destination,
    destinationPorts: ports(r.ports),
  });
  // Rules to names or `*` hold no per-environment address: named by a hash of their content.
  const hashName = (r: NetworkRule, kind: string) =>
    `${r.direction === "egress" ? "out" : "in"}-${r.protocols.join("-").toLowerCase()}-${kind}-${shortHash(JSON.stringify([r.direction, r.protocols, r.addresses, ports(r.ports)]))}`;
  const workload = sources(fw.workload, "source");
  const fqdnRules = mergeProtocols(groupIntoBlocks(fqdn));
  const anyRules = mergeProtocols(groupIntoBlocks(any));
  const ingressRules = mergeProtocols(groupIntoBlocks(ingress));
  const networkRules = [
    ...cidrRules.map((r, i) => networkRule(r, cidrNames[i], { destinationIpGroups: [ref(ipGroupOf.get(addressesKey(r.addresses))!, "id")] }, workload)),
    ...fqdnRules.map((r) => networkRule(r, hashName(r, "fqdn"), { destinationFqdns: [...r.addresses] }, workload)),
    ...anyRules.map((r) => networkRule(r, hashName(r, "any"), { destinationAddresses: ["*"] }, workload)),
    ...ingressRules.map((r) => networkRule(r, hashName(r, addressKind(r.addresses[0]) === "cidr" ? "addresses" : "any"),
      sources(fw.workload, "destination"), { sourceAddresses: [...r.addresses] })),
  ].sort((a, b) => (a.name < b.name ? -1 : 1));
  const applicationRules = groupIntoBlocks(app).map((b) => {
    const protocols = b.ports.map((p) => ({ protocolType: APPLICATION_PROTOCOLS.get(p.from)!, port: p.from }));
    return {
      ruleType: "ApplicationRule",
      name: `app-${protocols.map((p) => p.protocolType.toLowerCase()).join("-")}-${shortHash(JSON.stringify([b.addresses, ports(b.ports)]))}`,
      description: description(b.sdks),
      protocols,
      ...workload,
      targetFqdns: [...b.addresses],
    };
  }).sort((a, b) => (a.name < b.name ? -1 : 1));

  const collection = (kind: string, priority: number, rules: readonly object[]) => ({
    ruleCollectionType: "FirewallPolicyFilterRuleCollection",
    name: `${o.namePrefix}-${kind}`,
    priority,
    action: { type: "Allow" },
    rules,
  });
  const ruleCollections = [
    ...(networkRules.length ? [collection("network", fw.networkRuleCollectionPriority, networkRules)] : []),
    ...(applicationRules.length ? [collection("application", fw.applicationRuleCollectionPriority, applicationRules)] : []),
  ];
  const rcgInputs = { ...at, ruleCollectionGroupName: `${o.namePrefix}-egress`, priority: fw.ruleCollectionGroupPriority, ruleCollections };
  resources.push(...ipGroupSpecs, {
    type: RULE_COLLECTION_GROUP_TYPE,
    name: RULE_COLLECTION_GROUP_SPEC,
    inputs: rcgInputs,
    ...(ipGroupSpecs.length ? { dependsOn: ipGroupSpecs.map((s) => s.name) } : {}),
  });

  const rendered = grants(resolution.ruleSet).filter((g) => !isInternetIngress(g));
  const widenings: Widening[] = rendered.flatMap((g) => widen(g, fw.dnsProxy).map(({ pattern, reason }) => ({
    target: FIREWALL_TARGET, rule: describePattern(g), sdks: g.sdks, renderedAs: describePattern(pattern), reason,
  })));
  widenings.push(...broadWidenings(resolution.ruleSet, FIREWALL_TARGET, describePattern, (g) => (isInternetIngress(g) ? undefined : describePattern(g))));
  const notices: Notice[] = grants(resolution.ruleSet).filter(isInternetIngress).map((g) => ({
    target: FIREWALL_TARGET, rule: describePattern(g), sdks: g.sdks, reason: INTERNET_INGRESS_REASON,
  }));

  // Each network rule spends sources × destinations (an IP Group counts its addresses).
  const sourceCount = (fw.workload.addresses ?? fw.workload.ipGroups ?? []).length;
  const combinations = sourceCount * [cidrRules, fqdnRules, anyRules, ingressRules].flat().reduce((n, r) => n + r.addresses.length, 0);
  const scope = fw.existing ? "existing firewall policy" : "new firewall policy";
  const quotas: QuotaUsage[] = [
    { target: FIREWALL_TARGET, quota: "IP Groups per firewall policy (this plan's)", scope, used: ipGroups.size, limit: AZURE_LIMITS.ipGroupsPerPolicy },
    {
      target: FIREWALL_TARGET, quota: "addresses per IP Group (largest)", scope,
      used: Math.max(0, ...[...ipGroups.values()].map((a) => a.length)), limit: AZURE_LIMITS.addressesPerIpGroup,
    },
    { target: FIREWALL_TARGET, quota: "network rule source/destination combinations", scope, used: combinations, limit: AZURE_LIMITS.networkRuleCombinations },
    {
      target: FIREWALL_TARGET, quota: "rule collection group size (bytes)", scope: `${o.namePrefix}-egress`,
      used: Buffer.byteLength(JSON.stringify(rcgInputs)), limit: AZURE_LIMITS.ruleCollectionGroupBytes,
    },
  ];
  refuseOverflows(quotas, FIREWALL_POLICY_HARD_LIMITS);
  const defaults: TargetDefault[] = [fw.existing
    ? {
      target: FIREWALL_TARGET, unmatched: Unmatched.DecidedElsewhere,
      statement: "Azure Firewall denies what no rule allows, but the existing policy's other rule collection groups (and a parent policy's) still allow what they allow.",
    }
    : { target: FIREWALL_TARGET, unmatched: Unmatched.Denied, statement: "Azure Firewall denies what no rule allows; the policy created here holds only this rule collection group." }];
  return { resources, widenings, quotas, defaults, notices };
}
