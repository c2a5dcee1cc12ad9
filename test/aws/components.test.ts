import * as pulumi from "@pulumi/pulumi";
import { resolve } from "../../src/resolve";
import {
  AwsAgoraEgress, AwsDnsFirewall, AwsNetworkFirewall, AwsSecurityGroupSettings, AwsSecurityGroups, DnsRedirectionAction, StatefulDefaultAction,
} from "../../src/components/aws";
import { renderAwsPlan, renderDnsFirewall, renderNetworkFirewallRules, renderSecurityGroupRules } from "../../src/renderers/aws";
import { Plan, parseRef } from "../../src/renderers/plan";
import { AccessMode, AgoraEnvironment, CloudProxyMode } from "../../src/args/selection-args";
import { ALL_SDKS, productionSelection } from "./helpers";
import { Registration, mockArn, settle, usePulumiMocks, value } from "../support/pulumi-mocks";

const mocks = usePulumiMocks({ state: (r) => ({ arn: mockArn(r.name) }) });
type Child = Pick<Registration, "type" | "name" | "inputs">;

/** The plan's specs as the mocks must see them: names prefixed, `${name.output}` replaced by the mock's values. */
function expectedRegistrations(plan: Plan, prefix: string, external: Record<string, string>): Child[] {
  const fill = (v: unknown): unknown => {
    if (typeof v === "string") {
      const r = parseRef(v);
      if (!r) return v;
      if (external[r.name] !== undefined) return external[r.name];
      return r.output === "id" ? `${prefix}-${r.name}-id` : mockArn(`${prefix}-${r.name}`);
    }
    if (Array.isArray(v)) return v.map(fill);
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fill(x)]));
    return v;
  };
  return plan.resources.map((r) => ({ type: r.type, name: `${prefix}-${r.name}`, inputs: fill(r.inputs) as Record<string, unknown> }));
}

/** The custom resources one component registered (by its name prefix), in registration order. */
function childrenOf(prefix: string): Child[] {
  return mocks.childrenOf(prefix).map(({ type, name, inputs }) => ({ type, name, inputs }));
}

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : 1);

async function expectExactly(prefix: string, componentType: string, plan: Plan, external: Record<string, string>): Promise<void> {
  await settle();
  expect(mocks.registered.filter((r) => !r.custom && r.name === prefix).map((r) => r.type)).toEqual([componentType]);
  expect(childrenOf(prefix).sort(byName)).toEqual(expectedRegistrations(plan, prefix, external).sort(byName));
  expect(new Set(mocks.childrenOf(prefix).map((r) => r.parent))).toEqual(new Set([prefix]));
}

