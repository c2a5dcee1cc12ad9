import { z } from "zod";
import { Access, CustomRule, Environment, ProductionProxy, ProxyModeSchema, RecordingPorts, SdkSpec } from "../resolve";
import { AwsOrganizationConfig, AwsTargetConfig, AzureNetworkManagerConfig, AzureTargetConfig } from "./targets";

/** The Pulumi project name, and so the namespace of every config key (`agora-egress:sdks`). */
export const STACK_NAMESPACE = "agora-egress";

/** Pulumi writes scalar config values as strings; accept `"1"` as well as `1`. */
const ProxyType = z.preprocess(
  (v) => (typeof v === "string" && /^\d+$/.test(v.trim()) ? Number(v) : v),
  z.union([z.literal(1), z.literal(2)], { error: "must be 1 (domain) or 2 (IP list)" }),
);

/**
 * Every key the stack config may set under `agora-egress:`, with its schema. The selection
 * keys have the names and shapes of the resolver's selection; `aws` and `azure` hold the
 * options of the cloud targets (src/stack/targets.ts). Add new keys here (and to `STACK_KEY_KINDS`).
 */
export const STACK_KEYS = {
  sdks: z.array(SdkSpec),
  access: Access,
  environment: Environment,
  proxyType: ProxyType,
  productionProxy: ProductionProxy,
  directSdks: z.array(z.string()),
  recordingPorts: RecordingPorts,
  customRules: z.array(CustomRule),
  edition: z.string().min(1),
  proxyMode: ProxyModeSchema,
  regions: z.array(z.string()),
  domainLimit: z.preprocess((v) => (v === "true" ? true : v === "false" ? false : v), z.boolean()),
  aws: AwsTargetConfig,
  azure: AzureTargetConfig,
  awsOrganization: AwsOrganizationConfig,
  azureNetworkManager: AzureNetworkManagerConfig,
} as const;

export type StackKey = keyof typeof STACK_KEYS;
export const STACK_KEY_NAMES = Object.keys(STACK_KEYS) as StackKey[];

/** The keys that feed the resolver's selection (the rest configure targets). */
export const SELECTION_KEYS = [
  "sdks", "access", "environment", "proxyType", "productionProxy", "directSdks", "recordingPorts", "customRules", "edition",
  "proxyMode", "regions", "domainLimit",
] as const satisfies readonly StackKey[];

/**
 * How the root Pulumi program reads each key with `pulumi.Config`: `string` with `get`,
 * `object` (lists, maps, numbers) with `getObject`.
 */
export const STACK_KEY_KINDS: Record<StackKey, "string" | "object"> = {
  sdks: "object",
  access: "string",
  environment: "string",
  proxyType: "string",
  productionProxy: "object",
  directSdks: "object",
  recordingPorts: "object",
  customRules: "object",
  edition: "string",
  proxyMode: "string",
  regions: "object",
  domainLimit: "object",
  aws: "object",
  azure: "object",
  awsOrganization: "object",
  azureNetworkManager: "object",
};

export function isStackKey(key: string): key is StackKey {
  return Object.prototype.hasOwnProperty.call(STACK_KEYS, key);
}
