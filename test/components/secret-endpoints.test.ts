/**
 * Production endpoints given as Outputs (secrets): the components plan once the values are
 * known, create the same children as with plain values, keep every input that carries the
 * endpoints secret, and report bad values as a ResourceError on the component.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { AwsAgoraEgress, AwsNetworkFirewall } from "../../src/components/aws";
import { AzureAgoraEgress } from "../../src/components/azure";
import { AccessMode, AgoraEnvironment, ProxyEndpointArgs, ProxyType } from "../../src/args/selection-args";
import { isSecretInput, mockArn, settle, usePulumiMocks, value } from "../support/pulumi-mocks";

const mocks = usePulumiMocks({ stack: "production", state: (r) => ({ arn: mockArn(r.name) }) });

const ENDPOINTS: ProxyEndpointArgs[] = [
  { protocol: "tcp", addresses: ["203.0.113.10", "203.0.113.11"], ports: ["4000"], purpose: "Message data transmission" },
  { protocol: "udp", addresses: ["203.0.113.10", "203.0.113.11"], ports: ["4500-4650"], purpose: "Media data exchange" },
  { protocol: "tcp", addresses: ["198.51.100.20", "198.51.100.21"], ports: ["1080", "8000", "9700", "25000"], purpose: "Edge node communication" },
  { protocol: "udp", addresses: ["198.51.100.20", "198.51.100.21"], ports: ["1080", "8000", "9700", "25000"], purpose: "Edge node communication" },
];
const SERVERS = ["198.51.100.20", "198.51.100.21"];
/** Everything about the endpoints a plain input must not show. */
const PRIVATE = [/203\.0\.113\.\d+/, /198\.51\.100\.\d+/, /Message data transmission/, /Media data exchange/, /Edge node communication/];

const selection = {
  edition: "2020-05", sdks: ["rtc-native", "rtm-native"], directSdks: ["rtm-native"], access: AccessMode.CloudProxy, environment: AgoraEnvironment.Production, proxyType: ProxyType.IpList,
};
const awsTargets = {
  securityGroups: { vpcId: "vpc-1" }, networkFirewall: { createPolicy: true }, dnsFirewall: { vpcIds: ["vpc-1"], blockOthers: true },
};
const azureTargets = { resourceGroupName: "rg", nsg: {}, firewallPolicy: {}, dnsSecurityPolicy: {} };

/** A component's children with its name taken out, and secret inputs unwrapped: to compare with another component's. */
const unwrapped = (prefix: string) => mocks.childrenOf(prefix).map((r) => JSON.parse(JSON.stringify({
  type: r.type, name: r.name,
  inputs: Object.fromEntries(Object.entries(r.inputs).map(([k, v]) => [k, isSecretInput(v) ? (v as { value: unknown }).value : v])),
}).split(`${prefix}-`).join("X-")));
const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : 1);

/** The inputs of one component's children that are plain (not secret), as text. */
const plainInputs = (prefix: string) => mocks.childrenOf(prefix).flatMap((r) => Object.entries(r.inputs).filter(([, v]) => !isSecretInput(v)).map(([k, v]) => `${r.name}.${k}=${JSON.stringify(v)}`));

