// Preloaded with `node -r`: writes the packages the process loaded (one per line, from require.cache)
// to the file named by AGORA_TEST_LOADED when it exits; AGORA_TEST_BLOCK (comma-separated package
// names) makes those packages and their subpaths look uninstalled (MODULE_NOT_FOUND), and each
// request for one is reported as a line `blocked <request>`.
"use strict";
const fs = require("fs");
const Module = require("module");

const blocked = (process.env.AGORA_TEST_BLOCK || "").split(",").filter(Boolean);
const refused = [];
if (blocked.length > 0) {
  const resolveFilename = Module._resolveFilename;
  Module._resolveFilename = function (request, ...rest) {
    if (blocked.some((b) => request === b || request.startsWith(`${b}/`))) {
      refused.push(`blocked ${request}`);
      const err = new Error(`Cannot find module '${request}'`);
      err.code = "MODULE_NOT_FOUND";
      throw err;
    }
    return resolveFilename.call(this, request, ...rest);
  };
}

process.on("exit", () => {
  if (!process.env.AGORA_TEST_LOADED) return;
  const packages = new Set();
  for (const file of Object.keys(require.cache)) {
    const m = /.*node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file);
    if (m) packages.add(m[1]);
  }
  fs.writeFileSync(process.env.AGORA_TEST_LOADED, [...[...packages].sort(), ...refused].join("\n"));
});
