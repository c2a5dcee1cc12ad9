import { SDK_IDS } from "../../src/catalog";
import { Flow, InputError } from "../../src/model";
import { SelectionInput, resolve } from "../../src/resolve";
import {
  AZURE_PROVIDED_DNS, AzurePlanOptions, DNS_GUARD_SLOTS, SECURITY_RULE_TYPE, allocatePriorities, priorityClashes, renderNsgRules,
} from "../../src/renderers/azure";
import { Plan } from "../../src/renderers/plan";
import { nsgEvaluator } from "./evaluate-nsg";
import { limitViolations } from "./limits";
import { parsePattern, patternMatches } from "./patterns";
import { withDirectSdks } from "../support/direct-sdks";

const base = { resourceGroupName: "rg" };
// With cloud proxy, the SDKs without one are named in directSdks (nothing falls back to direct on its own).
const render = (selection: SelectionInput, nsg: AzurePlanOptions["nsg"] = {}) => renderNsgRules(resolve(withDirectSdks(selection)), { ...base, nsg });
const rules = (plan: Plan) => plan.resources.filter((r) => r.type === SECURITY_RULE_TYPE).map((r) => r.inputs as Record<string, any>);
const isGuard = (r: Record<string, any>) => /-dns(-resolvers)?$/.test(r.securityRuleName);
const ALL = { edition: "2020-05", sdks: [...SDK_IDS] };
const dns = (destination: string, protocol: "udp" | "tcp" = "udp", port = 53): Flow => ({ protocol, port, destination });

describe("NSG DNS guard: rendering", () => {
  it("is off by default: no rule mentions 53 or 853, the same plan as dnsGuard: false", () => {
    const off = render(ALL);
    expect(off).toEqual(render(ALL, { dnsGuard: false }));
    expect(rules(off).filter(isGuard)).toEqual([]);
  });

  it("denies TCP and UDP 53/853 (DNS, DNS over TLS, DNS over QUIC) to Internet at the window's first priorities, ahead of every allow rule", () => {
    const plan = render(ALL, { dnsGuard: true });
    expect(limitViolations(plan)).toEqual([]);
    expect(rules(plan).filter(isGuard).map((r) => [r.securityRuleName, r.priority, r.access, r.protocol, r.destinationAddressPrefix, r.destinationPortRange ?? r.destinationPortRanges, r.sourceAddressPrefix, r.sourcePortRange]))
      .toEqual([
        ["agora-out-deny-tcp-dns", 1002, "Deny", "Tcp", "Internet", ["53", "853"], "*", "*"],
        ["agora-out-deny-udp-dns", 1003, "Deny", "Udp", "Internet", ["53", "853"], "*", "*"],
      ]);
    const allows = rules(plan).filter((r) => r.direction === "Outbound" && r.access === "Allow");
    expect(allows.length).toBeGreaterThan(0);
    for (const a of allows) expect(a.priority).toBeGreaterThan(1003);
  });

  it("lets the listed resolvers through just ahead of the denies, and reports them as widenings", () => {
    const plan = render(ALL, { dnsGuard: true, dnsResolvers: ["203.0.113.53", "198.51.100.0/24", "198.51.100.9"] });
    expect(rules(plan).filter((r) => r.access === "Allow" && isGuard(r)).map((r) => [r.securityRuleName, r.priority, r.protocol, r.destinationAddressPrefixes, r.destinationPortRange ?? r.destinationPortRanges]))
      .toEqual([
        ["agora-out-tcp-dns-resolvers", 1000, "Tcp", ["198.51.100.0/24", "203.0.113.53/32"], ["53", "853"]],
        ["agora-out-udp-dns-resolvers", 1001, "Udp", ["198.51.100.0/24", "203.0.113.53/32"], ["53", "853"]],
      ]);
    expect(plan.widenings.filter((w) => w.rule.includes("dnsGuard")).map((w) => w.renderedAs)).toEqual([
      "tcp 53,853 → 198.51.100.0/24", "tcp 53,853 → 203.0.113.53/32", "udp 53,853 → 198.51.100.0/24", "udp 53,853 → 203.0.113.53/32",
    ]);
  });
});

