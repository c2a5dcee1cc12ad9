// Generated from src/renderers/<cloud>/settings.ts by `npm run generate` (src/args/generate.ts). Do not edit.
import type * as pulumi from "@pulumi/pulumi";
import type { DnsBlockResponse, DnsRedirectionAction, StatefulDefaultAction } from "../renderers/aws/settings";
import type { FirewallDeploymentModel } from "../renderers/aws/organization-settings";
import type { FirewallPolicyTier } from "../renderers/azure/settings";

/** Security groups settings: `securityGroups` in AwsAgoraEgress's args and `agora-egress:aws`. */
export interface AwsSecurityGroupSettings {
  /** VPC to create the security groups in (e.g. `vpc.id`). Needed unless `existingSecurityGroupId` holds every rule. */
  vpcId?: pulumi.Input<string>;
  /** Existing security group that receives the rules (the first shard); further shards are created in `vpcId`. Its own rules are not counted: revoke its default allow-all egress rule and lower `maxRulesPerGroup` to leave room for them. */
  existingSecurityGroupId?: pulumi.Input<string>;
  /** Also open `::/0` where a domain had to be widened to every address (domains may resolve to IPv6). Default false. */
  ipv6?: boolean;
  /** Rules per group, per direction and address family: your account's quota (default 60). */
  maxRulesPerGroup?: number;
  /** Security groups per network interface: your account's quota (default 5, at most 16). */
  maxGroupsPerInterface?: number;
  /** Put cloud-proxy endpoint addresses in customer-managed prefix lists (one per port profile). Default false. */
  proxyPrefixLists?: boolean;
  /** `maxEntries` of each prefix list (default: its entry count); each referencing rule costs this much quota. */
  prefixListMaxEntries?: number;
}

/** Network Firewall settings: `networkFirewall` in AwsAgoraEgress's args and `agora-egress:aws`. */
export interface AwsNetworkFirewallSettings {
  /** Source CIDRs of the inspected workloads (HOME_NET), for centralised (Transit Gateway) inspection. Default: the firewall VPC's CIDR. */
  homeNet?: string[];
  /** Create a strict-order firewall policy holding the rule group. Default false: use `ruleGroupArn` in your own policy. */
  createPolicy?: boolean;
  /** Default action of the created policy. Default `aws:drop_established`. */
  statefulDefaultAction?: StatefulDefaultAction;
  /** Priority of the rule group in the created policy (1–65535). Default 100. */
  ruleGroupPriority?: number;
  /** Fixed rule group capacity (replaces the group when changed). Default: from the rule count with headroom, rounded up to a bucket. */
  capacity?: number;
  /** Multiplier on the rule count before rounding up to a capacity bucket. Default 2. */
  capacityHeadroom?: number;
  /** TCP ports where clients speak TLS (matched by SNI). Default `["443"]`. */
  tlsPorts?: string[];
  /** TCP ports where clients speak plain HTTP (matched by Host). Default `["80"]`. */
  httpPorts?: string[];
  /** DNS-layer guard: drop DNS (TCP/UDP 53), DNS over TLS (TCP 853) and DNS over QUIC (UDP 853) from HOME_NET to every address but `dnsResolvers`, ahead of every other rule, so workloads cannot bypass DNS Firewall by asking another resolver. Passing the resolvers is reported as a widening; refused when a model rule allows those ports to another address. Default false. */
  dnsGuard?: boolean;
  /** Resolvers the DNS guard lets through (CIDRs). Default the Amazon-provided resolver 169.254.169.253/32. Only with `dnsGuard`. */
  dnsResolvers?: string[];
  /** Primary CIDRs of the workloads' VPCs: each one's Route 53 Resolver (base + 2) is let through too. Only with `dnsGuard`. */
  vpcCidrs?: string[];
}

