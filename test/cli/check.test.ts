import { planners } from "../../src/cli/planners";
import { run } from "./run";

describe("check", () => {
  it("says which rule allows a flow, with its source, and exits 0", async () => {
    const r = await run(["check", "--edition", "2020-05", "--sdk", "rtc-native", "--protocol", "udp", "--port", "4001", "--dest", "Vocs1.Agora.io."]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe([
      "allowed: egress udp Vocs1.Agora.io. port 4001",
      "allowed by:",
      "  rtc-native egress udp 1080; 4000-4030; 7000; 8000; 8913; 9700; 25000 → vocs1.agora.io",
      "    source: Firewall Requirements (2020-05-25), Agora RTC SDK / Native SDK, UDP",
      "",
    ].join("\n"));
  });

  it("matches a subtree domain and its apex, never a look-alike", async () => {
    const base = ["check", "--edition", "2020-05", "--sdk", "rtc-web", "--protocol", "tcp", "--port", "443", "--dest"];
    expect((await run([...base, "a.b.edge.agora.io"])).code).toBe(0);
    expect((await run([...base, "agora.io"])).code).toBe(0);
    expect((await run([...base, "evilagora.io"])).code).toBe(3);
    expect((await run([...base, "agora.io.evil.com"])).code).toBe(3);
  });

  it("exits 3 (not 2) when denied", async () => {
    const r = await run(["check", "--edition", "2020-05", "--sdk", "rtc-native", "--protocol", "tcp", "--port", "443", "--dest", "ap1.agora.io"]);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe("denied: egress tcp ap1.agora.io port 443\n");
    expect(r.stderr).toBe("");
  });

  it("needs the local port for recording's duplex rule, and says so", async () => {
    const base = ["check", "--edition", "2020-05", "--sdk", "recording", "--protocol", "udp", "--port", "8000", "--dest", "ap1.agora.io"];
    const without = await run(base);
    expect(without.code).toBe(3);
    expect(without.stdout).toContain("hint: recording egress udp 1080; 7000; 8000; 8913; 9700; 25000 → ap1.agora.io (from local ports 4000-4030) would allow it");
    expect((await run([...base, "--source-port", "4010"])).code).toBe(0);
    expect((await run([...base, "--source-port", "5000"])).code).toBe(3);
  });

  it("checks recording's inbound range with --direction ingress", async () => {
    const base = ["check", "--edition", "2020-05", "--sdk", "recording", "--protocol", "udp", "--direction", "ingress", "--dest", "198.51.100.7", "--port"];
    expect((await run([...base, "40500"])).code).toBe(0);
    expect((await run([...base, "41001"])).code).toBe(3);
  });

  const FIREWALL_NO_INTERNET_INGRESS = "Azure Firewall lets unsolicited traffic in from the Internet only through a DNAT rule on its public IP address, "
    + "so a network rule would never deliver this traffic and would only open east-west paths: none is rendered. "
    + "Add a DNAT rule for these ports on your firewall (it needs the firewall's public IP), or route this traffic past the firewall to the workloads' NSG, which renders the rule.";

  // The targets that differ come from the real planners' notices and widenings.
  it("reads an inbound flow as from the sender to a local port, says the rule is broad on purpose, and names the target that does not carry it", async () => {
    const base = ["check", "--edition", "2020-05", "--sdk", "recording", "--protocol", "udp", "--direction", "ingress", "--dest", "198.51.100.7", "--port"];
    const allowed = await run([...base, "40500"], { planners });
    expect(allowed.stdout).toBe([
      "allowed: ingress udp from 198.51.100.7 to local port 40500",
      "allowed by:",
      "  recording ingress udp 40000-41000 ← 0.0.0.0/0",
      "    source: Firewall Requirements (2020-05-25), Agora On-premise Recording SDK, UDP: simplex downstream ports (note)",
      "    broad on purpose: Agora publishes no sender addresses for recording's simplex downstream media, so any address may send to these ports; list Agora's addresses in recordingPorts.sources to narrow it.",
      "targets that differ:",
      `  azure-firewall-policy denies it: ${FIREWALL_NO_INTERNET_INGRESS}`,
      "",
    ].join("\n"));
    const denied = await run([...base, "41001"], { planners });
    expect(denied.stdout).toBe("denied: ingress udp from 198.51.100.7 to local port 41001\n");

    // With the senders listed, nothing is broad; through the cloud proxy, only the proxy endpoints may send.
    const listed = await run(["check", "--edition", "2020-05", "--sdk", "recording", "--recording-sources", "198.51.100.0/24", "--protocol", "udp", "--direction", "ingress", "--dest", "198.51.100.7", "--port", "40500"], { planners });
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain("  recording ingress udp 40000-41000 ← 198.51.100.0/24\n");
    expect(listed.stdout).not.toContain("broad on purpose");
    const proxied = ["check", "--edition", "2020-05", "--sdk", "recording", "--access", "cloud-proxy", "--protocol", "udp", "--direction", "ingress", "--port", "40500", "--dest"];
    const endpoint = await run([...proxied, "120.92.118.34"], { planners });
    expect(endpoint.code).toBe(0);
    expect(endpoint.stdout).toContain("  recording ingress udp 40000-41000 ← 120.92.118.34/32\n");
    expect((await run([...proxied, "198.51.100.7"], { planners })).stdout).toBe("denied: ingress udp from 198.51.100.7 to local port 40500\n");
  });

  it("lists the targets that differ in JSON too, with the rule's broadReason", async () => {
    const r = await run(["check", "--edition", "2020-05", "--sdk", "recording", "--protocol", "udp", "--direction", "ingress", "--dest", "198.51.100.7", "--port", "40500", "--format", "json"], { planners });
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout);
    expect(Object.keys(body)).toEqual(["allowed", "flow", "rules", "hints", "differences"]);
    expect(body.flow).toEqual({ direction: "ingress", protocol: "udp", port: 40500, destination: "198.51.100.7" });
    expect(body.rules.map((x: { rule: string; broadReason?: string }) => [x.rule, x.broadReason])).toEqual([[
      "recording ingress udp 40000-41000 ← 0.0.0.0/0",
      "Agora publishes no sender addresses for recording's simplex downstream media, so any address may send to these ports; list Agora's addresses in recordingPorts.sources to narrow it.",
    ]]);
    expect(body.differences).toEqual([{ target: "azure-firewall-policy", allowed: false, why: FIREWALL_NO_INTERNET_INGRESS }]);
  });

  it("says Network Firewall drops a name written with a trailing dot on its TLS port, and which targets widen a domain rule to an address", async () => {
    const dot = await run(["check", "--edition", "2020-05", "--sdk", "rtc-web", "--protocol", "tcp", "--port", "443", "--dest", "webrtc2.edge.agora.io."], { planners });
    expect(dot.code).toBe(0);
    expect(dot.stdout.endsWith([
      "targets that differ:",
      "  aws-network-firewall denies it: TLS SNI and HTTP Host rules match names as clients send them, without the root dot (RFC 6066); a name written with a trailing dot is dropped",
      "",
    ].join("\n"))).toBe(true);
    const address = await run(["check", "--edition", "2020-05", "--sdk", "rtc-web", "--protocol", "udp", "--port", "3478", "--dest", "203.0.113.7", "--format", "json"], { planners });
    expect(address.code).toBe(3);
    expect(JSON.parse(address.stdout).differences.map((d: { target: string; allowed: boolean }) => [d.target, d.allowed])).toEqual([
      ["aws-security-group", true], ["aws-network-firewall", true], ["azure-nsg", true], ["azure-firewall-policy", true],
    ]);
  });

  it("refuses a network as --dest: a flow has one remote address (exit 2)", async () => {
    const r = await run(["check", "--edition", "2020-05", "--sdk", "rtc-web", "--protocol", "udp", "--port", "3478", "--dest", "203.0.113.0/24"]);
    expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({
      code: 2, stdout: "", stderr: 'agora-egress: --dest: "203.0.113.0/24" is a network; a flow has one remote address\n',
    });
  });

  it("allows a proxy endpoint by address, and explains that addresses never match domain rules", async () => {
    expect((await run(["check", "--edition", "2020-05", "--sdk", "rtc-native", "--access", "cloud-proxy", "--protocol", "udp", "--port", "4600", "--dest", "120.92.118.34"])).code).toBe(0);
    const r = await run(["check", "--edition", "2020-05", "--sdk", "rtc-native", "--protocol", "udp", "--port", "8000", "--dest", "120.92.118.34"]);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain("an address is only allowed by address rules");
  });

  it("answers in JSON with --format json", async () => {
    const r = await run(["check", "--edition", "2020-05", "--sdk", "rtm-web", "--protocol", "tcp", "--port", "9591", "--dest", "ap-web-1.agora.io", "--format", "json"]);
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout);
    expect(body.allowed).toBe(true);
    expect(body.flow).toEqual({ direction: "egress", protocol: "tcp", port: 9591, destination: "ap-web-1.agora.io" });
    expect(body.rules.map((x: { rule: string }) => x.rule).sort()).toEqual([
      "rtm-web egress tcp 443; 9591; 9593 → ap-web-1.agora.io",
      "rtm-web egress tcp 443; 9591; 9593 → .agora.io",
    ].sort());
  });
});