describe("NSG DNS guard: the denies take effect (evaluator)", () => {
  it.each([true, false])("with denyByDefault %s", (denyByDefault) => {
    const admits = nsgEvaluator(render(ALL, { denyByDefault, dnsGuard: true, dnsResolvers: ["203.0.113.53"] }));
    expect([
      admits(dns("8.8.8.8")), admits(dns("8.8.8.8", "tcp")), admits(dns("1.1.1.1", "tcp", 853)), admits(dns("1.1.1.1", "udp", 853)),
      admits(dns("ap1.agora.io")),
    ]).toEqual([false, false, false, false, false]);
    // Azure-provided DNS is a platform address NSGs do not filter; listed resolvers are allowed first.
    expect([
      admits(dns("168.63.129.16")), admits(dns("168.63.129.16", "tcp")), admits(dns("203.0.113.53")), admits(dns("203.0.113.53", "tcp", 853)),
      admits(dns("203.0.113.53", "udp", 853)),
    ]).toEqual([true, true, true, true, true]);
    // Agora's own flows are untouched.
    expect(admits({ protocol: "udp", port: 3478, destination: "ap1.agora.io" })).toBe(true);
    // Without deny-by-default everything else still leaves through AllowInternetOutBound: only DNS is closed.
    expect(admits({ protocol: "tcp", port: 22, destination: "8.8.8.8" })).toBe(!denyByDefault);
  });

  it("every flow the guard denies is outside the model, and nothing the model allows is denied (the scenarios' flows)", () => {
    for (const selection of [ALL, { edition: "2020-05", sdks: ["rtc-native", "recording"], access: "cloud-proxy" as const }]) {
      const resolution = resolve(selection);
      const without = nsgEvaluator(renderNsgRules(resolution, { ...base, nsg: { denyByDefault: false } }));
      const withGuard = nsgEvaluator(renderNsgRules(resolution, { ...base, nsg: { denyByDefault: false, dnsGuard: true } }));
      for (const destination of ["8.8.8.8", "9.9.9.9", "ap1.agora.io", "52.80.192.229", "120.92.18.162"]) {
        for (const protocol of ["tcp", "udp"] as const) {
          for (const port of [53, 853, 443, 3478, 4600, 8000]) {
            const flow = { protocol, port, destination };
            const guarded = port === 53 || port === 853; // DNS, DNS over TLS (TCP) and DNS over QUIC (UDP)
            expect({ flow, admitted: withGuard(flow) }).toEqual({ flow, admitted: guarded ? false : without(flow) });
          }
        }
      }
    }
  });
});

const subsets = (ids: readonly string[]): string[][] =>
  ids.reduce<string[][]>((acc, id) => [...acc, ...acc.map((s) => [...s, id])], [[]]).filter((s) => s.length > 0);
const others = (plan: Plan) => plan.resources.filter((r) => !(r.type === SECURITY_RULE_TYPE && isGuard(r.inputs)));

