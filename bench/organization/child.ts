import { installMocks, timeSynthesis } from "../synthesis/mocks";
import { AZURE_LOCATION, AZURE_RESOURCE_GROUP, LANDING_ZONE_EDITION, LANDING_ZONE_SDKS, networkName, vpcId } from "../synthesis/landing-zone";

/**
 * Child process: one landing zone of `networks` VPCs (AWS) or VNets (Azure) spread over
 * `accounts` accounts or subscriptions, built either per network (one AwsAgoraEgress with all
 * three targets per VPC; one AzureNsgRules per VNet) or once for the organisation
 * (AwsAgoraEgressOrganization scoped to the accounts; AzureAgoraEgressNetworkManager with a
 * network group per subscription). argv: cloud network|organization networks accounts.
 */

export interface OrganizationChildResult {
  readonly cloud: "aws" | "azure";
  readonly mode: "network" | "organization";
  readonly networks: number;
  readonly accounts: number;
  /** Custom resources the mocks saw (components left out). */
  readonly resources: number;
  readonly synthesisMs: number;
  readonly synthesisCpuMs: number;
  readonly maxRssKiB: number;
}

const account = (i: number) => String(100000000000 + i);
const subscription = (i: number) => `00000000-0000-0000-0000-${String(i).padStart(12, "0")}`;
const NETWORK_MANAGER = `/subscriptions/${subscription(0)}/resourceGroups/${AZURE_RESOURCE_GROUP}/providers/Microsoft.Network/networkManagers/nm-central`;

async function main(): Promise<void> {
  const [cloud, mode, networks, accounts] = [process.argv[2] as "aws" | "azure", process.argv[3] as "network" | "organization", Number(process.argv[4]), Number(process.argv[5])];
  let custom = 0;
  await installMocks((isCustom) => { if (isCustom) custom++; });
  const pkg = require("../../src/index") as typeof import("../../src/index");
  // The package loads a cloud's components on first use: load them before the timed window, as the other children do.
  const { perNetwork, organization } = cloud === "aws"
    ? { perNetwork: pkg.AwsAgoraEgress, organization: pkg.AwsAgoraEgressOrganization }
    : { perNetwork: pkg.AzureNsgRules, organization: pkg.AzureAgoraEgressNetworkManager };
  const timed = await timeSynthesis(() => {
    if (mode === "network") {
      for (let i = 0; i < networks; i++) {
        if (cloud === "aws") {
          new (perNetwork as typeof pkg.AwsAgoraEgress)(networkName(i), {
            edition: LANDING_ZONE_EDITION, sdks: LANDING_ZONE_SDKS, securityGroups: { vpcId: vpcId(i) }, networkFirewall: {}, dnsFirewall: { vpcIds: [vpcId(i)] },
          });
        } else {
          new (perNetwork as typeof pkg.AzureNsgRules)(networkName(i), { edition: LANDING_ZONE_EDITION, sdks: LANDING_ZONE_SDKS, resourceGroupName: AZURE_RESOURCE_GROUP, location: AZURE_LOCATION });
        }
      }
    } else if (cloud === "aws") {
      new (organization as typeof pkg.AwsAgoraEgressOrganization)("organization", {
        edition: LANDING_ZONE_EDITION, sdks: LANDING_ZONE_SDKS,
        scope: { includeAccounts: Array.from({ length: accounts }, (_, i) => account(i)) },
        securityGroups: { vpcId: vpcId(0) }, networkFirewall: {}, dnsFirewall: {},
      });
    } else {
      new (organization as typeof pkg.AzureAgoraEgressNetworkManager)("organization", {
        edition: LANDING_ZONE_EDITION, sdks: LANDING_ZONE_SDKS,
        networkManagerId: NETWORK_MANAGER,
        networkGroups: Object.fromEntries(Array.from({ length: accounts }, (_, i) => [`sub${i}`, `${NETWORK_MANAGER}/networkGroups/sub${i}`])),
        denyOtherInternet: true,
        commitLocations: [AZURE_LOCATION], replaceDeployedConfiguration: true,
        firewallPolicy: { location: AZURE_LOCATION },
      });
    }
  });
  const result: OrganizationChildResult = {
    cloud, mode, networks, accounts, resources: custom, ...timed, maxRssKiB: process.resourceUsage().maxRSS,
  };
  console.log(JSON.stringify(result));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
