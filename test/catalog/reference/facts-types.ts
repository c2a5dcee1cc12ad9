import { Citation } from "./facts-markdown";

/*
 * The plain typed data the reference oracle returns (see facts-parser.ts and README.md).
 * Every value carries `cite`: where in agora-facts.md (or the seed) it was read.
 */

export type { Citation } from "./facts-markdown";

/** The catalogue's SDK ids (an independent copy; src/catalog is not imported). */
export const SDK_IDS = ["rtc-native", "rtc-web", "rtm-native", "rtm-web", "recording", "gaming"] as const;
export type SdkId = (typeof SDK_IDS)[number];

export const REGION_IDS = ["north-america", "europe", "asia", "japan", "india", "mainland-china"] as const;
export type RegionId = (typeof REGION_IDS)[number];

export const EDITION_IDS = ["2020-11", "2026-02"] as const;
export type EditionId = (typeof EDITION_IDS)[number];

/** An explicit gap: the reference says the fact is not found / not published, or the page is silent. */
export interface NotPublished {
  readonly notPublished: true;
  readonly reason: string;
  readonly cite: readonly Citation[];
}

/** Published by Agora but not transcribed in agora-facts.md (only a count or an example is given). */
export interface NotTranscribed {
  readonly notTranscribed: true;
  readonly reason: string;
  readonly count?: number;
  readonly example?: readonly string[];
  readonly cite: readonly Citation[];
}

export interface Cited<T> {
  readonly value: T;
  readonly cite: readonly Citation[];
}

export function isNotPublished(x: unknown): x is NotPublished {
  return typeof x === "object" && x !== null && (x as NotPublished).notPublished === true;
}

/** A version range: from `min` (inclusive), below `below`. */
export interface VersionRange {
  readonly min?: string;
  readonly below?: string;
}

/** A version condition: any of the ranges; `text` as the source writes it ("2.9.0 or later", "≥2.9.0", "for 1.x"). */
export interface Versions {
  readonly anyOf: readonly VersionRange[];
  readonly text: string;
}

export interface PortItem {
  readonly from: number;
  readonly to: number;
  /** `local`: the client's own ports; `simplex`: recording's downstream ingress range (seed only). */
  readonly role?: "local" | "simplex";
  readonly versions?: Versions;
  /** A label that is not a version, e.g. "RTMP converter". */
  readonly note?: string;
  readonly cite: readonly Citation[];
}

export interface DomainItem {
  /** As the source writes it: `.agora.io` (leading dot: domain and subdomains), `qos.agoralab.co`. */
  readonly name: string;
  readonly versions?: Versions;
  readonly cite: readonly Citation[];
}

export type ChannelId = "all" | "message" | "stream";

export interface ChannelTable {
  /** `all` for single-table products; Signaling (RTM) 2.x has a `message` and a `stream` channel from 2024-08-14. */
  readonly channel: ChannelId;
  readonly domains: readonly DomainItem[];
  readonly tcp: readonly PortItem[];
  readonly udp: readonly PortItem[];
  /** Set when the page gives ports but no destination (Signaling Native stream channel: "none given"). */
  readonly noDomainsGiven?: readonly Citation[];
}

export interface DomainLimit {
  /** `*.rtnsvc.com`, `*.realtimemesh.com` as written in §10.4. */
  readonly domains: readonly DomainItem[];
  readonly announcedIn: Cited<string>;
  readonly optionSince: Cited<string>;
  readonly ports: NotPublished;
  readonly alsoIn: Cited<readonly string[]>;
}

export interface SdkPage {
  readonly sdk: SdkId;
  /** The product's heading / label on the page at that date. */
  readonly product: string;
  readonly whitelist: Cited<boolean> | NotPublished;
  readonly cloudProxy: Cited<boolean> | NotPublished;
  /** Empty when the page gives no whitelist for the product (see `withdrawn`). */
  readonly channels: readonly ChannelTable[];
  /** The section was removed from the page (2020-09-15/16) / the row says "none … n/a". */
  readonly withdrawn?: readonly Citation[];
  /** §10.4: Native `domainLimit` domains (edition 2026-02 only; not part of the firewall page). */
  readonly domainLimit?: DomainLimit;
}

export interface FirewallPage {
  /** The date asked for (YYYY-MM-DD or YYYY-MM-DD HH:MM). */
  readonly date: string;
  readonly sdks: Readonly<Record<SdkId, SdkPage>>;
  /** Page-level statements that are not table cells (e.g. "Do not set restrictions on IP addresses"). */
  readonly notes: readonly Cited<string>[];
  /** The 4a rows applied, in order (plus the seed row). */
  readonly applied: readonly Citation[];
}

