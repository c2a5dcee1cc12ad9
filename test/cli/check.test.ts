import { run } from "./run";

describe("check", () => {
  it("says which rule allows a flow, with its source, and exits 0", async () => {
    const r = await run(["check", "--sdk", "rtc-native", "--protocol", "udp", "--port", "4001", "--dest", "Vocs1.Agora.io."]);
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
    const base = ["check", "--sdk", "rtc-web", "--protocol", "tcp", "--port", "443", "--dest"];
    expect((await run([...base, "a.b.edge.agora.io"])).code).toBe(0);
    expect((await run([...base, "agora.io"])).code).toBe(0);
    expect((await run([...base, "evilagora.io"])).code).toBe(3);
    expect((await run([...base, "agora.io.evil.com"])).code).toBe(3);
  });

  it("exits 3 (not 2) when denied", async () => {
    const r = await run(["check", "--sdk", "rtc-native", "--protocol", "tcp", "--port", "443", "--dest", "ap1.agora.io"]);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe("denied: egress tcp ap1.agora.io port 443\n");
    expect(r.stderr).toBe("");
  });

  it("needs the local port for recording's duplex rule, and says so", async () => {
    const base = ["check", "--sdk", "recording", "--protocol", "udp", "--port", "8000", "--dest", "ap1.agora.io"];
    const without = await run(base);
    expect(without.code).toBe(3);
    expect(without.stdout).toContain("hint: recording egress udp 1080; 7000; 8000; 8913; 9700; 25000 → ap1.agora.io (from local ports 4000-4030) would allow it");
    expect((await run([...base, "--source-port", "4010"])).code).toBe(0);
    expect((await run([...base, "--source-port", "5000"])).code).toBe(3);
  });

  it("checks recording's inbound range with --direction ingress", async () => {
    const base = ["check", "--sdk", "recording", "--protocol", "udp", "--direction", "ingress", "--dest", "198.51.100.7", "--port"];
    expect((await run([...base, "40500"])).code).toBe(0);
    expect((await run([...base, "41001"])).code).toBe(3);
  });

  it("allows a proxy endpoint by address, and explains that addresses never match domain rules", async () => {
    expect((await run(["check", "--sdk", "rtc-native", "--access", "cloud-proxy", "--protocol", "udp", "--port", "4600", "--dest", "120.92.118.34"])).code).toBe(0);
    const r = await run(["check", "--sdk", "rtc-native", "--protocol", "udp", "--port", "8000", "--dest", "120.92.118.34"]);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain("an address is only allowed by address rules");
  });

  it("answers in JSON with --format json", async () => {
    const r = await run(["check", "--sdk", "rtm-web", "--protocol", "tcp", "--port", "9591", "--dest", "ap-web-1.agora.io", "--format", "json"]);
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
