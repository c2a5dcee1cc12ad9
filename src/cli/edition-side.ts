import { InputError, relabel } from "../model";
import { Resolution, Selection, SelectionInput, parseInput, resolve } from "../resolve";
import { CliContext } from "./context";
import { CliSelection, SelectionFlags, cliSelection } from "./selection";

/** A part of the selection one side's edition does not offer, left out of that side and reported. */
export interface DroppedRoute {
  /** The SDK left out, when the route of an SDK is what the edition does not offer. */
  readonly sdk?: string;
  /** The selection field as the user wrote it (`--sdk`, `--proxy-mode`, a stack key). */
  readonly field: string;
  /** Why, in the user's terms: what the edition says and what Agora offers instead. */
  readonly problem: string;
}

/** Selection fields that only some editions have: left out of a side whose edition has no use for them. */
const EDITION_FIELDS = ["proxyMode", "regions", "domainLimit", "recordingPorts", "proxyType"];
const NOT_IN_EDITION = /^(edition \S+ has no|edition \S+'s cloud proxy has no|is only used|are only used|is set but)/;

function sdkId(spec: unknown): string {
  return typeof spec === "string" ? spec.split("@")[0].trim() : (spec as { id: string }).id;
}

/** A side whose every SDK was left out: no rules, nothing to deploy. */
function emptyResolution(input: SelectionInput): Resolution {
  const selection = parseInput(Selection, { ...input, sdks: [], directSdks: undefined }, "") as Selection;
  return { edition: selection.edition, selection, sdks: [], ruleSet: { edition: selection.edition, rules: [] }, notes: [], appSettings: [], proxyDomains: [] };
}

/**
 * Resolves one side of an edition comparison (`diff --from-edition A --to-edition B`). A selected
 * SDK whose route that side's edition does not offer (withdrawn, never published, not in the
 * edition, or needing input only that edition asks for) is left out of the side and reported, as
 * is a selection field the edition has no use for (a proxy mode or regions in 2020-05). Every
 * other error is refused as usual, naming the flag or stack key.
 */
export function resolveEditionSide(ctx: CliContext, flags: SelectionFlags): { resolution: Resolution; selection: CliSelection; dropped: DroppedRoute[] } {
  const selection = cliSelection(ctx, flags);
  const input: Record<string, unknown> = { ...selection.input };
  const dropped: DroppedRoute[] = [];
  const named = (e: InputError) => relabel(e, selection.origin) as InputError;
  for (;;) {
    try {
      return { resolution: resolve(input as SelectionInput), selection, dropped };
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      const m = /^sdks\[(\d+)\]$/.exec(err.field);
      const sdks = (input.sdks as unknown[] | undefined) ?? [];
      if (m && Number(m[1]) < sdks.length) {
        const id = sdkId(sdks[Number(m[1])]);
        dropped.push({ sdk: id, field: named(err).field, problem: named(err).problem });
        input.sdks = sdks.filter((_, j) => j !== Number(m[1]));
        const direct = (input.directSdks as string[] | undefined)?.filter((d) => d !== id);
        if (direct && direct.length) input.directSdks = direct;
        else delete input.directSdks;
        if ((input.sdks as unknown[]).length === 0) return { resolution: emptyResolution(input as SelectionInput), selection, dropped };
        continue;
      }
      if (EDITION_FIELDS.includes(err.field) && input[err.field] !== undefined && NOT_IN_EDITION.test(err.problem)) {
        dropped.push({ field: named(err).field, problem: named(err).problem });
        delete input[err.field];
        continue;
      }
      throw named(err);
    }
  }
}
