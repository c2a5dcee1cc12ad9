import * as pulumi from "@pulumi/pulumi";
import * as ec2 from "@pulumi/aws/ec2";
// In your own project: `from "agora-egress"`.
import { AccessMode, AwsAgoraEgressOrganization } from "../../src";

/**
 * Agora's egress controls for every workload account of an AWS organisation, declared once in
 * the Firewall Manager administrator account: a common security group policy (the primary group
 * lives in a small VPC of this account; Firewall Manager attaches a replica to every instance
 * and network interface in scope), a Network Firewall policy (an endpoint in every VPC in
 * scope) and a DNS Firewall policy (the Agora rule group runs first in every VPC), all for the
 * organizational units named in `organizationalUnits`, on resources tagged `agora-egress: on`.
 * The DNS Firewall rule group is also shared through RAM with the organisation, for teams that
 * associate it themselves. Nothing here grows with the accounts or VPCs in scope.
 */
function awsOrganization() {
  const config = new pulumi.Config();
  const organizationalUnits = config.getObject<string[]>("organizationalUnits") ?? ["ou-ab12-34567890"];
  const organizationArn = config.get("organizationArn") ?? "arn:aws:organizations::111122223333:organization/o-exampleorgid";
  // The primary security group needs a VPC in this account; no workload runs in it.
  const admin = new ec2.Vpc("fms-primary-groups", { cidrBlock: "10.255.255.0/28", tags: { Name: "fms-primary-groups" } });
  const org = new AwsAgoraEgressOrganization("agora-org", {
    edition: "2020-05",
    sdks: ["rtc-native", "recording"],
    access: AccessMode.CloudProxy,
    scope: { includeOrganizationalUnits: organizationalUnits, resourceTags: { "agora-egress": "on" } },
    securityGroups: { vpcId: admin.id },
    networkFirewall: { singleEndpointPerVpc: true },
    dnsFirewall: { priority: 10 },
    share: { principals: [organizationArn], dnsFirewallRuleGroup: true },
  });
  return {
    policyIds: org.policyIds,
    primarySecurityGroupIds: org.primarySecurityGroupIds,
    dnsFirewallRuleGroupId: org.dnsFirewallRuleGroupId,
    quotas: org.quotas,
    widenings: org.widenings,
    appSettings: org.appSettings,
  };
}

// Pulumi runs an exported function and makes its result the stack outputs; tests call it under mocks.
export = awsOrganization;
