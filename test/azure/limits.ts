import { canonicalCidr, canonicalDomain } from "../../src/model";
import {
  DNS_DOMAIN_LIST_TYPE, DNS_LINK_TYPE, DNS_NAME, DNS_SECURITY_RULE_TYPE, IP_GROUP_TYPE, AZURE_LIMITS, NSG_TYPE,
  RULE_COLLECTION_GROUP_TYPE, SECURITY_RULE_TYPE,
} from "../../src/renderers/azure";
import { Plan } from "../../src/renderers/plan";

type Inputs = Record<string, any>;
const NSG_RULE_NAME = /^\w(?:[\w.-]*\w)?$/; // begins with a word character, ends with one (or `_`), only \w . -
const PORT = /^(\*|(\d{1,5})(?:-(\d{1,5}))?)$/;

function portOk(text: string): boolean {
  const m = PORT.exec(text);
  if (!m) return false;
  if (m[1] === "*") return true;
  const from = Number(m[2]), to = m[3] === undefined ? from : Number(m[3]);
  return from >= 1 && to <= 65535 && from <= to;
}

function fqdnOk(text: string): boolean {
  try { canonicalDomain(text); return !text.includes("*"); } catch { return false; }
}

/** Every documented limit a plan's values must respect (cloud-semantics.md §5–7). Returns the violations. */
export function limitViolations(plan: Plan): string[] {
  const bad: string[] = [];
  const check = (ok: boolean, what: string) => { if (!ok) bad.push(what); };
  const byType = (t: string) => plan.resources.filter((r) => r.type === t) as { name: string; inputs: Inputs; dependsOn?: readonly string[] }[];

  for (const nsg of byType(NSG_TYPE)) check(!("securityRules" in nsg.inputs), `${nsg.name}: inline securityRules`);
  const slots = new Set<string>();
  for (const { name, inputs: r } of byType(SECURITY_RULE_TYPE)) {
    check(Number.isInteger(r.priority) && r.priority >= AZURE_LIMITS.nsgPriority.min && r.priority <= AZURE_LIMITS.nsgPriority.max, `${name}: priority ${r.priority}`);
    const slot = `${r.networkSecurityGroupName} ${r.direction} ${r.priority}`;
    check(!slots.has(slot), `${name}: priority ${r.priority} taken twice (${r.direction})`);
    slots.add(slot);
    check(r.securityRuleName.length <= AZURE_LIMITS.nsgRuleName && NSG_RULE_NAME.test(r.securityRuleName), `${name}: rule name ${r.securityRuleName}`);
    check(!r.description || r.description.length <= 140, `${name}: description longer than 140`);
    for (const f of ["sourceAddressPrefix", "destinationAddressPrefix", "sourcePortRange", "destinationPortRange"]) {
      check((f in r) !== (`${f.replace(/x$/, "xe")}s` in r), `${name}: exactly one of ${f} and its plural`);
    }
    for (const p of [r.sourcePortRange, r.destinationPortRange, ...(r.sourcePortRanges ?? []), ...(r.destinationPortRanges ?? [])].filter((x) => x !== undefined)) {
      check(portOk(p), `${name}: port ${p}`);
    }
    for (const a of [...(r.sourceAddressPrefixes ?? []), ...(r.destinationAddressPrefixes ?? [])]) {
      check(canonicalCidr(a) === a, `${name}: augmented prefix ${a} is not a CIDR (tags cannot be combined)`);
    }
    check(["Tcp", "Udp", "*"].includes(r.protocol) && ["Allow", "Deny"].includes(r.access), `${name}: protocol/access`);
  }

  const ipGroups = byType(IP_GROUP_TYPE);
  ipGroups.forEach((g, i) => {
    check(g.inputs.ipAddresses.length <= AZURE_LIMITS.addressesPerIpGroup, `${g.name}: too many addresses`);
    g.inputs.ipAddresses.forEach((a: string) => check(canonicalCidr(a) === a, `${g.name}: address ${a}`));
    check(i === 0 ? !g.dependsOn : JSON.stringify(g.dependsOn) === JSON.stringify([ipGroups[i - 1].name]), `${g.name}: not chained after the previous IP Group`);
  });
  check(ipGroups.length <= AZURE_LIMITS.ipGroupsPerPolicy, "too many IP Groups");
  const fwPriority = (p: unknown) => Number.isInteger(p) && (p as number) >= AZURE_LIMITS.firewallPriority.min && (p as number) <= AZURE_LIMITS.firewallPriority.max;
  for (const rcg of byType(RULE_COLLECTION_GROUP_TYPE)) {
    check(fwPriority(rcg.inputs.priority), `${rcg.name}: priority ${rcg.inputs.priority}`);
    check(ipGroups.every((g) => rcg.dependsOn?.includes(g.name)), `${rcg.name}: does not depend on every IP Group`);
    const collections = rcg.inputs.ruleCollections as Inputs[];
    check(new Set(collections.map((c) => c.name)).size === collections.length, "collection names repeat");
    check(new Set(collections.map((c) => c.priority)).size === collections.length, "collection priorities repeat");
    for (const c of collections) {
      check(fwPriority(c.priority), `${c.name}: priority ${c.priority}`);
      check(new Set(c.rules.map((r: Inputs) => r.name)).size === c.rules.length, `${c.name}: rule names repeat`);
      for (const r of c.rules as Inputs[]) {
        check(r.name.length <= 80 && NSG_RULE_NAME.test(r.name), `${r.name}: name`);
        check(r.ruleType === (c.name.endsWith("-application") ? "ApplicationRule" : "NetworkRule"), `${r.name}: in the wrong collection`);
        check(!!(r.sourceAddresses?.length) !== !!(r.sourceIpGroups?.length), `${r.name}: sources`);
        if (r.ruleType === "ApplicationRule") {
          for (const f of r.targetFqdns) check(fqdnOk(f.startsWith("*.") ? f.slice(2) : f), `${r.name}: application FQDN ${f}`);
          for (const p of r.protocols) check(["Http", "Https"].includes(p.protocolType) && p.port >= 1 && p.port <= AZURE_LIMITS.applicationRulePortMax, `${r.name}: protocol ${JSON.stringify(p)}`);
        } else {
          for (const f of r.destinationFqdns ?? []) check(fqdnOk(f), `${r.name}: network FQDN ${f}`);
          for (const p of r.destinationPorts) check(portOk(p), `${r.name}: port ${p}`);
          for (const p of r.ipProtocols) check(["TCP", "UDP"].includes(p), `${r.name}: protocol ${p}`);
          const any = (r.destinationAddresses ?? []).includes("*");
          const coversWeb = r.destinationPorts.some((p: string) => p === "*" || [80, 443].some((w) => {
            const [a, b = a] = p.split("-").map(Number);
            return a <= w && w <= b;
          }));
          check(!(any && r.ipProtocols.includes("TCP") && coversWeb), `${r.name}: network allow to * on TCP 80/443 would bypass the application rules`);
        }
      }
    }
  }

  for (const r of byType(DNS_SECURITY_RULE_TYPE)) {
    check(DNS_NAME.test(r.inputs.dnsSecurityRuleName), `${r.name}: name ${r.inputs.dnsSecurityRuleName}`);
    check(Number.isInteger(r.inputs.priority) && r.inputs.priority >= AZURE_LIMITS.dnsPriority.min && r.inputs.priority <= AZURE_LIMITS.dnsPriority.max, `${r.name}: priority`);
  }
  for (const l of byType(DNS_LINK_TYPE)) check(DNS_NAME.test(l.inputs.dnsResolverPolicyVirtualNetworkLinkName), `${l.name}: name`);
  for (const l of byType(DNS_DOMAIN_LIST_TYPE)) {
    const domains = l.inputs.domains as string[];
    check(domains.length >= 1 && domains.length <= AZURE_LIMITS.dnsDomainsPerList, `${l.name}: domain count ${domains.length}`);
    for (const d of domains) check(d === "." || (d.endsWith(".") && fqdnOk(d.slice(0, -1))), `${l.name}: domain ${d}`);
  }
  return bad;
}
