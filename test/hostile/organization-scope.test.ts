import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { resolve } from "../../src/resolve";
import { OrganizationOptions, renderAwsOrganizationPlan } from "../../src/renderers/aws";
import { NetworkManagerOptions, renderNetworkManagerPlan } from "../../src/renderers/azure";
import { InputError } from "../../src/model";
import { AwsAgoraEgressOrganization } from "../../src/components/aws";
import { AzureAgoraEgressNetworkManager } from "../../src/components/azure";
import { main } from "../../src/cli/main";
import { usePulumiMocks } from "../support/pulumi-mocks";

/*
 * Hostile input to the organisation scopes: every refusal names the field as the user wrote it
 * (renderer: `awsOrganization.scope.includeAccounts[0]`; component: `args.scope…`; stack:
 * `Pulumi.x.yaml: agora-egress:awsOrganization.scope…`), and nothing is created.
 */

const mocks = usePulumiMocks();
const selection = resolve({ sdks: ["rtc-web"] });
const VPC = "vpc-0123456789abcdef0";
const NM = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-network/providers/Microsoft.Network/networkManagers/nm";
const GROUP = `${NM}/networkGroups/spokes`;

function refusal(fn: () => unknown): { field: string; problem: string } {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return { field: e.field, problem: e.problem };
    const err = e as { field?: string; problem?: string; message: string };
    if (err.field !== undefined) return { field: err.field, problem: err.problem ?? err.message };
    throw e;
  }
  throw new Error("accepted");
}

const aws = (o: Record<string, unknown>) => renderAwsOrganizationPlan(selection, { securityGroups: { vpcId: VPC }, dnsFirewall: {}, ...o } as OrganizationOptions);
const azure = (o: Record<string, unknown>) => renderNetworkManagerPlan(selection, { networkManagerId: NM, networkGroups: { spokes: GROUP }, ...o } as NetworkManagerOptions);

describe("hostile organisation scope on AWS", () => {
  const cases: [string, Record<string, unknown>, string, RegExp][] = [
    ["an empty scope", { scope: {} }, "awsOrganization.scope", /is empty/],
    ["no scope at all", {}, "awsOrganization.scope", /expected object/i],
    ["an empty include list", { scope: { includeAccounts: [] } }, "awsOrganization.scope.includeAccounts", /is empty/],
    ["an account id of 11 digits", { scope: { includeAccounts: ["12345678901"] } }, "awsOrganization.scope.includeAccounts[0]", /12 digits/],
    ["an OU id of an unknown form", { scope: { includeOrganizationalUnits: ["ou-xyz"] } }, "awsOrganization.scope.includeOrganizationalUnits[0]", /ou-xxxx-xxxxxxxx/],
    ["an OU given as a name", { scope: { includeOrganizationalUnits: ["Production"] } }, "awsOrganization.scope.includeOrganizationalUnits[0]", /organizational unit id/],
    ["a tag key Firewall Manager refuses", { scope: { allAccounts: true, resourceTags: { "a#b": "x" } } }, "awsOrganization.scope.resourceTags", /is not a tag key Firewall Manager takes/],
    ["an availability zone listed twice", { scope: { allAccounts: true }, networkFirewall: { deploymentModel: "CENTRALIZED", homeNet: ["10.0.0.0/8"], inspectionVpcId: "vpc-0123456789abcdef0", inspectionVpcAccountId: "111122223333", availabilityZones: ["us-east-1a", "us-east-1a"] } }, "awsOrganization.networkFirewall.availabilityZones[1]", /twice/],
    ["a centralized model without homeNet", { scope: { allAccounts: true }, networkFirewall: { deploymentModel: "CENTRALIZED", inspectionVpcId: "vpc-0123456789abcdef0", inspectionVpcAccountId: "111122223333", availabilityZones: ["us-east-1a"] } }, "awsOrganization.networkFirewall.homeNet", /CENTRALIZED/],
    ["include and exclude lists together", { scope: { includeAccounts: ["111122223333"], excludeAccounts: ["111122223333"] } }, "awsOrganization.scope.excludeAccounts", /not both/],
    ["an overlapping include and exclude of OUs", { scope: { includeOrganizationalUnits: ["ou-ab12-34567890"], excludeOrganizationalUnits: ["ou-ab12-34567890"] } }, "awsOrganization.scope.excludeOrganizationalUnits", /not both/],
    ["allAccounts with an include list", { scope: { allAccounts: true, includeAccounts: ["111122223333"] } }, "awsOrganization.scope.includeAccounts", /not both/],
    ["an exclude list without allAccounts", { scope: { excludeAccounts: ["111122223333"] } }, "awsOrganization.scope", /allAccounts: true/],
    ["an account listed twice", { scope: { includeAccounts: ["111122223333", "111122223333"] } }, "awsOrganization.scope.includeAccounts[1]", /twice/],
    ["excludeResourceTags without tags", { scope: { allAccounts: true, excludeResourceTags: true } }, "awsOrganization.scope.excludeResourceTags", /needs resourceTags/],
    ["a DNS pre-process priority of 100", { scope: { allAccounts: true }, dnsFirewall: { priority: 100 } }, "awsOrganization.dnsFirewall.priority", /99/],
    ["a DNS pre-process priority of 0", { scope: { allAccounts: true }, dnsFirewall: { priority: 0 } }, "awsOrganization.dnsFirewall.priority", /1/],
    ["an unknown key in the scope", { scope: { allAccounts: true, includeAcounts: ["111122223333"] } }, "awsOrganization.scope.includeAcounts", /did you mean includeAccounts/],
    ["no policy at all", { scope: { allAccounts: true }, securityGroups: undefined, dnsFirewall: undefined }, "awsOrganization", /at least one policy/],
    ["more policies than the quota", { scope: { allAccounts: true }, existingPolicies: 19 }, "awsOrganization.policyQuota", /cannot be raised|refuses/],
    ["more than 2,500 accounts", { scope: { includeAccounts: Array.from({ length: 2501 }, (_, i) => String(100000000000 + i)) } }, "awsOrganization.scope", /2501 of 2500/],
    ["prefix lists without a share", { scope: { allAccounts: true }, securityGroups: { vpcId: VPC, proxyPrefixLists: true } }, "awsOrganization.securityGroups.proxyPrefixLists", /share/],
    ["a share of nothing", { scope: { allAccounts: true }, share: { principals: ["111122223333"] } }, "awsOrganization.share", /shares nothing/],
    ["a share principal that is no principal", { scope: { allAccounts: true }, share: { principals: ["o-exampleorgid"], dnsFirewallRuleGroup: true } }, "awsOrganization.share.principals[0]", /organisation ARN/],
    ["a centralized model without its inspection VPC", { scope: { allAccounts: true }, networkFirewall: { deploymentModel: "CENTRALIZED" } }, "awsOrganization.networkFirewall.inspectionVpcId", /CENTRALIZED/],
    ["a firewall subnet that is not a /28", { scope: { allAccounts: true }, networkFirewall: { firewallSubnetCidrs: ["10.0.0.0/24"] } }, "awsOrganization.networkFirewall.firewallSubnetCidrs[0]", /28/],
    ["a rule group capacity too small", { scope: { allAccounts: true }, networkFirewall: { capacity: 1 } }, "awsOrganization.networkFirewall.capacity", /capacity/],
    ["a policy name prefix with spaces and quotes", { scope: { allAccounts: true }, policyNamePrefix: "agora \"x\"" }, "awsOrganization.policyNamePrefix", /letters/],
  ];
  it.each(cases)("refuses %s, naming the field", (_, options, field, problem) => {
    const r = refusal(() => aws(options));
    expect(r.field).toBe(field);
    expect(r.problem).toMatch(problem);
  });
});

