import { PlannerRegistry, planners } from "./planners";

/** What a command needs from the outside world; tests substitute their own. */
export interface CliContext {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Where `--stack NAME` looks for `Pulumi.NAME.yaml` unless `--dir` says otherwise. */
  readonly cwd: string;
  readonly planners: PlannerRegistry;
}

/**
 * A process stream the CLI writes to, which may be a pipe its reader closes early
 * (`agora-egress rules --format json | head -1`): the write then fails with EPIPE, reported as
 * an 'error' event that would otherwise crash the process with a stack trace. Once the stream
 * fails the CLI stops writing to it and finishes quietly, as command-line tools do.
 */
function pipeWriter(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false;
  const state = stream as NodeJS.WriteStream & { agoraEgressPipeGuard?: () => boolean };
  if (!state.agoraEgressPipeGuard) {
    // One listener per stream, however many contexts are made (tests make many).
    let failed = false;
    stream.on("error", () => { failed = true; });
    state.agoraEgressPipeGuard = () => failed;
  }
  return (text) => {
    closed ||= state.agoraEgressPipeGuard!() || stream.destroyed || !stream.writable;
    if (!closed) stream.write(text);
  };
}

export function processContext(): CliContext {
  return {
    stdout: pipeWriter(process.stdout),
    stderr: pipeWriter(process.stderr),
    cwd: process.cwd(),
    planners,
  };
}

/** Notes go to stderr, one per line, so stdout stays parseable. */
export function printNotes(ctx: CliContext, notes: readonly string[]): void {
  for (const note of notes) ctx.stderr(`agora-egress: note: ${note}\n`);
}
