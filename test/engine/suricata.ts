import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TestFlow, buildPcap } from "./pcap";

export const INSTALL_HINT =
  "Suricata 7 is required for the engine tests. On Debian bookworm: add a bookworm-backports sources entry " +
  "(copy the main stanza of /etc/apt/sources.list.d/debian.sources with Suites: bookworm-backports), then " +
  "`apt-get update && apt-get install -t bookworm-backports suricata` (or run .ci/run as root).";

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
 * A sentinel appended after the rules under test: it alerts on every packet of an
 * established TCP flow and on every UDP packet. Suricata's action order lets a matching
 * `pass` win over it, so a flow whose client packets raise the sentinel was not passed:
 * the verdict of AWS's strict order with `aws:drop_established` (handshakes may pass; data
 * needs a pass rule).
 */
export const SENTINEL_SID_TCP = 999_999_001;
export const SENTINEL_SID_UDP = 999_999_002;
const SENTINEL = [
  `alert tcp any any -> any any (msg:"not passed (tcp)"; flow:established,to_server; sid:${SENTINEL_SID_TCP}; rev:1;)`,
  `alert udp any any -> any any (msg:"not passed (udp)"; flow:to_server; sid:${SENTINEL_SID_UDP}; rev:1;)`,
].join("\n");

/** Runs Suricata over a capture of `flows` and returns, per flow id, whether it was passed. */
export function verdicts(rules: string, flows: readonly TestFlow[], vars: RuleVariables = {}): Map<number, boolean> {
  const dir = mkdtempSync(join(tmpdir(), "agora-suricata-"));
  try {
    writeFileSync(join(dir, "test.rules"), `${rules}\n${SENTINEL}\n`);
    writeFileSync(join(dir, "flows.pcap"), buildPcap(flows));
    execFileSync("suricata", [
      "-c", "/etc/suricata/suricata.yaml", "-S", join(dir, "test.rules"), "-r", join(dir, "flows.pcap"), "-l", dir, "-k", "none",
      "--set", "outputs.1.eve-log.types=[alert]", "--runmode", "single", "--simulate-ips", ...setArgs(vars),
    ], { stdio: "pipe" });
    const eve = join(dir, "eve.json");
    const denied = new Set<string>();
    if (existsSync(eve)) {
      for (const line of readFileSync(eve, "utf8").split("\n")) {
        if (!line) continue;
        const e = JSON.parse(line);
        if (e.event_type === "alert" && [SENTINEL_SID_TCP, SENTINEL_SID_UDP].includes(e.alert.signature_id)) {
          denied.add(`${e.proto.toLowerCase()} ${e.src_ip}:${e.src_port}`);
        }
      }
    }
    return new Map(flows.map((f) => [f.id, !denied.has(`${f.protocol} ${f.clientIp}:${f.clientPort}`)]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
