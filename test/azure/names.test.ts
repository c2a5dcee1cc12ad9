import fc from "fast-check";
import { resolve, SelectionInput } from "../../src/resolve";
import {
  IP_GROUP_TYPE, RULE_COLLECTION_GROUP_TYPE, SECURITY_RULE_TYPE, priorityClashes, renderAzurePlan,
} from "../../src/renderers/azure";
import { joinName, profileNames } from "../../src/renderers/azure/profile-names";
import { Plan } from "../../src/renderers/plan";
import { diffPlans } from "../../src/diff";
import { limitViolations } from "./limits";

const options = { resourceGroupName: "rg", nsg: {}, firewallPolicy: {} };
const plan = (selection: SelectionInput, extra = {}) => renderAzurePlan(resolve(selection), { ...options, ...extra });
const names = (p: Plan, type: string) => p.resources.filter((r) => r.type === type).map((r) => r.name);
const priorities = (p: Plan) => p.resources.filter((r) => r.type === SECURITY_RULE_TYPE).map((r) => `${r.name} ${r.inputs.direction} ${r.inputs.priority}`);
const rcg = (p: Plan) => JSON.stringify(p.resources.find((r) => r.type === RULE_COLLECTION_GROUP_TYPE));

/** The native cloud-proxy test table's shape (rtc-native and recording share it) with other addresses. */
const nativeShape = (media: string[], edge: string[]): SelectionInput => ({
  edition: "2020-05", sdks: ["rtc-native", "recording"], access: "cloud-proxy", environment: "production",
  productionProxy: { endpoints: [
    { protocol: "tcp", addresses: media, ports: ["4000"] },
    { protocol: "tcp", addresses: edge, ports: ["1080", "8000", "9700", "25000"] },
    { protocol: "udp", addresses: media, ports: ["4500-4650"] },
    { protocol: "udp", addresses: edge, ports: ["25000", "9700", "8000", "1080"] },
  ] },
});
const test = plan({ edition: "2020-05", sdks: ["rtc-native", "recording"], access: "cloud-proxy" });

describe("rules to addresses are named by port profile", () => {
  it("names NSG rules, IP Groups and network rules by what they allow", () => {
    expect(names(test, SECURITY_RULE_TYPE).filter((n) => n.includes("-addresses-"))).toEqual([
      // Recording's simplex range, in from the proxy endpoints (the cloud proxy sends the media).
      "agora-in-udp-addresses-40000-41000",
      "agora-out-tcp-addresses-1080_8000_9700_25000",
      "agora-out-tcp-addresses-4000",
      "agora-out-udp-addresses-1080_8000_9700_25000",
      "agora-out-udp-addresses-4500-4650",
    ]);
    expect(names(test, IP_GROUP_TYPE)).toEqual(["ip-group-tcp-4000-udp-4500-4650", "ip-group-tcp-udp-1080_8000_9700_25000"]);
  });

  it("gives an endpoint list of the test table's shape the same names, priorities and rule collection group (property)", () => {
    const list = (net: string) => fc.uniqueArray(fc.integer({ min: 1, max: 254 }), { minLength: 1, maxLength: 6 }).map((xs) => xs.map((x) => `${net}.${x}`));
    fc.assert(fc.property(list("203.0.113"), list("198.51.100"), (media, edge) => {
      const production = plan(nativeShape(media, edge));
      expect(priorities(production)).toEqual(priorities(test));
      expect(names(production, IP_GROUP_TYPE)).toEqual(names(test, IP_GROUP_TYPE));
      expect(rcg(production)).toBe(rcg(test));
      expect(priorityClashes(test, production)).toEqual([]);
    }), { numRuns: 60 });
  });

  it("adds the SDKs to the names of rules that share a port profile (a custom rule on an endpoint row's port)", () => {
    const p = plan({
      edition: "2020-05", sdks: ["rtc-native"], access: "cloud-proxy",
      customRules: [{ protocol: "tcp", ports: ["4000"], destinations: ["192.0.2.0/24"] }],
    });
    expect(names(p, SECURITY_RULE_TYPE).filter((n) => n.startsWith("agora-out-tcp-addresses-4000"))).toEqual([
      "agora-out-tcp-addresses-4000-custom",
      "agora-out-tcp-addresses-4000-rtc-native",
    ]);
    expect(names(p, IP_GROUP_TYPE)).toEqual([
      "ip-group-tcp-4000-custom",
      "ip-group-tcp-4000-rtc-native-udp-4500-4650",
      "ip-group-tcp-udp-1080_8000_9700_25000",
    ]);
    expect(limitViolations(p)).toEqual([]);
  });

  it("keeps long names within the limits, ending in a hash of the whole profile", () => {
    const ports = Array.from({ length: 30 }, (_, i) => String(20000 + 7 * i));
    const p = plan({ edition: "2020-05", sdks: ["rtc-native"], customRules: [{ protocol: "udp", ports, destinations: ["192.0.2.0/24"], sourcePorts: ["5000-5010"] }] },
      { namePrefix: "a-rather-long-prefix-123" });
    const long = names(p, SECURITY_RULE_TYPE).find((n) => n.startsWith("a-rather-long-prefix-123-out-udp-addresses-20000_20007"))!;
    expect(long).toMatch(/^a-rather-long-prefix-123-out-udp-addresses-20000_20007_[\d_]*-[0-9a-f]{8}$/);
    expect(long.length).toBeLessThanOrEqual(80);
    expect(names(p, IP_GROUP_TYPE).every((n) => n.length <= 56)).toBe(true);
    expect(limitViolations(p)).toEqual([]);
  });
});

