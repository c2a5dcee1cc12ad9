import { performance } from "node:perf_hooks";
import { collectGarbage } from "../report/gc";
import { AZURE_LOCATION, AZURE_RESOURCE_GROUP, Cloud, LANDING_ZONE_EDITION, LANDING_ZONE_SDKS, vpcId } from "./landing-zone";

/**
 * Child process: what one component computes before creating resources (resolve its args, render
 * its plan), timed call by call in a fresh process, where V8 has not compiled the code yet.
 * argv: cloud calls. Prints the duration of each call, ms.
 */
function main(): void {
  const [cloud, calls] = [process.argv[2] as Cloud, Number(process.argv[3])];
  const pkg = require("../../src/index") as typeof import("../../src/index");
  collectGarbage();
  const times: number[] = [];
  for (let i = 0; i < calls; i++) {
    const t0 = performance.now();
    const resolution = pkg.resolveArgs({ edition: LANDING_ZONE_EDITION, sdks: LANDING_ZONE_SDKS });
    if (cloud === Cloud.Aws) pkg.renderSecurityGroupRules(resolution, { vpcId: vpcId(i) });
    else pkg.renderAzurePlan(resolution, { resourceGroupName: AZURE_RESOURCE_GROUP, location: AZURE_LOCATION, nsg: {} });
    times.push(performance.now() - t0);
  }
  console.log(JSON.stringify(times));
}

main();
