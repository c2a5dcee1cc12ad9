import { execSync } from "node:child_process";
import { readFileSync } from "node:fs";
import * as os from "node:os";
import { join } from "node:path";

export interface Machine {
  readonly cpus: number;
  readonly cpuModel: string;
  readonly memoryGiB: number;
  readonly os: string;
  readonly node: string;
  readonly packages: Record<string, string>;
  readonly commit: string;
  readonly loadAverage: readonly number[];
}

function version(root: string, pkg: string): string {
  try {
    return (JSON.parse(readFileSync(join(root, "node_modules", pkg, "package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "not installed";
  }
}

function osName(): string {
  try {
    const release = readFileSync("/etc/os-release", "utf8");
    return /^PRETTY_NAME="?([^"\n]*)"?/m.exec(release)?.[1] ?? `${os.type()} ${os.release()}`;
  } catch {
    return `${os.type()} ${os.release()}`;
  }
}

function commit(root: string): string {
  try {
    const sha = execSync("git rev-parse --short HEAD", { cwd: root, encoding: "utf8" }).trim();
    const dirty = execSync("git status --porcelain -- src", { cwd: root, encoding: "utf8" }).trim() !== "";
    return dirty ? `${sha} (src/ has uncommitted changes)` : sha;
  } catch {
    return "unknown";
  }
}

export function describeMachine(root: string): Machine {
  const own = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { name: string; version: string };
  return {
    cpus: os.availableParallelism?.() ?? os.cpus().length,
    cpuModel: os.cpus()[0]?.model.trim() ?? "unknown",
    memoryGiB: os.totalmem() / 2 ** 30,
    os: osName(),
    node: process.version,
    packages: {
      [own.name]: own.version,
      ...Object.fromEntries(["@pulumi/pulumi", "@pulumi/aws", "@pulumi/azure-native", "zod", "ipaddr.js", "typescript"].map((p) => [p, version(root, p)])),
    },
    commit: commit(root),
    loadAverage: os.loadavg(),
  };
}
