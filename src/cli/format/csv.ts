import { formatDestination, formatPortRange, formatProvenance } from "../../model";
import { Resolution } from "../../resolve";

const HEADER = ["sdk", "direction", "protocol", "ports", "destination", "sourcePorts", "purpose", "source"];

/** RFC 4180 quoting: fields with a comma, quote or line break are quoted, quotes doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * `rules --format csv`: a header, then one row per SDK, direction, protocol, port range and
 * destination. Several source ports or sources in one field are separated by `; `.
 */
export function rulesCsv(resolution: Resolution): string {
  const rows = [HEADER];
  for (const rule of resolution.ruleSet.rules) {
    for (const range of rule.ports) {
      rows.push([
        rule.sdk, rule.direction, rule.protocol, formatPortRange(range), formatDestination(rule.destination),
        (rule.sourcePorts ?? []).map((r) => formatPortRange(r)).join("; "),
        rule.purpose ?? "",
        rule.provenance.map(formatProvenance).join("; "),
      ]);
    }
  }
  return rows.map((row) => row.map(csvField).join(",")).join("\n") + "\n";
}
