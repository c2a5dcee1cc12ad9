import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { parse } from "yaml";
import { run } from "../cli/run";
import { planners } from "../../src/cli/planners";
import { allowLines } from "../../src/model/allow-lines";
import { resolve } from "../../src/resolve";
import { planAws, planAwsOrganization, planAzure, planAzureNetworkManager, readStackSelection, resolveStack } from "../../src/stack";
import { PulumiMocks, isSecretInput, settle, value } from "../support/pulumi-mocks";

const REPO = path.join(__dirname, "..", "..");

type Program = typeof import("../../src/program");

/** A repository stack file's config as Pulumi hands it to the program: scalars as strings, the rest as JSON. */
function stackFileConfig(stack: string): Record<string, string> {
  const doc = parse(fs.readFileSync(path.join(REPO, `Pulumi.${stack}.yaml`), "utf8")) as { config: Record<string, unknown> };
  return Object.fromEntries(Object.entries(doc.config).map(([k, v]) => [k, typeof v === "object" ? JSON.stringify(v) : String(v)]));
}

/** The mock engine: installed by each program load, under that load's stack name. */
const mocks = new PulumiMocks();
/** `type::name` of the resources registered since `mark`, the stack left out. */
const registeredSince = (mark: number) => mocks.since(mark).filter((r) => !r.type.startsWith("pulumi:pulumi:Stack")).map((r) => `${r.type}::${r.name}`);
/** Every resource name's inputs as the engine last received them, over the file's program loads. */
const inputsByName = () => new Map(mocks.registered.map((r) => [r.name, r.inputs as Record<string, unknown>]));

/** Loads the root program afresh under the given stack config (values as Pulumi keeps them: strings). */
async function loadProgram(stack: string, config: Record<string, string>): Promise<Program> {
  pulumi.runtime.setAllConfig(config);
  await mocks.install({ stack });
  let program: Program | undefined;
  jest.isolateModules(() => { program = require("../../src/program") as Program; });
  return program!;
}

