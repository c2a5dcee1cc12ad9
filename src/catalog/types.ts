import { Protocol, Provenance } from "../model";

/** The SDK ids of the seed edition; later editions may add more (`ALL_SDK_IDS`). */
export const SDK_IDS = ["rtc-native", "rtc-web", "rtm-native", "rtm-web", "recording", "gaming"] as const;
/** The SDK ids of every edition: the seed's six, then Interactive Whiteboard and Chat from 2026-02. */
export const ALL_SDK_IDS = [...SDK_IDS, "whiteboard", "chat"] as const;
export type SdkId = (typeof ALL_SDK_IDS)[number];

/**
 * Agora's cloud-proxy regions ("restricted media zones", agora-facts.md 4.14/4.15). A selection
 * without regions gets all of them, as Agora advises when the region is not known.
 */
export const REGION_IDS = ["north-america", "europe", "asia", "japan", "india", "mainland-china"] as const;
export type RegionId = (typeof REGION_IDS)[number];

/** Cloud-proxy modes with a published allowed IP list: Force UDP and Force TCP (agora-facts.md 4.22, 5.12, 2.6). */
export const PROXY_MODES = ["force-udp", "force-tcp"] as const;
export type ProxyMode = (typeof PROXY_MODES)[number];

/** Signaling (RTM) 2.x has a message and a stream channel (agora-facts.md 4a 2024-08-14). */
export type Channel = "message" | "stream";

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
  /** Where the edition's page states the SDK's support (whitelist / cloud proxy), when it has a support matrix. */
  readonly matrix?: readonly Provenance[];
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
  /** Further citations of the same cells (the page's table row and the timeline row that changed it). */
  readonly alsoCited?: readonly Provenance[];
  /** The destinations as the source writes them, where the model's notation differs (`*.netless.link`). */
  readonly written?: readonly string[];
  /** Signaling 2.x: the channel the row belongs to. */
  readonly channel?: Channel;
  /**
   * The edition publishes ports but no destination for this row (Signaling Native stream
   * channel: "none given"): `destinations` is empty and the row is rendered as any address on
   * exactly these ports, marked broad with this reason, so every target reports it.
   */
  readonly unpublishedDestinations?: string;
  /**
   * The row is this project's reading of text that is not exact in the model (a `*.name`
   * wildcard read as `.name`, ports the source does not give): the reason every target reports.
   */
  readonly reading?: string;
}

/**
 * A route (access mode) an edition does not offer for an SDK: withdrawn by Agora or never
 * published. Selecting it is refused with `instead`.
 */
export interface WithdrawnRoute {
  readonly sdk: SdkId;
  readonly access: "direct" | "cloud-proxy";
  /** What the edition's sources say, e.g. "Agora withdrew the domain whitelist on 2020-09-15/16". */
  readonly what: string;
  /** What Agora offers instead, as the refusal says it. */
  readonly instead: string;
  readonly provenance: Provenance;
}

/** One address of the published allowed IP list, as written (a single address or a /28), with its row. */
export interface AllowedAddress {
  readonly address: string;
  readonly provenance: Provenance;
}

/** Which media row of the allowed IP list a list uses (agora-facts.md 4e). */
export type MediaSet = "native" | "webRtc" | "webSignaling";
export const MEDIA_SETS: readonly MediaSet[] = ["native", "webRtc", "webSignaling"];
/** The lists of the allowed IP list: Native Force UDP, Native Force TCP, Web RTC, Web Signaling. */
export type AllowedListId = "force-udp" | "force-tcp" | "web-rtc" | "web-signaling";
export const ALLOWED_LIST_IDS: readonly AllowedListId[] = ["force-udp", "force-tcp", "web-rtc", "web-signaling"];

export interface AllowedPorts {
  readonly protocol: Protocol;
  readonly ports: readonly string[];
  readonly provenance: Provenance;
}

/** One list of the allowed IP list (a Native mode, Web RTC or Web Signaling). */
export interface AllowedList {
  readonly id: AllowedListId;
  readonly label: string;
  readonly mediaSet: MediaSet;
  readonly mediaPorts: readonly AllowedPorts[];
  readonly signalingPorts: readonly AllowedPorts[];
  /** Signaling / access-point addresses per region. */
  readonly signaling: Readonly<Record<RegionId, readonly AllowedAddress[]>>;
  /**
   * Ports the list needs beyond its media and signaling rows whose destinations the source does
   * not state (4.17 / 10.6: TCP 443 for Force UDP), with this project's reading of the destinations.
   */
  readonly alsoRequired: readonly (AllowedPorts & { readonly reading: string })[];
}

/** The published cloud-proxy allowed IP list (agora-facts.md 4e; S11 2025-06-24). */
export interface AllowedIpList {
  readonly media: Readonly<Record<RegionId, Readonly<Record<MediaSet, readonly AllowedAddress[]>>>>;
  readonly lists: Readonly<Record<AllowedListId, AllowedList>>;
  /** Notes the resolver shows with every selection that uses the list (DNS 53, regions, versions). */
  readonly notes: readonly string[];
  readonly provenance: Provenance;
}

/**
 * Native's `domainLimit` option (agora-facts.md 10.4): with it the SDK reaches Agora only through
 * these domains, so a domain allowlist works. Ports are not given: the rows say so in `reading`.
 */
export interface DomainLimitOption {
  readonly sdk: SdkId;
  readonly rows: readonly DirectRow[];
  readonly since: string;
  readonly settings: AppSettingTemplate;
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
  /**
   * Editions with a published allowed IP list: the list each proxy mode uses. The SDK then has no
   * separate test endpoints; test and production both use the list unless the customer gives its own.
   */
  readonly allowedLists?: Readonly<Record<ProxyMode, AllowedListId>>;
  /** Per proxy mode, what the application sets (replaces `settings` when a list is used). */
  readonly modeSettings?: Readonly<Record<ProxyMode, AppSettingTemplate>>;
  /**
   * Per proxy mode, the SDK versions that have it (any of the ranges), where a source states a
   * floor (Native UDP_PROXY 3.3.0, TCP_PROXY 3.6.2; Web mode 3 / 5). No version given = latest.
   */
  readonly modeVersions?: Readonly<Record<ProxyMode, readonly VersionRange[]>>;
  /** The default proxy mode when the selection names none. */
  readonly defaultMode?: ProxyMode;
  /**
   * Agora supplies this SDK's endpoints privately and publishes none (10.8: On-Premise
   * Recording): the customer's endpoints (`productionProxy`) are required; the text says why.
   */
  readonly privateEndpoints?: string;
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
  /** The date of the newest source the edition transcribes (the Firewall Requirements page it follows). */
  readonly date?: string;
  /** Routes the edition does not offer (refused with what Agora offers instead). */
  readonly withdrawn?: readonly WithdrawnRoute[];
  /** The published cloud-proxy allowed IP list, where the edition has one. */
  readonly allowedIpList?: AllowedIpList;
  /** Native's domain allowlist option, where the edition has it. */
  readonly domainLimit?: DomainLimitOption;
  /** Readings of ambiguous source text this edition made (shown by `catalog` and docs/catalog.md). */
  readonly readings?: readonly string[];
}
