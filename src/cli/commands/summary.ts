import { formatPortRange } from "../../model";
import { Resolution } from "../../resolve";
import { StackSelection } from "../../stack";
import { AllowLine, allowLines } from "../allowlist";
import { CliContext } from "../context";
import { CLOUDS } from "../planners";
import { SelectionFlags, resolveFlags } from "../selection";
import { CLOUD_TITLES, planText, runPlanner } from "./plan";

const SHOWN_DESTINATIONS = 4;

function lineText(line: AllowLine): string {
  const more = line.destinations.length > SHOWN_DESTINATIONS ? `, … (${line.destinations.length} in all)` : "";
  const from = line.sourcePorts ? ` from local ${line.sourcePorts.join(",")}` : "";
  const arrow = line.direction === "ingress" ? "← inbound" : "→";
  return `${line.protocol} ${line.ports.join(",")}${from} ${arrow} ${line.destinations.slice(0, SHOWN_DESTINATIONS).join(", ")}${more}`;
}

function rulesPerSdk(resolution: Resolution): string[] {
  const out = ["Rules per SDK"];
  const lines = allowLines(resolution.ruleSet);
  const sdks = [...resolution.sdks.map((s) => ({ id: s.id, label: `${s.id}${s.version ? `@${s.version}` : ""} (${s.access})` }))];
  if (lines.some((l) => l.sdk === "custom")) sdks.push({ id: "custom", label: "custom rules" });
  for (const sdk of sdks) {
    const rules = resolution.ruleSet.rules.filter((r) => r.sdk === sdk.id);
    const entries = rules.reduce((n, r) => n + r.ports.length, 0);
    out.push(`  ${sdk.label}: ${rules.length} destinations, ${entries} destination × port-range entries`);
    for (const l of lines.filter((x) => x.sdk === sdk.id)) out.push(`    ${lineText(l)}`);
  }
  return out;
}

function cloudTargets(ctx: CliContext, resolution: Resolution, stack: StackSelection | undefined, stackArg: string): string[] {
  const out = ["Cloud targets"];
  for (const cloud of CLOUDS) {
    if (ctx.planners[cloud] && stack?.[cloud] !== undefined) {
      out.push(...planText(cloud, runPlanner(ctx, cloud, resolution, stack), "  "));
    } else if (ctx.planners[cloud]) {
      out.push(`  ${CLOUD_TITLES[cloud]}: not configured in this stack (agora-egress:${cloud}); preview with \`agora-egress plan --cloud ${cloud}${stackArg}\``);
    } else {
      out.push(`  ${CLOUD_TITLES[cloud]}: run \`agora-egress plan --cloud ${cloud}${stackArg}\` for its resources, widenings and quota usage`);
    }
  }
  return out;
}

function settings(resolution: Resolution): string[] {
  if (resolution.appSettings.length === 0) return ["Application settings", "  none needed"];
  const out = ["Application settings"];
  for (const s of resolution.appSettings) {
    out.push(`  ${s.sdk} — ${s.api}:`, ...s.values.map((v) => `      ${v}`));
    if (s.note) out.push(`    ${s.note}`);
  }
  return out;
}

/** `agora-egress summary` (`npm start`): validate a stack, resolve it, and preview it for humans. */
export function summaryCommand(ctx: CliContext, flags: SelectionFlags): number {
  const { resolution, selection } = resolveFlags(ctx, flags);
  const sel = resolution.selection;
  const stack = selection.stack;
  const stackArg = flags.stack !== undefined ? ` --stack ${flags.stack}` : "";
  const heading = stack ? `Stack ${stack.stack} (${stack.file})` : "Selection";
  const out = [
    `${heading}: edition ${resolution.edition}, access ${sel.access}, environment ${sel.environment}` +
      (sel.access === "cloud-proxy" ? `, proxy_type ${sel.proxyType}` : ""),
    sel.recordingPorts ? `Recording simplex ports: ${formatPortRange({ from: sel.recordingPorts.low, to: sel.recordingPorts.high })}` : "",
    "",
    ...rulesPerSdk(resolution),
    "",
    ...(resolution.proxyDomains.length ? ["Names the SDK resolves (allow them in DNS-layer filters)", ...resolution.proxyDomains.map((d) => `  ${d}`), ""] : []),
    ...cloudTargets(ctx, resolution, stack, stackArg),
    "",
    ...settings(resolution),
    "",
    "Notes",
    ...[...selection.notes, ...resolution.notes].map((n) => `  - ${n}`),
    ...(selection.notes.length + resolution.notes.length === 0 ? ["  none"] : []),
    "",
    `Full tables: agora-egress rules${stackArg} --format md|jsonl|csv|json`,
  ].filter((l, i, all) => !(l === "" && all[i - 1] === ""));
  ctx.stdout(out.join("\n") + "\n");
  return 0;
}
