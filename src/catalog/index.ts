import { InputError, quote } from "../model";
import { edition as seed2020 } from "./editions/2020-05";
import { edition as final2020 } from "./editions/2020-11";
import { edition as current2026 } from "./editions/2026-02";
import { Edition, SdkInfo, WithdrawnRoute } from "./types";

export * from "./types";

/**
 * Catalogue editions, side by side, oldest first; newer Agora revisions are added as new
 * editions and never change an existing one (a stack that pins an edition keeps its output).
 */
export const EDITIONS: readonly Edition[] = [seed2020, final2020, current2026];
/** The newest edition. */
export const NEWEST_EDITION = EDITIONS[EDITIONS.length - 1].id;
/** The edition of a selection that names none: the newest. */
export const DEFAULT_EDITION: string = NEWEST_EDITION;

export function getEdition(id: string = DEFAULT_EDITION, field = "edition"): Edition {
  const found = EDITIONS.find((e) => e.id === id);
  if (!found) throw new InputError(field, `unknown catalogue edition ${quote(id)} (known: ${EDITIONS.map((e) => e.id).join(", ")})`);
  return found;
}

/** The editions newer than `id` (empty for the newest). */
export function newerEditions(id: string): Edition[] {
  const i = EDITIONS.findIndex((e) => e.id === id);
  return i === -1 ? [] : EDITIONS.slice(i + 1);
}

export function getSdk(edition: Edition, id: string, field = "sdk"): SdkInfo {
  const found = edition.sdks.find((s) => s.id === id);
  if (!found) {
    throw new InputError(field, `unknown SDK ${quote(id)} (known: ${edition.sdks.map((s) => s.id).join(", ")})`);
  }
  return found;
}

/** The route an edition withdrew (or never had) for an SDK and access mode, if any. */
export function withdrawnRoute(edition: Edition, sdk: string, access: "direct" | "cloud-proxy"): WithdrawnRoute | undefined {
  return edition.withdrawn?.find((w) => w.sdk === sdk && w.access === access);
}
