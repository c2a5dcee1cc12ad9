import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TestFlow, buildPcap } from "./pcap";

export const INSTALL_HINT =
  "Suricata 7 is required for the engine tests. On Debian bookworm run scripts/ensure-suricata.sh as root " +
  "(`npm test` does): it installs it from bookworm-backports; elsewhere install Suricata 7 with your package manager.";

/** Fails loudly (never skips) when Suricata is missing: CI installs it, developers are told how. */
export function requireSuricata(): string {
  const probe = spawnSync("suricata", ["-V"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) throw new Error(INSTALL_HINT);
  return probe.stdout.trim();
}

/** Rule variables as Network Firewall defines them (ruleVariables.ipSets / portSets). */
export interface RuleVariables {
  readonly ipSets?: Record<string, readonly string[]>;
  readonly portSets?: Record<string, readonly string[]>;
}

function setArgs(vars: RuleVariables): string[] {
  const args: string[] = [];
  for (const [k, v] of Object.entries(vars.ipSets ?? {})) args.push("--set", `vars.address-groups.${k}=[${v.join(",")}]`);
  for (const [k, v] of Object.entries(vars.portSets ?? {})) args.push("--set", `vars.port-groups.${k}=[${v.join(",")}]`);
  return args;
}

/** `suricata -T`: do the rules load? Returns the engine's error output when they do not. */
export function loadRules(rules: string, vars: RuleVariables = {}): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), "agora-suricata-"));
  try {
    writeFileSync(join(dir, "test.rules"), rules);
    const r = spawnSync("suricata", ["-T", "-c", "/etc/suricata/suricata.yaml", "-S", join(dir, "test.rules"), "-l", dir, ...setArgs(vars)], { encoding: "utf8" });
    return { ok: r.status === 0, output: `${r.stdout}\n${r.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The stateful default action a run emulates (strict order):
 * - `aws:drop_established`: handshakes may pass; established TCP data and UDP need a pass rule;
 * - `aws:drop_strict`: every packet needs a pass rule, handshakes included;
 * - `aws:alert_established`: nothing is dropped by default (the rule group sits in a policy
 *   that lets unmatched traffic through), so only the group's own `drop` rules deny.
 */
export type DefaultAction = "aws:drop_established" | "aws:drop_strict" | "aws:alert_established";

/**
 * Sentinels appended after the rules under test: they alert on every packet the default
 * action would drop. Suricata's action order lets a matching `pass` win over them, so a
 * flow whose packets raise a sentinel was not passed.
 */
export const SENTINEL_SID_TCP = 999_999_001;
export const SENTINEL_SID_UDP = 999_999_002;
export const SENTINEL_SID_HANDSHAKE = 999_999_003;
const SENTINEL_SIDS = [SENTINEL_SID_TCP, SENTINEL_SID_UDP, SENTINEL_SID_HANDSHAKE];

function sentinel(defaultAction: DefaultAction): string {
  if (defaultAction === "aws:alert_established") return "";
  return [
    `alert tcp any any -> any any (msg:"not passed (tcp)"; flow:established,to_server; sid:${SENTINEL_SID_TCP}; rev:1;)`,
    `alert udp any any -> any any (msg:"not passed (udp)"; flow:to_server; sid:${SENTINEL_SID_UDP}; rev:1;)`,
    // drop_strict: handshake packets (both ways) need a pass rule too.
    ...(defaultAction === "aws:drop_strict" ? [`alert tcp any any -> any any (msg:"not passed (handshake)"; flow:not_established; sid:${SENTINEL_SID_HANDSHAKE}; rev:1;)`] : []),
  ].join("\n");
}

export interface VerdictOptions {
  /** Default `aws:drop_established`, the renderer's recommended policy default. */
  readonly defaultAction?: DefaultAction;
}

/** The engine's verdict on one flow, and why. */
export interface FlowVerdict {
  readonly passed: boolean;
  /** sids of the `drop`/`reject` rules that blocked packets of the flow. */
  readonly droppedBy: readonly number[];
  /** Whether a sentinel (the emulated default action) fired on the flow. */
  readonly defaultDenied: boolean;
}

const endpoint = (proto: string, ip: string, port: number) => `${proto.toLowerCase()} ${ip}:${port}`;

/**
 * Runs Suricata over a capture of `flows` and returns, per flow id, the verdict. Flows are
 * told apart by their client endpoint (address and port), which must be unique.
 */
export function flowVerdicts(rules: string, flows: readonly TestFlow[], vars: RuleVariables = {}, options: VerdictOptions = {}): Map<number, FlowVerdict> {
  const clients = new Map<string, number>();
  for (const f of flows) {
    const key = endpoint(f.protocol, f.clientIp, f.clientPort);
    if (clients.has(key)) throw new Error(`flows ${clients.get(key)} and ${f.id} share the client endpoint ${key}`);
    clients.set(key, f.id);
  }
  const dir = mkdtempSync(join(tmpdir(), "agora-suricata-"));
  try {
    writeFileSync(join(dir, "test.rules"), `${rules}\n${sentinel(options.defaultAction ?? "aws:drop_established")}\n`);
    writeFileSync(join(dir, "flows.pcap"), buildPcap(flows));
    execFileSync("suricata", [
      "-c", "/etc/suricata/suricata.yaml", "-S", join(dir, "test.rules"), "-r", join(dir, "flows.pcap"), "-l", dir, "-k", "none",
      "--set", "outputs.1.eve-log.types=[alert]", "--runmode", "single", "--simulate-ips", ...setArgs(vars),
    ], { stdio: "pipe" });
    const eve = join(dir, "eve.json");
    const defaultDenied = new Set<number>();
    const droppedBy = new Map<number, Set<number>>();
    if (existsSync(eve)) {
      for (const line of readFileSync(eve, "utf8").split("\n")) {
        if (!line) continue;
        const e = JSON.parse(line);
        if (e.event_type !== "alert") continue;
        // The alert may be on a packet either way: find the flow by whichever end is its client.
        const id = clients.get(endpoint(e.proto, e.src_ip, e.src_port)) ?? clients.get(endpoint(e.proto, e.dest_ip, e.dest_port));
        if (id === undefined) throw new Error(`alert on an unknown flow: ${line}`);
        if (SENTINEL_SIDS.includes(e.alert.signature_id)) defaultDenied.add(id);
        else if (e.alert.action === "blocked") droppedBy.set(id, (droppedBy.get(id) ?? new Set<number>()).add(e.alert.signature_id));
      }
    }
    return new Map(flows.map((f) => {
      const drops = [...(droppedBy.get(f.id) ?? [])].sort();
      return [f.id, { passed: !defaultDenied.has(f.id) && drops.length === 0, droppedBy: drops, defaultDenied: defaultDenied.has(f.id) }];
    }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs Suricata over a capture of `flows` and returns, per flow id, whether it was passed. */
export function verdicts(rules: string, flows: readonly TestFlow[], vars: RuleVariables = {}, options: VerdictOptions = {}): Map<number, boolean> {
  return new Map([...flowVerdicts(rules, flows, vars, options)].map(([id, v]) => [id, v.passed]));
}
