import {
  Flow, InputError, Rule, canonicalCidr, canonicalDomain, formatDestination, formatPortRange, formatProvenance,
  isIpv4Literal, matchingRules, quote,
} from "../../model";
import { CliContext, printNotes } from "../context";
import { jsonText } from "../format/json";
import { SelectionFlags, resolveFlags } from "../selection";

/** Exit code of `check` when the flow is denied (0 = allowed; 2 stays "bad input"). */
export const EXIT_DENIED = 3;

export interface CheckFlags extends SelectionFlags {
  protocol: "tcp" | "udp";
  port: string;
  dest: string;
  direction: "egress" | "ingress";
  sourcePort?: string;
  format: "text" | "json";
}

function port(text: string, flag: string): number {
  if (!/^\d{1,5}$/.test(text.trim()) || Number(text) < 1 || Number(text) > 65535) {
    throw new InputError(flag, `${quote(text)} is not a port (1-65535)`);
  }
  return Number(text);
}

/** `rtc-native egress udp 1080; 4000-4030 → qos.agoralab.co`. */
export function describeRule(rule: Rule): string {
  const ports = rule.ports.map((r) => formatPortRange(r)).join("; ");
  const from = rule.sourcePorts ? ` (from local ports ${rule.sourcePorts.map((r) => formatPortRange(r)).join("; ")})` : "";
  const arrow = rule.direction === "ingress" ? "←" : "→";
  return `${rule.sdk} ${rule.direction} ${rule.protocol} ${ports} ${arrow} ${formatDestination(rule.destination)}${from}`;
}

/** `agora-egress check`: is the flow allowed, and by which rule(s)? Exit 0 allowed, 3 denied. */
export function checkCommand(ctx: CliContext, flags: CheckFlags): number {
  const { resolution, selection } = resolveFlags(ctx, flags);
  // Validate the destination up front: a flow no rule reaches would otherwise never look at it.
  if (isIpv4Literal(flags.dest)) canonicalCidr(flags.dest, "--dest");
  else canonicalDomain(flags.dest, "--dest");
  const flow: Flow = {
    direction: flags.direction,
    protocol: flags.protocol,
    port: port(flags.port, "--port"),
    destination: flags.dest,
    ...(flags.sourcePort !== undefined ? { sourcePort: port(flags.sourcePort, "--source-port") } : {}),
  };
  const rules = matchingRules(resolution.ruleSet, flow);
  // A rule that needs a source port the user did not give: say so instead of a bare "denied".
  const hints: string[] = [];
  if (rules.length === 0 && flow.sourcePort === undefined) {
    const needy = resolution.ruleSet.rules.filter((r) => r.sourcePorts && matchingRules({ edition: "", rules: [r] }, { ...flow, sourcePort: r.sourcePorts[0].from }).length > 0);
    for (const r of needy) hints.push(`${describeRule(r)} would allow it from those local ports: add --source-port`);
  }
  if (rules.length === 0 && isIpv4Literal(flow.destination) && resolution.ruleSet.rules.every((r) => r.destination.kind === "domain")) {
    hints.push("every rule of this selection names domains; an address is only allowed by address rules (check the domain name instead)");
  }
  const allowed = rules.length > 0;
  if (flags.format === "json") {
    ctx.stdout(jsonText({
      allowed,
      flow,
      rules: rules.map((r) => ({ rule: describeRule(r), sdk: r.sdk, purpose: r.purpose, provenance: r.provenance })),
      hints,
    }));
    printNotes(ctx, selection.notes);
  } else {
    printNotes(ctx, selection.notes);
    const what = `${flow.direction} ${flow.protocol} ${flow.destination} port ${flow.port}${flow.sourcePort !== undefined ? ` from local port ${flow.sourcePort}` : ""}`;
    if (allowed) {
      const lines = rules.map((r) => `  ${describeRule(r)}\n    source: ${r.provenance.map(formatProvenance).join("; ")}\n`);
      ctx.stdout(`allowed: ${what}\nallowed by:\n${lines.join("")}`);
    } else {
      ctx.stdout(`denied: ${what}\n${hints.map((h) => `  hint: ${h}\n`).join("")}`);
    }
  }
  return allowed ? 0 : EXIT_DENIED;
}
