import { getEdition } from "../../catalog";
import { Resolution } from "../../resolve";
import { AllowLine, allowLines, remoteSide } from "../../model/allow-lines";

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

function sdkTitle(resolution: Resolution, sdk: string): string {
  if (sdk === "custom") return "Custom rules";
  const info = getEdition(resolution.edition).sdks.find((s) => s.id === sdk);
  const choice = resolution.sdks.find((s) => s.id === sdk);
  const version = choice?.version ? ` ${choice.version}` : "";
  const access = choice ? ` — ${choice.access}` : "";
  return `${info?.name ?? sdk}${version} (\`${sdk}\`)${access}`;
}

function portsCell(line: AllowLine): string {
  const ports = line.ports.join("; ");
  return line.sourcePorts ? `${ports} (from local ports ${line.sourcePorts.join("; ")})` : ports;
}

/** One SDK's section: like Agora's page, a destination block and then a ports table per block. */
function sdkSection(resolution: Resolution, sdk: string, lines: readonly AllowLine[]): string[] {
  const out = [`## ${sdkTitle(resolution, sdk)}`, ""];
  const blocks = new Map<string, AllowLine[]>();
  for (const line of lines) {
    const key = `${line.direction} ${remoteSide(line).join(" ")}`;
    blocks.set(key, [...(blocks.get(key) ?? []), line]);
  }
  for (const block of blocks.values()) {
    const ingress = block[0].direction === "ingress";
    out.push(ingress
      ? "Allow these inbound connections (remote side):"
      : "Add the following destinations and the corresponding ports to the firewall allowlist:");
    out.push("", "```", ...remoteSide(block[0]), "```", "");
    out.push("| Destination ports | Port type | Operation | Purpose | Source |", "| --- | --- | --- | --- | --- |");
    for (const line of block) {
      out.push(`| ${cell(portsCell(line))} | ${line.protocol.toUpperCase()} | ${ingress ? "Allow inbound" : "Allow"} | ${cell(line.purpose ?? "")} | ${cell(line.source ?? "")} |`);
    }
    out.push("");
  }
  return out;
}

/** `rules --format md`: Agora's tables for the selection, with where each row came from. */
export function rulesMarkdown(resolution: Resolution): string {
  const sel = resolution.selection;
  const out = [
    "# Agora egress allowlist",
    "",
    `Catalogue edition ${resolution.edition} · access ${sel.access} · environment ${sel.environment}` +
      (sel.access === "cloud-proxy" ? proxyText(resolution, " · ") : ""),
    "",
  ];
  const bySdk = new Map<string, AllowLine[]>();
  for (const line of allowLines(resolution.ruleSet)) bySdk.set(line.sdk, [...(bySdk.get(line.sdk) ?? []), line]);
  for (const [sdk, lines] of bySdk) out.push(...sdkSection(resolution, sdk, lines));
  if (resolution.proxyDomains.length > 0) {
    out.push("## Names the SDK resolves", "", "DNS-layer allowlists must let these names resolve (no connection is made to them by name):", "");
    out.push(...resolution.proxyDomains.map((d) => `- \`${d}\``), "");
  }
  if (resolution.appSettings.length > 0) {
    out.push("## Application settings", "");
    for (const s of resolution.appSettings) {
      out.push(`- \`${s.sdk}\` — ${s.api}:`, "", "  ```", ...s.values.map((v) => `  ${v}`), "  ```", "");
      if (s.note) out.push(`  ${s.note}`, "");
    }
  }
  if (resolution.notes.length > 0) {
    out.push("## Notes", "", ...resolution.notes.map((n) => `- ${n}`), "");
  }
  return out.join("\n");
}

/**
 * The cloud-proxy part of a selection's heading: `proxy_type 1` where the edition has the
 * setParameters proxy types (2020), the proxy mode and regions where it has the allowed IP list.
 */
export function proxyText(resolution: Resolution, sep: string): string {
  if (resolution.proxyMode === undefined && resolution.regions === undefined) return `${sep}proxy_type ${resolution.selection.proxyType}`;
  return [
    resolution.proxyMode ? `${sep}proxy mode ${resolution.proxyMode}` : "",
    resolution.regions ? `${sep}regions ${resolution.regions.length === 6 ? "all" : resolution.regions.join(",")}` : "",
  ].join("");
}
