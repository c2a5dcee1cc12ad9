import * as pulumi from "@pulumi/pulumi";
import { checkKeys } from "../../model";
import {
  ADMIN_RULE_COLLECTION_SPEC, ADMIN_RULE_TYPE, FIREWALL_POLICY_SPEC, FIREWALL_POLICY_TYPE, IP_GROUP_TYPE, NETWORK_MANAGER_COMMIT_SPEC,
  NETWORK_MANAGER_REF, RULE_COLLECTION_GROUP_SPEC, SECURITY_ADMIN_CONFIGURATION_SPEC, renderNetworkManagerPlan,
} from "../../renderers/azure";
import { Plan } from "../../renderers/plan";
import { createChildren, isComponentId, prepareSelection } from "../build";
import { PlanName } from "../../planning";
import { beforeRegistration, onResource } from "../errors";
import { instantiate } from "../instantiate";
import { AgoraSelectionArgs, SELECTION_ARG_KEYS } from "../../args/selection-args";
import { AZURE_NETWORK_MANAGER_KEYS, AzureNetworkManagerSettings, azureNetworkManagerInputs } from "../../args/organization-settings";
import { AppSettingOutput, QuotaUsageOutput, WideningOutput } from "../output-types";
import { existingOutputs } from "./args";
import { AZURE_CLASSES } from "./azure-plan";

const TYPE = "agora-egress:index:AzureAgoraEgressNetworkManager";
const LAYOUT = { flat: "azureNetworkManager" } as const;
const KEYS = [...SELECTION_ARG_KEYS, ...AZURE_NETWORK_MANAGER_KEYS];
const OUTPUT_KEYS = [
  "securityAdminConfigurationId", "adminRuleCollectionId", "adminRuleIds", "commitId",
  "firewallPolicyId", "childFirewallPolicyIds", "ruleCollectionGroupId", "ipGroupIds",
] as const;

/** Args of `AzureAgoraEgressNetworkManager`: the Agora selection, the network manager and its network groups, and optionally a base Firewall Policy. */
export interface AzureAgoraEgressNetworkManagerArgs extends AgoraSelectionArgs, AzureNetworkManagerSettings {}

type Created = ReadonlyMap<string, pulumi.CustomResource>;

const ids = (plan: Plan, created: Created, pick: (type: string, name: string) => boolean): pulumi.Output<string[]> =>
  pulumi.all(plan.resources.filter((r) => pick(r.type, r.name)).map((r) => created.get(r.name)!.id));
const idOf = (created: Created, name: string): pulumi.Output<string | undefined> => created.get(name)?.id ?? pulumi.output(undefined);

/**
 * Agora's egress controls for every virtual network of the given network groups, from the
 * network manager's subscription: a security admin configuration with a rule collection that
 * applies to the network groups, Allow admin rules for the model's flows (names are not
 * expressible: domains become the `Internet` service tag, reported as widenings) with stable
 * priorities, an optional guardrail denying other Internet egress, an optional commit of the
 * configuration to the given regions, and optionally a base Firewall Policy holding the Agora
 * rule collection group, which child policies in its region inherit. The resources here do not
 * grow with the networks in the groups.
 *
 * Bad args (a child policy in another region, a priority outside 1-4096, an id that is not a
 * network group's) throw a one-line `pulumi.RunError` naming the arg before anything is registered.
 */
