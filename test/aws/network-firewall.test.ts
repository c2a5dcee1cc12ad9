import fc from "fast-check";
import { Flow, InputError, allows } from "../../src/model";
import { resolve } from "../../src/resolve";
import {
  AWS_LIMITS, CAPACITY_BUCKETS, DEFAULT_SURICATA_OPTIONS, FIREWALL_POLICY_TYPE, NAME_SPOOFING_REASON, RULE_GROUP_TYPE, SID_RANGE,
  StatefulDefaultAction, renderNetworkFirewallRules, renderSuricataRules, subtreeHostPattern,
} from "../../src/renderers/aws";
import { Plan } from "../../src/renderers/plan";
import { coveredByWidening, flowSeedsArb, flowsFor, selectionArb } from "./flows";
import { ALL_SDKS, byType, connectionOf, productionSelection, tryResolve } from "./helpers";
import { DefaultAction, connectionAllowed, parseRules } from "./suricata-evaluator";

const rulesStringOf = (plan: Plan) => ((byType(plan, RULE_GROUP_TYPE)[0].inputs.ruleGroup as any).rulesSource.rulesString as string);

describe("Suricata evaluator (sanity)", () => {
  const rules = parseRules([
    'pass tls $HOME_NET any -> any 443 (msg:"x"; tls.sni; dotprefix; content:".agora.io"; nocase; endswith; flow:to_server,established; sid:1; rev:1;)',
    'pass tls $HOME_NET any -> any 443 (msg:"x"; tls.sni; content:"qos.agoralab.co"; nocase; startswith; endswith; flow:to_server,established; sid:2; rev:1;)',
  ].join("\n"));
  const tls = (name: string) => connectionAllowed(rules, { proto: "tcp", client: "10.99.0.1", server: "198.51.100.7", serverPort: 443, app: { protocol: "tls", name } }, "aws:drop_established");
  it("matches a subtree's apex and subdomains, case-insensitively, and nothing that merely ends alike", () => {
    expect([tls("agora.io"), tls("A.B.Agora.IO"), tls("evilagora.io"), tls("agora.io.evil.com")]).toEqual([true, true, false, false]);
  });
  it("matches an exact name only", () => {
    expect([tls("qos.agoralab.co"), tls("x.qos.agoralab.co"), tls("os.agoralab.co")]).toEqual([true, false, false]);
  });
  it("drops the handshake under drop_strict unless a rule passes it", () => {
    expect(connectionAllowed(rules, { proto: "tcp", client: "10.99.0.1", server: "198.51.100.7", serverPort: 443, app: { protocol: "tls", name: "agora.io" } }, "aws:drop_strict")).toBe(false);
  });
  it("refuses rule text it does not understand", () => {
    expect(() => parseRules('pass tcp any any -> any any (msg:"x"; pcre:"/x/"; sid:3; rev:1;)')).toThrow(/pcre/);
    expect(() => parseRules('pass tcp any any -> any any (msg:"x"; byte_test:1,>,0,0; sid:3; rev:1;)')).toThrow(/byte_test/);
    // Without E, PCRE's `$` also matches before a final newline: the evaluator would misread it.
    expect(() => parseRules('pass tls any any -> any 443 (msg:"x"; tls.sni; pcre:"/^a$/i"; sid:3; rev:1;)')).toThrow(/pcre/);
  });
  it("reads a host-name pcre and the HTTP request target", () => {
    const named = parseRules([
      'pass tls $HOME_NET any -> any 443 (msg:"x"; tls.sni; dotprefix; content:".agora.io"; nocase; endswith; pcre:"/^(?:[.][a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*[.]agora[.]io$/iE"; flow:to_server,established; sid:1; rev:1;)',
      'pass http $HOME_NET any -> any 80 (msg:"x"; http.uri.raw; content:"/"; startswith; http.host; content:"qos.agoralab.co"; startswith; endswith; flow:to_server,established; sid:2; rev:1;)',
    ].join("\n"));
    const conn = (serverPort: number, app: { protocol: "tls" | "http"; name: string; target?: string }) =>
      connectionAllowed(named, { proto: "tcp", client: "10.99.0.1", server: "198.51.100.7", serverPort, app }, "aws:drop_established");
    expect(["x.agora.io", "A.B.AGORA.IO", "evil.example/.agora.io", "evil.example .agora.io", "x..agora.io"].map((name) => conn(443, { protocol: "tls", name })))
      .toEqual([true, true, false, false, false]);
    expect([undefined, "/v1?x=1", "http://evil.example/", "*"].map((target) => conn(80, { protocol: "http", name: "qos.agoralab.co", ...(target ? { target } : {}) })))
      .toEqual([true, true, false, false]);
  });
});

