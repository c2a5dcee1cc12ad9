import { z } from "zod";
import { Resolution } from "../resolve";
import {
  ALL_AWS_TARGETS, AWS_SETTINGS, AwsPlanOptions, renderAwsPlan,
} from "../renderers/aws";
import {
  ALL_NETWORK_MANAGER_TARGETS, AZURE_SETTINGS, AzurePlanOptions, NetworkManagerSettings, renderAzurePlan, renderNetworkManagerPlan,
} from "../renderers/azure";
import { ALL_ORGANIZATION_TARGETS, OrganizationSettings, renderAwsOrganizationPlan } from "../renderers/aws";
import { awsOrganizationInputs, azureNetworkManagerInputs } from "../args/organization-settings";
import { AzureEgressShape, azureTargetInputs } from "../args/azure-settings";
import type { AgoraSelectionArgs } from "../args/selection-args";
import { Plan, parseRef } from "../renderers/plan";
import { settingsPath } from "../args/arg-names";
import { AwsTargetSettings, SECURITY_GROUP_PLACEMENT, awsTargetInputs } from "../args/aws-settings";
import { asGiven } from "../renderers/settings";
import { External } from "../args/external";
import { FieldOrigin, stackField, withOrigins } from "./fields";
import { PlanName, asShared, sharedPlan } from "../planning";

/*
 * The stack keys `agora-egress:aws` and `agora-egress:azure` carry the options of the cloud
 * targets: the fields of the AwsAgoraEgress and AzureAgoraEgress components' args (less the
 * selection, which has keys of its own), so the program passes them on as they are. These
 * schemas check shapes and types when the stack is read (errors name the file and key);
 * limits and cross-field rules (priority order, capacity) are checked by the renderers when
 * the plan is made, named after the key too.
 */

/**
 * The target parts of the components' args, as src/args declares them for the components and
 * the stack alike: what `agora-egress:aws` and `agora-egress:azure` must fit.
 */
type AwsTargetArgs = AwsTargetSettings;
type AzureTargetArgs = Omit<AzureEgressShape, keyof AgoraSelectionArgs>;

const text = z.string().trim().min(1);

/** `agora-egress:aws`: a target is deployed when its key is present (`{}` for its defaults). */
export const AwsTargetConfig = z.object({
  // Each target's one declaration (src/renderers/aws/settings.ts), as the components take it.
  securityGroups: asGiven(AWS_SETTINGS.securityGroups).refine((o) => o.vpcId !== undefined || o.existingSecurityGroupId !== undefined, {
    path: ["vpcId"], message: SECURITY_GROUP_PLACEMENT,
  }).optional(),
  networkFirewall: asGiven(AWS_SETTINGS.networkFirewall).optional(),
  dnsFirewall: asGiven(AWS_SETTINGS.dnsFirewall).optional(),
}).strict().refine((o) => o.securityGroups || o.networkFirewall || o.dnsFirewall, {
  message: "turn on at least one AWS target: securityGroups, networkFirewall or dnsFirewall",
}) satisfies z.ZodType<AwsTargetArgs>;
export type AwsTargetConfig = z.output<typeof AwsTargetConfig>;

/** `agora-egress:azure`: a control is deployed when its key is present (`{}` for its defaults). */
export const AzureTargetConfig = z.object({
  resourceGroupName: text,
  location: text.optional(),
  namePrefix: text.optional(),
  // Each control's one declaration (src/renderers/azure/settings.ts), as the components take it.
  nsg: asGiven(AZURE_SETTINGS.nsg).optional(),
  firewallPolicy: asGiven(AZURE_SETTINGS.firewallPolicy).optional(),
  dnsSecurityPolicy: asGiven(AZURE_SETTINGS.dnsSecurityPolicy).optional(),
}).strict().refine((o) => o.nsg || o.firewallPolicy || o.dnsSecurityPolicy, {
  message: "turn on at least one Azure control: nsg, firewallPolicy or dnsSecurityPolicy",
}) satisfies z.ZodType<AzureTargetArgs>;
export type AzureTargetConfig = z.output<typeof AzureTargetConfig>;

/**
 * The AWS renderer's options for a stack's `agora-egress:aws`, made by the same function as
 * AwsAgoraEgress makes them from its args, with the ids the plan refers to (`${vpc.id}`, and
 * `${vpc-<name>.id}` for `dnsFirewall.vpcs`). Absent (a preview with no stack config): every
 * target with its defaults, ids the plan cannot know as references.
 */
export function awsPlanInputs(config: z.input<typeof AwsTargetConfig> | undefined): { options: AwsPlanOptions; external: External } {
  return config ? awsTargetInputs(config) : { options: ALL_AWS_TARGETS, external: {} };
}

/**
 * The plan with the references to ids the stack gives as text filled in (`${vpc.id}` →
 * `vpc-0123…`), as the component fills them when it creates the resources. Names stay as the
 * plan made them, so they are the component's names.
 */
