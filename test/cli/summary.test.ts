import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Planner, planners } from "../../src/cli/planners";
import { Unmatched } from "../../src/renderers/plan";
import { run } from "./run";

describe("summary (npm start)", () => {
  it("previews the default stack `test` from Pulumi.test.yaml", async () => {
    const r = await run(["summary"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const out = r.stdout;
    expect(out).toMatch(/^Stack test \(Pulumi\.test\.yaml\): edition 2020-05, access cloud-proxy, environment test, proxy_type 1\n/);
    expect(out).toContain("  rtc-native (cloud-proxy): 12 destinations, 36 destination × port-range entries\n");
    expect(out).toContain("    udp 4500-4650 → 120.92.18.162/32, 120.92.118.34/32\n");
    expect(out).toContain("  rtm-native (direct): 6 destinations, 12 destination × port-range entries\n");
    expect(out).toContain("  AWS: run `agora-egress plan --cloud aws --stack test` for its resources, widenings and quota usage\n");
    expect(out).toContain('      {"rtc.proxy_server":[1,"ap-proxy.agora.io",0]}\n');
    // Recording behind the cloud proxy: its simplex range comes in from the proxy endpoints, with the port settings.
    expect(out).toContain("    udp 40000-41000 ← inbound 47.74.211.17/32, 47.96.234.219/32, 52.52.84.170/32, 52.80.192.229/32, … (6 in all)\n");
    expect(out).toContain("  recording — RecordingConfig:\n      lowUdpPort = 40000\n      highUdpPort = 41000\n");
    // RTM has no cloud proxy: it reaches Agora directly only because the stack names it in directSdks.
    expect(out).toContain("  - rtm-native reaches Agora directly (directSdks): its firewall whitelist applies, and every rule a target widens is listed under widenings.\n");
  });

  it("suggests commands with every flag given, so they show the same selection", async () => {
    const file = "examples/production-proxy.yaml";
    const r = await run(["summary", "--stack", "production", "--production-proxy", file, "--sdk", "rtc-native,recording", "--edition", "2020-05"], { planners });
    expect(r.code).toBe(0);
    const flags = `--stack production --sdk rtc-native,recording --production-proxy ${file} --edition 2020-05`;
    expect(r.stdout).toContain(`; names and inputs: \`agora-egress plan --cloud aws ${flags}\`\n`);
    expect(r.stdout).toContain(`; names and inputs: \`agora-egress plan --cloud azure ${flags}\`\n`);
    expect(r.stdout).toContain(`Full tables: agora-egress rules ${flags} --format md|jsonl|csv|json\n`);
    // The suggested command shows what the summary counted.
    const plan = await run(["plan", "--edition", "2020-05", "--cloud", "aws", ...flags.split(" "), "--format", "json"], { planners });
    expect(plan.code).toBe(0);
    const count = /AWS \(agora-egress:aws\): (\d+) resources/.exec(r.stdout)![1];
    expect(JSON.parse(plan.stdout).resources).toHaveLength(Number(count));
  });

  it("quotes flag values for the shell", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "agora summary "));
    fs.copyFileSync(path.join(__dirname, "..", "..", "examples", "production-proxy.yaml"), path.join(dir, "it's.yaml"));
    const r = await run(["summary", "--stack", "production", "--production-proxy", path.join(dir, "it's.yaml")]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Full tables: agora-egress rules --stack production --production-proxy '${dir}/it'\\''s.yaml' --format md`);
  });

  it("previews --stack production with the example production endpoints", async () => {
    const r = await run(["summary", "--stack", "production"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("environment production");
    expect(r.stdout).toContain("    tcp 4000 → 203.0.113.10/32, 203.0.113.11/32\n");
    expect(r.stdout).not.toContain("120.92.118.34");
  });

  it("counts each configured cloud's resources per type, with quota usage and widenings", async () => {
    const planner: Planner = () => ({
      resources: [
        { type: "aws:ec2/managedPrefixList:ManagedPrefixList", name: "pl", inputs: {} },
        { type: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", name: "r1", inputs: {} },
        { type: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", name: "r2", inputs: {} },
      ],
      widenings: [
        { target: "aws-sg", rule: "udp 8000 → .agora.io", sdks: ["rtm-native"], renderedAs: "udp 8000 → 0.0.0.0/0", reason: "names are not addresses" },
        { target: "aws-sg", rule: "udp 8000 → qos.agoralab.co", sdks: ["rtm-native"], renderedAs: "udp 8000 → 0.0.0.0/0", reason: "names are not addresses" },
      ],
      quotas: [{ target: "aws-sg", quota: "rules per security group", scope: "sg-0", used: 2, limit: 60 }],
      defaults: [{ target: "aws-sg", unmatched: Unmatched.Denied, statement: "Security groups allow only what a rule lists." }],
      notices: [
        { target: "aws-sg", rule: "udp 40000-41000 ← 0.0.0.0/0", sdks: ["recording"], reason: "no ingress here" },
        { target: "aws-sg", rule: "tcp 7000 ← 198.51.100.0/24", sdks: ["custom"], reason: "no ingress here" },
      ],
    });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "agora-summary-"));
    fs.writeFileSync(path.join(dir, "Pulumi.dev.yaml"), "config:\n  agora-egress:edition: \"2020-05\"\n  agora-egress:sdks: [rtm-native]\n  agora-egress:aws: {securityGroups: {vpcId: vpc-1}}\n");
    const r = await run(["summary", "--stack", "dev", "--dir", dir], { planners: { aws: planner, azure: planner } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain([
      "Resources per cloud",
      `  AWS (agora-egress:aws): 3 resources; names and inputs: \`agora-egress plan --cloud aws --stack dev --dir ${dir}\``,
      "    1 aws:ec2/managedPrefixList:ManagedPrefixList",
      "    2 aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
      `  Azure: not configured in this stack (agora-egress:azure); preview with \`agora-egress plan --cloud azure --stack dev --dir ${dir}\``,
      "",
      "Quota usage",
      "  AWS",
      "    rules per security group (sg-0): 2 of 60",
      "",
      "Widenings: 2 (rules a target cannot express exactly, rendered in a safe wider form)",
      "  aws-sg: names are not addresses",
      "    udp 8000 → .agora.io [rtm-native] as udp 8000 → 0.0.0.0/0",
      "    udp 8000 → qos.agoralab.co [rtm-native] as udp 8000 → 0.0.0.0/0",
      "",
      "Not rendered: 2 (model rules a target does not carry, so it denies them)",
      "  aws-sg: no ingress here",
      "    udp 40000-41000 ← 0.0.0.0/0 [recording]",
      "    tcp 7000 ← 198.51.100.0/24 [custom]",
      "",
      "Everything else (what each target does with traffic no rule allows)",
      "  aws-sg: denied. Security groups allow only what a rule lists.",
      "",
      "Application settings",
    ].join("\n"));
  });

  it("without a planner for a cloud, says how to preview it", async () => {
    const r = await run(["summary"], { planners: {} });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("  AWS: run `agora-egress plan --cloud aws --stack test` for its resources, widenings and quota usage\n");
    expect(r.stdout).not.toContain("Quota usage");
  });

  it("previews both repository stacks with the real renderers (what `npm start` prints)", async () => {
    for (const stack of ["test", "production"]) {
      const r = await run(["summary", "--stack", stack], { planners });
      expect(r.code).toBe(0);
      expect(r.stderr).toBe("");
      expect(r.stdout).toMatch(/^  AWS \(agora-egress:aws\): \d+ resources; /m);
      expect(r.stdout).toMatch(/^  Azure \(agora-egress:azure\): \d+ resources; /m);
      expect(r.stdout).toMatch(/^    stateful rule group capacity \(nfw-rule-group\): \d+ of \d+$/m);
      expect(r.stdout).toMatch(/^Widenings: \d+ /m);
      // Recording's ingress from the proxy endpoints: Azure Firewall does not carry it (only DNAT lets Internet traffic in).
      expect(r.stdout).toMatch(/^Not rendered: \d+ \(model rules a target does not carry, so it denies them\)$/m);
      expect(r.stdout).toContain("\nEverything else (what each target does with traffic no rule allows)\n");
    }
  });
});
