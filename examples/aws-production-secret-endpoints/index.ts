import * as pulumi from "@pulumi/pulumi";
import * as ec2 from "@pulumi/aws/ec2";
// In your own project: `from "agora-egress"`.
import { AccessMode, AgoraEnvironment, AwsAgoraEgress, ProxyEndpointArgs, ProxyType } from "../../src";

/**
 * Production egress for Agora's Native RTC SDK behind the cloud proxy. The endpoints Agora gave
 * you are private: they come from the stack config as secrets (`requireSecretObject`) and go to
 * the component as Outputs, together with the VPC's id, another Output. The component plans once
 * their values are known and passes every resource input that carries them as a secret, so
 * neither `pulumi preview` nor the state shows them in plain text.
 */
function awsProductionSecretEndpoints() {
  const config = new pulumi.Config();
  const productionEndpoints = config.requireSecretObject<ProxyEndpointArgs[]>("productionEndpoints");
  const proxyServers = config.getSecretObject<string[]>("proxyServers");
  const vpcCidr = config.get("vpcCidr") ?? "10.30.0.0/16";
  const vpc = new ec2.Vpc("agora-production", {
    cidrBlock: vpcCidr,
    enableDnsSupport: true,
    enableDnsHostnames: true,
    tags: { Name: "agora-production" },
  });
  const egress = new AwsAgoraEgress("native-rtc-production", {
    // Pinned, so a package upgrade never changes the rules (README "Which edition?").
    edition: "2020-05",
    sdks: ["rtc-native"],
    access: AccessMode.CloudProxy,
    environment: AgoraEnvironment.Production,
    // With the proxy servers' addresses the SDK is given them (IP list); without, it resolves Agora's proxy domain.
    proxyType: proxyServers ? ProxyType.IpList : ProxyType.Domain,
    productionEndpoints,
    productionProxyServers: proxyServers,
    securityGroups: { vpcId: vpc.id },
    networkFirewall: { homeNet: [vpcCidr], createPolicy: true },
    dnsFirewall: { vpcs: { workloads: vpc.id }, blockOthers: true },
  });
  return {
    vpcId: vpc.id,
    // Ids stay plain: attach the groups, reference the policy.
    securityGroupIds: egress.securityGroupIds,
    firewallPolicyArn: egress.firewallPolicyArn,
    dnsFirewallRuleGroupId: egress.dnsFirewallRuleGroupId,
    // Secrets, like the endpoints they come from: the SDK settings name the proxy servers.
    appSettings: egress.appSettings,
    widenings: egress.widenings,
  };
}

// Pulumi runs an exported function and makes its result the stack outputs; tests call it under mocks.
export = awsProductionSecretEndpoints;
