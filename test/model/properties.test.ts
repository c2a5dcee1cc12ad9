import fc from "fast-check";
import {
  Flow, InputError, PortRange, Provenance, Rule, RuleSet,
  allows, matchingRules, normalize, parseDestination, ruleKey,
} from "../../src/model";
import { SelectionInput, resolve } from "../../src/resolve";

// Properties of the shared model and the resolver. The generators draw from a small universe
// of names, networks and ports, so random flows hit random rules often (checked below).

const PROVENANCES: Provenance[] = ["A", "B", "C"].map((id) => ({
  document: `DOC-${id}`, file: `${id}.txt`, title: `Document ${id}`, table: `Table ${id}`, revision: "2020-01-01", seed: true,
}));

const DESTINATIONS = [
  ".agora.io", "agora.io", "ap1.agora.io", ".edge.agora.io", "qos.agoralab.co", ".agoralab.co",
  "0.0.0.0/0", "10.0.0.0/8", "10.1.0.0/16", "10.1.2.0/24", "10.1.2.3", "10.1.2.2/31", "192.168.0.0/16",
];
const FLOW_NAMES = [
  "agora.io", "ap1.agora.io", "AP1.Agora.IO.", "x.edge.agora.io", "edge.agora.io", "evilagora.io", "agora.io.evil.com",
  "qos.agoralab.co", "qoslbs.agoralab.co",
];
const FLOW_ADDRESSES = ["10.1.2.3", "10.1.2.2", "10.1.2.200", "10.1.9.9", "10.200.0.1", "192.168.7.7", "172.16.0.1"];
const FLOW_DESTINATIONS = [...FLOW_NAMES, ...FLOW_ADDRESSES];

const portRange = (max: number): fc.Arbitrary<PortRange> =>
  fc.tuple(fc.integer({ min: 1, max }), fc.integer({ min: 0, max: 6 }))
    .map(([from, width]) => ({ from, to: Math.min(from + width, max) }));

const ports = fc.oneof(
  { weight: 9, arbitrary: fc.array(portRange(30), { minLength: 1, maxLength: 4 }) },
  { weight: 1, arbitrary: fc.constant([{ from: 1, to: 65535 }]) },
);

const rule: fc.Arbitrary<Rule> = fc.record({
  sdk: fc.constantFrom("rtc-native", "rtc-web"),
  direction: fc.constantFrom("egress" as const, "ingress" as const),
  protocol: fc.constantFrom("tcp" as const, "udp" as const),
  destination: fc.constantFrom(...DESTINATIONS).map((d) => parseDestination(d)),
  ports,
  sourcePorts: fc.option(fc.array(portRange(10), { minLength: 1, maxLength: 3 }), { nil: undefined }),
  purpose: fc.option(fc.constantFrom("media", "signalling"), { nil: undefined }),
  provenance: fc.subarray(PROVENANCES, { minLength: 1 }),
}, { requiredKeys: ["sdk", "direction", "protocol", "destination", "ports", "provenance"] });

const ruleSet: fc.Arbitrary<RuleSet> = fc.array(rule, { maxLength: 12 }).map((rules) => ({ edition: "test", rules }));

const flow: fc.Arbitrary<Flow> = fc.record({
  direction: fc.option(fc.constantFrom("egress" as const, "ingress" as const), { nil: undefined }),
  protocol: fc.constantFrom("tcp" as const, "udp" as const),
  port: fc.oneof(fc.integer({ min: 1, max: 32 }), fc.constant(65535)),
  destination: fc.constantFrom(...FLOW_DESTINATIONS),
  sourcePort: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
}, { requiredKeys: ["protocol", "port", "destination"] });

/** Flows aimed at one of the rules (its direction, protocol, kind of destination and ports ±1), or at random. */
function flowsFor(rs: RuleSet): fc.Arbitrary<Flow> {
  if (rs.rules.length === 0) return flow;
  const near = (ranges: readonly PortRange[]) => fc.constantFrom(...ranges)
    .chain((r) => fc.integer({ min: Math.max(1, r.from - 1), max: Math.min(65535, r.to + 1) }));
  const aimed = fc.constantFrom(...rs.rules).chain((r) => fc.record({
    direction: fc.constant(r.direction),
    protocol: fc.constant(r.protocol),
    port: near(r.ports),
    destination: fc.constantFrom(...(r.destination.kind === "domain" ? FLOW_NAMES : FLOW_ADDRESSES)),
    sourcePort: r.sourcePorts ? fc.option(near(r.sourcePorts), { nil: undefined, freq: 5 }) : fc.constant(undefined),
  }, { requiredKeys: ["protocol", "port", "destination"] }));
  return fc.oneof(flow, { weight: 3, arbitrary: aimed });
}