describe("AWS components create exactly the planned specs", () => {
  it("AwsAgoraEgress: edition 2026-02 (the default), Native Force TCP in India and Signaling Native direct, every target", async () => {
    const c = new AwsAgoraEgress("current", {
      sdks: ["rtc-native", "rtm-native"], access: AccessMode.CloudProxy, directSdks: ["rtm-native"],
      proxyMode: CloudProxyMode.ForceTcp, regions: ["india"],
      securityGroups: { vpcId: "vpc-123" },
      networkFirewall: { createPolicy: true, homeNet: ["10.0.0.0/16"] },
      dnsFirewall: { vpcIds: ["vpc-123"], blockOthers: true },
    });
    const resolution = resolve({ sdks: ["rtc-native", "rtm-native"], access: "cloud-proxy", directSdks: ["rtm-native"], proxyMode: "force-tcp", regions: ["india"] });
    expect(resolution.edition).toBe("2026-02");
    const plan = renderAwsPlan(resolution, {
      securityGroups: { vpcId: "${vpc.id}" },
      networkFirewall: { createPolicy: true, homeNet: ["10.0.0.0/16"] },
      dnsFirewall: { vpcIds: ["vpc-123"], blockOthers: true },
    });
    await expectExactly("current", "agora-egress:index:AwsAgoraEgress", plan, { vpc: "vpc-123" });
    expect((await value(c.widenings)).length).toBe(plan.widenings.length);
    // The stream channel's UDP 4001-4150 to any address is reported on each target that renders it.
    expect(plan.widenings.filter((w) => w.rule === "udp 4001-4150 → 0.0.0.0/0").map((w) => w.target).sort())
      .toEqual(["aws-network-firewall", "aws-security-group"]);
    expect((await value(c.appSettings)).map((s: { values: string[] }) => s.values[0])).toEqual([expect.stringMatching(/^setCloudProxy\(TCP_PROXY\)/)]);
  });

  it("AwsAgoraEgress: all six SDKs direct, every target", async () => {
    const c = new AwsAgoraEgress("all-direct", {
      edition: "2020-05", sdks: [...ALL_SDKS].reverse(),
      securityGroups: { vpcId: "vpc-123" },
      networkFirewall: { createPolicy: true, homeNet: ["10.0.0.0/16"] },
      dnsFirewall: { vpcIds: ["vpc-123"], blockOthers: true },
    });
    const plan = renderAwsPlan(resolve({ edition: "2020-05", sdks: ALL_SDKS }), {
      securityGroups: { vpcId: "${vpc.id}" },
      networkFirewall: { createPolicy: true, homeNet: ["10.0.0.0/16"] },
      dnsFirewall: { vpcIds: ["vpc-123"], blockOthers: true },
    });
    await expectExactly("all-direct", "agora-egress:index:AwsAgoraEgress", plan, { vpc: "vpc-123" });
    expect(await value(c.securityGroupIds)).toEqual(["all-direct-sg-group-0-id"]);
    expect(await value(c.ruleGroupArn)).toBe("arn:aws:mock:::all-direct-nfw-rule-group");
    expect(await value(c.firewallPolicyArn)).toBe("arn:aws:mock:::all-direct-nfw-policy");
    expect(await value(c.dnsFirewallRuleGroupId)).toBe("all-direct-dnsfw-rule-group-id");
    expect(await value(c.dnsFirewallAssociationIds)).toEqual(["all-direct-dnsfw-association-vpc-123-id"]);
    expect((await value(c.widenings)).length).toBe(plan.widenings.length);
    expect(await value(c.quotas)).toEqual(plan.quotas);
  });

  describe("rtc-native + recording via the test cloud proxy", () => {
    const selection = { edition: "2020-05", sdks: ["rtc-native", "recording"], access: AccessMode.CloudProxy };
    const resolution = resolve({ edition: "2020-05", sdks: ["rtc-native", "recording"], access: "cloud-proxy" });

    it("AwsSecurityGroups with proxy prefix lists", async () => {
      const c = new AwsSecurityGroups("proxy-sg", { ...selection, vpcId: pulumi.output("vpc-9"), proxyPrefixLists: true });
      await expectExactly("proxy-sg", "agora-egress:index:AwsSecurityGroups", renderSecurityGroupRules(resolution, { vpcId: "${vpc.id}", proxyPrefixLists: true }), { vpc: "vpc-9" });
      expect(await value(c.prefixListIds)).toHaveLength(2);
      // Recording: enableCloudProxy, then lowUdpPort/highUdpPort for its ingress rule from the proxy endpoints.
      expect((await value(c.appSettings)).map((s) => [s.sdk, s.values])).toEqual([
        ["recording", ["enableCloudProxy = true"]], ["recording", ["lowUdpPort = 40000", "highUdpPort = 41000"]],
        ["rtc-native", [String.raw`{"rtc.enable_proxy":true}`, String.raw`{"rtc.proxy_server":[1,"ap-proxy.agora.io",0]}`]],
      ]);
    });

    it("AwsNetworkFirewall", async () => {
      const c = new AwsNetworkFirewall("proxy-nfw", { ...selection, createPolicy: true, statefulDefaultAction: StatefulDefaultAction.DropStrict });
      await expectExactly("proxy-nfw", "agora-egress:index:AwsNetworkFirewall",
        renderNetworkFirewallRules(resolution, { createPolicy: true, statefulDefaultAction: StatefulDefaultAction.DropStrict }), {});
      expect(await value(c.rulesString)).toContain("pass udp $HOME_NET any -> [120.92.18.162/32,120.92.118.34/32] 4500:4650");
    });

    it("AwsDnsFirewall with a VPC id that is an output", async () => {
      const c = new AwsDnsFirewall("proxy-dns", { ...selection, vpcs: { app: pulumi.output("vpc-app") }, redirectionAction: DnsRedirectionAction.Trust });
      const plan = renderDnsFirewall(resolution, { vpcIds: ["${vpc-app.id}"], redirectionAction: DnsRedirectionAction.Trust });
      await expectExactly("proxy-dns", "agora-egress:index:AwsDnsFirewall", plan, { "vpc-app": "vpc-app" });
      expect(childrenOf("proxy-dns").find((r) => r.type.endsWith("ResolverFirewallDomainList"))!.inputs.domains).toEqual(["ap-proxy.agora.io"]);
      expect(await value(c.dnsFirewallAssociationIds)).toHaveLength(1);
    });
  });

  it("AwsSecurityGroups: production with 40 endpoint addresses is sharded, and every group id is exposed", async () => {
    const production = productionSelection(40);
    const c = new AwsSecurityGroups("prod-sg", {
      edition: "2020-05", sdks: production.sdks as string[], access: AccessMode.CloudProxy, environment: AgoraEnvironment.Production,
      productionEndpoints: production.productionProxy!.endpoints.map((e) => ({ ...e, ports: e.ports.map(String) })), vpcId: "vpc-prod",
    });
    const plan = renderSecurityGroupRules(resolve(production), { vpcId: "${vpc.id}" });
    await expectExactly("prod-sg", "agora-egress:index:AwsSecurityGroups", plan, { vpc: "vpc-prod" });
    expect(await value(c.securityGroupIds)).toEqual(["prod-sg-sg-group-0-id", "prod-sg-sg-group-1-id"]);
  });

  it("AwsSecurityGroups: rules added to an existing security group", async () => {
    const c = new AwsSecurityGroups("existing-sg", { edition: "2020-05", sdks: ["rtc-web"], existingSecurityGroupId: pulumi.output("sg-0existing") });
    const plan = renderSecurityGroupRules(resolve({ edition: "2020-05", sdks: ["rtc-web"] }), { existingSecurityGroupId: "${existing-security-group.id}" });
    await expectExactly("existing-sg", "agora-egress:index:AwsSecurityGroups", plan, { "existing-security-group": "sg-0existing" });
    expect(childrenOf("existing-sg").some((r) => r.type === "aws:ec2/securityGroup:SecurityGroup")).toBe(false);
    expect(await value(c.securityGroupIds)).toEqual(["sg-0existing"]);
  });

  it("adding a non-overlapping SDK leaves every existing child's name and inputs alone (the one rule group and domain list update in place)", async () => {
    const settings = { securityGroups: { vpcId: "vpc-1" }, networkFirewall: {}, dnsFirewall: { vpcIds: ["vpc-1"] } };
    new AwsAgoraEgress("grow", { edition: "2020-05", sdks: ["rtc-native"], ...settings });
    await settle();
    const before = childrenOf("grow");
    new AwsAgoraEgress("grow2", { edition: "2020-05", sdks: ["rtc-web", "rtc-native"], ...settings });
    await settle();
    const after = new Map(childrenOf("grow2").map((r) => JSON.parse(JSON.stringify(r).replace(/grow2-/g, "grow-"))).map((r) => [r.name, r]));
    for (const r of before) {
      const now = after.get(r.name);
      expect(now?.type).toBe(r.type);
      if (r.type.endsWith(":RuleGroup")) expect(now!.inputs.capacity).toBe(r.inputs.capacity);
      else if (!r.type.endsWith(":ResolverFirewallDomainList")) expect(now).toEqual(r);
    }
  });

  describe("bad input: a one-line RunError naming the component and the arg, and no resource", () => {
    const production = () => productionSelection(40).productionProxy!.endpoints.map((e) => ({ ...e, ports: e.ports.map(String) }));
    it.each([
      ["no VPC and no existing group", () => new AwsSecurityGroups("bad1", { edition: "2020-05", sdks: ["gaming"] }),
        'AwsSecurityGroups "bad1": args.vpcId: give vpcId (to create security groups) or existingSecurityGroupId (to add rules to one)'],
      ["no VPC, umbrella", () => new AwsAgoraEgress("bad1u", { edition: "2020-05", sdks: ["gaming"], securityGroups: {} }),
        'AwsAgoraEgress "bad1u": args.securityGroups.vpcId: give vpcId (to create security groups) or existingSecurityGroupId (to add rules to one)'],
      ["too many groups needed", () => new AwsSecurityGroups("bad2", {
        edition: "2020-05", sdks: ["rtc-native"], access: AccessMode.CloudProxy, environment: AgoraEnvironment.Production, vpcId: "vpc-1", maxGroupsPerInterface: 1,
        productionEndpoints: production(),
      }), /^AwsSecurityGroups "bad2": args\.maxGroupsPerInterface: the rules need more than 1 security groups/],
      ["association priority out of range", () => new AwsAgoraEgress("bad3", { edition: "2020-05", sdks: ["gaming"], dnsFirewall: { vpcIds: ["vpc-1"], associationPriority: 9000 } }),
        /^AwsAgoraEgress "bad3": args\.dnsFirewall\.associationPriority: /],
      ["no target", () => new AwsAgoraEgress("bad4", { edition: "2020-05", sdks: ["gaming"] }), 'AwsAgoraEgress "bad4": args: set at least one of securityGroups, networkFirewall and dnsFirewall'],
      ["unknown SDK", () => new AwsNetworkFirewall("bad5", { edition: "2020-05", sdks: ["rtc-nativ"] }), /^AwsNetworkFirewall "bad5": args\.sdks\[0\]: unknown SDK "rtc-nativ"/],
      ["bad VPC name", () => new AwsDnsFirewall("bad6", { edition: "2020-05", sdks: ["gaming"], vpcs: { "a.b": "vpc-1" } }),
        'AwsDnsFirewall "bad6": args.vpcs: "a.b" is not a valid VPC name (1-40 letters, digits, - and _)'],
      // Unknown keys anywhere are refused with the nearest known key, never dropped.
      ["a misspelt DNS Firewall setting (blockOther would block nothing)", () => new AwsAgoraEgress("bad7", { edition: "2020-05", sdks: ["gaming"], dnsFirewall: { vpcIds: ["vpc-1"], ...{ blockOther: true } } }),
        /^AwsAgoraEgress "bad7": args\.dnsFirewall\.blockOther: unknown key \(did you mean blockOthers\? known: vpcIds, vpcs, /],
      ["vpcID for vpcId", () => new AwsAgoraEgress("bad8", { edition: "2020-05", sdks: ["gaming"], securityGroups: { vpcID: "vpc-1" } as AwsSecurityGroupSettings }),
        /^AwsAgoraEgress "bad8": args\.securityGroups\.vpcID: unknown key \(did you mean vpcId\? /],
      ["settings that are no object", () => new AwsAgoraEgress("bad8b", { edition: "2020-05", sdks: ["gaming"], networkFirewall: true as unknown as {} }),
        'AwsAgoraEgress "bad8b": args.networkFirewall: expected an object of settings ({} for the defaults)'],
      ["a misspelt target", () => new AwsAgoraEgress("bad9", { edition: "2020-05", sdks: ["gaming"], ...{ securityGroup: { vpcId: "vpc-1" } } }),
        /^AwsAgoraEgress "bad9": args\.securityGroup: unknown key \(did you mean securityGroups\? /],
      ["a misspelt flat setting", () => new AwsNetworkFirewall("bad10", { edition: "2020-05", sdks: ["gaming"], ...{ homeNets: ["10.0.0.0/8"] } }),
        /^AwsNetworkFirewall "bad10": args\.homeNets: unknown key \(did you mean homeNet\? /],
      ["a misspelt selection arg", () => new AwsSecurityGroups("bad11", { edition: "2020-05", sdks: ["gaming"], vpcId: "vpc-1", ...{ acess: "direct" } }),
        /^AwsSecurityGroups "bad11": args\.acess: unknown key \(did you mean access\? /],
      ["a misspelt endpoint field", () => new AwsSecurityGroups("bad12", {
        edition: "2020-05", sdks: ["rtc-native"], access: AccessMode.CloudProxy, environment: AgoraEnvironment.Production, vpcId: "vpc-1",
        productionEndpoints: [{ protocol: "udp", addresses: ["203.0.113.5"], ports: ["4500-4650"], ...{ purpse: "media" } }],
      }), /^AwsSecurityGroups "bad12": args\.productionEndpoints\[0\]\.purpse: unknown key \(did you mean purpose\? /],
      // Resolver errors in component terms: the arg path, and what to set.
      ["production without endpoints", () => new AwsSecurityGroups("bad13", { edition: "2020-05", sdks: ["rtc-native"], access: AccessMode.CloudProxy, environment: AgoraEnvironment.Production, vpcId: "vpc-1" }),
        'AwsSecurityGroups "bad13": args.productionEndpoints: args.environment: "production" needs the production cloud-proxy endpoints Agora gave you: set args.productionEndpoints'],
      ["a bad endpoint address", () => new AwsSecurityGroups("bad14", {
        edition: "2020-05", sdks: ["rtc-native"], access: AccessMode.CloudProxy, environment: AgoraEnvironment.Production, vpcId: "vpc-1",
        productionEndpoints: [{ protocol: "udp", addresses: ["203.0.113.300"], ports: ["4500-4650"] }],
      }), /^AwsSecurityGroups "bad14": args\.productionEndpoints\[0\]\.addresses\[0\]: /],
      ["endpoints outside production", () => new AwsSecurityGroups("bad15", {
        edition: "2020-05", sdks: ["rtc-native"], vpcId: "vpc-1", productionEndpoints: [{ protocol: "udp", addresses: ["203.0.113.5"], ports: ["4500-4650"] }],
      }), 'AwsSecurityGroups "bad15": args.productionEndpoints: is only used with args.access: "cloud-proxy" and args.environment: "production"'],
      ["a proxy server that is a network", () => new AwsSecurityGroups("bad16", {
        edition: "2020-05", sdks: ["rtc-native"], access: AccessMode.CloudProxy, environment: AgoraEnvironment.Production, vpcId: "vpc-1",
        productionEndpoints: [{ protocol: "udp", addresses: ["203.0.113.5"], ports: ["4500-4650"] }], productionProxyServers: ["203.0.113.0/24"],
      }), /^AwsSecurityGroups "bad16": args\.productionProxyServers\[0\]: "203\.0\.113\.0\/24" is a network/],
      ["a recording range too small", () => new AwsSecurityGroups("bad17", {
        edition: "2020-05", sdks: ["recording"], vpcId: "vpc-1", recordingLowUdpPort: 40000, recordingHighUdpPort: 40010, recordingExpectedChannels: 10,
      }), /^AwsSecurityGroups "bad17": args\.recordingLowUdpPort: 40000-40010 has 11 ports, fewer than/],
    ])("%s", async (_, build, error) => {
      expect(build).toThrow(pulumi.RunError);
      expect(build).toThrow(error as string | RegExp);
      if (typeof error === "string") {
        try {
          build();
        } catch (err) {
          expect((err as Error).message).toBe(error);
        }
      }
      await settle();
      expect(mocks.registered.filter((r) => r.name.startsWith("bad"))).toEqual([]);
    });
  });
});
