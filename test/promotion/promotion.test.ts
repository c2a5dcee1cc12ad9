import fc from "fast-check";
import { countActions, diffPlans } from "../../src/diff";
import { Plan, ResourceSpec } from "../../src/renderers/plan";
import { planAws, planAzure, readStackSelection, resolveStack } from "../../src/stack";
import {
  REPO, byName, carriesAddress, changesWithoutEndpoints, cliPlan, endpointAddresses, stackResolution,
} from "./helpers";

/*
 * Promotion test → production (the repository's two stacks) must be boring: it changes only
 * resources that carry proxy endpoint addresses; containers (security groups, NSGs, firewall
 * policies, DNS firewall rule groups, DNS policies) are neither updated nor replaced; rules
 * that do not change keep their logical names, NSG priorities and Suricata sids; Network
 * Firewall capacity (fixed at creation) stays the same.
 */

const AWS_CONTAINERS = [
  "aws:ec2/securityGroup:SecurityGroup",
  "aws:networkfirewall/firewallPolicy:FirewallPolicy",
  "aws:networkfirewall/ruleGroup:RuleGroup",
  "aws:route53/resolverFirewallRuleGroup:ResolverFirewallRuleGroup",
  "aws:route53/resolverFirewallRule:ResolverFirewallRule",
  "aws:route53/resolverFirewallDomainList:ResolverFirewallDomainList",
  "aws:route53/resolverFirewallRuleGroupAssociation:ResolverFirewallRuleGroupAssociation",
  "aws:route53/resolverFirewallConfig:ResolverFirewallConfig",
];
const AZURE_CONTAINERS = [
  "azure-native:network:NetworkSecurityGroup",
  "azure-native:network:FirewallPolicy",
  "azure-native:dnsresolver:DnsResolverPolicy",
  "azure-native:dnsresolver:DnsSecurityRule",
  "azure-native:dnsresolver:DnsResolverDomainList",
  "azure-native:dnsresolver:DnsResolverPolicyVirtualNetworkLink",
];
const SECURITY_RULE = "azure-native:network:SecurityRule";
const IP_GROUP = "azure-native:network:IpGroup";
const RULE_GROUP = "aws:networkfirewall/ruleGroup:RuleGroup";

const rulesString = (plan: Plan) => (byName(plan, "nfw-rule-group").inputs as { ruleGroup: { rulesSource: { rulesString: string } } }).ruleGroup.rulesSource.rulesString;
const sidOf = (line: string) => Number(/sid:(\d+);/.exec(line)![1]);

/** Checks every AWS promotion guarantee for a before/after pair; returns what it found for the assertions. */
function awsPromotion(before: Plan, after: Plan, addresses: readonly string[]) {
  const changes = diffPlans(before, after);
  const beforeLines = rulesString(before).split("\n");
  const afterLines = new Set(rulesString(after).split("\n"));
  return {
    changes,
    withoutEndpoints: changesWithoutEndpoints(changes, before, after, addresses),
    containerChanges: changes.filter((c) => AWS_CONTAINERS.includes(c.type) && !(c.type === RULE_GROUP && c.action === "update"
      && c.changed.every((p) => p === "ruleGroup.rulesSource.rulesString"))),
    capacity: [byName(before, "nfw-rule-group").inputs.capacity, byName(after, "nfw-rule-group").inputs.capacity],
    // Suricata lines that name no endpoint must survive byte for byte, sid included.
    lostLines: beforeLines.filter((l) => !carriesAddress(l, addresses) && !afterLines.has(l)),
    sidsUnique: new Set([...afterLines].map(sidOf)).size === afterLines.size,
  };
}

function azurePromotion(before: Plan, after: Plan, addresses: readonly string[]) {
  const changes = diffPlans(before, after);
  const kept = (p: Plan) => p.resources.filter((r) => r.type === SECURITY_RULE && !carriesAddress(r.inputs, addresses));
  const afterNames = new Map(after.resources.map((r) => [r.name, r]));
  const priority = (r: ResourceSpec) => `${r.inputs.direction} ${r.inputs.priority}`;
  // Pulumi creates before it deletes: a new rule must not take a priority an old rule still holds.
  const held = new Set(before.resources.filter((r) => r.type === SECURITY_RULE).map(priority));
  const created = changes.filter((c) => c.action === "create" && c.type === SECURITY_RULE).map((c) => afterNames.get(c.name)!);
  return {
    changes,
    ruleAndGroupChanges: changes.filter((c) => c.type === SECURITY_RULE || c.type === IP_GROUP),
    containerChanges: changes.filter((c) => AZURE_CONTAINERS.includes(c.type)),
    keptRules: kept(before).map((r) => [r.name, r.inputs.priority, afterNames.get(r.name)?.inputs.priority]),
    keptRulesAfter: kept(after).map((r) => r.name),
    priorityClashes: created.filter((r) => held.has(priority(r))).map((r) => `${r.name} ${priority(r)}`),
  };
}

