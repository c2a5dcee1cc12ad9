/** A GitHub-flavoured Markdown table; numeric-looking columns are right-aligned. */
export function table(headers: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cells = rows.map((r) => r.map((c) => (typeof c === "number" ? formatNumber(c) : c)));
  const numeric = headers.map((_, i) => cells.length > 0 && cells.every((r) => /^[-−+]?[\d.,]+( ?[%×]|x)?$|^—$/.test(r[i] ?? "")));
  const line = (r: readonly string[]) => `| ${r.join(" | ")} |`;
  return [line(headers), line(headers.map((_, i) => (numeric[i] ? "---:" : "---"))), ...cells.map(line)].join("\n");
}

export function formatNumber(n: number, digits = 0): string {
  if (!Number.isFinite(n)) return "—";
  return n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export const fixed = (n: number, digits: number) => formatNumber(n, digits);

/** `emitted / bound`, marked when they differ. */
export function vsBound(emitted: number, bound: number): string {
  if (!Number.isFinite(emitted)) return `— / ${formatNumber(bound)}`;
  return emitted === bound ? `${formatNumber(emitted)} / ${formatNumber(bound)}` : `**${formatNumber(emitted)}** / ${formatNumber(bound)}`;
}

/** Plain-text rendering of a Markdown table for the terminal: the same rows, without bold marks. */
export const plain = (markdown: string) => markdown.replace(/\*\*/g, "");
