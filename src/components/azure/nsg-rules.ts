import * as pulumi from "@pulumi/pulumi";
import { checkKeys } from "../../model";
import { beforeRegistration } from "../errors";
import { AppSettingOutput, QuotaUsageOutput, WideningOutput } from "../output-types";
import { AgoraSelectionArgs, SELECTION_ARG_KEYS } from "../../args/selection-args";
import { AzureNsgSettings, AzurePlacementArgs, PLACEMENT_KEYS, SETTINGS_KEYS, pickSettings } from "../../args/azure-settings";
import { createAzureEgress, planAzureEgress } from "./azure-plan";

const TYPE = "agora-egress:index:AzureNsgRules";
const LAYOUT = { flat: "nsg" } as const;
const KEYS = [...SELECTION_ARG_KEYS, ...PLACEMENT_KEYS, ...SETTINGS_KEYS.nsg];

/** Args of `AzureNsgRules`: the Agora selection, where the resources go, and the NSG settings. */
export interface AzureNsgRulesArgs extends AgoraSelectionArgs, AzurePlacementArgs, AzureNsgSettings {}

/**
 * Agora's allowlist as standalone NSG `SecurityRule`s on a new NSG (or an existing one), with
 * content-derived names and priorities and an optional deny to `Internet` at the window's end.
 * Rules to addresses are named by port profile, so promotion to production endpoints of the
 * test table's shape only updates their address prefixes (see `AzureAgoraEgress`).
 */
export class AzureNsgRules extends pulumi.ComponentResource {
  /** The NSG's id: the one created here, or the existing one. */
  public readonly networkSecurityGroupId: pulumi.Output<string>;
  /** What an NSG could not express exactly (domains as the `Internet` tag), and what it became. */
  public readonly widenings: pulumi.Output<WideningOutput[]>;
  /** Use of each platform quota or limit by these resources (rules per NSG, IP Groups per policy, DNS rules and links per policy, …). */
  public readonly quotas: pulumi.Output<QuotaUsageOutput[]>;
  /** The SDK settings that match the deployed rules. */
  public readonly appSettings: pulumi.Output<AppSettingOutput[]>;

  constructor(name: string, args: AzureNsgRulesArgs, opts?: pulumi.ComponentResourceOptions) {
    const planned = beforeRegistration(TYPE, name, LAYOUT, () => {
      checkKeys(args, KEYS, "args");
      return planAzureEgress({ ...args, nsg: pickSettings(args, "nsg") });
    });
    super(TYPE, name, {}, opts);
    const out = createAzureEgress(this, name, LAYOUT, planned);
    this.networkSecurityGroupId = out.networkSecurityGroupId as pulumi.Output<string>;
    this.widenings = out.widenings;
    this.quotas = out.quotas;
    this.appSettings = out.appSettings;
    // State keeps what the cloud produces; the report (widenings, quotas, appSettings) stays a property (see README).
    this.registerOutputs({ networkSecurityGroupId: this.networkSecurityGroupId });
  }
}
