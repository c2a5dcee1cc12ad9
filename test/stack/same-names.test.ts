/**
 * The stack keys `agora-egress:aws` and `agora-egress:azure` hold the components' settings under
 * the same names, at every depth: a setting that works in a component works in a stack file,
 * and the other way round (dnsFirewall.vpcs was once component-only).
 */
import { z } from "zod";
import { AWS_TARGET_KEYS, AZURE_TARGET_KEYS } from "../../src/args/arg-names";
import { AWS_SETTINGS_KEYS } from "../../src/args/aws-settings";
import { PLACEMENT_KEYS, SETTINGS_KEYS } from "../../src/args/azure-settings";
import { AwsTargetConfig, AzureTargetConfig } from "../../src/stack";

/** The keys of an object schema (through `.optional()`). */
function keys(schema: z.ZodType): string[] {
  const inner = schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema;
  return Object.keys((inner as z.ZodObject).shape).sort();
}
const shape = (schema: z.ZodType) => (schema as z.ZodObject).shape as Record<string, z.ZodType>;
const sorted = (xs: readonly string[]) => [...xs].sort();

describe("stack keys and component args have the same names", () => {
  it("agora-egress:aws: the AWS targets of AwsAgoraEgress, each with every setting of its component", () => {
    expect(keys(AwsTargetConfig)).toEqual(sorted(AWS_TARGET_KEYS));
    for (const target of AWS_TARGET_KEYS) expect({ target, keys: keys(shape(AwsTargetConfig)[target]) }).toEqual({ target, keys: sorted(AWS_SETTINGS_KEYS[target]) });
  });

  it("agora-egress:azure: the placement and controls of AzureAgoraEgress, each with every setting of its component", () => {
    expect(keys(AzureTargetConfig)).toEqual(sorted([...PLACEMENT_KEYS, ...AZURE_TARGET_KEYS]));
    for (const target of AZURE_TARGET_KEYS) expect({ target, keys: keys(shape(AzureTargetConfig)[target]) }).toEqual({ target, keys: sorted(SETTINGS_KEYS[target]) });
  });
});
