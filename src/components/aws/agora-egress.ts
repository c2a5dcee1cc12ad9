import * as pulumi from "@pulumi/pulumi";
import { InputError } from "../../model";
import { AwsPlanOptions, renderAwsPlan } from "../../renderers/aws";
import { instantiate } from "../instantiate";
import { AgoraSelectionArgs } from "../selection-args";
import { sharedPlan, sharedResolution } from "../plan-cache";
import { AWS_CLASSES } from "./classes";
import { AppSettingOutput, QuotaUsageOutput, WideningOutput, staticOutput } from "../output-types";
import { dnsFirewallOutputs, networkFirewallOutputs, securityGroupOutputs } from "./outputs";
import {
  AwsDnsFirewallSettings, AwsNetworkFirewallSettings, AwsSecurityGroupSettings, External, asArgs, dnsFirewallTarget, networkFirewallTarget,
  securityGroupTarget,
} from "./settings";

export interface AwsAgoraEgressArgs extends AgoraSelectionArgs {
  /** Security groups for the workloads (needs `vpcId` or `existingSecurityGroupId`). Omit to skip this target. */
  securityGroups?: AwsSecurityGroupSettings;
  /** A Network Firewall rule group (and optionally a policy). Omit to skip this target. */
  networkFirewall?: AwsNetworkFirewallSettings;
  /** Route 53 Resolver DNS Firewall. Omit to skip this target. */
  dnsFirewall?: AwsDnsFirewallSettings;
}

/**
 * Every AWS egress control for the selected Agora SDKs from one rule model: security
 * groups, Network Firewall and DNS Firewall, each turned on by giving its settings.
 * The same resources as `AwsSecurityGroups`, `AwsNetworkFirewall` and `AwsDnsFirewall`.
 */
export class AwsAgoraEgress extends pulumi.ComponentResource {
  /** Empty when `securityGroups` is not set. */
  public readonly securityGroupIds: pulumi.Output<string[]>;
  /** Ids of the customer-managed prefix lists created for cloud-proxy endpoints (empty unless prefix lists were asked for). */
  public readonly prefixListIds: pulumi.Output<string[]>;
  /** ARN of the stateful Network Firewall rule group; reference it from your own strict-order firewall policy. */
  public readonly ruleGroupArn: pulumi.Output<string | undefined>;
  /** ARN of the firewall policy, when one was created here (`createPolicy`). */
  public readonly firewallPolicyArn: pulumi.Output<string | undefined>;
  /** Id of the Route 53 Resolver DNS Firewall rule group. */
  public readonly dnsFirewallRuleGroupId: pulumi.Output<string | undefined>;
  /** Ids of the DNS Firewall domain lists (the allow list, and the block-everything list when `blockOthers` is on). */
  public readonly dnsFirewallDomainListIds: pulumi.Output<string[]>;
  /** Ids of the DNS Firewall rules (allow, and block when `blockOthers` is on). */
  public readonly dnsFirewallRuleIds: pulumi.Output<string[]>;
  /** Ids of the rule group's associations with the VPCs. */
  public readonly dnsFirewallAssociationIds: pulumi.Output<string[]>;
  /** Everything the targets could not express exactly and opened more widely instead, with the reason. */
  public readonly widenings: pulumi.Output<WideningOutput[]>;
  /** Use of each platform quota or limit by these resources. */
  public readonly quotas: pulumi.Output<QuotaUsageOutput[]>;
  /** The SDK settings the application must use so that its traffic matches these rules (e.g. the setParameters JSON for the cloud proxy). */
  public readonly appSettings: pulumi.Output<AppSettingOutput[]>;

  constructor(name: string, args: AwsAgoraEgressArgs, opts?: pulumi.ComponentResourceOptions) {
    const resolved = sharedResolution(args);
    if (!args.securityGroups && !args.networkFirewall && !args.dnsFirewall) {
      throw new InputError("args", "set at least one of securityGroups, networkFirewall and dnsFirewall");
    }
    const sg = args.securityGroups ? securityGroupTarget(args.securityGroups, "args.securityGroups") : undefined;
    const nf = args.networkFirewall ? networkFirewallTarget(args.networkFirewall, "args.networkFirewall") : undefined;
    const dns = args.dnsFirewall ? dnsFirewallTarget(args.dnsFirewall, "args.dnsFirewall") : undefined;
    const options: AwsPlanOptions = {
      ...(sg ? { securityGroups: sg.options } : {}),
      ...(nf ? { networkFirewall: nf.options } : {}),
      ...(dns ? { dnsFirewall: dns.options } : {}),
    };
    const external: External = { ...sg?.external, ...dns?.external };
    const shared = asArgs(() => sharedPlan(resolved, "aws", options, renderAwsPlan), (t) => `args.${t}`);
    const { plan } = shared;
    super("agora-egress:index:AwsAgoraEgress", name, {}, opts);
    const created = instantiate(this, name, plan.resources, AWS_CLASSES, external);
    const none = pulumi.output<string[]>([]);
    const ids = sg ? securityGroupOutputs(plan, created, external, sg.options) : { securityGroupIds: none, prefixListIds: none };
    const fw = nf ? networkFirewallOutputs(plan, created) : { ruleGroupArn: pulumi.output(undefined), firewallPolicyArn: pulumi.output(undefined) };
    const dnsIds = dns ? dnsFirewallOutputs(plan, created, external) : {
      dnsFirewallRuleGroupId: pulumi.output(undefined), dnsFirewallDomainListIds: none, dnsFirewallRuleIds: none, dnsFirewallAssociationIds: none,
    };
    this.securityGroupIds = ids.securityGroupIds;
    this.prefixListIds = ids.prefixListIds;
    this.ruleGroupArn = fw.ruleGroupArn;
    this.firewallPolicyArn = fw.firewallPolicyArn;
    this.dnsFirewallRuleGroupId = dnsIds.dnsFirewallRuleGroupId;
    this.dnsFirewallDomainListIds = dnsIds.dnsFirewallDomainListIds;
    this.dnsFirewallRuleIds = dnsIds.dnsFirewallRuleIds;
    this.dnsFirewallAssociationIds = dnsIds.dnsFirewallAssociationIds;
    this.widenings = staticOutput(shared.widenings);
    this.quotas = staticOutput(shared.quotas);
    this.appSettings = staticOutput(shared.appSettings);
    // State keeps what the cloud produces; the report (widenings, quotas, appSettings) stays a property (see README).
    this.registerOutputs({ ...ids, ...fw, ...dnsIds });
  }
}
