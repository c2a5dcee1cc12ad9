import fc from "fast-check";
import { resolve } from "../../src/resolve";
import {
  ALL_ORGANIZATION_TARGETS, FMS_POLICY_TYPE, FirewallDeploymentModel, OrganizationOptions, RAM_PRINCIPAL_ASSOCIATION_TYPE, RAM_RESOURCE_ASSOCIATION_TYPE,
  RAM_SHARE_TYPE, renderAwsOrganizationPlan, renderDnsFirewall, renderNetworkFirewallRules, renderSecurityGroupRules,
} from "../../src/renderers/aws";
import { canonicalJson } from "../../src/renderers/canonical-json";
import { Plan, ResourceSpec } from "../../src/renderers/plan";
import { AccessMode } from "../../src/args/selection-args";
import { providerArgs } from "../support/provider-args";

const ALL_SIX = ["rtc-native", "rtc-web", "rtm-native", "rtm-web", "recording", "gaming"];
const allSix = resolve({ edition: "2020-05", sdks: ALL_SIX });
const proxied = resolve({ edition: "2020-05", sdks: ["rtc-native", "recording"], access: AccessMode.CloudProxy });
const VPC = "vpc-0123456789abcdef0";
const account = (i: number) => String(100000000000 + i);
const ou = (i: number) => `ou-ab12-${String(10000000 + i)}`;

const full = (scope: OrganizationOptions["scope"], extra: Partial<OrganizationOptions> = {}): OrganizationOptions => ({
  scope, securityGroups: { vpcId: VPC }, networkFirewall: {}, dnsFirewall: {}, ...extra,
});
const policies = (plan: Plan) => plan.resources.filter((r) => r.type === FMS_POLICY_TYPE);
const data = (p: ResourceSpec) => (p.inputs.securityServicePolicyData as { type: string; managedServiceData: string });
const doc = (p: ResourceSpec) => JSON.parse(data(p).managedServiceData);