/** Route 53 Resolver DNS Firewall settings: `dnsFirewall` in AwsAgoraEgress's args and `agora-egress:aws`. */
export interface AwsDnsFirewallSettings {
  /** VPC ids to associate the rule group with (known ids; use `vpcs` for ids that are outputs). */
  vpcIds?: string[];
  /** VPCs to associate, keyed by a stable name you choose (letters, digits, `-`, `_`), e.g. `{ app: vpc.id }`. */
  vpcs?: { [name: string]: pulumi.Input<string> };
  /** Association priority, 101–8999; lower runs first among a VPC's rule groups. Default 101. */
  associationPriority?: number;
  /** Let queries through when DNS Firewall does not answer. Default false (fail closed: SERVFAIL). */
  failOpen?: boolean;
  /** CNAME/DNAME handling of the ALLOW rule. Default `INSPECT_REDIRECTION_DOMAIN` (CNAME targets must be allowed too). */
  redirectionAction?: DnsRedirectionAction;
  /** Block every other name after the ALLOW rule. Default true, as on Azure's DNS security policy: the ALLOW rule alone restricts nothing. DNS Firewall applies to the whole VPC, so turn it off (reported as a widening) when other workloads there need other names. */
  blockOthers?: boolean;
  /** Answer of the BLOCK rule. Default NXDOMAIN. */
  blockResponse?: DnsBlockResponse;
  /** Put the rules in this existing rule group instead of creating one. */
  existingRuleGroupId?: pulumi.Input<string>;
  /** Priority of the ALLOW rule in the rule group (lower runs first). Default 100. */
  allowRulePriority?: number;
  /** Priority of the BLOCK rule (`blockOthers`) in the rule group; must be after the ALLOW rule. Default 200. */
  blockRulePriority?: number;
}

/** Network security group settings: `nsg` in AzureAgoraEgress's args and `agora-egress:azure`. */
export interface AzureNsgSettings {
  /** ARM id of an existing NSG to add the rules to. When omitted, a new NSG is created. */
  existingNetworkSecurityGroupId?: pulumi.Input<string>;
  /** Azure name of the NSG created here; auto-named when omitted. */
  networkSecurityGroupName?: string;
  /** Lowest priority the rules may take (100–4096). Default 1000. */
  firstPriority?: number;
  /** Highest priority the rules may take (100–4096); the deny rule takes it. Default 1999. */
  lastPriority?: number;
  /** Deny other outbound Internet traffic at `lastPriority`; without it the built-in AllowInternetOutBound (65001) admits everything. Default true. */
  denyByDefault?: boolean;
  /** DNS-layer guard: Deny DNS (TCP/UDP 53), DNS over TLS (TCP 853) and DNS over QUIC (UDP 853) to `Internet` at the window's first priorities, ahead of every allow rule, so workloads cannot get around the DNS security policy by asking a public resolver. Azure-provided DNS (168.63.129.16) is not filtered by NSGs and keeps working, and so do private resolvers. Refused when a model rule needs those ports to an Internet address that `dnsResolvers` does not cover. Default false. */
  dnsGuard?: boolean;
  /** Resolvers on the Internet (CIDRs) the guard lets through, just ahead of its Deny rules. Only with `dnsGuard`. */
  dnsResolvers?: string[];
}

/** Firewall Policy settings: `firewallPolicy` in AzureAgoraEgress's args and `agora-egress:azure`. */
export interface AzureFirewallPolicySettings {
  /** ARM id of an existing firewall policy to add the rule collection group to. When omitted, a new policy is created. */
  existingFirewallPolicyId?: pulumi.Input<string>;
  /** SKU tier of the policy created here (`Basic` has no DNS proxy). Default `Standard`. */
  tier?: FirewallPolicyTier;
  /** Whether DNS proxy is on (network-rule FQDNs need it). Default: on for a policy created here (not Basic), off for an existing one. */
  dnsProxyEnabled?: boolean;
  /** Rule collection group priority (100–65000). Default 1000. */
  ruleCollectionGroupPriority?: number;
  /** Network rule collection priority (100–65000). Default 100. */
  networkRuleCollectionPriority?: number;
  /** Application rule collection priority (100–65000). Default 200. */
  applicationRuleCollectionPriority?: number;
  /** The workloads' addresses or CIDRs, the source of every rule. Default the RFC 1918 ranges. */
  sourceAddresses?: string[];
  /** Or the ARM ids of IP Groups holding the workloads' addresses (e.g. `[ipGroup.id]`; not with `sourceAddresses`). */
  sourceIpGroups?: pulumi.Input<string>[];
}

/** DNS security policy settings: `dnsSecurityPolicy` in AzureAgoraEgress's args and `agora-egress:azure`. */
export interface AzureDnsSecurityPolicySettings {
  /** ARM id of an existing DNS security policy to add the rules to. When omitted, a new policy is created. */
  existingDnsSecurityPolicyId?: pulumi.Input<string>;
  /** ARM ids of the virtual networks to link to the policy (known ids; use `virtualNetworks` for ids that are outputs). A network can link to one policy only. */
  virtualNetworkIds?: string[];
  /** Virtual networks to link, keyed by a stable name you choose (letters, digits, `-`, `_`), e.g. `{ app: vnet.id }`. */
  virtualNetworks?: { [name: string]: pulumi.Input<string> };
  /** Priority of the allow rule (100–65000). Default 1000. */
  allowPriority?: number;
  /** Priority of the block-everything-else rule (100–65000), after the allow rule. Default 65000. */
  blockPriority?: number;
  /** Block every name outside the allow list. Default true. */
  blockOthers?: boolean;
}

