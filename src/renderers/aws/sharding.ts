import { createHash } from "node:crypto";

/** One thing to place: `bucket` names the budget it draws from (e.g. `egress/ipv4`). */
export interface ShardItem {
  readonly key: string;
  readonly bucket: string;
  readonly weight: number;
}

function hash64(text: string): bigint {
  return BigInt(`0x${createHash("sha256").update(text).digest("hex").slice(0, 16)}`);
}

/**
 * Jump consistent hash (Lamping & Veach 2014): when `shards` grows by one, only the
 * keys that move to the new shard change, so growing a plan reshuffles little.
 */
export function jumpHash(key: bigint, shards: number): number {
  let b = -1;
  let j = 0;
  let k = key;
  while (j < shards) {
    b = j;
    k = (k * 2862933555777941757n + 1n) & 0xffffffffffffffffn;
    j = Math.floor((b + 1) * (2 ** 31 / Number((k >> 33n) + 1n)));
  }
  return b;
}

/**
 * Places items into as few shards as fit `limit` per bucket, deterministically from
 * content: each item prefers the shard its key hashes to and probes onwards when that
 * shard is full; items are placed in hash order, so input order never matters and
 * adding an item moves few others. Returns the shard count and each key's shard, or
 * undefined when more than `maxShards` would be needed.
 */
export function shard(
  items: readonly ShardItem[], limit: number, maxShards: number,
): { shards: number; assignment: Map<string, number> } | undefined {
  const totals = new Map<string, number>();
  for (const i of items) totals.set(i.bucket, (totals.get(i.bucket) ?? 0) + i.weight);
  const ordered = items
    .map((item) => ({ item, h: hash64(item.key) }))
    .sort((a, b) => (a.h < b.h ? -1 : a.h > b.h ? 1 : a.item.key < b.item.key ? -1 : 1));
  let shards = Math.max(1, ...[...totals.values()].map((t) => Math.ceil(t / limit)));
  for (; shards <= maxShards; shards++) {
    const used = new Map<string, number>();
    const assignment = new Map<string, number>();
    const fits = ordered.every(({ item, h }) => {
      const start = jumpHash(h, shards);
      for (let step = 0; step < shards; step++) {
        const s = (start + step) % shards;
        const key = `${s} ${item.bucket}`;
        if ((used.get(key) ?? 0) + item.weight <= limit) {
          used.set(key, (used.get(key) ?? 0) + item.weight);
          assignment.set(item.key, s);
          return true;
        }
      }
      return false;
    });
    if (fits) return { shards, assignment };
  }
  return undefined;
}