describe("NSG DNS guard: turning it on renumbers nothing", () => {
  const selections = subsets(SDK_IDS).flatMap((sdks) => (["direct", "cloud-proxy"] as const).map((access) => ({ edition: "2020-05", sdks, access })));

  it.each([true, false])("for every catalogue subset and access mode (denyByDefault %s): other rules byte-identical, no priority clash", (denyByDefault) => {
    const problems: string[] = [];
    for (const selection of selections) {
      const off = render(selection, { denyByDefault });
      for (const guard of [{ dnsGuard: true }, { dnsGuard: true, dnsResolvers: ["203.0.113.53"] }]) {
        const on = render(selection, { denyByDefault, ...guard });
        if (JSON.stringify(others(on)) !== JSON.stringify(others(off))) problems.push(`${JSON.stringify(selection)} ${JSON.stringify(guard)}: other rules changed`);
        for (const c of [...priorityClashes(off, on), ...priorityClashes(on, off)]) problems.push(`${JSON.stringify(selection)}: ${JSON.stringify(c)}`);
      }
    }
    expect(selections).toHaveLength(126);
    expect(problems).toEqual([]);
  });

  it("keeping its slots moved no catalogue rule from where the allocation without them put it", () => {
    const moved: string[] = [];
    for (const selection of selections) {
      for (const denyByDefault of [true, false]) {
        const allows = rules(render(selection, { denyByDefault })).filter((r) => r.direction === "Outbound" && r.access === "Allow");
        const unreserved = allocatePriorities(allows.map((r) => r.securityRuleName), 1000, denyByDefault ? 1998 : 1999, "f", "rules");
        for (const r of allows) if (unreserved.get(r.securityRuleName) !== r.priority) moved.push(`${JSON.stringify(selection)} ${r.securityRuleName}`);
      }
    }
    expect(moved).toEqual([]);
  });

  it("keeps its slots with the guard off, and fits a window of exactly the rules, the deny and the slots", () => {
    const resolution = resolve({ edition: "2020-05", sdks: ["rtc-web"] });
    const outbound = rules(renderNsgRules(resolution, base)).filter((r) => r.direction === "Outbound" && r.access === "Allow");
    expect(outbound.every((r) => r.priority >= 1000 + DNS_GUARD_SLOTS)).toBe(true);
    const size = outbound.length + 1 + DNS_GUARD_SLOTS;
    for (const guard of [false, true]) {
      const plan = renderNsgRules(resolution, { ...base, nsg: { firstPriority: 200, lastPriority: 200 + size - 1, dnsGuard: guard } });
      expect(new Set(rules(plan).map((r) => r.priority)).size).toBe(rules(plan).length);
    }
    expect(() => renderNsgRules(resolution, { ...base, nsg: { firstPriority: 200, lastPriority: 200 + size - 2, dnsGuard: true } }))
      .toThrow(`azure.nsg.lastPriority: ${outbound.length} Outbound allow rules, the deny rule and the 4 kept for the DNS guard need ${size} priorities but 200-${200 + size - 2} has only ${size - 1}; widen the window`);
  });
});

