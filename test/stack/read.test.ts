import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { InputError, cidrContains } from "../../src/model";
import { readStackSelection, resolveStack } from "../../src/stack";

const REPO = path.join(__dirname, "..", "..");

function stackDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "agora-stack-"));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

/** The InputError `fn` throws, as "field | problem". */
function inputError(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof InputError) return `${err.field} | ${err.problem}`;
    throw err;
  }
  throw new Error("expected an InputError");
}

describe("the repository's stacks", () => {
  const test = readStackSelection(REPO, "test");
  const production = readStackSelection(REPO, "production");

  it("reads Pulumi.test.yaml as the default selection", () => {
    expect(test).toEqual({
      stack: "test",
      file: "Pulumi.test.yaml",
      selection: { edition: "2020-05", sdks: ["rtc-native", "recording", "rtm-native"], access: "cloud-proxy", directSdks: ["rtm-native"], environment: "test", proxyType: 1 },
      keys: ["access", "aws", "azure", "directSdks", "edition", "environment", "proxyType", "sdks"],
      aws: {
        securityGroups: { vpcId: "vpc-0123456789abcdef0" },
        networkFirewall: { homeNet: ["10.0.0.0/16"], createPolicy: true },
        dnsFirewall: { vpcIds: ["vpc-0123456789abcdef0"], blockOthers: true, failOpen: false },
      },
      azure: {
        resourceGroupName: "rg-agora-egress",
        location: "westeurope",
        nsg: {},
        firewallPolicy: { tier: "Standard", sourceAddresses: ["10.0.0.0/16"] },
        dnsSecurityPolicy: {
          virtualNetworkIds: ["/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-network/providers/Microsoft.Network/virtualNetworks/vnet-media"],
        },
      },
      secureKeys: [],
    });
    expect(resolveStack(test).ruleSet.rules.length).toBeGreaterThan(0);
  });

  it("differs in production only by the environment and the production endpoints", () => {
    const { environment, productionProxy, ...rest } = production.selection;
    const { environment: testEnvironment, ...testRest } = test.selection;
    expect(rest).toEqual(testRest);
    expect([production.aws, production.azure]).toEqual([test.aws, test.azure]);
    expect(production.keys.filter((k) => k !== "productionProxy")).toEqual(test.keys);
    expect([testEnvironment, environment]).toEqual(["test", "production"]);
    expect(productionProxy?.endpoints.length).toBeGreaterThan(0);
  });

  it("uses only documentation address ranges as example production endpoints", () => {
    const addresses = [
      ...production.selection.productionProxy!.endpoints.flatMap((e) => e.addresses),
      ...(production.selection.productionProxy!.proxyServers ?? []),
    ];
    expect(addresses.length).toBeGreaterThan(0);
    for (const a of addresses) expect(cidrContains("203.0.113.0/24", a) || cidrContains("198.51.100.0/24", a)).toBe(true);
    expect(fs.readFileSync(path.join(REPO, "Pulumi.production.yaml"), "utf8")).toMatch(/EXAMPLE ADDRESSES ONLY/);
  });

  it("resolves production to the example endpoints and no test endpoint", () => {
    const cidrs = resolveStack(production).ruleSet.rules.flatMap((r) => (r.destination.kind === "cidr" ? [r.destination.cidr] : []));
    expect(cidrs.length).toBeGreaterThan(0);
    expect(cidrs.every((c) => c.startsWith("203.0.113.") || c.startsWith("198.51.100."))).toBe(true);
  });
});

