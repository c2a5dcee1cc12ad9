import * as pulumi from "@pulumi/pulumi";
import { renderSecurityGroupRules } from "../../renderers/aws";
import { instantiate } from "../instantiate";
import { AgoraSelectionArgs } from "../selection-args";
import { sharedPlan, sharedResolution } from "../plan-cache";
import { AWS_CLASSES } from "./classes";
import { AppSettingOutput, QuotaUsageOutput, WideningOutput, staticOutput } from "../output-types";
import { securityGroupOutputs } from "./outputs";
import { AwsSecurityGroupSettings, asArgs, securityGroupTarget } from "./settings";

export interface AwsSecurityGroupsArgs extends AgoraSelectionArgs, AwsSecurityGroupSettings {}

/**
 * Security groups that allow exactly the selected Agora SDKs' traffic: standalone
 * `vpc.SecurityGroupEgressRule`/`IngressRule` resources, sharded over as many groups as
 * the quota needs (all their ids are in `securityGroupIds`; attach every one). Domains
 * are opened to every address on their ports, reported in `widenings`.
 */
export class AwsSecurityGroups extends pulumi.ComponentResource {
  /** Every group the rules are in, in shard order; attach all of them to the workload's interfaces. */
  public readonly securityGroupIds: pulumi.Output<string[]>;
  /** Ids of the customer-managed prefix lists created for cloud-proxy endpoints (empty unless prefix lists were asked for). */
  public readonly prefixListIds: pulumi.Output<string[]>;
  /** What security groups could not express exactly, and what was opened instead. */
  public readonly widenings: pulumi.Output<WideningOutput[]>;
  /** Use of each platform quota or limit by these resources. */
  public readonly quotas: pulumi.Output<QuotaUsageOutput[]>;
  /** SDK settings the application must use to match these rules. */
  public readonly appSettings: pulumi.Output<AppSettingOutput[]>;

  constructor(name: string, args: AwsSecurityGroupsArgs, opts?: pulumi.ComponentResourceOptions) {
    // Everything that can fail on bad input runs before any resource is registered.
    const resolved = sharedResolution(args);
    const target = securityGroupTarget(args, "args");
    const shared = asArgs(() => sharedPlan(resolved, "aws-security-groups", target.options, renderSecurityGroupRules), () => "args");
    const { plan } = shared;
    super("agora-egress:index:AwsSecurityGroups", name, {}, opts);
    const created = instantiate(this, name, plan.resources, AWS_CLASSES, target.external);
    const ids = securityGroupOutputs(plan, created, target.external, target.options);
    this.securityGroupIds = ids.securityGroupIds;
    this.prefixListIds = ids.prefixListIds;
    this.widenings = staticOutput(shared.widenings);
    this.quotas = staticOutput(shared.quotas);
    this.appSettings = staticOutput(shared.appSettings);
    // State keeps what the cloud produces; the report (widenings, quotas, appSettings) stays a property (see README).
    this.registerOutputs({ securityGroupIds: this.securityGroupIds, prefixListIds: this.prefixListIds });
  }
}
