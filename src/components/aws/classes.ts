import * as ec2 from "@pulumi/aws/ec2";
import * as fms from "@pulumi/aws/fms";
import * as networkfirewall from "@pulumi/aws/networkfirewall";
import * as ram from "@pulumi/aws/ram";
import * as route53 from "@pulumi/aws/route53";
import * as vpc from "@pulumi/aws/vpc";
import {
  DNS_ASSOCIATION_TYPE, DNS_CONFIG_TYPE, DNS_RULE_GROUP_TYPE, DNS_RULE_TYPE, DOMAIN_LIST_TYPE, EGRESS_RULE_TYPE, FIREWALL_POLICY_TYPE,
  FMS_POLICY_TYPE, INGRESS_RULE_TYPE, PREFIX_LIST_TYPE, RAM_PRINCIPAL_ASSOCIATION_TYPE, RAM_RESOURCE_ASSOCIATION_TYPE, RAM_SHARE_TYPE,
  RULE_GROUP_TYPE, SECURITY_GROUP_TYPE,
} from "../../renderers/aws";
import { ResourceClass } from "../instantiate";

/** The provider class for every type token the AWS renderers emit. */
export const AWS_CLASSES: Readonly<Record<string, ResourceClass>> = {
  [SECURITY_GROUP_TYPE]: ec2.SecurityGroup,
  [PREFIX_LIST_TYPE]: ec2.ManagedPrefixList,
  [EGRESS_RULE_TYPE]: vpc.SecurityGroupEgressRule,
  [INGRESS_RULE_TYPE]: vpc.SecurityGroupIngressRule,
  [RULE_GROUP_TYPE]: networkfirewall.RuleGroup,
  [FIREWALL_POLICY_TYPE]: networkfirewall.FirewallPolicy,
  [DOMAIN_LIST_TYPE]: route53.ResolverFirewallDomainList,
  [DNS_RULE_GROUP_TYPE]: route53.ResolverFirewallRuleGroup,
  [DNS_RULE_TYPE]: route53.ResolverFirewallRule,
  [DNS_ASSOCIATION_TYPE]: route53.ResolverFirewallRuleGroupAssociation,
  [DNS_CONFIG_TYPE]: route53.ResolverFirewallConfig,
  [FMS_POLICY_TYPE]: fms.Policy,
  [RAM_SHARE_TYPE]: ram.ResourceShare,
  [RAM_RESOURCE_ASSOCIATION_TYPE]: ram.ResourceAssociation,
  [RAM_PRINCIPAL_ASSOCIATION_TYPE]: ram.PrincipalAssociation,
};
