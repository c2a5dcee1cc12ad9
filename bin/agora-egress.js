#!/usr/bin/env node
"use strict";
// Runs the compiled CLI (`run` in src/cli/main.ts); `npm run build` produces dist/.
require("../dist/src/cli/main").run(process.argv.slice(2));
