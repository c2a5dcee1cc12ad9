import * as pulumi from "@pulumi/pulumi";
import {
  DNS_ASSOCIATION_TYPE, DNS_RULE_TYPE, DOMAIN_LIST_TYPE, FIREWALL_POLICY_TYPE, PREFIX_LIST_TYPE, RULE_GROUP_TYPE,
  SecurityGroupOptions, securityGroupIds,
} from "../../renderers/aws";
import { Plan, parseRef } from "../../renderers/plan";
import { External } from "../../args/external";

type Created = ReadonlyMap<string, pulumi.CustomResource>;

/** The value behind a plan reference (`${name.output}`): an output of a created resource or an external input. */
function refOutput(value: string, created: Created, external: External): pulumi.Output<string> {
  const r = parseRef(value);
  if (!r) return pulumi.output(value);
  const source = external[r.name]?.[r.output] ?? (created.get(r.name) as unknown as Record<string, pulumi.Input<unknown>> | undefined)?.[r.output];
  if (source === undefined) throw new Error(`plan reference ${value} points at nothing`);
  return pulumi.output(source) as pulumi.Output<string>;
}

/** One output of every created resource of a type, in plan order. */
function outputsOf(plan: Plan, created: Created, type: string, output: string): pulumi.Output<string[]> {
  return pulumi.all(plan.resources.filter((r) => r.type === type).map((r) => refOutput(`\${${r.name}.${output}}`, created, {})));
}

export function securityGroupOutputs(plan: Plan, created: Created, external: External, options: SecurityGroupOptions) {
  return {
    securityGroupIds: pulumi.all(securityGroupIds(plan, options).map((id) => refOutput(id, created, external))),
    prefixListIds: outputsOf(plan, created, PREFIX_LIST_TYPE, "id"),
  };
}

export function networkFirewallOutputs(plan: Plan, created: Created) {
  return {
    ruleGroupArn: outputsOf(plan, created, RULE_GROUP_TYPE, "arn").apply((a) => a[0]),
    firewallPolicyArn: outputsOf(plan, created, FIREWALL_POLICY_TYPE, "arn").apply((a): string | undefined => a[0]),
  };
}

export function dnsFirewallOutputs(plan: Plan, created: Created, external: External) {
  const rule = plan.resources.find((r) => r.type === DNS_RULE_TYPE)!;
  return {
    dnsFirewallRuleGroupId: refOutput(rule.inputs.firewallRuleGroupId as string, created, external),
    dnsFirewallDomainListIds: outputsOf(plan, created, DOMAIN_LIST_TYPE, "id"),
    dnsFirewallRuleIds: outputsOf(plan, created, DNS_RULE_TYPE, "id"),
    dnsFirewallAssociationIds: outputsOf(plan, created, DNS_ASSOCIATION_TYPE, "id"),
  };
}
