import * as aws from "../renderers/aws";
import * as azure from "../renderers/azure";

/**
 * Which inputs force a provider to replace a resource rather than update it in place.
 * AWS: the Terraform provider's ForceNew/RequiresReplace attributes (which the Pulumi AWS
 * provider inherits). Azure Native: the properties that form the ARM resource path (names,
 * parent names, resource group) and `location`, plus documented create-only properties.
 * Types not listed here are judged conservatively: any input change is a replacement. The types
 * are the renderers' own constants, so a type token is written once.
 */
const REPLACE_ON: Record<string, readonly string[]> = {
  [aws.SECURITY_GROUP_TYPE]: ["name", "namePrefix", "description", "vpcId"],
  [aws.EGRESS_RULE_TYPE]: ["securityGroupId"],
  [aws.INGRESS_RULE_TYPE]: ["securityGroupId"],
  [aws.PREFIX_LIST_TYPE]: ["addressFamily"],
  // capacity is fixed at creation (cloud-semantics §3.2).
  [aws.RULE_GROUP_TYPE]: ["capacity", "name", "type"],
  // The policy's rule order can only be set at creation (cloud-semantics §3.3).
  [aws.FIREWALL_POLICY_TYPE]: ["name", "firewallPolicy.statefulEngineOptions.ruleOrder"],
  [aws.DOMAIN_LIST_TYPE]: ["name"],
  [aws.DNS_RULE_GROUP_TYPE]: ["name"],
  [aws.DNS_RULE_TYPE]: ["firewallRuleGroupId", "firewallDomainListId"],
  [aws.DNS_ASSOCIATION_TYPE]: ["firewallRuleGroupId", "vpcId"],
  [aws.DNS_CONFIG_TYPE]: ["resourceId"],
  [azure.NSG_TYPE]: ["networkSecurityGroupName", "resourceGroupName", "location"],
  [azure.SECURITY_RULE_TYPE]: ["securityRuleName", "networkSecurityGroupName", "resourceGroupName"],
  [azure.FIREWALL_POLICY_TYPE]: ["firewallPolicyName", "resourceGroupName", "location"],
  [azure.RULE_COLLECTION_GROUP_TYPE]: ["ruleCollectionGroupName", "firewallPolicyName", "resourceGroupName"],
  [azure.IP_GROUP_TYPE]: ["ipGroupsName", "resourceGroupName", "location"],
  [azure.DNS_POLICY_TYPE]: ["dnsResolverPolicyName", "resourceGroupName", "location"],
  [azure.DNS_DOMAIN_LIST_TYPE]: ["dnsResolverDomainListName", "resourceGroupName", "location"],
  [azure.DNS_SECURITY_RULE_TYPE]: ["dnsSecurityRuleName", "dnsResolverPolicyName", "resourceGroupName", "location"],
  // virtualNetwork "cannot be changed after creation" (cloud-semantics §7.1).
  [azure.DNS_LINK_TYPE]: ["virtualNetworkLinkName", "dnsResolverPolicyName", "resourceGroupName", "location", "virtualNetwork"],
  // Organisation scope. A Firewall Manager policy keeps its type (PutPolicy updates a policy of the same type); its scope,
  // resource types and managedServiceData update in place.
  [aws.FMS_POLICY_TYPE]: ["securityServicePolicyData.type"],
  [aws.RAM_SHARE_TYPE]: [],
  [aws.RAM_RESOURCE_ASSOCIATION_TYPE]: ["resourceArn", "resourceShareArn"],
  [aws.RAM_PRINCIPAL_ASSOCIATION_TYPE]: ["principal", "resourceShareArn"],
  // Azure Virtual Network Manager resources are named in their ARM path, under the network manager.
  [azure.SECURITY_ADMIN_CONFIGURATION_TYPE]: ["configurationName", "networkManagerName", "resourceGroupName"],
  [azure.ADMIN_RULE_COLLECTION_TYPE]: ["ruleCollectionName", "configurationName", "networkManagerName", "resourceGroupName"],
  [azure.ADMIN_RULE_TYPE]: ["ruleName", "ruleCollectionName", "configurationName", "networkManagerName", "resourceGroupName"],
  [azure.NETWORK_MANAGER_COMMIT_TYPE]: ["commitName", "networkManagerName", "resourceGroupName"],
};

/** The input paths (dotted) whose change replaces a resource of `type`; undefined when unknown. */
export function replacementPaths(type: string): readonly string[] | undefined {
  return REPLACE_ON[type];
}