describe("the root Pulumi program (src/program.ts)", () => {
  it("reads the stack config with pulumi.Config and exports the allowlist, notes and settings", async () => {
    const program = await loadProgram("test", {
      "agora-egress:edition": "2020-05",
      "agora-egress:sdks": JSON.stringify(["rtc-native", "rtm-native"]),
      "agora-egress:access": "cloud-proxy",
      "agora-egress:directSdks": JSON.stringify(["rtm-native"]),
      "agora-egress:environment": "test",
      "agora-egress:proxyType": "1",
      "aws:region": "eu-west-1",
    });
    const expected = resolve({ edition: "2020-05", sdks: ["rtc-native", "rtm-native"], access: "cloud-proxy", directSdks: ["rtm-native"], environment: "test", proxyType: 1 });
    expect(expected.notes).toEqual(["rtm-native reaches Agora directly (directSdks): its firewall whitelist applies, and every rule a target widens is listed under widenings."]);
    expect(program.edition).toBe("2020-05");
    expect(program.rules).toEqual(allowLines(expected.ruleSet));
    expect(program.notes).toEqual(expected.notes);
    expect(program.appSettings).toEqual(expected.appSettings);
    expect(program.proxyDomains).toEqual(["ap-proxy.agora.io"]);
  });

  it("keeps production outputs secret", async () => {
    const program = await loadProgram("production", {
      "agora-egress:edition": "2020-05",
      "agora-egress:sdks": JSON.stringify(["rtc-native"]),
      "agora-egress:access": "cloud-proxy",
      "agora-egress:environment": "production",
      "agora-egress:productionProxy": JSON.stringify({ endpoints: [{ protocol: "udp", addresses: ["203.0.113.5"], ports: ["4500-4650"] }] }),
    });
    expect(pulumi.Output.isInstance(program.rules)).toBe(true);
    const rules = program.rules as unknown as pulumi.Output<unknown>;
    expect(await pulumi.isSecret(rules)).toBe(true);
    expect(await value(rules)).toEqual([expect.objectContaining({ destinations: ["203.0.113.5/32"], ports: ["4500-4650"] })]);
  });

  it("refuses a bad key before doing anything with one line naming the stack file and key (a RunError, printed without a stack)", async () => {
    const error = await loadProgram("test", { "agora-egress:sdks": "[\"rtc-native\"]", "agora-egress:acess": "direct" }).then(() => undefined, (e: unknown) => e);
    expect(pulumi.RunError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/^Pulumi\.test\.yaml: agora-egress:acess: unknown key \(did you mean agora-egress:access\? known: [^\n]*\)$/);
  });

  it("reads dnsFirewall.vpcs in agora-egress:aws, as the component takes it, and deploys what plan --stack shows", async () => {
    const mark = mocks.mark();
    const aws = { dnsFirewall: { vpcs: { workloads: "vpc-0123456789abcdef0" }, blockOthers: true } };
    const config: Record<string, string> = { ...stackFileConfig("test"), "agora-egress:aws": JSON.stringify(aws) };
    delete config["agora-egress:azure"];
    await loadProgram("test", config);
    await settle();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "agora-program-"));
    fs.writeFileSync(path.join(dir, "Pulumi.test.yaml"), `config:\n  agora-egress:edition: \"2020-05\"\n  agora-egress:sdks: [rtc-native, recording, rtm-native]\n  agora-egress:access: cloud-proxy\n  agora-egress:directSdks: [rtm-native]\n  agora-egress:aws: ${JSON.stringify(aws)}\n`);
    const plan = await run(["plan", "--cloud", "aws", "--stack", "test", "--dir", dir, "--format", "json"], { planners });
    expect(plan.code).toBe(0);
    const planned = JSON.parse(plan.stdout).resources as { type: string; name: string; inputs: Record<string, unknown> }[];
    expect(registeredSince(mark).sort())
      .toEqual(["agora-egress:index:AwsAgoraEgress::aws", ...planned.map((r) => `${r.type}::aws-${r.name}`)].sort());
    const association = planned.find((r) => r.type.endsWith(":ResolverFirewallRuleGroupAssociation"))!;
    expect(association.inputs.vpcId).toBe("vpc-0123456789abcdef0");
    expect(inputsByName().get(`aws-${association.name}`)!.vpcId).toBe("vpc-0123456789abcdef0");
  });

  it.each(["test", "production"])("runs the repository's stack %s: deploys AWS and Azure, exports rules, widenings, quota usage and resources per cloud", async (name) => {
    const mark = mocks.mark();
    const program = await loadProgram(name, stackFileConfig(name));
    await settle();
    const stack = readStackSelection(REPO, name);
    const resolution = resolveStack(stack);
    const aws = planAws(resolution, stack.aws);
    const azure = planAzure(resolution, stack.azure);
    const plain = async <T>(v: T | pulumi.Output<T>): Promise<T> => (pulumi.Output.isInstance(v) ? value(v as pulumi.Output<T>) : (v as T));
    expect(await plain(program.rules)).toEqual(allowLines(resolution.ruleSet));
    expect(await plain(program.appSettings)).toEqual(resolution.appSettings);
    expect(program.notes).toEqual(resolution.notes);
    expect(program.quotas).toEqual({ aws: aws.quotas, azure: azure.quotas });
    expect(await plain(program.widenings)).toEqual({ aws: aws.widenings, azure: azure.widenings });
    expect(await plain(program.resources)).toEqual({
      aws: aws.resources.map((r) => ({ type: r.type, name: r.name })),
      azure: azure.resources.map((r) => ({ type: r.type, name: r.name })),
    });
    expect(aws.resources.length).toBeGreaterThan(0);
    expect(azure.resources.length).toBeGreaterThan(0);
    // The AwsAgoraEgress ("aws") and AzureAgoraEgress ("azure") components create exactly the planned resources.
    expect(registeredSince(mark).sort()).toEqual([
      "agora-egress:index:AwsAgoraEgress::aws",
      ...aws.resources.map((r) => `${r.type}::aws-${r.name}`),
      "agora-egress:index:AzureAgoraEgress::azure",
      ...azure.resources.map((r) => `${r.type}::azure-${r.name}`),
    ].sort());
    expect(program.aws).toBeDefined();
    expect(program.azure).toBeDefined();
    // Whatever carries production endpoints is a secret; the test stack's outputs are plain.
    for (const output of [program.rules, program.appSettings, program.widenings, program.resources]) {
      expect(pulumi.Output.isInstance(output)).toBe(name === "production");
      if (pulumi.Output.isInstance(output)) expect(await pulumi.isSecret(output as pulumi.Output<unknown>)).toBe(true);
    }
    // So are the resources' inputs that carry them: in production, an endpoint address reaches the engine only as a secret.
    const endpointAddress = /(203\.0\.113|198\.51\.100)\.\d+/;
    const inputs = inputsByName();
    const plainTexts = [...inputs.entries()].flatMap(([n, i]) => Object.entries(i).filter(([, v]) => !isSecretInput(v)).map(([k, v]) => `${n}.${k}=${JSON.stringify(v)}`));
    expect(plainTexts.filter((t) => endpointAddress.test(t))).toEqual([]);
    const secretTexts = [...inputs.values()].flatMap((i) => Object.values(i).filter(isSecretInput).map((v) => JSON.stringify(v)));
    expect(secretTexts.some((t) => endpointAddress.test(t))).toBe(name === "production");
  });

  it("refuses a bad target option before creating anything, naming the stack file and key", async () => {
    const mark = mocks.mark();
    const config = { ...stackFileConfig("test"), "agora-egress:azure": JSON.stringify({ resourceGroupName: "rg", nsg: { firstPriority: 1500, lastPriority: 1200 } }) };
    await expect(loadProgram("test", config)).rejects.toThrow("Pulumi.test.yaml: agora-egress:azure.nsg.firstPriority: 1500 is after lastPriority 1200");
    await expect(loadProgram("test", { ...stackFileConfig("test"), "agora-egress:aws": JSON.stringify({ securityGroups: { vpcID: "vpc-1" } }) }))
      .rejects.toThrow(/^Pulumi\.test\.yaml: agora-egress:aws\.securityGroups\.vpcID: /);
    expect(registeredSince(mark)).toEqual([]);
  });

  it("refuses custom rules, which the components cannot deploy yet, naming the key; the CLI's plan and summary refuse them alike", async () => {
    const mark = mocks.mark();
    const customRules = [{ protocol: "tcp", ports: [443], destinations: ["example.com"] }];
    const config = { ...stackFileConfig("test"), "agora-egress:customRules": JSON.stringify(customRules) };
    const refusal = "Pulumi.test.yaml: agora-egress:customRules: the cloud components take no custom rules yet; `agora-egress rules` lists them, but to plan or deploy a cloud remove them";
    const error = await loadProgram("test", config).then(() => undefined, (e: unknown) => e);
    expect(pulumi.RunError.isInstance(error)).toBe(true);
    expect((error as Error).message).toBe(refusal);
    expect(registeredSince(mark)).toEqual([]);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "agora-program-"));
    const stackText = fs.readFileSync(path.join(REPO, "Pulumi.test.yaml"), "utf8") + `  agora-egress:customRules: ${JSON.stringify(customRules)}\n`;
    fs.writeFileSync(path.join(dir, "Pulumi.test.yaml"), stackText);
    for (const args of [["summary"], ["plan", "--cloud", "aws"], ["plan", "--cloud", "azure"], ["diff", "--from-edition", "2020-05", "--to-edition", "2020-05"]]) {
      const r = await run([...args, "--stack", "test", "--dir", dir], { planners });
      expect({ args, code: r.code, stderr: r.stderr }).toEqual({ args, code: 2, stderr: `agora-egress: ${refusal}\n` });
    }
    // The rules themselves still preview.
    expect((await run(["rules", "--stack", "test", "--dir", dir, "--format", "jsonl"])).stdout).toContain('"destinations":["example.com"]');
  });

  it.each([
    ["test", {}],
    // Production endpoints reach the components as a secret: they plan inside an apply, and still find the program's plans.
    ["production", {}],
    ["test", {
      "agora-egress:awsOrganization": JSON.stringify({ scope: { includeAccounts: ["111111111111"] }, securityGroups: { vpcId: "vpc-0123456789abcdef0" } }),
      "agora-egress:azureNetworkManager": JSON.stringify({
        networkManagerId: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/networkManagers/nm",
        networkGroups: { spokes: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/networkManagers/nm/networkGroups/spokes" },
      }),
    }],
  ] as const)("renders each configured target once: the components find the plans the program made for its exports (stack %s %#)", async (name, extra) => {
    const config: Record<string, string> = { ...stackFileConfig(name), ...extra };
    const targets = ["aws", "azure", "awsOrganization", "azureNetworkManager"].filter((k) => config[`agora-egress:${k}`] !== undefined);
    pulumi.runtime.setAllConfig(config);
    await mocks.install({ stack: name });
    let planning: typeof import("../../src/planning") | undefined;
    let program: Program | undefined;
    jest.isolateModules(() => {
      planning = require("../../src/planning") as typeof import("../../src/planning");
      program = require("../../src/program") as Program;
    });
    await settle();
    const resources = pulumi.Output.isInstance(program!.resources) ? await value(program!.resources as pulumi.Output<object>) : program!.resources;
    expect(Object.keys(resources as object).sort()).toEqual([...targets].sort());
    expect(targets.length).toBeGreaterThanOrEqual(2);
    // One rendering per target, however many components use it, from the stack's resolution. In
    // production the components check the rest of their selection at construction, before the
    // secret endpoints are known: one more resolution (in the test environment), no rendering.
    const early = name === "production" ? 1 : 0;
    expect(planning!.planCounts()).toEqual({ resolved: early, rendered: targets.length });
    expect(planning!.planCacheSizes()).toEqual({ resolutions: 1 + early, plans: targets.length });
  });

  it("deploys agora-egress:awsOrganization and agora-egress:azureNetworkManager with the organisation components, exactly what their plans show", async () => {
    const mark = mocks.mark();
    const nm = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-network/providers/Microsoft.Network/networkManagers/nm";
    const awsOrganization = { scope: { includeOrganizationalUnits: ["ou-ab12-34567890"] }, securityGroups: { vpcId: "vpc-0123456789abcdef0" }, dnsFirewall: { priority: 10 } };
    const azureNetworkManager = { networkManagerId: nm, networkGroups: { spokes: `${nm}/networkGroups/spokes` }, denyOtherInternet: true };
    const program = await loadProgram("test", {
      "agora-egress:sdks": JSON.stringify(["rtc-web"]),
      "agora-egress:awsOrganization": JSON.stringify(awsOrganization),
      "agora-egress:azureNetworkManager": JSON.stringify(azureNetworkManager),
    });
    await settle();
    const resolution = resolve({ sdks: ["rtc-web"] });
    const orgPlan = planAwsOrganization(resolution, awsOrganization as never);
    const nmPlan = planAzureNetworkManager(resolution, azureNetworkManager as never);
    const registered = registeredSince(mark);
    expect(registered).toEqual(expect.arrayContaining([
      "agora-egress:index:AwsAgoraEgressOrganization::aws-organization",
      "agora-egress:index:AzureAgoraEgressNetworkManager::azure-network-manager",
    ]));
    expect(registered.filter((r) => r.includes("::aws-organization-")).sort()).toEqual(orgPlan.resources.map((r) => `${r.type}::aws-organization-${r.name}`).sort());
    expect(registered.filter((r) => r.includes("::azure-network-manager-")).sort()).toEqual(nmPlan.resources.map((r) => `${r.type}::azure-network-manager-${r.name}`).sort());
    expect(program.resources).toMatchObject({ awsOrganization: orgPlan.resources.map((r) => ({ type: r.type, name: r.name })) });
    expect(await value(program.awsOrganizationIds!.policyIds as pulumi.Output<string[]>)).toHaveLength(2);
  });
});
