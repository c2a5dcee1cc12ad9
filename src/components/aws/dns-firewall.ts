import * as pulumi from "@pulumi/pulumi";
import { checkKeys } from "../../model";
import { renderDnsFirewall } from "../../renderers/aws";
import { createChildren, prepareSelection, isComponentId } from "../build";
import { PlanName } from "../../planning";
import { beforeRegistration } from "../errors";
import { instantiate } from "../instantiate";
import { AgoraSelectionArgs, SELECTION_ARG_KEYS } from "../../args/selection-args";
import { AWS_CLASSES } from "./classes";
import { AppSettingOutput, QuotaUsageOutput, WideningOutput } from "../output-types";
import { dnsFirewallOutputs } from "./outputs";
import { AWS_SETTINGS_KEYS, AwsDnsFirewallSettings, awsTarget, pickAwsSettings } from "../../args/aws-settings";

const TYPE = "agora-egress:index:AwsDnsFirewall";
const LAYOUT = { flat: "dnsFirewall" } as const;
const KEYS = [...SELECTION_ARG_KEYS, ...AWS_SETTINGS_KEYS.dnsFirewall];
const OUTPUT_KEYS = ["dnsFirewallRuleGroupId", "dnsFirewallDomainListIds", "dnsFirewallRuleIds", "dnsFirewallAssociationIds"] as const;

export interface AwsDnsFirewallArgs extends AgoraSelectionArgs, AwsDnsFirewallSettings {}

/**
 * Route 53 Resolver DNS Firewall allowing the selected Agora SDKs' domain names (and the
 * cloud proxy's domain): domain list, ALLOW rule, optional BLOCK rule, VPC associations
 * and fail-open/closed settings.
 */
export class AwsDnsFirewall extends pulumi.ComponentResource {
  /** Id of the Route 53 Resolver DNS Firewall rule group. */
  public readonly dnsFirewallRuleGroupId: pulumi.Output<string>;
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

  constructor(name: string, args: AwsDnsFirewallArgs, opts?: pulumi.ComponentResourceOptions) {
    // Everything that can fail on bad args runs before anything is registered: a RunError naming the arg.
    const { prepared, target } = beforeRegistration(TYPE, name, LAYOUT, () => {
      checkKeys(args, KEYS, "args");
      const target = awsTarget("dnsFirewall", pickAwsSettings(args, "dnsFirewall"), "dnsFirewall", isComponentId);
      return { prepared: prepareSelection(args, PlanName.AwsDnsFirewall, target.options, renderDnsFirewall), target };
    });
    super(TYPE, name, {}, opts);
    const out = createChildren(this, LAYOUT, prepared, OUTPUT_KEYS, [], (plan, wrap) => {
      const created = instantiate(this, name, plan.resources, AWS_CLASSES, target.external, wrap);
      return dnsFirewallOutputs(plan, created, target.external);
    });
    this.dnsFirewallRuleGroupId = out.dnsFirewallRuleGroupId;
    this.dnsFirewallDomainListIds = out.dnsFirewallDomainListIds;
    this.dnsFirewallRuleIds = out.dnsFirewallRuleIds;
    this.dnsFirewallAssociationIds = out.dnsFirewallAssociationIds;
    this.widenings = out.widenings;
    this.quotas = out.quotas;
    this.appSettings = out.appSettings;
    // State keeps what the cloud produces; the report (widenings, quotas, appSettings) stays a property (see README).
    this.registerOutputs({
      dnsFirewallRuleGroupId: this.dnsFirewallRuleGroupId, dnsFirewallDomainListIds: this.dnsFirewallDomainListIds,
      dnsFirewallRuleIds: this.dnsFirewallRuleIds, dnsFirewallAssociationIds: this.dnsFirewallAssociationIds,
    });
  }
}
