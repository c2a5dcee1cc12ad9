import { run } from "./run";

/** [arguments, the field the one-line message must name, a word of the problem]. */
const BAD: [string[], string, RegExp][] = [
  [["rules", "--edition", "2020-05", "--sdk", "rtc-nativ"], "--sdk", /unknown SDK "rtc-nativ"/],
  [["rules", "--edition", "2020-05", "--sdk", "rtc-web@two"], "--sdk", /not a version number/],
  [["rules", "--edition", "2020-05", "--sdk", "rtc-native,,gaming"], "--sdk", /empty entry/],
  [["rules", "--sdk"], "--sdk", /argument missing/],
  [["rules", "--edition", "2020-05", "--sdk", "rtc-native", "--access", "vpn"], "--access", /'vpn' is invalid. Allowed choices are direct, cloud-proxy/],
  [["rules", "--edition", "2020-05", "--sdk", "rtc-native", "--env", "staging"], "--env", /'staging' is invalid/],
  [["rules", "--edition", "2020-05", "--sdk", "rtc-native", "--proxy-type", "3"], "--proxy-type", /'3' is invalid/],
  [["rules", "--edition", "2020-05", "--sdk", "rtc-native", "--format", "xml"], "--format", /'xml' is invalid/],
  [["rules", "--sdk", "rtc-native", "--edition", "2031-01"], "--edition", /unknown catalogue edition "2031-01"/],
  [["rules", "--edition", "2020-05", "--sdk", "rtc-native", "--frmat", "md"], "--frmat", /unknown option/],
  [["rules", "--edition", "2020-05", "--sdk", "recording", "--recording-ports", "41000-40000"], "--recording-ports", /reversed/],
  [["rules", "--edition", "2020-05", "--sdk", "recording", "--recording-ports", "0-100"], "--recording-ports", /outside 1-65535/],
  [["rules", "--edition", "2020-05", "--sdk", "recording", "--recording-ports", "4000-4100"], "--recording-ports", /overlaps the recording SDK's local ports/],
  [["rules", "--edition", "2020-05", "--sdk", "recording", "--recording-channels", "300"], "--recording-channels", /fewer than 4 × 300/],
  [["rules", "--edition", "2020-05", "--sdk", "recording", "--recording-channels", "-1"], "--recording-channels", /not a positive whole number/],
  [["rules", "--edition", "2020-05", "--sdk", "rtc-native", "--recording-ports", "40000-41000"], "--recording-ports", /recording SDK is not selected/],
  [["rules", "--edition", "2020-05", "--sdk", "rtc-native", "--production-proxy", "examples/production-proxy.yaml"], "--production-proxy", /: is only used with --access cloud-proxy and --env production\n$/],
  // What to set is said in flags.
  [["rules", "--edition", "2020-05", "--sdk", "rtc-native", "--access", "cloud-proxy", "--env", "production"], "productionProxy",
    /: --env production needs the production cloud-proxy endpoints Agora gave you: set --production-proxy FILE\n$/],
  [["rules", "--edition", "2020-05", "--sdk", "rtc-native@2.3.0", "--access", "cloud-proxy"], "--sdk", /: rtc-native@2\.3\.0 has no cloud proxy \(needs 2\.4\.0 or later\); name it in --direct-sdks or upgrade\n$/],
  [["rules", "--edition", "2020-05", "--sdk", "rtc-native", "--access", "cloud-proxy", "--env", "production", "--production-proxy", "nope.yaml"], "nope.yaml", /file not found/],
  [["rules", "--access", "cloud-proxy", "--edition", "2020-05", "--sdk", "rtc-native@2.3.0"], "--sdk", /no cloud proxy \(needs 2.4.0 or later\)/],
  [["rules", "--edition", "2020-05", "--sdk", "rtc-native", "--sdk", "rtc-native@2.3.0"], "--sdk", /selected twice with different versions/],
  [["rules", "--stack", "../etc/passwd"], "--stack", /not a stack name/],
  [["rules", "--stack", "nope"], "Pulumi.nope.yaml", /file not found/],
  [["rules"], "sdks", /select at least one SDK/],
  [["rules", "extra"], "arguments", /too many arguments/],
  [["check", "--edition", "2020-05", "--sdk", "rtc-native", "--protocol", "udp", "--dest", "a.io"], "--port", /is required/],
  [["check", "--edition", "2020-05", "--sdk", "rtc-native", "--protocol", "icmp", "--port", "1", "--dest", "a.io"], "--protocol", /'icmp' is invalid/],
  [["check", "--edition", "2020-05", "--sdk", "rtc-native", "--protocol", "udp", "--port", "0", "--dest", "a.io"], "--port", /not a port/],
  [["check", "--edition", "2020-05", "--sdk", "rtc-native", "--protocol", "udp", "--port", "65536", "--dest", "a.io"], "--port", /not a port/],
  [["check", "--edition", "2020-05", "--sdk", "rtc-native", "--protocol", "udp", "--port", "80", "--dest", "a b.io"], "--dest", /spaces/],
  [["check", "--edition", "2020-05", "--sdk", "rtc-native", "--protocol", "udp", "--port", "80", "--dest", "*.agora.io"], "--dest", /wildcard/],
  [["check", "--edition", "2020-05", "--sdk", "rtc-native", "--protocol", "udp", "--port", "80", "--dest", "10.0.0.300"], "--dest", /looks like an IP address/],
  [["check", "--edition", "2020-05", "--sdk", "rtc-native", "--protocol", "udp", "--port", "80", "--dest", "a.io", "--source-port", "x"], "--source-port", /not a port/],
  [["plan", "--edition", "2020-05", "--sdk", "rtc-native"], "--cloud", /is required/],
  [["plan", "--edition", "2020-05", "--sdk", "rtc-native", "--cloud", "gcp"], "--cloud", /'gcp' is invalid. Allowed choices are aws, azure/],
  [["plan", "--edition", "2020-05", "--sdk", "rtc-native", "--cloud", "aws"], "--cloud", /AWS target is not available/],
  [["catalog", "--edition", "1999"], "--edition", /unknown catalogue edition/],
  [["deploy"], "command", /unknown command 'deploy'/],
  [[], "command", /missing/],
];

describe("bad input exits 2 with one line naming the field", () => {
  it.each(BAD.map(([args, field, problem]) => [args.join(" "), args, field, problem] as const))(
    "%s", async (_label, args, field, problem) => {
      const r = await run([...args]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr.endsWith("\n")).toBe(true);
      expect(r.stderr.split("\n")).toHaveLength(2);
      expect(r.stderr.startsWith(`agora-egress: ${field}: `)).toBe(true);
      expect(r.stderr).toMatch(problem);
    },
  );
});

describe("other exits", () => {
  it("exits 1 with one line on an unexpected error", async () => {
    const r = await run(["plan", "--edition", "2020-05", "--cloud", "aws", "--sdk", "rtc-native"], {
      planners: { aws: () => { throw new TypeError("boom"); } },
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("agora-egress: internal error: boom\n");
  });

  it("prints help on stdout and exits 0", async () => {
    const r = await run(["rules", "--edition", "2020-05", "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Usage: agora-egress rules [options]");
    expect(r.stdout).toContain("--production-proxy <file>");
    const top = await run(["--help"]);
    expect(top.code).toBe(0);
    for (const c of ["rules", "check", "catalog", "summary", "plan"]) expect(top.stdout).toContain(c);
    for (const args of [["help"], ["help", "check"]]) {
      const r2 = await run(args);
      expect([r2.code, r2.stderr]).toEqual([0, ""]);
      expect(r2.stdout).toMatch(/^Usage: agora-egress/);
    }
  });

  it("prints the package version", async () => {
    const r = await run(["--version"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${require("../../package.json").version}\n`);
  });
});
