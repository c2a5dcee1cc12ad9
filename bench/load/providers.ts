/**
 * @pulumi/pulumi and the provider submodules the components import, touching every class they
 * construct, as a hand-written program constructing those resources would.
 */
export function loadProviders(): void {
  require("@pulumi/pulumi");
  const ec2 = require("@pulumi/aws/ec2");
  const vpc = require("@pulumi/aws/vpc");
  const networkfirewall = require("@pulumi/aws/networkfirewall");
  const route53 = require("@pulumi/aws/route53");
  const network = require("@pulumi/azure-native/network");
  const dnsresolver = require("@pulumi/azure-native/dnsresolver");
  const classes = [
    ec2.SecurityGroup, ec2.ManagedPrefixList, vpc.SecurityGroupEgressRule, vpc.SecurityGroupIngressRule,
    networkfirewall.RuleGroup, networkfirewall.FirewallPolicy,
    route53.ResolverFirewallDomainList, route53.ResolverFirewallRuleGroup, route53.ResolverFirewallRule,
    route53.ResolverFirewallRuleGroupAssociation, route53.ResolverFirewallConfig,
    network.NetworkSecurityGroup, network.SecurityRule, network.FirewallPolicy, network.FirewallPolicyRuleCollectionGroup, network.IpGroup,
    dnsresolver.DnsResolverPolicy, dnsresolver.DnsResolverDomainList, dnsresolver.DnsSecurityRule, dnsresolver.DnsResolverPolicyVirtualNetworkLink,
  ];
  if (classes.some((c) => typeof c !== "function")) throw new Error("a provider class did not load");
}

