/**
 * Nothing is widened silently: every widening the renderers report reaches the plan, the
 * CLI's `plan` (JSON and text) and `summary`, one for one. Nor is anything dropped silently:
 * every rule a target does not render (a notice) reaches them the same way.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";
import { main } from "../../src/cli/main";
import { planners } from "../../src/cli/planners";
import { SelectionInput, resolve } from "../../src/resolve";
import { renderAwsPlan } from "../../src/renderers/aws";
import { renderAzurePlan } from "../../src/renderers/azure";
import { Notice, Widening } from "../../src/renderers/plan";

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { cwd: process.cwd(), planners, stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } });
  return { code, stdout, stderr };
}

const FLAG_SELECTIONS: [string, string[], SelectionInput][] = [
  ["all six SDKs direct", ["--edition", "2020-05", "--sdk", "rtc-native,rtc-web,rtm-native,rtm-web,recording,gaming"], { edition: "2020-05", sdks: ["rtc-native", "rtc-web", "rtm-native", "rtm-web", "recording", "gaming"] }],
  ["cloud proxy with direct RTM", ["--edition", "2020-05", "--sdk", "rtc-native,recording,rtm-web", "--access", "cloud-proxy", "--direct-sdks", "rtm-web"],
    { edition: "2020-05", sdks: ["rtc-native", "recording", "rtm-web"], access: "cloud-proxy", directSdks: ["rtm-web"] }],
  ["old Web SDK, recording on its own range", ["--edition", "2020-05", "--sdk", "rtc-web@2.8.0,recording", "--recording-ports", "42000-42999"],
    { edition: "2020-05", sdks: ["rtc-web@2.8.0", "recording"], recordingPorts: { low: 42000, high: 42999 } }],
];

describe("plan: every widening, as the renderers report it", () => {
  it.each(FLAG_SELECTIONS)("%s (AWS and Azure, JSON and text)", async (_name, flags, selection) => {
    const resolution = resolve(selection);
    const expected: Record<"aws" | "azure", readonly Widening[]> = {
      aws: renderAwsPlan(resolution).widenings,
      azure: renderAzurePlan(resolution, {}).widenings,
    };
    const notices: Record<"aws" | "azure", readonly Notice[]> = {
      aws: renderAwsPlan(resolution).notices,
      azure: renderAzurePlan(resolution, {}).notices,
    };
    // Recording is selected in each: Azure Firewall cannot carry its ingress from the Internet (only DNAT lets that in).
    expect(notices.aws).toEqual([]);
    expect(notices.azure.length).toBeGreaterThan(0);
    for (const cloud of ["aws", "azure"] as const) {
      expect(expected[cloud].length).toBeGreaterThan(0);
      const json = await cli(["plan", "--cloud", cloud, "--format", "json", ...flags]);
      expect(json.code).toBe(0);
      expect(JSON.parse(json.stdout).widenings).toEqual(expected[cloud]);
      expect(JSON.parse(json.stdout).notices).toEqual(notices[cloud]);
      const text = await cli(["plan", "--cloud", cloud, ...flags]);
      expect(text.stdout).toContain(`widenings: ${expected[cloud].length}\n`);
      expect(text.stdout).toContain(`not rendered: ${notices[cloud].length || "none"}\n`);
      const lines = text.stdout.split("\n");
      for (const w of expected[cloud]) {
        const at = lines.findIndex((l, i) => l.trim() === `${w.rule} [${w.sdks.join(", ")}]` && lines[i + 1]?.trim() === `rendered as: ${w.renderedAs}`);
        expect({ widening: w, listed: at >= 0 }).toEqual({ widening: w, listed: true });
      }
      for (const n of notices[cloud]) {
        const at = lines.findIndex((l, i) => l.trim() === `${n.rule} [${n.sdks.join(", ")}]` && lines[i + 1]?.trim() === `why: ${n.reason}`);
        expect({ notice: n, listed: at >= 0 }).toEqual({ notice: n, listed: true });
      }
    }
  });
});

describe("summary: every widening of every configured cloud", () => {
  // Target options as the stack key `agora-egress:aws` / `agora-egress:azure` takes them.
  const aws = {
    securityGroups: { vpcId: "vpc-0123456789abcdef0", ipv6: true },
    networkFirewall: { homeNet: ["10.0.0.0/16"], statefulDefaultAction: "aws:drop_strict", dnsGuard: true },
    dnsFirewall: {},
  };
  const azure = { resourceGroupName: "rg-agora-egress", nsg: { denyByDefault: false, dnsGuard: true, dnsResolvers: ["203.0.113.53"] }, firewallPolicy: {} };
  // No custom rules: a stack with them cannot be deployed, so `plan` and `summary` refuse it as `pulumi up` does
  // (the renderers' widenings of custom rules, ingress source ports among them, are tested with the renderers).
  const selection = { edition: "2020-05", sdks: ["rtc-web", "recording", "rtm-native"] };
  let dir = "";
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "agora-lp-"));
    const config = Object.fromEntries(Object.entries({ ...selection, aws, azure }).map(([k, v]) => [`agora-egress:${k}`, v]));
    writeFileSync(join(dir, "Pulumi.lp.yaml"), stringify({ config }));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("lists each one of `plan --stack` with its rule, SDKs and rendering, and counts them all", async () => {
    const widenings: Widening[] = [];
    const notices: Notice[] = [];
    for (const cloud of ["aws", "azure"]) {
      const plan = await cli(["plan", "--cloud", cloud, "--stack", "lp", "--dir", dir, "--format", "json"]);
      expect(plan.code).toBe(0);
      widenings.push(...JSON.parse(plan.stdout).widenings);
      notices.push(...JSON.parse(plan.stdout).notices);
    }
    // Every kind is present: names, source ports (recording's local ports), the handshake, NSG deny-by-default off,
    // the resolvers both DNS guards let through (DNS and DNS over QUIC on UDP), recording's ingress from any address.
    for (const kind of [
      /0\.0\.0\.0\/0/, /any address \(from source ports 4000-4030\)/, /handshake packets only/, /^any \* → Internet$/,
      /^udp 53,853 → 169\.254\.169\.253\/32$/, /^udp 53,853 → 203\.0\.113\.53\/32$/, /^udp 40000-41000 ← 0\.0\.0\.0\/0$/,
    ]) {
      expect({ kind: String(kind), present: widenings.some((w) => kind.test(w.renderedAs)) }).toEqual({ kind: String(kind), present: true });
    }
    const r = await cli(["summary", "--stack", "lp", "--dir", dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Widenings: ${widenings.length} `);
    const lines = r.stdout.split("\n").map((l) => l.trim());
    for (const w of widenings) {
      const listed = lines.some((l) => l === `${w.rule} [${w.sdks.join(", ")}] as ${w.renderedAs}`);
      expect({ widening: w, listed }).toEqual({ widening: w, listed: true });
    }
    // Each reason is stated once per target, above its widenings.
    for (const w of widenings) expect(lines).toContain(`${w.target}: ${w.reason}`);
    // Azure Firewall does not carry Internet ingress (recording's, from any address).
    expect(notices.map((n) => [n.target, n.rule])).toEqual([["azure-firewall-policy", "udp 40000-41000 ← 0.0.0.0/0"]]);
    expect(r.stdout).toContain(`Not rendered: ${notices.length} (model rules a target does not carry, so it denies them)\n`);
    for (const n of notices) {
      expect(lines).toContain(`${n.target}: ${n.reason}`);
      expect(lines).toContain(`${n.rule} [${n.sdks.join(", ")}]`);
    }
  });
});
