import { z } from "zod";
import { InputError, canonicalCidr, quote } from "../../model";
import { Resolution, parseInput } from "../../resolve";
import { canonicalJson, JsonValue } from "../canonical-json";
import { contentName } from "../names";
import { HardLimit, Plan, QuotaUsage, ResourceSpec, TargetDefault, Unmatched, Widening, mergePlans, ref, refuseOverflows } from "../plan";
import { DNS_RULE_GROUP_NAME, renderDnsFirewall } from "./dns-firewall";
import { RULE_GROUP_NAME, renderNetworkFirewallRules } from "./network-firewall";
import {
  FMS_LIMITS, FirewallDeploymentModel, OrganizationOptions, OrganizationSettings,
} from "./organization-settings";
import { PREFIX_LIST_TYPE, SECURITY_GROUP_TYPE, renderSecurityGroupRules } from "./security-groups";

export const FMS_POLICY_TYPE = "aws:fms/policy:Policy";
export const RAM_SHARE_TYPE = "aws:ram/resourceShare:ResourceShare";
export const RAM_RESOURCE_ASSOCIATION_TYPE = "aws:ram/resourceAssociation:ResourceAssociation";
export const RAM_PRINCIPAL_ASSOCIATION_TYPE = "aws:ram/principalAssociation:PrincipalAssociation";

export const FMS_SECURITY_GROUP_TARGET = "aws-fms-security-group";
export const FMS_NETWORK_FIREWALL_TARGET = "aws-fms-network-firewall";
export const FMS_DNS_FIREWALL_TARGET = "aws-fms-dns-firewall";

export const FMS_NETWORK_FIREWALL_POLICY = "fms-network-firewall";
export const FMS_DNS_FIREWALL_POLICY = "fms-dns-firewall";
export const RAM_SHARE_NAME = "ram-share";
/** The common security group policy of shard `s` (one primary group per policy). */
export const fmsSecurityGroupPolicyName = (shard: number) => `fms-security-groups-${shard}`;

/** What a common security group policy protects (API_Policy: security group policies). */
const SECURITY_GROUP_RESOURCE_TYPES = ["AWS::EC2::Instance", "AWS::EC2::NetworkInterface"];
const VPC_RESOURCE_TYPE = "AWS::EC2::VPC";

/**
 * Firewall Manager limits that would fail the deploy part-way: refused before anything is
 * created. The policy count per Region is checked against `policyQuota` on its own (an
 * adjustable quota: its message says how to raise it).
 */
export const ORGANIZATION_HARD_LIMITS: Readonly<Record<string, HardLimit>> = {
  "accounts named in the policy scope": {
    field: "awsOrganization.scope",
    remedy: "name organizational units instead of their accounts one by one",
  },
  "primary security groups per common security group policy": {
    field: "awsOrganization.securityGroups",
    remedy: "each common policy takes one primary group",
  },
};

/** Every Firewall Manager target of the organisation plan (what `plan --cloud aws --scope organization` shows without a stack). */
export const ALL_ORGANIZATION_TARGETS: OrganizationOptions = {
  scope: { allAccounts: true }, securityGroups: {}, networkFirewall: {}, dnsFirewall: {},
};

type Options = z.output<typeof OrganizationSettings>;
type Scope = Options["scope"];

/** A target renderer's InputError, named under `awsOrganization` (`securityGroups.x` → `awsOrganization.securityGroups.x`). */
function under<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof InputError && /^(securityGroups|networkFirewall|dnsFirewall)(\.|\[|$)/.test(err.field)) {
      throw new InputError(`awsOrganization.${err.field}`, err.template);
    }
    throw err;
  }
}

const SCOPE_LISTS = ["includeAccounts", "includeOrganizationalUnits", "excludeAccounts", "excludeOrganizationalUnits"] as const;

/**
 * Checks the scope beyond its shape: it must say whom it applies to (an empty scope is refused,
 * not read as the whole organisation), include and exclude lists never go together (Firewall
 * Manager takes one or the other), and no list names an entry twice.
 */
