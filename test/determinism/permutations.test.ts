/**
 * Plans are byte-identical whatever the order of the inputs: 100 seeded permutations of
 * every list in one rich selection and its target options give the same JSON.
 */
import { permuted, planText } from "./selection";

describe("plans do not depend on input order", () => {
  const baseline = planText(0);

  it("renders a non-trivial plan", () => {
    const plan = JSON.parse(baseline);
    expect(plan.aws.resources.length).toBeGreaterThan(30);
    expect(plan.azure.resources.length).toBeGreaterThan(10);
    expect(plan.aws.widenings.length + plan.azure.widenings.length).toBeGreaterThan(10);
  });

  it("shuffles for real: the permutations give different inputs", () => {
    const inputs = new Set(Array.from({ length: 100 }, (_, i) => JSON.stringify(permuted(i + 1))));
    expect(inputs.size).toBe(100);
  });

  it("gives byte-identical JSON for 100 permutations", () => {
    const differing = Array.from({ length: 100 }, (_, i) => i + 1).filter((seed) => planText(seed) !== baseline);
    expect(differing).toEqual([]);
  });
});