/** A rule set and flows to ask it about. */
const ruleSetAndFlows = ruleSet.chain((rs) => fc.tuple(fc.constant(rs), fc.array(flowsFor(rs), { minLength: 20, maxLength: 20 })));

/** A deterministic shuffle driven by a generated seed (mulberry32). */
function shuffler(seed: number): <T>(items: readonly T[]) => T[] {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return <T>(items: readonly T[]): T[] => {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  };
}

describe("normalize", () => {
  it("is idempotent", () => {
    fc.assert(fc.property(ruleSet, (rs) => {
      const once = normalize(rs);
      expect(normalize(once)).toEqual(once);
    }));
  });

  it("does not depend on the order of the rules", () => {
    fc.assert(fc.property(ruleSet, fc.integer(), (rs, seed) => {
      const shuffled = { ...rs, rules: shuffler(seed)(rs.rules) };
      expect(JSON.stringify(normalize(shuffled))).toBe(JSON.stringify(normalize(rs)));
    }));
  });

  it("leaves one rule per identity, with sorted, disjoint, non-adjacent port ranges", () => {
    fc.assert(fc.property(ruleSet, (rs) => {
      const rules = normalize(rs).rules;
      expect(new Set(rules.map(ruleKey)).size).toBe(rules.length);
      for (const r of rules) {
        for (const ranges of [r.ports, r.sourcePorts ?? []]) {
          for (let i = 1; i < ranges.length; i++) expect(ranges[i].from).toBeGreaterThan(ranges[i - 1].to + 1);
        }
      }
    }));
  });
});

describe("allows", () => {
  it("gives the same answer on the raw and the normalised set", () => {
    fc.assert(fc.property(ruleSetAndFlows, ([rs, flows]) => {
      const normalised = normalize(rs);
      for (const f of flows) {
        expect(allows(normalised, f)).toBe(allows(rs, f));
        // ...and for the same SDKs: normalisation never moves a flow from one SDK to another.
        const sdks = (set: RuleSet) => [...new Set(matchingRules(set, f).map((r) => r.sdk))].sort();
        expect(sdks(normalised)).toEqual(sdks(rs));
      }
    }), { numRuns: 200 });
  });

  it("is exercised: the generated flows are neither almost always allowed nor almost always denied", () => {
    // Fixed seed, so this is a fact about the generators, not a flaky statistic.
    const samples = fc.sample(ruleSetAndFlows, { numRuns: 100, seed: 42 }).flatMap(([rs, flows]) => flows.map((f) => [rs, f] as const));
    const allowed = samples.filter(([rs, f]) => allows(rs, f)).length / samples.length;
    expect(allowed).toBeGreaterThan(0.1);
    expect(allowed).toBeLessThan(0.9);
    const viaSubtree = samples.filter(([rs, f]) => matchingRules(rs, f).some((r) => r.destination.kind === "domain" && r.destination.subtree && r.destination.name !== f.destination.toLowerCase())).length;
    const viaSourcePorts = samples.filter(([rs, f]) => matchingRules(rs, f).some((r) => r.sourcePorts)).length;
    const viaCidr = samples.filter(([rs, f]) => matchingRules(rs, f).some((r) => r.destination.kind === "cidr" && !r.destination.cidr.endsWith("/32"))).length;
    expect(Math.min(viaSubtree, viaSourcePorts, viaCidr)).toBeGreaterThan(20);
  });

  it("refuses flows with ports outside 1-65535", () => {
    const rs = normalize({ edition: "t", rules: [] });
    expect(() => allows(rs, { protocol: "tcp", port: 0, destination: "agora.io" })).toThrow(InputError);
    expect(() => allows(rs, { protocol: "tcp", port: 443, sourcePort: 65536, destination: "agora.io" })).toThrow(/flow\.sourcePort/);
  });
});

// ---- the resolver ----

const SDK_SPECS: Record<string, string[]> = {
  "rtc-native": ["rtc-native", "rtc-native@3.0.0"],
  "rtc-web": ["rtc-web", "rtc-web@2.8.0", "rtc-web@3.1.0"],
  "rtm-native": ["rtm-native"],
  "rtm-web": ["rtm-web"],
  recording: ["recording", "recording@3.0.1"],
  gaming: ["gaming"],
};
const PRODUCTION_ADDRESSES = ["203.0.113.10", "203.0.113.11", "198.51.100.0/28", "198.51.100.7"];

const endpoint = fc.record({
  protocol: fc.constantFrom("tcp" as const, "udp" as const),
  addresses: fc.subarray(PRODUCTION_ADDRESSES, { minLength: 1 }),
  ports: fc.subarray([443, "4000-4010", 4011, 8443, "3478-3500"], { minLength: 1 }),
  purpose: fc.option(fc.constantFrom("Signalling", "Media"), { nil: undefined }),
}, { requiredKeys: ["protocol", "addresses", "ports"] });

