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
