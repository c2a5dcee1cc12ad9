export { AwsAgoraEgress, AwsAgoraEgressArgs } from "./agora-egress";
export { AwsSecurityGroups, AwsSecurityGroupsArgs } from "./security-groups";
export { AwsNetworkFirewall, AwsNetworkFirewallArgs } from "./network-firewall";
export { AwsDnsFirewall, AwsDnsFirewallArgs } from "./dns-firewall";
export { AwsDnsFirewallSettings, AwsNetworkFirewallSettings, AwsSecurityGroupSettings } from "../../args/aws-settings";
export { DnsBlockResponse, DnsRedirectionAction, StatefulDefaultAction } from "../../renderers/aws";
export { AppSettingOutput, QuotaUsageOutput, WideningOutput } from "../output-types";
