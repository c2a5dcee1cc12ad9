/**
 * Cloud proxy never falls back to direct access: with `access: "cloud-proxy"`, a selected SDK
 * the edition has no cloud proxy for (rtm-native, rtm-web, gaming in 2020-05) is refused unless
 * it is named in `directSdks`. Tests that select such SDKs on purpose name them with this.
 */
import { getEdition } from "../../src/catalog";
import { SelectionInput } from "../../src/resolve";

/** The ids of the selected SDKs the edition has no cloud proxy for, in the order selected. */
export function sdksWithoutCloudProxy(sdks: readonly (string | { id: string })[], edition?: string): string[] {
  const proxied = new Set<string>(getEdition(edition).cloudProxy.map((p) => p.sdk));
  const ids = sdks.map((s) => (typeof s === "string" ? s.split("@")[0].trim() : s.id));
  return [...new Set(ids.filter((id) => !proxied.has(id)))];
}

/**
 * The selection with `directSdks` naming its SDKs that have no cloud proxy, when its access is
 * cloud-proxy and there are any; otherwise the selection unchanged.
 */
export function withDirectSdks<T extends SelectionInput>(selection: T): T {
  if (selection.access !== "cloud-proxy" || selection.directSdks !== undefined) return selection;
  const direct = sdksWithoutCloudProxy((selection.sdks ?? []) as (string | { id: string })[], selection.edition);
  return direct.length ? { ...selection, directSdks: direct } : selection;
}
