/**
 * A full garbage collection (every child runs with `--expose-gc`). Timed windows start after one,
 * so each pays for its own garbage only: without it, collecting what loading left behind lands in
 * whichever window comes next, and the package's child loads more than the baseline's.
 */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("bench children run with --expose-gc");
  gc();
}

/**
 * `collectGarbage`, then waits until the collection's background work is over: V8 sweeps the
 * collected pages on helper threads after `gc()` returns (about 4 ms of CPU after loading
 * Pulumi), and a CPU-time window that starts at once would be charged for it. Waits in 10 ms
 * slices until one passes with (almost) no CPU used, at most half a second.
 */
export async function settleGarbage(): Promise<void> {
  collectGarbage();
  for (let slice = 0; slice < 50; slice++) {
    const before = process.cpuUsage();
    await new Promise((resolve) => setTimeout(resolve, 10));
    const used = process.cpuUsage(before);
    if (used.user + used.system < 300) return;
  }
}
