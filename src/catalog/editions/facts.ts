import { Provenance } from "../../model";
import { CatalogDocument } from "../types";

/*
 * Citations into sources/agora-facts.md (a byte copy of ../shared/reference/agora-facts.md) for
 * the editions after the seed. A fact is cited by the source id the row carries (`EXT:S10`), the
 * section (`§4b`), the row (`4.2`, or a §4a timeline row such as `2020-11-04 (0b6e143f)`) and the
 * revision date of what the row describes.
 */

export const FACTS_FILE = "sources/agora-facts.md";

export function factsDocument(id: string, title: string, revision: string): CatalogDocument {
  return { id, file: FACTS_FILE, title, revision, seed: false };
}

/**
 * A citation of one row of agora-facts.md: `table` holds the section (`§4a`), `row` the row,
 * `revision` the date of the change the row records, `citation` all of it in one line.
 */
export function fact(doc: CatalogDocument, section: string, row: string, revision = doc.revision): Provenance {
  return {
    document: doc.id,
    file: doc.file,
    title: doc.title,
    table: `§${section}`,
    row,
    revision,
    seed: false,
    citation: `[${doc.id}] §${section} ${row}`,
  };
}

/**
 * A citation in the seed edition's form: `table` the document's heading, `row` the protocol or
 * the row's words, `citation` (for the agora-facts.md pages the seed edition cites) the fact.
 */
export function seedCite(doc: CatalogDocument, table: string, row?: string, citation?: string): Provenance {
  return {
    document: doc.id, file: doc.file, title: doc.title, table, ...(row ? { row } : {}), revision: doc.revision, seed: doc.seed,
    ...(citation ? { citation } : {}),
  };
}

/** The seed documents, as the seed edition declares them. */
export const SEED_FW: CatalogDocument = {
  id: "SEED-FW", file: "sources/seeds/000_a486dfa38fdccc8e.txt", title: "Firewall Requirements", revision: "2020-05-25", seed: true,
};
export const SEED_CP: CatalogDocument = {
  id: "SEED-CP", file: "sources/seeds/001_039772935f48dd22.txt", title: "Use Cloud Proxy (Native SDK)", revision: "2020-10-26", seed: true,
};

/** The date of a §4a timeline row (`2020-10-19/20 (8a6831ae)` → `2020-10-19`). */
export function rowDate(row: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(row);
  if (!m) throw new Error(`no date in timeline row ${row}`);
  return m[1];
}