/** AWS organisation (Firewall Manager) settings: the args of AwsAgoraEgressOrganization and `agora-egress:awsOrganization`. */
export interface AwsOrganizationSettings {
  /** Which accounts and resources the policies apply to (required). */
  scope: AwsOrganizationScopeSettings;
  /** Firewall Manager applies the policies to resources that already exist (`remediationEnabled`). Default false: it only reports them non-compliant. */
  remediation?: boolean;
  /** Remove the protections from resources that leave the scope (`deleteUnusedFmManagedResources`). Default false. */
  deleteOnRemoval?: boolean;
  /** Start of every Firewall Manager policy name (`agora-egress-security-groups-0`, …). Default `agora-egress`. */
  policyNamePrefix?: string;
  /** Firewall Manager policies your organisation may have in this Region (default 20, AWS's default quota). */
  policyQuota?: number;
  /** Firewall Manager policies the organisation already has in this Region, counted against `policyQuota`. Default 0. */
  existingPolicies?: number;
  /** A common security group policy: a primary security group (in `vpcId` of this account) whose replicas Firewall Manager attaches to the resources in scope. */
  securityGroups?: AwsOrganizationSecurityGroupSettings;
  /** A Network Firewall policy with the Agora strict-order stateful rule group. */
  networkFirewall?: AwsOrganizationNetworkFirewallSettings;
  /** A DNS Firewall policy with the Agora rule group as a pre-process rule group. */
  dnsFirewall?: AwsOrganizationDnsFirewallSettings;
  /** Share the prefix lists and rule groups through AWS RAM, for teams that attach them themselves. */
  share?: AwsOrganizationShareSettings;
}

/** AWS organisation: policy scope settings: `scope` in the args of AwsAgoraEgressOrganization and `agora-egress:awsOrganization.scope`. */
export interface AwsOrganizationScopeSettings {
  /** Apply the policies to every account of the organisation (Firewall Manager's default scope). Must be said explicitly: an empty scope is refused. Not with `includeAccounts` or `includeOrganizationalUnits`. */
  allAccounts?: boolean;
  /** Only these accounts (12-digit ids). With `includeOrganizationalUnits`, the accounts of both. Not with the exclude lists: Firewall Manager takes one or the other. */
  includeAccounts?: string[];
  /** Only the accounts in these organizational units (`ou-xxxx-xxxxxxxx`, or the root `r-xxxx`), child OUs included. */
  includeOrganizationalUnits?: string[];
  /** Every account but these (with `allAccounts`). Not with the include lists. */
  excludeAccounts?: string[];
  /** Every account but those in these organizational units (with `allAccounts`). Not with the include lists. */
  excludeOrganizationalUnits?: string[];
  /** Only resources (or, with `excludeResourceTags`, all but those) carrying all of these tags (sent with the AND operator). */
  resourceTags?: { [name: string]: string };
  /** `resourceTags` name the resources to leave out rather than those to protect. Default false. */
  excludeResourceTags?: boolean;
}

/** AWS organisation: common security group policy settings: `securityGroups` in the args of AwsAgoraEgressOrganization and `agora-egress:awsOrganization.securityGroups`. */
export interface AwsOrganizationSecurityGroupSettings {
  /** VPC of this account (the Firewall Manager administrator) to create the primary security group in (e.g. `vpc.id`). Required. */
  vpcId?: pulumi.Input<string>;
  /** Also open `::/0` where a domain had to be widened to every address (domains may resolve to IPv6). Default false. */
  ipv6?: boolean;
  /** Rules per group, per direction and address family: your account's quota (default 60). */
  maxRulesPerGroup?: number;
  /** Security groups per network interface: your account's quota (default 5, at most 16). */
  maxGroupsPerInterface?: number;
  /** Put cloud-proxy endpoint addresses in customer-managed prefix lists (one per port profile). Default false. */
  proxyPrefixLists?: boolean;
  /** `maxEntries` of each prefix list (default: its entry count); each referencing rule costs this much quota. */
  prefixListMaxEntries?: number;
  /** Firewall Manager reverts changes account owners make to the replicas of the primary group (`revertManualSecurityGroupChanges`). Default false. */
  revertManualChanges?: boolean;
  /** Firewall Manager removes every other security group from the resources in scope (`exclusiveResourceSecurityGroupManagement`). Default false: the replica is added next to the groups the accounts keep. */
  exclusiveManagement?: boolean;
  /** Attach the replica to every network interface of an EC2 instance, not only its primary one (`applyToAllEC2InstanceENIs`). Default false. */
  allInstanceInterfaces?: boolean;
  /** Also protect resources in VPCs shared with the accounts in scope (`includeSharedVPC`). Default false. */
  includeSharedVpc?: boolean;
}

