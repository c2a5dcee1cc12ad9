import * as pulumi from "@pulumi/pulumi";
import { renderDnsFirewall } from "../../renderers/aws";
import { instantiate } from "../instantiate";
import { AgoraSelectionArgs } from "../selection-args";
import { sharedPlan, sharedResolution } from "../plan-cache";
import { AWS_CLASSES } from "./classes";
import { AppSettingOutput, QuotaUsageOutput, WideningOutput, staticOutput } from "../output-types";
import { dnsFirewallOutputs } from "./outputs";
import { AwsDnsFirewallSettings, asArgs, dnsFirewallTarget } from "./settings";

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
    const resolved = sharedResolution(args);
    const target = dnsFirewallTarget(args, "args");
    const shared = asArgs(() => sharedPlan(resolved, "aws-dns-firewall", target.options, renderDnsFirewall), () => "args");
    const { plan } = shared;
    super("agora-egress:index:AwsDnsFirewall", name, {}, opts);
    const created = instantiate(this, name, plan.resources, AWS_CLASSES, target.external);
    const ids = dnsFirewallOutputs(plan, created, target.external);
    this.dnsFirewallRuleGroupId = ids.dnsFirewallRuleGroupId;
    this.dnsFirewallDomainListIds = ids.dnsFirewallDomainListIds;
    this.dnsFirewallRuleIds = ids.dnsFirewallRuleIds;
    this.dnsFirewallAssociationIds = ids.dnsFirewallAssociationIds;
    this.widenings = staticOutput(shared.widenings);
    this.quotas = staticOutput(shared.quotas);
    this.appSettings = staticOutput(shared.appSettings);
    // State keeps what the cloud produces; the report (widenings, quotas, appSettings) stays a property (see README).
    this.registerOutputs({ ...ids });
  }
}