describe("renderSuricataRules", () => {
  const all = resolve({ edition: "2020-05", sdks: ALL_SDKS });

  it("renders rules ∪ widenings that admit exactly the model's flows (property, both default actions)", () => {
    const single = (ps: number[]) => ps.map((p) => ({ from: p, to: p }));
    const portsArb = fc.record({ tls: fc.subarray([443, 6443, 8443]), http: fc.subarray([80, 8080]) })
      .map(({ tls, http }) => ({ tlsPorts: single(tls), httpPorts: single(http) }));
    const actionArb = fc.constantFrom<DefaultAction>("aws:drop_established", "aws:drop_strict");
    fc.assert(fc.property(selectionArb, flowSeedsArb, portsArb, actionArb, (selection, seeds, ports, action) => {
      const resolution = tryResolve(selection);
      fc.pre(resolution !== undefined);
      const { rules, widenings } = renderSuricataRules(resolution!.ruleSet, ports);
      const parsed = parseRules(rules.map((r) => r.line).join("\n"));
      for (const flow of flowsFor(resolution!.ruleSet, seeds)) {
        const model = allows(resolution!.ruleSet, flow);
        const firewall = connectionAllowed(parsed, connectionOf(flow, ports), action);
        if (model !== firewall && !(firewall && coveredByWidening(widenings, flow))) {
          throw new Error(`${JSON.stringify(flow)}: model ${model}, firewall ${firewall}\n${rules.map((r) => r.line).join("\n")}`);
        }
      }
    }), { numRuns: 200 });
  });

  it("covers every domain flow of the all-SDK plan on the TLS/HTTP ports by name, not by widening", () => {
    const { rules } = renderSuricataRules(all.ruleSet);
    const parsed = parseRules(rules.map((r) => r.line).join("\n"));
    const flow: Flow = { protocol: "tcp", port: 443, destination: "ap-web-1.agora.io" };
    expect(connectionAllowed(parsed, connectionOf(flow, DEFAULT_SURICATA_OPTIONS), "aws:drop_strict")).toBe(true);
    const evil: Flow = { protocol: "tcp", port: 443, destination: "agora.io.evil.com" };
    expect(connectionAllowed(parsed, connectionOf(evil, DEFAULT_SURICATA_OPTIONS), "aws:drop_strict")).toBe(false);
    expect(rules.filter((r) => r.kind === "tls-sni").map((r) => r.line)).toEqual([
      expect.stringContaining('dotprefix; content:".agoraio.cn"; nocase; endswith;'),
      expect.stringContaining('dotprefix; content:".agora.io"; nocase; endswith;'),
    ]);
  });

  it("gives unique sids in range, derived from content so other rules keep theirs when one is added", () => {
    const small = renderSuricataRules(resolve({ edition: "2020-05", sdks: ["rtc-native"] }).ruleSet).rules;
    const big = renderSuricataRules(resolve({ edition: "2020-05", sdks: ["rtc-native"], customRules: [{ protocol: "tcp", ports: ["9999"], destinations: ["203.0.113.5"] }] }).ruleSet).rules;
    for (const set of [small, big, renderSuricataRules(all.ruleSet).rules]) {
      expect(new Set(set.map((r) => r.sid)).size).toBe(set.length);
      for (const r of set) expect(r.sid).toBeGreaterThanOrEqual(SID_RANGE.min);
      for (const r of set) expect(r.sid).toBeLessThan(SID_RANGE.min + SID_RANGE.size);
    }
    const strip = (line: string) => line.replace(/msg:"[^"]*"; /, "");
    const before = new Map(small.map((r) => [strip(r.line), r.sid]));
    const kept = big.filter((r) => before.has(strip(r.line)));
    expect(kept.length).toBe(small.length);
    for (const r of kept) expect(r.sid).toBe(before.get(strip(r.line)));
  });

  it("keeps msg, content and pcre free of quotes, semicolons and backslashes, and every rule within 8192 characters", () => {
    const longest = `${"a".repeat(63)}.${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(49)}.example.org`;
    expect(longest).toHaveLength(253);
    const long = renderSuricataRules(resolve({ customRules: [{ protocol: "tcp", ports: ["80", "443"], destinations: [`.${longest}`, longest] }] }).ruleSet).rules;
    expect(long.filter((r) => r.line.includes("pcre:"))).toHaveLength(2);
    for (const r of [...renderSuricataRules(resolve(productionSelection(40)).ruleSet).rules, ...renderSuricataRules(all.ruleSet).rules, ...long]) {
      for (const m of r.line.matchAll(/(?:msg|content):"([^"]*)"/g)) expect(m[1]).toMatch(/^[A-Za-z0-9 .,:/()@+=_-]+$/);
      for (const m of r.line.matchAll(/pcre:"([^"]*)"/g)) expect(m[1]).toMatch(/^\/\^[a-z0-9.()?:=$[\]{},*-]+\/i?E$/);
      expect(r.line.length).toBeLessThanOrEqual(AWS_LIMITS.suricataRuleLength);
    }
  });

  it("matches names with a host-name pcre (subtrees) or as the whole buffer (exact names), and HTTP only for a path", () => {
    const { rules } = renderSuricataRules(resolve({ customRules: [{ protocol: "tcp", ports: ["80", "443"], destinations: [".agora.io", "qos.agoralab.co"] }] }).ruleSet);
    const match = (r: { line: string }) => /sid:\d+; rev:1;/.test(r.line) && r.line.replace(/^.*?\(msg:"[^"]*"; /, "").replace(/ sid:\d+; rev:1;\)$/, "");
    expect(rules.filter((r) => r.kind === "tls-sni" || r.kind === "http-host").map(match)).toEqual([
      'http.uri.raw; content:"/"; startswith; http.host; content:"qos.agoralab.co"; startswith; endswith; flow:to_server,established;',
      'http.uri.raw; content:"/"; startswith; http.host; dotprefix; content:".agora.io"; endswith; pcre:"/^(?=.{2,254}$)(?:[.][a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*[.]agora[.]io$/E"; flow:to_server,established;',
      'tls.sni; content:"qos.agoralab.co"; nocase; startswith; endswith; flow:to_server,established;',
      'tls.sni; dotprefix; content:".agora.io"; nocase; endswith; pcre:"/^(?=.{2,254}$)(?:[.][a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*[.]agora[.]io$/iE"; flow:to_server,established;',
    ]);
    expect(subtreeHostPattern("agoraio.cn", false)).toBe("/^(?=.{2,254}$)(?:[.][a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*[.]agoraio[.]cn$/E");
    expect(() => subtreeHostPattern("agora.io/x", true)).toThrow(/not a canonical LDH name/);
  });

  it("reports every name rule as SNI/Host spoofing: any address presenting the name, on the rule's ports", () => {
    const resolution = resolve({
      edition: "2020-05", sdks: ["rtc-web"],
      customRules: [{ protocol: "tcp", ports: ["443", "8443"], destinations: ["api.example.com"], sourcePorts: ["5000-5010"] }],
    });
    const { rules, widenings } = renderSuricataRules(resolution.ruleSet, { tlsPorts: [{ from: 443, to: 443 }, { from: 8443, to: 8443 }], httpPorts: [{ from: 80, to: 80 }] });
    const spoofing = widenings.filter((w) => w.reason === NAME_SPOOFING_REASON);
    const web = "tcp 80,443,3433,5668-5669,5866-6000,6080,6443,8667,9667";
    expect(spoofing).toHaveLength(rules.filter((r) => r.kind === "tls-sni" || r.kind === "http-host").length);
    expect(spoofing.map((w) => [w.rule, w.renderedAs, w.sdks])).toEqual([
      [`${web} → .agoraio.cn`, "tcp 443 → any address presenting TLS SNI .agoraio.cn", ["rtc-web"]],
      [`${web} → .agoraio.cn`, "tcp 80 → any address presenting HTTP Host .agoraio.cn", ["rtc-web"]],
      ["tcp 443,8443 → api.example.com (from source ports 5000-5010)", "tcp 443,8443 → any address presenting TLS SNI api.example.com (from source ports 5000-5010)", ["custom"]],
      [`${web} → .agora.io`, "tcp 443 → any address presenting TLS SNI .agora.io", ["rtc-web"]],
      [`${web} → .agora.io`, "tcp 80 → any address presenting HTTP Host .agora.io", ["rtc-web"]],
    ]);
    // A name under a subtree rule with the same ports has no rule, and no widening, of its own.
    expect(spoofing.some((w) => w.rule.includes("edge.agora.io"))).toBe(false);
  });

  it("reports the UDP and non-TLS TCP ports of domain flows, and the handshake rule, as widenings", () => {
    const { widenings } = renderSuricataRules(resolve({ edition: "2020-05", sdks: ["rtc-web"] }).ruleSet);
    expect(widenings).toContainEqual(expect.objectContaining({
      rule: "udp 3478,5866-6000 → .agora.io", renderedAs: "udp 3478,5866-6000 → any address", sdks: ["rtc-web"],
    }));
    expect(widenings).toContainEqual(expect.objectContaining({ rule: "tcp 80,443,3433,5668-5669,5866-6000,6080,6443,8667,9667 → .agora.io", renderedAs: "tcp 3433,5668-5669,5866-6000,6080,6443,8667,9667 → any address" }));
    expect(widenings.filter((w) => w.renderedAs.includes("handshake packets only"))).toHaveLength(1);
  });
});

describe("renderNetworkFirewallRules", () => {
  const all = resolve({ edition: "2020-05", sdks: ALL_SDKS });

  it("renders one stateful strict-order rule group with no fixed name, and no policy unless asked", () => {
    const plan = renderNetworkFirewallRules(all);
    expect(plan.resources).toHaveLength(1);
    const group = plan.resources[0];
    expect(group.type).toBe(RULE_GROUP_TYPE);
    expect(group.inputs).not.toHaveProperty("name");
    expect(group.inputs).toMatchObject({ type: "STATEFUL", capacity: 100, ruleGroup: { statefulRuleOptions: { ruleOrder: "STRICT_ORDER" } } });
    expect(group.inputs.ruleGroup).not.toHaveProperty("ruleVariables");
  });

  it("sets HOME_NET for centralised inspection with a valid variable name", () => {
    const plan = renderNetworkFirewallRules(all, { homeNet: ["10.2.0.0/16", "10.1.0.0/16", "10.1.0.0/16"] });
    const ipSets = (plan.resources[0].inputs.ruleGroup as any).ruleVariables.ipSets;
    expect(ipSets).toEqual([{ key: "HOME_NET", ipSet: { definitions: ["10.1.0.0/16", "10.2.0.0/16"] } }]);
    for (const s of ipSets) expect(s.key).toMatch(AWS_LIMITS.ruleVariableName);
    expect(() => renderNetworkFirewallRules(all, { homeNet: ["10.1.0.0/33"] })).toThrow(new InputError("networkFirewall.homeNet[0]", '"10.1.0.0/33" has an invalid prefix length'));
    // A CIDR with host bits set is refused, never turned into the network that contains it.
    expect(() => renderNetworkFirewallRules(all, { homeNet: ["10.2.0.0/16", "10.1.0.0/16", "10.1.0.9/16"] })).toThrow(new InputError(
      "networkFirewall.homeNet[2]", '"10.1.0.9/16" has host bits set: write 10.1.0.9/32 for that one address, or 10.1.0.0/16 if you mean the whole network',
    ));
  });

  it("creates a strict-order policy with safe default actions when asked", () => {
    const plan = renderNetworkFirewallRules(all, { createPolicy: true, statefulDefaultAction: StatefulDefaultAction.DropStrict, ruleGroupPriority: 7 });
    const policy = byType(plan, FIREWALL_POLICY_TYPE)[0];
    expect(policy.inputs.firewallPolicy).toEqual({
      statelessDefaultActions: ["aws:forward_to_sfe"],
      statelessFragmentDefaultActions: ["aws:forward_to_sfe"],
      statefulDefaultActions: ["aws:drop_strict"],
      statefulEngineOptions: { ruleOrder: "STRICT_ORDER" },
      statefulRuleGroupReferences: [{ resourceArn: "${nfw-rule-group.arn}", priority: 7 }],
    });
    expect(renderNetworkFirewallRules(all, { createPolicy: true }).resources[1].inputs.firewallPolicy).toMatchObject({ statefulDefaultActions: ["aws:drop_established"] });
  });

  it("sizes capacity from the rule count with headroom, in buckets an added SDK does not leave", () => {
    const count = (plan: Plan) => rulesStringOf(plan).split("\n").length;
    const capacities = ALL_SDKS.map((drop) => {
      const plan = renderNetworkFirewallRules(resolve({ edition: "2020-05", sdks: ALL_SDKS.filter((s) => s !== drop) }));
      expect(count(plan) * 2).toBeLessThanOrEqual(plan.resources[0].inputs.capacity as number);
      return plan.resources[0].inputs.capacity;
    });
    expect(new Set([...capacities, renderNetworkFirewallRules(all).resources[0].inputs.capacity])).toEqual(new Set([100]));
    expect(CAPACITY_BUCKETS).toContain(renderNetworkFirewallRules(resolve(productionSelection(40))).resources[0].inputs.capacity);
    expect(renderNetworkFirewallRules(all, { capacity: 1234 }).resources[0].inputs.capacity).toBe(1234);
    expect(() => renderNetworkFirewallRules(all, { capacity: 3 })).toThrow(/do not fit a capacity of 3/);
  });

  it("reports quota use within the documented limits", () => {
    const plan = renderNetworkFirewallRules(resolve(productionSelection(40)));
    for (const q of plan.quotas) expect(q.used).toBeLessThanOrEqual(q.limit);
    expect(plan.quotas.map((q) => q.quota)).toEqual([
      "stateful rules within the rule group's capacity", "stateful rule group capacity", "rulesString bytes", "characters in one Suricata rule",
    ]);
  });

  it("rejects a port that is both a TLS and an HTTP port", () => {
    expect(() => renderNetworkFirewallRules(all, { tlsPorts: ["443"], httpPorts: ["80", "443"] })).toThrow(new InputError("networkFirewall.httpPorts", "a port cannot be both a TLS and an HTTP port"));
  });
});