/** AWS organisation: Network Firewall policy settings: `networkFirewall` in the args of AwsAgoraEgressOrganization and `agora-egress:awsOrganization.networkFirewall`. */
export interface AwsOrganizationNetworkFirewallSettings {
  /** Source CIDRs of the inspected workloads (HOME_NET), for centralised (Transit Gateway) inspection. Default: the firewall VPC's CIDR. */
  homeNet?: string[];
  /** Default action of the created policy. Default `aws:drop_established`. */
  statefulDefaultAction?: StatefulDefaultAction;
  /** Priority of the rule group in the created policy (1–65535). Default 100. */
  ruleGroupPriority?: number;
  /** Fixed rule group capacity (replaces the group when changed). Default: from the rule count with headroom, rounded up to a bucket. */
  capacity?: number;
  /** Multiplier on the rule count before rounding up to a capacity bucket. Default 2. */
  capacityHeadroom?: number;
  /** TCP ports where clients speak TLS (matched by SNI). Default `["443"]`. */
  tlsPorts?: string[];
  /** TCP ports where clients speak plain HTTP (matched by Host). Default `["80"]`. */
  httpPorts?: string[];
  /** DNS-layer guard: drop DNS (TCP/UDP 53), DNS over TLS (TCP 853) and DNS over QUIC (UDP 853) from HOME_NET to every address but `dnsResolvers`, ahead of every other rule, so workloads cannot bypass DNS Firewall by asking another resolver. Passing the resolvers is reported as a widening; refused when a model rule allows those ports to another address. Default false. */
  dnsGuard?: boolean;
  /** Resolvers the DNS guard lets through (CIDRs). Default the Amazon-provided resolver 169.254.169.253/32. Only with `dnsGuard`. */
  dnsResolvers?: string[];
  /** Primary CIDRs of the workloads' VPCs: each one's Route 53 Resolver (base + 2) is let through too. Only with `dnsGuard`. */
  vpcCidrs?: string[];
  /** `DISTRIBUTED` (an endpoint in every VPC in scope, the default) or `CENTRALIZED` (one inspection VPC: give `inspectionVpcId`, `inspectionVpcAccountId` and `availabilityZones`). */
  deploymentModel?: FirewallDeploymentModel;
  /** /28 ranges Firewall Manager may carve the firewall subnets from (`allowedIPV4CidrList`). Default: Firewall Manager picks free ranges. */
  firewallSubnetCidrs?: string[];
  /** Distributed model: one firewall endpoint per VPC rather than one per Availability Zone. Default false. */
  singleEndpointPerVpc?: boolean;
  /** Centralized model: the inspection VPC the firewall is created in. */
  inspectionVpcId?: string;
  /** Centralized model: the account that owns the inspection VPC. */
  inspectionVpcAccountId?: string;
  /** Centralized model: the Availability Zones of the inspection VPC to create endpoints in. */
  availabilityZones?: string[];
}

/** AWS organisation: DNS Firewall policy settings: `dnsFirewall` in the args of AwsAgoraEgressOrganization and `agora-egress:awsOrganization.dnsFirewall`. */
export interface AwsOrganizationDnsFirewallSettings {
  /** CNAME/DNAME handling of the ALLOW rule. Default `INSPECT_REDIRECTION_DOMAIN` (CNAME targets must be allowed too). */
  redirectionAction?: DnsRedirectionAction;
  /** Block every other name after the ALLOW rule. Default true, as on Azure's DNS security policy: the ALLOW rule alone restricts nothing. DNS Firewall applies to the whole VPC, so turn it off (reported as a widening) when other workloads there need other names. */
  blockOthers?: boolean;
  /** Answer of the BLOCK rule. Default NXDOMAIN. */
  blockResponse?: DnsBlockResponse;
  /** Priority of the ALLOW rule in the rule group (lower runs first). Default 100. */
  allowRulePriority?: number;
  /** Priority of the BLOCK rule (`blockOthers`) in the rule group; must be after the ALLOW rule. Default 200. */
  blockRulePriority?: number;
  /** Priority of the Agora rule group among the policy's pre-process rule groups (1-99; they run before the VPC owners' own rule groups). Default 10. */
  priority?: number;
}

