import { InputError } from "../../src/model";
import { resolve } from "../../src/resolve";
import { ALL_AWS_TARGETS, AwsPlanOptions, RULE_GROUP_TYPE, renderAwsPlan } from "../../src/renderers/aws";
import { Plan, parseRef } from "../../src/renderers/plan";
import { ALL_SDKS, productionSelection, shuffled } from "./helpers";

const OPTIONS: AwsPlanOptions = {
  securityGroups: { vpcId: "vpc-0123" },
  networkFirewall: { homeNet: ["10.0.0.0/8"], createPolicy: true },
  dnsFirewall: { vpcIds: ["vpc-0123"], blockOthers: true },
};
const EXTERNAL = new Set(["vpc", "existing-security-group", "existing-dns-firewall-rule-group"]);

function checkShape(plan: Plan): void {
  const names = plan.resources.map((r) => r.name);
  expect(new Set(names).size).toBe(names.length);
  plan.resources.forEach((r, i) => {
    expect(Object.keys(r).sort()).toEqual(["inputs", "name", "type"]);
    expect(r.name).toMatch(/^[a-z0-9-]{1,63}$/);
    // Every reference points at an earlier resource (instantiate creates in order) or a known external.
    for (const m of JSON.stringify(r.inputs).matchAll(/"(\$\{[^}]*\})"/g)) {
      const target = parseRef(m[1])!.name;
      expect(EXTERNAL.has(target) || names.slice(0, i).includes(target)).toBe(true);
    }
  });
}

describe("renderAwsPlan", () => {
  it("prints the plan exactly as PRODUCT.md specifies: resources of type/name/inputs, widenings, quotas, then defaults and notices", () => {
    const plan = renderAwsPlan(resolve({ edition: "2020-05", sdks: ALL_SDKS }), ALL_AWS_TARGETS);
    expect(Object.keys(JSON.parse(JSON.stringify(plan)))).toEqual(["resources", "widenings", "quotas", "defaults", "notices"]);
    checkShape(plan);
    // blockOthers is on by default, so the DNS layer widens nothing.
    expect(new Set(plan.widenings.map((w) => w.target))).toEqual(new Set(["aws-security-group", "aws-network-firewall"]));
    // Recording's simplex range from any address: rendered by both address targets, each one reports it.
    expect(plan.widenings.filter((w) => w.rule === "udp 40000-41000 ← 0.0.0.0/0").map((w) => [w.target, w.renderedAs])).toEqual([
      ["aws-security-group", "udp 40000-41000 ← 0.0.0.0/0"], ["aws-network-firewall", "udp 40000-41000 ← 0.0.0.0/0"],
    ]);
    // Every target says what happens to the rest; AWS renders every model rule (no notices).
    expect(plan.defaults.map((d) => [d.target, d.unmatched])).toEqual([
      ["aws-security-group", "denied"], ["aws-network-firewall", "decided-elsewhere"], ["aws-dns-firewall", "denied"],
    ]);
    expect(plan.notices).toEqual([]);
    for (const q of plan.quotas) expect(q.used).toBeLessThanOrEqual(q.limit);
  });

  it.each([
    ["all six SDKs direct", { edition: "2020-05", sdks: ALL_SDKS }],
    ["rtc-native + recording via cloud proxy", { edition: "2020-05", sdks: ["recording", "rtc-native"], access: "cloud-proxy" as const }],
    ["production with 40 endpoints", productionSelection(40, ["recording", "rtc-native"])],
  ])("gives byte-identical plans for shuffled SDK lists: %s", (_, selection) => {
    const reference = JSON.stringify(renderAwsPlan(resolve(selection), OPTIONS));
    for (const seed of [1, 2, 3, 4, 5]) {
      const reordered = { ...selection, sdks: shuffled(selection.sdks ?? [], seed) };
      if ("productionProxy" in reordered && reordered.productionProxy) {
        reordered.productionProxy = { endpoints: shuffled(reordered.productionProxy.endpoints, seed).map((e) => ({ ...e, addresses: shuffled(e.addresses, seed) })) };
      }
      expect(JSON.stringify(renderAwsPlan(resolve(reordered), OPTIONS))).toBe(reference);
    }
    checkShape(JSON.parse(reference));
  });

  it("adding an SDK whose ports do not overlap adds resources and never renames or changes existing ones", () => {
    const before = renderAwsPlan(resolve({ edition: "2020-05", sdks: ["rtc-native"] }), OPTIONS);
    const after = renderAwsPlan(resolve({ edition: "2020-05", sdks: ["rtc-native", "rtc-web"] }), OPTIONS);
    const byName = new Map(after.resources.map((r) => [r.name, r]));
    expect(after.resources.length).toBeGreaterThan(before.resources.length);
    for (const r of before.resources) {
      const now = byName.get(r.name);
      expect(now?.type).toBe(r.type);
      if (r.type === RULE_GROUP_TYPE) {
        // One rule group holds every rule, so its rules change; ForceNew capacity must not.
        expect(now!.inputs.capacity).toBe(r.inputs.capacity);
      } else if (r.name !== "dnsfw-agora-domains") {
        expect(now).toEqual(r);
      }
    }
  });

  it("renders only the targets asked for, every target when none is named, and rejects unknown ones", () => {
    const gaming = resolve({ edition: "2020-05", sdks: ["gaming"] });
    const sgOnly = renderAwsPlan(gaming, { securityGroups: {} });
    expect(new Set(sgOnly.resources.map((r) => r.type.split(":")[1]))).toEqual(new Set(["ec2/securityGroup", "vpc/securityGroupEgressRule"]));
    expect(renderAwsPlan(gaming, {})).toEqual(renderAwsPlan(gaming, ALL_AWS_TARGETS));
    expect(() => renderAwsPlan(gaming, { securityGroup: {} } as never)).toThrow(new InputError("aws.securityGroup", "unknown key (did you mean securityGroups? known: securityGroups, networkFirewall, dnsFirewall)"));
    expect(() => renderAwsPlan(gaming, { dnsFirewall: { associationPriority: 50 } })).toThrow(/^dnsFirewall\.associationPriority: /);
  });
});