describe("readStackSelection errors name the file and the key", () => {
  const cases: [string, string, RegExp][] = [
    ["config:\n  agora-egress:sdk: [rtc-native]\n", "Pulumi.bad.yaml: agora-egress:sdk", /unknown key \(did you mean agora-egress:sdks\?/],
    ["config:\n  agora-egress:edition: \"2020-05\"\n  agora-egress:sdks: rtc-native\n", "Pulumi.bad.yaml: agora-egress:sdks", /expected array/],
    ["config:\n  agora-egress:access: vpn\n", "Pulumi.bad.yaml: agora-egress:access", /direct|cloud-proxy/],
    ["config:\n  agora-egress:proxyType: 3\n", "Pulumi.bad.yaml: agora-egress:proxyType", /must be 1 \(domain\) or 2 \(IP list\)/],
    ["config:\n  agora-egress:recordingPorts: {low: 40000}\n", "Pulumi.bad.yaml: agora-egress:recordingPorts.high", /expected number/],
    ["config:\n  agora-egress:aws: [1]\n", "Pulumi.bad.yaml: agora-egress:aws", /expected object/],
    ["config:\n  agora-egress:edition:\n", "Pulumi.bad.yaml: agora-egress:edition", /has no value/],
    [
      "config:\n  agora-egress:productionProxy:\n    endpoints:\n      - protocol: tcp\n        addresses: [203.0.113.1]\n        ports: [\"4000\", true]\n",
      "Pulumi.bad.yaml: agora-egress:productionProxy.endpoints[0].ports[1]", /port or port range/,
    ],
    [
      "config:\n  agora-egress:productionProxy:\n    endpoints:\n      - protocol: tcp\n        adresses: [203.0.113.1]\n        ports: [4000]\n",
      "Pulumi.bad.yaml: agora-egress:productionProxy.endpoints[0].adresses", /^unknown key \(did you mean addresses\? known: protocol, addresses, ports, purpose, sdks\)$/,
    ],
    ["config:\n  agora-egress:productionProxy:\n    secure: v1:AAAABBBB\n", "Pulumi.bad.yaml: agora-egress:productionProxy", /cannot be decrypted offline; pass the endpoints with --production-proxy FILE/],
    ["config:\n  agora-egress:aws:\n    vpcId:\n      secure: v1:AAAA\n", "Pulumi.bad.yaml: agora-egress:aws.vpcId", /Pulumi secret/],
    ["config:\n  sdks: [rtc-native]\n", "Pulumi.bad.yaml: sdks", /need a namespace \(write agora-egress:sdks\)/],
    ["config: [1, 2]\n", "Pulumi.bad.yaml: config", /map/],
    ["- 1\n", "Pulumi.bad.yaml", /must be a YAML map/],
    ["config:\n  agora-egress:sdks: [rtc-native\n", "Pulumi.bad.yaml", /is not valid YAML at line \d/],
    ["config:\n  agora-egress:sdks: [a]\n  agora-egress:sdks: [b]\n", "Pulumi.bad.yaml", /is not valid YAML at line 3, column 3: Map keys must be unique/],
  ];
  it.each(cases)("%j", (text, field, problem) => {
    const dir = stackDir({ "Pulumi.bad.yaml": text });
    const [f, p] = inputError(() => readStackSelection(dir, "bad")).split(" | ");
    expect(f).toBe(field);
    expect(p).toMatch(problem);
  });

  it("names the missing file", () => {
    expect(inputError(() => readStackSelection(stackDir({}), "staging"))).toMatch(/^Pulumi\.staging\.yaml \| file not found/);
  });

  it("names resolver errors after the stack key", () => {
    const dir = stackDir({
      "Pulumi.bad.yaml": [
        "config:",
        "  agora-egress:edition: \"2020-05\"",
        "  agora-egress:sdks: [rtc-native, rtc-web@1.x]",
        "",
      ].join("\n"),
      "Pulumi.prod.yaml": [
        "config:",
        "  agora-egress:edition: \"2020-05\"",
        "  agora-egress:sdks: [rtc-native]",
        "  agora-egress:access: cloud-proxy",
        "  agora-egress:environment: production",
        "  agora-egress:productionProxy:",
        "    endpoints:",
        "      - {protocol: udp, addresses: [203.0.113.1, 203.0.113.300], ports: [4500-4650]}",
        "",
      ].join("\n"),
      "Pulumi.noproxy.yaml": "config:\n  agora-egress:edition: \"2020-05\"\n  agora-egress:sdks: [rtc-native]\n  agora-egress:access: cloud-proxy\n  agora-egress:environment: production\n",
    });
    expect(inputError(() => resolveStack(readStackSelection(dir, "bad")))).toMatch(/^Pulumi\.bad\.yaml: agora-egress:sdks\[1\] \| "1\.x" is not a version number/);
    expect(inputError(() => resolveStack(readStackSelection(dir, "prod")))).toMatch(/^Pulumi\.prod\.yaml: agora-egress:productionProxy\.endpoints\[0\]\.addresses\[1\] \| /);
    expect(inputError(() => resolveStack(readStackSelection(dir, "noproxy")))).toMatch(/^Pulumi\.noproxy\.yaml: agora-egress:productionProxy \| agora-egress:environment: production needs the production cloud-proxy endpoints Agora gave you: set agora-egress:productionProxy$/);
  });

  it("leaves out a deferred secret and lists it", () => {
    const dir = stackDir({ "Pulumi.s.yaml": "config:\n  agora-egress:edition: \"2020-05\"\n  agora-egress:sdks: [rtc-native]\n  agora-egress:productionProxy:\n    secure: v1:xyz\n" });
    const s = readStackSelection(dir, "s", { deferSecrets: ["productionProxy"] });
    expect(s.secureKeys).toEqual(["productionProxy"]);
    expect(s.selection).toEqual({ edition: "2020-05", sdks: ["rtc-native"] });
    expect(inputError(() => resolveStack(s))).toMatch(/^Pulumi\.s\.yaml: agora-egress:productionProxy \| is a Pulumi secret/);
  });

  it("ignores other namespaces and Pulumi's own top-level keys, and accepts proxyType as a string", () => {
    const dir = stackDir({
      "Pulumi.ok.yaml": "encryptionsalt: v1:abc\nconfig:\n  aws:region: eu-west-1\n  azure-native:location: westeurope\n  agora-egress:edition: \"2020-05\"\n  agora-egress:sdks: [rtc-native]\n  agora-egress:proxyType: \"2\"\n",
    });
    const s = readStackSelection(dir, "ok");
    expect(s.selection).toEqual({ edition: "2020-05", sdks: ["rtc-native"], proxyType: 2 });
    expect(s.keys).toEqual(["edition", "proxyType", "sdks"]);
  });

  it("accepts a stack file with no config (and then asks for SDKs)", () => {
    const s = readStackSelection(stackDir({ "Pulumi.empty.yaml": "" }), "empty");
    expect(s.selection).toEqual({});
    expect(inputError(() => resolveStack(s))).toMatch(/^Pulumi\.empty\.yaml: agora-egress:sdks \| select at least one SDK/);
  });
});
