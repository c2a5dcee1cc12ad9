import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { planners } from "../../src/cli/planners";
import { z } from "zod";
import type { AgoraSelectionArgs } from "../../src/args/selection-args";
import type { AwsAgoraEgressArgs } from "../../src/components/aws";
import type { AzureAgoraEgressArgs } from "../../src/components/azure";
import { InputError } from "../../src/model";
import { ALL_AWS_TARGETS } from "../../src/renderers/aws";
import { AwsTargetConfig, AzureTargetConfig, awsPlanInputs, azurePlanOptions, readStackSelection } from "../../src/stack";
import { run } from "../cli/run";

function stackDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "agora-targets-"));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

// RTM has no cloud proxy: it reaches Agora directly only because directSdks names it.
const stackWith = (target: string) => `config:\n  agora-egress:edition: \"2020-05\"\n  agora-egress:sdks: [rtc-native, rtm-native]\n  agora-egress:access: cloud-proxy\n  agora-egress:directSdks: [rtm-native]\n${target}`;

function readError(target: string): string {
  const dir = stackDir({ "Pulumi.bad.yaml": stackWith(target) });
  try {
    readStackSelection(dir, "bad");
  } catch (err) {
    if (err instanceof InputError) return `${err.field} | ${err.problem}`;
    throw err;
  }
  throw new Error("expected an InputError");
}

