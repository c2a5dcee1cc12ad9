/**
 * The DNS-layer guards: in the Network Firewall rule group, DNS (TCP/UDP 53), DNS over TLS (TCP 853)
 * and DNS over QUIC (UDP 853) to anything but the allowed resolvers is dropped, first in strict order, and the real engine
 * agrees, whatever the policy's default action; in an Azure NSG, the same ports to `Internet`
 * are denied ahead of every allow rule (and of AllowInternetOutBound), while Azure-provided DNS,
 * which NSGs do not filter, keeps working.
 */
import { InputError } from "../../src/model";
import { resolve } from "../../src/resolve";
import { AMAZON_PROVIDED_RESOLVER, RULE_GROUP_TYPE, renderAwsPlan, renderNetworkFirewallRules, vpcResolver } from "../../src/renderers/aws";
import { SECURITY_RULE_TYPE, renderAzurePlan } from "../../src/renderers/azure";
import { Plan } from "../../src/renderers/plan";
import { nsgEvaluator } from "../azure/evaluate-nsg";
import { TestFlow } from "../engine/pcap";
import { DefaultAction, flowVerdicts, requireSuricata } from "../engine/suricata";
import { connectionAllowed, parseRules } from "../aws/suricata-evaluator";

const ALL = ["rtc-native", "rtc-web", "rtm-native", "rtm-web", "recording", "gaming"];
const all = resolve({ edition: "2020-05", sdks: ALL });
const rulesOf = (plan: Plan) => ((plan.resources.find((r) => r.type === RULE_GROUP_TYPE)!.inputs.ruleGroup as any).rulesSource.rulesString as string).split("\n");

