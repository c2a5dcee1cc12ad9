import { DEFAULT_EDITION, EDITIONS, Edition, getEdition } from "../../catalog";
import { CliContext } from "../context";
import { jsonText } from "../format/json";

export interface CatalogFlags {
  edition?: string;
  format: "text" | "json";
}

function editionJson(e: Edition) {
  return {
    id: e.id,
    default: e.id === DEFAULT_EDITION,
    description: e.description,
    documents: e.documents,
    sdks: e.sdks.map((s) => {
      const proxy = e.cloudProxy.find((p) => p.sdk === s.id);
      return {
        id: s.id,
        name: s.name,
        versioned: s.versioned,
        cloudProxy: proxy
          ? { minVersion: proxy.minVersion, document: proxy.support.document, seed: proxy.support.seed, ...(proxy.proxyDomain ? { proxyDomain: proxy.proxyDomain } : {}) }
          : null,
      };
    }),
  };
}

function pad(rows: string[][]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join("  ").trimEnd());
}

function editionText(e: Edition): string {
  const docs = pad([
    ["id", "revision", "title", "file", "origin"],
    ...e.documents.map((d) => [d.id, d.revision, d.title, d.file, d.seed ? "seed" : "outside the seeds"]),
  ]);
  const sdks = pad([
    ["sdk", "name", "version-dependent", "cloud proxy"],
    ...editionJson(e).sdks.map((s) => [
      s.id, s.name, s.versioned ? "yes" : "no",
      s.cloudProxy ? `from ${s.cloudProxy.minVersion} (${s.cloudProxy.document}${s.cloudProxy.seed ? "" : ", outside the seeds"})` : "no (direct only)",
    ]),
  ]);
  return [
    `Edition ${e.id}${e.id === DEFAULT_EDITION ? " (default)" : ""}: ${e.description}`,
    "",
    "Sources:",
    ...docs.map((l) => `  ${l}`),
    "",
    "SDKs:",
    ...sdks.map((l) => `  ${l}`),
    "",
  ].join("\n");
}

/** `agora-egress catalog`: editions, their source documents and SDKs. */
export function catalogCommand(ctx: CliContext, flags: CatalogFlags): number {
  const editions = flags.edition !== undefined ? [getEdition(flags.edition, "--edition")] : EDITIONS;
  if (flags.format === "json") ctx.stdout(jsonText({ editions: editions.map(editionJson) }));
  else ctx.stdout(editions.map(editionText).join("\n"));
  return 0;
}
