/**
 * Plans are byte-identical across processes: `node` runs the same planning code (transpiled
 * on load, no ts-jest) twice, with different input orders, locales and time zones, and both
 * outputs equal the one computed here.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { planText } from "./selection";

const ROOT = join(__dirname, "..", "..");

function planInChild(seed: number, env: Record<string, string>): string {
  const r = spawnSync(process.execPath, ["-r", "./test/determinism/ts-register.js", "test/determinism/print-plans.ts", String(seed)], {
    cwd: ROOT, encoding: "utf8", env: { PATH: process.env.PATH ?? "", ...env }, maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`child failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

describe("plans do not depend on the process", () => {
  it("prints the same bytes in two processes with different input orders, locales and time zones", () => {
    const a = planInChild(11, { LC_ALL: "C", LANG: "C", TZ: "UTC" });
    const b = planInChild(42, { LC_ALL: "tr_TR.UTF-8", LANG: "tr_TR.UTF-8", TZ: "Pacific/Chatham" });
    expect(a.length).toBeGreaterThan(10_000);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(a).toBe(planText(0));
  });
});
