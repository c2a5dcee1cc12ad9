import * as pulumi from "@pulumi/pulumi";
import { AppSetting } from "../../resolve";
import { renderDnsFirewall } from "../../renderers/aws";
import { Plan, QuotaUsage, Widening } from "../../renderers/plan";
import { instantiate } from "../instantiate";
import { AgoraSelectionArgs, resolveArgs } from "../selection-args";
import { AWS_CLASSES } from "./classes";
import { dnsFirewallOutputs } from "./outputs";
import { AwsDnsFirewallSettings, asArgs, dnsFirewallTarget } from "./settings";

export interface AwsDnsFirewallArgs extends AgoraSelectionArgs, AwsDnsFirewallSettings {}

/**
 * Route 53 Resolver DNS Firewall allowing the selected Agora SDKs' domain names (and the
 * cloud proxy's domain): domain list, ALLOW rule, optional BLOCK rule, VPC associations
 * and fail-open/closed settings.
 */
export class AwsDnsFirewall extends pulumi.ComponentResource {
  public readonly dnsFirewallRuleGroupId: pulumi.Output<string>;
  public readonly dnsFirewallDomainListIds: pulumi.Output<string[]>;
  public readonly dnsFirewallRuleIds: pulumi.Output<string[]>;
  public readonly dnsFirewallAssociationIds: pulumi.Output<string[]>;
  public readonly widenings: pulumi.Output<Widening[]>;
  public readonly quotas: pulumi.Output<QuotaUsage[]>;
  public readonly appSettings: pulumi.Output<AppSetting[]>;
  public readonly plan: Plan;

  constructor(name: string, args: AwsDnsFirewallArgs, opts?: pulumi.ComponentResourceOptions) {
    const resolution = resolveArgs(args);
    const target = dnsFirewallTarget(args, "args");
    const plan = asArgs(() => renderDnsFirewall(resolution, target.options), () => "args");
    super("agora-egress:index:AwsDnsFirewall", name, {}, opts);
    const created = instantiate(this, name, plan.resources, AWS_CLASSES, target.external);
    const ids = dnsFirewallOutputs(plan, created, target.external);
    this.plan = plan;
    this.dnsFirewallRuleGroupId = ids.dnsFirewallRuleGroupId;
    this.dnsFirewallDomainListIds = ids.dnsFirewallDomainListIds;
    this.dnsFirewallRuleIds = ids.dnsFirewallRuleIds;
    this.dnsFirewallAssociationIds = ids.dnsFirewallAssociationIds;
    this.widenings = pulumi.output([...plan.widenings]);
    this.quotas = pulumi.output([...plan.quotas]);
    this.appSettings = pulumi.output([...resolution.appSettings]);
    this.registerOutputs({ ...ids, widenings: this.widenings, quotas: this.quotas, appSettings: this.appSettings });
  }
}
