/**
 * The landing zone both children build: `size` VPCs (AWS) or VNets (Azure), each with the
 * same Agora selection (every SDK, direct access) and its own network id. Plain data only,
 * so the direct child can import it without loading the package.
 */
export enum Cloud {
  Aws = "aws",
  Azure = "azure",
}

export enum Construction {
  /** One agora-egress component per network (AwsSecurityGroups / AzureNsgRules). */
  Component = "component",
  /** What-if: every component computes its own plan, as without the package's plan cache (bench/synthesis/what-ifs.ts). */
  ComponentUncached = "component-uncached",
  /** What-if: the landing zone's plan computed before the timing starts, isolating the cold first plan (bench/synthesis/what-ifs.ts). */
  ComponentWarm = "component-warm",
  /** The same provider resources, constructed by hand from the precomputed specs. */
  Direct = "direct",
  /** As Direct, each network's resources under a bare ComponentResource: what any component costs in Pulumi itself. */
  DirectGrouped = "direct-grouped",
}

export const LANDING_ZONE_SDKS = ["rtc-native", "rtc-web", "rtm-native", "rtm-web", "recording", "gaming"];
/** The edition those six SDKs are direct in: the seed (2020-05), pinned so the timings keep their meaning. */
export const LANDING_ZONE_EDITION = "2020-05";

export const networkName = (i: number) => `net${String(i).padStart(4, "0")}`;
export const vpcId = (i: number) => `vpc-${(0x10000000 + i).toString(16)}`;
export const AZURE_RESOURCE_GROUP = "rg-landing-zone";
export const AZURE_LOCATION = "westeurope";

/** A plan as the direct child reads it: the specs of one network, with `${vpc.id}` left as a reference. */
export interface SpecTemplate {
  readonly resources: readonly { type: string; name: string; inputs: Record<string, unknown>; dependsOn?: readonly string[] }[];
}

/** What a child prints on its last line. */
export interface ChildResult {
  readonly cloud: Cloud;
  readonly construction: Construction;
  readonly size: number;
  /** Registrations the mocks saw (components included). */
  readonly registrations: number;
  /** Construct everything and drain the registrations: wall-clock ms. */
  readonly synthesisMs: number;
  /** The same span in CPU time (user + system, all threads), ms: less sensitive to other processes on a shared machine. */
  readonly synthesisCpuMs: number;
  /** Peak resident set size of the child, KiB. */
  readonly maxRssKiB: number;
}
