import { Grant, InputError, PortRange, formatPortRange, grants } from "../../model";
import { Resolution } from "../../resolve";
import { HardLimit, Plan, QuotaUsage, ResourceSpec, TargetDefault, Unmatched, Widening, broadWidenings, ref, refuseOverflows } from "../plan";
import { Block, Fact, groupIntoBlocks } from "./blocks";
import { describePattern } from "./describe";
import { DNS_GUARD_SLOTS, dnsGuardRules } from "./dns-guard";
import { internetRules } from "./internet-rules";
import { portsPart, profileNames } from "./profile-names";
import { AzurePlanOptions, EXTERNAL, AZURE_LIMITS, ResolvedAzureOptions, resolveAzureOptions } from "./options";
import { allocatePriorities } from "./priorities";

export const NSG_TARGET = "azure-nsg";
/** Logical name of the NSG created here. */
export const NSG_SPEC = "nsg";
export const SECURITY_RULE_TYPE = "azure-native:network:SecurityRule";
export const NSG_TYPE = "azure-native:network:NetworkSecurityGroup";

const INTERNET = "Internet" as const;

/** Quotas of an NSG that are Azure's maximums (cloud-semantics §5): refused, not reported, when exceeded. */
export const NSG_HARD_LIMITS: Readonly<Record<string, HardLimit>> = {
  "security rules per NSG": {
    field: "azure.nsg",
    remedy: "Azure allows no more rules in one NSG (rules already in an existing NSG count too); select fewer endpoints or custom rules with distinct ports, or filter these destinations with the Firewall Policy instead",
  },
  "address prefixes and port ranges per NSG": {
    field: "azure.nsg",
    remedy: "Azure allows no more address prefixes and port ranges in one NSG (those of rules already in an existing NSG count too); write contiguous addresses as CIDR blocks, or filter these destinations with the Firewall Policy (IP Groups) instead",
  },
};

export function describeGrant(g: Grant): string {
  return describePattern(g);
}

/** `field`AddressPrefix for one entry, the augmented plural form for several (never both). */
function prefixes(side: "source" | "destination", addresses: readonly string[]): Record<string, unknown> {
  return addresses.length === 1 ? { [`${side}AddressPrefix`]: addresses[0] } : { [`${side}AddressPrefixes`]: [...addresses] };
}

function portFields(side: "source" | "destination", ports: readonly PortRange[] | undefined): Record<string, unknown> {
  if (!ports) return { [`${side}PortRange`]: "*" };
  const texts = ports.map((p) => formatPortRange(p));
  return texts.length === 1 ? { [`${side}PortRange`]: texts[0] } : { [`${side}PortRanges`]: texts };
}

/**
 * Rules to addresses are named by their port profile, never by their addresses (see
 * `profileNames`), so promotion test → production updates their destinationAddressPrefixes in
 * place and they keep their names and priorities: `agora-out-tcp-addresses-1080_8000_9700_25000`,
 * `agora-in-udp-addresses-40000-41000`.
 */
function addressRuleNames(prefix: string, blocks: readonly Block[]): string[] {
  const way = (b: Block) => `${prefix}-${b.direction === "egress" ? "out" : "in"}-${b.protocol}`;
  return profileNames(blocks.map((b) => ({
    profile: [way(b), "addresses", portsPart(b.ports), ...(b.sourcePorts ? ["from", portsPart(b.sourcePorts)] : [])],
    sdks: b.sdks,
    addresses: b.addresses,
  })), AZURE_LIMITS.nsgRuleName);
}

function description(sdks: readonly string[]): string {
  const text = `Agora ${sdks.join(", ")} (agora-egress)`;
  return text.length <= 140 ? text : `${text.slice(0, 137)}...`;
}

/** How many address prefixes and port ranges a rule spends of the per-NSG budget. */
function addressesAndPorts(inputs: Record<string, unknown>): number {
  return ["sourceAddressPrefixes", "destinationAddressPrefixes", "sourcePortRanges", "destinationPortRanges"]
    .reduce((n, key) => n + (Array.isArray(inputs[key]) ? (inputs[key] as unknown[]).length : 0), 0)
    + ["sourceAddressPrefix", "destinationAddressPrefix", "sourcePortRange", "destinationPortRange"]
      .filter((key) => typeof inputs[key] === "string" && inputs[key] !== "*").length;
}

