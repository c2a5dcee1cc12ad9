import { countActions, diffPlans, diffRuleSets } from "../../src/diff";
import { Plan, ResourceSpec } from "../../src/renderers/plan";
import { resolve } from "../../src/resolve";

const SG = "aws:ec2/securityGroup:SecurityGroup";
const EGRESS = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
const RULE_GROUP = "aws:networkfirewall/ruleGroup:RuleGroup";
const plan = (...resources: ResourceSpec[]): Plan => ({ resources, widenings: [], quotas: [], defaults: [], notices: [] });

describe("diffPlans", () => {
  const sg = { type: SG, name: "sg", inputs: { vpcId: "vpc-1", description: "agora" } };
  const rule = { type: EGRESS, name: "tcp-443", inputs: { securityGroupId: "${sg.id}", ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: "0.0.0.0/0" } };

  it("reports nothing for identical plans, whatever the key order of inputs", () => {
    const reordered = { ...rule, inputs: Object.fromEntries(Object.entries(rule.inputs).reverse()) };
    expect(diffPlans(plan(sg, rule), plan(sg, reordered))).toEqual([]);
  });

  it("classifies creates, deletes and in-place updates", () => {
    const moved = { ...rule, inputs: { ...rule.inputs, cidrIpv4: "203.0.113.0/24" } };
    const extra = { ...rule, name: "udp-3478", inputs: { ...rule.inputs, ipProtocol: "udp", fromPort: 3478, toPort: 3478 } };
    const changes = diffPlans(plan(sg, rule), plan(sg, moved, extra));
    expect(changes).toEqual([
      { action: "update", type: EGRESS, name: "tcp-443", changed: ["cidrIpv4"] },
      { action: "create", type: EGRESS, name: "udp-3478", changed: [] },
    ]);
    expect(diffPlans(plan(sg, rule), plan(sg))).toEqual([{ action: "delete", type: EGRESS, name: "tcp-443", changed: [] }]);
  });

  it("replaces on a ForceNew input and cascades to resources that take a replacing input from it", () => {
    const newSg = { ...sg, inputs: { ...sg.inputs, description: "changed" } };
    const changes = diffPlans(plan(sg, rule), plan(newSg, rule));
    expect(changes.map((c) => [c.action, c.name])).toEqual([["replace", "sg"], ["replace", "tcp-443"]]);
    expect(changes[1].reason).toBe("depends on replaced sg");
  });

  it("replaces a Network Firewall rule group when only its capacity changes", () => {
    const rg = { type: RULE_GROUP, name: "nfw", inputs: { capacity: 100, type: "STATEFUL", ruleGroup: { rulesSource: { rulesString: "a" } } } };
    const bigger = { ...rg, inputs: { ...rg.inputs, capacity: 200 } };
    const rules = { ...rg, inputs: { ...rg.inputs, ruleGroup: { rulesSource: { rulesString: "b" } } } };
    expect(diffPlans(plan(rg), plan(bigger))[0]).toMatchObject({ action: "replace", reason: "changes capacity" });
    expect(diffPlans(plan(rg), plan(rules))[0]).toMatchObject({ action: "update", changed: ["ruleGroup.rulesSource.rulesString"] });
  });

  it("treats any change of an unknown type as a replacement", () => {
    const x = { type: "x:y:Z", name: "z", inputs: { a: 1 } };
    expect(diffPlans(plan(x), plan({ ...x, inputs: { a: 2 } }))[0].action).toBe("replace");
    expect(countActions(diffPlans(plan(x), plan({ ...x, inputs: { a: 2 } })))).toEqual({ create: 0, update: 0, replace: 1, delete: 0 });
  });
});

describe("diffRuleSets", () => {
  it("lists the flows that promotion from test to production adds and removes", () => {
    const test = resolve({ edition: "2020-05", sdks: ["rtc-native"], access: "cloud-proxy", environment: "test" }).ruleSet;
    const prod = resolve({
      edition: "2020-05", sdks: ["rtc-native"], access: "cloud-proxy", environment: "production",
      productionProxy: { endpoints: [{ protocol: "udp", addresses: ["203.0.113.10"], ports: ["4500-4650"] }] },
    }).ruleSet;
    const changes = diffRuleSets(test, prod);
    expect(changes.filter((c) => c.change === "added")).toEqual([
      { change: "added", direction: "egress", protocol: "udp", destination: "203.0.113.10/32", ports: ["4500-4650"], sdks: ["rtc-native"] },
    ]);
    expect(changes.filter((c) => c.change === "removed")).toHaveLength(12);
  });

  it("reports only the ports that differ when a range grows", () => {
    const web28 = resolve({ edition: "2020-05", sdks: ["rtc-web@2.8.0"] }).ruleSet;
    const web29 = resolve({ edition: "2020-05", sdks: ["rtc-web@2.9.0"] }).ruleSet;
    const agora = diffRuleSets(web28, web29).filter((c) => c.destination === ".agora.io");
    expect(agora).toEqual([
      { change: "removed", direction: "egress", protocol: "udp", destination: ".agora.io", ports: ["10000-65535"], sdks: ["rtc-web"] },
      { change: "added", direction: "egress", protocol: "udp", destination: ".agora.io", ports: ["5866-6000"], sdks: ["rtc-web"] },
    ]);
  });
});
