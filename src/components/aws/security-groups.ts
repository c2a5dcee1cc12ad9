import * as pulumi from "@pulumi/pulumi";
import { checkKeys } from "../../model";
import { renderSecurityGroupRules } from "../../renderers/aws";
import { createChildren, prepareSelection, isComponentId } from "../build";
import { PlanName } from "../../planning";
import { beforeRegistration } from "../errors";
import { instantiate } from "../instantiate";
import { AgoraSelectionArgs, SELECTION_ARG_KEYS } from "../../args/selection-args";
import { AWS_CLASSES } from "./classes";
import { AppSettingOutput, QuotaUsageOutput, WideningOutput } from "../output-types";
import { securityGroupOutputs } from "./outputs";
import { AWS_SETTINGS_KEYS, AwsSecurityGroupSettings, awsTarget, pickAwsSettings } from "../../args/aws-settings";

const TYPE = "agora-egress:index:AwsSecurityGroups";
const LAYOUT = { flat: "securityGroups" } as const;
const KEYS = [...SELECTION_ARG_KEYS, ...AWS_SETTINGS_KEYS.securityGroups];
const OUTPUT_KEYS = ["securityGroupIds", "prefixListIds"] as const;

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
    // Everything that can fail on bad args runs before anything is registered: a RunError naming the arg.
    const { prepared, target } = beforeRegistration(TYPE, name, LAYOUT, () => {
      checkKeys(args, KEYS, "args");
      const target = awsTarget("securityGroups", pickAwsSettings(args, "securityGroups"), "securityGroups", isComponentId);
      return { prepared: prepareSelection(args, PlanName.AwsSecurityGroups, target.options, renderSecurityGroupRules), target };
    });
    super(TYPE, name, {}, opts);
    const out = createChildren(this, LAYOUT, prepared, OUTPUT_KEYS, [], (plan, wrap) => {
      const created = instantiate(this, name, plan.resources, AWS_CLASSES, target.external, wrap);
      return securityGroupOutputs(plan, created, target.external, target.options);
    });
    this.securityGroupIds = out.securityGroupIds;
    this.prefixListIds = out.prefixListIds;
    this.widenings = out.widenings;
    this.quotas = out.quotas;
    this.appSettings = out.appSettings;
    // State keeps what the cloud produces; the report (widenings, quotas, appSettings) stays a property (see README).
    this.registerOutputs({ securityGroupIds: this.securityGroupIds, prefixListIds: this.prefixListIds });
  }
}
