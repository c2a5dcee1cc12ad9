import { spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";

/** Runs `node --expose-gc [flags] script args` in a fresh process; returns the JSON of its last stdout line and its wall time. */
export function runChild<T>(script: string, args: readonly string[], flags: readonly string[] = []): { result: T; wallMs: number } {
  const t0 = performance.now();
  const out = spawnSync(process.execPath, ["--expose-gc", ...flags, script, ...args], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const wallMs = performance.now() - t0;
  if (out.status !== 0) {
    throw new Error(`${script} ${args.join(" ")} exited with ${out.status ?? out.signal}: ${(out.stderr || out.stdout).slice(-2000)}`);
  }
  const lines = out.stdout.trim().split("\n");
  return { result: JSON.parse(lines[lines.length - 1]) as T, wallMs };
}
