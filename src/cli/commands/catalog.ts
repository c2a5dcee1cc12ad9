import { DEFAULT_EDITION, EDITIONS, Edition, NEWEST_EDITION, REGION_IDS, getEdition, newerEditions } from "../../catalog";
import { CliContext } from "../context";
import { jsonText } from "../format/json";

export interface CatalogFlags {
  edition?: string;
  format: "text" | "json";
}

function editionJson(e: Edition) {
  const newer = newerEditions(e.id);
  return {
    id: e.id,
    default: e.id === DEFAULT_EDITION,
    ...(newer.length ? { supersededBy: NEWEST_EDITION } : {}),
    ...(e.date ? { date: e.date } : {}),
    description: e.description,
    documents: e.documents,
    withdrawn: (e.withdrawn ?? []).map((w) => ({ sdk: w.sdk, access: w.access, what: w.what, instead: w.instead.replace(/\{\{(\w+)(?:=([^}]*))?\}\}/g, (_, k, v) => (v ? `${k}: ${v}` : k)) })),
    ...(e.allowedIpList ? { proxyModes: ["force-udp", "force-tcp"], regions: [...REGION_IDS] } : {}),
    ...(e.domainLimit ? { domainLimit: { sdk: e.domainLimit.sdk, since: e.domainLimit.since } } : {}),
    readings: e.readings ?? [],
    sdks: e.sdks.map((s) => {
      const proxy = e.cloudProxy.find((p) => p.sdk === s.id);
      return {
        id: s.id,
        name: s.name,
        versioned: s.versioned,
        cloudProxy: proxy
          ? {
            minVersion: proxy.minVersion, document: proxy.support.document, seed: proxy.support.seed,
            ...(proxy.proxyDomain ? { proxyDomain: proxy.proxyDomain } : {}),
            ...(proxy.allowedLists ? { allowedLists: proxy.allowedLists } : {}),
            ...(proxy.privateEndpoints ? { privateEndpoints: true } : {}),
          }
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
  const json = editionJson(e);
  const marks = [e.id === DEFAULT_EDITION ? "default" : "", e.id === NEWEST_EDITION ? "newest" : "", json.supersededBy ? `superseded by ${json.supersededBy}` : ""].filter(Boolean);
  return [
    `Edition ${e.id}${marks.length ? ` (${marks.join(", ")})` : ""}: ${e.description}`,
    "",
    "Sources:",
    ...docs.map((l) => `  ${l}`),
    "",
    "SDKs:",
    ...sdks.map((l) => `  ${l}`),
    "",
    ...(json.withdrawn.length ? ["Routes this edition does not offer (refused, with what Agora offers instead):",
      ...json.withdrawn.map((w) => `  ${w.sdk} ${w.access}: ${w.what}`), ""] : []),
    ...(json.proxyModes ? [`Cloud proxy: modes ${json.proxyModes.join(", ")}; regions ${json.regions!.join(", ")} (default all)`, ""] : []),
    ...(json.domainLimit ? [`domainLimit: ${json.domainLimit.sdk} from ${json.domainLimit.since}, direct access through Agora's domain allowlist`, ""] : []),
  ].join("\n");
}

/** `agora-egress catalog`: editions, their source documents and SDKs. */
export function catalogCommand(ctx: CliContext, flags: CatalogFlags): number {
  const editions = flags.edition !== undefined ? [getEdition(flags.edition, "--edition")] : EDITIONS;
  if (flags.format === "json") ctx.stdout(jsonText({ editions: editions.map(editionJson) }));
  else ctx.stdout(editions.map(editionText).join("\n"));
  return 0;
}
