import fc from "fast-check";
import { Flow, InputError, allows, cidrContains, mergePortRanges } from "../../src/model";
import { getEdition } from "../../src/catalog";
import { resolve } from "../../src/resolve";
import {
  AWS_LIMITS, EGRESS_RULE_TYPE, INGRESS_RULE_TYPE, PREFIX_LIST_TYPE, SAFE_DESCRIPTION, SECURITY_GROUP_TYPE, ec2Description,
  renderSecurityGroupRules, securityGroupIds,
} from "../../src/renderers/aws";
import { Plan, ResourceSpec, parseRef } from "../../src/renderers/plan";
import { coveredByWidening, flowSeedsArb, flowsFor, remoteAddress, selectionArb } from "./flows";
import { ALL_SDKS, byType, productionSelection, tryResolve } from "./helpers";

/** What security groups admit: protocol, port range and address; source ports are invisible to them. */
function sgAllows(plan: Plan, f: Flow): boolean {
  const lists = new Map(byType(plan, PREFIX_LIST_TYPE).map((p) => [p.name, (p.inputs.entries as { cidr: string }[]).map((e) => e.cidr)]));
  const type = (f.direction ?? "egress") === "egress" ? EGRESS_RULE_TYPE : INGRESS_RULE_TYPE;
  return byType(plan, type).some(({ inputs }) => {
    if (inputs.ipProtocol !== f.protocol || f.port < (inputs.fromPort as number) || f.port > (inputs.toPort as number)) return false;
    const cidrs = inputs.prefixListId ? lists.get(parseRef(inputs.prefixListId as string)!.name)! : inputs.cidrIpv4 ? [inputs.cidrIpv4 as string] : [];
    return cidrs.some((c) => cidrContains(c, remoteAddress(f)));
  });
}

const rulesOf = (plan: Plan): ResourceSpec[] => plan.resources.filter((r) => r.type === EGRESS_RULE_TYPE || r.type === INGRESS_RULE_TYPE);

