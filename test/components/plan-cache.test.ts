import * as pulumi from "@pulumi/pulumi";
import { resolve } from "../../src/resolve";
import { AwsSecurityGroups } from "../../src/components/aws";
import { AzureNsgRules } from "../../src/components/azure";
import { LruCache, PlanName, clearPlanCaches, planCacheSizes, plainKey, sharedPlan, sharedResolution } from "../../src/components/plan-cache";
import { awsTarget } from "../../src/args/aws-settings";
import { renderSecurityGroupRules } from "../../src/renderers/aws";
import { wideningOutputs } from "../../src/components/output-types";
import { Registration, settle, usePulumiMocks, value } from "../support/pulumi-mocks";

const SDKS = ["rtc-native", "rtc-web", "rtm-native", "rtm-web", "recording", "gaming"];

const mocks = usePulumiMocks();

beforeEach(() => clearPlanCaches());

/** A component's children with its own name taken out of their names and inputs, to compare two components. */
function childrenOf(prefix: string): Pick<Registration, "type" | "name" | "inputs">[] {
  const unprefix = (v: unknown): unknown => JSON.parse(JSON.stringify(v).split(`${prefix}-`).join("~-"));
  return mocks.childrenOf(prefix)
    .map((r) => ({ type: r.type, name: r.name.slice(prefix.length), inputs: unprefix(r.inputs) as Record<string, unknown> }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}

describe("LruCache", () => {
  it("keeps at most its capacity, evicting the least recently used", () => {
    const cache = new LruCache<number>(2);
    cache.set("a", 1);
    cache.set("b", 2);
    expect(cache.get("a")).toBe(1);
    cache.set("c", 3);
    expect(cache.size).toBe(2);
    expect(cache.get("b")).toBeUndefined();
    expect([cache.get("a"), cache.get("c")]).toEqual([1, 3]);
  });
});

describe("plainKey", () => {
  it("tells apart what JSON would merge, and keeps what is the same", () => {
    expect(plainKey({ a: [1, "1"], b: { c: true } })).toBe(plainKey({ a: [1, "1"], b: { c: true } }));
    const distinct = [{ a: 1 }, { a: "1" }, { a: undefined }, {}, { a: null }, [undefined], [null], [], { b: 1, a: 1 }, { a: 1, b: 1 }];
    expect(new Set(distinct.map(plainKey)).size).toBe(distinct.length);
  });

  it("refuses anything but plain data, so it is validated as if there were no cache", () => {
    const getter = Object.defineProperty({}, "a", { get: () => 1, enumerable: true });
    class Options { a = 1; }
    const refused = [
      new Date(0), new String("x"), Number.NaN, Infinity, -0, [1, , 3], getter, new Options(), () => 1, Symbol("s"), 10n,
      Object.create(null), { [Symbol("s")]: 1 }, [new Number(1)],
    ];
    for (const v of refused) expect(plainKey(v)).toBeUndefined();
  });
});

describe("shared plans", () => {
  it("equal the plan rendered without the cache, frozen, and are computed once per selection and options", () => {
    const args = { edition: "2020-05", sdks: SDKS, vpcId: "vpc-1" };
    const first = sharedPlan(sharedResolution(args), PlanName.AwsSecurityGroups, awsTarget("securityGroups", { vpcId: args.vpcId }).options, renderSecurityGroupRules);
    const again = sharedPlan(sharedResolution({ ...args, sdks: [...SDKS] }), PlanName.AwsSecurityGroups,
      awsTarget("securityGroups", { vpcId: "vpc-2" }).options, renderSecurityGroupRules);
    const fresh = renderSecurityGroupRules(resolve({ edition: "2020-05", sdks: SDKS }), awsTarget("securityGroups", { vpcId: args.vpcId }).options);
    expect(again).toBe(first);
    expect(first.plan).toEqual(fresh);
    expect(first.widenings).toEqual(wideningOutputs(fresh.widenings));
    expect(Object.isFrozen(first.plan.resources[0].inputs)).toBe(true);
    expect(Object.isFrozen(first.widenings[0].sdks)).toBe(true);
    expect(planCacheSizes()).toEqual({ resolutions: 1, plans: 1 });
  });

  it("are keyed by everything that changes the plan: selection, defaults spelt out, edition, renderer options", () => {
    const plan = (args: Parameters<typeof sharedResolution>[0], maxRulesPerGroup?: number) => sharedPlan(
      sharedResolution(args), PlanName.AwsSecurityGroups, awsTarget("securityGroups", { vpcId: "vpc-1", maxRulesPerGroup }).options, renderSecurityGroupRules,
    ).plan;
    const base = plan({ edition: "2020-05", sdks: SDKS });
    expect(plan({ edition: "2020-05", sdks: SDKS.slice(1) })).not.toEqual(base);
    expect(plan({ edition: "2020-05", sdks: SDKS }, 20)).not.toEqual(base);
    expect(plan({ edition: "2020-05", sdks: SDKS }, 20)).toEqual(renderSecurityGroupRules(resolve({ edition: "2020-05", sdks: SDKS }), { vpcId: "${vpc.id}", maxRulesPerGroup: 20 }));
    // Spelling out a default or the edition gives its own entry with the same plan.
    expect(plan({ sdks: SDKS, edition: "2020-05", recordingLowUdpPort: 40000 })).toEqual(base);
    expect(planCacheSizes().plans).toBe(4);
  });

  it("do not cache errors, nor accept what the args' validation refuses", () => {
    const good = { edition: "2020-05", sdks: ["rtc-web"], vpcId: "vpc-1" };
    new AwsSecurityGroups("cached-rtc-web", good);
    expect(() => new AwsSecurityGroups("bad-sdk", { ...good, sdks: [new String("rtc-web") as unknown as string] })).toThrow(pulumi.RunError);
    expect(() => new AwsSecurityGroups("bad-quota", { ...good, maxRulesPerGroup: 0 })).toThrow("args.maxRulesPerGroup");
    expect(() => new AwsSecurityGroups("bad-quota-again", { ...good, maxRulesPerGroup: 0 })).toThrow("args.maxRulesPerGroup");
  });
});

describe("components sharing a plan", () => {
  it("create the same children and outputs as the first one, and hand out copies", async () => {
    const a = new AwsSecurityGroups("shared-a", { edition: "2020-05", sdks: SDKS, vpcId: "vpc-a" });
    const b = new AwsSecurityGroups("shared-b", { edition: "2020-05", sdks: [...SDKS].reverse(), vpcId: "vpc-b" });
    const x = new AzureNsgRules("shared-x", { edition: "2020-05", sdks: SDKS, resourceGroupName: "rg" });
    const y = new AzureNsgRules("shared-y", { edition: "2020-05", sdks: SDKS, resourceGroupName: "rg" });
    await settle();
    // The reversed list is another key (same plan): 2 selections, 3 (selection, renderer, options).
    expect(planCacheSizes()).toEqual({ resolutions: 2, plans: 3 });
    const vpcFree = (children: ReturnType<typeof childrenOf>) => JSON.parse(JSON.stringify(children).replace(/vpc-[ab]/g, "vpc"));
    expect(vpcFree(childrenOf("shared-b"))).toEqual(vpcFree(childrenOf("shared-a")));
    expect(childrenOf("shared-y")).toEqual(childrenOf("shared-x"));
    const [wa, wb] = [await value(a.widenings), await value(b.widenings)];
    expect(wb).toEqual(wa);
    expect(wa.length).toBeGreaterThan(0);
    // Each component's output is its own mutable copy: changing one changes nothing else.
    wa[0].sdks.push("changed");
    expect(Object.isFrozen(wa)).toBe(false);
    expect(await value(b.widenings)).toEqual(wb);
    expect(wb[0].sdks).not.toContain("changed");
    const args = { edition: "2020-05", sdks: SDKS, vpcId: "vpc-a" };
    const entry = sharedPlan(sharedResolution(args), PlanName.AwsSecurityGroups, awsTarget("securityGroups", { vpcId: args.vpcId }).options, renderSecurityGroupRules);
    expect(entry.widenings[0].sdks).not.toContain("changed");
    expect(await value(y.appSettings)).toEqual(await value(x.appSettings));
  });
});
