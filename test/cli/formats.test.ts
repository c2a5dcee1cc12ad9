import { allowLines } from "../../src/model/allow-lines";
import { csvField } from "../../src/cli/format/csv";
import { resolve } from "../../src/resolve";
import { jsonl, run } from "./run";

/** A minimal RFC 4180 reader, to check the CSV round-trips. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { row.push(field); field = ""; }
    else if (c === "\n") { row.push(field); rows.push(row); row = []; field = ""; }
    else field += c;
  }
  return rows;
}

describe("rules --format md", () => {
  it("renders Agora's Native table: destinations block, then ports | type | operation with a source", async () => {
    const r = await run(["rules", "--edition", "2020-05", "--sdk", "rtc-native"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain([
      "## Agora RTC SDK — Native SDK (`rtc-native`) — direct",
      "",
      "Add the following destinations and the corresponding ports to the firewall allowlist:",
      "",
      "```",
      "ap.agoraio.cn",
    ].join("\n"));
    expect(r.stdout).toContain("| Destination ports | Port type | Operation | Purpose | Source |");
    expect(r.stdout).toContain("| 1080; 8000; 9700; 25000; 30000 | TCP | Allow | RTC Native SDK | Firewall Requirements (2020-05-25), Agora RTC SDK / Native SDK, TCP |");
    expect(r.stdout).toContain("| 1080; 4000-4030; 7000; 8000; 8913; 9700; 25000 | UDP | Allow | RTC Native SDK | Firewall Requirements (2020-05-25), Agora RTC SDK / Native SDK, UDP |");
  });

  it("shows recording's local ports and its inbound range", async () => {
    const r = await run(["rules", "--edition", "2020-05", "--sdk", "recording"]);
    expect(r.stdout).toContain("| 1080; 7000; 8000; 8913; 9700; 25000 (from local ports 4000-4030) | UDP | Allow |");
    expect(r.stdout).toContain("| 40000-41000 | UDP | Allow inbound |");
    expect(r.stdout).toContain("lowUdpPort = 40000");
  });

  it("includes the application settings and the proxy domain for the cloud proxy", async () => {
    const r = await run(["rules", "--edition", "2020-05", "--sdk", "rtc-native", "--access", "cloud-proxy"]);
    expect(r.stdout).toContain('{"rtc.proxy_server":[1,"ap-proxy.agora.io",0]}');
    expect(r.stdout).toContain("- `ap-proxy.agora.io`");
  });
});

describe("rules --format csv", () => {
  it("has one row per sdk, direction, protocol, port range and destination, properly quoted", async () => {
    const r = await run(["rules", "--edition", "2020-05", "--sdk", "rtc-native,recording", "--format", "csv"]);
    expect(r.code).toBe(0);
    const rows = parseCsv(r.stdout);
    expect(rows[0]).toEqual(["sdk", "direction", "protocol", "ports", "destination", "sourcePorts", "purpose", "source"]);
    const resolution = resolve({ edition: "2020-05", sdks: ["rtc-native", "recording"] });
    const expectedRows = resolution.ruleSet.rules.reduce((n, rule) => n + rule.ports.length, 0);
    expect(rows.length - 1).toBe(expectedRows);
    expect(rows.every((row) => row.length === 8)).toBe(true);
    expect(rows).toContainEqual(["rtc-native", "egress", "udp", "4000-4030", "vocs1.agora.io", "", "RTC Native SDK",
      "Firewall Requirements (2020-05-25), Agora RTC SDK / Native SDK, UDP"]);
    expect(rows).toContainEqual(["recording", "egress", "udp", "8913", "qos.agoralab.co", "4000-4030",
      "On-premise Recording SDK duplex ports from local ports 4000-4030", "Firewall Requirements (2020-05-25), Agora On-premise Recording SDK, UDP"]);
    expect(rows).toContainEqual(["recording", "ingress", "udp", "40000-41000", "0.0.0.0/0", "",
      "On-premise Recording SDK simplex downstream ports (lowUdpPort-highUdpPort)",
      "Firewall Requirements (2020-05-25), Agora On-premise Recording SDK, UDP: simplex downstream ports (note)"]);
  });

  it("quotes fields with commas, quotes and line breaks", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a, b")).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
  });
});

describe("rules --format json", () => {
  it("gives the full resolution: allowlist (= the jsonl lines), rules with provenance, notes, settings", async () => {
    const args = ["rules", "--edition", "2020-05", "--sdk", "rtc-native,rtm-native", "--access", "cloud-proxy", "--direct-sdks", "rtm-native", "--proxy-type", "2"];
    const r = await run([...args, "--format", "json"]);
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout);
    expect(body.allowlist).toEqual(jsonl((await run([...args, "--format", "jsonl"])).stdout));
    expect(body.edition).toBe("2020-05");
    expect(body.notes).toEqual(["rtm-native reaches Agora directly (directSdks): its firewall whitelist applies, and every rule a target widens is listed under widenings."]);
    expect(body.selection.directSdks).toEqual(["rtm-native"]);
    expect(body.proxyDomains).toEqual([]);
    expect(body.appSettings[0].values).toEqual([
      '{"rtc.enable_proxy":true}',
      '{"rtc.proxy_server":[2,"[\\"47.74.211.17\\",\\"52.80.192.229\\",\\"52.52.84.170\\",\\"47.96.234.219\\"]",0]}',
    ]);
    expect(body.rules[0].provenance[0]).toMatchObject({ document: expect.any(String), revision: expect.any(String), seed: expect.any(Boolean) });
    expect(r.stderr).toBe("agora-egress: note: rtm-native reaches Agora directly (directSdks): its firewall whitelist applies, and every rule a target widens is listed under widenings.\n");
  });
});

describe("allowLines", () => {
  it("does not depend on the order of the selection", () => {
    const a = allowLines(resolve({ edition: "2020-05", sdks: ["gaming", "rtc-web@2.8.0", "recording"] }).ruleSet);
    const b = allowLines(resolve({ edition: "2020-05", sdks: ["recording", "gaming", "rtc-web@2.8.0"] }).ruleSet);
    expect(a).toEqual(b);
  });
});
