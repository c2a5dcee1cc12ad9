import * as pulumi from "@pulumi/pulumi";
import { InputError, checkKeys } from "../../model";
import { AZURE_TARGET_KEYS } from "../../args/arg-names";
import { beforeRegistration } from "../errors";
import { AppSettingOutput, QuotaUsageOutput, WideningOutput } from "../output-types";
import { AgoraSelectionArgs, SELECTION_ARG_KEYS } from "../../args/selection-args";
import { AzureDnsSecurityPolicySettings, AzureFirewallPolicySettings, AzureNsgSettings, AzurePlacementArgs, PLACEMENT_KEYS } from "../../args/azure-settings";
import { createAzureEgress, planAzureEgress } from "./azure-plan";

const TYPE = "agora-egress:index:AzureAgoraEgress";
const KEYS = [...SELECTION_ARG_KEYS, ...PLACEMENT_KEYS, ...AZURE_TARGET_KEYS];

/** Args of `AzureAgoraEgress`: the Agora selection, where the resources go, and one settings block per control to deploy. */
export interface AzureAgoraEgressArgs extends AgoraSelectionArgs, AzurePlacementArgs {
  /** Deploy NSG rules with these settings (`{}` for the defaults). */
  nsg?: AzureNsgSettings;
  /** Deploy a Firewall Policy rule collection group with these settings (`{}` for the defaults). */
  firewallPolicy?: AzureFirewallPolicySettings;
  /** Deploy a DNS security policy with these settings (`{}` for the defaults). */
  dnsSecurityPolicy?: AzureDnsSecurityPolicySettings;
}

/**
 * Agora's egress controls on Azure from one selection: NSG rules, Firewall Policy rules and a DNS security policy, as asked for.
 *
 * Promotion (test → production endpoints): rules to addresses and their IP Groups are named by
 * their port profile, not their addresses. With a production endpoint list of the test table's
 * shape (the same rows: protocol, ports and the SDKs each row applies to; each address listed in
 * the same combination of rows, as in Agora's tables) only NSG rules' address prefixes and IP
 * Groups' addresses are updated in place: no rule is created or deleted, every NSG priority
 * stays, and the rule collection group is not touched. A list of another shape can merge or
 * split address rules; check the diff (`priorityClashes` finds an NSG priority a new rule would
 * take from a rule the same update deletes, which Azure refuses).
 *
 * `productionEndpoints` may be an Output (a config secret): the children are then planned, with
 * the same names, once its value is known, and every child input that carries the endpoints (IP
 * Groups' addresses, NSG rules' prefixes) is a secret (see the README, "Production endpoints as
 * secrets"). Bad args throw a one-line `pulumi.RunError` naming the arg (`args.nsg.lastPriority`)
 * before anything is registered; bad values of such an Output, a `pulumi.ResourceError` on the
 * component before any child.
 */
export class AzureAgoraEgress extends pulumi.ComponentResource {
  /** The NSG's id, when NSG rules are deployed. */
  public readonly networkSecurityGroupId: pulumi.Output<string | undefined>;
  /** The firewall policy's id, when firewall rules are deployed. */
  public readonly firewallPolicyId: pulumi.Output<string | undefined>;
  /** The rule collection group's id, when firewall rules are deployed. */
  public readonly ruleCollectionGroupId: pulumi.Output<string | undefined>;
  /** Ids of the IP Groups created for address destinations. */
  public readonly ipGroupIds: pulumi.Output<string[]>;
  /** The DNS security policy's id, when it is deployed. */
  public readonly dnsSecurityPolicyId: pulumi.Output<string | undefined>;
  /** What each control could not express exactly, and what it became. */
  public readonly widenings: pulumi.Output<WideningOutput[]>;
  /** Use of each platform quota or limit by these resources (rules per NSG, IP Groups per policy, DNS rules and links per policy, …). */
  public readonly quotas: pulumi.Output<QuotaUsageOutput[]>;
  /** The SDK settings that match the deployed rules. */
  public readonly appSettings: pulumi.Output<AppSettingOutput[]>;

  constructor(name: string, args: AzureAgoraEgressArgs, opts?: pulumi.ComponentResourceOptions) {
    // Everything that can fail on bad args runs before anything is registered: a RunError naming the arg.
    const planned = beforeRegistration(TYPE, name, {}, () => {
      checkKeys(args, KEYS, "args");
      // The renderer would take no control as all three; the component deploys only what is asked for.
      if (!args.nsg && !args.firewallPolicy && !args.dnsSecurityPolicy) throw new InputError("args", "give at least one of nsg, firewallPolicy, dnsSecurityPolicy");
      return planAzureEgress(args);
    });
    super(TYPE, name, {}, opts);
    const out = createAzureEgress(this, name, {}, planned);
    this.networkSecurityGroupId = out.networkSecurityGroupId;
    this.firewallPolicyId = out.firewallPolicyId;
    this.ruleCollectionGroupId = out.ruleCollectionGroupId;
    this.ipGroupIds = out.ipGroupIds;
    this.dnsSecurityPolicyId = out.dnsSecurityPolicyId;
    this.widenings = out.widenings;
    this.quotas = out.quotas;
    this.appSettings = out.appSettings;
    // State keeps what the cloud produces; the report (widenings, quotas, appSettings) stays a property (see README).
    this.registerOutputs({
      networkSecurityGroupId: this.networkSecurityGroupId, firewallPolicyId: this.firewallPolicyId,
      ruleCollectionGroupId: this.ruleCollectionGroupId, ipGroupIds: this.ipGroupIds, dnsSecurityPolicyId: this.dnsSecurityPolicyId,
    });
  }
}