export interface IpEntry {
  /** As written: `128.14.195.192/28`, `104.166.142.134`. */
  readonly text: string;
  /** Canonical CIDR (`/32` for a single address). */
  readonly cidr: string;
  readonly cite: readonly Citation[];
}

export interface PortSpec {
  readonly protocol: "tcp" | "udp";
  readonly from: number;
  readonly to: number;
  readonly cite: readonly Citation[];
}

/** Which media row of the 4e table a mode uses. */
export type MediaSet = "native" | "webRtc" | "webSignaling";
export type AllowedModeId = "force-udp" | "force-tcp" | "web-rtc" | "web-signaling";
export const ALLOWED_MODE_IDS: readonly AllowedModeId[] = ["force-udp", "force-tcp", "web-rtc", "web-signaling"];

export interface AllowedMode {
  readonly mode: AllowedModeId;
  readonly label: string;
  readonly mediaSet: MediaSet;
  readonly mediaPorts: readonly PortSpec[];
  readonly signalingPorts: readonly PortSpec[];
  /** Signaling / access-point addresses per region (for Native, each non-CN region gets the "all regions except CN" list). */
  readonly signaling: Readonly<Record<RegionId, readonly IpEntry[]>>;
  /** The grouping the table itself uses for Native: "all regions except CN" and "Mainland China". */
  readonly signalingScopes?: readonly { readonly scope: "all-except-mainland-china" | "mainland-china"; readonly ips: readonly IpEntry[] }[];
  /** Ports the mode needs beyond its media and signaling rows, with destinations the source does not state (§10.6). */
  readonly alsoRequired: readonly (PortSpec & { readonly destinations: NotPublished })[];
}

export interface BestPractices {
  readonly dnsPort: Cited<number>;
  readonly tcp443RequiredForAll: Cited<true>;
  /** "required for Proxy3 only (proxy4/5 only need TCP 443)": recorded, not applied (§8: meaning not found). */
  readonly udp443: Cited<string>;
  readonly segmentPrefix: Cited<number>;
  readonly cloudMachines: Cited<string>;
  readonly accessPoints: Cited<string>;
  readonly regions: Cited<readonly RegionId[]>;
  readonly restrictedZones: Cited<string>;
  readonly regionUnknown: Cited<"all">;
  readonly mediaByIpOnly: Cited<true>;
  readonly signalingByDomainAllowed: Cited<true>;
  readonly japanConsiderAsia: Cited<string>;
  readonly pingDomains: NotPublished;
}

export interface AllowedIpList {
  readonly published: readonly Citation[];
  /** Per region, per media set, in table order. */
  readonly media: Readonly<Record<RegionId, Readonly<Record<MediaSet, readonly IpEntry[]>>>>;
  /** The 4e row label each region's set comes from. */
  readonly mediaRowLabels: Readonly<Record<RegionId, Readonly<Record<MediaSet, string>>>>;
  readonly modes: Readonly<Record<AllowedModeId, AllowedMode>>;
  readonly bestPractices: BestPractices;
  /** §10.2: no version floor is published today; the history is kept. */
  readonly versionFloor: {
    readonly none: Cited<true>;
    readonly history: readonly Cited<{ readonly sdk: "native" | "web"; readonly min: string; readonly until: string }>[];
    readonly accessPointListIntroducedIn: Cited<string>;
  };
  /** §10.8: products that get privately supplied IPs instead of this list. */
  readonly privatelySupplied: Cited<readonly string[]>;
}

export interface NativeProxyMode {
  readonly mode: "automatic" | "force-udp" | "force-tcp";
  readonly cloudProxyType: Cited<{ readonly value: number; readonly name: string }>;
  readonly description: Cited<string>;
  readonly since?: Cited<string>;
  /** What 4.22 says about the allowlist (nothing for Automatic). */
  readonly allowlist?: Cited<"needed" | "usually needed">;
  readonly allowedListMode?: AllowedModeId;
  readonly limitations?: Cited<readonly string[]>;
  /** 4.22 says Automatic is free; §10.9: not in the cited text. */
  readonly free?: Cited<{ readonly claimed: boolean; readonly inCitedText: boolean }>;
}

export interface ProxyServerType {
  readonly proxyType: number;
  readonly meaning: string;
  readonly example?: string;
  readonly status: "documented" | "historical" | "server-sdk";
  readonly cite: readonly Citation[];
}

export interface NativeCloudProxy {
  readonly modes: readonly NativeProxyMode[];
  readonly setCloudProxySince: Cited<string>;
  readonly setCloudProxySinceFlutter: Cited<string>;
  readonly automaticDefaultSince: Cited<string>;
  readonly constants: readonly Cited<{ readonly platform: string; readonly names: readonly string[] }>[];
  readonly reportedProxyTypes: readonly Cited<{ readonly value: number; readonly meaning: string }>[];
  readonly setParameters: {
    readonly enable: Cited<string>;
    readonly disable: Cited<string>;
    readonly format: Cited<string>;
    readonly types: readonly ProxyServerType[];
    readonly unverifiedEnum: Cited<readonly { readonly name: string; readonly value: number }[]>;
    readonly undocumentedTypes: NotPublished & { readonly values: readonly number[] };
    readonly nonZeroPort: NotPublished;
  };
}

