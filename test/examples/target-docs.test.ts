import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { formatPortRange } from "../../src/model";
import { SelectionInput, resolve } from "../../src/resolve";
import { Plan, ResourceSpec } from "../../src/renderers/plan";
import { renderAwsOrganizationPlan, renderDnsFirewall, renderNetworkFirewallRules, renderSecurityGroupRules } from "../../src/renderers/aws";
import { renderAzurePlan, renderNetworkManagerPlan } from "../../src/renderers/azure";

/*
 * Each docs/targets page has a worked example: the model rules in a `yaml` block after
 * `<!-- example:input -->` and what the target renders in a `text` block after
 * `<!-- example:output -->`. This test renders the input and compares, so the pages say
 * exactly what the renderers do.
 */

const DOCS = path.resolve(__dirname, "../../docs/targets");

function block(page: string, marker: string): string {
  const m = new RegExp(`<!-- example:${marker} -->\\s*\`\`\`\\w*\\n([\\s\\S]*?)\`\`\``).exec(page);
  if (!m) throw new Error(`no ${marker} block`);
  return m[1].trimEnd();
}

const ports = (list: readonly string[]) => list.join(",");
const widenings = (plan: Plan) => [
  ...plan.widenings.map((w) => `widened: ${w.rule}\n   became: ${w.renderedAs}\n   reason: ${w.reason}`),
  ...plan.notices.map((n) => `not rendered: ${n.rule}\n   reason: ${n.reason}`),
];
const ofType = (plan: Plan, suffix: string) => plan.resources.filter((r) => r.type.endsWith(suffix));

function securityGroups(plan: Plan): string[] {
  const rules = plan.resources.filter((r) => /SecurityGroup(Egress|Ingress)Rule$/.test(r.type)).map(({ type, inputs: i }) => {
    const range = formatPortRange({ from: i.fromPort as number, to: i.toPort as number });
    const remote = (i.cidrIpv4 ?? i.cidrIpv6 ?? i.prefixListId) as string;
    return type.endsWith("EgressRule") ? `egress  ${i.ipProtocol} ${range} to ${remote}` : `ingress ${i.ipProtocol} ${range} from ${remote}`;
  });
  return [`${ofType(plan, ":SecurityGroup").length} security group, ${rules.length} rules:`, ...rules.map((r) => `  ${r}`), ...widenings(plan)];
}

function networkFirewall(plan: Plan): string[] {
  const group = plan.resources[0].inputs.ruleGroup as { rulesSource: { rulesString: string } };
  // sids are content hashes (the pages explain them), shown as `sid:…` so the example reads as rules.
  return [...group.rulesSource.rulesString.split("\n").map((line) => line.replace(/sid:\d+;/, "sid:…;")), ...widenings(plan)];
}

function dnsFirewall(plan: Plan): string[] {
  const lists = new Map(ofType(plan, "ResolverFirewallDomainList").map((l) => [l.name, (l.inputs.domains as string[]).join(" ")]));
  return [
    ...ofType(plan, "ResolverFirewallRule").map(({ inputs: i }) => {
      const list = lists.get(/^\$\{(.+)\.id\}$/.exec(i.firewallDomainListId as string)![1]);
      return `${i.action} priority ${i.priority}: ${list}${i.blockResponse ? ` (answer ${i.blockResponse})` : ""}${i.firewallDomainRedirectionAction ? ` (${i.firewallDomainRedirectionAction})` : ""}`;
    }),
    ...widenings(plan),
  ];
}

