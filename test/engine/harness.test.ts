import { TestFlow } from "./pcap";
import { DefaultAction, flowVerdicts, loadRules, requireSuricata, verdicts } from "./suricata";

// Proves the harness itself: known rules, known verdicts, on the real engine.
describe("Suricata harness", () => {
  beforeAll(() => { requireSuricata(); });

  const rules = [
    `pass tcp $HOME_NET any -> $EXTERNAL_NET 443 (msg:"handshake"; flow:not_established; sid:1; rev:1;)`,
    `pass tls $HOME_NET any -> $EXTERNAL_NET 443 (msg:"sni"; tls.sni; dotprefix; content:".agora.io"; nocase; endswith; flow:to_server; sid:2; rev:1;)`,
    `pass http $HOME_NET any -> $EXTERNAL_NET 80 (msg:"host"; http.host; content:"qos.agoralab.co"; startswith; endswith; flow:to_server; sid:3; rev:1;)`,
    `pass tcp $HOME_NET any -> $EXTERNAL_NET 80 (msg:"handshake 80"; flow:not_established; sid:5; rev:1;)`,
    `pass udp $HOME_NET any -> $MEDIA [4500:4650] (msg:"media"; sid:4; rev:1;)`,
  ].join("\n");
  const vars = { ipSets: { MEDIA: ["120.92.118.34/32"] } };
  let n = 0;
  const flow = (protocol: "tcp" | "udp", serverIp: string, serverPort: number, payload: TestFlow["payload"]): TestFlow =>
    ({ id: ++n * 10, protocol, clientIp: "10.0.0.5", clientPort: 40000 + n, serverIp, serverPort, payload });

  it("loads valid rules and rejects an invalid one", () => {
    expect(loadRules(rules, vars).ok).toBe(true);
    const bad = loadRules(`pass tls any any -> any any (tls.snii; content:"x"; sid:9;)`);
    expect(bad.ok).toBe(false);
    expect(bad.output).toMatch(/unknown rule keyword 'tls.snii'/);
  });

  it("passes and denies the flows the rules say", () => {
    const flows = [
      flow("tcp", "198.51.100.7", 443, { kind: "tls", sni: "ap1.agora.io" }),
      flow("tcp", "198.51.100.7", 443, { kind: "tls", sni: "AGORA.IO" }),
      flow("tcp", "198.51.100.7", 443, { kind: "tls", sni: "evilagora.io" }),
      flow("tcp", "198.51.100.7", 443, { kind: "tls", sni: "agora.io.evil.example" }),
      flow("tcp", "198.51.100.7", 80, { kind: "http", host: "qos.agoralab.co" }),
      flow("tcp", "198.51.100.7", 80, { kind: "http", host: "x.qos.agoralab.co" }),
      flow("udp", "120.92.118.34", 4500, { kind: "data" }),
      flow("udp", "120.92.118.35", 4500, { kind: "data" }),
      flow("udp", "120.92.118.34", 4651, { kind: "data" }),
    ];
    const v = verdicts(rules, flows, vars);
    expect(flows.map((f) => v.get(f.id))).toEqual([true, true, false, false, true, false, true, false, false]);
  });

  it("emulates each default action, counts drop rules, and reads ingress flows from the remote side", () => {
    const strict = [
      `drop udp $HOME_NET any -> any 53 (msg:"dns"; sid:11; rev:1;)`,
      `pass tls $HOME_NET any -> $EXTERNAL_NET 443 (msg:"sni"; tls.sni; dotprefix; content:".agora.io"; nocase; endswith; flow:to_server; sid:2; rev:1;)`,
      `pass udp any any -> $HOME_NET 40000:41000 (msg:"simplex downstream"; sid:6; rev:1;)`,
    ].join("\n");
    const flows = [
      flow("tcp", "198.51.100.7", 443, { kind: "tls", sni: "ap1.agora.io" }),
      flow("udp", "198.51.100.53", 53, { kind: "data" }),
      flow("tcp", "198.51.100.7", 22, { kind: "data" }),
      // Ingress: the remote side opens the flow to the workload's simplex port.
      { id: 9000, protocol: "udp", clientIp: "203.0.113.9", clientPort: 5000, serverIp: "10.0.0.5", serverPort: 40000, payload: { kind: "data" } },
      { id: 9010, protocol: "udp", clientIp: "203.0.113.9", clientPort: 5001, serverIp: "10.0.0.5", serverPort: 41001, payload: { kind: "data" } },
    ] satisfies TestFlow[];
    const run = (defaultAction: DefaultAction) => {
      const v = flowVerdicts(strict, flows, { ipSets: { HOME_NET: ["10.0.0.0/16"] } }, { defaultAction });
      return flows.map((f) => [v.get(f.id)!.passed, v.get(f.id)!.droppedBy]);
    };
    // No handshake rule: only drop_strict denies the TLS flow (its SYN is not passed).
    expect(run("aws:drop_established")).toEqual([[true, []], [false, [11]], [false, []], [true, []], [false, []]]);
    expect(run("aws:drop_strict")).toEqual([[false, []], [false, [11]], [false, []], [true, []], [false, []]]);
    // Nothing dropped by default: only the drop rule denies.
    expect(run("aws:alert_established")).toEqual([[true, []], [false, [11]], [true, []], [true, []], [true, []]]);
  });

  it("refuses two flows with the same client endpoint (their verdicts could not be told apart)", () => {
    const twin: TestFlow = { id: 1, protocol: "udp", clientIp: "10.0.0.5", clientPort: 1, serverIp: "192.0.2.1", serverPort: 1, payload: { kind: "data" } };
    expect(() => flowVerdicts("", [twin, { ...twin, id: 2 }])).toThrow(/share the client endpoint udp 10.0.0.5:1/);
  });
});
