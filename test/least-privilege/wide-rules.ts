/**
 * Finds the rules of a plan that admit every address (0.0.0.0/0, ::/0, `any`, `*`, the
 * `Internet` tag), and which SDKs each one is for, on every target: security group rules,
 * Network Firewall pass rules, Azure NSG allow rules and Azure Firewall rules.
 */
import { Plan, ResourceSpec } from "../../src/renderers/plan";
import { EGRESS_RULE_TYPE, INGRESS_RULE_TYPE, RULE_GROUP_TYPE } from "../../src/renderers/aws";
import { RULE_COLLECTION_GROUP_TYPE, SECURITY_RULE_TYPE } from "../../src/renderers/azure";

export interface WideRule {
  readonly target: string;
  /** The rule as the target writes it (its name, or its Suricata line). */
  readonly rule: string;
  /** The SDKs the rule says it is for. */
  readonly sdks: readonly string[];
}

const EVERY_ADDRESS = new Set(["0.0.0.0/0", "::/0", "*", "Internet", "any"]);

/** `Agora rtc-web, rtm-web; source: …` or `Agora rtc-web (agora-egress)` → the SDK ids. */
function sdksOfDescription(text: string): string[] {
  const m = /^Agora ([a-z0-9, -]+?)(?:;| \(agora-egress\)|$)/.exec(text);
  if (!m) throw new Error(`no SDKs in description ${JSON.stringify(text)}`);
  return m[1].split(", ");
}

function securityGroupRules(resources: readonly ResourceSpec[]): WideRule[] {
  return resources.filter((r) => r.type === EGRESS_RULE_TYPE || r.type === INGRESS_RULE_TYPE)
    .filter((r) => EVERY_ADDRESS.has(String(r.inputs.cidrIpv4 ?? r.inputs.cidrIpv6 ?? "")))
    .map((r) => ({ target: "security group", rule: r.name, sdks: sdksOfDescription(String(r.inputs.description)) }));
}

/** Suricata pass rules whose remote side is `any`; the handshake rule names no SDK, so the caller gives them. */
function networkFirewallRules(resources: readonly ResourceSpec[], handshakeSdks: readonly string[]): WideRule[] {
  const group = resources.find((r) => r.type === RULE_GROUP_TYPE);
  if (!group) return [];
  const lines = ((group.inputs.ruleGroup as { rulesSource: { rulesString: string } }).rulesSource.rulesString).split("\n");
  return lines.filter((l) => l.startsWith("pass ")).flatMap((line) => {
    const [, , src, , arrow, dst] = line.split(" ");
    const remote = arrow === "->" && src === "$HOME_NET" ? dst : src;
    const bothWays = arrow === "<>" && (src === "any" || dst === "any");
    if (!EVERY_ADDRESS.has(remote) && !bothWays) return [];
    const forSdks = /for ([a-z0-9 -]+)"/.exec(line);
    return [{ target: "network firewall", rule: line, sdks: forSdks ? forSdks[1].split(" ") : [...handshakeSdks] }];
  });
}

function nsgRules(resources: readonly ResourceSpec[]): WideRule[] {
  return resources.filter((r) => r.type === SECURITY_RULE_TYPE && r.inputs.access === "Allow").flatMap((r) => {
    const side = r.inputs.direction === "Outbound" ? "destination" : "source";
    const remote = [r.inputs[`${side}AddressPrefix`], ...((r.inputs[`${side}AddressPrefixes`] as string[] | undefined) ?? [])];
    if (!remote.some((a) => EVERY_ADDRESS.has(String(a)))) return [];
    return [{ target: "azure nsg", rule: r.name, sdks: sdksOfDescription(String(r.inputs.description)) }];
  });
}

function firewallRules(resources: readonly ResourceSpec[]): WideRule[] {
  return resources.filter((r) => r.type === RULE_COLLECTION_GROUP_TYPE).flatMap((g) =>
    (g.inputs.ruleCollections as { rules: Record<string, unknown>[] }[]).flatMap((c) => c.rules)
      .filter((rule) => [...((rule.destinationAddresses as string[]) ?? []), ...((rule.sourceAddresses as string[]) ?? [])].some((a) => EVERY_ADDRESS.has(a)))
      .map((rule) => ({ target: "azure firewall", rule: String(rule.name), sdks: sdksOfDescription(String(rule.description)) })));
}

/** Every rule of the plan that admits every address, with its SDKs. */
export function wideRules(plan: Plan): WideRule[] {
  const handshake = plan.widenings.find((w) => w.renderedAs.includes("handshake packets only"));
  return [
    ...securityGroupRules(plan.resources),
    ...networkFirewallRules(plan.resources, handshake?.sdks ?? []),
    ...nsgRules(plan.resources),
    ...firewallRules(plan.resources),
  ];
}