function fillKnownIds(plan: Plan, external: External): Plan {
  const fill = (value: unknown): unknown => {
    if (typeof value === "string") {
      const r = parseRef(value);
      const known = r ? external[r.name]?.[r.output] : undefined;
      if (typeof known === "string") return known;
      return r ? value : value.replace(/\$\{([^}]+)\.([^}.]+)\}/g, (whole, name: string, output: string) => {
        const v = external[name]?.[output];
        return typeof v === "string" ? v : whole;
      });
    }
    if (Array.isArray(value)) return value.map(fill);
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v)]));
    return value;
  };
  return {
    ...plan,
    resources: plan.resources.map((r) => ({ ...r, inputs: fill(r.inputs) as Record<string, unknown> })),
    quotas: plan.quotas.map((q) => ({ ...q, scope: fill(q.scope) as string })),
  };
}

/**
 * The Azure renderer's options for a stack's `agora-egress:azure`, as the AzureAgoraEgress
 * component derives them: the controls the config names, as their keys. Absent (a preview
 * with no stack config): every control with its defaults, the resource group as the reference
 * `${placement.resourceGroupName}`.
 */
export function azurePlanOptions(config: z.input<typeof AzureTargetConfig> | undefined): AzurePlanOptions {
  if (!config) return {};
  // Existing resources' ids become the references the renderer plans with (`${existing-nsg.name}`).
  const { options } = azureTargetInputs(config);
  return {
    resourceGroupName: config.resourceGroupName,
    ...(config.location !== undefined ? { location: config.location } : {}),
    ...(config.namePrefix !== undefined ? { namePrefix: config.namePrefix } : {}),
    ...options,
  };
}

/**
 * How the stack config names renderer and settings fields: `securityGroups.vpcId` →
 * `aws.securityGroups.vpcId`, `azure.nsg.lastPriority` stays; with `file`,
 * as the stack key: `Pulumi.test.yaml: agora-egress:aws.securityGroups.existingSecurityGroupId`.
 */
export function targetOrigin(file?: string): FieldOrigin {
  return (root, path) => {
    const s = settingsPath(root, path);
    if (!s) return undefined;
    const key = s.path ? `${s.cloud}.${s.path}` : s.cloud;
    return file ? stackField(file, key) : key;
  };
}

/** The AWS plan for a stack's target config, as AwsAgoraEgress makes it; InputErrors name `aws.<option>`. */
export function planAws(resolution: Resolution, config: AwsTargetConfig | undefined): Plan {
  return withOrigins(targetOrigin(), () => {
    const { options, external } = awsPlanInputs(config);
    return fillKnownIds(sharedPlan(asShared(resolution), PlanName.Aws, options, renderAwsPlan), external);
  });
}

/** The Azure plan for a stack's target config; InputErrors name `azure.<option>`. */
export function planAzure(resolution: Resolution, config: AzureTargetConfig | undefined): Plan {
  return withOrigins(targetOrigin(), () => sharedPlan(asShared(resolution), PlanName.Azure, azurePlanOptions(config), renderAzurePlan));
}

/**
 * `agora-egress:awsOrganization`: the settings of AwsAgoraEgressOrganization (less the
 * selection), as declared once in src/renderers/aws/organization-settings.ts and read as given.
 */
export const AwsOrganizationConfig = asGiven(OrganizationSettings);
export type AwsOrganizationConfig = z.output<typeof AwsOrganizationConfig>;

/** `agora-egress:azureNetworkManager`: the settings of AzureAgoraEgressNetworkManager (less the selection), read as given. */
export const AzureNetworkManagerConfig = asGiven(NetworkManagerSettings);
export type AzureNetworkManagerConfig = z.output<typeof AzureNetworkManagerConfig>;

/**
 * The organisation plan on AWS for a stack's `agora-egress:awsOrganization`, as
 * AwsAgoraEgressOrganization makes it; absent (no stack config): every policy with its defaults,
 * for every account, ids it cannot know as references. InputErrors name `awsOrganization.<option>`.
 */
export function planAwsOrganization(resolution: Resolution, config: AwsOrganizationConfig | undefined): Plan {
  return withOrigins(targetOrigin(), () => {
    const { options, external } = config ? awsOrganizationInputs(config) : { options: ALL_ORGANIZATION_TARGETS, external: {} };
    return fillKnownIds(sharedPlan(asShared(resolution), PlanName.AwsOrganization, options, renderAwsOrganizationPlan), external);
  });
}

/** The network manager plan on Azure for a stack's `agora-egress:azureNetworkManager`; InputErrors name `azureNetworkManager.<option>`. */
export function planAzureNetworkManager(resolution: Resolution, config: AzureNetworkManagerConfig | undefined): Plan {
  return withOrigins(targetOrigin(), () => {
    const { options, external } = config ? azureNetworkManagerInputs(config) : { options: ALL_NETWORK_MANAGER_TARGETS, external: {} };
    return fillKnownIds(sharedPlan(asShared(resolution), PlanName.AzureNetworkManager, options, renderNetworkManagerPlan), external);
  });
}
