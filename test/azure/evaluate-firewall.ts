import { Flow, canonicalDomain, cidrContains, isIpv4Literal, parsePortRange, portInRanges } from "../../src/model";
import { IP_GROUP_TYPE, RULE_COLLECTION_GROUP_TYPE } from "../../src/renderers/azure";
import { Plan, parseRef } from "../../src/renderers/plan";

/**
 * A small Azure Firewall evaluator for the plan's rule collection group: network rules first,
 * then application rules (all collections here are Allow), then deny. The workload is
 * `WORKLOAD` (inside the default RFC 1918 sources, and inside any source IP Group given by id).
 * Network-rule FQDNs and application-rule FQDNs match names only (the evaluator does not resolve).
 */
export const WORKLOAD = "10.1.2.3";
type Inputs = Record<string, unknown>;
const strings = (v: unknown): string[] | undefined => (Array.isArray(v) ? v.map(String) : undefined);

export function firewallEvaluator(plan: Plan): (flow: Flow) => boolean {
  const rcg = plan.resources.find((s) => s.type === RULE_COLLECTION_GROUP_TYPE);
  if (!rcg) return () => false;
  const ipGroups = new Map(plan.resources.filter((s) => s.type === IP_GROUP_TYPE).map((s) => [s.name, strings(s.inputs.ipAddresses)!]));

  const inAddresses = (entries: string[] | undefined, who: string) => !!entries?.some((e) =>
    e === "*" || (isIpv4Literal(who) && isIpv4Literal(e) && cidrContains(e, who)));
  const inIpGroups = (ids: string[] | undefined, who: string) => !!ids?.some((id) => {
    const r = parseRef(id);
    if (!r) return who === WORKLOAD; // an existing group given by id: the workloads'
    return inAddresses(ipGroups.get(r.name), who);
  });
  const inFqdns = (fqdns: string[] | undefined, who: string) =>
    !isIpv4Literal(who) && !!fqdns?.some((f) => canonicalDomain(f) === canonicalDomain(who));
  const side = (r: Inputs, s: "source" | "destination", who: string) =>
    inAddresses(strings(r[`${s}Addresses`]), who) || inIpGroups(strings(r[`${s}IpGroups`]), who)
    || (s === "destination" && inFqdns(strings(r.destinationFqdns), who));

  const collections = (rcg.inputs.ruleCollections as Inputs[]).map((c) => c.rules as Inputs[]);
  const network = collections.flat().filter((r) => r.ruleType === "NetworkRule");
  const application = collections.flat().filter((r) => r.ruleType === "ApplicationRule");

  return (flow) => {
    const egress = (flow.direction ?? "egress") === "egress";
    const [from, to] = egress ? [WORKLOAD, flow.destination] : [flow.destination, WORKLOAD];
    const networkMatch = network.some((r) =>
      strings(r.ipProtocols)!.some((p) => p === "Any" || p.toLowerCase() === flow.protocol)
      && strings(r.destinationPorts)!.some((p) => p === "*" || portInRanges(flow.port, [parsePortRange(p)]))
      && side(r, "source", from) && side(r, "destination", to));
    if (networkMatch) return true;
    if (!egress || flow.protocol !== "tcp" || isIpv4Literal(flow.destination)) return false;
    const name = canonicalDomain(flow.destination);
    return application.some((r) =>
      (r.protocols as { port: number }[]).some((p) => p.port === flow.port)
      && side(r, "source", WORKLOAD)
      && strings(r.targetFqdns)!.some((f) => (f.startsWith("*.") ? name.endsWith(f.slice(1)) : name === f)));
  };
}

export const firewallAdmits = (plan: Plan, flow: Flow): boolean => firewallEvaluator(plan)(flow);