/** AWS organisation: RAM share settings: `share` in the args of AwsAgoraEgressOrganization and `agora-egress:awsOrganization.share`. */
export interface AwsOrganizationShareSettings {
  /** Who the share is for: the organisation's ARN, OU ARNs, or account ids. */
  principals: string[];
  /** Share the cloud-proxy prefix lists (needed with `securityGroups.proxyPrefixLists`: the replicas of the primary group reference them). Default false. */
  prefixLists?: boolean;
  /** Share the Network Firewall rule group, for accounts that put it in firewall policies of their own. Default false. */
  networkFirewallRuleGroup?: boolean;
  /** Share the DNS Firewall rule group, for accounts that associate it with VPCs themselves. Default false. */
  dnsFirewallRuleGroup?: boolean;
}

/** Azure Virtual Network Manager settings: the args of AzureAgoraEgressNetworkManager and `agora-egress:azureNetworkManager`. */
export interface AzureNetworkManagerSettings {
  /** ARM id of the Virtual Network Manager (in this subscription) whose security admin configuration holds the rules (required). */
  networkManagerId: pulumi.Input<string>;
  /** Network groups the rule collection applies to, keyed by a stable name you choose: `{ spokes: group.id }` (at least one). */
  networkGroups: { [name: string]: pulumi.Input<string> };
  /** Prefix of the configuration, rule collection, rule and rule collection group names. Default `agora`. */
  namePrefix?: string;
  /** Lowest admin rule priority the rules may take (1-4096). Default 1000. */
  firstPriority?: number;
  /** Highest admin rule priority (1-4096); the guardrail takes it. Default 1999. */
  lastPriority?: number;
  /** Guardrail: a Deny admin rule for every other outbound flow to `Internet` at `lastPriority`, which no NSG can override. Default false: the Allow rules only let Agora's flows on to the NSGs, which decide. */
  denyOtherInternet?: boolean;
  /** Regions to deploy (commit) the security admin configuration to, with a `network.Commit`. A commit replaces the security admin configuration deployed there (one per region), so it needs `replaceDeployedConfiguration`. Default: none, commit it yourself (`az network manager post-commit`), e.g. after a review. */
  commitLocations?: string[];
  /** Say that committing to `commitLocations` may replace the security admin configuration deployed there, with its admin rules. Required with `commitLocations`. Default false. */
  replaceDeployedConfiguration?: boolean;
  /** A base Firewall Policy holding the Agora rule collection group, and child policies that inherit it. */
  firewallPolicy?: AzureNetworkManagerFirewallPolicySettings;
}

/** Azure Virtual Network Manager: base Firewall Policy settings: `firewallPolicy` in the args of AzureAgoraEgressNetworkManager and `agora-egress:azureNetworkManager.firewallPolicy`. */
export interface AzureNetworkManagerFirewallPolicySettings {
  /** Region of the base policy (required). Child policies must be in the same region: Azure refuses a base policy from another region. */
  location: string;
  /** Resource group of the base and child policies and the IP Groups. Default: the network manager's. */
  resourceGroupName?: string;
  /** SKU tier of the base policy, which the child policies take too. Default `Standard`. */
  tier?: FirewallPolicyTier;
  /** DNS proxy on the base policy and its children (network-rule FQDNs need it). Default: on, except on `Basic`. */
  dnsProxyEnabled?: boolean;
  /** Priority of the Agora rule collection group in the base policy (100-65000). Default 1000. */
  ruleCollectionGroupPriority?: number;
  /** Network rule collection priority (100-65000). Default 100. */
  networkRuleCollectionPriority?: number;
  /** Application rule collection priority (100-65000). Default 200. */
  applicationRuleCollectionPriority?: number;
  /** The workloads' addresses, the source of every rule. Default the RFC 1918 ranges. */
  sourceAddresses?: string[];
  /** Child policies to create, keyed by a stable name, with their region (`{ spokes: "westeurope" }`): each inherits the base policy (`basePolicy`) with its rule collection group, tier and DNS settings; add your own rule collection groups to them. */
  childPolicies?: { [name: string]: string };
}
