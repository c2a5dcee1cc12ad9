import { z } from "zod";
import { InputError } from "../model";
import { OrganizationOptions, OrganizationSettings } from "../renderers/aws/organization-settings";
import { checkOrganizationScope } from "../renderers/aws/organization";
import { parseInput } from "../resolve";
import { NETWORK_MANAGER_REF, NetworkManagerOptions, NetworkManagerSettings, checkNetworkGroupId } from "../renderers/azure";
import { parseArmId } from "../renderers/azure/arm-id";
import { PLAN_REFERENCE_GIVEN, isIdText, planReferenceGiven, withIdRefs } from "../renderers/settings";
import { External } from "./external";
import { AwsOrganizationSettings, AzureNetworkManagerSettings } from "./settings.generated";

export type { AwsOrganizationSettings, AzureNetworkManagerSettings };
export type {
  AwsOrganizationScopeSettings, AwsOrganizationSecurityGroupSettings, AwsOrganizationNetworkFirewallSettings,
  AwsOrganizationDnsFirewallSettings, AwsOrganizationShareSettings, AzureNetworkManagerFirewallPolicySettings,
} from "./settings.generated";

/** The settings keys of the organisation scopes, as their components' args and stack keys spell them. */
export const AWS_ORGANIZATION_KEYS = Object.keys(OrganizationSettings.shape);
export const AZURE_NETWORK_MANAGER_KEYS = Object.keys(NetworkManagerSettings.shape);

type Def = { type: string; innerType?: z.ZodType; shape?: Record<string, z.ZodType> };
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;
/** A field's object schema under optional/default wrappers, if it is one. */
function objectSchema(field: z.ZodType): z.ZodObject | undefined {
  let t = field;
  while (defOf(t).type === "optional" || defOf(t).type === "default") t = defOf(t).innerType!;
  return defOf(t).type === "object" ? (t as z.ZodObject) : undefined;
}

/** `withIdRefs` at every depth: nested settings objects (`securityGroups.vpcId`) get their ids as references too. */
function nestedIdRefs(schema: z.ZodObject, settings: unknown, isId: (value: unknown) => boolean, field: string): { options: unknown; external: External } {
  if (!settings || typeof settings !== "object" || Array.isArray(settings)) return { options: settings, external: {} };
  const own = Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined));
  const reference = planReferenceGiven(schema, own);
  if (reference) throw new InputError(`${field}${reference.at}`, `${JSON.stringify(reference.value)} ${PLAN_REFERENCE_GIVEN}`);
  const top = withIdRefs(schema, own, isId);
  let external: External = { ...top.external };
  const options: Record<string, unknown> = { ...top.options };
  for (const [key, shape] of Object.entries(schema.shape)) {
    const inner = objectSchema(shape as z.ZodType);
    if (!inner || options[key] === undefined) continue;
    const nested = nestedIdRefs(inner, options[key], isId, `${field}.${key}`);
    options[key] = nested.options;
    external = { ...external, ...nested.external };
  }
  return { options, external };
}

/**
 * `agora-egress:awsOrganization`, or AwsAgoraEgressOrganization's args less the selection →
 * the renderer's options and the ids the plan refers to (`${vpc.id}` for the primary group's
 * VPC). Shapes are checked here; the rest when the plan is made. Errors name `awsOrganization.…`.
 */
export function awsOrganizationInputs(settings: object, isId: (value: unknown) => boolean = isIdText): { options: OrganizationOptions; external: External } {
  const { options, external } = nestedIdRefs(OrganizationSettings, settings, isId, "awsOrganization");
  // Shapes and the scope now, whatever waits for the endpoints: a bad scope never reaches the deploy.
  checkOrganizationScope(parseInput(OrganizationSettings, options, "awsOrganization").scope);
  const sg = (options as { securityGroups?: { vpcId?: unknown } }).securityGroups;
  if (sg && typeof sg === "object" && sg.vpcId === undefined) {
    throw new InputError("awsOrganization.securityGroups.vpcId", "give the VPC (of this, the Firewall Manager administrator account) to create the primary security group in");
  }
  return { options: options as OrganizationOptions, external };
}

/**
 * `agora-egress:azureNetworkManager`, or AzureAgoraEgressNetworkManager's args less the
 * selection → the renderer's options and the external ids: the network manager (its id, and
 * its name and resource group when the id is text) and the network groups. Errors name
 * `azureNetworkManager.…`.
 */
export function azureNetworkManagerInputs(settings: object, isId: (value: unknown) => boolean = isIdText): { options: NetworkManagerOptions; external: External } {
  const given = settings as { networkManagerId?: unknown; networkGroups?: unknown };
  if (given.networkGroups && typeof given.networkGroups === "object") {
    for (const [key, id] of Object.entries(given.networkGroups)) {
      if (typeof id === "string") checkNetworkGroupId(id, `azureNetworkManager.networkGroups.${key}`);
    }
  }
  const { options, external } = nestedIdRefs(NetworkManagerSettings, settings, isId, "azureNetworkManager");
  parseInput(NetworkManagerSettings, options, "azureNetworkManager");
  if (typeof given.networkManagerId === "string" && external[NETWORK_MANAGER_REF]) {
    const id = parseArmId(given.networkManagerId, "azureNetworkManager.networkManagerId", "Microsoft.Network/networkManagers");
    external[NETWORK_MANAGER_REF] = { ...external[NETWORK_MANAGER_REF], name: id.name, resourceGroupName: id.resourceGroupName };
  }
  return { options: options as NetworkManagerOptions, external };
}
