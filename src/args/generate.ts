import { z } from "zod";
import { AWS_SETTINGS } from "../renderers/aws/settings";
import { AZURE_SETTINGS } from "../renderers/azure/settings";
import {
  OrganizationDnsFirewallSettings, OrganizationNetworkFirewallSettings, OrganizationScopeSettings, OrganizationSecurityGroupSettings,
  OrganizationSettings, OrganizationShareSettings,
} from "../renderers/aws/organization-settings";
import { NetworkManagerFirewallPolicySettings, NetworkManagerSettings } from "../renderers/azure/network-manager-settings";
import { DeclaredSetting, declaredSettings } from "../renderers/settings";

/*
 * Writes what derives from the settings declarations (src/renderers/<cloud>/settings.ts): the
 * component arg interfaces (src/args/settings.generated.ts: plain interfaces with TSDoc, which
 * Pulumi's component analyzer and TypeDoc read) and the settings tables (docs/settings.md).
 * `npm run generate` writes both; test/schema/generated.test.ts fails when either is stale.
 */

interface Target {
  /** The interface's name, e.g. `AwsSecurityGroupSettings`. */
  readonly name: string;
  /** The key under the cloud's umbrella args and stack key, e.g. `securityGroups`. */
  readonly key: string;
  readonly cloud: "aws" | "azure";
  /** One line: what the target is. */
  readonly title: string;
  readonly schema: z.ZodObject;
  /** Where the settings live when not under the umbrella's `agora-egress:<cloud>.<key>`: the stack key path and the component. */
  readonly at?: { readonly stackKey: string; readonly component: string };
}

const AWS_ORGANIZATION = "AwsAgoraEgressOrganization";
const AZURE_NETWORK_MANAGER = "AzureAgoraEgressNetworkManager";

/** Settings at a stack key of their own (an organisation scope, or an object in it): the key is the path's last part. */
const scoped = (name: string, title: string, schema: z.ZodObject, component: string, stackKey: string): Target => ({
  name, key: stackKey.split(".").pop()!, cloud: name.startsWith("Aws") ? "aws" : "azure", title, schema, at: { stackKey, component },
});

export const TARGETS: readonly Target[] = [
  { name: "AwsSecurityGroupSettings", key: "securityGroups", cloud: "aws", title: "Security groups", schema: AWS_SETTINGS.securityGroups },
  { name: "AwsNetworkFirewallSettings", key: "networkFirewall", cloud: "aws", title: "Network Firewall", schema: AWS_SETTINGS.networkFirewall },
  { name: "AwsDnsFirewallSettings", key: "dnsFirewall", cloud: "aws", title: "Route 53 Resolver DNS Firewall", schema: AWS_SETTINGS.dnsFirewall },
  { name: "AzureNsgSettings", key: "nsg", cloud: "azure", title: "Network security group", schema: AZURE_SETTINGS.nsg },
  { name: "AzureFirewallPolicySettings", key: "firewallPolicy", cloud: "azure", title: "Firewall Policy", schema: AZURE_SETTINGS.firewallPolicy },
  { name: "AzureDnsSecurityPolicySettings", key: "dnsSecurityPolicy", cloud: "azure", title: "DNS security policy", schema: AZURE_SETTINGS.dnsSecurityPolicy },
  scoped("AwsOrganizationSettings", "AWS organisation (Firewall Manager)", OrganizationSettings, AWS_ORGANIZATION, "awsOrganization"),
  scoped("AwsOrganizationScopeSettings", "AWS organisation: policy scope", OrganizationScopeSettings, AWS_ORGANIZATION, "awsOrganization.scope"),
  scoped("AwsOrganizationSecurityGroupSettings", "AWS organisation: common security group policy", OrganizationSecurityGroupSettings, AWS_ORGANIZATION, "awsOrganization.securityGroups"),
  scoped("AwsOrganizationNetworkFirewallSettings", "AWS organisation: Network Firewall policy", OrganizationNetworkFirewallSettings, AWS_ORGANIZATION, "awsOrganization.networkFirewall"),
  scoped("AwsOrganizationDnsFirewallSettings", "AWS organisation: DNS Firewall policy", OrganizationDnsFirewallSettings, AWS_ORGANIZATION, "awsOrganization.dnsFirewall"),
  scoped("AwsOrganizationShareSettings", "AWS organisation: RAM share", OrganizationShareSettings, AWS_ORGANIZATION, "awsOrganization.share"),
  scoped("AzureNetworkManagerSettings", "Azure Virtual Network Manager", NetworkManagerSettings, AZURE_NETWORK_MANAGER, "azureNetworkManager"),
  scoped("AzureNetworkManagerFirewallPolicySettings", "Azure Virtual Network Manager: base Firewall Policy", NetworkManagerFirewallPolicySettings, AZURE_NETWORK_MANAGER, "azureNetworkManager.firewallPolicy"),
];

