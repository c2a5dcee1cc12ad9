import { SelectionInput } from "../../src/resolve";

/** mulberry32: a small seeded PRNG, so reorderings are the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: readonly T[], next: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** The same selection with every list in another order: SDKs, endpoint rows, their addresses and ports. */
export function shuffled(selection: SelectionInput, seed: number): SelectionInput {
  const next = random(seed);
  const proxy = selection.productionProxy;
  return {
    ...selection,
    sdks: shuffle(selection.sdks ?? [], next),
    ...(proxy ? {
      productionProxy: {
        ...proxy,
        endpoints: shuffle(proxy.endpoints, next).map((row) => ({ ...row, addresses: shuffle(row.addresses, next), ports: shuffle(row.ports, next) })),
      },
    } : {}),
  };
}
