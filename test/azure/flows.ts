import fc from "fast-check";
import { Flow, Protocol, RuleSet } from "../../src/model";
import { SDK_IDS } from "../../src/catalog";
import { SelectionInput } from "../../src/resolve";
import { withDirectSdks } from "../support/direct-sdks";

/** Addresses one below and one above a CIDR, and its first and last address. */
function around(cidr: string): string[] {
  const [addr, bits] = cidr.split("/");
  const n = addr.split(".").reduce((v, o) => v * 256 + Number(o), 0);
  const size = 2 ** (32 - Number(bits));
  const ip = (v: number) => [24, 16, 8, 0].map((s) => Math.floor(v / 2 ** s) % 256).join(".");
  return [n - 1, n, n + size - 1, n + size].filter((v) => v >= 0 && v < 2 ** 32).map(ip);
}

/** Remote sides worth asking about: each name, a name below it, a look-alike, the parent; addresses at CIDR edges. */
export function candidateRemotes(ruleSet: RuleSet, extra: readonly string[] = []): string[] {
  const out = new Set<string>(["example.com", "203.0.113.7", ...extra]);
  for (const r of ruleSet.rules) {
    const d = r.destination;
    if (d.kind === "cidr") {
      around(d.cidr).forEach((a) => out.add(a));
      continue;
    }
    out.add(d.name).add(`x1.${d.name}`).add(`evil${d.name}`);
    const parent = d.name.split(".").slice(1).join(".");
    if (parent.includes(".")) out.add(parent);
  }
  return [...out].sort();
}

export function candidatePorts(ruleSet: RuleSet): number[] {
  const out = new Set<number>([80, 443, 53, 853, 1, 65535]);
  for (const r of ruleSet.rules) {
    for (const p of [...r.ports, ...(r.sourcePorts ?? [])]) [p.from - 1, p.from, p.to, p.to + 1].forEach((v) => out.add(v));
  }
  return [...out].filter((p) => p >= 1 && p <= 65535).sort((a, b) => a - b);
}

/** Every combination of the candidates (for fixed scenarios). */
export function allFlows(ruleSet: RuleSet, remotes = candidateRemotes(ruleSet), ports = candidatePorts(ruleSet)): Flow[] {
  const flows: Flow[] = [];
  for (const direction of ["egress", "ingress"] as const) {
    for (const protocol of ["tcp", "udp"] as Protocol[]) {
      for (const destination of remotes) {
        for (const port of ports) {
          for (const sourcePort of [undefined, 4000, 3999]) {
            flows.push({ direction, protocol, port, destination, ...(sourcePort ? { sourcePort } : {}) });
          }
        }
      }
    }
  }
  return flows;
}

/**
 * `count` flows from a small deterministic generator: most are near one rule (its
 * destination or a variant, its port edges, usually its protocol and direction, source ports
 * inside and outside its own), the rest are any combination of the candidates.
 */
export function sampleFlows(ruleSet: RuleSet, seed: number, count: number): Flow[] {
  const remotes = candidateRemotes(ruleSet);
  const ports = candidatePorts(ruleSet);
  let s = seed >>> 0;
  const next = (n: number) => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return (s >>> 8) % n; };
  const pick = <T>(xs: readonly T[]) => xs[next(xs.length)];
  const other = <T>(value: T, a: T, b: T) => (next(5) === 0 ? (value === a ? b : a) : value);
  return Array.from({ length: count }, (): Flow => {
    const sourcePort = pick([undefined, 4000, 4030, 3999]);
    const rule = next(10) < 7 && ruleSet.rules.length ? pick(ruleSet.rules) : undefined;
    if (!rule) {
      return { direction: next(5) === 0 ? "ingress" : "egress", protocol: pick(["tcp", "udp"] as const), port: pick(ports), destination: pick(remotes), ...(sourcePort ? { sourcePort } : {}) };
    }
    const d = rule.destination;
    const near = d.kind === "cidr" ? around(d.cidr) : [d.name, `x1.${d.name}`, `evil${d.name}`];
    const edges = [...rule.ports.flatMap((p) => [p.from - 1, p.from, p.to, p.to + 1]), 80, 443].filter((p) => p >= 1 && p <= 65535);
    const local = rule.sourcePorts ? pick([undefined, rule.sourcePorts[0].from, rule.sourcePorts[0].from - 1, rule.sourcePorts[0].to + 1]) : sourcePort;
    return {
      direction: other(rule.direction, "egress", "ingress"),
      protocol: other(rule.protocol, "tcp", "udp"),
      port: pick(edges),
      destination: pick(near),
      ...(local ? { sourcePort: local } : {}),
    };
  });
}

