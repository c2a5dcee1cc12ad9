import * as ec2 from "@pulumi/aws/ec2";
import { getAvailabilityZonesOutput } from "@pulumi/aws/getAvailabilityZones";
import * as networkfirewall from "@pulumi/aws/networkfirewall";
// In your own project: `from "agora-egress"`.
import { AgoraSelectionArgs, AwsDnsFirewall, AwsNetworkFirewall } from "../../src";

/** The spoke VPCs whose Internet egress the inspection VPC filters (routed there by a Transit Gateway). */
const SPOKES: Record<string, string> = {
  web: "10.1.0.0/16",
  media: "10.2.0.0/16",
  ops: "10.3.0.0/16",
};

/** One selection for the firewall and the DNS Firewall, so both allow the same Agora traffic. */
// Pinned: a package upgrade that adds an edition never changes this program's rules (see README "Which edition?").
const SELECTION: AgoraSelectionArgs = { edition: "2020-05", sdks: ["rtc-web@4.20.0", "rtm-web"] };

/**
 * An inspection VPC with a Network Firewall in two zones. Its policy (yours: it can hold other
 * rule groups) runs Agora's strict-order rule group, whose HOME_NET is the spokes' ranges, so
 * traffic arriving from the spokes over the Transit Gateway is matched as the workloads' own.
 * Every spoke gets the DNS Firewall too, so a workload can resolve only Agora's names.
 * The Transit Gateway and route tables are left out: they are the same as for any inspection VPC.
 */
function awsCentralizedInspection() {
  const zones = getAvailabilityZonesOutput({ state: "available" }).names;
  const inspection = new ec2.Vpc("inspection", { cidrBlock: "10.100.0.0/16", tags: { Name: "inspection" } });
  // One firewall subnet per zone (Network Firewall takes at most one per zone).
  const firewallSubnets = [0, 1].map((i) => new ec2.Subnet(`inspection-firewall-${i}`, {
    vpcId: inspection.id,
    cidrBlock: `10.100.${i}.0/28`,
    availabilityZone: zones[i],
    tags: { Name: `inspection-firewall-${i}` },
  }));
  const spokes = Object.entries(SPOKES).map(([name, cidrBlock]) => ({
    name, vpc: new ec2.Vpc(`spoke-${name}`, { cidrBlock, tags: { Name: `spoke-${name}` } }),
  }));

  const agora = new AwsNetworkFirewall("agora-inspection", { ...SELECTION, homeNet: Object.values(SPOKES) });
  const policy = new networkfirewall.FirewallPolicy("inspection-policy", {
    firewallPolicy: {
      // Strict order like the rule group; without forward_to_sfe the stateful rules never see the traffic.
      statelessDefaultActions: ["aws:forward_to_sfe"],
      statelessFragmentDefaultActions: ["aws:forward_to_sfe"],
      statefulDefaultActions: ["aws:drop_established"],
      statefulEngineOptions: { ruleOrder: "STRICT_ORDER" },
      statefulRuleGroupReferences: [{ resourceArn: agora.ruleGroupArn, priority: 100 }],
    },
  });
  const firewall = new networkfirewall.Firewall("inspection-firewall", {
    vpcId: inspection.id,
    firewallPolicyArn: policy.arn,
    subnetMappings: firewallSubnets.map((s) => ({ subnetId: s.id })),
  });

  const dns = new AwsDnsFirewall("agora-spoke-dns", {
    ...SELECTION,
    vpcs: Object.fromEntries(spokes.map((s) => [s.name, s.vpc.id])),
    blockOthers: true,
  });
  return {
    firewallArn: firewall.arn,
    ruleGroupArn: agora.ruleGroupArn,
    rulesString: agora.rulesString,
    dnsFirewallAssociationIds: dns.dnsFirewallAssociationIds,
    widenings: agora.widenings,
  };
}

// Pulumi runs an exported function and makes its result the stack outputs; tests call it under mocks.
export = awsCentralizedInspection;