const customRule = fc.record({
  direction: fc.constantFrom("egress" as const, "ingress" as const),
  protocol: fc.constantFrom("tcp" as const, "udp" as const),
  ports: fc.subarray([443, "8000-8010", 8011, 9000], { minLength: 1 }),
  destinations: fc.subarray([".example.com", "api.example.com", "203.0.113.0/24", "10.1.2.3"], { minLength: 1 }),
  purpose: fc.option(fc.constantFrom("Logging", "Metrics"), { nil: undefined }),
}, { requiredKeys: ["direction", "protocol", "ports", "destinations"] });

const selection: fc.Arbitrary<SelectionInput> = fc.record({
  // One spec per chosen SDK, sometimes listed twice.
  sdks: fc.subarray(Object.keys(SDK_SPECS), { minLength: 1 })
    .chain((ids) => fc.tuple(...ids.map((id) => fc.constantFrom(...SDK_SPECS[id]))))
    .chain((specs) => fc.subarray(specs).map((again) => [...specs, ...again])),
  access: fc.constantFrom("direct" as const, "cloud-proxy" as const),
  environment: fc.constantFrom("test" as const, "production" as const),
  proxyType: fc.constantFrom(1 as const, 2 as const),
  endpoints: fc.array(endpoint, { minLength: 1, maxLength: 4 }),
  proxyServers: fc.subarray(["203.0.113.10", "203.0.113.11", "198.51.100.7"], { minLength: 1 }),
  customRules: fc.array(customRule, { maxLength: 3 }),
  expectedChannels: fc.option(fc.integer({ min: 1, max: 250 }), { nil: undefined }),
}).map(({ endpoints, proxyServers, expectedChannels, ...s }) => {
  const proxied = s.access === "cloud-proxy" && s.environment === "production";
  const recordingDirect = s.access === "direct" && s.sdks.some((x) => x.startsWith("recording"));
  // Cloud proxy never falls back to direct access: SDKs without a cloud proxy are named in directSdks.
  const noProxy = ["rtm-native", "rtm-web", "gaming"].filter((id) => s.sdks.some((x) => x.split("@")[0] === id));
  return {
    edition: "2020-05",
    ...s,
    ...(s.access === "cloud-proxy" && noProxy.length ? { directSdks: noProxy } : {}),
    ...(proxied ? { productionProxy: { endpoints, proxyServers } } : {}),
    ...(recordingDirect ? { recordingPorts: { low: 40000, high: 41000, ...(expectedChannels ? { expectedChannels } : {}) } } : {}),
  };
});

function shuffleSelection(s: SelectionInput, seed: number): SelectionInput {
  const shuffle = shuffler(seed);
  return {
    ...s,
    sdks: shuffle(s.sdks ?? []),
    customRules: shuffle(s.customRules ?? []).map((c) => ({ ...c, ports: shuffle(c.ports), destinations: shuffle(c.destinations) })),
    ...(s.productionProxy ? {
      productionProxy: {
        endpoints: shuffle(s.productionProxy.endpoints).map((e) => ({ ...e, addresses: shuffle(e.addresses), ports: shuffle(e.ports) })),
        ...(s.productionProxy.proxyServers ? { proxyServers: shuffle(s.productionProxy.proxyServers) } : {}),
      },
    } : {}),
  };
}

/** The resolution without `selection`, which echoes the input as given. */
function outcome(s: SelectionInput): unknown {
  try {
    const { selection: _echo, ...rest } = resolve(s);
    return JSON.parse(JSON.stringify(rest));
  } catch (e) {
    if (e instanceof InputError) return "InputError";
    throw e;
  }
}

describe("resolve", () => {
  it("does not depend on the order of SDKs, endpoints, addresses, ports, proxy servers or custom rules", () => {
    fc.assert(fc.property(selection, fc.integer(), (s, seed) => {
      const [shuffled, original] = [outcome(shuffleSelection(s, seed)), outcome(s)];
      expect(shuffled).toStrictEqual(original); // a readable diff when it fails...
      expect(JSON.stringify(shuffled)).toBe(JSON.stringify(original)); // ...and byte-identical JSON
    }), { numRuns: 300 });
  });

  it("is exercised: most generated selections resolve", () => {
    const samples = fc.sample(selection, { numRuns: 500, seed: 7 });
    const resolved = samples.filter((s) => outcome(s) !== "InputError").length;
    expect(resolved / samples.length).toBeGreaterThan(0.6);
  });
});
