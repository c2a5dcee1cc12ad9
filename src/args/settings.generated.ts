// Generated from src/renderers/<cloud>/settings.ts by `npm run generate` (src/args/generate.ts). Do not edit.
import type * as pulumi from "@pulumi/pulumi";
import type { DnsBlockResponse, DnsRedirectionAction, StatefulDefaultAction } from "../renderers/aws/settings";
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
