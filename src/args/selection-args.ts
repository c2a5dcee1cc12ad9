import type * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { getEdition } from "../catalog";
import { Resolution, SelectionInput, parseInput, resolve } from "../resolve";

/** String enums, not unions: Pulumi's component analyzer (multi-language packages) rejects unions. */
export enum AccessMode {
  Direct = "direct",
  CloudProxy = "cloud-proxy",
}

export enum AgoraEnvironment {
  Test = "test",
  Production = "production",
}

export enum ProxyType {
  /** proxy_type 1: the SDK resolves Agora's cloud-proxy domain (Agora's recommendation). */
  Domain = "domain",
  /** proxy_type 2: the SDK is given the proxy servers' IP addresses. */
  IpList = "ip-list",
}

/** The cloud-proxy mode (edition 2026-02): which published allowed IP list the SDK uses. */
export enum CloudProxyMode {
  /** Native setCloudProxy(UDP_PROXY), Web startProxyServer(3). */
  ForceUdp = "force-udp",
  /** Native setCloudProxy(TCP_PROXY), Web startProxyServer(5): TLS 443. */
  ForceTcp = "force-tcp",
}

/** One row of the production endpoint list Agora hands to the customer. */
export interface ProxyEndpointArgs {
  /** `tcp` or `udp`. */
  protocol: string;
  /** IPv4 addresses or CIDRs. */
  addresses: string[];
  /** Ports or ranges, e.g. `4000` or `4500-4650`. */
  ports: string[];
  /** What the endpoint is for, e.g. `Media data exchange`. */
  purpose?: string;
  /** Only these SDKs use the row (default: every proxied SDK). */
  sdks?: string[];
}

/** The Agora side of every component: which SDKs, how they reach Agora, and which environment. */
export interface AgoraSelectionArgs {
  /** SDK ids, optionally with a version: `rtc-native`, `rtc-web@2.8.0`, `rtm-native`, `rtm-web`, `recording`, `gaming`. */
  sdks: string[];
  /** `direct` (Agora's firewall whitelist) or `cloud-proxy` (fixed proxy endpoints). Default `direct`. */
  access?: AccessMode;
  /** `test` (published test endpoints) or `production` (needs `productionEndpoints`). Default `test`. */
  environment?: AgoraEnvironment;
  /** How the Native SDK finds the cloud proxy. Default `domain`. */
  proxyType?: ProxyType;
  /**
   * The production cloud-proxy endpoints Agora gave you; required for `production`. May be an
   * Output, e.g. `config.requireSecretObject(...)`: the plan is then made once its value is
   * known, and every child input that carries it stays secret (see the README).
   */
  productionEndpoints?: pulumi.Input<pulumi.Input<ProxyEndpointArgs>[]>;
  /** Proxy server addresses for proxy type `ip-list` in production. May be an Output, like `productionEndpoints`. */
  productionProxyServers?: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * With `cloud-proxy`: SDKs that reach Agora directly (their firewall whitelist) instead. An SDK
   * without a cloud proxy must be named here; nothing falls back to direct access on its own.
   */
  directSdks?: string[];
  /**
   * Addresses recording's simplex downstream media comes from (direct access). Default: any
   * address, reported as a widening. Through the cloud proxy the sources are the proxy endpoints.
   */
  recordingSources?: string[];
  /** Recording's simplex downstream range start (lowUdpPort). Default: the edition's (40000 in 2020-05). */
  recordingLowUdpPort?: number;
  /** Recording's simplex downstream range end (highUdpPort). Default: the edition's (41000 in 2020-05). */
  recordingHighUdpPort?: number;
  /** Channels recorded at once; the range must hold 4 ports per channel. */
  recordingExpectedChannels?: number;
  /**
   * Catalogue edition. Default: the newest (`2026-02`). Pin it in a program whose output must not
   * change when the package adds an edition.
   */
  edition?: string;
  /** Cloud-proxy mode where the edition has modes (2026-02): `force-udp` or `force-tcp`; required for `rtc-native` there. */
  proxyMode?: CloudProxyMode;
  /**
   * Cloud-proxy regions (2026-02): `north-america`, `europe`, `asia`, `japan`, `india`, `mainland-china`.
   * Default: every region, as Agora advises when the region is not known.
   */
  regions?: string[];
  /** `rtc-native` with direct access through the domainLimit domain allowlist (2026-02, Native SDK 4.2.0+). */
  domainLimit?: boolean;
}

