import * as pulumi from "@pulumi/pulumi";
import { InputError, checkKeys } from "../../model";
import { renderAwsPlan } from "../../renderers/aws";
import { AWS_TARGET_KEYS } from "../../args/arg-names";
import { createChildren, prepareSelection, isComponentId } from "../build";
import { PlanName } from "../../planning";
import { beforeRegistration } from "../errors";
import { instantiate } from "../instantiate";
import { AgoraSelectionArgs, SELECTION_ARG_KEYS } from "../../args/selection-args";
import { AWS_CLASSES } from "./classes";
import { AppSettingOutput, QuotaUsageOutput, WideningOutput } from "../output-types";
import { dnsFirewallOutputs, networkFirewallOutputs, securityGroupOutputs } from "./outputs";
import { AwsDnsFirewallSettings, AwsNetworkFirewallSettings, AwsSecurityGroupSettings, awsTargetInputs } from "../../args/aws-settings";

const TYPE = "agora-egress:index:AwsAgoraEgress";
const KEYS = [...SELECTION_ARG_KEYS, ...AWS_TARGET_KEYS];
/** The ids the component outputs and registers as its state. */
const OUTPUT_KEYS = [
  "securityGroupIds", "prefixListIds", "ruleGroupArn", "firewallPolicyArn",
  "dnsFirewallRuleGroupId", "dnsFirewallDomainListIds", "dnsFirewallRuleIds", "dnsFirewallAssociationIds",
] as const;

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
 *
 * `productionEndpoints` may be an Output (a config secret): the children are then planned, with
 * the same names, once its value is known, and every child input that carries the endpoints is
 * a secret (see the README, "Production endpoints as secrets"). Bad args throw a one-line
 * `pulumi.RunError` naming the arg (`args.securityGroups.vpcId`) before anything is registered;
 * bad values of such an Output, a `pulumi.ResourceError` on the component before any child.
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
    // Everything that can fail on bad args runs before anything is registered: a RunError naming the arg.
    const { prepared, options, external } = beforeRegistration(TYPE, name, {}, () => {
      checkKeys(args, KEYS, "args");
      if (!args.securityGroups && !args.networkFirewall && !args.dnsFirewall) {
        throw new InputError("args", "set at least one of securityGroups, networkFirewall and dnsFirewall");
      }
      const { options, external } = awsTargetInputs(args, isComponentId);
      return { prepared: prepareSelection(args, PlanName.Aws, options, renderAwsPlan), options, external };
    });
    const { securityGroups: sg, networkFirewall: nf, dnsFirewall: dns } = options;
    super(TYPE, name, {}, opts);
    const none = pulumi.output<string[]>([]);
    const ids = createChildren(this, {}, prepared, OUTPUT_KEYS, [], (plan, wrap) => {
      const created = instantiate(this, name, plan.resources, AWS_CLASSES, external, wrap);
      return {
        ...(sg ? securityGroupOutputs(plan, created, external, sg) : { securityGroupIds: none, prefixListIds: none }),
        ...(nf ? networkFirewallOutputs(plan, created) : { ruleGroupArn: pulumi.output(undefined), firewallPolicyArn: pulumi.output(undefined) }),
        ...(dns ? dnsFirewallOutputs(plan, created, external) : {
          dnsFirewallRuleGroupId: pulumi.output(undefined), dnsFirewallDomainListIds: none, dnsFirewallRuleIds: none, dnsFirewallAssociationIds: none,
        }),
      };
    });
    this.securityGroupIds = ids.securityGroupIds;
    this.prefixListIds = ids.prefixListIds;
    this.ruleGroupArn = ids.ruleGroupArn;
    this.firewallPolicyArn = ids.firewallPolicyArn;
    this.dnsFirewallRuleGroupId = ids.dnsFirewallRuleGroupId;
    this.dnsFirewallDomainListIds = ids.dnsFirewallDomainListIds;
    this.dnsFirewallRuleIds = ids.dnsFirewallRuleIds;
    this.dnsFirewallAssociationIds = ids.dnsFirewallAssociationIds;
    this.widenings = ids.widenings;
    this.quotas = ids.quotas;
    this.appSettings = ids.appSettings;
    // State keeps what the cloud produces; the report (widenings, quotas, appSettings) stays a property (see README).
    this.registerOutputs(Object.fromEntries(OUTPUT_KEYS.map((k) => [k, ids[k]])));
  }
}
