import { SelectionInput } from "../../src/resolve";
import { seededRandom as random, shuffle } from "../../test/support/seeded-shuffle";


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