/**
 * NSG rules for a resolution: standalone `SecurityRule`s (never inline `securityRules`) on a
 * new NSG or an existing one, as augmented rules.
 *
 * - A domain cannot be expressed, so it becomes the `Internet` service tag on the same ports
 *   and source ports (reported). `Internet` rather than `*`: private and virtual-network
 *   destinations are not what a public Agora name resolves to, and virtual-network traffic
 *   is already allowed by the built-in AllowVnetOutBound. All such flows share one rule per
 *   direction, protocol and source ports, named by that alone (see `internetRules`): adding
 *   or removing SDKs updates its ports in place and never renames it.
 * - Rules to addresses are grouped per SDK (see `groupIntoBlocks`).
 * - Egress source ports (recording's local 4000-4030) are expressed exactly with `sourcePortRange(s)`;
 *   on an inbound rule the source port is the remote side's, so an ingress one is dropped (reported).
 * - Ingress (recording's simplex range) becomes an Inbound rule from the remote addresses.
 * - Priorities come from the rule names (see `allocatePriorities`), unique per direction, in
 *   the caller's window; with denyByDefault, a Deny to `Internet` takes the window's last slot,
 *   ahead of the built-in AllowInternetOutBound (65001).
 * - The window's first four Outbound priorities belong to the DNS guard (see `dnsGuardRules`),
 *   whether it is on or not: with `dnsGuard`, Allows to `dnsResolvers` and Denies of DNS (TCP/UDP
 *   53) and DNS over TLS (TCP 853) to `Internet` take them, ahead of every allow rule, and
 *   turning the guard on or off moves no other rule. Azure-provided DNS (168.63.129.16) is not
 *   filtered by NSGs and keeps working.
 * - A plan beyond an NSG maximum (1,000 rules, 4,000 prefixes and port ranges) is refused
 *   (NSG_HARD_LIMITS).
 * - Rules to addresses are named by their port profile (see `addressRuleNames`): promoting
 *   test → production with an endpoint list of the test table's shape updates their addresses
 *   in place, and every rule keeps its name and priority, so no rule is created or deleted.
 */
export function renderNsgRules(resolution: Resolution, options: AzurePlanOptions): Plan {
  return renderNsg(resolution, resolveAzureOptions(options));
}

