import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { AzureEgressShape, EXISTING_SETTINGS, azureTargetInputs } from "../../args/azure-settings";
import { External } from "../../args/external";
import { parseInput } from "../../resolve";
import { AZURE_SETTINGS, AzurePlanOptions, EXTERNAL, parseArmId } from "../../renderers/azure";
import { SettingMeta } from "../../renderers/settings";
import { isComponentId } from "../build";
import { ref } from "../../renderers/plan";

const input = z.custom<pulumi.Input<string>>((v) => (typeof v === "string" ? v.length > 0 : pulumi.Output.isInstance(v) || v instanceof Promise),
  "expected a non-empty string or a Pulumi output");
const Placement = z.object({ resourceGroupName: input, location: input.optional() });

/** A literal string goes into the plan; a Pulumi output becomes a `${name.output}` reference filled in through `external`. */
function literalOrRef(value: pulumi.Input<string> | undefined, name: string, output: string, external: External): string | undefined {
  if (value === undefined || typeof value === "string") return value;
  external[name] = { ...external[name], [output]: value };
  return ref(name, output);
}

/** An existing resource given by an id the plan refers to: its name and resource group come from the id. */
export interface ExistingId {
  /** The `external` entry (`existing-nsg`). */
  readonly name: string;
  readonly id: pulumi.Input<string>;
  /** `Microsoft.Network/networkSecurityGroups`. */
  readonly type: string;
  /** The setting, for errors: `azure.nsg.existingNetworkSecurityGroupId`. */
  readonly field: string;
}

/**
 * An existing resource's id, name and resource group for `external`: parsed now when the id is
 * a literal (a bad one throws), or left to `existingOutputs` once the component exists.
 */
function existing(e: ExistingId): Record<string, pulumi.Input<unknown>> {
  if (typeof e.id !== "string") return { id: e.id };
  const parsed = parseArmId(e.id, e.field, e.type);
  return { id: e.id, name: parsed.name, resourceGroupName: parsed.resourceGroupName };
}

/** The name and resource group of existing resources whose ids are outputs, parsed when known; a bad id is `onError`'s to report. */
export function existingOutputs(ids: readonly ExistingId[], external: External, check: <T>(fn: () => T) => T): External {
  const filled: External = { ...external };
  for (const e of ids) {
    if (typeof e.id === "string") continue;
    const parsed = pulumi.output(e.id).apply((value) => check(() => parseArmId(value, e.field, e.type)));
    filled[e.name] = { ...filled[e.name], name: parsed.name, resourceGroupName: parsed.resourceGroupName };
  }
  return filled;
}

/**
 * Validates the Pulumi side of the args (settings included, with each control's declaration)
 * and turns them into plan options plus the external references: each control given in `args`
 * is rendered, as its key is present in the options. Errors name the setting under `azure`
 * (`azure.nsg.existingNetworkSecurityGroupId`), as the renderer's do.
 */
export function azurePlanInputs(args: AzureEgressShape): { options: AzurePlanOptions; external: External; existingIds: ExistingId[] } {
  const field = "azure";
  parseInput(Placement, { resourceGroupName: args.resourceGroupName, location: args.location }, field);
  const { options: settings, external } = azureTargetInputs(args, isComponentId);
  const existingIds: ExistingId[] = (Object.keys(EXISTING_SETTINGS) as (keyof typeof EXISTING_SETTINGS)[]).flatMap((key) => {
    const { key: setting, type } = EXISTING_SETTINGS[key];
    const id = (args[key] as Record<string, pulumi.Input<string> | undefined> | undefined)?.[setting];
    const name = AZURE_SETTINGS[key].shape[setting as never] as { meta(): SettingMeta };
    return id === undefined ? [] : [{ name: name.meta().input!, id, type, field: `${field}.${key}.${setting}` }];
  });
  for (const e of existingIds) external[e.name] = existing(e);
  const resourceGroupName = literalOrRef(args.resourceGroupName, EXTERNAL.placement, "resourceGroupName", external);
  const location = literalOrRef(args.location, EXTERNAL.placement, "location", external);
  const options: AzurePlanOptions = {
    ...(resourceGroupName !== undefined ? { resourceGroupName } : {}),
    ...(location !== undefined ? { location } : {}),
    ...(args.namePrefix !== undefined ? { namePrefix: args.namePrefix } : {}),
    ...settings,
  };
  return { options, external, existingIds };
}