describe("renderSecurityGroupRules", () => {
  const all = resolve({ edition: "2020-05", sdks: ALL_SDKS });

  it("admits exactly the model's flows, up to the reported widenings (property)", () => {
    const optionsArb = fc.record({ ipv6: fc.boolean(), proxyPrefixLists: fc.boolean(), maxRulesPerGroup: fc.constantFrom(60, 100, 200) });
    fc.assert(fc.property(selectionArb, flowSeedsArb, optionsArb, (selection, seeds, options) => {
      const resolution = tryResolve(selection);
      fc.pre(resolution !== undefined);
      const plan = renderSecurityGroupRules(resolution!, options);
      for (const flow of flowsFor(resolution!.ruleSet, seeds)) {
        const model = allows(resolution!.ruleSet, flow);
        const sg = sgAllows(plan, flow);
        if (model !== sg && !(sg && coveredByWidening(plan.widenings, flow))) {
          throw new Error(`${JSON.stringify(flow)}: model ${model}, security groups ${sg}`);
        }
      }
    }), { numRuns: 200 });
  });

  it("needs exactly one IPv4 egress rule per merged port range for all six SDKs direct", () => {
    const merged = (protocol: string) => mergePortRanges(all.ruleSet.rules.filter((r) => r.direction === "egress" && r.protocol === protocol).flatMap((r) => r.ports));
    const plan = renderSecurityGroupRules(all);
    const egress = byType(plan, EGRESS_RULE_TYPE);
    expect(egress).toHaveLength(merged("tcp").length + merged("udp").length);
    expect(egress.map((r) => `${r.inputs.ipProtocol} ${r.inputs.fromPort}-${r.inputs.toPort}`)).toEqual([
      ...merged("tcp").map((p) => `tcp ${p.from}-${p.to}`), ...merged("udp").map((p) => `udp ${p.from}-${p.to}`),
    ]);
    expect(new Set(egress.map((r) => r.inputs.cidrIpv4))).toEqual(new Set(["0.0.0.0/0"]));
    expect(byType(plan, INGRESS_RULE_TYPE).map((r) => r.inputs)).toEqual([expect.objectContaining({
      ipProtocol: "udp", fromPort: 40000, toPort: 41000, cidrIpv4: "0.0.0.0/0", securityGroupId: "${sg-group-0.id}",
    })]);
    expect(byType(plan, SECURITY_GROUP_TYPE).map((g) => g.inputs)).toEqual([
      { vpcId: "${vpc.id}", description: "Agora egress allowlist managed by agora-egress, group 0" },
    ]);
  });

  it("reports domains and source ports as widenings, and opens ::/0 only when asked", () => {
    const plan = renderSecurityGroupRules(all);
    expect(plan.widenings).toContainEqual({
      target: "aws-security-group", rule: "udp 1080,7000,8000,8913,9700,25000 → qos.agoralab.co (from source ports 4000-4030)", sdks: ["recording"],
      renderedAs: "udp 1080,7000,8000,8913,9700,25000 → 0.0.0.0/0",
      reason: "security groups match addresses, not names, and the addresses behind a domain change; security groups cannot match source ports",
    });
    // Recording's simplex range from any address is broad on purpose: reported with the catalogue's reason, word for word.
    expect(plan.widenings.filter((w) => w.rule.includes("←"))).toEqual([{
      target: "aws-security-group", rule: "udp 40000-41000 ← 0.0.0.0/0", sdks: ["recording"],
      renderedAs: "udp 40000-41000 ← 0.0.0.0/0", reason: getEdition().recordingSimplex.anySourceReason,
    }]);
    expect(rulesOf(plan).some((r) => r.inputs.cidrIpv6)).toBe(false);
    const v6 = renderSecurityGroupRules(all, { ipv6: true });
    expect(byType(v6, EGRESS_RULE_TYPE).filter((r) => r.inputs.cidrIpv6 === "::/0")).toHaveLength(byType(plan, EGRESS_RULE_TYPE).length);
    expect(v6.widenings[0].renderedAs).toMatch(/→ 0\.0\.0\.0\/0, ::\/0$/);
  });

  it("writes descriptions within 255 EC2-safe characters that name the SDKs, the purpose and the source", () => {
    for (const plan of [renderSecurityGroupRules(all), renderSecurityGroupRules(resolve(productionSelection(40)), { proxyPrefixLists: true, maxRulesPerGroup: 200 })]) {
      for (const r of [...rulesOf(plan), ...byType(plan, SECURITY_GROUP_TYPE)]) {
        const d = r.inputs.description as string;
        expect(d.length).toBeLessThanOrEqual(AWS_LIMITS.descriptionLength);
        expect(d).toMatch(SAFE_DESCRIPTION);
      }
    }
    const tcp8000 = byType(renderSecurityGroupRules(all), EGRESS_RULE_TYPE).find((r) => r.inputs.ipProtocol === "tcp" && r.inputs.fromPort === 8000)!;
    expect(tcp8000.inputs.description).toBe("Agora gaming, recording, rtc-native; source: Firewall Requirements 2020-05-25; domains widened to any address; Gaming SDK, On-premise Recording SDK, RTC Native SDK");
  });

  it("sanitises descriptions: unsafe characters replaced, long text cut to 255", () => {
    expect(ec2Description("a & b [c] — d → e")).toBe("a and b c d to e");
    const long = ec2Description("x".repeat(300));
    expect(long).toHaveLength(255);
    expect(long.endsWith("...")).toBe(true);
  });

  it("adds the rules to an existing group, and needs a VPC only when more groups are required", () => {
    const plan = renderSecurityGroupRules(all, { existingSecurityGroupId: "${existing-security-group.id}" });
    expect(byType(plan, SECURITY_GROUP_TYPE)).toHaveLength(0);
    expect(new Set(rulesOf(plan).map((r) => r.inputs.securityGroupId))).toEqual(new Set(["${existing-security-group.id}"]));
    expect(securityGroupIds(plan, { existingSecurityGroupId: "sg-0abc" })).toEqual(["sg-0abc"]);
    const prod = resolve(productionSelection(40));
    expect(() => renderSecurityGroupRules(prod, { existingSecurityGroupId: "sg-0abc" })).toThrow(new InputError("securityGroups.vpcId", "the rules need 2 security groups; give vpcId so the groups beyond the existing one can be created"));
    const sharded = renderSecurityGroupRules(prod, { existingSecurityGroupId: "sg-0abc", vpcId: "vpc-1" });
    expect(securityGroupIds(sharded, { existingSecurityGroupId: "sg-0abc" })).toEqual(["sg-0abc", "${sg-group-1.id}"]);
  });

  describe("production with 40 endpoint addresses", () => {
    const prod = resolve(productionSelection(40));

    it("shards deterministically into groups that each respect the per-group quota", () => {
      const plan = renderSecurityGroupRules(prod);
      const groups = byType(plan, SECURITY_GROUP_TYPE).map((g) => g.name);
      // 40 addresses × (tcp 443, tcp 4000, udp 4500-4650) = 120 egress rules: two full groups.
      // Recording's simplex range comes in from the same 40 proxy endpoints: 40 ingress rules.
      expect(groups).toEqual(["sg-group-0", "sg-group-1"]);
      expect(byType(plan, EGRESS_RULE_TYPE)).toHaveLength(120);
      expect(byType(plan, INGRESS_RULE_TYPE)).toHaveLength(40);
      expect(new Set(byType(plan, INGRESS_RULE_TYPE).map((r) => `${r.inputs.ipProtocol} ${r.inputs.fromPort}-${r.inputs.toPort}`))).toEqual(new Set(["udp 40000-41000"]));
      // The quota is per direction: 60 inbound and 60 outbound rules per group.
      for (const g of groups) {
        for (const type of [EGRESS_RULE_TYPE, INGRESS_RULE_TYPE]) {
          const used = byType(plan, type).filter((r) => r.inputs.securityGroupId === `\${${g}.id}`).length;
          expect(used).toBeGreaterThan(0);
          expect(used).toBeLessThanOrEqual(60);
        }
      }
      for (const q of plan.quotas) expect(q.used).toBeLessThanOrEqual(q.limit);
      expect(plan.quotas).toContainEqual({ target: "aws-security-group", quota: "security groups per network interface", scope: "network interface", used: 2, limit: 5 });
      expect(byType(renderSecurityGroupRules(resolve(productionSelection(41))), SECURITY_GROUP_TYPE)).toHaveLength(3);
    });

    it("moves few rules between groups when an endpoint address is added", () => {
      const groupOf = (count: number, type: string) => new Map(byType(renderSecurityGroupRules(resolve(productionSelection(count))), type).map((r) => [r.name, r.inputs.securityGroupId]));
      const moved = (from: number, to: number, type: string) => {
        const before = groupOf(from, type);
        return [...groupOf(to, type)].filter(([name, group]) => before.has(name) && before.get(name) !== group).length;
      };
      // Same number of groups: the new rules take free slots and (almost) nothing moves.
      expect(moved(30, 31, EGRESS_RULE_TYPE) + moved(30, 31, INGRESS_RULE_TYPE)).toBeLessThanOrEqual(3);
      // A third group: jump hashing moves about a third of the rules to it, and only to it
      // (a third of the 120 egress rules, and of the 40 ingress rules from the proxy endpoints).
      expect(moved(40, 41, EGRESS_RULE_TYPE)).toBeLessThanOrEqual(50);
      expect(moved(40, 41, INGRESS_RULE_TYPE)).toBeLessThanOrEqual(17);
    });

    it("fails with a clear message beyond the groups-per-interface limit", () => {
      expect(() => renderSecurityGroupRules(prod, { maxGroupsPerInterface: 1 })).toThrow(
        new InputError("securityGroups.maxGroupsPerInterface", "the rules need more than 1 security groups of 60 rules per direction and family (egress IPv4 costs 120, ingress IPv4 40); raise the AWS quotas and these options, or filter these destinations with Network Firewall instead"),
      );
      expect(() => renderSecurityGroupRules(prod, { maxRulesPerGroup: 250, maxGroupsPerInterface: 5 })).toThrow(/250 rules × 5 groups per interface exceeds AWS's limit of 1000/);
    });

    it("counts a prefix list at its maxEntries for every rule that references it", () => {
      const plan = renderSecurityGroupRules(prod, { proxyPrefixLists: true, prefixListMaxEntries: 50, maxRulesPerGroup: 100, maxGroupsPerInterface: 5 });
      const lists = byType(plan, PREFIX_LIST_TYPE);
      expect(lists).toHaveLength(1);
      expect(lists[0].inputs).toMatchObject({ addressFamily: "IPv4", maxEntries: 50 });
      expect(lists[0].inputs.entries).toHaveLength(40);
      const references = byType(plan, EGRESS_RULE_TYPE).filter((r) => r.inputs.prefixListId === `\${${lists[0].name}.id}`);
      expect(references).toHaveLength(3);
      const used = plan.quotas.filter((q) => q.quota === "egress rules per security group (IPv4)").reduce((n, q) => n + q.used, 0);
      expect(used).toBe(3 * 50);
      expect(() => renderSecurityGroupRules(prod, { proxyPrefixLists: true, prefixListMaxEntries: 39 })).toThrow(/39 is fewer than the 40 proxy endpoints/);
      expect(() => renderSecurityGroupRules(prod, { proxyPrefixLists: true, prefixListMaxEntries: 61 })).toThrow(InputError);
    });
  });

  it("makes one prefix list per port profile so each referencing rule stays exact", () => {
    const plan = renderSecurityGroupRules(resolve({ edition: "2020-05", sdks: ["rtc-native", "recording"], access: "cloud-proxy" }), { proxyPrefixLists: true });
    expect(byType(plan, PREFIX_LIST_TYPE).map((p) => (p.inputs.entries as { cidr: string }[]).map((e) => e.cidr))).toEqual([
      ["47.74.211.17/32", "47.96.234.219/32", "52.52.84.170/32", "52.80.192.229/32"],
      ["120.92.18.162/32", "120.92.118.34/32"],
    ]);
    expect(plan.widenings).toEqual([]);
  });

  it("rejects bad options naming the option", () => {
    expect(() => renderSecurityGroupRules(all, { maxRulesPerGroup: 0 })).toThrow(/^securityGroups\.maxRulesPerGroup: /);
    expect(() => renderSecurityGroupRules(all, { maxGroupsPerInterface: 17 })).toThrow(/^securityGroups\.maxGroupsPerInterface: /);
    expect(() => renderSecurityGroupRules(all, { vpcid: "x" } as never)).toThrow(/^securityGroups\.vpcid: unknown key \(did you mean vpcId\? /);
  });
});