describe("production endpoints as a secret Output", () => {
  it("AwsAgoraEgress creates the same children as with plain endpoints, and every input carrying them is secret", async () => {
    const plain = new AwsAgoraEgress("aws-plain", { ...selection, ...awsTargets, productionEndpoints: ENDPOINTS, productionProxyServers: SERVERS });
    const secret = new AwsAgoraEgress("aws-secret", {
      ...selection, ...awsTargets, productionEndpoints: pulumi.secret(ENDPOINTS), productionProxyServers: pulumi.secret(SERVERS),
    });
    await settle();
    expect(mocks.childrenOf("aws-secret").length).toBeGreaterThan(10);
    expect(unwrapped("aws-secret").sort(byName)).toEqual(unwrapped("aws-plain").sort(byName));

    // The addresses, and the purposes in the descriptions, are secret; ports, protocols and group ids are not.
    const rules = mocks.childrenOf("aws-secret").filter((r) => r.type === "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule");
    const endpointRules = rules.filter((r) => isSecretInput(r.inputs.cidrIpv4));
    const addresses = ENDPOINTS.flatMap((e) => e.addresses.map((a) => `${a}/32`));
    expect(endpointRules.length).toBeGreaterThanOrEqual(addresses.length);
    expect(new Set(endpointRules.map((r) => (r.inputs.cidrIpv4 as { value: string }).value))).toEqual(new Set(addresses));
    for (const r of endpointRules) {
      expect(isSecretInput(r.inputs.description)).toBe(true);
      expect(isSecretInput(r.inputs.fromPort) || isSecretInput(r.inputs.ipProtocol) || isSecretInput(r.inputs.securityGroupId)).toBe(false);
    }
    // rtm-native keeps the direct whitelist: its widened rules carry nothing of the endpoints and stay plain.
    expect(rules.some((r) => r.inputs.cidrIpv4 === "0.0.0.0/0")).toBe(true);
    const [group] = mocks.childrenOf("aws-secret").filter((r) => r.type === "aws:networkfirewall/ruleGroup:RuleGroup");
    expect(isSecretInput(group.inputs.ruleGroup)).toBe(true);
    expect(group.inputs.capacity).toBe(100);
    for (const text of plainInputs("aws-secret")) for (const p of PRIVATE) expect(text).not.toMatch(p);
    // The plain component's inputs do show them: the secrecy comes from the Output.
    expect(plainInputs("aws-plain").some((t) => t.includes("203.0.113.10"))).toBe(true);

    // Outputs: the report follows the endpoints' secrecy, ids do not.
    expect(await pulumi.isSecret(secret.appSettings)).toBe(true);
    expect(await pulumi.isSecret(secret.widenings)).toBe(true);
    expect(await pulumi.isSecret(secret.quotas)).toBe(false);
    expect(await pulumi.isSecret(secret.securityGroupIds)).toBe(false);
    expect(await value(secret.appSettings)).toEqual(await value(plain.appSettings));
    expect(JSON.stringify(await value(secret.appSettings))).toContain("198.51.100.20");
    expect(await value(secret.quotas)).toEqual(await value(plain.quotas));
    expect(await value(secret.securityGroupIds)).toEqual(["aws-secret-sg-group-0-id"]);
    expect(await value(secret.ruleGroupArn)).toBe("arn:aws:mock:::aws-secret-nfw-rule-group");
    expect(await value(secret.dnsFirewallAssociationIds)).toEqual(["aws-secret-dnsfw-association-vpc-1-id"]);
  });

  it("AwsNetworkFirewall keeps its rulesString output secret", async () => {
    const c = new AwsNetworkFirewall("nfw-secret", { ...selection, productionEndpoints: pulumi.secret(ENDPOINTS), productionProxyServers: SERVERS });
    expect(await pulumi.isSecret(c.rulesString)).toBe(true);
    expect(await value(c.rulesString)).toContain("203.0.113.10/32");
    expect(await pulumi.isSecret(c.ruleGroupArn)).toBe(false);
  });

  it("AzureAgoraEgress: IP Groups' addresses and NSG rules' prefixes are secret, names and priorities are the plain plan's", async () => {
    new AzureAgoraEgress("az-plain", { ...selection, ...azureTargets, productionEndpoints: ENDPOINTS, productionProxyServers: SERVERS });
    const secret = new AzureAgoraEgress("az-secret", { ...selection, ...azureTargets, productionEndpoints: pulumi.secret(ENDPOINTS), productionProxyServers: SERVERS });
    await settle();
    expect(unwrapped("az-secret").sort(byName)).toEqual(unwrapped("az-plain").sort(byName));
    const ipGroups = mocks.childrenOf("az-secret").filter((r) => r.type === "azure-native:network:IpGroup");
    expect(ipGroups.length).toBe(2);
    for (const g of ipGroups) expect(isSecretInput(g.inputs.ipAddresses)).toBe(true);
    const addressRules = mocks.childrenOf("az-secret").filter((r) => r.type === "azure-native:network:SecurityRule" && r.name.includes("addresses"));
    expect(addressRules.length).toBeGreaterThan(0);
    for (const r of addressRules) {
      expect(isSecretInput(r.inputs.destinationAddressPrefixes)).toBe(true);
      expect(isSecretInput(r.inputs.priority)).toBe(false);
    }
    for (const text of plainInputs("az-secret")) for (const p of PRIVATE) expect(text).not.toMatch(p);
    expect(await pulumi.isSecret(secret.ipGroupIds)).toBe(false);
    expect(await value(secret.ipGroupIds)).toHaveLength(2);
  });

  it("an Output that is not secret creates the same children, with nothing secret", async () => {
    new AwsAgoraEgress("aws-output", { ...selection, ...awsTargets, productionEndpoints: pulumi.output(ENDPOINTS), productionProxyServers: pulumi.output(SERVERS) });
    await settle();
    expect(unwrapped("aws-output").sort(byName)).toEqual(unwrapped("aws-plain").sort(byName));
    expect(mocks.childrenOf("aws-output").every((r) => Object.values(r.inputs).every((v) => !isSecretInput(v)))).toBe(true);
  });

  it("rows given one by one as Outputs are planned the same", async () => {
    new AwsAgoraEgress("aws-rows", { ...selection, ...awsTargets, productionEndpoints: ENDPOINTS.map((e) => pulumi.secret(e)), productionProxyServers: SERVERS });
    await settle();
    expect(unwrapped("aws-rows").sort(byName)).toEqual(unwrapped("aws-plain").sort(byName));
  });

  it("refuses bad endpoint values with one ResourceError on the component, naming the arg, before any child", () => {
    // In a process of its own: the error reaches Pulumi's runner as an unhandled rejection, which jest would take for a failure.
    const r = spawnSync(process.execPath, ["-r", "./test/determinism/ts-register.js", "test/components/children/bad-secret-endpoints.ts"], {
      cwd: join(__dirname, "..", ".."), encoding: "utf8",
    });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      // One distinct error (the runner prints each once), a diagnostic on the component without a stack, the arg path first.
      errors: [{
        resourceError: true, onComponent: true, hideStack: true,
        message: 'args.productionEndpoints[0].addresses[0]: "203.0.113.300" is not an IPv4 address or CIDR',
      }],
      registered: ["agora-egress:index:AwsAgoraEgress::egress"],
    });
  }, 60_000);

  it("checks the rest of the args at construction, as with plain endpoints", () => {
    expect(() => new AwsAgoraEgress("aws-bad-sdk", { ...selection, sdks: ["rtc-nativ"], ...awsTargets, productionEndpoints: pulumi.secret(ENDPOINTS) }))
      .toThrow(/^AwsAgoraEgress "aws-bad-sdk": args\.sdks\[0\]: unknown SDK "rtc-nativ"/);
    expect(() => new AwsAgoraEgress("aws-bad-key", { ...selection, ...awsTargets, productionEndpoints: pulumi.secret(ENDPOINTS), ...{ proxyTyp: "ip-list" } }))
      .toThrow(/^AwsAgoraEgress "aws-bad-key": args\.proxyTyp: unknown key \(did you mean proxyType\? /);
    expect(mocks.registered.filter((r) => r.name.startsWith("aws-bad-"))).toEqual([]);
  });
});