function nsg(plan: Plan): string[] {
  // One value (`destinationPortRange`) or the augmented list (`destinationPortRanges`).
  const field = (i: Record<string, unknown>, one: string, many: string) => (i[many] as string[] | undefined)?.join(",") ?? (i[one] as string);
  const rules = ofType(plan, ":SecurityRule").map((r) => r.inputs).map((i) => ({
    // Allow-rule priorities are content hashes in the window (the pages explain them); the deny rule's is fixed.
    text: `${i.direction} ${i.access} ${i.protocol}${i.access === "Deny" ? ` priority ${i.priority}` : ""}: `
      + `${field(i, "sourceAddressPrefix", "sourceAddressPrefixes")} port ${field(i, "sourcePortRange", "sourcePortRanges")} → `
      + `${field(i, "destinationAddressPrefix", "destinationAddressPrefixes")} port ${field(i, "destinationPortRange", "destinationPortRanges")}`,
    order: `${i.direction} ${i.access === "Deny" ? 1 : 0}`,
  }));
  return [...rules.sort((a, b) => (a.order + a.text < b.order + b.text ? -1 : 1)).map((r) => r.text), ...widenings(plan)];
}

function firewallPolicy(plan: Plan): string[] {
  const ipGroups = new Map(ofType(plan, ":IpGroup").map((g) => [g.name, (g.inputs.ipAddresses as string[]).join(",")]));
  const group = ofType(plan, ":FirewallPolicyRuleCollectionGroup")[0] as ResourceSpec;
  const lines: string[] = [];
  for (const c of group.inputs.ruleCollections as { name: string; priority: number; rules: Record<string, any>[] }[]) {
    lines.push(`${c.name} (priority ${c.priority}, Allow):`);
    for (const r of c.rules) {
      const from = r.sourceAddresses?.join(",") ?? r.sourceIpGroups?.join(",");
      if (r.ruleType === "ApplicationRule") {
        lines.push(`  ${r.protocols.map((p: { protocolType: string; port: number }) => `${p.protocolType}:${p.port}`).join(",")} from ${from} to ${r.targetFqdns.join(",")}`);
      } else {
        const to = r.destinationFqdns ? `FQDN ${r.destinationFqdns.join(",")}`
          : r.destinationIpGroups ? `IP Group [${r.destinationIpGroups.map((g: string) => ipGroups.get(/^\$\{(.+)\.id\}$/.exec(g)![1])).join("; ")}]`
            : r.destinationAddresses.join(",");
        lines.push(`  ${r.ipProtocols.join(",")} from ${from} to ${to} port ${ports(r.destinationPorts)}`);
      }
    }
  }
  return [...lines, ...widenings(plan)];
}

function dnsSecurityPolicy(plan: Plan): string[] {
  const lists = new Map(ofType(plan, "DnsResolverDomainList").map((l) => [l.name, (l.inputs.domains as string[]).join(" ")]));
  return [
    ...ofType(plan, "DnsSecurityRule").map(({ inputs: i }) =>
      `${(i.action as { actionType: string }).actionType} priority ${i.priority}: ${(i.dnsResolverDomainLists as { id: string }[]).map((l) => lists.get(/^\$\{(.+)\.id\}$/.exec(l.id)![1])).join(" ")}`),
    ...widenings(plan),
  ];
}

function firewallManager(plan: Plan): string[] {
  const policies = ofType(plan, ":Policy").map(({ inputs: i }) => {
    const data = i.securityServicePolicyData as { type: string; managedServiceData: string };
    const on = (i.resourceTypeLists as string[] | undefined)?.join(", ") ?? i.resourceType;
    return `policy ${i.name} (${data.type} on ${on}, scope ${JSON.stringify(i.includeMap ?? i.excludeMap ?? "all accounts")}):\n  ${data.managedServiceData}`;
  });
  const rules = plan.resources.filter((r) => /SecurityGroup(Egress|Ingress)Rule$/.test(r.type)).map(({ inputs: i }) =>
    `  ${i.ipProtocol} ${formatPortRange({ from: i.fromPort as number, to: i.toPort as number })} to ${(i.cidrIpv4 ?? i.prefixListId) as string}`);
  const widened = new Map<string, number>();
  for (const w of plan.widenings) widened.set(w.target, (widened.get(w.target) ?? 0) + 1);
  return [
    ...policies,
    `primary group sg-group-0, ${rules.length} rules:`, ...rules,
    `widened: ${[...widened].map(([t, n]) => `${n} by ${t}`).join(", ")}`,
    ...plan.defaults.map((d) => `${d.target}: ${d.unmatched}`),
  ];
}