describe("promotion test → production with the repository's stacks", () => {
  const addresses = [...endpointAddresses(stackResolution("test")), ...endpointAddresses(stackResolution("production"))];
  let aws: { test: Plan; production: Plan };
  let azure: { test: Plan; production: Plan };

  beforeAll(async () => {
    aws = { test: await cliPlan("aws", "test"), production: await cliPlan("aws", "production") };
    azure = { test: await cliPlan("azure", "test"), production: await cliPlan("azure", "production") };
  });

  it("has endpoint addresses on both sides, and none in common", () => {
    const test = endpointAddresses(stackResolution("test"));
    const production = endpointAddresses(stackResolution("production"));
    expect(test.length).toBeGreaterThan(0);
    expect(production.length).toBeGreaterThan(0);
    expect(test.filter((a) => production.includes(a))).toEqual([]);
  });

  describe("AWS: `plan --cloud aws --stack test` vs `--stack production`", () => {
    it("differ only in resources whose changed inputs carry endpoint addresses", () => {
      const found = awsPromotion(aws.test, aws.production, addresses);
      expect(found.changes.length).toBeGreaterThan(0);
      expect(found.withoutEndpoints).toEqual([]);
      expect(countActions(found.changes).replace).toBe(0);
    });

    it("update or replace no security group, firewall policy or DNS Firewall resource; the rule group changes only its rules", () => {
      const found = awsPromotion(aws.test, aws.production, addresses);
      expect(found.containerChanges).toEqual([]);
      expect(found.changes.filter((c) => c.type === RULE_GROUP)).toEqual([
        { action: "update", type: RULE_GROUP, name: "nfw-rule-group", changed: ["ruleGroup.rulesSource.rulesString"] },
      ]);
    });

    it("keep Network Firewall capacity, and the sid of every Suricata rule that names no endpoint", () => {
      const found = awsPromotion(aws.test, aws.production, addresses);
      expect(found.capacity[0]).toBe(found.capacity[1]);
      expect(found.lostLines).toEqual([]);
      expect(found.sidsUnique).toBe(true);
      const quota = (p: Plan) => p.quotas.find((q) => q.quota === "stateful rule group capacity")?.used;
      expect(quota(aws.production)).toBe(quota(aws.test));
    });

    it("keep the logical names and inputs of every resource that carries no endpoint", () => {
      const after = new Map(aws.production.resources.map((r) => [r.name, r]));
      const kept = aws.test.resources.filter((r) => !carriesAddress(r.inputs, addresses));
      expect(kept.length).toBeGreaterThan(0);
      for (const r of kept) expect(after.get(r.name)).toEqual(r);
    });
  });

  describe("Azure: `plan --cloud azure --stack test` vs `--stack production`", () => {
    it("update or replace no NSG, firewall policy or DNS security policy resource", () => {
      const found = azurePromotion(azure.test, azure.production, addresses);
      expect(found.containerChanges).toEqual([]);
      expect(countActions(found.changes).replace).toBe(0);
    });

    it("change NSG rules and IP Groups only where they carry endpoint addresses", () => {
      const found = azurePromotion(azure.test, azure.production, addresses);
      expect(found.ruleAndGroupChanges.length).toBeGreaterThan(0);
      expect(changesWithoutEndpoints(found.ruleAndGroupChanges, azure.test, azure.production, addresses)).toEqual([]);
    });

    it("keep the names and priorities of NSG rules that carry no endpoint, and give new rules free priorities", () => {
      const found = azurePromotion(azure.test, azure.production, addresses);
      expect(found.keptRules.length).toBeGreaterThan(0);
      for (const [, before, after] of found.keptRules) expect(after).toBe(before);
      expect(found.keptRulesAfter).toEqual(found.keptRules.map(([name]) => name));
      expect(found.priorityClashes).toEqual([]);
    });
  });
});

describe("promotion with any production endpoint list of Agora's shape (property)", () => {
  const test = readStackSelection(REPO, "test");
  const production = readStackSelection(REPO, "production");
  const testResolution = resolveStack(test);
  const testAws = planAws(testResolution, test.aws);
  const testAzure = planAzure(testResolution, test.azure);

  /** 1–8 distinct documentation addresses (RFC 5737), so they never meet Agora's test endpoints. */
  const addressList = (net: string) => fc.uniqueArray(fc.integer({ min: 1, max: 254 }), { minLength: 1, maxLength: 8 }).map((xs) => xs.map((x) => `${net}.${x}`));
  const endpoints = fc.record({ media: addressList("203.0.113"), edge: addressList("198.51.100") });

  it("changes only endpoint-carrying resources (AWS; Azure NSG rules and IP Groups), keeps capacity, sids and containers", () => {
    fc.assert(fc.property(endpoints, ({ media, edge }) => {
      const proxy = {
        endpoints: [
          { protocol: "tcp" as const, addresses: media, ports: ["4000"] },
          { protocol: "tcp" as const, addresses: edge, ports: ["1080", "8000", "9700", "25000"] },
          { protocol: "udp" as const, addresses: media, ports: ["4500-4650"] },
          { protocol: "udp" as const, addresses: edge, ports: ["1080", "8000", "9700", "25000"] },
        ],
      };
      const resolution = resolveStack({ ...production, selection: { ...production.selection, productionProxy: proxy } });
      const addresses = [...endpointAddresses(testResolution), ...media, ...edge];
      const a = awsPromotion(testAws, planAws(resolution, production.aws), addresses);
      expect(a.withoutEndpoints).toEqual([]);
      expect(a.containerChanges).toEqual([]);
      expect(a.capacity[1]).toBe(a.capacity[0]);
      expect(a.lostLines).toEqual([]);
      expect(a.sidsUnique).toBe(true);
      const z = azurePromotion(testAzure, planAzure(resolution, production.azure), addresses);
      expect(z.containerChanges).toEqual([]);
      expect(changesWithoutEndpoints(z.ruleAndGroupChanges, testAzure, planAzure(resolution, production.azure), addresses)).toEqual([]);
    }), { numRuns: 40 });
  });
});
