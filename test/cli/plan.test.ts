import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Planner } from "../../src/cli/planners";
import { Plan, Unmatched, ref } from "../../src/renderers/plan";
import { run } from "./run";

/** A stand-in planner: one resource per allow rule destination, plus one widening, one quota, one default and one notice. */
const seen: Record<string, unknown>[] = [];
const fakeAws: Planner = (resolution, options) => {
  seen.push(options);
  const plan: Plan = {
    resources: [
      { type: "aws:ec2/securityGroup:SecurityGroup", name: "agora-sg", inputs: { vpcId: (options.securityGroups as { vpcId?: string } | undefined)?.vpcId ?? "vpc-default" } },
      ...resolution.ruleSet.rules.slice(0, 2).map((r, i) => ({
        type: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
        name: `rule-${r.protocol}-${i}`,
        inputs: { securityGroupId: ref("agora-sg", "id"), ipProtocol: r.protocol },
        dependsOn: ["agora-sg"],
      })),
    ],
    widenings: [{ target: "aws-sg", rule: "udp 8000 → .agora.io", sdks: ["rtc-native"], renderedAs: "udp 8000 → 0.0.0.0/0", reason: "security groups take addresses only" }],
    quotas: [{ target: "aws-sg", quota: "rules per security group", scope: "agora-sg", used: 2, limit: 60 }],
    defaults: [{ target: "aws-sg", unmatched: Unmatched.Denied, statement: "security groups allow only what they list" }],
    notices: [{ target: "aws-sg", rule: "udp 40000-41000 ← 0.0.0.0/0", sdks: ["recording"], reason: "this stand-in target takes no ingress" }],
  };
  return plan;
};

describe("plan --cloud (hook for the cloud renderers)", () => {
  it("prints PRODUCT.md's JSON with --format json", async () => {
    const r = await run(["plan", "--edition", "2020-05", "--cloud", "aws", "--sdk", "rtc-native", "--format", "json"], { planners: { aws: fakeAws } });
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout);
    expect(Object.keys(body)).toEqual(["resources", "widenings", "quotas", "defaults", "notices"]);
    expect(body.resources[0]).toEqual({ type: "aws:ec2/securityGroup:SecurityGroup", name: "agora-sg", inputs: { vpcId: "vpc-default" } });
    expect(body.resources[1].inputs.securityGroupId).toBe("${agora-sg.id}");
    expect(body.widenings[0].renderedAs).toBe("udp 8000 → 0.0.0.0/0");
    expect(body.quotas[0]).toEqual({ target: "aws-sg", quota: "rules per security group", scope: "agora-sg", used: 2, limit: 60 });
    expect(body.defaults).toEqual([{ target: "aws-sg", unmatched: "denied", statement: "security groups allow only what they list" }]);
    expect(body.notices).toEqual([{ target: "aws-sg", rule: "udp 40000-41000 ← 0.0.0.0/0", sdks: ["recording"], reason: "this stand-in target takes no ingress" }]);
  });

  it("prints a readable summary by default", async () => {
    const r = await run(["plan", "--edition", "2020-05", "--cloud", "aws", "--sdk", "rtc-native"], { planners: { aws: fakeAws } });
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")).toEqual([
      "AWS: 3 resources",
      "  aws:ec2/securityGroup:SecurityGroup × 1",
      "    agora-sg",
      "  aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule × 2",
      "    rule-tcp-0",
      "    rule-tcp-1",
      "  widenings: 1",
      "    udp 8000 → .agora.io [rtc-native]",
      "      rendered as: udp 8000 → 0.0.0.0/0",
      "      why: security groups take addresses only",
      "  not rendered: 1",
      "    udp 40000-41000 ← 0.0.0.0/0 [recording]",
      "      why: this stand-in target takes no ingress",
      "  quotas:",
      "    rules per security group (agora-sg): 2 of 60",
      "  everything else:",
      "    aws-sg: denied. security groups allow only what they list",
      "",
    ]);
  });

  it("passes the stack's agora-egress:aws object to the planner", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "agora-plan-"));
    fs.writeFileSync(path.join(dir, "Pulumi.dev.yaml"), "config:\n  agora-egress:edition: \"2020-05\"\n  agora-egress:sdks: [rtm-native]\n  agora-egress:aws:\n    securityGroups: {vpcId: vpc-0123}\n");
    const r = await run(["plan", "--cloud", "aws", "--stack", "dev", "--dir", dir, "--format", "json"], { planners: { aws: fakeAws } });
    expect(r.code).toBe(0);
    expect(seen[seen.length - 1]).toEqual({ securityGroups: { vpcId: "vpc-0123" } });
    expect(JSON.parse(r.stdout).resources[0].inputs).toEqual({ vpcId: "vpc-0123" });
  });

  it("refuses a cloud with no planner registered, naming --cloud", async () => {
    const r = await run(["plan", "--edition", "2020-05", "--cloud", "azure", "--sdk", "rtc-native"], { planners: { aws: fakeAws } });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("agora-egress: --cloud: the Azure target is not available in this build yet\n");
  });
});
