import fc from "fast-check";
import { diffPlans } from "../../src/diff";
import { priorityClashes } from "../../src/renderers/azure";
import { ResourceSpec } from "../../src/renderers/plan";
import { planAzure, readStackSelection, resolveStack } from "../../src/stack";
import { REPO, carriesAddress, changesWithoutEndpoints, cliPlan, endpointAddresses, stackResolution } from "./helpers";

/*
 * Azure promotion test → production: rules to endpoint addresses and their IP Groups are named
 * by port profile, so only their addresses change: the rule collection group stays
 * byte-identical, and NSG rules keep their names and priorities (no create-before-delete clash).
 */

const SECURITY_RULE = "azure-native:network:SecurityRule";
const addresses = () => [...endpointAddresses(stackResolution("test")), ...endpointAddresses(stackResolution("production"))];

describe("Azure firewall policy: promotion leaves the rule collection group alone", () => {
  it("azure: every changed resource carries an endpoint address (repository stacks)", async () => {
    const before = await cliPlan("azure", "test");
    const after = await cliPlan("azure", "production");
    const changes = diffPlans(before, after);
    expect(changes.length).toBeGreaterThan(0);
    expect(changesWithoutEndpoints(changes, before, after, addresses())).toEqual([]);
    expect(changes.filter((c) => c.type === "azure-native:network:FirewallPolicyRuleCollectionGroup")).toEqual([]);
    expect(changes.every((c) => c.action === "update")).toBe(true);
    expect(priorityClashes(before, after)).toEqual([]);
  });
});

describe("Azure NSG: kept rules keep their priorities, new rules never take a priority an old rule holds", () => {
  const test = readStackSelection(REPO, "test");
  const production = readStackSelection(REPO, "production");
  const testPlan = planAzure(resolveStack(test), test.azure);
  const list = (net: string) => fc.uniqueArray(fc.integer({ min: 1, max: 254 }), { minLength: 1, maxLength: 8 }).map((xs) => xs.map((x) => `${net}.${x}`));
  it("azure: unchanged NSG rules keep their priorities for any production endpoint list", () => {
    fc.assert(fc.property(list("203.0.113"), list("198.51.100"), (media, edge) => {
      const proxy = { endpoints: [
        { protocol: "tcp" as const, addresses: media, ports: ["4000"] },
        { protocol: "tcp" as const, addresses: edge, ports: ["1080", "8000", "9700", "25000"] },
        { protocol: "udp" as const, addresses: media, ports: ["4500-4650"] },
        { protocol: "udp" as const, addresses: edge, ports: ["1080", "8000", "9700", "25000"] },
      ] };
      const after = planAzure(resolveStack({ ...production, selection: { ...production.selection, productionProxy: proxy } }), production.azure);
      const all = [...endpointAddresses(resolveStack(test)), ...media, ...edge];
      const moved = diffPlans(testPlan, after).filter((c) => c.type === SECURITY_RULE && c.action === "update");
      const prio = (r: ResourceSpec) => `${r.inputs.direction} ${r.inputs.priority}`;
      const held = new Set(testPlan.resources.filter((r) => r.type === SECURITY_RULE).map(prio));
      const afterByName = new Map(after.resources.map((r) => [r.name, r]));
      const clashes = diffPlans(testPlan, after).filter((c) => c.action === "create" && c.type === SECURITY_RULE && held.has(prio(afterByName.get(c.name)!)));
      expect({ moved: moved.filter((c) => !carriesAddress(afterByName.get(c.name)!.inputs, all)).map((c) => c.name), clashes: clashes.map((c) => c.name) })
        .toEqual({ moved: [], clashes: [] });
      expect(priorityClashes(testPlan, after)).toEqual([]);
    }), { numRuns: 200, seed: 42 });
  });
});
