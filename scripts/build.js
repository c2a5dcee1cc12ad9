#!/usr/bin/env node
/**
 * `npm run build`: compiles src/ (and the plugin entry provider.ts) into dist/ with
 * `tsc -p tsconfig.build.json`, but only when something it is built from changed since the last
 * build. What dist/ was built from (each input's path, size and modification time) is kept in
 * dist/.build-inputs.json; when that list is unchanged the build is skipped (well under a second),
 * so `npm start` and the tests that need dist/ do not pay tsc's ~15 s of CPU again.
 *
 * A rebuild is incremental (tsc's build info lives in dist/, so `rm -rf dist` starts over) and
 * removes compiled files whose source is gone, so dist/ never ships a leftover module.
 *
 *   node scripts/build.js            build if needed
 *   node scripts/build.js --force    always rebuild from scratch
 *   node scripts/build.js --check    exit 1 if dist/ is out of date (builds nothing)
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const ROOT = path.resolve(__dirname, "..");
const DIST = path.join(ROOT, "dist");
const STAMP = path.join(DIST, ".build-inputs.json");
const LOCK = path.join(ROOT, "build", ".build-lock");

/** Every file the build reads from this repository, as `path size mtime` lines. */
function inputs() {
  const files = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".ts") || e.name.endsWith(".json")) files.push(p);
    }
  };
  walk(path.join(ROOT, "src"));
  files.push(...["provider.ts", "tsconfig.json", "tsconfig.build.json", "package.json"].map((f) => path.join(ROOT, f)));
  // A different compiler may emit differently.
  files.push(require.resolve("typescript/package.json", { paths: [ROOT] }));
  return files.sort().map((f) => {
    const s = fs.statSync(f);
    return `${path.relative(ROOT, f)} ${s.size} ${Math.round(s.mtimeMs)}`;
  });
}

function upToDate(current) {
  try {
    const stamp = JSON.parse(fs.readFileSync(STAMP, "utf8"));
    return JSON.stringify(stamp.inputs) === JSON.stringify(current) && fs.existsSync(path.join(DIST, "src", "index.js"));
  } catch {
    return false;
  }
}

/** Removes compiled files (and emptied folders) under dist/ whose .ts source no longer exists. */
function pruneOrphans() {
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        walk(p);
        if (fs.readdirSync(p).length === 0) fs.rmdirSync(p);
        continue;
      }
      const m = /^(.*)\.(js|d\.ts|js\.map|d\.ts\.map)$/.exec(e.name);
      if (!m) continue;
      const source = path.join(ROOT, path.relative(DIST, dir), `${m[1]}.ts`);
      if (!fs.existsSync(source)) fs.rmSync(p);
    }
  };
  if (fs.existsSync(DIST)) walk(DIST);
}

/** One build at a time (two test workers may ask at once); a lock older than 10 minutes is stale. */
function withLock(fn) {
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch (e) {
      if (e.code !== "EEXIST") throw e;
      try {
        if (Date.now() - fs.statSync(LOCK).mtimeMs > 10 * 60_000) fs.rmSync(LOCK, { recursive: true, force: true });
      } catch { /* removed meanwhile */ }
      sleep(200);
    }
  }
  try {
    return fn();
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}

function main() {
  const args = process.argv.slice(2);
  if (args.includes("--check")) return upToDate(inputs()) ? 0 : 1;
  return withLock(() => {
    const before = inputs();
    if (!args.includes("--force") && upToDate(before)) return 0;
    if (args.includes("--force") || !fs.existsSync(STAMP)) fs.rmSync(DIST, { recursive: true, force: true });
    const tsc = require.resolve("typescript/bin/tsc", { paths: [ROOT] });
    const r = spawnSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { cwd: ROOT, stdio: "inherit" });
    if (r.status !== 0) {
      fs.rmSync(STAMP, { force: true });
      return r.status ?? 1;
    }
    pruneOrphans();
    // The inputs as they were when tsc started: an edit made during the build triggers the next one.
    fs.writeFileSync(STAMP, `${JSON.stringify({ inputs: before }, null, 1)}\n`);
    return 0;
  });
}

process.exitCode = main();