/** Where the enums named by `tsType` come from, relative to src/args. */
const ENUM_MODULES: Readonly<Record<string, string>> = {
  StatefulDefaultAction: "../renderers/aws/settings",
  DnsRedirectionAction: "../renderers/aws/settings",
  DnsBlockResponse: "../renderers/aws/settings",
  FirewallDeploymentModel: "../renderers/aws/organization-settings",
  FirewallPolicyTier: "../renderers/azure/settings",
};

type Def = { type: string; element?: z.ZodType; valueType?: z.ZodType };
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The component arg's TypeScript type of a declared setting. */
export function argType(s: DeclaredSetting): string {
  const plain = (t: z.ZodType): string => {
    const def = defOf(t);
    switch (def.type) {
      case "string": return "string";
      case "number": return "number";
      case "boolean": return "boolean";
      case "array": return `${plain(def.element!)}[]`;
      case "record": return `{ [name: string]: ${plain(def.valueType!)} }`;
      default: throw new Error(`setting ${s.key}: give tsType for a ${def.type}`);
    }
  };
  if (s.meta.input) {
    const def = defOf(s.type);
    if (def.type === "record") return "{ [name: string]: pulumi.Input<string> }";
    if (def.type === "array") return "pulumi.Input<string>[]";
    return "pulumi.Input<string>";
  }
  return s.meta.tsType ?? plain(s.type);
}

const HEADER = "// Generated from src/renderers/<cloud>/settings.ts by `npm run generate` (src/args/generate.ts). Do not edit.\n";

/**
 * src/args/settings.generated.ts. Every interface lists all its fields, also those an
 * organisation schema picks from a per-VPC one (`NetworkFirewallSettings.pick(…)`): the schema
 * states them once, and the generated text repeats them on purpose. `extends Pick<…>` (or
 * `Omit<…>`) would lose their documentation in the package schema: Pulumi's component analyzer
 * reads a property's description from its declaration, and a mapped type's properties have none
 * (test/schema/schema.test.ts then finds the picked fields undescribed).
 */
export function generatedArgs(): string {
  const body = TARGETS.map((t) => {
    const fields = declaredSettings(t.schema).map((s) => `  /** ${s.meta.description} */\n  ${s.key}${s.optional ? "?" : ""}: ${argType(s)};`);
    const where = t.at
      ? `${t.at.stackKey === t.key ? "the args" : `\`${t.key}\` in the args`} of ${t.at.component} and \`agora-egress:${t.at.stackKey}\``
      : `\`${t.key}\` in ${t.cloud === "aws" ? "AwsAgoraEgress" : "AzureAgoraEgress"}'s args and \`agora-egress:${t.cloud}\``;
    return `/** ${t.title} settings: ${where}. */\nexport interface ${t.name} {\n${fields.join("\n")}\n}\n`;
  });
  const used = [...new Set(TARGETS.flatMap((t) => declaredSettings(t.schema).map((s) => s.meta.tsType).filter((n): n is string => !!n && n in ENUM_MODULES)))].sort();
  const byModule = new Map<string, string[]>();
  for (const n of used) byModule.set(ENUM_MODULES[n], [...(byModule.get(ENUM_MODULES[n]) ?? []), n]);
  const imports = [
    `import type * as pulumi from "@pulumi/pulumi";`,
    ...[...byModule].map(([m, names]) => `import type { ${names.join(", ")} } from "${m}";`),
  ];
  return `${HEADER}${imports.join("\n")}\n\n${body.join("\n")}`;
}

/** A default as the tables show it. */
function shown(value: unknown): string {
  return value === undefined ? "" : `\`${JSON.stringify(value)}\``;
}

/** docs/settings.md */
export function generatedDocs(): string {
  const sections = TARGETS.map((t) => {
    const rows = declaredSettings(t.schema).map((s) =>
      `| \`${s.key}\` | \`${argType(s).replace(/\|/g, "\\|")}\` | ${s.optional ? shown(s.defaultValue) : "required"} | ${s.meta.description.replace(/\|/g, "\\|")} |`);
    const stackKey = t.at ? t.at.stackKey : `${t.cloud}.${t.key}`;
    return `## ${t.title}: \`${t.key}\`\n\nComponent args: \`${t.name}\`${t.at ? ` (${t.at.component})` : ""}; stack key: \`agora-egress:${stackKey}\`.\n\n| setting | type | default | meaning |\n| --- | --- | --- | --- |\n${rows.join("\n")}\n`;
  });
  return `<!-- ${HEADER.slice(3).trim()} -->\n# Target settings\n\nEvery setting of every target, as the components take it and a stack file holds it. `
    + "Ids that other resources output take a `pulumi.Input<string>` in the components and a literal id in a stack file.\n\n"
    + sections.join("\n");
}