export function checkOrganizationScope(scope: Scope): void {
  const field = "awsOrganization.scope";
  const include = scope.includeAccounts || scope.includeOrganizationalUnits;
  const exclude = scope.excludeAccounts || scope.excludeOrganizationalUnits;
  if (!scope.allAccounts && !include) {
    throw new InputError(field, exclude
      ? "exclude lists leave out accounts of the whole organisation: set allAccounts: true with them"
      : "is empty: say whom the policies apply to (allAccounts: true, includeAccounts or includeOrganizationalUnits)");
  }
  if (scope.allAccounts && include) {
    throw new InputError(`${field}.${scope.includeAccounts ? "includeAccounts" : "includeOrganizationalUnits"}`,
      "allAccounts already applies the policies to every account: give allAccounts or an include list, not both");
  }
  if (include && exclude) {
    throw new InputError(`${field}.${scope.excludeAccounts ? "excludeAccounts" : "excludeOrganizationalUnits"}`,
      "Firewall Manager takes include lists or exclude lists, not both: keep one");
  }
  for (const key of SCOPE_LISTS) refuseRepeats(scope[key], `${field}.${key}`);
  if (scope.resourceTags && Object.keys(scope.resourceTags).length === 0) {
    throw new InputError(`${field}.resourceTags`, "is empty: leave it out, or name at least one tag");
  }
  if (scope.excludeResourceTags && !scope.resourceTags) {
    throw new InputError(`${field}.excludeResourceTags`, "needs resourceTags: the tags of the resources to leave out");
  }
}

const sorted = (xs: readonly string[] | undefined) => (xs ? [...xs].sort() : undefined);

/** A list naming an entry twice is refused, as the scope lists are: a repeat is a mistake, not something to drop quietly. */
function refuseRepeats(list: readonly string[] | undefined, field: string): void {
  list?.forEach((v, i) => {
    if (list.indexOf(v) !== i) throw new InputError(`${field}[${i}]`, `${quote(v)} is listed twice`);
  });
}

/** The inputs every policy shares: scope, remediation and clean-up. */
function policyCommon(o: Options): Record<string, unknown> {
  const s = o.scope;
  const map = (accounts?: readonly string[], orgunits?: readonly string[]) =>
    (accounts || orgunits ? { ...(accounts ? { accounts: sorted(accounts) } : {}), ...(orgunits ? { orgunits: sorted(orgunits) } : {}) } : undefined);
  const includeMap = map(s.includeAccounts, s.includeOrganizationalUnits);
  const excludeMap = map(s.excludeAccounts, s.excludeOrganizationalUnits);
  return {
    ...(includeMap ? { includeMap } : {}),
    ...(excludeMap ? { excludeMap } : {}),
    excludeResourceTags: s.excludeResourceTags,
    ...(s.resourceTags ? { resourceTags: Object.fromEntries(Object.entries(s.resourceTags).sort(([a], [b]) => (a < b ? -1 : 1))) } : {}),
    // "Carrying all of these tags": said, not left to the service's default.
    ...(s.resourceTags ? { resourceTagLogicalOperator: "AND" } : {}),
    remediationEnabled: o.remediation,
    deleteUnusedFmManagedResources: o.deleteOnRemoval,
    // Deleting the policy removes what Firewall Manager created for it (the replicas, the firewalls).
    deleteAllPolicyResources: true,
  };
}

function policy(o: Options, name: string, suffix: string, resource: Record<string, unknown>, type: string, data: JsonValue, policyOption?: object): ResourceSpec {
  const policyName = `${o.policyNamePrefix}-${suffix}`;
  if (!FMS_LIMITS.policyName.test(policyName)) throw new InputError("awsOrganization.policyNamePrefix", `${quote(policyName)} is not a Firewall Manager policy name`);
  return {
    type: FMS_POLICY_TYPE,
    name,
    inputs: {
      name: policyName,
      ...resource,
      ...policyCommon(o),
      securityServicePolicyData: { type, managedServiceData: canonicalJson(data), ...(policyOption ? { policyOption } : {}) },
    },
  };
}

