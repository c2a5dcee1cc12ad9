import { Protocol, Provenance } from "../model";

/** The SDK ids of the seed edition; later editions may add more. */
export const SDK_IDS = ["rtc-native", "rtc-web", "rtm-native", "rtm-web", "recording", "gaming"] as const;
export type SdkId = (typeof SDK_IDS)[number];

export interface SdkInfo {
  readonly id: SdkId;
  /** The heading the SDK has in Agora's Firewall Requirements page. */
  readonly name: string;
  /** Whether some of its rules depend on the SDK version (Web: UDP range changed at 2.9.0). */
  readonly versioned: boolean;
  /** A note shown whenever the SDK uses its direct whitelist (e.g. Agora withdrew it later). */
  readonly directNote?: string;
  /** A note shown when a versioned SDK is selected without a version: which version's rules apply. */
  readonly unversionedNote?: string;
}

/** Where a setting's values differ: per `proxy_type` (`"1"` domain, `"2"` IP list), or `"any"`. */
export type ProxyTypeKey = "1" | "2" | "any";

/**
 * An application-side setting as data: the SDK call or config object and its exact values. The
 * resolver fills the placeholders: `{domainJson}` the proxy domain as a JSON string,
 * `{serversJsonString}` the server list as a JSON string written as a JSON string (SEED-CP step 6:
 * `"[\"a\",\"b\"]"`), `{serversCsv}` the servers comma-separated, `{low}` and `{high}` a port range.
 */
export interface AppSettingTemplate {
  readonly api: string;
  readonly values: { readonly [K in ProxyTypeKey]?: readonly string[] };
  readonly notes?: { readonly [K in ProxyTypeKey]?: string };
  /** The table and row of the source that gives the setting; `{proxyType}` in the row is filled in. */
  readonly table: string;
  readonly row: string;
  readonly citation?: string;
}

/** A version condition on a row: applies from `min` (inclusive) and/or below `below`. */
export interface VersionRange {
  readonly min?: string;
  readonly below?: string;
}

/** One cell group of Agora's tables: these destinations × these ports for one protocol. */
export interface DirectRow {
  readonly sdk: SdkId;
  readonly protocol: Protocol;
  readonly ports: readonly string[];
  /** The workload's local ports, when the table names them (recording: 4000-4030). */
  readonly sourcePorts?: readonly string[];
  readonly destinations: readonly string[];
  readonly purpose: string;
  readonly versions?: VersionRange;
  readonly provenance: Provenance;
}

/** Recording's simplex downstream ports: an ingress UDP range the customer chooses. */
export interface RecordingSimplexPorts {
  /** The SDK that receives on these ports. */
  readonly sdk: SdkId;
  /** The setting that makes the SDK use exactly the range (`{low}`, `{high}`). */
  readonly settings: AppSettingTemplate;
  /** The seed's own words about these ports (Firewall Requirements, On-premise Recording). */
  readonly seedText: string;
  /** How the catalogue reads those words into a rule, and why it is an ingress rule. */
  readonly reading: string;
  /** Why an ingress from any address is broad: the widening reason every target shows. */
  readonly anySourceReason: string;
  readonly protocol: Protocol;
  readonly defaultLow: number;
  readonly defaultHigh: number;
  readonly portsPerChannel: number;
  readonly purpose: string;
  readonly provenance: Provenance;
}

/** One row of a cloud-proxy endpoint table (test, or the customer's production list). */
export interface EndpointRow {
  readonly protocol: Protocol;
  readonly addresses: readonly string[];
  readonly ports: readonly string[];
  readonly purpose: string;
  readonly provenance: Provenance;
}

export interface CloudProxyProfile {
  readonly sdk: SdkId;
  /** Oldest SDK version with cloud proxy. */
  readonly minVersion: string;
  readonly support: Provenance;
  /** The published test endpoints (Agora hands out production endpoints privately). */
  readonly testEndpoints: readonly EndpointRow[];
  /** The addresses the SDK is given for proxy_type 2 in the test environment. */
  readonly testProxyServers: readonly string[];
  /** The DNS name the SDK resolves for proxy_type 1, where a source names it. */
  readonly proxyDomain?: string;
  /** What the application sets to use the cloud proxy. */
  readonly settings: AppSettingTemplate;
}

export interface CatalogDocument {
  readonly id: string;
  readonly file: string;
  readonly title: string;
  readonly revision: string;
  readonly seed: boolean;
}

export interface Edition {
  readonly id: string;
  readonly description: string;
  readonly documents: readonly CatalogDocument[];
  readonly sdks: readonly SdkInfo[];
  readonly direct: readonly DirectRow[];
  readonly recordingSimplex: RecordingSimplexPorts;
  readonly cloudProxy: readonly CloudProxyProfile[];
}
