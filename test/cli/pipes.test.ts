/**
 * The CLI piped into a reader that closes early (`agora-egress rules --format json | head -1`):
 * a real child process whose stdout (or stderr) the test closes, which makes the CLI's writes
 * fail with EPIPE. It must finish quietly with its own exit code, not crash with a stack trace.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");
// Each case starts a Node process that transpiles the CLI on load: seconds on a busy machine.
jest.setTimeout(60_000);
const ALL = "rtc-native,rtc-web,rtm-native,rtm-web,recording,gaming";

interface Closed { code: number | null; signal: NodeJS.Signals | null; stderr: string; read: string }

/**
 * Runs the CLI with `args`; `close` says when the reader closes stdout: before reading anything,
 * or after its first chunk. With `closeStderr`, stderr is closed at once as well.
 */
function runClosing(args: string[], close: "at-once" | "after-first-chunk", closeStderr = false): Promise<Closed> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["-r", "./test/determinism/ts-register.js", "test/cli/children/agora-egress.ts", ...args], {
      cwd: ROOT, stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    let read = "";
    if (closeStderr) child.stderr.destroy();
    else child.stderr.on("data", (d: Buffer) => { stderr += d.toString(); });
    if (close === "at-once") child.stdout.destroy();
    else child.stdout.once("data", (d: Buffer) => { read += d.toString(); child.stdout.destroy(); });
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stderr, read }));
  });
}

const crashed = (stderr: string) => /EPIPE|Unhandled 'error' event|^\s+at /m.test(stderr);

describe("a reader that closes the pipe early", () => {
  // Production endpoints with 3,000 addresses: an output of megabytes, far more than a pipe holds.
  const dir = mkdtempSync(join(tmpdir(), "agora-pipes-"));
  const big = join(dir, "production-proxy.json");
  const addresses = Array.from({ length: 3000 }, (_, i) => `100.64.${Math.floor(i / 250)}.${(i % 250) + 1}`);
  writeFileSync(big, JSON.stringify({ endpoints: [{ protocol: "udp", addresses, ports: ["4500-4650"] }, { protocol: "tcp", addresses, ports: ["4000"] }] }));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("rules --format json | head -1: exit 0, no error", async () => {
    const r = await runClosing(["rules", "--edition", "2020-05", "--sdk", "rtc-native", "--access", "cloud-proxy", "--env", "production", "--production-proxy", big, "--format", "json"], "after-first-chunk");
    expect(r.read.startsWith("{")).toBe(true);
    expect({ code: r.code, signal: r.signal, crashed: crashed(r.stderr) }).toEqual({ code: 0, signal: null, crashed: false });
  });

  it.each([
    [["rules", "--edition", "2020-05", "--sdk", ALL, "--format", "jsonl"]],
    [["diff", "--help"]],
    [["plan", "--cloud", "azure", "--edition", "2020-05", "--sdk", ALL, "--format", "json"]],
    [["summary", "--stack", "production", "--production-proxy", "examples/production-proxy.yaml"]],
  ])("%j with stdout closed before anything is read: exit 0, no error", async (args) => {
    const r = await runClosing(args, "at-once");
    expect({ code: r.code, signal: r.signal, crashed: crashed(r.stderr) }).toEqual({ code: 0, signal: null, crashed: false });
  });

  it("keeps the exit code of bad input when stderr is closed too", async () => {
    const r = await runClosing(["rules", "--edition", "2020-05", "--sdk", "rtc-nativ"], "at-once", true);
    expect({ code: r.code, signal: r.signal }).toEqual({ code: 2, signal: null });
  });

  it("writes notes to stderr as usual when only stdout is closed", async () => {
    const r = await runClosing(["rules", "--edition", "2020-05", "--sdk", "rtc-native", "--format", "jsonl"], "at-once");
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^agora-egress: note: rtc-native: legacy May 2020 whitelist/);
  });
});
