import * as path from "path";
import { main } from "../../src/cli/main";
import { CliContext } from "../../src/cli/context";

export const REPO = path.join(__dirname, "..", "..");

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process, capturing its output; cwd is the repository root unless given. */
export async function run(args: string[], context: Partial<CliContext> = {}): Promise<RunResult> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, {
    cwd: REPO,
    planners: {},
    ...context,
    stdout: (t) => { stdout += t; },
    stderr: (t) => { stderr += t; },
  });
  return { code, stdout, stderr };
}

export function jsonl(stdout: string): Record<string, unknown>[] {
  return stdout.split("\n").filter((l) => l !== "").map((l) => JSON.parse(l) as Record<string, unknown>);
}
