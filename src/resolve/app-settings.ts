import { Provenance } from "../model";
import { AppSettingTemplate, CloudProxyProfile, DomainLimitOption, Edition, ProxyMode, ProxyTypeKey } from "../catalog";

/** What the application team must configure in the SDK so it uses exactly the deployed rules. */
export interface AppSetting {
  readonly sdk: string;
  /** Where the setting goes: the SDK call or config object. */
  readonly api: string;
  /** The exact values, one per call or field, ready to paste. */
  readonly values: readonly string[];
  readonly note?: string;
  readonly provenance: Provenance;
}

/** What the placeholders of a template stand for (see `AppSettingTemplate`). */
interface Fill {
  readonly proxyType?: 1 | 2;
  readonly domain?: string;
  readonly servers?: readonly string[];
  readonly low?: number;
  readonly high?: number;
}

const pick = <T>(by: { readonly [K in ProxyTypeKey]?: T } | undefined, proxyType: 1 | 2 | undefined): T | undefined =>
  by?.[String(proxyType) as ProxyTypeKey] ?? by?.any;

function fill(text: string, f: Fill): string {
  const servers = f.servers ?? [];
  const values: Record<string, string> = {
    proxyType: String(f.proxyType ?? ""),
    domainJson: JSON.stringify(f.domain ?? ""),
    serversJsonString: JSON.stringify(JSON.stringify(servers)),
    serversCsv: servers.join(","),
    low: String(f.low ?? ""),
    high: String(f.high ?? ""),
  };
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/** Does the template for this proxy type need the proxy servers' addresses? */
export function needsProxyServers(template: AppSettingTemplate, proxyType: 1 | 2): boolean {
  return (pick(template.values, proxyType) ?? []).some((v) => /\{servers\w*\}/.test(v));
}

function setting(sdk: string, template: AppSettingTemplate, base: Provenance, f: Fill): AppSetting {
  const note = pick(template.notes, f.proxyType);
  return {
    sdk,
    api: template.api,
    values: (pick(template.values, f.proxyType) ?? []).map((v) => fill(v, f)),
    ...(note ? { note } : {}),
    provenance: {
      ...base, table: template.table, row: fill(template.row, f),
      ...(template.citation ? { citation: template.citation } : {}),
    },
  };
}

/** The cloud-proxy setting of a profile, for a proxy type and the servers the SDK is given. */
export function cloudProxySettings(profile: CloudProxyProfile, proxyType: 1 | 2, servers: readonly string[]): AppSetting {
  return setting(profile.sdk, profile.settings, profile.support, { proxyType, servers, ...(profile.proxyDomain ? { domain: profile.proxyDomain } : {}) });
}

/** The setting that keeps the ingress SDK on exactly the range the rules open. */
export function recordingPortSettings(edition: Edition, low: number, high: number): AppSetting {
  const spec = edition.recordingSimplex;
  return setting(spec.sdk, spec.settings, spec.provenance, { low, high });
}

/** The cloud-proxy setting of a profile for a proxy mode (editions with an allowed IP list). */
export function proxyModeSettings(profile: CloudProxyProfile, mode: ProxyMode): AppSetting {
  return setting(profile.sdk, profile.modeSettings?.[mode] ?? profile.settings, profile.support, {});
}

/** The Native SDK's domainLimit setting. */
export function domainLimitSettings(limit: DomainLimitOption): AppSetting {
  return setting(limit.sdk, limit.settings, limit.provenance, {});
}
