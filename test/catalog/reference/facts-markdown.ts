import * as fs from "fs";
import * as path from "path";

/**
 * The markdown layer of the reference oracle: finds agora-facts.md, splits it into its numbered
 * sections, reads their tables and bullet lists, and hands out citations whose quoted fragment is
 * checked against the row it claims to come from. Nothing here knows about Agora; facts-parser.ts
 * does the reading.
 */

const REPO_ROOT = path.join(__dirname, "..", "..", "..");

/** Where the reference is looked for, in order: the shared folder beside the repo, then the shipped copy. */
export const FACTS_CANDIDATES = [
  path.join(REPO_ROOT, "..", "shared", "reference", "agora-facts.md"),
  path.join(REPO_ROOT, "sources", "agora-facts.md"),
];

export function factsPath(): string {
  const found = FACTS_CANDIDATES.find((p) => fs.existsSync(p));
  if (!found) throw new Error(`agora-facts.md not found (looked in ${FACTS_CANDIDATES.join(", ")})`);
  return found;
}

export function readFacts(): string {
  return fs.readFileSync(factsPath(), "utf8");
}

/**
 * Where a value comes from: the section of agora-facts.md (`4b`, `4e`, `10`, …, or `seed` for the
 * seed document itself), the row (`4.2`, `C3`, `8.1`, a 4a timeline row such as
 * `2024-08-14 (f67fdab0)`, a 4e region or mode label, or a seed heading), the source ids the row
 * carries (`EXT:S10`, `SEED-FW`, …) and, for values read out of prose, the verbatim fragment.
 */
export interface Citation {
  readonly section: string;
  readonly row: string;
  readonly sources: readonly string[];
  readonly quote?: string;
}

export interface Row {
  readonly section: string;
  /** The first cell without markdown emphasis, e.g. `4.2`, `2020-10-30 (ca287be1)`, `Mainland China`. */
  readonly id: string;
  readonly cells: readonly string[];
  readonly header: readonly string[];
  /** The whole row as written (for quote checks). */
  readonly text: string;
  readonly line: number;
}

export interface Section {
  readonly id: string;
  readonly title: string;
  /** Lines of this section only (up to the next heading of any level). */
  readonly lines: readonly { text: string; line: number }[];
  readonly tables: readonly (readonly Row[])[];
  /** Top-level `- ` bullets, in order. */
  readonly bullets: readonly string[];
}

/** Removes `**` emphasis and backticks: the text a reader sees. */
export function plain(text: string): string {
  return text.replace(/\*\*/g, "").replace(/`/g, "").trim();
}

/** `[EXT:S1 2019-09]` → `EXT:S1`; a source cell without a tag (e.g. "Docs-Source release notes") is kept as written. */
export function sourcesIn(cell: string): string[] {
  const tags = [...cell.matchAll(/\[(SEED-FW|SEED-CP|INFERENCE|EXT:S\d+)\b[^\]]*\]/g)].map((m) => m[1]);
  if (tags.length > 0) return [...new Set(tags)];
  const text = plain(cell);
  return text === "" || text === "—" ? [] : [text];
}

function splitCells(line: string): string[] {
  return line.trim().split("|").slice(1, -1).map((c) => c.trim());
}

export function parseSections(text: string): Map<string, Section> {
  const out = new Map<string, Section>();
  const raw = text.split("\n");
  let current: { id: string; title: string; lines: { text: string; line: number }[] } | undefined;
  const finish = (): void => {
    if (!current) return;
    const tables: Row[][] = [];
    let table: Row[] | undefined;
    let header: string[] | undefined;
    const bullets: string[] = [];
    for (const { text: l, line } of current.lines) {
      if (l.trim().startsWith("|")) {
        const cells = splitCells(l);
        if (!header) {
          header = cells;
          table = [];
          tables.push(table);
        } else if (cells.every((c) => /^:?-{3,}:?$/.test(c))) {
          // separator
        } else {
          if (cells.length !== header.length) throw new Error(`agora-facts.md line ${line}: ${cells.length} cells, header has ${header.length}`);
          table!.push({ section: current.id, id: plain(cells[0]), cells, header, text: l, line });
        }
      } else {
        header = undefined;
        if (/^- /.test(l)) bullets.push(l.slice(2).trim());
      }
    }
    if (out.has(current.id)) throw new Error(`agora-facts.md has section ${current.id} twice`);
    out.set(current.id, { id: current.id, title: current.title, lines: current.lines, tables, bullets });
  };
  raw.forEach((l, i) => {
    const h = /^#{2,3} (\d+[a-z]?)\. (.+)$/.exec(l);
    if (h) {
      finish();
      current = { id: h[1], title: h[2].trim(), lines: [] };
    } else if (/^#{1,3} /.test(l)) {
      finish();
      current = undefined;
    } else if (current) {
      current.lines.push({ text: l, line: i + 1 });
    }
  });
  finish();
  return out;
}

/** Every row of every table of a section. */
export function rowsOf(section: Section): Row[] {
  return section.tables.flat();
}

export function cellOf(row: Row, column: string | RegExp): string {
  const i = row.header.findIndex((h) => (typeof column === "string" ? h === column : column.test(h)));
  if (i < 0) throw new Error(`§${row.section} row ${row.id}: no column ${column} (columns: ${row.header.join(" | ")})`);
  return row.cells[i];
}

/** The last cell whose header names a source, or the last cell. */
export function sourceCell(row: Row): string {
  const i = row.header.findIndex((h) => /^source/i.test(h));
  return i >= 0 ? row.cells[i] : row.cells[row.cells.length - 1];
}

/**
 * A citation of `row`, optionally with a fragment that must occur in the row verbatim (markdown
 * included, or after removing emphasis). A fragment that is not there throws: a hand-read value
 * can never drift from the text it claims to quote.
 */
export function cite(row: Row, quote?: string, sources?: readonly string[]): Citation {
  if (quote !== undefined && !row.text.includes(quote) && !plain(row.text).includes(quote)) {
    throw new Error(`§${row.section} row ${row.id} does not contain ${JSON.stringify(quote)}`);
  }
  return { section: row.section, row: row.id, sources: sources ?? sourcesIn(sourceCell(row)), ...(quote !== undefined ? { quote } : {}) };
}

/**
 * A citation of prose that is not a table row (the sentence above a table, a wrapped paragraph, the
 * section heading): the fragment must occur in the heading or in the section's lines joined by spaces.
 */
export function citeLine(section: Section, quote: string, row: string, sources: readonly string[]): Citation {
  const joined = [section.title, section.lines.map((l) => l.text).join(" ")];
  if (!joined.some((t) => t.includes(quote) || plain(t).includes(quote))) {
    throw new Error(`§${section.id} does not contain ${JSON.stringify(quote)}`);
  }
  return { section: section.id, row, sources, quote };
}