export interface WebCloudProxy {
  readonly modes: readonly Cited<{ readonly mode: number; readonly name: "force-udp" | "force-tcp"; readonly since?: string; readonly transport: string }>[];
  readonly defaultModeSince: Cited<{ readonly mode: number; readonly since: string }>;
  readonly automaticDefaultSince: Cited<string>;
  readonly automaticNoProxySince: Cited<string>;
  readonly newArchitectureSince: readonly Cited<{ readonly line: "3.x" | "4.x"; readonly since: string; readonly call: string }>[];
  readonly legacyTestIpVersions: readonly Cited<VersionRange>[];
  readonly isUsingCloudProxyEventSince: Cited<string>;
  readonly consoleEnablement: Cited<string>;
  readonly allowedListMode: Cited<AllowedModeId>;
  readonly signalingWeb: Cited<{ readonly config: string; readonly allowedListMode: AllowedModeId }>;
  readonly signalingOtherPlatforms: Cited<string>;
  readonly notAvailable: Cited<readonly string[]>;
  /** The firewall list on the cloud-proxy reference page (S13), older than the firewall page (§10.5): informative only. */
  readonly referencePageDomains: readonly DomainItem[];
}

export interface WhiteboardFacts {
  readonly domains: readonly DomainItem[];
  readonly port: Cited<{ readonly protocol: "tcp"; readonly port: 443 }>;
  readonly detailedNames: readonly DomainItem[];
  readonly incompletePatterns: readonly NotTranscribed[];
  readonly ownPage: Cited<string>;
}

export interface ChatFacts {
  readonly dataCentres: readonly Cited<{ readonly number: number; readonly name: string }>[];
  readonly clientNames: readonly DomainItem[];
  readonly restNames: readonly DomainItem[];
  readonly clientPort: readonly PortSpec[];
  readonly nameIps: NotTranscribed;
  readonly apNames: readonly DomainItem[];
  readonly apPorts: readonly PortSpec[];
  readonly apIps: NotTranscribed;
  readonly noticePeriod: Cited<string>;
  readonly virginiaRowConflict: Cited<string>;
}

export interface ReferenceEdition {
  readonly id: EditionId;
  readonly description: string;
  /** The Firewall Requirements page date this edition transcribes. */
  readonly pageDate: string;
  readonly sdks: Readonly<Record<SdkId, SdkPage>>;
  readonly notes: readonly Cited<string>[];
  readonly allowedIpList: AllowedIpList | NotPublished;
  readonly nativeCloudProxy?: NativeCloudProxy;
  readonly webCloudProxy?: WebCloudProxy;
  readonly whiteboard?: WhiteboardFacts;
  readonly chat?: ChatFacts;
  /** Pages reusing the shared firewall page (4.9 as corrected by §10.1). */
  readonly sharedPageReusedBy?: Cited<readonly string[]>;
}

export interface SourceEntry {
  readonly id: string;
  readonly source: string;
  readonly version: string;
}

export interface TimelineRowHandling {
  readonly row: string;
  readonly date: string;
  readonly handling: "before-seed" | "seed" | "applied" | "restatement-checked" | "not-applied";
  readonly reason?: string;
}

export interface ReferenceFacts {
  readonly file: string;
  readonly sources: Readonly<Record<string, SourceEntry>>;
  readonly editions: Readonly<Record<EditionId, ReferenceEdition>>;
  /** §8, one entry per bullet, ids 8.1 … in order. */
  readonly notFound: readonly { readonly id: string; readonly text: string }[];
  /** §9 C1 … */
  readonly conflicts: readonly { readonly id: string; readonly text: string; readonly sources: readonly string[] }[];
  /** §10 rows. */
  readonly corrections: readonly { readonly id: string; readonly text: string; readonly sources: readonly string[] }[];
  readonly timeline: readonly TimelineRowHandling[];
  /** The dates the page is known for: [seed, S1 end] and [first Docs-Source commit, §10 HEAD]. */
  readonly knownPeriods: readonly { readonly from: string; readonly to: string; readonly cite: readonly Citation[] }[];
  firewallPageAt(date: string): FirewallPage;
  /**
   * Checks that a citation points at something in agora-facts.md (a table row, a §8 bullet, or prose
   * of the section that contains its quote) or at the seed document; throws otherwise.
   */
  locate(c: Citation): "row" | "bullet" | "prose" | "seed";
}