describe("AWS organisation plan (Firewall Manager)", () => {
  it("creates one common security group policy per primary group, a Network Firewall and a DNS Firewall policy, on the per-VPC renderers' resources", () => {
    const plan = renderAwsOrganizationPlan(allSix, full({ allAccounts: true }));
    expect(policies(plan).map((p) => [p.name, p.inputs.name, data(p).type])).toEqual([
      ["fms-security-groups-0", "agora-egress-security-groups-0", "SECURITY_GROUPS_COMMON"],
      ["fms-network-firewall", "agora-egress-network-firewall", "NETWORK_FIREWALL"],
      ["fms-dns-firewall", "agora-egress-dns-firewall", "DNS_FIREWALL"],
    ]);
    // The same groups and rules as AwsSecurityGroups, rule group as AwsNetworkFirewall, DNS rules as AwsDnsFirewall.
    const sg = renderSecurityGroupRules(allSix, { vpcId: VPC });
    const nf = renderNetworkFirewallRules(allSix, {});
    const dns = renderDnsFirewall(allSix, { vpcIds: [] });
    expect(plan.resources.filter((r) => r.type !== FMS_POLICY_TYPE)).toEqual([...sg.resources, ...nf.resources, ...dns.resources]);
    expect(doc(policies(plan)[0])).toEqual({
      type: "SECURITY_GROUPS_COMMON", securityGroups: [{ id: "${sg-group-0.id}" }],
      revertManualSecurityGroupChanges: false, exclusiveResourceSecurityGroupManagement: false, applyToAllEC2InstanceENIs: false, includeSharedVPC: false,
    });
    expect(policies(plan)[0].inputs.resourceTypeLists).toEqual(["AWS::EC2::Instance", "AWS::EC2::NetworkInterface"]);
    expect(doc(policies(plan)[1])).toEqual({
      type: "NETWORK_FIREWALL",
      networkFirewallStatelessDefaultActions: ["aws:forward_to_sfe"],
      networkFirewallStatelessFragmentDefaultActions: ["aws:forward_to_sfe"],
      networkFirewallStatefulRuleGroupReferences: [{ resourceARN: "${nfw-rule-group.arn}", priority: 100 }],
      networkFirewallStatefulEngineOptions: { ruleOrder: "STRICT_ORDER" },
      networkFirewallStatefulDefaultActions: ["aws:drop_established"],
      networkFirewallOrchestrationConfig: { singleFirewallEndpointPerVPC: false },
    });
    expect(doc(policies(plan)[2])).toEqual({ type: "DNS_FIREWALL", preProcessRuleGroups: [{ ruleGroupId: "${dnsfw-rule-group.id}", priority: 10 }] });
    // No VPC association or config: Firewall Manager associates the rule group with every VPC in scope.
    expect(plan.resources.some((r) => /Association|Config/.test(r.type))).toBe(false);
    // Remediation off and delete-on-removal off unless asked; deleting a policy cleans up what it created.
    for (const p of policies(plan)) {
      expect(p.inputs).toMatchObject({ remediationEnabled: false, deleteUnusedFmManagedResources: false, deleteAllPolicyResources: true, excludeResourceTags: false });
      expect(p.inputs.includeMap).toBeUndefined();
      expect(p.inputs.excludeMap).toBeUndefined();
    }
  });

  it("all six SDKs direct take at most 60 resources whatever the scope: Firewall Manager fans them out", () => {
    const scopes: OrganizationOptions["scope"][] = [
      { allAccounts: true },
      { includeAccounts: [account(1)] },
      { includeAccounts: Array.from({ length: 2500 }, (_, i) => account(i)) },
      { includeOrganizationalUnits: Array.from({ length: 200 }, (_, i) => ou(i)), resourceTags: { team: "media", env: "prod" } },
      { allAccounts: true, excludeAccounts: Array.from({ length: 1000 }, (_, i) => account(i)), excludeOrganizationalUnits: [ou(1)] },
    ];
    const counts = scopes.map((scope) => renderAwsOrganizationPlan(allSix, full(scope, {
      share: { principals: ["arn:aws:organizations::111122223333:organization/o-exampleorgid"], networkFirewallRuleGroup: true, dnsFirewallRuleGroup: true },
    })).resources.length);
    expect(new Set(counts).size).toBe(1);
    expect(counts[0]).toBeLessThanOrEqual(60);
  });

  it("puts the scope, tags, remediation and delete-on-removal on every policy, lists sorted", () => {
    const plan = renderAwsOrganizationPlan(proxied, full(
      { includeAccounts: [account(3), account(1)], includeOrganizationalUnits: [ou(2), "r-ab12"], resourceTags: { z: "1", a: "2" }, excludeResourceTags: true },
      { remediation: true, deleteOnRemoval: true },
    ));
    for (const p of policies(plan)) {
      expect(p.inputs.includeMap).toEqual({ accounts: [account(1), account(3)], orgunits: [ou(2), "r-ab12"].sort() });
      expect(Object.keys(p.inputs.resourceTags as object)).toEqual(["a", "z"]);
      expect(p.inputs).toMatchObject({ excludeResourceTags: true, remediationEnabled: true, deleteUnusedFmManagedResources: true });
    }
  });

  it("shards the rules over as many common policies as primary groups, within the interface quota", () => {
    const plan = renderAwsOrganizationPlan(allSix, full({ allAccounts: true }, { securityGroups: { vpcId: VPC, maxRulesPerGroup: 10 } }));
    const sg = policies(plan).filter((p) => data(p).type === "SECURITY_GROUPS_COMMON");
    expect(sg.length).toBe(plan.resources.filter((r) => r.type === "aws:ec2/securityGroup:SecurityGroup").length);
    expect(sg.length).toBeGreaterThan(1);
    sg.forEach((p, i) => expect(doc(p).securityGroups).toEqual([{ id: `\${sg-group-${i}.id}` }]));
    for (const q of plan.quotas.filter((x) => x.quota === "primary security groups per common security group policy")) expect(q.used).toBe(1);
  });

  it("the centralized deployment model names the inspection VPC and its zones, and sets the policy option", () => {
    const plan = renderAwsOrganizationPlan(allSix, full({ allAccounts: true }, {
      securityGroups: undefined, dnsFirewall: undefined,
      networkFirewall: {
        deploymentModel: FirewallDeploymentModel.Centralized, inspectionVpcId: "vpc-0abc1234", inspectionVpcAccountId: account(9),
        availabilityZones: ["us-east-1b", "us-east-1a"], homeNet: ["10.0.0.0/8"],
      },
    }));
    const [p] = policies(plan);
    expect(data(p)).toMatchObject({ policyOption: { networkFirewallPolicy: { firewallDeploymentModel: "CENTRALIZED" } } });
    // The documented centralized shape: the firewall settings under awsNetworkFirewallConfig, next to the deployment model.
    expect(Object.keys(doc(p)).sort()).toEqual(["awsNetworkFirewallConfig", "firewallDeploymentModel", "type"]);
    expect(doc(p).awsNetworkFirewallConfig).toMatchObject({
      networkFirewallStatefulEngineOptions: { ruleOrder: "STRICT_ORDER" },
      networkFirewallStatelessDefaultActions: ["aws:forward_to_sfe"],
      networkFirewallStatefulRuleGroupReferences: [{ resourceARN: expect.stringMatching(/^\$\{.*\.arn\}$/), priority: expect.any(Number) }],
    });
    expect(doc(p).firewallDeploymentModel.centralizedFirewallDeploymentModel.centralizedFirewallOrchestrationConfig).toEqual({
      inspectionVpcIds: [{ resourceId: "vpc-0abc1234", accountId: account(9) }],
      firewallCreationConfig: { endpointLocation: { availabilityZoneConfigList: [{ availabilityZoneName: "us-east-1a" }, { availabilityZoneName: "us-east-1b" }] } },
    });
  });

  it("shares the prefix lists and rule groups through RAM with the principals; prefix lists need the share", () => {
    const plan = renderAwsOrganizationPlan(proxied, full({ allAccounts: true }, {
      securityGroups: { vpcId: VPC, proxyPrefixLists: true },
      share: { principals: ["111122223333", "arn:aws:organizations::111122223333:ou/o-exampleorgid/ou-ab12-34567890"], prefixLists: true, dnsFirewallRuleGroup: true },
    }));
    const lists = plan.resources.filter((r) => r.type === "aws:ec2/managedPrefixList:ManagedPrefixList").map((r) => r.name);
    expect(lists.length).toBeGreaterThan(0);
    expect(plan.resources.filter((r) => r.type === RAM_SHARE_TYPE).map((r) => r.inputs)).toEqual([{ name: "agora-egress-share", allowExternalPrincipals: false }]);
    expect(plan.resources.filter((r) => r.type === RAM_RESOURCE_ASSOCIATION_TYPE).map((r) => r.inputs.resourceArn).sort())
      .toEqual([...lists, "dnsfw-rule-group"].map((n) => `\${${n}.arn}`).sort());
    expect(plan.resources.filter((r) => r.type === RAM_PRINCIPAL_ASSOCIATION_TYPE).map((r) => r.inputs.principal)).toHaveLength(2);
  });

  it("reports the Firewall Manager quotas and relabels widenings and defaults to the Firewall Manager targets", () => {
    const plan = renderAwsOrganizationPlan(allSix, full({ includeAccounts: [account(1), account(2)] }, { existingPolicies: 5 }));
    expect(plan.quotas).toEqual(expect.arrayContaining([
      { target: "aws-firewall-manager", quota: "Firewall Manager policies per organisation and Region", scope: "organisation", used: 8, limit: 20 },
      { target: "aws-firewall-manager", quota: "accounts named in the policy scope", scope: "scope", used: 2, limit: 2500 },
    ]));
    expect(new Set(plan.widenings.map((w) => w.target))).toEqual(new Set(["aws-fms-security-group", "aws-fms-network-firewall"]));
    // Remediation off (the default): Firewall Manager only reports, so every account's own settings decide.
    expect(plan.defaults.map((d) => [d.target, d.unmatched])).toEqual([
      ["aws-fms-security-group", "decided-elsewhere"], ["aws-fms-network-firewall", "decided-elsewhere"], ["aws-fms-dns-firewall", "decided-elsewhere"],
    ]);
    expect(plan.defaults.every((d) => d.statement.startsWith("remediation is off: Firewall Manager only reports"))).toBe(true);
    const remediated = renderAwsOrganizationPlan(allSix, full({ includeAccounts: [account(1)] }, { remediation: true }));
    expect(remediated.defaults.map((d) => [d.target, d.unmatched])).toEqual([
      ["aws-fms-security-group", "decided-elsewhere"], ["aws-fms-network-firewall", "denied"], ["aws-fms-dns-firewall", "denied"],
    ]);
    const exclusive = renderAwsOrganizationPlan(allSix, full({ allAccounts: true }, { remediation: true, securityGroups: { vpcId: VPC, exclusiveManagement: true } }));
    expect(exclusive.defaults[0].unmatched).toBe("denied");
  });

  it("gives every resource inputs that the @pulumi/aws SDK types (fms, ram, ec2, vpc, networkfirewall, route53) accept", () => {
    const plan = renderAwsOrganizationPlan(proxied, full({ includeOrganizationalUnits: [ou(1)], resourceTags: { team: "media" } }, {
      securityGroups: { vpcId: VPC, proxyPrefixLists: true },
      networkFirewall: { deploymentModel: FirewallDeploymentModel.Centralized, inspectionVpcId: "vpc-0abc1234", inspectionVpcAccountId: account(9), availabilityZones: ["us-east-1a"], homeNet: ["10.0.0.0/8"] },
      share: { principals: [account(4)], prefixLists: true, networkFirewallRuleGroup: true, dnsFirewallRuleGroup: true },
    }));
    const args = providerArgs([...new Set(plan.resources.map((r) => r.type))]);
    const problems = plan.resources.flatMap((r) => args.problems(r.type, r.inputs).map((p) => `${r.name}: ${p}`));
    expect(problems).toEqual([]);
    // The helper does find what the SDK would not take.
    expect(args.problems(FMS_POLICY_TYPE, { excludeResourceTags: false, securityServicePolicyData: { type: "DNS_FIREWALL", managedServiceDate: "{}" } }))
      .toEqual([expect.stringContaining("managedServiceDate: not an input")]);
    expect(args.problems(FMS_POLICY_TYPE, { securityServicePolicyData: { type: "DNS_FIREWALL" } })).toEqual([expect.stringContaining("excludeResourceTags: required")]);
  }, 120_000);

  it("serialises managedServiceData canonically: byte-identical under any permutation of the inputs, parseable, no null or [] noise", () => {
    const base = { accounts: [account(1), account(2), account(3)], ous: [ou(1), ou(2)], tags: [["a", "1"], ["b", "2"], ["c", "3"]] as const, sdks: ALL_SIX };
    const reference = JSON.stringify(renderAwsOrganizationPlan(resolve({ edition: "2020-05", sdks: ALL_SIX }), full(
      { includeAccounts: base.accounts, includeOrganizationalUnits: base.ous, resourceTags: Object.fromEntries(base.tags) },
      { networkFirewall: { firewallSubnetCidrs: ["10.0.0.16/28", "10.0.0.0/28"] } },
    )));
    fc.assert(fc.property(
      fc.shuffledSubarray(base.accounts, { minLength: 3 }), fc.shuffledSubarray(base.ous, { minLength: 2 }),
      fc.shuffledSubarray([...base.tags], { minLength: 3 }), fc.shuffledSubarray(base.sdks, { minLength: 6 }), fc.boolean(),
      (accounts, ous, tags, sdks, flip) => {
        const plan = renderAwsOrganizationPlan(resolve({ edition: "2020-05", sdks }), full(
          { includeAccounts: accounts, includeOrganizationalUnits: ous, resourceTags: Object.fromEntries(tags) },
          { networkFirewall: { firewallSubnetCidrs: flip ? ["10.0.0.0/28", "10.0.0.16/28"] : ["10.0.0.16/28", "10.0.0.0/28"] } },
        ));
        expect(JSON.stringify(plan)).toBe(reference);
        for (const p of policies(plan)) {
          const text = data(p).managedServiceData;
          expect(canonicalJson(JSON.parse(text))).toBe(text);
          expect(text).not.toMatch(/null|\[\]/);
        }
      },
    ), { numRuns: 40 });
  });
});

describe("canonicalJson", () => {
  it("sorts keys at every depth, drops null, undefined and empty arrays, keeps array order", () => {
    expect(canonicalJson({ b: [2, 1], a: { d: null, c: [], e: undefined, f: [{ y: 1, x: [] }] } })).toBe('{"a":{"f":[{"y":1}]},"b":[2,1]}');
  });

  it("gives the same bytes for any key order (property)", () => {
    fc.assert(fc.property(fc.dictionary(fc.string(), fc.oneof(fc.integer(), fc.string(), fc.constant(null), fc.array(fc.integer()))), (o) => {
      const reversed = Object.fromEntries(Object.entries(o).reverse());
      expect(canonicalJson(reversed)).toBe(canonicalJson(o));
    }));
  });
});

describe("the organisation plan without a stack", () => {
  it("previews every policy for the whole organisation, the VPC as a reference", () => {
    const plan = renderAwsOrganizationPlan(allSix, ALL_ORGANIZATION_TARGETS);
    expect(policies(plan)).toHaveLength(3);
    expect(plan.resources.find((r) => r.type === "aws:ec2/securityGroup:SecurityGroup")!.inputs.vpcId).toBe("${vpc.id}");
  });
});
