import { readFileSync, writeFileSync } from "node:fs";
import { resolve as resolvePath } from "node:path";
import { churnOf, transitions } from "./churn";
import { economyOf } from "./economy";
import { churnReport } from "./report/churn-report";
import { economyReport } from "./report/economy-report";
import { plain } from "./report/markdown";
import { economyAndChurnMarkdown } from "./report/results";
import { SCENARIOS } from "./scenarios";

/**
 * Re-runs only sections 1 (rule economy) and 2 (churn) and rewrites them in bench/RESULTS.md,
 * leaving the timed sections as the last full run wrote them. Both sections are counts, not
 * timings: the same code gives the same tables on any machine.
 *   tsc -p bench/tsconfig.json && node build/bench/bench/sections.js
 */
const ROOT = resolvePath(__dirname, "../../..");
const file = resolvePath(ROOT, "bench", "RESULTS.md");

const economy = economyReport(SCENARIOS.map(economyOf));
const churn = churnReport(transitions().map(churnOf));
for (const t of [...economy.tables, ...churn.tables]) console.log(`\n${plain(t)}`);
const text = readFileSync(file, "utf8");
const start = text.indexOf("## 1. Rule economy\n");
const end = text.indexOf("## 3. Synthesis cost\n");
if (start < 0 || end < start) throw new Error("bench/RESULTS.md has no sections 1-3 to replace");
writeFileSync(file, text.slice(0, start) + economyAndChurnMarkdown(economy.markdown, churn.markdown) + "\n" + text.slice(end));
console.log(`\nrewrote sections 1 and 2 of ${file}`);
