import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { planners } from "../../src/cli/planners";
import { diffPlans, diffRuleSets } from "../../src/diff";
import { run } from "../cli/run";
import { REPO, cliPlan, stackResolution } from "./helpers";

const diff = (args: string[], cwd = REPO) => run(["diff", ...args], { planners, cwd });

function stackDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "agora-diff-"));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

describe("agora-egress diff --from-stack test --to-stack production", () => {
  it("prints rule and resource changes as Markdown for a pull-request comment (exit 0)", async () => {
    const r = await diff(["--from-stack", "test", "--to-stack", "production"]);
    expect(r.code).toBe(0);
    const md = r.stdout;
    expect(md.startsWith("## agora-egress: stack test → stack production\n")).toBe(true);
    expect(md).toContain("| environment | test | production |");
    // 12 egress flows per side, and recording's simplex range from each of the 6 proxy endpoints.
    expect(md).toContain("### Rules: 18 flows added, 18 removed\n");
    expect(md).toContain("| added | egress | udp | 4500-4650 | `203.0.113.10/32` |  | recording, rtc-native |");
    expect(md).toContain("| removed | egress | tcp | 4000 | `120.92.118.34/32` |  | recording, rtc-native |");
    expect(md).toContain("| added | ingress | udp | 40000-41000 | `203.0.113.10/32` |  | recording |");
    expect(md).toContain("| removed | ingress | udp | 40000-41000 | `120.92.118.34/32` |  | recording |");
    expect(md).toMatch(/^### AWS: \d+ to create, 1 to update, 0 to replace, \d+ to delete, \d+ unchanged$/m);
    expect(md).toContain("| update | `nfw-rule-group` | `aws:networkfirewall/ruleGroup:RuleGroup` | ruleGroup.rulesSource.rulesString |  |");
    expect(md).toMatch(/^### Azure: \d+ to create, \d+ to update, 0 to replace, \d+ to delete, \d+ unchanged$/m);
    expect(r.stderr).toContain("agora-egress: note: ");
  });

  it("prints the same changes as JSON: the rule diff and, per cloud, diffPlans of the two `plan` outputs", async () => {
    const r = await diff(["--from-stack", "test", "--to-stack", "production", "--format", "json"]);
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout);
    expect(Object.keys(body)).toEqual(["from", "to", "rules", "clouds"]);
    expect(body.from).toMatchObject({ label: "stack test", stack: "test", file: "Pulumi.test.yaml", edition: "2020-05", environment: "test" });
    expect(body.to).toMatchObject({ stack: "production", environment: "production" });
    expect(body.rules).toEqual(diffRuleSets(stackResolution("test").ruleSet, stackResolution("production").ruleSet));
    for (const cloud of ["aws", "azure"] as const) {
      const changes = diffPlans(await cliPlan(cloud, "test"), await cliPlan(cloud, "production"));
      expect(body.clouds[cloud].changes).toEqual(changes);
      expect(body.clouds[cloud].counts.replace).toBe(0);
    }
  });

  it("reports no change between a stack and itself", async () => {
    const r = await diff(["--from-stack", "production", "--to-stack", "production"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("### Rules: 0 flows added, 0 removed\n\nNo flow is added or removed.\n");
    expect(r.stdout).toMatch(/^### AWS: 0 to create, 0 to update, 0 to replace, 0 to delete, \d+ unchanged\n\nNo resource changes\.$/m);
  });
});

describe("diff between two editions of one selection", () => {
  it("takes the selection from flags (or --stack) and plans every target with defaults when no stack says otherwise", async () => {
    const r = await diff(["--from-edition", "2020-05", "--to-edition", "2020-05", "--sdk", "rtc-native", "--format", "json"]);
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout);
    expect(body.from.label).toBe("edition 2020-05");
    expect(body.rules).toEqual([]);
    expect(body.clouds.aws).toMatchObject({ counts: { create: 0, update: 0, replace: 0, delete: 0 } });
    expect(body.clouds.aws.unchanged).toBeGreaterThan(0);
  });

  it("names the side's flag for an unknown edition or stack name", async () => {
    const edition = await diff(["--stack", "test", "--from-edition", "2020-05", "--to-edition", "2099-01"]);
    expect(edition.code).toBe(2);
    expect(edition.stderr).toMatch(/^agora-egress: --to-edition: /);
    const name = await diff(["--from-stack", "test", "--to-stack", "prod/x"]);
    expect(name.code).toBe(2);
    expect(name.stderr).toMatch(/^agora-egress: --to-stack: "prod\/x" is not a stack name/);
  });
});

describe("diff refuses bad input with exit 2, naming the file and key", () => {
  it("names a missing stack file", async () => {
    const r = await diff(["--from-stack", "test", "--to-stack", "staging"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^agora-egress: Pulumi\.staging\.yaml: file not found \(looked for .*Pulumi\.staging\.yaml\)\n$/);
  });

  it("names the file and key of an invalid stack, selection or target option", async () => {
    const dir = stackDir({
      "Pulumi.test.yaml": fs.readFileSync(path.join(REPO, "Pulumi.test.yaml"), "utf8"),
      "Pulumi.typo.yaml": "config:\n  agora-egress:edition: \"2020-05\"\n  agora-egress:sdks: [rtc-native]\n  agora-egress:enviroment: production\n",
      "Pulumi.port.yaml": "config:\n  agora-egress:edition: \"2020-05\"\n  agora-egress:sdks: [rtc-native]\n  agora-egress:aws:\n    dnsFirewall: {associationPriority: 1.5}\n",
      "Pulumi.window.yaml": "config:\n  agora-egress:edition: \"2020-05\"\n  agora-egress:sdks: [rtc-native]\n  agora-egress:azure:\n    resourceGroupName: rg\n    nsg: {firstPriority: 1500, lastPriority: 1200}\n",
    });
    const cases: [string, RegExp][] = [
      ["typo", /^agora-egress: Pulumi\.typo\.yaml: agora-egress:enviroment: unknown key \(did you mean agora-egress:environment\?/],
      ["port", /^agora-egress: Pulumi\.port\.yaml: agora-egress:aws\.dnsFirewall\.associationPriority: /],
      ["window", /^agora-egress: Pulumi\.window\.yaml: agora-egress:azure\.nsg\.firstPriority: 1500 is after lastPriority 1200\n$/],
    ];
    for (const [stack, message] of cases) {
      const r = await diff(["--from-stack", "test", "--to-stack", stack], dir);
      expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(message)]);
    }
  });

  it("asks what to compare when no side is given", async () => {
    const r = await diff(["--stack", "test"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("agora-egress: --from-stack: say what to compare: --from-stack A --to-stack B, or --from-edition X --to-edition Y (with --stack or selection flags)\n");
  });
});

describe("diff checks every pair of side flags (exit 2, naming the flag to add or drop)", () => {
  it.each([
    [["--from-stack", "test"], "--to-stack: is missing: --from-stack test is compared with --to-stack NAME (or --stack NAME, the same for both sides)"],
    [["--to-stack", "production"], "--from-stack: is missing: --to-stack production is compared with --from-stack NAME (or --stack NAME, the same for both sides)"],
    [["--from-edition", "2020-05", "--sdk", "rtc-native"], "--to-edition: is missing: --from-edition 2020-05 is compared with --to-edition ID (or --edition ID, the same for both sides)"],
    [["--to-edition", "2020-05", "--stack", "test"], "--from-edition: is missing: --to-edition 2020-05 is compared with --from-edition ID (or --edition ID, the same for both sides)"],
    [["--from-stack", "test", "--to-stack", "production", "--stack", "test"], "--stack: is not used: --from-stack and --to-stack name both sides (drop --stack, or one of them)"],
    [["--from-edition", "2020-05", "--to-edition", "2020-05", "--edition", "2020-05", "--sdk", "rtc-native"],
      "--edition: is not used: --from-edition and --to-edition name both sides (drop --edition, or one of them)"],
    [["--from-stack", "test", "--to-stack", "test", "--production-proxy", "examples/production-proxy.yaml"],
      "--production-proxy: is not used: neither side is cloud-proxy in production (--access cloud-proxy --env production, or a stack that says so)"],
  ])("%j", async (args, message) => {
    const r = await diff(args);
    expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({ code: 2, stdout: "", stderr: `agora-egress: ${message}\n` });
  });

  it("takes --stack or --edition as the side that names none of its own", async () => {
    const stack = await diff(["--from-stack", "production", "--stack", "test", "--format", "json"]);
    expect(stack.code).toBe(0);
    expect([JSON.parse(stack.stdout).from.stack, JSON.parse(stack.stdout).to.stack]).toEqual(["production", "test"]);
    const edition = await diff(["--from-edition", "2020-05", "--edition", "2020-05", "--stack", "test", "--format", "json"]);
    expect(edition.code).toBe(0);
    expect([JSON.parse(edition.stdout).from.edition, JSON.parse(edition.stdout).to.edition]).toEqual(["2020-05", "2020-05"]);
  });
});

describe("secret production endpoints", () => {
  it("reads --production-proxy FILE for the production side only", async () => {
    const production = fs.readFileSync(path.join(REPO, "Pulumi.production.yaml"), "utf8")
      .replace(/  agora-egress:productionProxy:\n(    .*\n|      .*\n|\s*#.*\n)*/, "  agora-egress:productionProxy:\n    secure: v1:c2VjcmV0Cg==\n");
    expect(production).toContain("secure: v1:");
    const dir = stackDir({
      "Pulumi.test.yaml": fs.readFileSync(path.join(REPO, "Pulumi.test.yaml"), "utf8"),
      "Pulumi.production.yaml": production,
    });
    const refused = await diff(["--from-stack", "test", "--to-stack", "production"], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^agora-egress: Pulumi\.production\.yaml: agora-egress:productionProxy: is a Pulumi secret/);
    const file = path.join(REPO, "examples", "production-proxy.yaml");
    const r = await diff(["--from-stack", "test", "--to-stack", "production", "--production-proxy", file, "--format", "json"], dir);
    expect(r.code).toBe(0);
    const added = JSON.parse(r.stdout).rules.filter((c: { change: string }) => c.change === "added").map((c: { destination: string }) => c.destination);
    expect(added).toContain("198.51.100.20/32");
  });
});

describe("a cloud only one side deploys to", () => {
  it("plans nothing for the side without it: every resource is a create", async () => {
    const dir = stackDir({
      "Pulumi.none.yaml": "config:\n  agora-egress:edition: \"2020-05\"\n  agora-egress:sdks: [rtm-native]\n",
      "Pulumi.aws.yaml": "config:\n  agora-egress:edition: \"2020-05\"\n  agora-egress:sdks: [rtm-native]\n  agora-egress:aws:\n    dnsFirewall: {}\n",
    });
    const r = await diff(["--from-stack", "none", "--to-stack", "aws", "--format", "json"], dir);
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout);
    expect(body.clouds.azure).toEqual({ skipped: "not configured in either stack (agora-egress:azure)" });
    expect(body.clouds.aws.changes.every((c: { action: string }) => c.action === "create")).toBe(true);
    expect(body.clouds.aws.counts.create).toBeGreaterThan(0);
  });
});
