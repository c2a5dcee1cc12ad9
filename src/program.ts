/**
 * The root Pulumi program (Pulumi.yaml `main`): reads the stack config (`agora-egress:*`),
 * validates it like the CLI does, resolves it and exports the allowlist. Later issues deploy
 * the AWS and Azure components from the same resolution.
 */
import * as pulumi from "@pulumi/pulumi";
import { STACK_KEY_KINDS, isStackKey, resolveStack, stackConfigFromValues } from "./stack";
import { allowLines } from "./cli/allowlist";

const config = new pulumi.Config();
const stackName = pulumi.getStack();
const file = `Pulumi.${stackName}.yaml`;

/** Every `agora-egress:*` key that is set, read with the typed Config getters. */
function projectValues(): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const fullKey of Object.keys(pulumi.runtime.allConfig())) {
    if (!fullKey.startsWith(`${config.name}:`)) continue;
    const key = fullKey.slice(config.name.length + 1);
    values[key] = isStackKey(key) && STACK_KEY_KINDS[key] === "object" ? config.getObject(key) : config.get(key);
  }
  return values;
}

const stack = stackConfigFromValues(stackName, file, projectValues());
const resolution = resolveStack(stack);
// Production endpoints are private to each customer: keep the outputs that carry them secret.
const secret = resolution.selection.access === "cloud-proxy" && resolution.selection.environment === "production";
const keepSecret = <T>(value: T): T | pulumi.Output<pulumi.Unwrap<T>> => (secret ? pulumi.secret(value) : value);

export const edition = resolution.edition;
/** The allowlist, one object per `rules --format jsonl` line. */
export const rules = keepSecret(allowLines(resolution.ruleSet));
export const notes = resolution.notes;
export const appSettings = keepSecret(resolution.appSettings);
export const proxyDomains = resolution.proxyDomains;
