/**
 * Packaging: how long `npm start` takes when nothing changed, how long `require("agora-egress")`
 * takes for a program that uses one cloud (and for the CLI), and how much a consumer installs.
 * Every timing is a fresh process; the package is dist/ as `npm run build` leaves it.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fixed, formatNumber, table } from "../report/markdown";
import { median } from "../report/stats";

export interface StartTimes {
  /** `npm start` with dist/ up to date: wall ms per run, and CPU ms (user + sys of the whole tree) where /usr/bin/time exists. */
  readonly warmWallMs: number;
  readonly warmCpuMs: number | undefined;
  /** Its parts: the up-to-date check (`node scripts/build.js`) and the summary itself. */
  readonly checkWallMs: number;
  readonly summaryWallMs: number;
  /** What `npm start` did before it skipped unchanged builds: a full `tsc` build, then the summary (one run; full mode only). */
  readonly fullBuildWallMs: number | undefined;
  readonly fullBuildCpuMs: number | undefined;
  readonly runs: number;
}

export enum LoadCase {
  Aws = "AWS-only program",
  Azure = "Azure-only program",
  Both = "both clouds (what every program loaded before)",
  Core = "pure core (resolve, renderers)",
  Cli = "CLI (`rules`)",
}

export interface LoadTime {
  readonly case: LoadCase;
  /** Time in the requires (for the CLI: the whole `rules` command in-process), ms. */
  readonly requireMs: number;
  /** Spawn to exit, ms. */
  readonly wallMs: number;
  readonly modules: number;
  readonly pulumiPackages: readonly string[];
  readonly runs: number;
}

export interface InstallSize {
  readonly consumer: string;
  readonly peers: readonly string[];
  /** undefined when the offline install failed (then `error` says why). */
  readonly diskKiB?: number;
  readonly apparentKiB?: number;
  readonly files?: number;
  readonly packages?: number;
  readonly seconds?: number;
  readonly error?: string;
}

export interface PackagingMeasurement {
  readonly start: StartTimes;
  readonly load: readonly LoadTime[];
  readonly tarball: { readonly file: string; readonly packedKiB: number; readonly unpackedKiB: number; readonly entries: number; readonly integrity: string };
  readonly install: readonly InstallSize[];
}

const TIME = "/usr/bin/time";

