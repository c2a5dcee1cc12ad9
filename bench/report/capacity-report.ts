import { CapacityRow } from "../capacity";
import { table } from "./markdown";

export function capacityReport(rows: readonly CapacityRow[]): { markdown: string; tables: string[] } {
  const t = table(
    ["Scenario", "Suricata rules", "capacity (ForceNew)", "rules it holds without a replacement", "each remaining SDK alone: rules (replacement?)", "SDKs that fit before a replacement"],
    rows.map((r) => [
      r.scenario.title, r.rules, r.capacity, r.maxRules,
      r.single.length ? r.single.map((s) => `${s.sdk} ${s.rules}${s.replaces ? " (replaces)" : ""}`).join(", ") : "— (all six present)",
      r.single.length ? `${r.fitBeforeReplacement} of ${r.single.length}${r.fitted.length ? ` (${r.fitted.join(", ")})` : ""}` : "—",
    ]),
  );
  return { markdown: t, tables: [t] };
}
