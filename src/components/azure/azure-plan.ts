import * as pulumi from "@pulumi/pulumi";
import * as network from "@pulumi/azure-native/network";
import * as dnsresolver from "@pulumi/azure-native/dnsresolver";
import {
  AzureTarget, DNS_DOMAIN_LIST_TYPE, DNS_LINK_TYPE, DNS_POLICY_SPEC, DNS_POLICY_TYPE, DNS_SECURITY_RULE_TYPE, EXTERNAL,
  FIREWALL_POLICY_SPEC, FIREWALL_POLICY_TYPE, IP_GROUP_TYPE, NSG_SPEC, NSG_TYPE, RULE_COLLECTION_GROUP_SPEC,
  RULE_COLLECTION_GROUP_TYPE, SECURITY_RULE_TYPE, renderAzurePlan,
} from "../../renderers/azure";
import { Plan } from "../../renderers/plan";
import { AppSettingOutput, WideningOutput, staticOutput } from "../output-types";
import { ResourceClass, instantiate } from "../instantiate";
import { SharedPlan, sharedPlan, sharedResolution } from "../plan-cache";
import { AzureEgressShape, External, azurePlanInputs, withArgNames } from "./args";

/** Provider classes for every type token the Azure renderers emit. */
export const AZURE_CLASSES: Readonly<Record<string, ResourceClass>> = {
  [NSG_TYPE]: network.NetworkSecurityGroup,
  [SECURITY_RULE_TYPE]: network.SecurityRule,
  [FIREWALL_POLICY_TYPE]: network.FirewallPolicy,
  [RULE_COLLECTION_GROUP_TYPE]: network.FirewallPolicyRuleCollectionGroup,
  [IP_GROUP_TYPE]: network.IpGroup,
  [DNS_POLICY_TYPE]: dnsresolver.DnsResolverPolicy,
  [DNS_DOMAIN_LIST_TYPE]: dnsresolver.DnsResolverDomainList,
  [DNS_SECURITY_RULE_TYPE]: dnsresolver.DnsSecurityRule,
  [DNS_LINK_TYPE]: dnsresolver.DnsResolverPolicyVirtualNetworkLink,
};

/** What every Azure component exposes, as far as its targets go. */
export interface AzureEgressOutputs {
  readonly plan: Plan;
  readonly networkSecurityGroupId?: pulumi.Output<string>;
  readonly firewallPolicyId?: pulumi.Output<string>;
  readonly ruleCollectionGroupId?: pulumi.Output<string>;
  readonly ipGroupIds: pulumi.Output<string[]>;
  readonly dnsSecurityPolicyId?: pulumi.Output<string>;
  readonly widenings: pulumi.Output<WideningOutput[]>;
  readonly appSettings: pulumi.Output<AppSettingOutput[]>;
}

/** A validated, rendered plan and what `instantiate` needs to create it. */
export interface AzureEgressPlan {
  /** The plan and its static outputs, shared between identical selections and options (plan-cache.ts). */
  readonly shared: SharedPlan;
  readonly plan: Plan;
  readonly external: External;
  readonly targets: readonly AzureTarget[];
}

/**
 * Resolves the selection and renders the plan. Pure of side effects, so components call it
 * before registering anything: bad input throws an InputError naming the arg and creates nothing.
 */
export function planAzureEgress(args: AzureEgressShape, targets: readonly AzureTarget[], rename: (field: string) => string = (f) => f): AzureEgressPlan {
  const resolved = withArgNames(() => sharedResolution(args), rename);
  const { options, external } = withArgNames(() => azurePlanInputs(args, targets), rename);
  const shared = withArgNames(() => sharedPlan(resolved, "azure", options, renderAzurePlan), (f) => rename(f.replace(/^azure\./, "args.")));
  return { shared, plan: shared.plan, external, targets };
}

/** Creates exactly the planned specs as children of `parent` and picks the outputs. */
export function createAzureEgress(parent: pulumi.ComponentResource, name: string, planned: AzureEgressPlan): AzureEgressOutputs {
  const { plan, external, targets, shared } = planned;
  const created = instantiate(parent, name, plan.resources, AZURE_CLASSES, external);
  const id = (spec: string, existingName: string): pulumi.Output<string> | undefined => {
    const resource = created.get(spec);
    if (resource) return resource.id;
    const given = external[existingName]?.id as pulumi.Input<string> | undefined;
    return given === undefined ? undefined : pulumi.output(given);
  };
  return {
    plan,
    ...(targets.includes(AzureTarget.Nsg) ? { networkSecurityGroupId: id(NSG_SPEC, EXTERNAL.existingNsg) } : {}),
    ...(targets.includes(AzureTarget.FirewallPolicy) ? {
      firewallPolicyId: id(FIREWALL_POLICY_SPEC, EXTERNAL.existingFirewallPolicy),
      ruleCollectionGroupId: created.get(RULE_COLLECTION_GROUP_SPEC)!.id,
    } : {}),
    ...(targets.includes(AzureTarget.DnsSecurityPolicy) ? { dnsSecurityPolicyId: id(DNS_POLICY_SPEC, EXTERNAL.existingDnsSecurityPolicy) } : {}),
    ipGroupIds: pulumi.all(plan.resources.filter((s) => s.type === IP_GROUP_TYPE).map((s) => created.get(s.name)!.id)),
    widenings: staticOutput(shared.widenings),
    appSettings: staticOutput(shared.appSettings),
  };
}