describe("profileNames", () => {
  const item = (profile: string[], sdks: string[], addresses: string[]) => ({ profile, sdks, addresses });

  it("uses the profile alone, the SDKs only where profiles tie, and the addresses only where those tie too", () => {
    expect(profileNames([
      item(["out", "tcp", "443"], ["a"], ["192.0.2.1/32"]),
      item(["out", "tcp", "4000"], ["a"], ["192.0.2.1/32"]),
      item(["out", "tcp", "443"], ["b"], ["192.0.2.2/32"]),
      item(["out", "udp", "443"], ["c"], ["192.0.2.3/32"]),
      item(["out", "udp", "443"], ["c"], ["192.0.2.4/32"]),
    ], 80)).toEqual([
      "out-tcp-443-a",
      "out-tcp-4000",
      "out-tcp-443-b",
      expect.stringMatching(/^out-udp-443-c-[0-9a-f]{8}$/),
      expect.stringMatching(/^out-udp-443-c-[0-9a-f]{8}$/),
    ]);
  });

  it("refuses items alike in profile, SDKs and addresses (they would be one rule)", () => {
    expect(() => profileNames([item(["x"], ["a"], ["192.0.2.1/32"]), item(["x"], ["a"], ["192.0.2.1/32"])], 80)).toThrow(/duplicate rule names/);
  });

  it("caps a name at the limit and keeps different wholes apart", () => {
    const a = joinName(["out", "tcp", "1".repeat(100)], 40);
    const b = joinName(["out", "tcp", `${"1".repeat(99)}2`], 40);
    expect(a).toHaveLength(40);
    expect(a.slice(0, 31)).toBe(b.slice(0, 31));
    expect(a).not.toBe(b);
    expect(joinName(["out", "tcp", "443"], 40)).toBe("out-tcp-443");
  });
});

describe("priorityClashes", () => {
  const nsg = (sdks: string[]) => renderAzurePlan(resolve({ edition: "2020-05", sdks }), { resourceGroupName: "rg", nsg: {} });

  it("regression: adding gaming to rtm-native updates the UDP Internet rule in place, at its priority, with no clash", () => {
    // Rules to Internet used to be grouped per SDK and named by a hash of their ports: gaming's UDP
    // rule replaced rtm-native's under a new name homing at the same priority (1092), and Azure refused
    // the create-before-delete. Now one rule per protocol carries every SDK's ports under a fixed name.
    const before = nsg(["rtm-native"]);
    const after = nsg(["rtm-native", "gaming"]);
    expect(priorityClashes(before, after)).toEqual([]);
    expect(priorityClashes(after, before)).toEqual([]);
    const udp = (p: Plan) => p.resources.find((r) => r.name === "agora-out-udp-internet")!.inputs;
    expect([udp(before).priority, udp(before).destinationPortRanges]).toEqual([udp(after).priority, ["1080", "8000", "25000"]]);
    expect(udp(after).destinationPortRanges).toEqual(["1080", "4000-4030", "8000", "9700", "25000"]);
    expect(diffPlans(before, after).map((c) => [c.action, c.name, c.changed])).toEqual([
      ["update", "agora-out-tcp-internet", ["description", "destinationPortRange", "destinationPortRanges"]],
      ["update", "agora-out-udp-internet", ["description", "destinationPortRanges"]],
    ]);
  });

  it("finds a rule moved onto a slot another rule leaves, and nothing in an unchanged plan", () => {
    const before = nsg(["rtm-native"]);
    const rules = before.resources.filter((r) => r.type === SECURITY_RULE_TYPE);
    const [a, b] = rules.filter((r) => r.inputs.access === "Allow");
    const swapped: Plan = { ...before, resources: before.resources.map((r) => (r === a ? { ...a, inputs: { ...a.inputs, priority: b.inputs.priority } }
      : r === b ? { ...b, inputs: { ...b.inputs, priority: a.inputs.priority } } : r)) };
    expect(priorityClashes(before, swapped).map((c) => [c.rule, c.heldBy])).toEqual([[a.name, b.name], [b.name, a.name]]);
    expect(priorityClashes(before, before)).toEqual([]);
  });

  it("finds a renamed rule created at the priority its old name holds until deleted", () => {
    const before = nsg(["rtm-native"]);
    const renamed: Plan = { ...before, resources: before.resources.map((r) => (r.name === "agora-out-udp-internet"
      ? { ...r, name: "agora-out-udp-internet-v2", inputs: { ...r.inputs, securityRuleName: "agora-out-udp-internet-v2" } } : r)) };
    const priority = before.resources.find((r) => r.name === "agora-out-udp-internet")!.inputs.priority;
    expect(priorityClashes(before, renamed)).toEqual([{ rule: "agora-out-udp-internet-v2", heldBy: "agora-out-udp-internet", direction: "Outbound", priority }]);
  });
});
