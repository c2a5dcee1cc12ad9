import { InputError, quote } from "../model";
import { edition as seed2020 } from "./editions/2020-05";
import { Edition, SdkInfo } from "./types";

export * from "./types";

/** Catalogue editions, side by side; newer Agora revisions are added as new editions. */
export const EDITIONS: readonly Edition[] = [seed2020];
export const DEFAULT_EDITION = "2020-05";

export function getEdition(id: string = DEFAULT_EDITION, field = "edition"): Edition {
  const found = EDITIONS.find((e) => e.id === id);
  if (!found) throw new InputError(field, `unknown catalogue edition ${quote(id)} (known: ${EDITIONS.map((e) => e.id).join(", ")})`);
  return found;
}

export function getSdk(edition: Edition, id: string, field = "sdk"): SdkInfo {
  const found = edition.sdks.find((s) => s.id === id);
  if (!found) {
    throw new InputError(field, `unknown SDK ${quote(id)} (known: ${edition.sdks.map((s) => s.id).join(", ")})`);
  }
  return found;
}
