import { PortRange, mergePortRanges, parsePortRange } from "../../src/model";
import { Plan, parseRef } from "../../src/renderers/plan";
import { IP_GROUP_TYPE, RULE_COLLECTION_GROUP_TYPE, SECURITY_RULE_TYPE } from "../../src/renderers/azure";
import { cidrBlock, contains } from "./addresses";
import { fqdnCovers } from "./bounds";
import { ALL_PORTS, within } from "./ports";

/** An emitted rule as a product of sets, for telling why a count exceeds its bound. */
interface ProductRule {
  readonly name: string;
  readonly direction: string;
  readonly protocols: readonly string[];
  readonly sourcePorts: readonly PortRange[];
  readonly addresses: readonly string[];
  readonly ports: readonly PortRange[];
}

const WILDCARDS = new Set(["*", "Internet", "any"]);
const isCidr = (a: string) => /^\d+\.\d+\.\d+\.\d+\/\d+$/.test(a);

function addressCovers(outer: string, inner: string): boolean {
  if (outer === inner || WILDCARDS.has(outer)) return true;
  if (isCidr(outer) && isCidr(inner)) return contains(cidrBlock(outer), cidrBlock(inner));
  return fqdnCovers(outer, inner);
}

const subset = (inner: ProductRule, outer: ProductRule) => inner.direction === outer.direction
  && inner.protocols.every((p) => outer.protocols.includes(p))
  && inner.sourcePorts.every((r) => within(r, outer.sourcePorts))
  && inner.ports.every((r) => within(r, outer.ports))
  && inner.addresses.every((a) => outer.addresses.some((o) => addressCovers(o, a)));

/** Rules that another single rule already admits entirely (of two identical rules, one counts). */
export function redundantRules(rules: readonly ProductRule[]): string[] {
  return rules.filter((r, i) => rules.some((o, j) => j !== i && subset(r, o) && (!subset(o, r) || j < i))).map((r) => r.name);
}

const ports = (single: unknown, many: unknown): PortRange[] => {
  const texts = (Array.isArray(many) ? many : [single]) as string[];
  return texts.includes("*") ? [...ALL_PORTS] : mergePortRanges(texts.map((t) => parsePortRange(t)));
};
const list = (single: unknown, many: unknown): string[] => (Array.isArray(many) ? many : [single]) as string[];

export function nsgProductRules(plan: Plan): ProductRule[] {
  return plan.resources.filter((r) => r.type === SECURITY_RULE_TYPE && r.inputs.access === "Allow").map((r) => {
    const i = r.inputs;
    const outbound = i.direction === "Outbound";
    return {
      name: r.name, direction: String(i.direction), protocols: [String(i.protocol)],
      sourcePorts: ports(i.sourcePortRange, i.sourcePortRanges),
      addresses: outbound ? list(i.destinationAddressPrefix, i.destinationAddressPrefixes) : list(i.sourceAddressPrefix, i.sourceAddressPrefixes),
      ports: ports(i.destinationPortRange, i.destinationPortRanges),
    };
  });
}

/** Network and application rules of the rule collection group; IP Groups expanded to their addresses. */
export function firewallProductRules(plan: Plan): { network: ProductRule[]; application: ProductRule[] } {
  const ipGroups = new Map(plan.resources.filter((r) => r.type === IP_GROUP_TYPE).map((r) => [r.name, r.inputs.ipAddresses as string[]]));
  const group = plan.resources.find((r) => r.type === RULE_COLLECTION_GROUP_TYPE);
  const rules = ((group?.inputs.ruleCollections ?? []) as { rules: Record<string, unknown>[] }[]).flatMap((c) => c.rules);
  const expand = (ids: unknown) => ((ids ?? []) as string[]).flatMap((id) => ipGroups.get(parseRef(id)?.name ?? "") ?? [id]);
  const network = rules.filter((r) => r.ruleType === "NetworkRule").map((r) => {
    const inbound = String(r.name).startsWith("in-");
    const remote = inbound
      ? [...((r.sourceAddresses ?? []) as string[]), ...expand(r.sourceIpGroups)]
      : [...((r.destinationAddresses ?? []) as string[]), ...((r.destinationFqdns ?? []) as string[]), ...expand(r.destinationIpGroups)];
    return {
      name: String(r.name), direction: inbound ? "ingress" : "egress", protocols: r.ipProtocols as string[],
      sourcePorts: [...ALL_PORTS], addresses: remote, ports: ports(undefined, r.destinationPorts),
    };
  });
  const application = rules.filter((r) => r.ruleType === "ApplicationRule").map((r) => ({
    name: String(r.name), direction: "egress", protocols: ["tcp"], sourcePorts: [...ALL_PORTS],
    addresses: r.targetFqdns as string[],
    ports: mergePortRanges((r.protocols as { port: number }[]).map((p) => ({ from: p.port, to: p.port }))),
  }));
  return { network, application };
}
