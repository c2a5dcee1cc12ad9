import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { collectGarbage } from "../report/gc";
import { loadProviders } from "./providers";
import { LoadResult, LoadVariant } from "./variants";

/** Child process: loads one variant and reports how long the requires took, garbage collection included. argv: variant. */
function main(): void {
  const variant = process.argv[2] as LoadVariant;
  const t0 = performance.now();
  if (variant === LoadVariant.Package) {
    // The package loads each cloud's components on first use: touch every component class, so it
    // loads what the baseline loads (both clouds' provider submodules).
    const pkg = require(join(__dirname, "../../src/index.js")) as typeof import("../../src/index");
    for (const c of [pkg.AwsAgoraEgress, pkg.AwsSecurityGroups, pkg.AwsNetworkFirewall, pkg.AwsDnsFirewall,
      pkg.AzureAgoraEgress, pkg.AzureNsgRules, pkg.AzureFirewallPolicyRules, pkg.AzureDnsSecurityPolicy]) if (typeof c !== "function") throw new Error("not a class");
  }
  else loadProviders();
  if (variant === LoadVariant.ProvidersAndZod) require("zod");
  // Loading pays for collecting its own garbage (synthesis windows start after such a collection).
  collectGarbage();
  const t1 = performance.now();
  const result: LoadResult = { variant, requireMs: t1 - t0, maxRssKiB: process.resourceUsage().maxRSS, modules: Object.keys(require.cache).length };
  console.log(JSON.stringify(result));
}

main();
