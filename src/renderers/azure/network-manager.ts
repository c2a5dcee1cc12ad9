import { z } from "zod";
import { Grant, InputError, PortRange, formatPortRange, grants, quote } from "../../model";
import { Resolution, parseInput } from "../../resolve";
import { shortHash } from "../names";
import { HardLimit, Plan, QuotaUsage, ResourceSpec, TargetDefault, Unmatched, Widening, broadWidenings, parseRef, ref, refuseOverflows } from "../plan";
import { isArmId, parseArmId } from "./arm-id";
import { Block, Fact, groupIntoBlocks } from "./blocks";
import { describePattern } from "./describe";
import { FIREWALL_POLICY_SPEC, FIREWALL_POLICY_TYPE, renderFirewallPolicy } from "./firewall-policy";
import { internetRules } from "./internet-rules";
import { AVNM_LIMITS, NetworkManagerOptions, NetworkManagerSettings } from "./network-manager-settings";
import { resolveAzureOptions } from "./options";
import { allocatePriorities } from "./priorities";
import { portsPart, profileNames } from "./profile-names";

export const SECURITY_ADMIN_CONFIGURATION_TYPE = "azure-native:network:SecurityAdminConfiguration";
export const ADMIN_RULE_COLLECTION_TYPE = "azure-native:network:AdminRuleCollection";
export const ADMIN_RULE_TYPE = "azure-native:network:AdminRule";
export const NETWORK_MANAGER_COMMIT_TYPE = "azure-native:network:Commit";

export const AVNM_TARGET = "azure-virtual-network-manager";
export const FIREWALL_BASE_POLICY_TARGET = "azure-firewall-base-policy";

export const SECURITY_ADMIN_CONFIGURATION_SPEC = "avnm-security-admin-configuration";
export const ADMIN_RULE_COLLECTION_SPEC = "avnm-rule-collection";
export const NETWORK_MANAGER_COMMIT_SPEC = "avnm-commit";
/** The external reference to the network manager: outputs `id`, `name`, `resourceGroupName`. */
export const NETWORK_MANAGER_REF = "network-manager";
/** A child policy's logical name. */
export const childPolicySpec = (key: string) => `firewall-policy-child-${key}`;

const INTERNET = "Internet" as const;

/** Virtual Network Manager maximums: a configuration beyond them fails to deploy. */
export const NETWORK_MANAGER_HARD_LIMITS: Readonly<Record<string, HardLimit>> = {
  "IP prefixes in all security admin rules": {
    field: "azureNetworkManager",
    remedy: "write contiguous endpoint addresses as CIDR blocks, or filter these destinations with the base Firewall Policy (IP Groups) instead",
  },
  "admin rules in one level": {
    field: "azureNetworkManager",
    remedy: "select fewer endpoints or custom rules with distinct ports",
  },
};

/** Every control of the network manager plan (what `plan --cloud azure --scope organization` shows without a stack). */
export const ALL_NETWORK_MANAGER_TARGETS: NetworkManagerOptions = {
  networkManagerId: ref(NETWORK_MANAGER_REF, "id"),
  networkGroups: { workloads: ref("network-group-workloads", "id") },
  firewallPolicy: { location: "westeurope" },
};

type Options = z.output<typeof NetworkManagerSettings>;

const NETWORK_GROUP_ID = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Network\/networkManagers\/[^/]+\/networkGroups\/[^/]+$/i;
/** Regions compare without case or spaces: `West Europe` is `westeurope`. */
const regionKey = (r: string) => r.toLowerCase().replace(/\s+/g, "");

/** The network manager's name and resource group: from its id when given as text, else references the component fills in. */
function networkManagerAt(o: Options): { networkManagerName: string; resourceGroupName: string } {
  if (parseRef(o.networkManagerId)) {
    return { networkManagerName: ref(NETWORK_MANAGER_REF, "name"), resourceGroupName: ref(NETWORK_MANAGER_REF, "resourceGroupName") };
  }
  const id = parseArmId(o.networkManagerId, "azureNetworkManager.networkManagerId", "Microsoft.Network/networkManagers");
  return { networkManagerName: id.name, resourceGroupName: id.resourceGroupName };
}

