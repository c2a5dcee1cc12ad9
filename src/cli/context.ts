import { PlannerRegistry, planners } from "./planners";

/** What a command needs from the outside world; tests substitute their own. */
export interface CliContext {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Where `--stack NAME` looks for `Pulumi.NAME.yaml` unless `--dir` says otherwise. */
  readonly cwd: string;
  readonly planners: PlannerRegistry;
}

export function processContext(): CliContext {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    cwd: process.cwd(),
    planners,
  };
}

/** Notes go to stderr, one per line, so stdout stays parseable. */
export function printNotes(ctx: CliContext, notes: readonly string[]): void {
  for (const note of notes) ctx.stderr(`agora-egress: note: ${note}\n`);
}