const relabel = (ws: readonly Widening[], target: string): Widening[] => ws.map((w) => ({ ...w, target }));

/** The common security group policies: the per-VPC renderer's primary groups, one policy each. */
function securityGroupPolicies(resolution: Resolution, o: Options, sg: NonNullable<Options["securityGroups"]>): Plan {
  const { revertManualChanges, exclusiveManagement, allInstanceInterfaces, includeSharedVpc, ...groupSettings } = sg;
  const groups = under(() => renderSecurityGroupRules(resolution, groupSettings));
  const primaries = groups.resources.filter((r) => r.type === SECURITY_GROUP_TYPE);
  const policies = primaries.map((g, shard) => policy(o, fmsSecurityGroupPolicyName(shard), `security-groups-${shard}`,
    { resourceTypeLists: SECURITY_GROUP_RESOURCE_TYPES }, "SECURITY_GROUPS_COMMON", {
      type: "SECURITY_GROUPS_COMMON",
      securityGroups: [{ id: ref(g.name, "id") }],
      revertManualSecurityGroupChanges: revertManualChanges,
      exclusiveResourceSecurityGroupManagement: exclusiveManagement,
      applyToAllEC2InstanceENIs: allInstanceInterfaces,
      includeSharedVPC: includeSharedVpc,
    }));
  const quotas: QuotaUsage[] = [
    ...groups.quotas.map((q) => ({ ...q, target: FMS_SECURITY_GROUP_TARGET })),
    ...policies.map((p) => ({
      target: FMS_SECURITY_GROUP_TARGET, quota: "primary security groups per common security group policy", scope: p.name,
      used: JSON.parse((p.inputs.securityServicePolicyData as { managedServiceData: string }).managedServiceData).securityGroups.length,
      limit: FMS_LIMITS.primaryGroupsPerCommonPolicy,
    })),
  ];
  const defaults: TargetDefault[] = [exclusiveManagement
    ? {
      target: FMS_SECURITY_GROUP_TARGET, unmatched: Unmatched.Denied,
      statement: "Firewall Manager attaches a replica of the primary group (which starts with no rules but these) and removes every other group "
        + "from the resources in scope (exclusiveManagement), so they allow only what a rule lists.",
    }
    : {
      target: FMS_SECURITY_GROUP_TARGET, unmatched: Unmatched.DecidedElsewhere,
      statement: "Firewall Manager adds a replica of the primary group next to the groups each account keeps on its resources; security groups add up, "
        + "so those groups decide what else passes. Set exclusiveManagement to make the replica the only group.",
    }];
  return { resources: [...groups.resources, ...policies], widenings: relabel(groups.widenings, FMS_SECURITY_GROUP_TARGET), quotas, defaults, notices: [] };
}