describe("NSG DNS guard: what it refuses and accepts", () => {
  const custom = (protocol: "udp" | "tcp", ports: string[], destinations: string[], broad?: true): SelectionInput =>
    ({ edition: "2020-05", sdks: ["rtc-web"], customRules: [{ protocol, ports, destinations, ...(broad ? { broad } : {}) }] });
  const refusal = (run: () => unknown): InputError => {
    try { run(); } catch (e) { return e as InputError; }
    throw new Error("not refused");
  };

  it.each<[string, () => unknown, string, RegExp]>([
    ["a custom rule to a public resolver", () => render(custom("udp", ["53"], ["8.8.8.8"]), { dnsGuard: true }),
      "azure.nsg.dnsGuard", /^udp 53 → 8\.8\.8\.8\/32 \(custom\) allows UDP 53 to the Internet, where the DNS guard denies it; add the resolver to dnsResolvers or leave dnsGuard off$/],
    ["a custom rule to a name on TCP 853", () => render(custom("tcp", ["853"], ["dns.example.com"]), { dnsGuard: true }),
      "azure.nsg.dnsGuard", /^tcp 853 → dns\.example\.com \(custom\) allows TCP 853/],
    ["a custom rule to a public resolver on UDP 853 (DNS over QUIC)", () => render(custom("udp", ["853"], ["8.8.8.8"]), { dnsGuard: true }),
      "azure.nsg.dnsGuard", /^udp 853 → 8\.8\.8\.8\/32 \(custom\) allows UDP 853 to the Internet, where the DNS guard denies it; add the resolver to dnsResolvers or leave dnsGuard off$/],
    ["a range spanning 53 to every address (a custom rule marked broad)", () => render(custom("udp", ["1-1024"], ["0.0.0.0/0"], true), { dnsGuard: true }),
      "azure.nsg.dnsGuard", /^udp 1-1024 → 0\.0\.0\.0\/0 \(custom\) allows UDP 53\/853 to the Internet, where the DNS guard denies it; add the resolver to dnsResolvers or leave dnsGuard off$/],
    ["a resolver covering only part of the rule's network", () => render(custom("udp", ["53"], ["8.8.0.0/16"]), { dnsGuard: true, dnsResolvers: ["8.8.8.8"] }),
      "azure.nsg.dnsGuard", /^udp 53 → 8\.8\.0\.0\/16/],
    ["resolvers without the guard", () => render(ALL, { dnsResolvers: ["203.0.113.53"] }), "azure.nsg.dnsResolvers", /^is only used with dnsGuard: true$/],
    ["a resolver that is every address", () => render(ALL, { dnsGuard: true, dnsResolvers: ["0.0.0.0/0"] }), "azure.nsg.dnsResolvers[0]", /would let DNS reach every address/],
    ["a resolver that is a name", () => render(ALL, { dnsGuard: true, dnsResolvers: ["dns.google"] }), "azure.nsg.dnsResolvers[0]", /is not an IPv4 address or CIDR/],
    ["an empty resolver list", () => render(ALL, { dnsGuard: true, dnsResolvers: [] }), "azure.nsg.dnsResolvers", />=1 items/],
  ])("refuses %s", (_name, run, field, problem) => {
    const e = refusal(run);
    expect(e).toBeInstanceOf(InputError);
    expect(e.field).toBe(field);
    expect(e.problem).toMatch(problem);
  });

  it.each<[string, SelectionInput, AzurePlanOptions["nsg"]]>([
    ["DNS to a private resolver (outside the Internet tag)", custom("udp", ["53"], ["10.0.0.4"]), { dnsGuard: true }],
    ["DNS to Azure-provided DNS", custom("tcp", ["53"], [AZURE_PROVIDED_DNS]), { dnsGuard: true }],
    ["DNS to a listed resolver", custom("udp", ["53"], ["8.8.8.8"]), { dnsGuard: true, dnsResolvers: ["8.8.8.8"] }],
    ["ports beside the guard's (52, 54, 852, 854 on TCP and UDP)", { edition: "2020-05", sdks: ["rtc-web"], customRules: [
      { protocol: "tcp", ports: ["52", "54", "852", "854"], destinations: ["dns.example.com"] },
      { protocol: "udp", ports: ["52", "54", "852", "854"], destinations: ["8.8.8.8"] },
    ] }, { dnsGuard: true }],
    ["DNS over QUIC to a listed resolver", custom("udp", ["853"], ["8.8.8.8"]), { dnsGuard: true, dnsResolvers: ["8.8.8.8"] }],
  ])("accepts %s, and the NSG admits every model flow", (_name, selection, nsg) => {
    const resolution = resolve(selection);
    const plan = renderNsgRules(resolution, { ...base, nsg });
    const admits = nsgEvaluator(plan);
    // (A private address is left out: the evaluator models the remote side as outside the VNet.)
    for (const r of resolution.ruleSet.rules.filter((x) => x.sdk === "custom" && !(x.destination.kind === "cidr" && x.destination.cidr.startsWith("10.")))) {
      const destination = r.destination.kind === "cidr" ? r.destination.cidr.replace(/\/32$/, "") : r.destination.name;
      for (const p of r.ports) {
        expect({ destination, port: p.from, admitted: admits({ protocol: r.protocol, port: p.from, destination }) }).toEqual({ destination, port: p.from, admitted: true });
      }
    }
    const widened = plan.widenings.map((w) => parsePattern(w.renderedAs));
    expect(admits(dns("9.9.9.9")) && !widened.some((w) => patternMatches(w, dns("9.9.9.9")))).toBe(false);
  });
});