describe("hostile network manager scope on Azure", () => {
  const cases: [string, Record<string, unknown>, string, RegExp][] = [
    ["a child policy in another region", { firewallPolicy: { location: "westeurope", childPolicies: { spokes: "eastus" } } }, "azureNetworkManager.firewallPolicy.childPolicies.spokes", /same region/],
    ["an admin rule priority of 0", { firstPriority: 0 }, "azureNetworkManager.firstPriority", />=1|too small|1/],
    ["an admin rule priority above 4096", { lastPriority: 5000 }, "azureNetworkManager.lastPriority", /4096/],
    ["a window that runs backwards", { firstPriority: 2000, lastPriority: 1000 }, "azureNetworkManager.firstPriority", /after lastPriority/],
    ["a window too small for the rules", { firstPriority: 1000, lastPriority: 1000, denyOtherInternet: true }, "azureNetworkManager.lastPriority", /widen the window/],
    ["no network group", { networkGroups: {} }, "azureNetworkManager.networkGroups", /at least one/],
    ["a network group id that is a VNet's", { networkGroups: { spokes: "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v" } }, "azureNetworkManager.networkGroups.spokes", /network group/],
    ["the same network group twice", { networkGroups: { a: GROUP, b: GROUP } }, "azureNetworkManager.networkGroups.b", /same network group/],
    ["a network manager id that is a VNet's", { networkManagerId: "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v" }, "azureNetworkManager.networkManagerId", /networkManagers/],
    ["a commit without saying it replaces the deployed configuration", { commitLocations: ["westeurope"] }, "azureNetworkManager.commitLocations", /replaceDeployedConfiguration: true/],
    ["a network group with a space before its id", { networkGroups: { spokes: ` ${GROUP}` } }, "azureNetworkManager.networkGroups.spokes", /is not the ARM id of a network group/],
    ["a network group of another network manager", { networkGroups: { spokes: GROUP.replace("/networkManagers/nm/", "/networkManagers/other/") } }, "azureNetworkManager.networkGroups.spokes", /another network manager/],
    ["a commit region listed twice", { commitLocations: ["westeurope", "West Europe"], replaceDeployedConfiguration: true }, "azureNetworkManager.commitLocations[1]", /twice/],
    ["a base policy without a region", { firewallPolicy: {} }, "azureNetworkManager.firewallPolicy.location", /expected string|Invalid/i],
    ["a Basic base policy with DNS proxy", { firewallPolicy: { location: "westeurope", tier: "Basic", dnsProxyEnabled: true } }, "azureNetworkManager.firewallPolicy.dnsProxyEnabled", /Basic/],
    ["an unknown key", { denyOtherInternt: true }, "azureNetworkManager.denyOtherInternt", /did you mean denyOtherInternet/],
  ];
  it.each(cases)("refuses %s, naming the field", (_, options, field, problem) => {
    const r = refusal(() => azure(options));
    expect(r.field).toBe(field);
    expect(r.problem).toMatch(problem);
  });
});

