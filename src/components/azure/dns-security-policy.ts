import * as pulumi from "@pulumi/pulumi";
import { AzureTarget } from "../../renderers/azure";
import { AppSettingOutput, WideningOutput } from "../output-types";
import { AgoraSelectionArgs } from "../selection-args";
import { AzureDnsSecurityPolicySettings, AzurePlacementArgs, pickSettings } from "./args";
import { createAzureEgress, planAzureEgress } from "./azure-plan";

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
  /** The SDK settings that match the deployed rules. */
  public readonly appSettings: pulumi.Output<AppSettingOutput[]>;

  constructor(name: string, args: AzureDnsSecurityPolicyArgs, opts?: pulumi.ComponentResourceOptions) {
    const planned = planAzureEgress({ ...args, dnsSecurityPolicy: pickSettings(args, "dnsSecurityPolicy") }, [AzureTarget.DnsSecurityPolicy],
      (f) => f.replace(/^args\.dnsSecurityPolicy(?=\.|$)/, "args"));
    super("agora-egress:index:AzureDnsSecurityPolicy", name, {}, opts);
    const out = createAzureEgress(this, name, planned);
    this.dnsSecurityPolicyId = out.dnsSecurityPolicyId!;
    this.widenings = out.widenings;
    this.appSettings = out.appSettings;
    // State keeps what the cloud produces; the report (widenings, appSettings) stays a property (see README).
    this.registerOutputs({ dnsSecurityPolicyId: this.dnsSecurityPolicyId });
  }
}