/** The Network Firewall policy: the Agora rule group in the firewall policy Firewall Manager creates for every VPC in scope. */
function networkFirewallPolicy(resolution: Resolution, o: Options, nf: NonNullable<Options["networkFirewall"]>): Plan {
  const {
    deploymentModel, firewallSubnetCidrs, singleEndpointPerVpc, inspectionVpcId, inspectionVpcAccountId, availabilityZones, ...groupSettings
  } = nf;
  const field = "awsOrganization.networkFirewall";
  const cidrs = firewallSubnetCidrs?.map((c, i) => {
    const cidr = canonicalCidr(c, `${field}.firewallSubnetCidrs[${i}]`);
    if (!cidr.endsWith("/28")) throw new InputError(`${field}.firewallSubnetCidrs[${i}]`, `${quote(c)}: firewall subnets are /28 ranges`);
    return cidr;
  });
  refuseRepeats(cidrs, `${field}.firewallSubnetCidrs`);
  refuseRepeats(availabilityZones, `${field}.availabilityZones`);
  const centralized = deploymentModel === FirewallDeploymentModel.Centralized;
  const centralOnly = { inspectionVpcId, inspectionVpcAccountId, availabilityZones } as const;
  for (const [key, value] of Object.entries(centralOnly)) {
    if (centralized && value === undefined) throw new InputError(`${field}.${key}`, "the CENTRALIZED deployment model needs it");
    if (!centralized && value !== undefined) throw new InputError(`${field}.${key}`, "is only used with deploymentModel: CENTRALIZED");
  }
  if (centralized && singleEndpointPerVpc) throw new InputError(`${field}.singleEndpointPerVpc`, "is only used with the DISTRIBUTED deployment model");
  if (centralized && cidrs) {
    throw new InputError(`${field}.firewallSubnetCidrs`, "is only used with the DISTRIBUTED deployment model: for CENTRALIZED, Firewall Manager picks the inspection VPC's firewall subnets");
  }
  if (centralized && !groupSettings.homeNet) {
    throw new InputError(`${field}.homeNet`, "the CENTRALIZED model inspects the traffic of other VPCs: give their CIDRs (HOME_NET), not the inspection VPC's own");
  }
  const group = under(() => renderNetworkFirewallRules(resolution, { ...groupSettings, createPolicy: false }));
  const allowed = cidrs ? [...cidrs].sort() : undefined;
  const firewall = {
    // Without forward_to_sfe the stateful rules never see the traffic.
    networkFirewallStatelessDefaultActions: ["aws:forward_to_sfe"],
    networkFirewallStatelessFragmentDefaultActions: ["aws:forward_to_sfe"],
    networkFirewallStatefulRuleGroupReferences: [{ resourceARN: ref(RULE_GROUP_NAME, "arn"), priority: groupSettings.ruleGroupPriority }],
    networkFirewallStatefulEngineOptions: { ruleOrder: "STRICT_ORDER" },
    networkFirewallStatefulDefaultActions: [groupSettings.statefulDefaultAction],
  };
  // The two models' documented shapes (API reference, SecurityServicePolicyData): the distributed
  // model's firewall settings sit at the top level; the centralized model's under
  // awsNetworkFirewallConfig, next to the firewallDeploymentModel naming the inspection VPC.
  const data: JsonValue = centralized
    ? {
      type: "NETWORK_FIREWALL",
      awsNetworkFirewallConfig: firewall,
      firewallDeploymentModel: {
        centralizedFirewallDeploymentModel: {
          centralizedFirewallOrchestrationConfig: {
            inspectionVpcIds: [{ resourceId: inspectionVpcId!, accountId: inspectionVpcAccountId! }],
            firewallCreationConfig: {
              endpointLocation: { availabilityZoneConfigList: [...availabilityZones!].sort().map((availabilityZoneName) => ({ availabilityZoneName })) },
            },
          },
        },
      },
    }
    : {
      type: "NETWORK_FIREWALL",
      ...firewall,
      networkFirewallOrchestrationConfig: { singleFirewallEndpointPerVPC: singleEndpointPerVpc, allowedIPV4CidrList: allowed },
    };
  const spec = policy(o, FMS_NETWORK_FIREWALL_POLICY, "network-firewall", { resourceType: VPC_RESOURCE_TYPE }, "NETWORK_FIREWALL", data,
    centralized ? { networkFirewallPolicy: { firewallDeploymentModel: "CENTRALIZED" } } : undefined);
  const defaults: TargetDefault[] = [{
    target: FMS_NETWORK_FIREWALL_TARGET, unmatched: Unmatched.Denied,
    statement: `The firewall policy Firewall Manager creates for each ${centralized ? "inspection VPC" : "VPC in scope"} holds this rule group in strict order with `
      + `the stateful default action ${groupSettings.statefulDefaultAction}: what no rule passes is dropped, for the traffic routed through the firewall endpoints `
      + "(the route tables are the VPC owners' to point at them).",
  }];
  return {
    resources: [...group.resources, spec],
    widenings: relabel(group.widenings, FMS_NETWORK_FIREWALL_TARGET),
    quotas: group.quotas.map((q) => ({ ...q, target: FMS_NETWORK_FIREWALL_TARGET })),
    defaults,
    notices: [],
  };
}

