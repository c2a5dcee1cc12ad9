import * as pulumi from "@pulumi/pulumi";
import { checkKeys } from "../../model";
import { beforeRegistration } from "../errors";
import { AppSettingOutput, QuotaUsageOutput, WideningOutput } from "../output-types";
import { AgoraSelectionArgs, SELECTION_ARG_KEYS } from "../../args/selection-args";
import { AzureDnsSecurityPolicySettings, AzurePlacementArgs, PLACEMENT_KEYS, SETTINGS_KEYS, pickSettings } from "../../args/azure-settings";
import { createAzureEgress, planAzureEgress } from "./azure-plan";

const TYPE = "agora-egress:index:AzureDnsSecurityPolicy";
const LAYOUT = { flat: "dnsSecurityPolicy" } as const;
const KEYS = [...SELECTION_ARG_KEYS, ...PLACEMENT_KEYS, ...SETTINGS_KEYS.dnsSecurityPolicy];

/** Args of `AzureDnsSecurityPolicy`: the Agora selection, where the resources go, and the DNS policy settings. */
export interface AzureDnsSecurityPolicyArgs extends AgoraSelectionArgs, AzurePlacementArgs, AzureDnsSecurityPolicySettings {}

/**
 * Agora's names as a DNS security policy (new or existing): an allow list with its rule, an
 * optional block-everything-else rule, and links to the given virtual networks.
 */
export class AzureDnsSecurityPolicy extends pulumi.ComponentResource {
  /** The DNS security policy's id: the one created here, or the existing one. */
  public readonly dnsSecurityPolicyId: pulumi.Output<string>;
  /** What the policy could not express exactly (exact names match their subtree), and what it became. */
  public readonly widenings: pulumi.Output<WideningOutput[]>;
  /** Use of each platform quota or limit by these resources (rules per NSG, IP Groups per policy, DNS rules and links per policy, …). */
  public readonly quotas: pulumi.Output<QuotaUsageOutput[]>;
  /** The SDK settings that match the deployed rules. */
  public readonly appSettings: pulumi.Output<AppSettingOutput[]>;

  constructor(name: string, args: AzureDnsSecurityPolicyArgs, opts?: pulumi.ComponentResourceOptions) {
    const planned = beforeRegistration(TYPE, name, LAYOUT, () => {
      checkKeys(args, KEYS, "args");
      return planAzureEgress({ ...args, dnsSecurityPolicy: pickSettings(args, "dnsSecurityPolicy") });
    });
    super(TYPE, name, {}, opts);
    const out = createAzureEgress(this, name, LAYOUT, planned);
    this.dnsSecurityPolicyId = out.dnsSecurityPolicyId as pulumi.Output<string>;
    this.widenings = out.widenings;
    this.quotas = out.quotas;
    this.appSettings = out.appSettings;
    // State keeps what the cloud produces; the report (widenings, quotas, appSettings) stays a property (see README).
    this.registerOutputs({ dnsSecurityPolicyId: this.dnsSecurityPolicyId });
  }
}
