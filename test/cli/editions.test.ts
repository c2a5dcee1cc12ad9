import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { planners } from "../../src/cli/planners";
import { jsonl, run } from "./run";

/*
 * Editions on the command line: the default is the newest, pinned stacks are noted as
 * superseded with the diff command, `diff --from-edition --to-edition` is a change report, and
 * the selection flags of 2026-02 (--proxy-mode, --region, --domain-limit) reach the resolver.
 */

const withPlanners = (args: string[], cwd?: string) => run(args, { planners, ...(cwd ? { cwd } : {}) });

describe("default and pinning", () => {
  it("a selection without --edition uses the newest edition", async () => {
    const r = await run(["rules", "--sdk", "rtm-native", "--format", "json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).edition).toBe("2026-02");
  });

  it("summary notes a pinned superseded edition and prints the diff command, which runs", async () => {
    const r = await withPlanners(["summary", "--stack", "test"]);
    expect(r.code).toBe(0);
    const note = r.stdout.split("\n").find((l) => l.includes("is pinned and superseded"))!;
    expect(note).toBe("  - Edition 2020-05 is pinned and superseded by 2020-11, 2026-02 (2026-02-11); what upgrading to 2026-02 would change: "
      + "agora-egress diff --stack test --from-edition 2020-05 --to-edition 2026-02 --proxy-mode force-udp (or --proxy-mode force-tcp: the mode your app sets)");
    const command = /agora-egress (diff .*?) \(or/.exec(note)![1].split(" ");
    const diff = await withPlanners(command);
    expect(diff.code).toBe(0);
    expect(diff.stdout).toMatch(/^## agora-egress: stack test, edition 2020-05 → stack test, edition 2026-02\n/);
  });

  it("summary of the newest edition has no such note", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "agora-newest-"));
    fs.writeFileSync(path.join(dir, "Pulumi.now.yaml"), "config:\n  agora-egress:sdks: [rtc-native]\n  agora-egress:access: cloud-proxy\n  agora-egress:proxyMode: force-tcp\n");
    const r = await withPlanners(["summary", "--stack", "now", "--dir", dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/superseded/);
    expect(r.stdout).toMatch(/^Stack now \(Pulumi\.now\.yaml\): edition 2026-02, access cloud-proxy, environment test, proxy mode force-tcp, regions all\n/);
    expect(r.stdout).toMatch(/rtc-native — setCloudProxy:\n {6}setCloudProxy\(TCP_PROXY\)/);
  });
});

describe("diff --from-edition 2020-05 --to-edition 2026-02: the change report", () => {
  const args = ["diff", "--stack", "test", "--from-edition", "2020-05", "--to-edition", "2026-02", "--proxy-mode", "force-udp"];

  it("Markdown: sides, routes withdrawn with what Agora offers instead, flows per SDK with sources, resources per cloud", async () => {
    const r = await withPlanners(args);
    expect(r.code).toBe(0);
    const md = r.stdout;
    expect(md).toContain("| SDKs | recording (cloud-proxy), rtc-native (cloud-proxy), rtm-native (direct) | rtc-native (cloud-proxy), rtm-native (direct) |");
    expect(md).toMatch(/### Routes withdrawn or not offered: 3 /);
    expect(md).toMatch(/\| to \| 2026-02 \| Pulumi\.test\.yaml: agora-egress:proxyType \| edition 2026-02's cloud proxy has no proxy_type \(it has proxy modes\)/);
    expect(md).toMatch(/\| to \| 2026-02 \| recording \| Agora supplies the On-Premise Recording SDK's cloud-proxy IPs and ports privately .*set --env production and --production-proxy FILE/);
    expect(md).toMatch(/\| from \| 2020-05 \| --proxy-mode \| edition 2020-05 has no cloud-proxy modes/);
    expect(md).toMatch(/### Flows per SDK, with their sources\n\n#### recording: 0 added, \d+ removed\n/);
    expect(md).toMatch(/#### rtc-native: \d+ added, 12 removed\n/);
    expect(md).toMatch(/\| added \| egress \| udp \| 4590-4600, 8001-8010 \| `104\.166\.160\.208\/28` \| Cloud proxy allowed IP list \(Docs-Source _cloud-proxy-allowed-iplist\.mdx\) \(2025-06-24\), §4e, Europe \(Native \+ Web Signaling\)/);
    expect(md).toMatch(/\| added \| egress \| udp \| 4001-4150 \| `0\.0\.0\.0\/0` \| .*§4b, 4\.6.* \(widening: Agora publishes no destination for the Signaling Native stream channel/);
    expect(md).toMatch(/\| removed \| egress \| tcp \| 9130-9131 \| `qos\.agoralab\.co` \| Firewall Requirements \(2020-05-25\), Agora RTM SDK \/ Native SDK, TCP \|/);
    expect(md).toMatch(/### AWS: \d+ to create, \d+ to update, \d+ to replace, \d+ to delete, \d+ unchanged/);
    expect(md).toMatch(/### Azure: \d+ to create, \d+ to update, \d+ to replace, \d+ to delete, \d+ unchanged/);
  });

  it("JSON: the same report as data", async () => {
    const r = await withPlanners([...args, "--format", "json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.to.routesWithdrawn).toEqual([
      expect.objectContaining({ sdk: "recording", field: "Pulumi.test.yaml: agora-egress:sdks[1]" }),
      expect.objectContaining({ field: "Pulumi.test.yaml: agora-egress:proxyType" }),
    ]);
    expect(j.from.routesWithdrawn).toEqual([expect.objectContaining({ field: "--proxy-mode" })]);
    expect(j.to).toMatchObject({ edition: "2026-02", proxyMode: "force-udp", regions: ["north-america", "europe", "asia", "japan", "india", "mainland-china"] });
    expect(Object.keys(j.flowsPerSdk).sort()).toEqual(["recording", "rtc-native", "rtm-native"]);
    for (const flows of Object.values(j.flowsPerSdk) as { provenance: string[] }[][]) for (const f of flows) expect(f.provenance.length).toBeGreaterThan(0);
    const counts = j.clouds.aws.counts;
    expect(counts.create + counts.delete + counts.update + counts.replace).toBeGreaterThan(0);
  });

  it("refuses without a proxy mode when the newer edition needs one, naming the flag", async () => {
    const r = await withPlanners(["diff", "--stack", "test", "--from-edition", "2020-05", "--to-edition", "2026-02"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^agora-egress: Pulumi\.test\.yaml: agora-egress:proxyMode: the Native SDK's cloud proxy has two modes/);
  });

  it("2026-02 → 2020-05 reports the SDKs 2020-05 does not have", async () => {
    const r = await withPlanners(["diff", "--sdk", "rtc-web,whiteboard", "--from-edition", "2026-02", "--to-edition", "2020-05", "--format", "json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).to.routesWithdrawn).toEqual([{ sdk: "whiteboard", field: "--sdk", problem: expect.stringMatching(/^unknown SDK "whiteboard"/) }]);
  });
});

describe("2026-02 selection flags and stack keys", () => {
  it("--proxy-mode and --region select exactly that list", async () => {
    const r = await run(["rules", "--sdk", "rtc-native", "--access", "cloud-proxy", "--proxy-mode", "force-tcp", "--region", "india", "--format", "jsonl"]);
    expect(r.code).toBe(0);
    const lines = jsonl(r.stdout);
    expect(new Set(lines.map((l) => `${l.protocol} ${(l.ports as string[]).join(",")}`))).toEqual(new Set(["tcp 443"]));
    expect(lines.flatMap((l) => l.destinations as string[])).toEqual(expect.arrayContaining(["129.227.217.128/28", "129.227.108.208/28", "128.1.105.112/28"]));
  });

  it("--domain-limit gives rtc-native direct through the domainLimit names", async () => {
    const r = await run(["rules", "--sdk", "rtc-native", "--domain-limit", "--format", "jsonl"]);
    expect(r.code).toBe(0);
    expect(jsonl(r.stdout).flatMap((l) => l.destinations as string[]).sort()).toEqual([".realtimemesh.com", ".realtimemesh.com", ".rtnsvc.com", ".rtnsvc.com"].sort());
  });

  it("a stack with proxyMode, regions and domainLimit keys", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "agora-editions-"));
    fs.writeFileSync(path.join(dir, "Pulumi.eu.yaml"), "config:\n  agora-egress:sdks: [rtc-native, rtc-web]\n  agora-egress:access: cloud-proxy\n  agora-egress:proxyMode: force-udp\n  agora-egress:regions: [europe]\n");
    const r = await run(["rules", "--stack", "eu", "--dir", dir, "--format", "json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.edition).toBe("2026-02");
    const bad = await run(["rules", "--stack", "eu", "--dir", dir, "--region", "europe,moon"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe("agora-egress: --region[1]: unknown region \"moon\" (known: north-america, europe, asia, japan, india, mainland-china)\n");
    fs.writeFileSync(path.join(dir, "Pulumi.dl.yaml"), "config:\n  agora-egress:sdks: [rtc-native]\n  agora-egress:domainLimit: true\n");
    expect((await run(["rules", "--stack", "dl", "--dir", dir])).code).toBe(0);
  });
});
