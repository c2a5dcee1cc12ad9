// What bin/agora-egress.js runs, from the sources (the bin runs the compiled copy in dist/).
import { run } from "../../../src/cli/main";

void run(process.argv.slice(2));
