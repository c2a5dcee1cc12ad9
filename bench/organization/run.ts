import { join, resolve as resolvePath } from "node:path";
import { describeMachine } from "../report/machine";
import { ORGANIZATION_STEPS, measureOrganization, organizationMarkdown, writeOrganizationSection } from "./index";

/** `npm run bench:organization`: only the organisation-scope section, written into bench/RESULTS.md in place of the previous one. */
function main(): void {
  const ROOT = resolvePath(__dirname, "../../../..");
  const machine = describeMachine(ROOT);
  console.log(`Organisation scope vs per-network components; ${machine.cpus} CPUs, load average ${machine.loadAverage.map((l) => l.toFixed(2)).join(" ")}`);
  const results = measureOrganization(ORGANIZATION_STEPS, (line) => console.log(line));
  const after = describeMachine(ROOT);
  const when = `${new Date().toISOString().slice(0, 10)}, ${machine.cpus} CPUs, load average ${machine.loadAverage[0].toFixed(1)} before and ${after.loadAverage[0].toFixed(1)} after`;
  const file = join(ROOT, "bench", "RESULTS.md");
  writeOrganizationSection(file, organizationMarkdown(results, when));
  console.log(`Wrote the organisation section of ${file}.`);
}

main();
