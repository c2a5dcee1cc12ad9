/**
 * The rendered rule groups must load in the real Suricata 7 engine (`suricata -T`).
 * Verdicts on real packets are a separate issue; this checks syntax and sid uniqueness.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { resolve } from "../../src/resolve";
import { renderSuricataRules } from "../../src/renderers/aws";
import { selectionArb } from "./flows";
import { ALL_SDKS, productionSelection, tryResolve } from "./helpers";

const INSTALL = "suricata is not on PATH. Install Suricata 7 (Debian bookworm: run scripts/ensure-suricata.sh as root, "
  + "which `npm test` does), then rerun.";

function suricataTest(rules: string): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), "agora-suricata-"));
  try {
    const file = join(dir, "nfw.rules");
    writeFileSync(file, `${rules}\n`);
    const run = spawnSync("suricata", [
      "-T", "-v", "-c", "/etc/suricata/suricata.yaml", "-S", file, "-l", dir,
      "--set", "vars.address-groups.HOME_NET=[10.99.0.0/16]",
    ], { encoding: "utf8" });
    if (run.error) throw new Error(`${INSTALL} (${run.error.message})`);
    return { status: run.status, output: `${run.stdout}${run.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("rendered Suricata rules in Suricata 7", () => {
  it("has suricata installed", () => {
    const version = spawnSync("suricata", ["-V"], { encoding: "utf8" });
    if (version.error) throw new Error(INSTALL);
    expect(version.stdout).toMatch(/Suricata version 7\./);
  });

  const scenarios: [string, () => string[]][] = [
    ["all six SDKs direct", () => renderSuricataRules(resolve({ edition: "2020-05", sdks: ALL_SDKS }).ruleSet).rules.map((r) => r.line)],
    ["rtc-native + recording via the test cloud proxy", () => renderSuricataRules(resolve({ edition: "2020-05", sdks: ["rtc-native", "recording"], access: "cloud-proxy" }).ruleSet).rules.map((r) => r.line)],
    ["production with 40 endpoint addresses", () => renderSuricataRules(resolve(productionSelection(40)).ruleSet).rules.map((r) => r.line)],
    ["exact domains, source ports and TLS/HTTP on several ports", () => renderSuricataRules(resolve({
      edition: "2020-05", sdks: ["recording", "rtm-web"],
      customRules: [{ protocol: "tcp", ports: ["443", "8080"], destinations: ["api.example.com", ".example.org"], sourcePorts: ["5000-5010"] }],
    }).ruleSet, { tlsPorts: [{ from: 443, to: 443 }, { from: 8443, to: 8443 }], httpPorts: [{ from: 80, to: 80 }, { from: 8080, to: 8080 }] }).rules.map((r) => r.line)],
    ["a 253-character name, exact and as a subtree, on the TLS and HTTP ports", () => {
      const name = `${"a".repeat(63)}.${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(49)}.example.org`;
      return renderSuricataRules(resolve({ customRules: [{ protocol: "tcp", ports: ["80", "443"], destinations: [name, `.${name}`] }] }).ruleSet).rules.map((r) => r.line);
    }],
  ];

  it.each(scenarios)("loads every rule of %s", (_, render) => {
    const lines = render();
    const { status, output } = suricataTest(lines.join("\n"));
    expect({ status, loaded: /(\d+) rules successfully loaded, (\d+) rules failed/.exec(output)?.slice(1, 3) })
      .toEqual({ status: 0, loaded: [String(lines.length), "0"] });
  });

  it("loads the rules of random selections", () => {
    const selections = fc.sample(selectionArb, { seed: 20201026, numRuns: 40 }).map(tryResolve).filter((r) => r !== undefined).slice(0, 6);
    expect(selections).toHaveLength(6);
    for (const resolution of selections) {
      const lines = renderSuricataRules(resolution!.ruleSet).rules.map((r) => r.line);
      const { status, output } = suricataTest(lines.join("\n"));
      expect({ status, loaded: /(\d+) rules successfully loaded, (\d+) rules failed/.exec(output)?.slice(1, 3), output: status === 0 ? "" : output })
        .toEqual({ status: 0, loaded: [String(lines.length), "0"], output: "" });
    }
  });
});
