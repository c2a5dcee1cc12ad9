/**
 * What a process loads: `require("agora-egress")` (the built package, dist/) in a fresh child
 * process per case, with the packages it loaded read from require.cache. An AWS-only program
 * never loads @pulumi/azure-native and an Azure-only one never loads @pulumi/aws; the CLI and the
 * pure core load no Pulumi package at all, and work when none is installed.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");
const PROBE = path.join(ROOT, "test/support/module-probe.js");
const DIST = path.join(ROOT, "dist/src/index.js");
const CLI = path.join(ROOT, "bin/agora-egress.js");

let tmp: string;
beforeAll(() => {
  // dist/ as `npm run build` leaves it (a no-op when nothing changed since the last build).
  execFileSync(process.execPath, [path.join(ROOT, "scripts/build.js")], { cwd: ROOT, stdio: "pipe" });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "agora-loading-"));
}, 180_000);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

interface Run { code: number | null; stdout: string; stderr: string; loaded: string[] }

let runs = 0;
/** Runs `node -r module-probe <args>` in a fresh process; `block` lists packages that look uninstalled. */
function node(args: string[], block: string[] = []): Run {
  const report = path.join(tmp, `loaded-${++runs}.txt`);
  const r = spawnSync(process.execPath, ["-r", PROBE, ...args], {
    cwd: ROOT, encoding: "utf8", env: { ...process.env, AGORA_TEST_LOADED: report, AGORA_TEST_BLOCK: block.join(",") },
  });
  const loaded = fs.existsSync(report) ? fs.readFileSync(report, "utf8").split("\n").filter(Boolean) : [];
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, loaded };
}

const pulumiPackages = (loaded: string[]) => loaded.filter((p) => p.startsWith("@pulumi/") || p.startsWith("blocked "));

/** A program that creates one component under Pulumi mocks and prints its resource types once registered. */
function program(component: string, args: object): string {
  return `
    const pulumi = require("@pulumi/pulumi");
    const types = [];
    pulumi.runtime.setMocks({
      newResource: (a) => { types.push(a.type); return { id: a.name + "-id", state: a.inputs }; },
      call: (a) => a.inputs,
    }, "project", "stack", false);
    const egress = require(${JSON.stringify(DIST)});
    const c = new egress.${component}("agora", ${JSON.stringify(args)});
    c.urn.apply(() => pulumi.runtime.waitForRPCs ? pulumi.runtime.waitForRPCs() : undefined);
    process.on("beforeExit", () => { if (!globalThis.printed) { globalThis.printed = true; console.log(JSON.stringify([...new Set(types)].sort())); } });
  `;
}

describe("require(\"agora-egress\") loads only the cloud a program uses", () => {
  it("an AWS-only program creates its resources and loads no @pulumi/azure-native module", () => {
    const r = node(["-e", program("AwsAgoraEgress", { edition: "2020-05", sdks: ["rtc-native"], securityGroups: { vpcId: "vpc-0123" }, dnsFirewall: { vpcIds: ["vpc-0123"] } })]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const types: string[] = JSON.parse(r.stdout);
    expect(types).toEqual(expect.arrayContaining(["agora-egress:index:AwsAgoraEgress", "aws:ec2/securityGroup:SecurityGroup", "aws:route53/resolverFirewallRuleGroup:ResolverFirewallRuleGroup"]));
    expect(types.filter((t) => t.startsWith("azure-native:"))).toEqual([]);
    expect(pulumiPackages(r.loaded)).toEqual(["@pulumi/aws", "@pulumi/pulumi"]);
  });

  it("an Azure-only program creates its resources and loads no @pulumi/aws module", () => {
    const r = node(["-e", program("AzureAgoraEgress", { edition: "2020-05", sdks: ["rtc-native"], resourceGroupName: "rg-agora", nsg: {}, firewallPolicy: {} })]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const types: string[] = JSON.parse(r.stdout);
    expect(types).toEqual(expect.arrayContaining(["agora-egress:index:AzureAgoraEgress", "azure-native:network:NetworkSecurityGroup", "azure-native:network:FirewallPolicyRuleCollectionGroup"]));
    expect(types.filter((t) => t.startsWith("aws:"))).toEqual([]);
    expect(pulumiPackages(r.loaded)).toEqual(["@pulumi/azure-native", "@pulumi/pulumi"]);
  });

  it("the pure core (resolve, renderers) loads no Pulumi package", () => {
    const r = node(["-e", `const e = require(${JSON.stringify(DIST)}); console.log(e.renderAwsPlan(e.resolve({ edition: "2020-05", sdks: ["rtc-web"] }), { securityGroups: { vpcId: "vpc-1" } }).resources.length)`]);
    expect(r.stderr).toBe("");
    expect(Number(r.stdout)).toBeGreaterThan(0);
    expect(pulumiPackages(r.loaded)).toEqual([]);
  });

  it("an AWS-only program works with @pulumi/azure-native not installed; an Azure component then says what to install", () => {
    const aws = node(["-e", program("AwsSecurityGroups", { edition: "2020-05", sdks: ["rtm-native"], vpcId: "vpc-0123" })], ["@pulumi/azure-native"]);
    expect(aws.stderr).toBe("");
    expect(JSON.parse(aws.stdout)).toContain("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule");
    expect(aws.loaded.filter((p) => p.startsWith("blocked "))).toEqual([]); // never even tried
    const azure = node(["-e", `require(${JSON.stringify(DIST)}).AzureNsgRules`], ["@pulumi/azure-native"]);
    expect(azure.code).toBe(1);
    expect(azure.stderr).toContain("agora-egress: AzureNsgRules needs @pulumi/azure-native, which is not installed. Install the Pulumi packages for azure: npm install @pulumi/pulumi @pulumi/azure-native");
  });
});

describe("the CLI needs no Pulumi package: with none installed it neither tries to load one nor fails", () => {
  const NO_PULUMI = ["@pulumi/pulumi", "@pulumi/aws", "@pulumi/azure-native"];
  const commands: [string, string[], RegExp][] = [
    ["rules", ["rules", "--edition", "2020-05", "--sdk", "rtc-native", "--format", "jsonl"], /^\{"sdk":"rtc-native","direction":"egress","protocol":"tcp"/],
    ["check", ["check", "--edition", "2020-05", "--sdk", "rtc-web", "--protocol", "tcp", "--port", "443", "--dest", "web-1.agora.io"], /^allowed: egress tcp web-1\.agora\.io port 443\n/],
    ["plan", ["plan", "--cloud", "azure", "--stack", "test", "--format", "json"], /"type": "azure-native:network:NetworkSecurityGroup"/],
    ["summary", ["summary", "--stack", "test"], /^Stack test \(Pulumi\.test\.yaml\)/],
  ];
  it.each(commands)("%s", (_name, args, output) => {
    const r = node([CLI, ...args], NO_PULUMI);
    expect(r.stderr.split("\n").filter((l) => l && !l.startsWith("agora-egress: note: "))).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(output);
    // Not even an attempt: a caught failure to load would show here as `blocked <request>`.
    expect(r.loaded.filter((p) => p.startsWith("@pulumi/") || p.startsWith("blocked "))).toEqual([]);
  });
});
