import * as pulumi from "@pulumi/pulumi";
import * as network from "@pulumi/azure-native/network";
import * as dnsresolver from "@pulumi/azure-native/dnsresolver";
import {
  ADMIN_RULE_COLLECTION_TYPE, ADMIN_RULE_TYPE, AzureTarget, DNS_DOMAIN_LIST_TYPE, NETWORK_MANAGER_COMMIT_TYPE, SECURITY_ADMIN_CONFIGURATION_TYPE, DNS_LINK_TYPE, DNS_POLICY_SPEC, DNS_POLICY_TYPE, DNS_SECURITY_RULE_TYPE, EXTERNAL,
  FIREWALL_POLICY_SPEC, FIREWALL_POLICY_TYPE, IP_GROUP_TYPE, NSG_SPEC, NSG_TYPE, RULE_COLLECTION_GROUP_SPEC,
  RULE_COLLECTION_GROUP_TYPE, SECURITY_RULE_TYPE, renderAzurePlan, selectedAzureTargets,
} from "../../renderers/azure";
import { AppSettingOutput, QuotaUsageOutput, WideningOutput } from "../output-types";
import { ArgsLayout } from "../../args/arg-names";
import { Prepared, createChildren, prepareSelection } from "../build";
import { PlanName } from "../../planning";
import { onResource } from "../errors";
import { ResourceClass, instantiate } from "../instantiate";
import { AzureEgressShape } from "../../args/azure-settings";
import { External } from "../../args/external";
import { ExistingId, azurePlanInputs, existingOutputs } from "./args";

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
  [SECURITY_ADMIN_CONFIGURATION_TYPE]: network.SecurityAdminConfiguration,
  [ADMIN_RULE_COLLECTION_TYPE]: network.AdminRuleCollection,
  [ADMIN_RULE_TYPE]: network.AdminRule,
  [NETWORK_MANAGER_COMMIT_TYPE]: network.Commit,
};

/** What every Azure component exposes, as far as its targets go (undefined where a control is not deployed). */
export interface AzureEgressOutputs {
  readonly networkSecurityGroupId: pulumi.Output<string | undefined>;
  readonly firewallPolicyId: pulumi.Output<string | undefined>;
  readonly ruleCollectionGroupId: pulumi.Output<string | undefined>;
  readonly ipGroupIds: pulumi.Output<string[]>;
  readonly dnsSecurityPolicyId: pulumi.Output<string | undefined>;
  readonly widenings: pulumi.Output<WideningOutput[]>;
  readonly quotas: pulumi.Output<QuotaUsageOutput[]>;
  readonly appSettings: pulumi.Output<AppSettingOutput[]>;
}

/** A validated plan (or one prepared for when the endpoints are known) and what `instantiate` needs to create it. */
export interface AzureEgressPlan {
  readonly prepared: Prepared;
  readonly external: External;
  readonly existingIds: readonly ExistingId[];
  /** The controls the plan deploys: those whose settings `args` gives. */
  readonly controls: readonly AzureTarget[];
}

/**
 * Validates the args and resolves and renders the plan (or prepares it, see `prepareSelection`)
 * of the controls whose settings `args` gives (`nsg: {}` for the defaults). Free of side
 * effects, so components call it before registering anything: bad input throws an InputError
 * (for `beforeRegistration` to name the arg) and creates nothing.
 */
export function planAzureEgress(args: AzureEgressShape): AzureEgressPlan {
  const { options, external, existingIds } = azurePlanInputs(args);
  return { prepared: prepareSelection(args, PlanName.Azure, options, renderAzurePlan), external, existingIds, controls: selectedAzureTargets(options) };
}

const OUTPUT_KEYS = ["networkSecurityGroupId", "firewallPolicyId", "ruleCollectionGroupId", "ipGroupIds", "dnsSecurityPolicyId"] as const;

/** Creates exactly the planned specs as children of `parent` and picks the outputs. */
export function createAzureEgress(parent: pulumi.ComponentResource, name: string, layout: ArgsLayout, planned: AzureEgressPlan): AzureEgressOutputs {
  const { controls, existingIds } = planned;
  const external = existingOutputs(existingIds, planned.external, (fn) => onResource(parent, layout, fn));
  const none = pulumi.output<string | undefined>(undefined);
  const out = createChildren(parent, layout, planned.prepared, OUTPUT_KEYS, [], (plan, wrap) => {
    const created = instantiate(parent, name, plan.resources, AZURE_CLASSES, external, wrap);
    const id = (spec: string, existingName: string): pulumi.Output<string | undefined> => {
      const resource = created.get(spec);
      if (resource) return resource.id;
      const given = external[existingName]?.id as pulumi.Input<string> | undefined;
      return given === undefined ? none : pulumi.output(given);
    };
    return {
      networkSecurityGroupId: controls.includes(AzureTarget.Nsg) ? id(NSG_SPEC, EXTERNAL.existingNsg) : none,
      firewallPolicyId: controls.includes(AzureTarget.FirewallPolicy) ? id(FIREWALL_POLICY_SPEC, EXTERNAL.existingFirewallPolicy) : none,
      ruleCollectionGroupId: controls.includes(AzureTarget.FirewallPolicy) ? created.get(RULE_COLLECTION_GROUP_SPEC)!.id : none,
      ipGroupIds: pulumi.all(plan.resources.filter((s) => s.type === IP_GROUP_TYPE).map((s) => created.get(s.name)!.id)),
      dnsSecurityPolicyId: controls.includes(AzureTarget.DnsSecurityPolicy) ? id(DNS_POLICY_SPEC, EXTERNAL.existingDnsSecurityPolicy) : none,
    };
  });
  return out;
}
