import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { planners } from "../../src/cli/planners";
import { run } from "./run";

const NM = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-network/providers/Microsoft.Network/networkManagers/nm-central";

/** A directory with stack files `Pulumi.<name>.yaml` holding the given `agora-egress:` keys (YAML text, indented by two). */
function stacks(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "agora-org-cli-"));
  for (const [name, keys] of Object.entries(files)) fs.writeFileSync(path.join(dir, `Pulumi.${name}.yaml`), `config:\n  agora-egress:edition: "2020-05"\n  agora-egress:sdks: [rtc-native, rtc-web]\n${keys}`);
  return dir;
}

const ORG = (extra = "") => `  agora-egress:awsOrganization:
    scope:
      includeOrganizationalUnits: [ou-ab12-34567890]
    securityGroups: { vpcId: vpc-0123456789abcdef0 }
    networkFirewall: {}
    dnsFirewall: { priority: 10 }
${extra}`;
const AVNM = (extra = "") => `  agora-egress:azureNetworkManager:
    networkManagerId: ${NM}
    networkGroups: { spokes: ${NM}/networkGroups/spokes }
${extra}`;

describe("plan --scope organization", () => {
  it("prints the organisation plan in today's plan JSON shape, ids the stack gives filled in", async () => {
    const dir = stacks({ org: ORG() + AVNM() });
    const r = await run(["plan", "--cloud", "aws", "--scope", "organization", "--stack", "org", "--dir", dir, "--format", "json"], { planners });
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout);
    expect(Object.keys(plan)).toEqual(["resources", "widenings", "quotas", "defaults", "notices"]);
    const policies = plan.resources.filter((x: { type: string }) => x.type === "aws:fms/policy:Policy");
    expect(policies.map((p: { name: string }) => p.name)).toEqual(["fms-security-groups-0", "fms-network-firewall", "fms-dns-firewall"]);
    expect(policies[0].inputs.includeMap).toEqual({ orgunits: ["ou-ab12-34567890"] });
    expect(plan.resources.find((x: { type: string }) => x.type === "aws:ec2/securityGroup:SecurityGroup").inputs.vpcId).toBe("vpc-0123456789abcdef0");
    // References to resources the plan creates stay references, inside the policy document too.
    expect(JSON.parse(policies[0].inputs.securityServicePolicyData.managedServiceData).securityGroups).toEqual([{ id: "${sg-group-0.id}" }]);

    const azure = await run(["plan", "--cloud", "azure", "--scope", "organization", "--stack", "org", "--dir", dir, "--format", "json"], { planners });
    expect(azure.code).toBe(0);
    const nm = JSON.parse(azure.stdout);
    expect(nm.resources[0].inputs).toMatchObject({ networkManagerName: "nm-central", resourceGroupName: "rg-network" });
  });

  it("without a stack previews every policy for the whole organisation; a readable text by default", async () => {
    const r = await run(["plan", "--cloud", "aws", "--scope", "organization", "--sdk", "rtm-native"], { planners });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^AWS organisation \(Firewall Manager\): \d+ resources\n/);
    expect(r.stdout).toContain("aws:fms/policy:Policy × 3");
    const bad = await run(["plan", "--cloud", "aws", "--scope", "tenant"], { planners });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^agora-egress: --scope: /);
  });
});

describe("summary and diff with the organisation keys", () => {
  it("summary shows the organisation plans a stack configures, and only those", async () => {
    const dir = stacks({ org: ORG() + AVNM("    denyOtherInternet: true\n") });
    const r = await run(["summary", "--stack", "org", "--dir", dir], { planners });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/AWS organisation \(Firewall Manager\) \(agora-egress:awsOrganization\): \d+ resources; names and inputs: `agora-egress plan --cloud aws --scope organization --stack org/);
    expect(r.stdout).toMatch(/Azure Virtual Network Manager \(agora-egress:azureNetworkManager\): \d+ resources/);
    expect(r.stdout).toContain("Firewall Manager policies per organisation and Region (organisation): 3 of 20");
    expect(r.stdout).toContain("azure-virtual-network-manager: denied.");
    const plain = await run(["summary", "--stack", "test"], { planners });
    expect(plain.stdout).not.toMatch(/organisation|Network Manager/);
  });

  it("diff judges the organisation resources: a scope change updates the policies in place, a renamed admin rule collection replaces its rules", async () => {
    const dir = stacks({
      a: ORG() + AVNM(),
      b: ORG("    remediation: true\n").replace("ou-ab12-34567890", "ou-ab12-34567890, ou-cd34-56789012") + AVNM("    namePrefix: egress\n"),
    });
    const r = await run(["diff", "--from-stack", "a", "--to-stack", "b", "--dir", dir, "--format", "json"], { planners });
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout);
    const org = d.clouds.awsOrganization;
    expect(org.counts).toMatchObject({ create: 0, delete: 0, replace: 0, update: 3 });
    expect(org.changes.map((c: { name: string }) => c.name).sort()).toEqual(["fms-dns-firewall", "fms-network-firewall", "fms-security-groups-0"]);
    const nm = d.clouds.azureNetworkManager;
    expect(nm.changes.find((c: { name: string }) => c.name === "avnm-rule-collection").action).toBe("replace");
    expect(Object.keys(d.clouds)).toEqual(["aws", "azure", "awsOrganization", "azureNetworkManager"]);
  });
});
