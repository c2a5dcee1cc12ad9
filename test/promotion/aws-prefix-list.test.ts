import { diffPlans } from "../../src/diff";
import { Plan } from "../../src/renderers/plan";
import { planAws, readStackSelection, resolveStack } from "../../src/stack";
import { REPO, changesWithoutEndpoints, endpointAddresses, stackResolution } from "./helpers";

const addresses = () => [...endpointAddresses(stackResolution("test")), ...endpointAddresses(stackResolution("production"))];

describe("promotion with AWS prefix lists: only the lists (and rules to bare endpoint addresses) change", () => {
  it("aws: with proxyPrefixLists every changed resource carries an endpoint address", () => {
    const plan = (stack: string) => {
      const s = readStackSelection(REPO, stack);
      return planAws(resolveStack(s), { ...s.aws, securityGroups: { ...s.aws!.securityGroups!, proxyPrefixLists: true } });
    };
    const before: Plan = plan("test");
    const after: Plan = plan("production");
    expect(changesWithoutEndpoints(diffPlans(before, after), before, after, addresses())).toEqual([]);
  });
});
