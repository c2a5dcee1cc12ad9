/**
 * Which inputs force a provider to replace a resource rather than update it in place.
 * AWS: the Terraform provider's ForceNew/RequiresReplace attributes (which the Pulumi AWS
 * provider inherits). Azure Native: the properties that form the ARM resource path (names,
 * parent names, resource group) and `location`, plus documented create-only properties.
 * Types not listed here are judged conservatively: any input change is a replacement.
 */
const REPLACE_ON: Record<string, readonly string[]> = {
  "aws:ec2/securityGroup:SecurityGroup": ["name", "namePrefix", "description", "vpcId"],
  "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": ["securityGroupId"],
  "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": ["securityGroupId"],
  "aws:ec2/managedPrefixList:ManagedPrefixList": ["addressFamily"],
  // capacity is fixed at creation (cloud-semantics §3.2).
  "aws:networkfirewall/ruleGroup:RuleGroup": ["capacity", "name", "type"],
  // The policy's rule order can only be set at creation (cloud-semantics §3.3).
  "aws:networkfirewall/firewallPolicy:FirewallPolicy": ["name", "firewallPolicy.statefulEngineOptions.ruleOrder"],
  "aws:route53/resolverFirewallDomainList:ResolverFirewallDomainList": ["name"],
  "aws:route53/resolverFirewallRuleGroup:ResolverFirewallRuleGroup": ["name"],
  "aws:route53/resolverFirewallRule:ResolverFirewallRule": ["firewallRuleGroupId", "firewallDomainListId"],
  "aws:route53/resolverFirewallRuleGroupAssociation:ResolverFirewallRuleGroupAssociation": ["firewallRuleGroupId", "vpcId"],
  "aws:route53/resolverFirewallConfig:ResolverFirewallConfig": ["resourceId"],
  "azure-native:network:NetworkSecurityGroup": ["networkSecurityGroupName", "resourceGroupName", "location"],
  "azure-native:network:SecurityRule": ["securityRuleName", "networkSecurityGroupName", "resourceGroupName"],
  "azure-native:network:FirewallPolicy": ["firewallPolicyName", "resourceGroupName", "location"],
  "azure-native:network:FirewallPolicyRuleCollectionGroup": ["ruleCollectionGroupName", "firewallPolicyName", "resourceGroupName"],
  "azure-native:network:IpGroup": ["ipGroupsName", "resourceGroupName", "location"],
  "azure-native:dnsresolver:DnsResolverPolicy": ["dnsResolverPolicyName", "resourceGroupName", "location"],
  "azure-native:dnsresolver:DnsResolverDomainList": ["dnsResolverDomainListName", "resourceGroupName", "location"],
  "azure-native:dnsresolver:DnsSecurityRule": ["dnsSecurityRuleName", "dnsResolverPolicyName", "resourceGroupName", "location"],
  // virtualNetwork "cannot be changed after creation" (cloud-semantics §7.1).
  "azure-native:dnsresolver:DnsResolverPolicyVirtualNetworkLink": ["virtualNetworkLinkName", "dnsResolverPolicyName", "resourceGroupName", "location", "virtualNetwork"],
  // Organisation scope. A Firewall Manager policy keeps its type (PutPolicy updates a policy of the same type); its scope,
  // resource types and managedServiceData update in place.
  "aws:fms/policy:Policy": ["securityServicePolicyData.type"],
  "aws:ram/resourceShare:ResourceShare": [],
  "aws:ram/resourceAssociation:ResourceAssociation": ["resourceArn", "resourceShareArn"],
  "aws:ram/principalAssociation:PrincipalAssociation": ["principal", "resourceShareArn"],
  // Azure Virtual Network Manager resources are named in their ARM path, under the network manager.
  "azure-native:network:SecurityAdminConfiguration": ["configurationName", "networkManagerName", "resourceGroupName"],
  "azure-native:network:AdminRuleCollection": ["ruleCollectionName", "configurationName", "networkManagerName", "resourceGroupName"],
  "azure-native:network:AdminRule": ["ruleName", "ruleCollectionName", "configurationName", "networkManagerName", "resourceGroupName"],
  "azure-native:network:Commit": ["commitName", "networkManagerName", "resourceGroupName"],
};

/** The input paths (dotted) whose change replaces a resource of `type`; undefined when unknown. */
export function replacementPaths(type: string): readonly string[] | undefined {
  return REPLACE_ON[type];
}