export function renderNsg(resolution: Resolution, o: ResolvedAzureOptions): Plan {
  const { existing, firstPriority, lastPriority, denyByDefault } = o.nsg;
  const guard = dnsGuardRules(resolution.ruleSet, o.nsg, { prefix: o.namePrefix, firstPriority, field: "azure.nsg", target: NSG_TARGET });
  const resources: ResourceSpec[] = [];
  const at = existing
    ? { resourceGroupName: ref(EXTERNAL.existingNsg, "resourceGroupName"), networkSecurityGroupName: ref(EXTERNAL.existingNsg, "name") }
    : { resourceGroupName: o.resourceGroupName, networkSecurityGroupName: ref(NSG_SPEC, "name") };
  if (!existing) {
    resources.push({
      type: NSG_TYPE,
      name: NSG_SPEC,
      inputs: {
        resourceGroupName: o.resourceGroupName,
        ...(o.location ? { location: o.location } : {}),
        ...(o.nsg.networkSecurityGroupName ? { networkSecurityGroupName: o.nsg.networkSecurityGroupName } : {}),
      },
    });
  }

  const facts: Fact[] = resolution.ruleSet.rules.map((r) => ({
    sdk: r.sdk, direction: r.direction, protocol: r.protocol, ports: r.ports,
    address: r.destination.kind === "domain" ? INTERNET : r.destination.cidr,
    // On an inbound rule the source port is the remote side's, not the workload's: dropped (reported).
    ...(r.sourcePorts && r.direction === "egress" ? { sourcePorts: r.sourcePorts } : {}),
  }));
  const addressBlocks = groupIntoBlocks(facts.filter((f) => f.address !== INTERNET));
  const addressNames = addressRuleNames(o.namePrefix, addressBlocks);
  const named = [
    ...internetRules(o.namePrefix, facts.filter((f) => f.address === INTERNET), AZURE_LIMITS.nsgRuleName),
    ...addressBlocks.map((block, i) => ({ block, name: addressNames[i] })),
  ];
  const denyName = `${o.namePrefix}-out-deny-internet`;
  const priorities = new Map<string, number>();
  for (const direction of ["egress", "ingress"] as const) {
    const names = named.filter((n) => n.block.direction === direction).map((n) => n.name);
    const deny = direction === "egress" && denyByDefault ? 1 : 0;
    const kept = direction === "egress" ? DNS_GUARD_SLOTS : 0;
    const size = lastPriority - firstPriority + 1;
    if (names.length + deny + kept > size) {
      const what = [
        `${names.length} ${direction === "egress" ? "Outbound" : "Inbound"} allow rules`,
        ...(deny ? ["the deny rule"] : []),
        ...(kept ? [`the ${kept} kept for the DNS guard`] : []),
      ].join(", ").replace(/, ([^,]*)$/, " and $1");
      throw new InputError("azure.nsg.lastPriority", `${what} need ${names.length + deny + kept} priorities but ${firstPriority}-${lastPriority} has only ${size}; widen the window`);
    }
    const reserved = Array.from({ length: kept }, (_, i) => firstPriority + i);
    allocatePriorities(names, firstPriority, lastPriority - deny, "azure.nsg.lastPriority", direction, reserved).forEach((p, n) => priorities.set(n, p));
  }

  const rules: ResourceSpec[] = named.map(({ block: b, name }) => {
    const remote = [...b.addresses];
    const inputs = {
      ...at,
      securityRuleName: name,
      description: description(b.sdks),
      priority: priorities.get(name)!,
      direction: b.direction === "egress" ? "Outbound" : "Inbound",
      access: "Allow",
      protocol: b.protocol === "tcp" ? "Tcp" : "Udp",
      ...(b.direction === "egress"
        ? { ...prefixes("source", ["*"]), ...portFields("source", b.sourcePorts), ...prefixes("destination", remote) }
        : { ...prefixes("source", remote), ...portFields("source", b.sourcePorts), ...prefixes("destination", ["*"]) }),
      ...portFields("destination", b.ports),
    };
    return { type: SECURITY_RULE_TYPE, name, inputs };
  });
  for (const g of guard.rules) {
    rules.push({
      type: SECURITY_RULE_TYPE,
      name: g.name,
      inputs: {
        ...at,
        securityRuleName: g.name,
        description: g.description,
        priority: g.priority,
        direction: "Outbound",
        access: g.access,
        protocol: g.protocol === "tcp" ? "Tcp" : "Udp",
        ...prefixes("source", ["*"]),
        ...portFields("source", undefined),
        ...prefixes("destination", g.destinations),
        ...portFields("destination", g.ports),
      },
    });
  }
  if (denyByDefault) {
    rules.push({
      type: SECURITY_RULE_TYPE,
      name: denyName,
      inputs: {
        ...at,
        securityRuleName: denyName,
        description: "Deny other outbound Internet traffic, ahead of the built-in AllowInternetOutBound (agora-egress)",
        priority: lastPriority,
        direction: "Outbound",
        access: "Deny",
        protocol: "*",
        sourceAddressPrefix: "*",
        sourcePortRange: "*",
        destinationAddressPrefix: INTERNET,
        destinationPortRange: "*",
      },
    });
  }
  rules.sort((a, b) => (a.name < b.name ? -1 : 1));
  resources.push(...rules);

  const widenings: Widening[] = grants(resolution.ruleSet)
    .filter((g) => g.destination.kind === "domain" || (g.direction === "ingress" && g.sourcePorts))
    .map((g) => {
      const reasons = [
        ...(g.destination.kind === "domain" ? ["An NSG matches addresses, not names: the domain is allowed as the Internet service tag on the same ports."] : []),
        ...(g.direction === "ingress" && g.sourcePorts ? ["On an inbound rule the source port is the remote side's, so the workload source-port constraint is dropped."] : []),
      ];
      const widened = { ...g, destination: g.destination.kind === "domain" ? INTERNET : g.destination, sourcePorts: g.direction === "egress" ? g.sourcePorts : undefined };
      return { target: NSG_TARGET, rule: describeGrant(g), sdks: g.sdks, renderedAs: describePattern(widened), reason: reasons.join(" ") };
    });
  widenings.push(...guard.widenings);
  if (!denyByDefault) {
    widenings.push({
      target: NSG_TARGET,
      rule: "any * → Internet",
      sdks: resolution.sdks.map((s) => s.id),
      renderedAs: "any * → Internet",
      reason: "denyByDefault is off: the built-in AllowInternetOutBound (65001) admits all outbound Internet traffic.",
    });
  }

  const scope = existing ? "existing NSG" : "new NSG";
  const quotas: QuotaUsage[] = [
    { target: NSG_TARGET, quota: "security rules per NSG", scope, used: rules.length, limit: AZURE_LIMITS.nsgRulesPerGroup },
    {
      target: NSG_TARGET, quota: "address prefixes and port ranges per NSG", scope,
      used: rules.reduce((n, r) => n + addressesAndPorts(r.inputs), 0), limit: AZURE_LIMITS.nsgAddressesOrPortsPerGroup,
    },
    ...(["Outbound", "Inbound"] as const).map((d) => ({
      target: NSG_TARGET, quota: `${d} priorities in window ${firstPriority}-${lastPriority}`, scope,
      used: rules.filter((r) => r.inputs.direction === d).length, limit: lastPriority - firstPriority + 1,
    })),
  ];
  refuseOverflows(quotas, NSG_HARD_LIMITS);
  widenings.push(...broadWidenings(resolution.ruleSet, NSG_TARGET, describeGrant, (g) => describePattern(g)));
  const defaults: TargetDefault[] = [denyByDefault
    ? {
      target: NSG_TARGET, unmatched: Unmatched.Denied,
      statement: `A Deny of every other outbound Internet flow at priority ${lastPriority}, ahead of the built-in AllowInternetOutBound (65001); inbound, the built-in rules admit the virtual network and Azure's load balancer (AllowVnetInBound, AllowAzureLoadBalancerInBound) and DenyAllInBound (65500) drops the rest of what no rule allows.`,
    }
    : {
      target: NSG_TARGET, unmatched: Unmatched.Allowed,
      statement: "denyByDefault is off: the built-in AllowInternetOutBound (65001) lets every other outbound Internet flow out (listed under widenings).",
    }];
  return { resources, widenings, quotas, defaults, notices: [] };
}
