import { performance } from "node:perf_hooks";
import { AZURE_LOCATION, AZURE_RESOURCE_GROUP, ChildResult, Cloud, Construction, LANDING_ZONE_SDKS, networkName, vpcId } from "./landing-zone";
import { warmPlanCache, withoutPlanCache } from "./what-ifs";
import { settleGarbage } from "../report/gc";
import { drain, inStack, installMocks } from "./mocks";

/** Child process: builds the landing zone from agora-egress components, one per network. argv: cloud size [component | component-uncached | component-warm]. */
async function main(): Promise<void> {
  const [cloud, size] = [process.argv[2] as Cloud, Number(process.argv[3])];
  const construction = (process.argv[4] as Construction | undefined) ?? Construction.Component;
  const mocks = await installMocks();
  const t0 = performance.now();
  // The package as users load it: its entry module (compiled alongside the bench, as in dist/).
  const pkg = require("../../src/index") as typeof import("../../src/index");
  if (construction === Construction.ComponentUncached) withoutPlanCache();
  const checkWarm = construction === Construction.ComponentWarm ? warmPlanCache(cloud) : undefined;
  await settleGarbage();
  const t1 = performance.now();
  const cpu0 = process.cpuUsage();
  await inStack(() => {
    for (let i = 0; i < size; i++) {
      if (cloud === Cloud.Aws) {
        new pkg.AwsSecurityGroups(networkName(i), { sdks: LANDING_ZONE_SDKS, vpcId: vpcId(i) });
      } else {
        new pkg.AzureNsgRules(networkName(i), { sdks: LANDING_ZONE_SDKS, resourceGroupName: AZURE_RESOURCE_GROUP, location: AZURE_LOCATION });
      }
    }
  });
  await drain();
  const t2 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  checkWarm?.();
  const result: ChildResult = {
    cloud, construction, size, registrations: mocks.registered(),
    synthesisMs: t2 - t1, synthesisCpuMs: (cpu.user + cpu.system) / 1000, loadMs: t1 - t0, maxRssKiB: process.resourceUsage().maxRSS,
  };
  console.log(JSON.stringify(result));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
