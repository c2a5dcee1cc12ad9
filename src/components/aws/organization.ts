import * as pulumi from "@pulumi/pulumi";
import { checkKeys } from "../../model";
import {
  DNS_RULE_GROUP_NAME, FMS_POLICY_TYPE, PREFIX_LIST_TYPE, RAM_SHARE_NAME, RULE_GROUP_NAME, SECURITY_GROUP_TYPE, renderAwsOrganizationPlan,
} from "../../renderers/aws";
import { Plan } from "../../renderers/plan";
import { createChildren, prepareSelection, isComponentId } from "../build";
import { PlanName } from "../../planning";
import { beforeRegistration } from "../errors";
import { instantiate } from "../instantiate";
import { AgoraSelectionArgs, SELECTION_ARG_KEYS } from "../../args/selection-args";
import { AWS_ORGANIZATION_KEYS, AwsOrganizationSettings, awsOrganizationInputs } from "../../args/organization-settings";
import { AWS_CLASSES } from "./classes";
import { AppSettingOutput, QuotaUsageOutput, WideningOutput } from "../output-types";

const TYPE = "agora-egress:index:AwsAgoraEgressOrganization";
const LAYOUT = { flat: "awsOrganization" } as const;
const KEYS = [...SELECTION_ARG_KEYS, ...AWS_ORGANIZATION_KEYS];
const OUTPUT_KEYS = ["policyIds", "primarySecurityGroupIds", "prefixListIds", "ruleGroupArn", "dnsFirewallRuleGroupId", "resourceShareArn"] as const;

/** Args of `AwsAgoraEgressOrganization`: the Agora selection, the policies' scope, and one settings block per policy type to create. */
export interface AwsAgoraEgressOrganizationArgs extends AgoraSelectionArgs, AwsOrganizationSettings {}

type Created = ReadonlyMap<string, pulumi.CustomResource>;

function outputs(plan: Plan, created: Created, type: string, output: string): pulumi.Output<string[]> {
  return pulumi.all(plan.resources.filter((r) => r.type === type)
    .map((r) => (created.get(r.name) as unknown as Record<string, pulumi.Output<string>>)[output]));
}

function one(created: Created, name: string, output: string): pulumi.Output<string | undefined> {
  const r = created.get(name) as unknown as Record<string, pulumi.Output<string>> | undefined;
  return r ? r[output] : pulumi.output(undefined);
}

/**
 * Agora's egress controls for a whole AWS organisation, from the Firewall Manager administrator
 * account: Firewall Manager policies that fan one definition out to every account and VPC in
 * scope. A common security group policy per primary security group (the rules of
 * `AwsSecurityGroups`, sharded by the same quotas; one primary group per policy), a Network
 * Firewall policy with the Agora strict-order rule group, a DNS Firewall policy with the Agora
 * rule group as a pre-process rule group, and optionally a RAM share of the prefix lists and
 * rule groups. The resources here do not grow with the accounts or VPCs in scope.
 *
 * Bad args (an empty scope, an OU id of the wrong form, include and exclude lists together, a
 * DNS priority outside 1-99, a plan beyond Firewall Manager's limits) throw a one-line
 * `pulumi.RunError` naming the arg (`args.scope.includeAccounts[0]`) before anything is registered.
 */
export class AwsAgoraEgressOrganization extends pulumi.ComponentResource {
  /** Ids of the Firewall Manager policies, in plan order (common security group policies, Network Firewall, DNS Firewall). */
  public readonly policyIds: pulumi.Output<string[]>;
  /** Ids of the primary security groups (one per common security group policy). */
  public readonly primarySecurityGroupIds: pulumi.Output<string[]>;
  /** Ids of the cloud-proxy prefix lists (empty unless `securityGroups.proxyPrefixLists`). */
  public readonly prefixListIds: pulumi.Output<string[]>;
  /** ARN of the Network Firewall rule group, when `networkFirewall` is set. */
  public readonly ruleGroupArn: pulumi.Output<string | undefined>;
  /** Id of the DNS Firewall rule group, when `dnsFirewall` is set. */
  public readonly dnsFirewallRuleGroupId: pulumi.Output<string | undefined>;
  /** ARN of the RAM resource share, when `share` is set. */
  public readonly resourceShareArn: pulumi.Output<string | undefined>;
  /** Everything the policies could not express exactly and opened more widely instead, with the reason. */
  public readonly widenings: pulumi.Output<WideningOutput[]>;
  /** Use of each platform quota or limit by these resources, Firewall Manager's included. */
  public readonly quotas: pulumi.Output<QuotaUsageOutput[]>;
  /** The SDK settings the applications must use so that their traffic matches these rules. */
  public readonly appSettings: pulumi.Output<AppSettingOutput[]>;

  constructor(name: string, args: AwsAgoraEgressOrganizationArgs, opts?: pulumi.ComponentResourceOptions) {
    // Everything that can fail on bad args runs before anything is registered: a RunError naming the arg.
    const { prepared, external } = beforeRegistration(TYPE, name, LAYOUT, () => {
      checkKeys(args, KEYS, "args");
      const settings = Object.fromEntries(AWS_ORGANIZATION_KEYS.filter((k) => (args as unknown as Record<string, unknown>)[k] !== undefined)
        .map((k) => [k, (args as unknown as Record<string, unknown>)[k]]));
      const { options, external } = awsOrganizationInputs(settings, isComponentId);
      return { prepared: prepareSelection(args, PlanName.AwsOrganization, options, renderAwsOrganizationPlan), external };
    });
    super(TYPE, name, {}, opts);
    const out = createChildren(this, LAYOUT, prepared, OUTPUT_KEYS, [], (plan, wrap) => {
      const created = instantiate(this, name, plan.resources, AWS_CLASSES, external, wrap);
      return {
        policyIds: outputs(plan, created, FMS_POLICY_TYPE, "id"),
        primarySecurityGroupIds: outputs(plan, created, SECURITY_GROUP_TYPE, "id"),
        prefixListIds: outputs(plan, created, PREFIX_LIST_TYPE, "id"),
        ruleGroupArn: one(created, RULE_GROUP_NAME, "arn"),
        dnsFirewallRuleGroupId: one(created, DNS_RULE_GROUP_NAME, "id"),
        resourceShareArn: one(created, RAM_SHARE_NAME, "arn"),
      };
    });
    this.policyIds = out.policyIds;
    this.primarySecurityGroupIds = out.primarySecurityGroupIds;
    this.prefixListIds = out.prefixListIds;
    this.ruleGroupArn = out.ruleGroupArn;
    this.dnsFirewallRuleGroupId = out.dnsFirewallRuleGroupId;
    this.resourceShareArn = out.resourceShareArn;
    this.widenings = out.widenings;
    this.quotas = out.quotas;
    this.appSettings = out.appSettings;
    // State keeps what the cloud produces; the report (widenings, quotas, appSettings) stays a property (see README).
    this.registerOutputs(Object.fromEntries(OUTPUT_KEYS.map((k) => [k, out[k]])));
  }
}
