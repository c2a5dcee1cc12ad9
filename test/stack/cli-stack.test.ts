import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { jsonl, run } from "../cli/run";

function stackDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "agora-cli-stack-"));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

const SECRET_PRODUCTION = [
  "config:",
  "  agora-egress:edition: \"2020-05\"",
  "  agora-egress:sdks: [rtc-native]",
  "  agora-egress:access: cloud-proxy",
  "  agora-egress:environment: production",
  "  agora-egress:productionProxy:",
  "    secure: v1:c2VjcmV0Cg==",
  "",
].join("\n");

describe("--stack NAME", () => {
  it("gives the same rules as the equivalent flags", async () => {
    const byStack = await run(["rules", "--stack", "test", "--format", "jsonl"]);
    const byFlags = await run([
      "rules", "--edition", "2020-05", "--sdk", "rtc-native,recording,rtm-native", "--access", "cloud-proxy", "--direct-sdks", "rtm-native", "--env", "test", "--proxy-type", "1", "--format", "jsonl",
    ]);
    expect(byStack.code).toBe(0);
    expect(byFlags.code).toBe(0);
    expect(byStack.stdout).toBe(byFlags.stdout);
    expect(byStack.stderr).toBe(byFlags.stderr);
  });

  it("exits 2 naming the file and key for a bad key", async () => {
    const dir = stackDir({ "Pulumi.bad.yaml": "config:\n  agora-egress:enviroment: production\n" });
    const r = await run(["rules", "--stack", "bad", "--dir", dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^agora-egress: Pulumi\.bad\.yaml: agora-egress:enviroment: unknown key \(did you mean agora-egress:environment\?[^\n]*\n$/);
  });

  it("names the stack key when the resolver refuses a value", async () => {
    const dir = stackDir({ "Pulumi.rec.yaml": "config:\n  agora-egress:edition: \"2020-05\"\n  agora-egress:sdks: [recording]\n  agora-egress:recordingPorts: {low: 40000, high: 40010, expectedChannels: 5}\n" });
    const r = await run(["rules", "--stack", "rec", "--dir", dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^agora-egress: Pulumi\.rec\.yaml: agora-egress:recordingPorts: 40000-40010 has 11 ports, fewer than 4 × 5/);
  });

  it("explains that a secret productionProxy cannot be read offline, and takes --production-proxy FILE instead", async () => {
    const dir = stackDir({ "Pulumi.prod.yaml": SECRET_PRODUCTION });
    const refused = await run(["rules", "--stack", "prod", "--dir", dir]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe("agora-egress: Pulumi.prod.yaml: agora-egress:productionProxy: is a Pulumi secret (secure:), which cannot be decrypted offline; pass the endpoints with --production-proxy FILE (YAML or JSON, same shape)\n");
    const file = path.join(__dirname, "..", "..", "examples", "production-proxy.yaml");
    const ok = await run(["rules", "--stack", "prod", "--dir", dir, "--production-proxy", file, "--format", "jsonl"]);
    expect(ok.code).toBe(0);
    expect(jsonl(ok.stdout).flatMap((l) => l.destinations as string[]).every((d) => /^(203\.0\.113|198\.51\.100)\./.test(d))).toBe(true);
  });

  it("lets flags override the stack, and says which stack values no longer apply", async () => {
    const r = await run(["rules", "--stack", "production", "--env", "test", "--format", "jsonl"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("agora-egress: note: Pulumi.production.yaml: agora-egress:productionProxy is not used: the selection is not cloud-proxy in production.\n");
    expect(r.stdout).toContain("120.92.118.34/32");
    expect(r.stdout).not.toContain("203.0.113.");

    const dir = stackDir({ "Pulumi.rec.yaml": "config:\n  agora-egress:edition: \"2020-05\"\n  agora-egress:sdks: [recording]\n  agora-egress:recordingPorts: {low: 50000, high: 51000}\n" });
    const other = await run(["rules", "--stack", "rec", "--dir", dir, "--sdk", "gaming", "--format", "jsonl"]);
    expect(other.code).toBe(0);
    expect(other.stderr).toContain("Pulumi.rec.yaml: agora-egress:recordingPorts is not used: --sdk does not select recording.");
    const channels = await run(["rules", "--stack", "rec", "--dir", dir, "--recording-channels", "100", "--format", "jsonl"]);
    expect(jsonl(channels.stdout).filter((l) => l.direction === "ingress").map((l) => l.ports)).toEqual([["50000-51000"]]);

    // directSdks follows the flags too: left out with --access direct, narrowed to the SDKs --sdk still selects.
    const direct = await run(["rules", "--stack", "test", "--access", "direct", "--format", "jsonl"]);
    expect(direct.code).toBe(0);
    expect(direct.stderr).toContain("agora-egress: note: Pulumi.test.yaml: agora-egress:directSdks is not used: --access direct makes every SDK direct.\n");
    const rtc = await run(["rules", "--stack", "test", "--sdk", "rtc-native", "--format", "jsonl"]);
    expect(rtc.code).toBe(0);
    expect(rtc.stderr).toBe("agora-egress: note: Pulumi.test.yaml: agora-egress:directSdks: rtm-native left out, as --sdk does not select it.\n");
    // …but never extended to an SDK the stack does not name: it is refused, not made direct.
    const rtmWeb = await run(["rules", "--stack", "test", "--sdk", "rtc-native,rtm-web", "--format", "jsonl"]);
    expect({ code: rtmWeb.code, stdout: rtmWeb.stdout }).toEqual({ code: 2, stdout: "" });
    expect(rtmWeb.stderr).toBe("agora-egress: --sdk: rtm-web has no cloud proxy in edition 2020-05; to let it reach Agora directly through its firewall whitelist (every rule a target widens for it is then reported), name it in --direct-sdks (or agora-egress:directSdks in Pulumi.test.yaml), or remove it\n");
  });

  it("names the flag, not the stack key, when an overriding flag is wrong", async () => {
    const r = await run(["rules", "--stack", "test", "--sdk", "rtc-native@2.3.0"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^agora-egress: --sdk: rtc-native@2\.3\.0 has no cloud proxy/);
  });

  it("names the --production-proxy file and the path inside it", async () => {
    const dir = stackDir({ "proxy.json": JSON.stringify({ endpoints: [{ protocol: "udp", addresses: ["120.92.118.34"], ports: ["4500-4650"] }] }) });
    const r = await run(["rules", "--edition", "2020-05", "--sdk", "rtc-native", "--access", "cloud-proxy", "--env", "production", "--production-proxy", "proxy.json"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("agora-egress: proxy.json: endpoints[0].addresses[0]: 120.92.118.34 is one of Agora's published test endpoints, not a production endpoint\n");
  });
});
