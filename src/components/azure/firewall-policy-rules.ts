import * as pulumi from "@pulumi/pulumi";
import { checkKeys } from "../../model";
import { beforeRegistration } from "../errors";
import { AppSettingOutput, QuotaUsageOutput, WideningOutput } from "../output-types";
import { AgoraSelectionArgs, SELECTION_ARG_KEYS } from "../../args/selection-args";
import { AzureFirewallPolicySettings, AzurePlacementArgs, PLACEMENT_KEYS, SETTINGS_KEYS, pickSettings } from "../../args/azure-settings";
import { createAzureEgress, planAzureEgress } from "./azure-plan";

const TYPE = "agora-egress:index:AzureFirewallPolicyRules";
const LAYOUT = { flat: "firewallPolicy" } as const;
const KEYS = [...SELECTION_ARG_KEYS, ...PLACEMENT_KEYS, ...SETTINGS_KEYS.firewallPolicy];

/** Args of `AzureFirewallPolicyRules`: the Agora selection, where the resources go, and the firewall settings. */
export interface AzureFirewallPolicyRulesArgs extends AgoraSelectionArgs, AzurePlacementArgs, AzureFirewallPolicySettings {}

/**
 * Agora's allowlist as a Firewall Policy rule collection group (application rules for HTTP/S
 * names, network rules with IP Groups and, with DNS proxy, exact FQDNs) on a new policy or an
 * existing one. IP Groups and the group are created in a `dependsOn` chain. IP Groups and the
 * rules using them are named by port profile, so promotion to production endpoints of the test
 * table's shape only updates the IP Groups' addresses (see `AzureAgoraEgress`).
 */
export class AzureFirewallPolicyRules extends pulumi.ComponentResource {
  /** The policy's id: the one created here, or the existing one. */
  public readonly firewallPolicyId: pulumi.Output<string>;
  /** The rule collection group's id. */
  public readonly ruleCollectionGroupId: pulumi.Output<string>;
  /** Ids of the IP Groups created for address destinations. */
  public readonly ipGroupIds: pulumi.Output<string[]>;
  /** What the firewall could not express exactly, and what it became. */
  public readonly widenings: pulumi.Output<WideningOutput[]>;
  /** Use of each platform quota or limit by these resources (rules per NSG, IP Groups per policy, DNS rules and links per policy, …). */
  public readonly quotas: pulumi.Output<QuotaUsageOutput[]>;
  /** The SDK settings that match the deployed rules. */
  public readonly appSettings: pulumi.Output<AppSettingOutput[]>;

  constructor(name: string, args: AzureFirewallPolicyRulesArgs, opts?: pulumi.ComponentResourceOptions) {
    const planned = beforeRegistration(TYPE, name, LAYOUT, () => {
      checkKeys(args, KEYS, "args");
      return planAzureEgress({ ...args, firewallPolicy: pickSettings(args, "firewallPolicy") });
    });
    super(TYPE, name, {}, opts);
    const out = createAzureEgress(this, name, LAYOUT, planned);
    this.firewallPolicyId = out.firewallPolicyId as pulumi.Output<string>;
    this.ruleCollectionGroupId = out.ruleCollectionGroupId as pulumi.Output<string>;
    this.ipGroupIds = out.ipGroupIds;
    this.widenings = out.widenings;
    this.quotas = out.quotas;
    this.appSettings = out.appSettings;
    // State keeps what the cloud produces; the report (widenings, quotas, appSettings) stays a property (see README).
    this.registerOutputs({ firewallPolicyId: this.firewallPolicyId, ruleCollectionGroupId: this.ruleCollectionGroupId, ipGroupIds: this.ipGroupIds });
  }
}
