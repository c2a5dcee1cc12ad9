// Lets a plain `node -r ./test/determinism/ts-register.js file.ts` run TypeScript: each .ts file
// is transpiled on load with typescript.transpileModule (no type checking, no ts-jest).
"use strict";
const fs = require("fs");
const ts = require("typescript");

require.extensions[".ts"] = (module, filename) => {
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, "utf8"), {
    fileName: filename,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  });
  module._compile(outputText, filename);
};
