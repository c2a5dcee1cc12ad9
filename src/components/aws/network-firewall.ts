import * as pulumi from "@pulumi/pulumi";
import { renderNetworkFirewallRules } from "../../renderers/aws";
import { instantiate } from "../instantiate";
import { AgoraSelectionArgs } from "../selection-args";
import { sharedPlan, sharedResolution } from "../plan-cache";
import { AWS_CLASSES } from "./classes";
import { AppSettingOutput, QuotaUsageOutput, WideningOutput, staticOutput } from "../output-types";
import { networkFirewallOutputs } from "./outputs";
import { AwsNetworkFirewallSettings, asArgs, networkFirewallTarget } from "./settings";

export interface AwsNetworkFirewallArgs extends AgoraSelectionArgs, AwsNetworkFirewallSettings {}

/**
 * A strict-order Network Firewall rule group (Suricata) allowing the selected Agora SDKs'
 * traffic by TLS SNI / HTTP Host and by address, and optionally a policy holding it.
 * Without `createPolicy`, add `ruleGroupArn` to your own strict-order policy.
 */
export class AwsNetworkFirewall extends pulumi.ComponentResource {
  /** ARN of the stateful Network Firewall rule group; reference it from your own strict-order firewall policy. */
  public readonly ruleGroupArn: pulumi.Output<string>;
  /** Set when `createPolicy` is true. */
  public readonly firewallPolicyArn: pulumi.Output<string | undefined>;
  /** The Suricata rules, one per line, as given to the rule group. */
  public readonly rulesString: pulumi.Output<string>;
  /** Everything the targets could not express exactly and opened more widely instead, with the reason. */
  public readonly widenings: pulumi.Output<WideningOutput[]>;
  /** Use of each platform quota or limit by these resources. */
  public readonly quotas: pulumi.Output<QuotaUsageOutput[]>;
  /** The SDK settings the application must use so that its traffic matches these rules (e.g. the setParameters JSON for the cloud proxy). */
  public readonly appSettings: pulumi.Output<AppSettingOutput[]>;

  constructor(name: string, args: AwsNetworkFirewallArgs, opts?: pulumi.ComponentResourceOptions) {
    const resolved = sharedResolution(args);
    const target = networkFirewallTarget(args, "args");
    const shared = asArgs(() => sharedPlan(resolved, "aws-network-firewall", target.options, renderNetworkFirewallRules), () => "args");
    const { plan } = shared;
    super("agora-egress:index:AwsNetworkFirewall", name, {}, opts);
    const created = instantiate(this, name, plan.resources, AWS_CLASSES, target.external);
    const outputs = networkFirewallOutputs(plan, created);
    this.ruleGroupArn = outputs.ruleGroupArn;
    this.firewallPolicyArn = outputs.firewallPolicyArn;
    this.rulesString = pulumi.output((plan.resources[0].inputs.ruleGroup as { rulesSource: { rulesString: string } }).rulesSource.rulesString);
    this.widenings = staticOutput(shared.widenings);
    this.quotas = staticOutput(shared.quotas);
    this.appSettings = staticOutput(shared.appSettings);
    // State keeps what the cloud produces (the rules are in the rule group's own state); the report stays a property (see README).
    this.registerOutputs({ ruleGroupArn: this.ruleGroupArn, firewallPolicyArn: this.firewallPolicyArn });
  }
}