/** Runs a command; wall ms, and CPU ms of it and its children when GNU time is there. */
function timed(cmd: string, args: readonly string[], cwd: string): { wallMs: number; cpuMs: number | undefined; stdout: string } {
  const gnuTime = existsSync(TIME);
  const t0 = performance.now();
  const r = gnuTime
    ? spawnSync(TIME, ["-f", "@@cpu %U %S", cmd, ...args], { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 })
    : spawnSync(cmd, args, { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const wallMs = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} exited with ${r.status}: ${(r.stderr || "").slice(-2000)}`);
  const m = /@@cpu ([\d.]+) ([\d.]+)/.exec(r.stderr ?? "");
  return { wallMs, cpuMs: m ? (Number(m[1]) + Number(m[2])) * 1000 : undefined, stdout: r.stdout };
}

export function measureStart(root: string, runs: number, full: boolean, log: (line: string) => void): StartTimes {
  timed("npm", ["start"], root); // builds if anything changed, so the runs below are warm
  const warm = Array.from({ length: runs }, () => timed("npm", ["start"], root));
  const check = Array.from({ length: runs }, () => timed(process.execPath, ["scripts/build.js"], root));
  const summary = Array.from({ length: runs }, () => timed(process.execPath, ["bin/agora-egress.js", "summary", "--stack", "test"], root));
  log(`  npm start (warm): ${warm.map((w) => `${fixed(w.wallMs / 1000, 2)} s`).join(", ")}`);
  let fullBuild: { wallMs: number; cpuMs: number | undefined } | undefined;
  if (full) {
    const build = timed(process.execPath, ["scripts/build.js", "--force"], root);
    const s = timed(process.execPath, ["bin/agora-egress.js", "summary", "--stack", "test"], root);
    fullBuild = { wallMs: build.wallMs + s.wallMs, cpuMs: build.cpuMs === undefined || s.cpuMs === undefined ? undefined : build.cpuMs + s.cpuMs };
    log(`  full build + summary (npm start before): ${fixed(fullBuild.wallMs / 1000, 1)} s`);
  }
  const cpu = warm.map((w) => w.cpuMs).filter((c): c is number => c !== undefined);
  return {
    warmWallMs: median(warm.map((w) => w.wallMs)),
    warmCpuMs: cpu.length ? median(cpu) : undefined,
    checkWallMs: median(check.map((c) => c.wallMs)),
    summaryWallMs: median(summary.map((c) => c.wallMs)),
    fullBuildWallMs: fullBuild?.wallMs,
    fullBuildCpuMs: fullBuild?.cpuMs,
    runs,
  };
}

/** The child's program for one case: prints {requireMs, modules, pulumi} as its last line. */
function loadProgram(root: string, c: LoadCase): string {
  const dist = JSON.stringify(join(root, "dist/src/index.js"));
  const body = {
    [LoadCase.Aws]: `const e = require(${dist}); e.AwsAgoraEgress; e.AwsSecurityGroups;`,
    [LoadCase.Azure]: `const e = require(${dist}); e.AzureAgoraEgress; e.AzureNsgRules;`,
    [LoadCase.Both]: `const e = require(${dist}); e.AwsAgoraEgress; e.AzureAgoraEgress;`,
    [LoadCase.Core]: `const e = require(${dist}); e.resolve;`,
    [LoadCase.Cli]: `const out = []; return require(${JSON.stringify(join(root, "dist/src/cli/main.js"))}).main(["rules", "--edition", "2020-05", "--sdk", "rtc-native", "--format", "jsonl"], { stdout: (s) => out.push(s), stderr: () => undefined });`,
  }[c];
  return `
    const { performance } = require("perf_hooks");
    const t0 = performance.now();
    Promise.resolve((() => { ${body} })()).then(() => {
      const requireMs = performance.now() - t0;
      const files = Object.keys(require.cache);
      const pulumi = [...new Set(files.map((f) => (/.*node_modules\\/(@pulumi\\/[^/]+)\\//.exec(f) || [])[1]).filter(Boolean))].sort();
      console.log(JSON.stringify({ requireMs, modules: files.length, pulumi }));
    });`;
}

export function measureLoadPerCloud(root: string, runs: number, log: (line: string) => void): LoadTime[] {
  const cases = [LoadCase.Aws, LoadCase.Azure, LoadCase.Both, LoadCase.Core, LoadCase.Cli];
  const results = new Map<LoadCase, { requireMs: number; wallMs: number; modules: number; pulumi: string[] }[]>(cases.map((c) => [c, []]));
  for (let run = 0; run < runs; run++) {
    for (const c of cases) {
      const t0 = performance.now();
      const out = execFileSync(process.execPath, ["-e", loadProgram(root, c)], { cwd: root, encoding: "utf8" });
      const wallMs = performance.now() - t0;
      const lines = out.trim().split("\n");
      results.get(c)!.push({ ...(JSON.parse(lines[lines.length - 1]) as { requireMs: number; modules: number; pulumi: string[] }), wallMs });
    }
    log(`  load run ${run + 1}/${runs}: ${cases.map((c) => `${c} ${fixed(results.get(c)![run].requireMs, 0)} ms`).join(", ")}`);
  }
  return cases.map((c) => {
    const rs = results.get(c)!;
    return { case: c, requireMs: median(rs.map((r) => r.requireMs)), wallMs: median(rs.map((r) => r.wallMs)), modules: rs[0].modules, pulumiPackages: rs[0].pulumi, runs };
  });
}

function walk(dir: string): { apparent: number; files: number; packages: number } {
  let apparent = 0;
  let files = 0;
  let packages = 0;
  const visit = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) visit(p);
      else if (e.isFile()) {
        apparent += statSync(p).size;
        files++;
        if (e.name === "package.json" && /node_modules\/(@[^/]+\/)?[^/@][^/]*$/.test(d)) packages++;
      }
    }
  };
  visit(dir);
  return { apparent, files, packages };
}

/** The exact version of a package installed in the repository (so the consumer install can come from the npm cache). */
function installedVersion(root: string, pkg: string): string {
  return (JSON.parse(readFileSync(join(root, "node_modules", pkg, "package.json"), "utf8")) as { version: string }).version;
}

interface LockEntry { version?: string; resolved?: string; integrity?: string; dependencies?: Record<string, string>; optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>; peerDependenciesMeta?: Record<string, { optional?: boolean }>; [k: string]: unknown }

/**
 * A consumer's package-lock.json, cut from the repository's: the entries a project with `dependencies`
 * needs (node's lookup from each dependent's folder up), so `npm ci --offline` installs exactly the
 * versions the repository uses from the npm cache that `npm ci` filled here. npm ci fetches tarballs
 * by URL and integrity, so it needs no registry metadata, which the cache does not hold for them.
 */
function consumerLock(root: string, name: string, dependencies: Record<string, string>, tarball: { path: string; integrity: string }): object {
  const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8")) as { packages: Record<string, LockEntry> };
  const own = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as LockEntry & { name: string; bin?: unknown; license?: string; engines?: unknown };
  const packages: Record<string, LockEntry> = {
    "": { name, dependencies },
    "node_modules/agora-egress": {
      version: own.version, resolved: `file:${tarball.path}`, integrity: tarball.integrity, license: own.license, dependencies: own.dependencies,
      peerDependencies: own.peerDependencies, peerDependenciesMeta: own.peerDependenciesMeta, bin: own.bin, engines: own.engines,
    },
  };
  const locate = (from: string, dep: string): string | undefined => {
    for (let at = from; ; at = at.includes("/node_modules/") ? at.slice(0, at.lastIndexOf("/node_modules/")) : "") {
      const candidate = at ? `${at}/node_modules/${dep}` : `node_modules/${dep}`;
      if (lock.packages[candidate]) return candidate;
      if (!at) return undefined;
    }
  };
  const visit = (from: string, deps: Record<string, string> | undefined, optional: boolean) => {
    for (const dep of Object.keys(deps ?? {})) {
      const at = locate(from, dep);
      if (!at) {
        if (optional) continue;
        throw new Error(`${dep} (needed by ${from || "the consumer"}) is not in package-lock.json`);
      }
      if (packages[at]) continue;
      const { dev: _dev, devOptional: _devOptional, peer: _peer, ...entry } = lock.packages[at];
      packages[at] = entry;
      visit(at, entry.dependencies, false);
      visit(at, entry.optionalDependencies, true);
      const requiredPeers = Object.fromEntries(Object.entries(entry.peerDependencies ?? {}).filter(([p]) => !entry.peerDependenciesMeta?.[p]?.optional));
      visit(at, requiredPeers, false);
    }
  };
  visit("", Object.fromEntries(Object.entries(dependencies).filter(([d]) => d !== "agora-egress")), false);
  visit("node_modules/agora-egress", own.dependencies, false);
  return { name, lockfileVersion: 3, requires: true, packages };
}

/**
 * Packs the package and installs the tarball into fresh consumer projects, offline (from the local
 * npm cache, which `npm ci` filled), with no peer, the AWS peers, or both clouds' peers.
 */
export function measureInstall(root: string, log: (line: string) => void): { tarball: PackagingMeasurement["tarball"]; install: InstallSize[] } {
  const dir = join(root, "build", "bench", "packaging");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const packed = JSON.parse(execFileSync("npm", ["pack", "--json", "--pack-destination", dir], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] })) as
    { filename: string; size: number; unpackedSize: number; entryCount: number; integrity: string }[];
  const tarball = { file: packed[0].filename, packedKiB: packed[0].size / 1024, unpackedKiB: packed[0].unpackedSize / 1024, entries: packed[0].entryCount, integrity: packed[0].integrity };
  const consumers: [string, string[]][] = [
    ["CLI only (no peer)", []],
    ["AWS components", ["@pulumi/pulumi", "@pulumi/aws"]],
    ["AWS and Azure components", ["@pulumi/pulumi", "@pulumi/aws", "@pulumi/azure-native"]],
  ];
  const install = consumers.map(([consumer, peers], i): InstallSize => {
    const project = join(dir, `consumer-${i}`);
    mkdirSync(project, { recursive: true });
    const dependencies = Object.fromEntries([["agora-egress", `file:../${tarball.file}`], ...peers.map((p) => [p, installedVersion(root, p)])]);
    writeFileSync(join(project, "package.json"), `${JSON.stringify({ name: `consumer-${i}`, private: true, dependencies }, null, 2)}\n`);
    writeFileSync(join(project, "package-lock.json"), `${JSON.stringify(consumerLock(root, `consumer-${i}`, dependencies, { path: `../${tarball.file}`, integrity: tarball.integrity }), null, 2)}\n`);
    const t0 = performance.now();
    const r = spawnSync("npm", ["ci", "--offline", "--no-audit", "--no-fund", "--ignore-scripts"], { cwd: project, encoding: "utf8" });
    const seconds = (performance.now() - t0) / 1000;
    if (r.status !== 0) {
      const error = (r.stderr.split("\n").find((l) => /npm (error|ERR!) /.test(l)) ?? `exit ${r.status}`).trim();
      log(`  ${consumer}: offline install failed: ${error}`);
      return { consumer, peers, error };
    }
    const du = execFileSync("du", ["-sk", "node_modules"], { cwd: project, encoding: "utf8" });
    const { apparent, files, packages } = walk(join(project, "node_modules"));
    const size: InstallSize = { consumer, peers, diskKiB: Number(du.split(/\s/)[0]), apparentKiB: apparent / 1024, files, packages, seconds };
    log(`  ${consumer}: ${fixed(size.diskKiB! / 1024, 1)} MiB on disk, ${formatNumber(files)} files, ${packages} packages, installed offline in ${fixed(seconds, 1)} s`);
    return size;
  });
  return { tarball, install };
}

export function measurePackaging(root: string, quick: boolean, log: (line: string) => void): PackagingMeasurement {
  const start = measureStart(root, quick ? 3 : 7, !quick, log);
  const load = measureLoadPerCloud(root, quick ? 3 : 9, log);
  const { tarball, install } = measureInstall(root, log);
  return { start, load, tarball, install };
}

const s = (ms: number | undefined, digits = 2) => (ms === undefined ? "—" : `${fixed(ms / 1000, digits)} s`);
const mib = (kib: number | undefined) => (kib === undefined ? "—" : fixed(kib / 1024, 1));

export function packagingMarkdown(p: PackagingMeasurement): string {
  const byCase = new Map(p.load.map((l) => [l.case, l]));
  const aws = byCase.get(LoadCase.Aws)!;
  const azure = byCase.get(LoadCase.Azure)!;
  const both = byCase.get(LoadCase.Both)!;
  return [
    "**`npm start`** builds only when a source changed since the last build (scripts/build.js compares what dist/ was built from), then "
    + `runs \`agora-egress summary --stack test\`. Median of ${p.start.runs} runs with dist/ up to date; CPU is user + sys of npm and its children (GNU time).`,
    "",
    table(["what", "wall", "CPU"], [
      ["`npm start`, nothing changed", s(p.start.warmWallMs), s(p.start.warmCpuMs)],
      ["of which the up-to-date check (`node scripts/build.js`)", s(p.start.checkWallMs), "—"],
      ["of which the summary (`node bin/agora-egress.js summary --stack test`)", s(p.start.summaryWallMs), "—"],
      ["full `tsc` build + summary (what every `npm start` did before; one run)", s(p.start.fullBuildWallMs, 1), s(p.start.fullBuildCpuMs, 1)],
    ]),
    "",
    `**Load time per use**: \`require("agora-egress")\` (dist/) and the component classes a program touches, in fresh processes, median of ${aws.runs}; `
    + "*require* is the time in the requires, *wall* spawn to exit. Each cloud's components load on first use, so a program loads only its own provider SDK.",
    "",
    table(["program", "require", "wall", "modules", "Pulumi packages loaded"], p.load.map((l) => [
      l.case, `${fixed(l.requireMs, 0)} ms`, `${fixed(l.wallMs, 0)} ms`, l.modules, l.pulumiPackages.length ? l.pulumiPackages.map((x) => `\`${x}\``).join(", ") : "none",
    ])),
    "",
    `AWS-only: ${fixed(aws.requireMs, 0)} ms, Azure-only: ${fixed(azure.requireMs, 0)} ms, both clouds (what every program loaded while the root index loaded both): `
    + `${fixed(both.requireMs, 0)} ms. The provider SDKs load only the submodules the components import, so the other cloud's share of the time is small `
    + "(the differences here are within run-to-run noise) and `@pulumi/pulumi` itself is most of it; what a one-cloud program saves is the other SDK "
    + "in memory and, with optional peers, on disk (below). The CLI and the pure core load no Pulumi package at all.",
    "",
    `**Installed size**: the packed tarball (\`${p.tarball.file}\`, ${fixed(p.tarball.packedKiB, 0)} KiB packed, ${fixed(p.tarball.unpackedKiB, 0)} KiB unpacked, `
    + `${p.tarball.entries} files) installed into a fresh project with \`npm ci --offline\` (from the local npm cache; its lockfile is cut from this repository's, so the versions are the ones tested here), with the peers each kind of consumer needs `
    + "at the versions this repository uses. Before the Pulumi packages became optional peers, every consumer installed all three (the last row).",
    "",
    table(["consumer", "peers", "node_modules on disk (MiB)", "apparent (MiB)", "files", "packages", "install (offline)"], p.install.map((i) => [
      i.consumer, i.peers.length ? i.peers.map((x) => `\`${x}\``).join(", ") : "none",
      i.error ? `not measured: ${i.error}` : mib(i.diskKiB), mib(i.apparentKiB), i.files ?? "—", i.packages ?? "—", i.seconds === undefined ? "—" : `${fixed(i.seconds, 1)} s`,
    ])),
  ].join("\n");
}

/** One headline line for RESULTS.md and the console. */
export function packagingHeadline(p: PackagingMeasurement): string {
  const byCase = new Map(p.load.map((l) => [l.case, l]));
  const [cli, aws, both] = p.install;
  const size = (i: InstallSize | undefined) => (i?.diskKiB === undefined ? "not measured" : `${mib(i.diskKiB)} MiB`);
  return `Packaging: \`npm start\` with nothing changed ${s(p.start.warmWallMs)} (a full build + summary: ${s(p.start.fullBuildWallMs, 1)}); `
    + `load AWS-only ${fixed(byCase.get(LoadCase.Aws)!.requireMs, 0)} ms, Azure-only ${fixed(byCase.get(LoadCase.Azure)!.requireMs, 0)} ms, both ${fixed(byCase.get(LoadCase.Both)!.requireMs, 0)} ms, `
    + `CLI \`rules\` ${fixed(byCase.get(LoadCase.Cli)!.requireMs, 0)} ms (no Pulumi package); installed node_modules: CLI only ${size(cli)}, AWS ${size(aws)}, AWS + Azure ${size(both)}.`;
}