const publicCidr = fc.tuple(
  fc.constantFrom(23, 34, 45, 52, 61, 77, 88, 104, 120, 141, 185, 203),
  fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }),
  fc.constantFrom(32, 32, 30, 28, 24, 16),
).map(([a, b, c, d, bits]) => {
  // A network address: a CIDR with host bits set is refused, never turned into its network.
  const n = ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
  const network = bits === 32 ? n : (n & (~0 << (32 - bits))) >>> 0;
  return `${[24, 16, 8, 0].map((shift) => (network >>> shift) & 255).join(".")}/${bits}`;
});
const domain = fc.tuple(fc.constantFrom("", "."), fc.constantFrom("svc", "api", "media", "edge"), fc.constantFrom("example.com", "example.org", "agora.io"))
  .map(([dot, label, zone]) => `${dot}${label}.${zone}`);
const port = fc.integer({ min: 1, max: 65535 });
const portSpec = fc.tuple(port, fc.integer({ min: 0, max: 40 })).map(([p, w]) => (w === 0 || p + w > 65535 ? String(p) : `${p}-${p + w}`));

const customRule = fc.record({
  direction: fc.constantFrom("egress", "egress", "ingress") as fc.Arbitrary<"egress" | "ingress">,
  protocol: fc.constantFrom("tcp", "udp") as fc.Arbitrary<"tcp" | "udp">,
  ports: fc.array(fc.oneof(portSpec, fc.constantFrom("80", "443", "4000-4030")), { minLength: 1, maxLength: 3 }),
  destinations: fc.array(fc.oneof(publicCidr, domain), { minLength: 1, maxLength: 3 }),
}).chain((r) => fc.option(fc.constantFrom(["4000-4030"], ["5000"]), { nil: undefined })
  .map((sourcePorts) => (sourcePorts ? { ...r, sourcePorts: [...sourcePorts] } : r)));

/** Random valid selections: SDK subsets (with versions that change rules), access modes, endpoints, custom rules. */
export const selectionArb: fc.Arbitrary<SelectionInput> = fc.record({
  sdks: fc.subarray([...SDK_IDS], { minLength: 1 }),
  webVersion: fc.constantFrom(undefined, "2.8.0", "3.0.0"),
  access: fc.constantFrom("direct", "cloud-proxy") as fc.Arbitrary<"direct" | "cloud-proxy">,
  production: fc.boolean(),
  endpoints: fc.array(fc.record({
    protocol: fc.constantFrom("tcp", "udp") as fc.Arbitrary<"tcp" | "udp">,
    addresses: fc.array(publicCidr.map((c) => c.replace(/\/\d+$/, "")), { minLength: 1, maxLength: 3 }),
    ports: fc.array(portSpec, { minLength: 1, maxLength: 2 }),
  }), { minLength: 1, maxLength: 3 }),
  proxyType: fc.constantFrom(1, 2) as fc.Arbitrary<1 | 2>,
  customRules: fc.array(customRule, { maxLength: 3 }),
}).map((s) => {
  const production = s.access === "cloud-proxy" && s.production;
  // With cloud proxy, the SDKs without one reach Agora directly only when named in directSdks.
  return withDirectSdks({
    edition: "2020-05",
    sdks: s.sdks.map((id) => (id === "rtc-web" && s.webVersion ? `${id}@${s.webVersion}` : id)),
    access: s.access,
    proxyType: production ? 1 : s.proxyType,
    ...(production ? { environment: "production" as const, productionProxy: { endpoints: s.endpoints } } : {}),
    customRules: s.customRules,
  });
});