/** The DNS Firewall policy: the Agora rule group as a pre-process rule group of every VPC in scope. */
function dnsFirewallPolicy(resolution: Resolution, o: Options, dns: NonNullable<Options["dnsFirewall"]>): Plan {
  const { priority, ...groupSettings } = dns;
  // No VPC associations: Firewall Manager associates the rule group with every VPC in scope.
  const group = under(() => renderDnsFirewall(resolution, { ...groupSettings, vpcIds: [] }));
  const spec = policy(o, FMS_DNS_FIREWALL_POLICY, "dns-firewall", { resourceType: VPC_RESOURCE_TYPE }, "DNS_FIREWALL", {
    type: "DNS_FIREWALL",
    preProcessRuleGroups: [{ ruleGroupId: ref(DNS_RULE_GROUP_NAME, "id"), priority }],
  });
  const defaults: TargetDefault[] = [groupSettings.blockOthers
    ? {
      target: FMS_DNS_FIREWALL_TARGET, unmatched: Unmatched.Denied,
      statement: `A BLOCK rule (${groupSettings.blockResponse}) for every other name after the ALLOW rule, in a pre-process rule group (priority ${priority}) that runs `
        + "before the VPC owners' own rule groups; it sees only queries sent to each VPC's Route 53 Resolver.",
    }
    : { target: FMS_DNS_FIREWALL_TARGET, unmatched: Unmatched.Allowed, statement: "blockOthers is off: every other name resolves (listed under widenings)." }];
  return {
    resources: [...group.resources, spec],
    widenings: relabel(group.widenings, FMS_DNS_FIREWALL_TARGET),
    quotas: group.quotas.map((q) => ({ ...q, target: FMS_DNS_FIREWALL_TARGET })),
    defaults,
    notices: [],
  };
}

/** The RAM share of the prefix lists and rule groups, with the principals it is for. */
function share(o: Options, resources: readonly ResourceSpec[]): ResourceSpec[] {
  const s = o.share;
  const field = "awsOrganization.share";
  if (!s) {
    if (o.securityGroups?.proxyPrefixLists) {
      throw new InputError("awsOrganization.securityGroups.proxyPrefixLists",
        "the replicas of the primary group in the member accounts reference the prefix lists, which they see only when shared: set share.prefixLists and share.principals");
    }
    return [];
  }
  const shared: string[] = [];
  if (s.prefixLists) {
    const lists = resources.filter((r) => r.type === PREFIX_LIST_TYPE).map((r) => r.name);
    if (lists.length === 0) throw new InputError(`${field}.prefixLists`, "there is no prefix list to share: set securityGroups.proxyPrefixLists (cloud-proxy endpoints only)");
    shared.push(...lists);
  } else if (o.securityGroups?.proxyPrefixLists) {
    throw new InputError("awsOrganization.securityGroups.proxyPrefixLists", "the replicas of the primary group reference the prefix lists: set share.prefixLists too");
  }
  if (s.networkFirewallRuleGroup) {
    if (!o.networkFirewall) throw new InputError(`${field}.networkFirewallRuleGroup`, "there is no Network Firewall rule group: give networkFirewall");
    shared.push(RULE_GROUP_NAME);
  }
  if (s.dnsFirewallRuleGroup) {
    if (!o.dnsFirewall) throw new InputError(`${field}.dnsFirewallRuleGroup`, "there is no DNS Firewall rule group: give dnsFirewall");
    shared.push(DNS_RULE_GROUP_NAME);
  }
  if (shared.length === 0) throw new InputError(field, "shares nothing: turn on prefixLists, networkFirewallRuleGroup or dnsFirewallRuleGroup");
  s.principals.forEach((p, i) => {
    if (s.principals.indexOf(p) !== i) throw new InputError(`${field}.principals[${i}]`, `${quote(p)} is listed twice`);
  });
  const shareArn = ref(RAM_SHARE_NAME, "arn");
  return [
    // Accounts outside the organisation would need allowExternalPrincipals: never set here.
    { type: RAM_SHARE_TYPE, name: RAM_SHARE_NAME, inputs: { name: `${o.policyNamePrefix}-share`, allowExternalPrincipals: false } },
    ...[...shared].sort().map((name): ResourceSpec => ({
      type: RAM_RESOURCE_ASSOCIATION_TYPE, name: contentName(["ram-resource", name]), inputs: { resourceArn: ref(name, "arn"), resourceShareArn: shareArn },
    })),
    ...[...s.principals].sort().map((principal): ResourceSpec => ({
      type: RAM_PRINCIPAL_ASSOCIATION_TYPE, name: contentName(["ram-principal", principal]), inputs: { principal, resourceShareArn: shareArn },
    })),
  ];
}

