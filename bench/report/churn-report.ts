import { ChurnRow, CloudChurn } from "../churn";
import { table } from "./markdown";

const counts = (c: CloudChurn) => `${c.counts.create} / ${c.counts.update} / ${c.counts.replace} / ${c.counts.delete}`;
const vsMin = (c: CloudChurn) => (c.total === c.minimum ? `${c.total} / ${c.minimum}` : `**${c.total}** / ${c.minimum}`);

/** Why a transition costs more than its minimum, in a few words. */
function excess(c: CloudChurn): string {
  const parts: string[] = [];
  if (c.cosmetic.length) parts.push(`${c.cosmetic.length} text-only update${c.cosmetic.length > 1 ? "s" : ""} (D)`);
  const pairs = Math.min(c.counts.create, c.counts.delete);
  if (pairs > 0 && c.total > c.minimum) parts.push(`${pairs} delete + create pair${pairs > 1 ? "s" : ""} (P)`);
  if (c.replaced.length) parts.push(`${c.replaced.length} replaced (R)`);
  if (c.note) parts.push("without security groups (S)");
  return parts.join(", ") || "—";
}

/** Reorderings collapse to one row holding the worst case. */
function collapseReorders(rows: readonly ChurnRow[]): { title: string; aws: CloudChurn; azure: CloudChurn }[] {
  const reorders = rows.filter((r) => r.transition.id.startsWith("reorder-"));
  const others = rows.filter((r) => !r.transition.id.startsWith("reorder-")).map((r) => ({ title: r.transition.title, aws: r.aws, azure: r.azure }));
  if (reorders.length === 0) return others;
  const worst = (pick: (r: ChurnRow) => CloudChurn) => reorders.map(pick).sort((a, b) => b.total - a.total)[0];
  return [...others, { title: `Reorder every input list (${reorders.length} seeded shuffles, worst case)`, aws: worst((r) => r.aws), azure: worst((r) => r.azure) }];
}

export function churnReport(rows: readonly ChurnRow[]): { markdown: string; tables: string[] } {
  const collapsed = collapseReorders(rows);
  const t = table(
    ["Transition", "AWS c / u / r / d", "AWS ours / min", "AWS above min", "Azure c / u / r / d", "Azure ours / min", "Azure above min"],
    collapsed.map((r) => [r.title, counts(r.aws), vsMin(r.aws), excess(r.aws), counts(r.azure), vsMin(r.azure), excess(r.azure)]),
  );
  const cosmetic = [...new Set(collapsed.flatMap((r) => [...r.aws.cosmetic, ...r.azure.cosmetic]))].sort();
  const replaced = [...new Set(collapsed.flatMap((r) => [...r.aws.replaced, ...r.azure.replaced]))];
  const notes = [...new Set(collapsed.flatMap((r) => [r.aws.note, r.azure.note]).filter((x): x is string => !!x))];
  const markdown = [
    t, "",
    "c / u / r / d = created / updated / replaced / deleted resources, as `diffPlans` judges them (ForceNew inputs and cascades included), "
    + "for every AWS target and every Azure target as in Rule economy.",
    "",
    `- **(D)** Updates that change only text naming the SDKs: rule descriptions ("Agora gaming, rtc-native; …") and the Suricata \`msg\`. `
    + "Adding or removing an SDK that shares a port with others rewrites the description of every rule it shares, in place (no replacement, "
    + `no traffic effect). Resources seen: ${cosmetic.length ? cosmetic.slice(0, 6).map((x) => `\`${x}\``).join(", ") + (cosmetic.length > 6 ? `, and ${cosmetic.length - 6} more` : "") : "none"}. `
    + "Dropping the SDK list from descriptions (keeping it in the plan's widenings and outputs) would bring these transitions to their minimum.",
    "- **(P)** A rule is deleted and another created where an in-place update of the same resource would do: security-group rules are named "
    + "by their address, so promotion (new addresses) replaces every endpoint rule by delete + create. Azure names address rules by port "
    + "profile instead and updates their addresses in place, which is why its promotion is at the minimum.",
    ...(replaced.length ? [`- **(R)** Replacements: ${replaced.map((x) => `\`${x}\``).join(", ")}.`] : ["- **(R)** No transition replaces any resource."]),
    ...(notes.length ? [`- **(S)** Security groups cannot hold that selection (${notes.join("; ").replace(/^security groups left out: /, "")}), so the AWS side covers Network Firewall and DNS Firewall only.`] : []),
  ].join("\n");
  return { markdown, tables: [t] };
}
