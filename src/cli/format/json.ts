import { formatDestination, formatPortRange } from "../../model";
import { Resolution } from "../../resolve";
import { allowLines } from "../../model/allow-lines";

/**
 * `rules --format json`: the whole resolution. `allowlist` holds the jsonl lines; `rules`
 * the normalised model rules (one destination each) with their full provenance.
 */
export function resolutionJson(resolution: Resolution): unknown {
  return {
    edition: resolution.edition,
    selection: resolution.selection,
    sdks: resolution.sdks,
    allowlist: allowLines(resolution.ruleSet),
    rules: resolution.ruleSet.rules.map((r) => ({
      sdk: r.sdk,
      direction: r.direction,
      protocol: r.protocol,
      destination: formatDestination(r.destination),
      ports: r.ports.map((p) => formatPortRange(p)),
      ...(r.sourcePorts ? { sourcePorts: r.sourcePorts.map((p) => formatPortRange(p)) } : {}),
      ...(r.purpose ? { purpose: r.purpose } : {}),
      provenance: r.provenance,
    })),
    notes: resolution.notes,
    appSettings: resolution.appSettings,
    proxyDomains: resolution.proxyDomains,
  };
}

export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2) + "\n";
}
