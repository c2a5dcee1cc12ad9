export { AwsAgoraEgress, AwsAgoraEgressArgs } from "./agora-egress";
export { AwsSecurityGroups, AwsSecurityGroupsArgs } from "./security-groups";
export { AwsNetworkFirewall, AwsNetworkFirewallArgs } from "./network-firewall";
export { AwsDnsFirewall, AwsDnsFirewallArgs } from "./dns-firewall";
export { AwsAgoraEgressOrganization, AwsAgoraEgressOrganizationArgs } from "./organization";
export type {
  AwsOrganizationSettings, AwsOrganizationScopeSettings, AwsOrganizationSecurityGroupSettings, AwsOrganizationNetworkFirewallSettings,
  AwsOrganizationDnsFirewallSettings, AwsOrganizationShareSettings,
} from "../../args/organization-settings";
export { AwsDnsFirewallSettings, AwsNetworkFirewallSettings, AwsSecurityGroupSettings } from "../../args/aws-settings";
export { DnsBlockResponse, DnsRedirectionAction, FirewallDeploymentModel, StatefulDefaultAction } from "../../renderers/aws";
export { AppSettingOutput, QuotaUsageOutput, WideningOutput } from "../output-types";
