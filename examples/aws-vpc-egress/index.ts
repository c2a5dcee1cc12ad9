import * as pulumi from "@pulumi/pulumi";
import * as ec2 from "@pulumi/aws/ec2";
// In your own project: `from "agora-egress"`.
import { AccessMode, AwsAgoraEgress } from "../../src";

/**
 * A workload VPC for Agora's Native RTC SDK behind the cloud proxy (proxy type `domain`):
 * security groups allowing only the proxy endpoints, and a DNS Firewall that answers only for
 * the proxy's domain and blocks every other name. Attach `securityGroupIds` to the workloads'
 * network interfaces and apply `appSettings` in the application.
 */
function awsVpcEgress() {
  const config = new pulumi.Config();
  const vpc = new ec2.Vpc("agora-workloads", {
    cidrBlock: config.get("vpcCidr") ?? "10.20.0.0/16",
    enableDnsSupport: true,
    enableDnsHostnames: true,
    tags: { Name: "agora-workloads" },
  });
  const egress = new AwsAgoraEgress("native-rtc-via-proxy", {
    // Pinned, so a package upgrade never changes the rules (README "Which edition?").
    edition: "2020-05",
    sdks: ["rtc-native"],
    access: AccessMode.CloudProxy,
    securityGroups: { vpcId: vpc.id },
    dnsFirewall: { vpcs: { workloads: vpc.id }, blockOthers: true },
  });
  return {
    vpcId: vpc.id,
    securityGroupIds: egress.securityGroupIds,
    dnsFirewallRuleGroupId: egress.dnsFirewallRuleGroupId,
    appSettings: egress.appSettings,
    widenings: egress.widenings,
  };
}

// Pulumi runs an exported function and makes its result the stack outputs; tests call it under mocks.
export = awsVpcEgress;
