/**
 * The files derived from the settings declarations (src/renderers/<cloud>/settings.ts) are
 * checked in; they must be what the generator writes now. When this fails, run
 * `npm run generate` and review the diff.
 */
import * as fs from "fs";
import * as path from "path";
import { TARGETS, generatedArgs, generatedDocs } from "../../src/args/generate";
import { declaredSettings } from "../../src/renderers/settings";

const REPO = path.resolve(__dirname, "../..");

describe("generated from the settings declarations", () => {
  it.each([
    ["src/args/settings.generated.ts", generatedArgs],
    ["docs/settings.md", generatedDocs],
  ] as const)("%s is up to date (npm run generate)", (file, generate) => {
    const text = fs.readFileSync(path.join(REPO, file), "utf8");
    if (text !== generate()) throw new Error(`${file} is stale: run \`npm run generate\` and commit the result`);
    expect(text).toBe(generate());
  });

  it("declares every setting of both clouds once, with its documentation, in the args and the docs", () => {
    const args = generatedArgs();
    const docs = generatedDocs();
    // The per-network targets of both clouds, then the organisation scopes' settings (at their own stack keys).
    expect(TARGETS.filter((t) => !t.at).map((t) => `${t.cloud}.${t.key}`)).toEqual([
      "aws.securityGroups", "aws.networkFirewall", "aws.dnsFirewall", "azure.nsg", "azure.firewallPolicy", "azure.dnsSecurityPolicy",
    ]);
    expect(TARGETS.filter((t) => t.at).map((t) => t.at!.stackKey)).toEqual([
      "awsOrganization", "awsOrganization.scope", "awsOrganization.securityGroups", "awsOrganization.networkFirewall",
      "awsOrganization.dnsFirewall", "awsOrganization.share", "azureNetworkManager", "azureNetworkManager.firewallPolicy",
    ]);
    for (const t of TARGETS) {
      expect(args).toContain(`export interface ${t.name} {`);
      for (const s of declaredSettings(t.schema)) {
        expect(s.meta.description.length).toBeGreaterThan(10);
        expect(docs).toContain(`| \`${s.key}\` |`);
      }
    }
    // Ids another resource outputs are Pulumi inputs, one per key or item.
    expect(args).toContain("vpcs?: { [name: string]: pulumi.Input<string> };");
    expect(args).toContain("virtualNetworks?: { [name: string]: pulumi.Input<string> };");
    expect(args).toContain("sourceIpGroups?: pulumi.Input<string>[];");
    expect(args).toContain("existingNetworkSecurityGroupId?: pulumi.Input<string>;");
  });
});
