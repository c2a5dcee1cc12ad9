import * as pulumi from "@pulumi/pulumi";
import { checkKeys } from "../../model";
import { renderNetworkFirewallRules } from "../../renderers/aws";
import { createChildren, prepareSelection, isComponentId } from "../build";
import { PlanName } from "../../planning";
import { beforeRegistration } from "../errors";
import { instantiate } from "../instantiate";
import { AgoraSelectionArgs, SELECTION_ARG_KEYS } from "../../args/selection-args";
import { AWS_CLASSES } from "./classes";
import { AppSettingOutput, QuotaUsageOutput, WideningOutput } from "../output-types";
import { networkFirewallOutputs } from "./outputs";
import { AWS_SETTINGS_KEYS, AwsNetworkFirewallSettings, awsTarget, pickAwsSettings } from "../../args/aws-settings";

const TYPE = "agora-egress:index:AwsNetworkFirewall";
const LAYOUT = { flat: "networkFirewall" } as const;
const KEYS = [...SELECTION_ARG_KEYS, ...AWS_SETTINGS_KEYS.networkFirewall];
const OUTPUT_KEYS = ["ruleGroupArn", "firewallPolicyArn", "rulesString"] as const;

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
    // Everything that can fail on bad args runs before anything is registered: a RunError naming the arg.
    const { prepared, target } = beforeRegistration(TYPE, name, LAYOUT, () => {
      checkKeys(args, KEYS, "args");
      const target = awsTarget("networkFirewall", pickAwsSettings(args, "networkFirewall"), "networkFirewall", isComponentId);
      return { prepared: prepareSelection(args, PlanName.AwsNetworkFirewall, target.options, renderNetworkFirewallRules), target };
    });
    super(TYPE, name, {}, opts);
    const out = createChildren(this, LAYOUT, prepared, OUTPUT_KEYS, ["rulesString"], (plan, wrap) => {
      const created = instantiate(this, name, plan.resources, AWS_CLASSES, target.external, wrap);
      return {
        ...networkFirewallOutputs(plan, created),
        rulesString: pulumi.output((plan.resources[0].inputs.ruleGroup as { rulesSource: { rulesString: string } }).rulesSource.rulesString),
      };
    });
    this.ruleGroupArn = out.ruleGroupArn;
    this.firewallPolicyArn = out.firewallPolicyArn;
    this.rulesString = out.rulesString;
    this.widenings = out.widenings;
    this.quotas = out.quotas;
    this.appSettings = out.appSettings;
    // State keeps what the cloud produces (the rules are in the rule group's own state); the report stays a property (see README).
    this.registerOutputs({ ruleGroupArn: this.ruleGroupArn, firewallPolicyArn: this.firewallPolicyArn });
  }
}