/** Refuses a network group id given as text that is not one (`…/networkManagers/<name>/networkGroups/<name>`). */
export function checkNetworkGroupId(id: string, field: string, networkManagerId?: string): void {
  if (parseRef(id)) return;
  // Taken as written: an id with spaces around it is refused, not trimmed.
  if (!NETWORK_GROUP_ID.test(id)) {
    throw new InputError(field, `${quote(id)} is not the ARM id of a network group (…/networkManagers/<name>/networkGroups/<name>)`);
  }
  // Admin rule collections apply to the network manager's own groups only; Azure would refuse it mid-deploy.
  const manager = id.slice(0, id.toLowerCase().indexOf("/networkgroups/"));
  const known = networkManagerId !== undefined && isArmId(networkManagerId, "Microsoft.Network/networkManagers");
  if (known && manager.toLowerCase() !== networkManagerId.toLowerCase()) {
    throw new InputError(field, `${quote(id)} is a network group of another network manager than networkManagerId ${quote(networkManagerId)}`);
  }
}

function checkOptions(o: Options): void {
  const field = "azureNetworkManager";
  if (o.firstPriority > o.lastPriority) {
    throw new InputError(`${field}.firstPriority`, `${o.firstPriority} is after lastPriority ${o.lastPriority}`);
  }
  const groups = Object.entries(o.networkGroups);
  if (groups.length === 0) throw new InputError(`${field}.networkGroups`, "is empty: name at least one network group the rules apply to");
  const seen = new Map<string, string>();
  for (const [key, id] of groups) {
    checkNetworkGroupId(id, `${field}.networkGroups.${key}`, o.networkManagerId);
    const other = seen.get(id.toLowerCase());
    if (other !== undefined) throw new InputError(`${field}.networkGroups.${key}`, `is the same network group as ${other}`);
    seen.set(id.toLowerCase(), key);
  }
  if (o.commitLocations && !o.replaceDeployedConfiguration) {
    throw new InputError(`${field}.commitLocations`, "a commit replaces the security admin configuration deployed in those regions (a network "
      + "manager deploys one per region), and with it any other admin rules there: set replaceDeployedConfiguration: true to say that is "
      + "intended, or leave commitLocations out and add the rule collection to your own deployed configuration's commit");
  }
  if (o.replaceDeployedConfiguration && !o.commitLocations) {
    throw new InputError(`${field}.replaceDeployedConfiguration`, "is only used with commitLocations");
  }
  const locations = o.commitLocations ?? [];
  locations.forEach((l, i) => {
    if (locations.findIndex((x) => regionKey(x) === regionKey(l)) !== i) throw new InputError(`${field}.commitLocations[${i}]`, `${quote(l)} is listed twice`);
  });
}

const addresses = (items: readonly string[], kind: "IPPrefix" | "ServiceTag") => items.map((addressPrefix) => ({ addressPrefix, addressPrefixType: kind }));
const portRanges = (ports: readonly PortRange[] | undefined) => (ports ? ports.map((p) => formatPortRange(p)) : ["0-65535"]);
function description(sdks: readonly string[]): string {
  const text = `Agora ${sdks.join(", ")} (agora-egress)`;
  return text.length <= AVNM_LIMITS.description ? text : `${text.slice(0, AVNM_LIMITS.description - 3)}...`;
}

/**
 * The admin rules: one Allow per NSG-style block, domains as the `Internet` service tag (one
 * rule per direction, protocol and source ports, named by that alone), addresses named by port
 * profile, so promotion updates prefixes in place. Priorities come from the names.
 */