/** Selection args whose values are known: the production endpoints as plain data. */
export interface PlainSelectionArgs extends Omit<AgoraSelectionArgs, "productionEndpoints" | "productionProxyServers"> {
  productionEndpoints?: ProxyEndpointArgs[];
  productionProxyServers?: string[];
}

/** The selection args that may arrive as Outputs (secrets): planning waits for their values. */
export const DEFERRABLE_SELECTION_ARGS = ["productionEndpoints", "productionProxyServers"] as const;

const SelectionArgs = z.object({
  sdks: z.array(z.string()),
  access: z.enum(AccessMode).optional(),
  environment: z.enum(AgoraEnvironment).optional(),
  proxyType: z.enum(ProxyType).optional(),
  productionEndpoints: z.array(z.object({
    protocol: z.string(), addresses: z.array(z.string()), ports: z.array(z.string()),
    purpose: z.string().optional(), sdks: z.array(z.string()).optional(),
  }).strict()).optional(),
  productionProxyServers: z.array(z.string()).optional(),
  directSdks: z.array(z.string()).optional(),
  recordingSources: z.array(z.string()).optional(),
  recordingLowUdpPort: z.number().int().optional(),
  recordingHighUdpPort: z.number().int().optional(),
  recordingExpectedChannels: z.number().int().optional(),
  edition: z.string().optional(),
  proxyMode: z.enum(CloudProxyMode).optional(),
  regions: z.array(z.string()).optional(),
  domainLimit: z.boolean().optional(),
}).strict();

/** The names of the selection args, for the components' checks of their args' keys. */
export const SELECTION_ARG_KEYS: readonly string[] = Object.keys(SelectionArgs.shape);

/** Component args → the resolver's selection (validated; errors name the arg). */
export function selectionFromArgs(args: PlainSelectionArgs): SelectionInput {
  const a = parseInput(SelectionArgs, {
    sdks: args.sdks, access: args.access, environment: args.environment, proxyType: args.proxyType,
    productionEndpoints: args.productionEndpoints, productionProxyServers: args.productionProxyServers,
    directSdks: args.directSdks, recordingSources: args.recordingSources,
    recordingLowUdpPort: args.recordingLowUdpPort, recordingHighUdpPort: args.recordingHighUdpPort,
    recordingExpectedChannels: args.recordingExpectedChannels, edition: args.edition,
    proxyMode: args.proxyMode, regions: args.regions, domainLimit: args.domainLimit,
  }, "args");
  const hasRecordingPorts = a.recordingLowUdpPort !== undefined || a.recordingHighUdpPort !== undefined
    || a.recordingExpectedChannels !== undefined || a.recordingSources !== undefined;
  return {
    sdks: a.sdks,
    ...(a.access ? { access: a.access } : {}),
    ...(a.environment ? { environment: a.environment } : {}),
    ...(a.proxyType ? { proxyType: a.proxyType === ProxyType.IpList ? 2 : 1 } : {}),
    ...(a.productionEndpoints ? {
      productionProxy: {
        endpoints: a.productionEndpoints.map((e) => ({ ...e, protocol: e.protocol as "tcp" | "udp" })),
        ...(a.productionProxyServers ? { proxyServers: a.productionProxyServers } : {}),
      },
    } : {}),
    ...(hasRecordingPorts ? {
      recordingPorts: {
        // A bound left out is the edition's default, from the catalogue.
        low: a.recordingLowUdpPort ?? getEdition(a.edition, "args.edition").recordingSimplex.defaultLow,
        high: a.recordingHighUdpPort ?? getEdition(a.edition, "args.edition").recordingSimplex.defaultHigh,
        ...(a.recordingExpectedChannels !== undefined ? { expectedChannels: a.recordingExpectedChannels } : {}),
        ...(a.recordingSources !== undefined ? { sources: a.recordingSources } : {}),
      },
    } : {}),
    ...(a.directSdks ? { directSdks: a.directSdks } : {}),
    ...(a.edition ? { edition: a.edition } : {}),
    ...(a.proxyMode ? { proxyMode: a.proxyMode } : {}),
    ...(a.regions ? { regions: a.regions } : {}),
    ...(a.domainLimit !== undefined ? { domainLimit: a.domainLimit } : {}),
  };
}

/** Validates the selection part of component args and resolves it. Throws InputError naming the field. */
export function resolveArgs(args: PlainSelectionArgs): Resolution {
  return resolve(selectionFromArgs(args));
}