describe("agora-egress:aws and agora-egress:azure are typed when the stack is read", () => {
  const cases: [string, string, RegExp][] = [
    ["  agora-egress:aws:\n    securityGroup: {}\n", "Pulumi.bad.yaml: agora-egress:aws.securityGroup", /^unknown key \(did you mean securityGroups\? known: securityGroups, networkFirewall, dnsFirewall\)$/],
    ["  agora-egress:aws:\n    securityGroups: {vpcId: 5}\n", "Pulumi.bad.yaml: agora-egress:aws.securityGroups.vpcId", /expected string/],
    ["  agora-egress:aws:\n    securityGroups: {ipv6: true}\n", "Pulumi.bad.yaml: agora-egress:aws.securityGroups.vpcId", /give vpcId \(to create security groups\) or existingSecurityGroupId/],
    ["  agora-egress:aws: {}\n", "Pulumi.bad.yaml: agora-egress:aws", /turn on at least one AWS target: securityGroups, networkFirewall or dnsFirewall/],
    ["  agora-egress:aws:\n    securityGroups: {vpcid: vpc-1}\n", "Pulumi.bad.yaml: agora-egress:aws.securityGroups.vpcid", /^unknown key \(did you mean vpcId\? /],
    ["  agora-egress:aws:\n    securityGroups: {vpcId: vpc-1, maxRulesPerGroup: 0}\n", "Pulumi.bad.yaml: agora-egress:aws.securityGroups.maxRulesPerGroup", />=1/],
    ["  agora-egress:aws:\n    networkFirewall: {statefulDefaultAction: drop}\n", "Pulumi.bad.yaml: agora-egress:aws.networkFirewall.statefulDefaultAction", /aws:drop_established/],
    ["  agora-egress:aws:\n    networkFirewall: {homeNet: []}\n", "Pulumi.bad.yaml: agora-egress:aws.networkFirewall.homeNet", />=1/],
    ["  agora-egress:aws:\n    dnsFirewall: {vpcIds: [vpc-1, \"\"]}\n", "Pulumi.bad.yaml: agora-egress:aws.dnsFirewall.vpcIds[1]", />=1/],
    ["  agora-egress:aws:\n    dnsFirewall: {failOpen: \"yes\"}\n", "Pulumi.bad.yaml: agora-egress:aws.dnsFirewall.failOpen", /expected boolean/],
    ["  agora-egress:azure:\n    nsg: {}\n", "Pulumi.bad.yaml: agora-egress:azure.resourceGroupName", /expected string/],
    ["  agora-egress:azure:\n    resourceGroupName: rg\n", "Pulumi.bad.yaml: agora-egress:azure", /turn on at least one Azure control: nsg, firewallPolicy or dnsSecurityPolicy/],
    ["  agora-egress:azure:\n    resourceGroupName: rg\n    nsg: {firstPriority: 1000.5}\n", "Pulumi.bad.yaml: agora-egress:azure.nsg.firstPriority", /expected int/],
    ["  agora-egress:azure:\n    resourceGroupName: rg\n    nsg: {existingNetworkSecurityGroupId: nsg-1}\n", "Pulumi.bad.yaml: agora-egress:azure.nsg.existingNetworkSecurityGroupId", /ARM id of a Microsoft\.Network\/networkSecurityGroups/],
    ["  agora-egress:azure:\n    resourceGroupName: rg\n    firewallPolicy: {tier: Gold}\n", "Pulumi.bad.yaml: agora-egress:azure.firewallPolicy.tier", /"Standard"/],
    ["  agora-egress:azure:\n    resourceGroupName: rg\n    locaton: westeurope\n    nsg: {}\n", "Pulumi.bad.yaml: agora-egress:azure.locaton", /^unknown key \(did you mean location\? /],
    ["  agora-egress:azure: rg-agora\n", "Pulumi.bad.yaml: agora-egress:azure", /expected object/],
  ];
  it.each(cases)("%j", (target, field, problem) => {
    const [f, p] = readError(target).split(" | ");
    expect(f).toBe(field);
    expect(p).toMatch(problem);
  });

  it("accepts ports given as numbers and keeps the renderers' field names", () => {
    const dir = stackDir({ "Pulumi.ok.yaml": stackWith("  agora-egress:aws:\n    networkFirewall: {tlsPorts: [443, \"8443\"]}\n") });
    expect(readStackSelection(dir, "ok").aws).toEqual({ networkFirewall: { tlsPorts: ["443", "8443"] } });
  });

  it("fit the target parts of the components' args (checked by the compiler, `npm run typecheck`)", () => {
    // src/stack may not import src/components, so the check that its schemas fit the components' own args lives here.
    const aws: z.ZodType<Omit<AwsAgoraEgressArgs, keyof AgoraSelectionArgs>> = AwsTargetConfig;
    const azure: z.ZodType<Omit<AzureAgoraEgressArgs, keyof AgoraSelectionArgs>> = AzureTargetConfig;
    expect([aws, azure]).toEqual([AwsTargetConfig, AzureTargetConfig]);
  });
});

describe("mapping onto the renderers' options", () => {
  it("previews every target with its defaults when there is no config, and maps the component's names", () => {
    expect(awsPlanInputs(undefined)).toEqual({ options: ALL_AWS_TARGETS, external: {} });
    // The ids become the references the component plans with, and the values behind them.
    expect(awsPlanInputs({ securityGroups: { vpcId: "vpc-1" } })).toEqual({ options: { securityGroups: { vpcId: "${vpc.id}" } }, external: { vpc: { id: "vpc-1" } } });
    expect(awsPlanInputs({ securityGroups: { existingSecurityGroupId: "sg-1", ipv6: true }, dnsFirewall: { vpcs: { app: "vpc-2" } } })).toEqual({
      options: { securityGroups: { existingSecurityGroupId: "${existing-security-group.id}", ipv6: true }, dnsFirewall: { vpcs: { app: "${vpc-app.id}" } } },
      external: { "existing-security-group": { id: "sg-1" }, "vpc-app": { id: "vpc-2" } },
    });
    expect(azurePlanOptions(undefined)).toEqual({});
    const existing = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/networkSecurityGroups/nsg-app";
    expect(azurePlanOptions({ resourceGroupName: "rg", nsg: { existingNetworkSecurityGroupId: existing, firstPriority: 200 }, dnsSecurityPolicy: {} })).toEqual({
      resourceGroupName: "rg",
      nsg: { existingNetworkSecurityGroupId: "${existing-nsg.id}", firstPriority: 200 },
      dnsSecurityPolicy: {},
    });
  });

  it("offline, without a stack, plans every target with references for ids it cannot know", async () => {
    const aws = await run(["plan", "--edition", "2020-05", "--cloud", "aws", "--sdk", "rtc-native", "--format", "json"], { planners });
    expect(aws.code).toBe(0);
    const awsTypes = new Set(JSON.parse(aws.stdout).resources.map((r: { type: string }) => r.type));
    expect(awsTypes).toContain("aws:ec2/securityGroup:SecurityGroup");
    expect(awsTypes).toContain("aws:networkfirewall/ruleGroup:RuleGroup");
    expect(awsTypes).toContain("aws:route53/resolverFirewallRuleGroup:ResolverFirewallRuleGroup");
    expect(aws.stdout).toContain('"vpcId": "${vpc.id}"');
    const azure = await run(["plan", "--edition", "2020-05", "--cloud", "azure", "--sdk", "rtc-native", "--format", "json"], { planners });
    expect(azure.code).toBe(0);
    const azureTypes = new Set(JSON.parse(azure.stdout).resources.map((r: { type: string }) => r.type));
    for (const t of ["azure-native:network:NetworkSecurityGroup", "azure-native:network:FirewallPolicy", "azure-native:dnsresolver:DnsResolverPolicy"]) {
      expect(azureTypes).toContain(t);
    }
    expect(azure.stdout).toContain('"resourceGroupName": "${placement.resourceGroupName}"');
  });

  it("names the stack key when a renderer refuses an option at plan time (exit 2)", async () => {
    const dir = stackDir({
      "Pulumi.aws.yaml": stackWith("  agora-egress:aws:\n    dnsFirewall: {blockOthers: true, allowRulePriority: 300, blockRulePriority: 200}\n"),
      "Pulumi.nfw.yaml": stackWith("  agora-egress:aws:\n    networkFirewall: {capacity: 2}\n"),
      "Pulumi.azure.yaml": stackWith("  agora-egress:azure:\n    resourceGroupName: rg\n    nsg: {firstPriority: 1500, lastPriority: 1200}\n"),
      "Pulumi.nsgname.yaml": stackWith("  agora-egress:azure:\n    resourceGroupName: rg\n    nsg: {networkSecurityGroupName: \"nsg with spaces\"}\n"),
      "Pulumi.shards.yaml": stackWith("  agora-egress:aws:\n    securityGroups: {existingSecurityGroupId: sg-1, maxRulesPerGroup: 15}\n"),
    });
    const aws = await run(["plan", "--cloud", "aws", "--stack", "aws", "--dir", dir], { planners });
    expect(aws.code).toBe(2);
    expect(aws.stderr).toBe("agora-egress: Pulumi.aws.yaml: agora-egress:aws.dnsFirewall.blockRulePriority: must be greater than allowRulePriority so allowed names are matched first\n");
    const nfw = await run(["summary", "--stack", "nfw", "--dir", dir], { planners });
    expect(nfw.code).toBe(2);
    expect(nfw.stderr).toMatch(/^agora-egress: Pulumi\.nfw\.yaml: agora-egress:aws\.networkFirewall\.capacity: \d+ Suricata rules do not fit a capacity of 2\n$/);
    const azure = await run(["plan", "--cloud", "azure", "--stack", "azure", "--dir", dir], { planners });
    expect(azure.code).toBe(2);
    expect(azure.stderr).toBe("agora-egress: Pulumi.azure.yaml: agora-egress:azure.nsg.firstPriority: 1500 is after lastPriority 1200\n");
    const nsgName = await run(["plan", "--cloud", "azure", "--stack", "nsgname", "--dir", dir], { planners });
    expect(nsgName.code).toBe(2);
    expect(nsgName.stderr).toMatch(/^agora-egress: Pulumi\.nsgname\.yaml: agora-egress:azure\.nsg\.networkSecurityGroupName: /);
    const shards = await run(["plan", "--cloud", "aws", "--stack", "shards", "--dir", dir], { planners });
    expect(shards.code).toBe(2);
    expect(shards.stderr).toMatch(/^agora-egress: Pulumi\.shards\.yaml: agora-egress:aws\.securityGroups\.vpcId: the rules need \d+ security groups; give vpcId/);
  });
});