export class AzureAgoraEgressNetworkManager extends pulumi.ComponentResource {
  /** Id of the security admin configuration. */
  public readonly securityAdminConfigurationId: pulumi.Output<string>;
  /** Id of the admin rule collection. */
  public readonly adminRuleCollectionId: pulumi.Output<string>;
  /** Ids of the admin rules, by name. */
  public readonly adminRuleIds: pulumi.Output<string[]>;
  /** Id of the commit, when `commitLocations` is set. */
  public readonly commitId: pulumi.Output<string | undefined>;
  /** Id of the base Firewall Policy, when `firewallPolicy` is set. */
  public readonly firewallPolicyId: pulumi.Output<string | undefined>;
  /** Ids of the child policies that inherit it, by key. */
  public readonly childFirewallPolicyIds: pulumi.Output<string[]>;
  /** Id of the Agora rule collection group in the base policy. */
  public readonly ruleCollectionGroupId: pulumi.Output<string | undefined>;
  /** Ids of the IP Groups the base policy's rules use. */
  public readonly ipGroupIds: pulumi.Output<string[]>;
  /** What the admin rules and the base policy could not express exactly, and what they became. */
  public readonly widenings: pulumi.Output<WideningOutput[]>;
  /** Use of each platform quota or limit by these resources. */
  public readonly quotas: pulumi.Output<QuotaUsageOutput[]>;
  /** The SDK settings that match the deployed rules. */
  public readonly appSettings: pulumi.Output<AppSettingOutput[]>;

  constructor(name: string, args: AzureAgoraEgressNetworkManagerArgs, opts?: pulumi.ComponentResourceOptions) {
    const { prepared, external } = beforeRegistration(TYPE, name, LAYOUT, () => {
      checkKeys(args, KEYS, "args");
      const settings = Object.fromEntries(AZURE_NETWORK_MANAGER_KEYS.filter((k) => (args as unknown as Record<string, unknown>)[k] !== undefined)
        .map((k) => [k, (args as unknown as Record<string, unknown>)[k]]));
      const { options, external } = azureNetworkManagerInputs(settings, isComponentId);
      return { prepared: prepareSelection(args, PlanName.AzureNetworkManager, options, renderNetworkManagerPlan), external };
    });
    super(TYPE, name, {}, opts);
    // A network manager id that is an output: its name and resource group once it is known.
    const filled = existingOutputs([{
      name: NETWORK_MANAGER_REF, id: args.networkManagerId, type: "Microsoft.Network/networkManagers", field: "azureNetworkManager.networkManagerId",
    }], external, (fn) => onResource(this, LAYOUT, fn));
    const out = createChildren(this, LAYOUT, prepared, OUTPUT_KEYS, [], (plan, wrap) => {
      const created = instantiate(this, name, plan.resources, AZURE_CLASSES, filled, wrap);
      return {
        securityAdminConfigurationId: created.get(SECURITY_ADMIN_CONFIGURATION_SPEC)!.id,
        adminRuleCollectionId: created.get(ADMIN_RULE_COLLECTION_SPEC)!.id,
        adminRuleIds: ids(plan, created, (type) => type === ADMIN_RULE_TYPE),
        commitId: idOf(created, NETWORK_MANAGER_COMMIT_SPEC),
        firewallPolicyId: idOf(created, FIREWALL_POLICY_SPEC),
        childFirewallPolicyIds: ids(plan, created, (type, n) => type === FIREWALL_POLICY_TYPE && n !== FIREWALL_POLICY_SPEC),
        ruleCollectionGroupId: idOf(created, RULE_COLLECTION_GROUP_SPEC),
        ipGroupIds: ids(plan, created, (type) => type === IP_GROUP_TYPE),
      };
    });
    this.securityAdminConfigurationId = out.securityAdminConfigurationId;
    this.adminRuleCollectionId = out.adminRuleCollectionId;
    this.adminRuleIds = out.adminRuleIds;
    this.commitId = out.commitId;
    this.firewallPolicyId = out.firewallPolicyId;
    this.childFirewallPolicyIds = out.childFirewallPolicyIds;
    this.ruleCollectionGroupId = out.ruleCollectionGroupId;
    this.ipGroupIds = out.ipGroupIds;
    this.widenings = out.widenings;
    this.quotas = out.quotas;
    this.appSettings = out.appSettings;
    // State keeps what the cloud produces; the report (widenings, quotas, appSettings) stays a property (see README).
    this.registerOutputs(Object.fromEntries(OUTPUT_KEYS.map((k) => [k, out[k]])));
  }
}