function adminRules(resolution: Resolution, o: Options, at: Record<string, string>): { rules: ResourceSpec[]; widenings: Widening[] } {
  const facts: Fact[] = resolution.ruleSet.rules.map((r) => ({
    sdk: r.sdk, direction: r.direction, protocol: r.protocol, ports: r.ports,
    address: r.destination.kind === "domain" ? INTERNET : r.destination.cidr,
    ...(r.sourcePorts && r.direction === "egress" ? { sourcePorts: r.sourcePorts } : {}),
  }));
  const addressBlocks = groupIntoBlocks(facts.filter((f) => f.address !== INTERNET));
  const addressNames = profileNames(addressBlocks.map((b) => ({
    profile: [`${o.namePrefix}-${b.direction === "egress" ? "out" : "in"}-${b.protocol}`, "addresses", portsPart(b.ports), ...(b.sourcePorts ? ["from", portsPart(b.sourcePorts)] : [])],
    sdks: b.sdks,
    addresses: b.addresses,
  })), AVNM_LIMITS.ruleName);
  const named: { block: Block; name: string }[] = [
    ...internetRules(o.namePrefix, facts.filter((f) => f.address === INTERNET), AVNM_LIMITS.ruleName),
    ...addressBlocks.map((block, i) => ({ block, name: addressNames[i] })),
  ];
  const deny = o.denyOtherInternet ? 1 : 0;
  const priorities = new Map<string, number>();
  for (const direction of ["egress", "ingress"] as const) {
    const names = named.filter((n) => n.block.direction === direction).map((n) => n.name);
    const last = direction === "egress" ? o.lastPriority - deny : o.lastPriority;
    if (last < o.firstPriority && names.length > 0) {
      throw new InputError("azureNetworkManager.lastPriority", `${o.firstPriority}-${o.lastPriority} leaves no priority for the allow rules next to the guardrail; widen the window`);
    }
    allocatePriorities(names, o.firstPriority, Math.max(last, o.firstPriority), "azureNetworkManager.lastPriority", `${names.length} ${direction === "egress" ? "Outbound" : "Inbound"} admin rules`)
      .forEach((p, n) => priorities.set(n, p));
  }
  const rules: ResourceSpec[] = named.map(({ block: b, name }) => {
    const remote = b.addresses[0] === INTERNET ? addresses([INTERNET], "ServiceTag") : addresses(b.addresses, "IPPrefix");
    const any = addresses(["*"], "IPPrefix");
    return {
      type: ADMIN_RULE_TYPE,
      name,
      inputs: {
        ...at,
        ruleName: name,
        kind: "Custom",
        description: description(b.sdks),
        // Allow, never AlwaysAllow: an Allow still goes on to the NSGs, AlwaysAllow would skip them.
        access: "Allow",
        direction: b.direction === "egress" ? "Outbound" : "Inbound",
        priority: priorities.get(name)!,
        protocol: b.protocol === "tcp" ? "Tcp" : "Udp",
        sources: b.direction === "egress" ? any : remote,
        destinations: b.direction === "egress" ? remote : any,
        sourcePortRanges: portRanges(b.sourcePorts),
        destinationPortRanges: portRanges(b.ports),
      },
    };
  });
  if (o.denyOtherInternet) {
    const name = `${o.namePrefix}-out-deny-internet`;
    rules.push({
      type: ADMIN_RULE_TYPE,
      name,
      inputs: {
        ...at, ruleName: name, kind: "Custom",
        description: "Deny other outbound Internet traffic (agora-egress guardrail)",
        access: "Deny", direction: "Outbound", priority: o.lastPriority, protocol: "Any",
        sources: addresses(["*"], "IPPrefix"), destinations: addresses([INTERNET], "ServiceTag"),
        sourcePortRanges: ["0-65535"], destinationPortRanges: ["0-65535"],
      },
    });
  }
  rules.sort((a, b) => (a.name < b.name ? -1 : 1));
  const widenings: Widening[] = grants(resolution.ruleSet)
    .filter((g) => g.destination.kind === "domain" || (g.direction === "ingress" && g.sourcePorts))
    .map((g: Grant) => {
      const reasons = [
        ...(g.destination.kind === "domain" ? ["Admin rules match addresses, not names: the domain is allowed as the Internet service tag on the same ports."] : []),
        ...(g.direction === "ingress" && g.sourcePorts ? ["On an inbound rule the source port is the remote side's, so the workload source-port constraint is dropped."] : []),
      ];
      const widened = { ...g, destination: g.destination.kind === "domain" ? INTERNET : g.destination, sourcePorts: g.direction === "egress" ? g.sourcePorts : undefined };
      return { target: AVNM_TARGET, rule: describePattern(g), sdks: g.sdks, renderedAs: describePattern(widened), reason: reasons.join(" ") };
    });
  widenings.push(...broadWidenings(resolution.ruleSet, AVNM_TARGET, describePattern, (g) => describePattern(g)));
  return { rules, widenings };
}

