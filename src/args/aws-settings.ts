import { InputError } from "../model";
import { parseInput } from "../resolve";
import { AWS_SETTINGS, AwsPlanOptions } from "../renderers/aws";
import { isIdText, withIdRefs } from "../renderers/settings";
import { External } from "./external";
import { AwsDnsFirewallSettings, AwsNetworkFirewallSettings, AwsSecurityGroupSettings } from "./settings.generated";

export { AwsDnsFirewallSettings, AwsNetworkFirewallSettings, AwsSecurityGroupSettings };

/** Security groups need a place: the renderer plans `${vpc.id}` for a preview, a deployment needs the id. */
export const SECURITY_GROUP_PLACEMENT = "give vpcId (to create security groups) or existingSecurityGroupId (to add rules to one)";

export type AwsTargetKey = keyof typeof AWS_SETTINGS;

/** The settings keys of each AWS target, as the args (and `agora-egress:aws`) spell them. */
export const AWS_SETTINGS_KEYS = Object.fromEntries(
  Object.entries(AWS_SETTINGS).map(([k, schema]) => [k, Object.keys(schema.shape)]),
) as unknown as { readonly [K in AwsTargetKey]: readonly string[] };

/** One target's settings, picked from a single-target component's args (whose keys were checked). */
export function pickAwsSettings(args: object, target: AwsTargetKey): Record<string, unknown> {
  const source = args as Record<string, unknown>;
  return Object.fromEntries(AWS_SETTINGS_KEYS[target].filter((k) => source[k] !== undefined).map((k) => [k, source[k]]));
}

/** A target's settings, which must be an object (`{}` for the defaults): `networkFirewall: true` is refused, not read as `{}`. */
function settingsOf(settings: unknown, field: string): Record<string, unknown> {
  if (settings === null || typeof settings !== "object" || Array.isArray(settings)) {
    throw new InputError(field, "expected an object of settings ({} for the defaults)");
  }
  return Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined));
}

/**
 * One target's settings → the renderer's options and the ids the plan refers to: every id
 * another resource outputs becomes `${<name>.id}` and its value goes to `external`. Checked
 * with the target's declaration (errors name the setting under its target, `securityGroups.vpcId`;
 * the component and the stack relabel that to `args.securityGroups.vpcId`, `agora-egress:aws.…`).
 */
export function awsTarget<K extends AwsTargetKey>(
  target: K, settings: object, field: string = target, isId: (value: unknown) => boolean = isIdText,
): { options: NonNullable<AwsPlanOptions[K]>; external: External } {
  const { options, external } = withIdRefs(AWS_SETTINGS[target], settingsOf(settings, field), isId);
  parseInput(AWS_SETTINGS[target], options, field);
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
