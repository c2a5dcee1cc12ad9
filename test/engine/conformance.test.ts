/**
 * Engine conformance suite: every scenario of scenarios.ts, rendered, run through real
 * Suricata 7 under both strict-order default actions, and compared flow by flow with the
 * model (see conformance.ts). Writes build/engine-report.md.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ConformanceResult, Sabotage, conformanceReport, runConformance } from "./conformance";
import { ENGINE_SCENARIOS } from "./scenarios";
import { requireSuricata } from "./suricata";

describe("Network Firewall rules in Suricata 7 agree with the model", () => {
  let suricata = "";
  const results: ConformanceResult[] = [];
  beforeAll(() => { suricata = requireSuricata(); });

  const cases = ENGINE_SCENARIOS.flatMap((s) => (["aws:drop_established", "aws:drop_strict"] as const).map((a) => [s.name, a, s] as const));
  it.each(cases)("%s (%s)", (_name, defaultAction, scenario) => {
    const result = runConformance(scenario, defaultAction);
    results.push(result);
    expect(result.failures).toEqual([]);
    // Every probe set has flows on both sides of the line.
    expect(result.modelAllowed).toBeGreaterThan(0);
    expect(result.flows - result.modelAllowed).toBeGreaterThan(0);
  });

  it("checked several hundred flows per default action, and wrote the report", () => {
    expect(results).toHaveLength(cases.length);
    const text = conformanceReport(results, suricata);
    mkdirSync("build", { recursive: true });
    writeFileSync(join("build", "engine-report.md"), text);
    console.log(text);
    for (const action of ["aws:drop_established", "aws:drop_strict"]) {
      const mine = results.filter((r) => r.defaultAction === action);
      expect(mine.reduce((n, r) => n + r.flows, 0)).toBeGreaterThanOrEqual(1000);
      for (const r of mine) expect(r.flows).toBeGreaterThanOrEqual(60);
    }
    expect(results.reduce((n, r) => n + r.failures.length, 0)).toBe(0);
  });
});

// The comparison has teeth: each fault below, put into a correct plan, must be caught.
describe("the conformance check catches a faulty rule group", () => {
  beforeAll(() => { requireSuricata(); });
  const web = ENGINE_SCENARIOS.find((s) => s.name === "rtc-web direct")!;
  const faults: [string, Sabotage, RegExp][] = [
    ["SNI matched without dotprefix or pcre (evilagora.io passes)",
      (r) => ({ ...r, rules: r.rules.replace(/tls\.sni; dotprefix; content:"\.agora\.io"; nocase; endswith; pcre:"[^"]*";/, 'tls.sni; content:"agora.io"; nocase; endswith;') }),
      /shared suffix without a dot evilagora\.io on 443 .*engine passes, model denies, and no reported widening covers it/],
    ["names matched without the anchored pcre (evil.example/.agora.io passes)", (r) => ({ ...r, rules: r.rules.replace(/ pcre:"[^"]*";/g, "") }),
      /path before the name evil\.example\/\.agora\.io on 443 .*engine passes, model denies, and no reported widening covers it/],
    ["the SNI/Host spoofing widenings left out of the report", (r) => ({ ...r, widenings: r.widenings.filter((w) => !w.renderedAs.includes(" presenting ")) }),
      /allowed name a\.b\.c\.agora\.io presented to 192\.0\.2\.99 on 443 .*engine passes, model denies, and no reported widening covers it/],
    ["a widening left out of the report", (r) => ({ ...r, widenings: r.widenings.filter((w) => !w.renderedAs.startsWith("udp")) }),
      /udp .*engine passes, model denies, and no reported widening covers it/],
    ["a pass rule missing (UDP media dropped)", (r) => ({ ...r, rules: r.rules.split("\n").filter((l) => !l.startsWith("pass udp")).join("\n") }),
      /rtc-web egress udp \.agora\.io: port 3478 .*engine denies, model allows/],
  ];
  it.each(faults)("%s", (_name, sabotage, expected) => {
    const result = runConformance(web, "aws:drop_established", sabotage);
    expect(result.failures.length).toBeGreaterThan(0);
    expect(result.failures.join("\n")).toMatch(expected);
  });
});
