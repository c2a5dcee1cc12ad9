import { InputError, parseDestination, parsePortRange } from "../../src/model";
import { SelectionInput, resolve } from "../../src/resolve";

// Every bad input must end as an InputError naming the offending field, with a one-line
// message a person can act on: never a crash, never a raw ZodError.

const custom = (destination: string) => ({ customRules: [{ protocol: "tcp" as const, ports: [443], destinations: [destination] }] });
const customPorts = (...ports: (string | number)[]) => ({ customRules: [{ protocol: "tcp" as const, ports, destinations: ["example.com"] }] });
const production = (endpoints: unknown[], extra: Record<string, unknown> = {}) =>
  ({ edition: "2020-05", sdks: ["rtc-native"], access: "cloud-proxy", environment: "production", productionProxy: { endpoints, ...extra } }) as SelectionInput;
const endpoint = { protocol: "tcp", addresses: ["203.0.113.10"], ports: [443] };

const DEST = "customRules[0].destinations[0]";
const PORT = "customRules[0].ports[0]";

type Case = [label: string, input: unknown, field: string, problem: RegExp];

const selections: Case[] = [
  // SDKs and versions
  ["unknown SDK", { edition: "2020-05", sdks: ["rtc-ios"] }, "sdks[0]", /^unknown SDK "rtc-ios" \(known: rtc-native, rtc-web, rtm-native, rtm-web, recording, gaming\)$/],
  ["unknown SDK, second in the list", { edition: "2020-05", sdks: ["rtc-web", "webrtc"] }, "sdks[1]", /unknown SDK "webrtc"/],
  ["non-numeric version", { edition: "2020-05", sdks: ["rtc-web@abc"] }, "sdks[0]", /^"abc" is not a version number \(use e\.g\. 2\.9\.0\)$/],
  ["empty version after @", { edition: "2020-05", sdks: ["rtc-web@"] }, "sdks[0]", /^"rtc-web@" has an empty version after @$/],
  ["version with too many parts", { edition: "2020-05", sdks: ["rtc-web@1.2.3.4.5"] }, "sdks[0]", /"1\.2\.3\.4\.5" is not a version number/],
  ["empty version in object form", { edition: "2020-05", sdks: [{ id: "rtc-web", version: "" }] }, "sdks[0]", /"" is not a version number/],
  ["same SDK twice, different versions", { edition: "2020-05", sdks: ["rtc-web@2.8.0", "rtc-web@3.0.0"] }, "sdks[1]", /rtc-web is selected twice with different versions \(2\.8\.0 and 3\.0\.0\)/],
  ["same SDK with and without version", { edition: "2020-05", sdks: ["rtc-web@2.8.0", "rtc-web"] }, "sdks[1]", /different versions \(2\.8\.0 and latest\)/],
  ["SDK entry of the wrong type", { edition: "2020-05", sdks: [5] }, "sdks[0]", /expected an SDK id such as "rtc-web@2\.8\.0"/],
  ["sdks not a list", { edition: "2020-05", sdks: "rtc-web" }, "sdks", /expected array, received string/],
  ["empty selection", {}, "sdks", /^select at least one SDK \(known: rtc-native/],
  ["empty SDK list", { edition: "2020-05", sdks: [] }, "sdks", /select at least one SDK/],
  ["selection not an object", "rtc-web", "selection", /expected object, received string/],
  ["unknown key (strict schema)", { sdk: ["rtc-web"] }, "sdk", /^unknown key \(did you mean sdks\? known: sdks, access, environment, /],
  ["unknown key in an SDK object", { edition: "2020-05", sdks: [{ id: "rtc-web", versoin: "2.8.0" }] }, "sdks[0].versoin", /^unknown key \(did you mean version\? known: id, version\)$/],
  // modes
  ["unknown access mode", { edition: "2020-05", sdks: ["rtc-web"], access: "vpn" }, "access", /expected one of "direct"\|"cloud-proxy"/],
  ["unknown environment", { edition: "2020-05", sdks: ["rtc-web"], environment: "staging" }, "environment", /expected one of "test"\|"production"/],
  ["unknown proxy type", { edition: "2020-05", sdks: ["rtc-native"], access: "cloud-proxy", proxyType: 3 }, "proxyType", /^proxyType must be 1 \(cloud-proxy domain\) or 2 \(IP list\)$/],
  ["unknown edition", { sdks: ["rtc-web"], edition: "2019-01" }, "edition", /^unknown catalogue edition "2019-01" \(known: 2020-05, 2020-11, 2026-02\)$/],
  // cloud proxy
  ["rtc-native@2.3.0 via cloud proxy (below 2.4.0)", { edition: "2020-05", sdks: ["rtc-web", "rtc-native@2.3.0"], access: "cloud-proxy" }, "sdks[1]",
    /^rtc-native@2\.3\.0 has no cloud proxy \(needs 2\.4\.0 or later\); name it in directSdks or upgrade$/],
  ["recording@2.9.0 via cloud proxy (below 3.0.0)", { edition: "2020-05", sdks: ["recording@2.9.0"], access: "cloud-proxy" }, "sdks[0]", /recording@2\.9\.0 has no cloud proxy \(needs 3\.0\.0 or later\)/],
  ["rtc-web@2.5.0 via cloud proxy (below 2.5.1)", { edition: "2020-05", sdks: ["rtc-web@2.5.0"], access: "cloud-proxy" }, "sdks[0]", /needs 2\.5\.1 or later/],
  ["production without endpoints", { edition: "2020-05", sdks: ["rtc-native"], access: "cloud-proxy", environment: "production" }, "productionProxy",
    /^environment: production needs the production cloud-proxy endpoints Agora gave you: set productionProxy$/],
  ["production with an empty endpoint list", production([]), "productionProxy.endpoints", /list at least one production endpoint/],
  ["test endpoints given as production", production([{ protocol: "tcp", addresses: ["203.0.113.10", "47.74.211.17"], ports: [8000] }]),
    "productionProxy.endpoints[0].addresses[1]", /^47\.74\.211\.17 is one of Agora's published test endpoints, not a production endpoint$/],
  ["production endpoint with a bad address", production([{ ...endpoint, addresses: ["203.0.113"] }]), "productionProxy.endpoints[0].addresses[0]", /not an IPv4 address or CIDR/],
  ["production endpoint with port 0", production([{ ...endpoint, ports: [0] }]), "productionProxy.endpoints[0].ports[0]", /port 0 is outside 1-65535/],
  ["production endpoint for an unknown SDK", production([{ ...endpoint, sdks: ["rtc-ios"] }]), "productionProxy.endpoints[0].sdks[0]", /unknown SDK "rtc-ios"/],
  ["production endpoints that all belong to other SDKs", production([{ ...endpoint, sdks: ["rtc-web"] }]), "productionProxy.endpoints",
    /no endpoint applies to rtc-native/],
  ["production endpoint with an unknown key", production([{ ...endpoint, port: 443 }]), "productionProxy.endpoints[0].port", /^unknown key \(did you mean ports\? /],
  ["proxy_type 2 in production without proxyServers", { ...production([endpoint]), proxyType: 2 }, "productionProxy.proxyServers", /proxy_type 2 needs the list of cloud-proxy server addresses for rtc-native/],
  ["proxy server that is a network", { ...production([endpoint], { proxyServers: ["203.0.113.0/28"] }), proxyType: 2 }, "productionProxy.proxyServers[0]", /is a network; the SDK needs single server addresses/],
  ["productionProxy with direct access", { edition: "2020-05", sdks: ["rtc-native"], productionProxy: { endpoints: [endpoint] } }, "productionProxy", /^is only used with access: cloud-proxy and environment: production$/],
  // recording ports
  ["recording range too small for expectedChannels", { edition: "2020-05", sdks: ["recording"], recordingPorts: { low: 40000, high: 41000, expectedChannels: 300 } }, "recordingPorts",
    /^40000-41000 has 1001 ports, fewer than 4 × 300 expected channels = 1200$/],
  ["recording range overlapping local 4000-4030", { edition: "2020-05", sdks: ["recording"], recordingPorts: { low: 4030, high: 5030 } }, "recordingPorts",
    /overlaps the recording SDK's local ports 4000-4030/],
  ["recording range reversed", { edition: "2020-05", sdks: ["recording"], recordingPorts: { low: 41000, high: 40000 } }, "recordingPorts", /reversed \(write 40000-41000\)/],
  ["recording range beyond 65535", { edition: "2020-05", sdks: ["recording"], recordingPorts: { low: 60000, high: 70000 } }, "recordingPorts", /port 70000 is outside 1-65535/],
  ["recording range missing its high end", { edition: "2020-05", sdks: ["recording"], recordingPorts: { low: 40000 } }, "recordingPorts.high", /expected number, received undefined/],
  ["zero expected channels", { edition: "2020-05", sdks: ["recording"], recordingPorts: { low: 40000, high: 41000, expectedChannels: 0 } }, "recordingPorts.expectedChannels", /expected number to be >0/],
  ["recordingPorts without recording", { edition: "2020-05", sdks: ["rtc-native"], recordingPorts: { low: 40000, high: 41000 } }, "recordingPorts", /is set but the recording SDK is not selected/],
  // Through the cloud proxy recordingPorts applies too, but the sources are the proxy endpoints.
  ["recordingPorts.sources with recording via cloud proxy", { edition: "2020-05", sdks: ["recording"], access: "cloud-proxy", recordingPorts: { low: 40000, high: 41000, sources: ["198.51.100.0/24"] } },
    "recordingPorts.sources", /^through the cloud proxy the downstream media comes from the proxy endpoints, which are the sources; leave recordingPorts.sources out$/],
  // custom rule destinations
  ["CIDR octet above 255", custom("300.1.1.1"), DEST, /^"300\.1\.1\.1" is not an IPv4 address or CIDR$/],
  ["CIDR prefix above 32", custom("1.2.3.4/33"), DEST, /^"1\.2\.3\.4\/33" has an invalid prefix length$/],
  ["CIDR with empty prefix", custom("1.2.3.4/"), DEST, /invalid prefix length/],
  ["address with three octets", custom("1.2.3"), DEST, /"1\.2\.3" is not an IPv4 address or CIDR/],
  ["address with a leading zero (octal?)", custom("010.1.1.1"), DEST, /"010\.1\.1\.1" is not an IPv4 address or CIDR/],
  ["IPv6 address", custom("2001:db8::1"), DEST, /is IPv6; this catalogue and its targets use IPv4 addresses/],
  ["IPv6 network", custom("2001:db8::/32"), DEST, /is IPv6/],
  ["domain with a space", custom("ap1 .agora.io"), DEST, /contains spaces, control or non-ASCII characters/],
  ["domain in quotes", custom('"agora.io"'), DEST, /has an invalid label "\\"agora" \(letters, digits and inner hyphens only\)/],
  ["* in the middle", custom("ap*.agora.io"), DEST, /has a wildcard: write "\.example\.com" for a domain and all its subdomains/],
  ["leading *.", custom("*.agora.io"), DEST, /has a wildcard/],
  ["newline", custom("agora.io\nevil.com"), DEST, /^"agora\.io\\nevil\.com" contains spaces, control or non-ASCII characters/],
  ["semicolon", custom("agora.io;evil.com"), DEST, /invalid label "io;evil"/],
  ["label of 64 characters", custom(`${"a".repeat(64)}.agora.io`), DEST, /has a label longer than 63 characters/],
  ["name longer than 253 characters", custom(`${"abcdefghi.".repeat(25)}agora.io`), DEST, /is longer than 253 characters/],
  ["empty label", custom("a..b"), DEST, /"a\.\.b" has an empty label/],
  ["empty label after the subtree dot", custom("..agora.io"), DEST, /has an empty label/],
  ["single-label name", custom("localhost"), DEST, /"localhost" is not a fully qualified domain name/],
  ["host:port", custom("ap1.agora.io:443"), DEST, /invalid label "io:443"/],
  ["unicode look-alike", custom("\u0430gora.io"), DEST, /write internationalised names as xn-- punycode/],
  ["hex address", custom("0x7f.0.0.1"), DEST, /looks like an IP address, not a domain name/],
  // custom rule ports and shape
  ["port 0", customPorts(0), PORT, /^port 0 is outside 1-65535$/],
  ["port 65536", customPorts("65536"), PORT, /^port 65536 is outside 1-65535$/],
  ["reversed range", customPorts("4030-4000"), PORT, /^range "4030-4000" is reversed \(write 4000-4030\)$/],
  ["non-numeric port", customPorts("https"), PORT, /^"https" is not a port or port range \(use 8000 or 4000-4030\)$/],
  ["port range written with 'to'", customPorts("4000 to 4030"), PORT, /not a port or port range/],
  ["fractional port", customPorts(443.5), PORT, /not a port or port range/],
  ["second port bad", customPorts(443, "80-"), "customRules[0].ports[1]", /not a port or port range/],
  ["port of the wrong type", customPorts(true as unknown as number), "customRules[0].ports[0]", /expected a port or port range/],
  ["no ports", customPorts(), "customRules[0].ports", /list at least one port/],
  ["bad source port", { customRules: [{ protocol: "udp", ports: [443], sourcePorts: ["0"], destinations: ["example.com"] }] }, "customRules[0].sourcePorts[0]", /port 0 is outside/],
  ["unknown protocol", { customRules: [{ protocol: "icmp", ports: [443], destinations: ["example.com"] }] }, "customRules[0].protocol", /expected one of "tcp"\|"udp"/],
  ["unknown direction", { customRules: [{ direction: "both", protocol: "tcp", ports: [443], destinations: ["example.com"] }] }, "customRules[0].direction", /expected one of "egress"\|"ingress"/],
];

function thrown(run: () => unknown): InputError {
  try {
    run();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw new Error(`expected an InputError, got ${(e as Error)?.constructor?.name}: ${String(e)}`);
  }
  throw new Error("expected an InputError, but nothing was thrown");
}

function expectInputError(run: () => unknown, field: string, problem: RegExp): void {
  const error = thrown(run);
  expect({ field: error.field, problem: error.problem }).toEqual({ field, problem: expect.stringMatching(problem) });
  expect(error.message).toBe(`${field}: ${error.problem}`);
  expect(error.message).not.toMatch(/\n/); // one line, so the CLI can print it as is
}

it("has at least 30 bad selections", () => {
  expect(selections.length).toBeGreaterThanOrEqual(30);
});

describe("resolve() refuses bad selections", () => {
  it.each(selections)("%s", (_label, input, field, problem) => {
    expectInputError(() => resolve(input as SelectionInput), field, problem);
  });
});

describe("parseDestination and parsePortRange name the caller's field", () => {
  it.each<[string, () => unknown, string, RegExp]>([
    ["destination with two trailing dots", () => parseDestination("ap1.agora.io..", "--destination"), "--destination", /empty label/],
    ["destination that is only a dot", () => parseDestination(".", "--destination"), "--destination", /not an IPv4 address or CIDR/],
    ["destination that is not a string", () => parseDestination(42 as unknown as string, "row.destination"), "row.destination", /expected a domain or IPv4 address, got "42"/],
    ["empty port", () => parsePortRange("", "--port"), "--port", /^"" is not a port or port range/],
    ["negative port", () => parsePortRange(-1, "--port"), "--port", /"-1" is not a port or port range/],
    ["three-part range", () => parsePortRange("80-90-100", "--recording-ports"), "--recording-ports", /not a port or port range/],
    ["open-ended range", () => parsePortRange("40000-", "--recording-ports"), "--recording-ports", /not a port or port range/],
    ["range past 65535", () => parsePortRange("65000-65536"), "ports", /port 65536 is outside 1-65535/],
  ])("%s", (_label, run, field, problem) => {
    expectInputError(run, field, problem);
  });
});
