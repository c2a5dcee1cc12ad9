// Lets a plain `node -r ./test/determinism/ts-register.js file.ts` run TypeScript: each .ts file
// is transpiled on load with typescript.transpileModule (no type checking, no ts-jest). The output
// is cached on disk by the file's content (and the compiler's version), so a child process that
// loads only unchanged files never loads the compiler at all.
"use strict";
const crypto = require("crypto");
const fs = require("fs");
const os = require("os");
const path = require("path");

const CACHE = path.join(os.tmpdir(), "agora-egress-ts-register");
const COMPILER_VERSION = require("typescript/package.json").version;
let ts;

require.extensions[".ts"] = (module, filename) => {
  const source = fs.readFileSync(filename, "utf8");
  const key = crypto.createHash("sha256").update(`${COMPILER_VERSION}\0${filename}\0${source}`).digest("hex");
  const cached = path.join(CACHE, `${key}.js`);
  let outputText;
  try {
    outputText = fs.readFileSync(cached, "utf8");
  } catch {
    ts ??= require("typescript");
    ({ outputText } = ts.transpileModule(source, {
      fileName: filename,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    }));
    try {
      fs.mkdirSync(CACHE, { recursive: true });
      const tmp = `${cached}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, outputText);
      fs.renameSync(tmp, cached);
    } catch { /* a cache that cannot be written only costs time */ }
  }
  module._compile(outputText, filename);
};
