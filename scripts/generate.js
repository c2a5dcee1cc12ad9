#!/usr/bin/env node
// Writes what derives from the settings declarations: src/args/settings.generated.ts and docs/settings.md.
// Built first (the generator is TypeScript in src/args/generate.ts), then built again with the new file.
const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const build = () => execFileSync(process.execPath, [path.join(__dirname, "build.js")], { stdio: "inherit" });
// The first build may fail while the generated file is stale (its users do not type-check); tsc still emits.
try { build(); } catch { /* reported above */ }
const generate = require(path.join(root, "dist", "src", "args", "generate.js"));
const outputs = { "src/args/settings.generated.ts": generate.generatedArgs(), "docs/settings.md": generate.generatedDocs() };
let changed = false;
for (const [file, text] of Object.entries(outputs)) {
  const target = path.join(root, file);
  if (fs.existsSync(target) && fs.readFileSync(target, "utf8") === text) continue;
  fs.writeFileSync(target, text);
  changed = true;
  console.log(`wrote ${file}`);
}
if (changed) build();