function networkManager(plan: Plan): string[] {
  const prefixes = (items: { addressPrefix: string }[]) => items.map((x) => x.addressPrefix).join(",");
  const rules = ofType(plan, ":AdminRule").map(({ inputs: i }) => ({
    text: `${i.direction} ${i.access} ${i.protocol}${i.access === "Deny" ? ` priority ${i.priority}` : ""}: `
      + `${prefixes(i.sources as never)} port ${(i.sourcePortRanges as string[]).join(",")} → ${prefixes(i.destinations as never)} port ${(i.destinationPortRanges as string[]).join(",")}`,
    order: `${i.direction} ${i.access === "Deny" ? 1 : 0}`,
  }));
  const children = plan.resources.filter((r) => (r.inputs as { basePolicy?: unknown }).basePolicy).map((r) => `child policy ${r.name} in ${r.inputs.location} inherits the base policy`);
  return [...rules.sort((a, b) => (a.order + a.text < b.order + b.text ? -1 : 1)).map((r) => r.text), ...children,
    ...plan.widenings.filter((w) => w.target === "azure-virtual-network-manager").map((w) => `widened: ${w.rule}\n   became: ${w.renderedAs}`)];
}

const NM = "/subscriptions/0/resourceGroups/rg-network/providers/Microsoft.Network/networkManagers/nm";

const PAGES: Record<string, (selection: SelectionInput) => string[]> = {
  "aws-firewall-manager.md": (s) => firewallManager(renderAwsOrganizationPlan(resolve(s), {
    scope: { includeOrganizationalUnits: ["ou-ab12-34567890"] }, securityGroups: { vpcId: "vpc-0example" }, networkFirewall: {}, dnsFirewall: {},
  })),
  "azure-virtual-network-manager.md": (s) => networkManager(renderNetworkManagerPlan(resolve(s), {
    networkManagerId: NM, networkGroups: { spokes: `${NM}/networkGroups/spokes` }, denyOtherInternet: true,
    firewallPolicy: { location: "westeurope", childPolicies: { hub: "westeurope" } },
  })),
  "aws-security-groups.md": (s) => securityGroups(renderSecurityGroupRules(resolve(s), { vpcId: "vpc-0example" })),
  "aws-network-firewall.md": (s) => networkFirewall(renderNetworkFirewallRules(resolve(s), {})),
  "aws-dns-firewall.md": (s) => dnsFirewall(renderDnsFirewall(resolve(s), { blockOthers: true })),
  "azure-nsg.md": (s) => nsg(renderAzurePlan(resolve(s), { nsg: {} })),
  "azure-firewall-policy.md": (s) => firewallPolicy(renderAzurePlan(resolve(s), { firewallPolicy: {} })),
  "azure-dns-security-policy.md": (s) => dnsSecurityPolicy(renderAzurePlan(resolve(s), { dnsSecurityPolicy: {} })),
};

describe("docs/targets worked examples show what the renderers produce", () => {
  it.each(Object.keys(PAGES))("%s", (file) => {
    const page = fs.readFileSync(path.join(DOCS, file), "utf8");
    const input = parse(block(page, "input")) as SelectionInput;
    expect(PAGES[file](input).join("\n")).toBe(block(page, "output"));
  });

  it("every page has a table row for each kind of rule", () => {
    for (const file of Object.keys(PAGES)) {
      const page = fs.readFileSync(path.join(DOCS, file), "utf8");
      for (const kind of ["Exact domain", "Subtree domain", "CIDR", "Port range", "Source ports", "Ingress"]) {
        expect({ file, kind, row: new RegExp(`^\\| \\*\\*${kind}\\*\\*`, "m").test(page) }).toEqual({ file, kind, row: true });
      }
    }
  });
});
