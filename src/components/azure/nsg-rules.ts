import * as pulumi from "@pulumi/pulumi";
import { AzureTarget } from "../../renderers/azure";
import { AppSettingOutput, WideningOutput } from "../output-types";
import { AgoraSelectionArgs } from "../selection-args";
import { AzureNsgSettings, AzurePlacementArgs, pickSettings } from "./args";
import { createAzureEgress, planAzureEgress } from "./azure-plan";

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
  /** The SDK settings that match the deployed rules. */
  public readonly appSettings: pulumi.Output<AppSettingOutput[]>;

  constructor(name: string, args: AzureNsgRulesArgs, opts?: pulumi.ComponentResourceOptions) {
    const planned = planAzureEgress({ ...args, nsg: pickSettings(args, "nsg") }, [AzureTarget.Nsg], (f) => f.replace(/^args\.nsg(?=\.|$)/, "args"));
    super("agora-egress:index:AzureNsgRules", name, {}, opts);
    const out = createAzureEgress(this, name, planned);
    this.networkSecurityGroupId = out.networkSecurityGroupId!;
    this.widenings = out.widenings;
    this.appSettings = out.appSettings;
    // State keeps what the cloud produces; the report (widenings, appSettings) stays a property (see README).
    this.registerOutputs({ networkSecurityGroupId: this.networkSecurityGroupId });
  }
}
