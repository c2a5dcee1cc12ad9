import { InputError } from "../model";
import { AWS_SETTINGS, AwsPlanOptions } from "../renderers/aws";
import { isIdText } from "../renderers/settings";
import { External } from "./external";
import { declaredTarget, pickSettings, settingsKeys } from "./target-settings";
import { AwsDnsFirewallSettings, AwsNetworkFirewallSettings, AwsSecurityGroupSettings } from "./settings.generated";

export { AwsDnsFirewallSettings, AwsNetworkFirewallSettings, AwsSecurityGroupSettings };

/** Security groups need a place: the renderer plans `${vpc.id}` for a preview, a deployment needs the id. */
export const SECURITY_GROUP_PLACEMENT = "give vpcId (to create security groups) or existingSecurityGroupId (to add rules to one)";

export type AwsTargetKey = keyof typeof AWS_SETTINGS;

/** The settings keys of each AWS target, as the args (and `agora-egress:aws`) spell them. */
export const AWS_SETTINGS_KEYS = settingsKeys(AWS_SETTINGS);

/** One target's settings, picked from a single-target component's args (whose keys were checked). */
export const pickAwsSettings = (args: object, target: AwsTargetKey) => pickSettings(args, AWS_SETTINGS_KEYS[target]);

/**
 * One target's settings → the renderer's options and the ids the plan refers to: every id
 * another resource outputs becomes `${<name>.id}` and its value goes to `external`. Checked
 * with the target's declaration (errors name the setting under its target, `securityGroups.vpcId`;
 * the component and the stack relabel that to `args.securityGroups.vpcId`, `agora-egress:aws.…`).
 */
export function awsTarget<K extends AwsTargetKey>(
  target: K, settings: object, field: string = target, isId: (value: unknown) => boolean = isIdText,
): { options: NonNullable<AwsPlanOptions[K]>; external: External } {
  const { options, external } = declaredTarget(AWS_SETTINGS[target], settings, field, isId);
  if (target === "securityGroups" && options.vpcId === undefined && options.existingSecurityGroupId === undefined) {
    throw new InputError(`${field}.vpcId`, SECURITY_GROUP_PLACEMENT);
  }
  return { options: options as NonNullable<AwsPlanOptions[K]>, external };
}

/** The AWS targets' settings, as `AwsAgoraEgress` takes them and `agora-egress:aws` holds them. */
export interface AwsTargetSettings {
  securityGroups?: AwsSecurityGroupSettings;
  networkFirewall?: AwsNetworkFirewallSettings;
  dnsFirewall?: AwsDnsFirewallSettings;
}

/**
 * Every configured AWS target's settings → the renderer's options and the external ids: what
 * `AwsAgoraEgress` plans with (`isId` also takes its outputs), and what a stack's `agora-egress:aws` plans with in the CLI and
 * the root program, so both make the same plan. Errors name `securityGroups.vpcId` and so on.
 */
export function awsTargetInputs(settings: { readonly [K in AwsTargetKey]?: object }, isId: (value: unknown) => boolean = isIdText): { options: AwsPlanOptions; external: External } {
  const options: Record<string, unknown> = {};
  let external: External = {};
  for (const key of Object.keys(AWS_SETTINGS) as AwsTargetKey[]) {
    if (settings[key] === undefined) continue;
    const t = awsTarget(key, settings[key]!, key, isId);
    options[key] = t.options;
    external = { ...external, ...t.external };
  }
  return { options: options as AwsPlanOptions, external };
}
