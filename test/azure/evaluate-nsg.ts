import { Flow, cidrContains, isIpv4Literal, parsePortRange, portInRanges } from "../../src/model";
import { Plan } from "../../src/renderers/plan";
import { SECURITY_RULE_TYPE } from "../../src/renderers/azure";
import { isPublicAddress } from "./patterns";

/**
 * A small NSG evaluator: the plan's SecurityRules plus Azure's default rules, first match by
 * priority within the flow's direction. The workload is the local side; a flow's
 * `destination` is the remote side (name or address). A name can only match `*` or `Internet`
 * (its addresses are unknown, and Agora names are public); the workload matches `*` only.
 */
type Inputs = Record<string, unknown>;

const list = (inputs: Inputs, singular: string): string[] => {
  const plural = inputs[`${singular}es`] ?? inputs[`${singular}s`];
  return Array.isArray(plural) ? plural.map(String) : [String(inputs[singular])];
};

function addressMatches(prefixes: string[], remote: string): boolean {
  return prefixes.some((p) => {
    if (p === "*") return true;
    if (p === "Internet") return !isIpv4Literal(remote) || isPublicAddress(remote);
    if (p === "VirtualNetwork" || !isIpv4Literal(remote)) return false;
    return cidrContains(p, remote);
  });
}

function portMatches(ranges: string[], port: number | undefined): boolean {
  if (ranges.includes("*")) return true;
  return port !== undefined && portInRanges(port, ranges.map((r) => parsePortRange(r)));
}

function ruleMatches(r: Inputs, flow: Flow): boolean {
  const egress = (flow.direction ?? "egress") === "egress";
  if (r.direction !== (egress ? "Outbound" : "Inbound")) return false;
  if (r.protocol !== "*" && String(r.protocol).toLowerCase() !== flow.protocol) return false;
  if (!portMatches(list(r, "destinationPortRange"), flow.port)) return false;
  if (egress) {
    return list(r, "sourceAddressPrefix").includes("*")
      && portMatches(list(r, "sourcePortRange"), flow.sourcePort)
      && addressMatches(list(r, "destinationAddressPrefix"), flow.destination);
  }
  return list(r, "destinationAddressPrefix").includes("*")
    && list(r, "sourcePortRange").includes("*")
    && addressMatches(list(r, "sourceAddressPrefix"), flow.destination);
}

/** Azure's undeletable defaults, as far as a remote (non-VNet) side is concerned. */
const DEFAULTS: Inputs[] = [
  { direction: "Outbound", priority: 65001, access: "Allow", protocol: "*", sourceAddressPrefix: "*", sourcePortRange: "*", destinationAddressPrefix: "Internet", destinationPortRange: "*" },
  { direction: "Outbound", priority: 65500, access: "Deny", protocol: "*", sourceAddressPrefix: "*", sourcePortRange: "*", destinationAddressPrefix: "*", destinationPortRange: "*" },
  { direction: "Inbound", priority: 65500, access: "Deny", protocol: "*", sourceAddressPrefix: "*", sourcePortRange: "*", destinationAddressPrefix: "*", destinationPortRange: "*" },
];

/** Azure-provided DNS and IMDS: platform addresses NSG rules do not filter (cloud-semantics §5). */
export const PLATFORM_ADDRESSES = ["168.63.129.16", "169.254.169.254"];

/** Compiles the plan's rules once; the result answers one flow at a time. */
export function nsgEvaluator(plan: Plan): (flow: Flow) => boolean {
  const rules = [...plan.resources.filter((s) => s.type === SECURITY_RULE_TYPE).map((s) => s.inputs), ...DEFAULTS]
    .sort((a, b) => Number(a.priority) - Number(b.priority));
  return (flow) => ((flow.direction ?? "egress") === "egress" && PLATFORM_ADDRESSES.includes(flow.destination))
    || rules.find((r) => ruleMatches(r, flow))?.access === "Allow";
}

export const nsgAdmits = (plan: Plan, flow: Flow): boolean => nsgEvaluator(plan)(flow);
