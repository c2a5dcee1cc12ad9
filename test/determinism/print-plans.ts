/** Child-process entry: prints planText(seed) for the seed given as the first argument. */
import { planText } from "./selection";

process.stdout.write(planText(Number(process.argv[2])));