/**
 * Agora's egress controls for a whole organisation, from the Firewall Manager administrator
 * account: a common security group policy per primary group (the per-VPC security-group
 * renderer's groups and rules, sharded by the same quotas: one primary group per policy), a
 * Network Firewall policy with the Agora strict-order rule group, a DNS Firewall policy with the
 * Agora rule group as a pre-process group, and optionally a RAM share of the prefix lists and
 * rule groups. The resource count depends on the selection only, never on the accounts or VPCs
 * in scope: Firewall Manager fans the policies out. Every policy's `managedServiceData` is
 * canonical JSON (`canonicalJson`). Bad options, and plans beyond Firewall Manager's limits
 * (ORGANIZATION_HARD_LIMITS), throw an InputError naming the option
 * (`awsOrganization.scope.includeAccounts[0]`) before anything is created.
 */
export function renderAwsOrganizationPlan(resolution: Resolution, options: OrganizationOptions): Plan {
  const o = parseInput(OrganizationSettings, options, "awsOrganization");
  checkOrganizationScope(o.scope);
  if (!o.securityGroups && !o.networkFirewall && !o.dnsFirewall) {
    throw new InputError("awsOrganization", "turn on at least one policy: securityGroups, networkFirewall or dnsFirewall");
  }
  const parts = [
    ...(o.securityGroups ? [securityGroupPolicies(resolution, o, o.securityGroups)] : []),
    ...(o.networkFirewall ? [networkFirewallPolicy(resolution, o, o.networkFirewall)] : []),
    ...(o.dnsFirewall ? [dnsFirewallPolicy(resolution, o, o.dnsFirewall)] : []),
  ];
  const merged = mergePlans(...parts);
  const ram = share(o, merged.resources);
  const policies = merged.resources.filter((r) => r.type === FMS_POLICY_TYPE).length;
  const accounts = (o.scope.includeAccounts ?? o.scope.excludeAccounts ?? []).length;
  const quotas: QuotaUsage[] = [
    ...merged.quotas,
    {
      target: "aws-firewall-manager", quota: "Firewall Manager policies per organisation and Region", scope: "organisation",
      used: policies + o.existingPolicies, limit: o.policyQuota,
    },
    { target: "aws-firewall-manager", quota: "accounts named in the policy scope", scope: "scope", used: accounts, limit: FMS_LIMITS.accountsInScope },
  ];
  if (policies + o.existingPolicies > o.policyQuota) {
    throw new InputError("awsOrganization.policyQuota", `${policies} policies here and ${o.existingPolicies} existing would be ${policies + o.existingPolicies} `
      + `Firewall Manager policies in this Region, more than the quota of ${o.policyQuota}, and Firewall Manager refuses the rest: `
      + "ask AWS to raise the quota and set policyQuota, or turn off a policy type here");
  }
  refuseOverflows(quotas, ORGANIZATION_HARD_LIMITS);
  // Without remediation Firewall Manager only reports resources out of compliance: nothing is
  // applied to them, so what passes is still decided by what each account has.
  const defaults = o.remediation ? merged.defaults : merged.defaults.map((d) => ({
    ...d,
    unmatched: Unmatched.DecidedElsewhere,
    statement: "remediation is off: Firewall Manager only reports the resources in scope as non-compliant and applies nothing, so what "
      + `passes is decided by what each account has. With remediation on: ${d.statement}`,
  }));
  return { ...merged, resources: [...merged.resources, ...ram], quotas, defaults };
}
