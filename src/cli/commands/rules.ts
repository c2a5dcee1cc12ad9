import { CliContext, printNotes } from "../context";
import { allowLines } from "../../model/allow-lines";
import { rulesCsv } from "../format/csv";
import { jsonText, resolutionJson } from "../format/json";
import { rulesMarkdown } from "../format/markdown";
import { SelectionFlags, resolveFlags } from "../selection";

export const RULES_FORMATS = ["md", "jsonl", "csv", "json"] as const;

export interface RulesFlags extends SelectionFlags {
  format: (typeof RULES_FORMATS)[number];
}

/** `agora-egress rules`: the resolved allowlist. Machine formats keep notes on stderr. */
export function rulesCommand(ctx: CliContext, flags: RulesFlags): number {
  const { resolution, selection } = resolveFlags(ctx, flags);
  const notes = [...selection.notes, ...resolution.notes];
  switch (flags.format) {
    case "jsonl":
      ctx.stdout(allowLines(resolution.ruleSet).map((l) => JSON.stringify(l) + "\n").join(""));
      printNotes(ctx, notes);
      break;
    case "csv":
      ctx.stdout(rulesCsv(resolution));
      printNotes(ctx, notes);
      break;
    case "json":
      ctx.stdout(jsonText(resolutionJson(resolution)));
      printNotes(ctx, notes);
      break;
    default:
      printNotes(ctx, selection.notes);
      ctx.stdout(rulesMarkdown(resolution));
  }
  return 0;
}
