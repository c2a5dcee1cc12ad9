import { InputError, quote } from "../../model";

/** The parts of an ARM resource id the renderers and components need. */
export interface ArmId {
  readonly subscriptionId: string;
  readonly resourceGroupName: string;
  /** `Microsoft.Network/networkSecurityGroups`. */
  readonly type: string;
  readonly name: string;
}

const ARM_ID = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/([^/]+\/[^/]+)\/([^/]+)$/i;

/** Parses `/subscriptions/…/resourceGroups/…/providers/Microsoft.Network/<type>/<name>` (top-level resources only). */
export function parseArmId(id: string, field: string, type?: string): ArmId {
  const m = ARM_ID.exec(String(id).trim());
  if (!m || (type !== undefined && m[3].toLowerCase() !== type.toLowerCase())) {
    throw new InputError(field, `${quote(id)} is not the ARM id of a ${type ?? "resource"}`);
  }
  return { subscriptionId: m[1], resourceGroupName: m[2], type: m[3], name: m[4] };
}

export function isArmId(id: string, type: string): boolean {
  const m = ARM_ID.exec(String(id).trim());
  return !!m && m[3].toLowerCase() === type.toLowerCase();
}