describe("DNS guard rendering", () => {
  it("is off by default: no rule mentions port 53 or 853", () => {
    for (const line of rulesOf(renderNetworkFirewallRules(all))) expect(line).not.toMatch(/ (53|\[53,853\]) \(/);
  });

  it("comes first in strict order: pass to the resolvers, then drop to any address, per protocol", () => {
    const lines = rulesOf(renderNetworkFirewallRules(all, { dnsGuard: true, vpcCidrs: ["10.20.0.0/16"] }));
    const head = lines.slice(0, 4).map((l) => l.replace(/ \(msg.*$/, ""));
    expect(head).toEqual([
      "pass tcp $HOME_NET any -> [10.20.0.2/32,169.254.169.253/32] [53,853]",
      "drop tcp $HOME_NET any -> any [53,853]",
      "pass udp $HOME_NET any -> [10.20.0.2/32,169.254.169.253/32] [53,853]",
      "drop udp $HOME_NET any -> any [53,853]",
    ]);
    expect(lines.slice(4).some((l) => /^(pass|drop) (tcp|udp) \$HOME_NET any -> .* (53|\[53,853\]) \(/.test(l))).toBe(false);
    expect(new Set(lines.map((l) => /sid:(\d+);/.exec(l)![1])).size).toBe(lines.length);
  });

  it("defaults to the Amazon-provided resolver; explicit resolvers replace it; VPC CIDRs add their +2 address", () => {
    const head = (o: object) => rulesOf(renderNetworkFirewallRules(all, { dnsGuard: true, ...o }))[0].replace(/ \(msg.*$/, "");
    expect(head({})).toBe(`pass tcp $HOME_NET any -> ${AMAZON_PROVIDED_RESOLVER} [53,853]`);
    expect(head({ dnsResolvers: ["10.1.0.53", "10.1.0.0/24"] })).toBe("pass tcp $HOME_NET any -> 10.1.0.0/24 [53,853]");
    expect(head({ dnsResolvers: ["10.1.0.53"], vpcCidrs: ["172.31.0.0/16"] })).toBe("pass tcp $HOME_NET any -> [10.1.0.53/32,172.31.0.2/32] [53,853]");
    expect(vpcResolver("10.0.16.0/20", "x")).toBe("10.0.16.2/32");
  });

  it("reports passing the resolvers as widenings, in the plan", () => {
    const plan = renderAwsPlan(all, { networkFirewall: { dnsGuard: true } });
    expect(plan.widenings.filter((w) => w.rule.includes("dnsGuard"))).toEqual([
      expect.objectContaining({ target: "aws-network-firewall", rule: "udp 53,853 → the DNS resolvers (dnsGuard)", renderedAs: "udp 53,853 → 169.254.169.253/32", sdks: [...ALL].sort() }),
      expect.objectContaining({ target: "aws-network-firewall", rule: "tcp 53,853 → the DNS resolvers (dnsGuard)", renderedAs: "tcp 53,853 → 169.254.169.253/32" }),
    ]);
  });

  const conflict = (destinations: string[], ports = ["53"], protocol: "udp" | "tcp" = "udp") =>
    resolve({ edition: "2020-05", sdks: ["rtc-web"], customRules: [{ protocol, ports, destinations }] });
  it.each<[string, () => unknown, string, RegExp]>([
    ["a custom rule to a public resolver", () => renderNetworkFirewallRules(conflict(["8.8.8.8"]), { dnsGuard: true }),
      "networkFirewall.dnsGuard", /^udp 53 → 8\.8\.8\.8\/32 \(custom\) allows UDP 53 to an address that is not a listed DNS resolver/],
    ["a custom rule to a name on TCP 853", () => renderNetworkFirewallRules(conflict(["dns.example"], ["853"], "tcp"), { dnsGuard: true }),
      "networkFirewall.dnsGuard", /^tcp 853 → dns\.example \(custom\) allows TCP 853/],
    ["a custom rule to a public resolver on UDP 853 (DNS over QUIC)", () => renderNetworkFirewallRules(conflict(["8.8.8.8"], ["853"]), { dnsGuard: true }),
      "networkFirewall.dnsGuard", /^udp 853 → 8\.8\.8\.8\/32 \(custom\) allows UDP 853 to an address that is not a listed DNS resolver/],
    ["a custom rule on a range spanning 53", () => renderNetworkFirewallRules(conflict(["198.51.100.0/24"], ["1-1024"]), { dnsGuard: true }),
      "networkFirewall.dnsGuard", /allows UDP 53/],
    ["resolvers without the guard", () => renderNetworkFirewallRules(all, { dnsResolvers: ["10.0.0.2"] }),
      "networkFirewall.dnsResolvers", /^is only used with dnsGuard: true$/],
    ["VPC CIDRs without the guard", () => renderNetworkFirewallRules(all, { vpcCidrs: ["10.0.0.0/16"] }),
      "networkFirewall.vpcCidrs", /^is only used with dnsGuard: true$/],
    ["a resolver that is every address", () => renderNetworkFirewallRules(all, { dnsGuard: true, dnsResolvers: ["0.0.0.0/0"] }),
      "networkFirewall.dnsResolvers[0]", /would let DNS reach every address/],
    ["a resolver that is not an address", () => renderNetworkFirewallRules(all, { dnsGuard: true, dnsResolvers: ["resolver.internal"] }),
      "networkFirewall.dnsResolvers[0]", /is not an IPv4 address or CIDR/],
    ["a VPC CIDR wider than a VPC", () => renderNetworkFirewallRules(all, { dnsGuard: true, vpcCidrs: ["10.0.0.0/8"] }),
      "networkFirewall.vpcCidrs[0]", /is not a VPC CIDR block \(\/16 to \/28\)/],
    ["an empty resolver list", () => renderNetworkFirewallRules(all, { dnsGuard: true, dnsResolvers: [] }),
      "networkFirewall.dnsResolvers", /at least 1|>=1/],
  ])("refuses %s", (_name, render, field, problem) => {
    let error: unknown;
    try { render(); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).field).toBe(field);
    expect((error as InputError).problem).toMatch(problem);
  });

  it("accepts a custom DNS rule to a listed resolver", () => {
    const plan = renderNetworkFirewallRules(conflict(["10.0.0.2"]), { dnsGuard: true, vpcCidrs: ["10.0.0.0/16"] });
    expect(rulesOf(plan)[2]).toMatch(/^pass udp \$HOME_NET any -> \[10\.0\.0\.2\/32,169\.254\.169\.253\/32\] \[53,853\] /);
  });

  it("drops other resolvers under AWS strict order even where a later rule would pass them (evaluator, file order)", () => {
    const lines = rulesOf(renderNetworkFirewallRules(all, { dnsGuard: true }));
    // A permissive rule after the guard, as another group or a later rule could add.
    const parsed = parseRules([...lines, 'pass udp $HOME_NET any -> any any (msg:"later"; sid:7; rev:1;)'].join("\n"));
    const query = (server: string) => connectionAllowed(parsed, { proto: "udp", client: "10.99.0.1", clientPort: 40000, server, serverPort: 53 }, "aws:drop_established");
    expect([query("8.8.8.8"), query("169.254.169.253")]).toEqual([false, true]);
  });
});

describe("DNS guard in Suricata 7", () => {
  beforeAll(() => { requireSuricata(); });
  const plan = renderNetworkFirewallRules(all, { dnsGuard: true, vpcCidrs: ["10.0.0.0/16"], homeNet: ["10.0.0.0/16"] });
  const rules = rulesOf(plan).join("\n");
  const guardSids = rulesOf(plan).filter((l) => l.startsWith("drop")).map((l) => Number(/sid:(\d+);/.exec(l)![1]));
  let n = 0;
  const flow = (protocol: "tcp" | "udp", serverIp: string, serverPort: number, payload: TestFlow["payload"] = { kind: "data" }): TestFlow =>
    ({ id: ++n * 10, protocol, clientIp: `10.0.1.${n}`, clientPort: 40000 + n, serverIp, serverPort, payload });
  const cases: [string, TestFlow, boolean][] = [
    ["UDP 53 to 8.8.8.8", flow("udp", "8.8.8.8", 53), false],
    ["TCP 53 to 8.8.8.8", flow("tcp", "8.8.8.8", 53), false],
    ["TCP 853 (DNS over TLS) to 1.1.1.1", flow("tcp", "1.1.1.1", 853, { kind: "tls", sni: "one.one.one.one" }), false],
    ["UDP 853 (DNS over QUIC) to 1.1.1.1", flow("udp", "1.1.1.1", 853), false],
    ["UDP 53 to the Amazon-provided resolver", flow("udp", "169.254.169.253", 53), true],
    ["TCP 53 to the Amazon-provided resolver", flow("tcp", "169.254.169.253", 53), true],
    ["UDP 53 to the VPC+2 resolver", flow("udp", "10.0.0.2", 53), true],
    ["TCP 853 to the VPC+2 resolver", flow("tcp", "10.0.0.2", 853), true],
    ["UDP 853 to the VPC+2 resolver", flow("udp", "10.0.0.2", 853), true],
    ["an Agora name over TLS, still passed", flow("tcp", "192.0.2.7", 443, { kind: "tls", sni: "ap1.agora.io" }), true],
  ];
  const flows = cases.map(([, f]) => f);

  it.each<DefaultAction>(["aws:drop_established", "aws:drop_strict", "aws:alert_established"])(
    "drops DNS to other resolvers and passes the allowed ones under %s", (defaultAction) => {
      const v = flowVerdicts(rules, flows, { ipSets: { HOME_NET: ["10.0.0.0/16"] } }, { defaultAction });
      expect(cases.map(([name, f]) => [name, v.get(f.id)!.passed])).toEqual(cases.map(([name, , passed]) => [name, passed]));
      // Denied by the guard's own drop rules, not only by the default action.
      for (const [, f, passed] of cases) {
        if (!passed) expect(v.get(f.id)!.droppedBy.every((sid) => guardSids.includes(sid)) && v.get(f.id)!.droppedBy.length > 0).toBe(true);
      }
    },
  );
});

describe("Azure NSG DNS guard", () => {
  const nsg = (options: object) => renderAzurePlan(all, { nsg: options });
  const rules = (plan: Plan) => plan.resources.filter((r) => r.type === SECURITY_RULE_TYPE).map((r) => r.inputs as Record<string, any>);
  const query = (destination: string, protocol: "udp" | "tcp" = "udp", port = 53) => ({ protocol, port, destination });

  it("is offered, off by default", () => {
    expect(rules(nsg({})).filter((r) => /dns/.test(r.securityRuleName))).toEqual([]);
    expect(rules(nsg({ dnsGuard: true })).filter((r) => r.access === "Deny" && /dns/.test(r.securityRuleName))).toHaveLength(2);
  });

  it.each([true, false])("denies DNS, DNS over TLS and DNS over QUIC to other resolvers ahead of every allow rule (denyByDefault %s)", (denyByDefault) => {
    const plan = nsg({ denyByDefault, dnsGuard: true });
    const guard = rules(plan).filter((r) => /-deny-(tcp|udp)-dns$/.test(r.securityRuleName));
    const allows = rules(plan).filter((r) => r.direction === "Outbound" && r.access === "Allow");
    for (const a of allows) for (const g of guard) expect(g.priority).toBeLessThan(a.priority);
    const admits = nsgEvaluator(plan);
    expect([query("8.8.8.8"), query("8.8.8.8", "tcp"), query("1.1.1.1", "tcp", 853), query("1.1.1.1", "udp", 853), query("dns.example.net")].map(admits))
      .toEqual([false, false, false, false, false]);
    // Azure-provided DNS is not subject to NSGs (cloud-semantics §5): the DNS security policy keeps seeing the queries.
    expect([query("168.63.129.16"), query("168.63.129.16", "tcp")].map(admits)).toEqual([true, true]);
  });

  it("refuses a model rule that needs DNS to an Internet address the guard does not allow", () => {
    const resolution = resolve({ edition: "2020-05", sdks: ["rtc-web"], customRules: [{ protocol: "udp", ports: ["53"], destinations: ["8.8.8.8"] }] });
    expect(() => renderAzurePlan(resolution, { nsg: { dnsGuard: true } })).toThrow(InputError);
    expect(() => renderAzurePlan(resolution, { nsg: { dnsGuard: true } })).toThrow(/^azure\.nsg\.dnsGuard: udp 53 → 8\.8\.8\.8\/32 \(custom\) allows UDP 53/);
    const allowed = renderAzurePlan(resolution, { nsg: { dnsGuard: true, dnsResolvers: ["8.8.8.8"] } });
    expect(nsgEvaluator(allowed)(query("8.8.8.8"))).toBe(true);
    expect(nsgEvaluator(allowed)(query("8.8.8.8", "udp", 853))).toBe(true);
    expect(allowed.widenings).toContainEqual(expect.objectContaining({ target: "azure-nsg", rule: "udp 53,853 → the DNS resolvers (dnsGuard)", renderedAs: "udp 53,853 → 8.8.8.8/32" }));
  });
});
