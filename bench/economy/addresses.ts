/** IPv4 arithmetic on canonical CIDRs, as unsigned 32-bit numbers. */

export interface Block {
  readonly lo: number;
  readonly hi: number;
}

export function ipToNumber(ip: string): number {
  return ip.split(".").reduce((n, octet) => n * 256 + Number(octet), 0);
}

export function cidrBlock(cidr: string): Block {
  const [ip, bits] = cidr.split("/");
  const size = 2 ** (32 - Number(bits ?? 32));
  const lo = Math.floor(ipToNumber(ip) / size) * size;
  return { lo, hi: lo + size - 1 };
}

/** The smallest CIDR block holding both addresses. */
export function enclosingBlock(a: number, b: number): Block {
  let size = 1;
  while (Math.floor(a / size) !== Math.floor(b / size)) size *= 2;
  const lo = Math.floor(a / size) * size;
  return { lo, hi: lo + size - 1 };
}

export const contains = (outer: Block, inner: Block) => outer.lo <= inner.lo && inner.hi <= outer.hi;
export const intersects = (a: Block, b: Block) => a.lo <= b.hi && b.lo <= a.hi;

/**
 * The fewest CIDR blocks whose union is exactly `blocks` (assumed pairwise disjoint): each
 * maximal aligned block inside the union counts once.
 */
export function minimalCidrCover(blocks: readonly Block[]): number {
  const sorted = [...blocks].sort((a, b) => a.lo - b.lo);
  // Merge into maximal runs of consecutive addresses, then cut each run into aligned blocks.
  const runs: { lo: number; hi: number }[] = [];
  for (const b of sorted) {
    const last = runs[runs.length - 1];
    if (last && b.lo <= last.hi + 1) last.hi = Math.max(last.hi, b.hi);
    else runs.push({ lo: b.lo, hi: b.hi });
  }
  let count = 0;
  for (const run of runs) {
    let lo = run.lo;
    while (lo <= run.hi) {
      let size = 1;
      while (lo % (size * 2) === 0 && lo + size * 2 - 1 <= run.hi && size < 2 ** 32) size *= 2;
      count++;
      lo += size;
    }
  }
  return count;
}
