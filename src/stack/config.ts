import { InputError, unknownKeyProblem } from "../model";
import { SelectionInput, parseInput } from "../resolve";
import { stackField } from "./fields";
import { SELECTION_KEYS, STACK_KEYS, STACK_KEY_NAMES, STACK_NAMESPACE, StackKey, isStackKey } from "./keys";
import { findSecure } from "./secure";
import { AwsOrganizationConfig, AwsTargetConfig, AzureNetworkManagerConfig, AzureTargetConfig } from "./targets";

/** A stack's configuration, validated: the resolver's selection plus the cloud target options. */
export interface StackSelection {
  /** Stack name (`test`, `production`). */
  readonly stack: string;
  /** The file as errors name it (`Pulumi.production.yaml`). */
  readonly file: string;
  readonly selection: SelectionInput;
  /** The `agora-egress:` keys the stack sets. */
  readonly keys: readonly StackKey[];
  /** Options of the AWS targets (`agora-egress:aws`), validated; absent when the stack does not deploy to AWS. */
  readonly aws?: AwsTargetConfig;
  /** Options of the Azure targets (`agora-egress:azure`), validated; absent when the stack does not deploy to Azure. */
  readonly azure?: AzureTargetConfig;
  /** The organisation scope on AWS (`agora-egress:awsOrganization`): Firewall Manager policies. */
  readonly awsOrganization?: AwsOrganizationConfig;
  /** The network manager scope on Azure (`agora-egress:azureNetworkManager`): security admin rules and a base Firewall Policy. */
  readonly azureNetworkManager?: AzureNetworkManagerConfig;
  /** Keys whose value is a Pulumi secret and was left out (see `deferSecrets`). */
  readonly secureKeys: readonly StackKey[];
}

export interface StackReadOptions {
  /**
   * Keys that may hold a Pulumi secret the caller will supply another way (the CLI's
   * `--production-proxy FILE`): they are left out and listed in `secureKeys` instead of
   * failing. Any other secret is an error, since it cannot be decrypted offline.
   */
  readonly deferSecrets?: readonly StackKey[];
}

/** The error for a secret the CLI cannot read. */
export function secureValueError(file: string, key: StackKey, path = ""): InputError {
  const hint = key === "productionProxy"
    ? "pass the endpoints with --production-proxy FILE (YAML or JSON, same shape)"
    : "keep this key in plain text, or run the stack with `pulumi` itself";
  return new InputError(stackField(file, key) + path, `is a Pulumi secret (secure:), which cannot be decrypted offline; ${hint}`);
}

function unknownKey(file: string, key: string): InputError {
  return new InputError(stackField(file, key), unknownKeyProblem(key, STACK_KEY_NAMES, `${STACK_NAMESPACE}:`));
}

/**
 * Validates the `agora-egress:*` config values of one stack (keys without the namespace)
 * and splits them into the selection and the target options. Errors name the file and key:
 * `Pulumi.production.yaml: agora-egress:productionProxy.endpoints[0].ports[1]`.
 */
export function stackConfigFromValues(
  stack: string, file: string, values: Record<string, unknown>, options: StackReadOptions = {},
): StackSelection {
  const parsed: Partial<Record<StackKey, unknown>> = {};
  const secureKeys: StackKey[] = [];
  for (const [key, value] of Object.entries(values)) {
    if (!isStackKey(key)) throw unknownKey(file, key);
    const secret = findSecure(value);
    if (secret !== undefined) {
      if (!options.deferSecrets?.includes(key)) throw secureValueError(file, key, secret);
      secureKeys.push(key);
      continue;
    }
    if (value === null || value === undefined) throw new InputError(stackField(file, key), "has no value");
    parsed[key] = parseInput(STACK_KEYS[key], value, stackField(file, key));
  }
  const selection: Record<string, unknown> = {};
  for (const key of SELECTION_KEYS) if (parsed[key] !== undefined) selection[key] = parsed[key];
  return {
    stack,
    file,
    selection: selection as SelectionInput,
    keys: (Object.keys(values) as StackKey[]).sort(),
    ...(parsed.aws ? { aws: parsed.aws as AwsTargetConfig } : {}),
    ...(parsed.azure ? { azure: parsed.azure as AzureTargetConfig } : {}),
    ...(parsed.awsOrganization ? { awsOrganization: parsed.awsOrganization as AwsOrganizationConfig } : {}),
    ...(parsed.azureNetworkManager ? { azureNetworkManager: parsed.azureNetworkManager as AzureNetworkManagerConfig } : {}),
    secureKeys,
  };
}

/**
 * Splits a stack file's `config:` map into this project's keys (namespace removed).
 * Other namespaces (`aws:region`, `azure-native:location`) belong to providers and are kept out.
 */
export function projectConfigValues(file: string, config: unknown): Record<string, unknown> {
  if (config === undefined || config === null) return {};
  if (typeof config !== "object" || Array.isArray(config)) {
    throw new InputError(`${file}: config`, "must be a map of `namespace:key: value` entries");
  }
  const values: Record<string, unknown> = {};
  for (const [fullKey, value] of Object.entries(config)) {
    const colon = fullKey.indexOf(":");
    if (colon === -1) {
      throw new InputError(`${file}: ${fullKey}`, `config keys need a namespace (write ${STACK_NAMESPACE}:${fullKey})`);
    }
    if (fullKey.slice(0, colon) !== STACK_NAMESPACE) continue;
    values[fullKey.slice(colon + 1)] = value;
  }
  return values;
}

