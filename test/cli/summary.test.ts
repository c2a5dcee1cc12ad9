import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Planner } from "../../src/cli/planners";
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
    expect(out).toContain("  - rtm-native has no cloud proxy in edition 2020-05: it uses the direct firewall whitelist instead.\n");
  });

  it("previews --stack production with the example production endpoints", async () => {
    const r = await run(["summary", "--stack", "production"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("environment production");
    expect(r.stdout).toContain("    tcp 4000 → 203.0.113.10/32, 203.0.113.11/32\n");
    expect(r.stdout).not.toContain("120.92.118.34");
  });

  it("shows a registered planner's plan when the stack configures that cloud", async () => {
    const planner: Planner = () => ({ resources: [{ type: "aws:ec2/managedPrefixList:ManagedPrefixList", name: "pl", inputs: {} }], widenings: [], quotas: [] });
    const r = await run(["summary", "--sdk", "rtc-native"], { planners: { aws: planner } });
    expect(r.code).toBe(0);
    // Pulumi.test.yaml has no agora-egress:aws, so the planner is not run, and the summary says how to run it
    expect(r.stdout).toContain("  AWS: not configured in this stack (agora-egress:aws); preview with `agora-egress plan --cloud aws --stack test`\n");

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "agora-summary-"));
    fs.writeFileSync(path.join(dir, "Pulumi.dev.yaml"), "config:\n  agora-egress:sdks: [rtc-native]\n  agora-egress:aws: {vpcId: vpc-1}\n");
    const configured = await run(["summary", "--stack", "dev", "--dir", dir], { planners: { aws: planner } });
    expect(configured.code).toBe(0);
    expect(configured.stdout).toContain("  AWS: 1 resources\n    aws:ec2/managedPrefixList:ManagedPrefixList × 1\n      pl\n");
  });
});
