import { AZURE_LOCATION, AZURE_RESOURCE_GROUP, ChildResult, Cloud, Construction, LANDING_ZONE_EDITION, LANDING_ZONE_SDKS, networkName, vpcId } from "./landing-zone";
import { warmPlanCache, withoutPlanCache } from "./what-ifs";
import { installMocks, timeSynthesis } from "./mocks";

/** Child process: builds the landing zone from agora-egress components, one per network. argv: cloud size [component | component-uncached | component-warm]. */
async function main(): Promise<void> {
  const [cloud, size] = [process.argv[2] as Cloud, Number(process.argv[3])];
  const construction = (process.argv[4] as Construction | undefined) ?? Construction.Component;
  const mocks = await installMocks();
  // The package as users load it: its entry module (compiled alongside the bench, as in dist/).
  const pkg = require("../../src/index") as typeof import("../../src/index");
  // The package loads a cloud's components on first use: touch the one class this child uses
  // before the timed window, as the direct child loads its provider modules before it.
  const AwsSecurityGroups = cloud === Cloud.Aws ? pkg.AwsSecurityGroups : undefined;
  const AzureNsgRules = cloud === Cloud.Azure ? pkg.AzureNsgRules : undefined;
  if (construction === Construction.ComponentUncached) withoutPlanCache();
  const checkWarm = construction === Construction.ComponentWarm ? warmPlanCache(cloud) : undefined;
  const timed = await timeSynthesis(() => {
    for (let i = 0; i < size; i++) {
      if (cloud === Cloud.Aws) {
        new AwsSecurityGroups!(networkName(i), { edition: LANDING_ZONE_EDITION, sdks: LANDING_ZONE_SDKS, vpcId: vpcId(i) });
      } else {
        new AzureNsgRules!(networkName(i), { edition: LANDING_ZONE_EDITION, sdks: LANDING_ZONE_SDKS, resourceGroupName: AZURE_RESOURCE_GROUP, location: AZURE_LOCATION });
      }
    }
  });
  checkWarm?.();
  const result: ChildResult = { cloud, construction, size, registrations: mocks.registered(), ...timed, maxRssKiB: process.resourceUsage().maxRSS };
  console.log(JSON.stringify(result));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