/** The base Firewall Policy with the Agora rule collection group, and the child policies that inherit it. */
function firewallPolicies(resolution: Resolution, o: Options, networkManagerResourceGroup: string): Plan {
  const fp = o.firewallPolicy!;
  const field = "azureNetworkManager.firewallPolicy";
  let resolved;
  try {
    resolved = resolveAzureOptions({
      resourceGroupName: fp.resourceGroupName ?? networkManagerResourceGroup,
      location: fp.location,
      namePrefix: o.namePrefix,
      firewallPolicy: {
        tier: fp.tier,
        ...(fp.dnsProxyEnabled !== undefined ? { dnsProxyEnabled: fp.dnsProxyEnabled } : {}),
        ruleCollectionGroupPriority: fp.ruleCollectionGroupPriority,
        networkRuleCollectionPriority: fp.networkRuleCollectionPriority,
        applicationRuleCollectionPriority: fp.applicationRuleCollectionPriority,
        ...(fp.sourceAddresses ? { sourceAddresses: fp.sourceAddresses } : {}),
      },
    });
  } catch (err) {
    if (err instanceof InputError) throw new InputError(err.field.replace(/^azure\.(firewallPolicy\.)?/, `${field}.`), err.template);
    throw err;
  }
  const plan = renderFirewallPolicy(resolution, resolved);
  const base = plan.resources.find((r) => r.type === FIREWALL_POLICY_TYPE && r.name === FIREWALL_POLICY_SPEC)!;
  const children: ResourceSpec[] = Object.entries(fp.childPolicies ?? {}).sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, location]) => {
    if (regionKey(location) !== regionKey(fp.location)) {
      throw new InputError(`${field}.childPolicies.${key}`, `${quote(location)} is not the base policy's region ${quote(fp.location)}: Azure takes a base policy from the same region only`);
    }
    const { location: _baseLocation, ...inherited } = base.inputs;
    return {
      type: FIREWALL_POLICY_TYPE,
      name: childPolicySpec(key),
      // Tier and DNS settings as the base's: a child on a lower tier, or without the DNS proxy its network-rule FQDNs need, would not carry them.
      inputs: { ...inherited, location, basePolicy: { id: ref(FIREWALL_POLICY_SPEC, "id") } },
      dependsOn: plan.resources.filter((r) => r.type !== FIREWALL_POLICY_TYPE).map((r) => r.name),
    };
  });
  const childNote = children.length ? `; its ${children.length} child polic${children.length === 1 ? "y inherits" : "ies inherit"} it` : "";
  const defaults: TargetDefault[] = [{
    target: FIREWALL_BASE_POLICY_TARGET, unmatched: Unmatched.DecidedElsewhere,
    statement: `Azure Firewall denies what no rule allows; the base policy holds only this rule collection group${childNote}, and the rule collection groups `
      + "each child policy adds (run after the inherited ones by priority) can allow more.",
  }];
  return {
    resources: [...plan.resources, ...children],
    widenings: plan.widenings.map((w) => ({ ...w, target: FIREWALL_BASE_POLICY_TARGET })),
    quotas: plan.quotas.map((q) => ({ ...q, target: FIREWALL_BASE_POLICY_TARGET, scope: q.scope === "new firewall policy" ? "base firewall policy" : q.scope })),
    defaults,
    notices: plan.notices.map((n) => ({ ...n, target: FIREWALL_BASE_POLICY_TARGET })),
  };
}

/**
 * Agora's egress controls for every virtual network of the given network groups, from the
 * network manager's subscription: a security admin configuration with one rule collection
 * applying to the network groups, and one Allow admin rule per flow block (domains as the
 * `Internet` service tag, reported as widenings; stable, content-derived names and
 * priorities), an optional Deny guardrail for other Internet egress, an optional commit of the
 * configuration to the given regions (`network.Commit`), and optionally a base Firewall Policy
 * with the Agora rule collection group that child policies in its region inherit. The count
 * depends on the selection only, never on the networks in the groups.
 */
