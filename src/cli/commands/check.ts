import {
  Flow, InputError, PortRange, Rule, canonicalCidr, canonicalDomain, formatDestination, formatPortRange, formatProvenance,
  grants, isIpv4Literal, matchingRules, parsePortRange, portInRanges, quote,
} from "../../model";
import { Plan } from "../../renderers/plan";
import { Resolution } from "../../resolve";
import { CliContext, printNotes } from "../context";
import { CLOUDS } from "../planners";
import { runPlanner } from "./plan";
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

/** A target whose answer differs from the model's, and why. */
export interface TargetDifference {
  readonly target: string;
  readonly allowed: boolean;
  readonly why: string;
}

/** What a widening's `renderedAs` admits: protocol, ports (undefined = every port), and whether every address. */
function renderedScope(renderedAs: string): { protocol: string; ports?: PortRange[]; everyAddress: boolean } | undefined {
  const m = /^(tcp|udp|any) (\*|[\d,-]+) [→←] (.+?)(?: \(from source ports [\d,-]+\))?$/.exec(renderedAs);
  if (!m) return undefined;
  const remote = m[3];
  return {
    protocol: m[1],
    ...(m[2] === "*" ? {} : { ports: m[2].split(",").map((p) => parsePortRange(p)) }),
    everyAddress: /^(0\.0\.0\.0\/0|any address|Internet|\*)(,|$| )/.test(remote),
  };
}

/**
 * Where a target answers otherwise than the model, with the targets' default options: a name
 * written with a trailing dot (Network Firewall matches names as clients send them, without
 * it), and an address that only a widened domain rule admits (security groups, NSGs, and
 * the firewalls on ports where they cannot see names).
 */
function targetDifferences(ctx: CliContext, resolution: Resolution, flow: Flow, rules: readonly Rule[]): TargetDifference[] {
  const out: TargetDifference[] = [];
  const trailingDot = !isIpv4Literal(flow.destination) && flow.destination.endsWith(".");
  if (trailingDot && rules.some((r) => r.destination.kind === "domain" && r.direction === "egress" && r.protocol === "tcp")
    && (flow.port === 443 || flow.port === 80)) {
    out.push({
      target: "aws-network-firewall", allowed: false,
      why: "TLS SNI and HTTP Host rules match names as clients send them, without the root dot (RFC 6066); a name written with a trailing dot is dropped",
    });
  }
  if (rules.length > 0) {
    // Rules a target does not render (its notices) are denied there.
    for (const cloud of CLOUDS) {
      if (!ctx.planners[cloud]) continue;
      for (const n of runPlanner(ctx, cloud, resolution).notices) {
        if (out.some((d) => d.target === n.target)) continue;
        if (rules.some((r) => n.rule.startsWith(`${r.protocol} `) && n.rule.includes(` ${r.direction === "egress" ? "→" : "←"} ${formatDestination(r.destination)}`))) {
          out.push({ target: n.target, allowed: false, why: n.reason });
        }
      }
    }
  }
  if (rules.length > 0 || !isIpv4Literal(flow.destination) || flow.direction === "ingress") return out;
  // Domain rules that would allow the flow but for its destination: a target that widens them admits the address.
  const candidates = grants(resolution.ruleSet).filter((g) => g.destination.kind === "domain" && g.direction === "egress"
    && g.protocol === flow.protocol && portInRanges(flow.port, g.ports)
    && (!g.sourcePorts || (flow.sourcePort !== undefined && portInRanges(flow.sourcePort, g.sourcePorts))));
  if (candidates.length === 0) return out;
  const names = new Set(candidates.map((g) => formatDestination(g.destination)));
  for (const cloud of CLOUDS) {
    if (!ctx.planners[cloud]) continue;
    const plan: Plan = runPlanner(ctx, cloud, resolution);
    for (const w of plan.widenings) {
      const scope = renderedScope(w.renderedAs);
      const name = /[→←] (\S+)/.exec(w.rule)?.[1];
      if (!scope || !name || !names.has(name) || !scope.everyAddress) continue;
      if (scope.protocol !== "any" && scope.protocol !== flow.protocol) continue;
      if (scope.ports && !portInRanges(flow.port, scope.ports)) continue;
      if (out.some((d) => d.target === w.target)) continue;
      out.push({ target: w.target, allowed: true, why: `it widens ${w.rule} to ${w.renderedAs} (${w.reason})` });
    }
  }
  return out;
}

/** `agora-egress check`: is the flow allowed, and by which rule(s)? Exit 0 allowed, 3 denied. */
export function checkCommand(ctx: CliContext, flags: CheckFlags): number {
  const { resolution, selection } = resolveFlags(ctx, flags);
  // Validate the destination up front: a flow no rule reaches would otherwise never look at it.
  if (isIpv4Literal(flags.dest)) {
    const cidr = canonicalCidr(flags.dest, "--dest");
    if (!cidr.endsWith("/32")) throw new InputError("--dest", `${quote(flags.dest)} is a network; a flow has one remote address`);
  } else if (flags.direction === "ingress") {
    throw new InputError("--dest", `${quote(flags.dest)} is a name, but an inbound packet carries only its sender's address: give the sender's IPv4 address`);
  } else {
    canonicalDomain(flags.dest, "--dest");
  }
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
  const differences = targetDifferences(ctx, resolution, flow, rules);
  if (flags.format === "json") {
    ctx.stdout(jsonText({
      allowed,
      flow,
      rules: rules.map((r) => ({ rule: describeRule(r), sdk: r.sdk, purpose: r.purpose, provenance: r.provenance, ...(r.broadReason ? { broadReason: r.broadReason } : {}) })),
      hints,
      differences,
    }));
    printNotes(ctx, selection.notes);
  } else {
    printNotes(ctx, selection.notes);
    const what = flow.direction === "ingress"
      ? `ingress ${flow.protocol} from ${flow.destination} to local port ${flow.port}`
      : `egress ${flow.protocol} ${flow.destination} port ${flow.port}${flow.sourcePort !== undefined ? ` from local port ${flow.sourcePort}` : ""}`;
    const differ = differences.map((d) => `  ${d.target} ${d.allowed ? "allows" : "denies"} it: ${d.why}\n`).join("");
    if (allowed) {
      const lines = rules.map((r) => `  ${describeRule(r)}\n    source: ${r.provenance.map(formatProvenance).join("; ")}\n${r.broadReason ? `    broad on purpose: ${r.broadReason}\n` : ""}`);
      ctx.stdout(`allowed: ${what}\nallowed by:\n${lines.join("")}${differ ? `targets that differ:\n${differ}` : ""}`);
    } else {
      ctx.stdout(`denied: ${what}\n${hints.map((h) => `  hint: ${h}\n`).join("")}${differ ? `targets that differ:\n${differ}` : ""}`);
    }
  }
  return allowed ? 0 : EXIT_DENIED;
}