describe("hostile args to the organisation components: a RunError naming the arg, nothing created", () => {
  beforeEach(() => mocks.clear());

  it.each([
    ["an empty scope", { scope: {} }, "args.scope", /is empty/],
    ["an unknown OU form", { scope: { includeOrganizationalUnits: ["ou-1"] } }, "args.scope.includeOrganizationalUnits[0]", /organizational unit id/],
    ["overlapping include and exclude", { scope: { includeAccounts: ["111122223333"], excludeAccounts: ["111122223333"] } }, "args.scope.excludeAccounts", /not both/],
    ["a primary group without its VPC", { scope: { allAccounts: true }, securityGroups: {} }, "args.securityGroups.vpcId", /VPC/],
    ["a DNS priority out of range", { scope: { allAccounts: true }, dnsFirewall: { priority: 120 } }, "args.dnsFirewall.priority", /99/],
    ["a VPC id written as a plan reference", { scope: { allAccounts: true }, securityGroups: { vpcId: "${vpc.id}" } }, "args.securityGroups.vpcId", /is written as a plan reference/],
  ])("AwsAgoraEgressOrganization refuses %s", (_, settings, field, problem) => {
    const r = refusal(() => new AwsAgoraEgressOrganization("org", { sdks: ["rtc-web"], ...settings } as never));
    expect(r.field).toBe(field);
    expect(r.problem).toMatch(problem);
    expect(mocks.registered).toEqual([]);
  });

  it.each([
    ["a child policy in another region", { firewallPolicy: { location: "westeurope", childPolicies: { spokes: "northeurope" } } }, "args.firewallPolicy.childPolicies.spokes", /same region/],
    ["a priority out of range", { lastPriority: 4097 }, "args.lastPriority", /4096/],
    ["a network group id of the wrong kind", { networkGroups: { spokes: NM } }, "args.networkGroups.spokes", /network group/],
  ])("AzureAgoraEgressNetworkManager refuses %s", (_, settings, field, problem) => {
    const r = refusal(() => new AzureAgoraEgressNetworkManager("nm", { sdks: ["rtc-web"], networkManagerId: NM, networkGroups: { spokes: GROUP }, ...settings } as never));
    expect(r.field).toBe(field);
    expect(r.problem).toMatch(problem);
    expect(mocks.registered).toEqual([]);
  });
});

describe("hostile organisation keys in a stack file: exit 2, naming the file and key", () => {
  async function run(config: string, args: string[]): Promise<{ code: number; stderr: string }> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "agora-org-"));
    fs.writeFileSync(path.join(dir, "Pulumi.org.yaml"), `config:\n  agora-egress:sdks: [rtc-web]\n${config}`);
    let stderr = "";
    const code = await main([...args, "--stack", "org", "--dir", dir], { stderr: (t) => { stderr += t; }, stdout: () => undefined });
    return { code, stderr };
  }

  it("an OU id of an unknown form", async () => {
    const r = await run("  agora-egress:awsOrganization:\n    scope:\n      includeOrganizationalUnits: [ou-1]\n    dnsFirewall: {}\n", ["plan", "--cloud", "aws", "--scope", "organization"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^agora-egress: Pulumi\.org\.yaml: agora-egress:awsOrganization\.scope\.includeOrganizationalUnits\[0\]: /);
  });

  it("a child policy in another region", async () => {
    const r = await run(`  agora-egress:azureNetworkManager:\n    networkManagerId: ${NM}\n    networkGroups: { spokes: ${GROUP} }\n    firewallPolicy: { location: westeurope, childPolicies: { spokes: eastus } }\n`,
      ["summary"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Pulumi\.org\.yaml: agora-egress:azureNetworkManager\.firewallPolicy\.childPolicies\.spokes: "eastus" is not the base policy's region/);
  });
});