export function renderNetworkManagerPlan(resolution: Resolution, options: NetworkManagerOptions): Plan {
  const o = parseInput(NetworkManagerSettings, options, "azureNetworkManager");
  checkOptions(o);
  const nm = networkManagerAt(o);
  const configurationName = `${o.namePrefix}-egress`;
  const configuration: ResourceSpec = {
    type: SECURITY_ADMIN_CONFIGURATION_TYPE,
    name: SECURITY_ADMIN_CONFIGURATION_SPEC,
    inputs: { ...nm, configurationName, description: "Agora egress allowlist (agora-egress)" },
  };
  const collection: ResourceSpec = {
    type: ADMIN_RULE_COLLECTION_TYPE,
    name: ADMIN_RULE_COLLECTION_SPEC,
    inputs: {
      ...nm,
      configurationName: ref(SECURITY_ADMIN_CONFIGURATION_SPEC, "name"),
      ruleCollectionName: `${o.namePrefix}-egress`,
      description: "Agora egress allowlist (agora-egress)",
      appliesToGroups: [...new Set(Object.values(o.networkGroups))].sort().map((networkGroupId) => ({ networkGroupId })),
    },
  };
  const at = { ...nm, configurationName: ref(SECURITY_ADMIN_CONFIGURATION_SPEC, "name"), ruleCollectionName: ref(ADMIN_RULE_COLLECTION_SPEC, "name") };
  const { rules, widenings } = adminRules(resolution, o, at);
  const commit: ResourceSpec[] = o.commitLocations ? [{
    type: NETWORK_MANAGER_COMMIT_TYPE,
    name: NETWORK_MANAGER_COMMIT_SPEC,
    inputs: {
      ...nm,
      properties: {
        commitType: "SecurityAdmin",
        configurationIds: [ref(SECURITY_ADMIN_CONFIGURATION_SPEC, "id")],
        targetLocations: [...o.commitLocations].sort((a, b) => (regionKey(a) < regionKey(b) ? -1 : 1)),
        // A changed rule or collection (its network groups too) changes the tag, so the configuration is deployed again.
        forceUpdateTag: shortHash(JSON.stringify([configuration.inputs, collection.inputs, ...rules.map((r) => r.inputs)]), 16),
      },
    },
    dependsOn: [ADMIN_RULE_COLLECTION_SPEC, ...rules.map((r) => r.name)],
  }] : [];
  const prefixCount = rules.reduce((n, r) => n + (r.inputs.sources as unknown[]).length + (r.inputs.destinations as unknown[]).length, 0);
  const quotas: QuotaUsage[] = [
    { target: AVNM_TARGET, quota: "IP prefixes in all security admin rules", scope: configurationName, used: prefixCount, limit: AVNM_LIMITS.ipPrefixes },
    { target: AVNM_TARGET, quota: "admin rules in one level", scope: configurationName, used: rules.length, limit: AVNM_LIMITS.adminRules },
    ...(["Outbound", "Inbound"] as const).map((d) => ({
      target: AVNM_TARGET, quota: `${d} priorities in window ${o.firstPriority}-${o.lastPriority}`, scope: configurationName,
      used: rules.filter((r) => r.inputs.direction === d).length, limit: o.lastPriority - o.firstPriority + 1,
    })),
  ];
  refuseOverflows(quotas, NETWORK_MANAGER_HARD_LIMITS);
  const committed = o.commitLocations ? `committed here to ${[...o.commitLocations].join(", ")}` : "once you commit the configuration to the networks' regions";
  const defaults: TargetDefault[] = [o.denyOtherInternet
    ? {
      target: AVNM_TARGET, unmatched: Unmatched.Denied,
      statement: `A Deny admin rule for every other outbound flow to Internet at priority ${o.lastPriority}, evaluated before every NSG (${committed}); `
        + "Agora's flows pass the Allow rules on to the NSGs, which must allow them too.",
    }
    : {
      target: AVNM_TARGET, unmatched: Unmatched.DecidedElsewhere,
      statement: `Allow admin rules only hand Agora's flows on to the networks' NSGs (${committed}); the NSGs decide everything else. `
        + "Turn on denyOtherInternet for a guardrail no NSG can override.",
    },
  ];
  const plan: Plan = { resources: [configuration, collection, ...rules, ...commit], widenings, quotas, defaults, notices: [] };
  if (!o.firewallPolicy) return plan;
  const fw = firewallPolicies(resolution, o, nm.resourceGroupName);
  return {
    resources: [...plan.resources, ...fw.resources],
    widenings: [...plan.widenings, ...fw.widenings],
    quotas: [...plan.quotas, ...fw.quotas],
    defaults: [...plan.defaults, ...fw.defaults],
    notices: [...plan.notices, ...fw.notices],
  };
}
