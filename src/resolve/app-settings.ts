import { Provenance } from "../model";
import { CloudProxyProfile, Edition } from "../catalog";

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

/** `{"rtc.proxy_server":[2,"[\"a\",\"b\"]",0]}`: the IP list is itself a JSON string (SEED-CP step 6). */
function nativeProxyServer(proxyType: 1 | 2, domain: string | undefined, servers: readonly string[]): string {
  const target = proxyType === 1 ? (domain ?? "") : JSON.stringify(servers);
  return JSON.stringify({ "rtc.proxy_server": [proxyType, target, 0] });
}

export function cloudProxySettings(profile: CloudProxyProfile, proxyType: 1 | 2, servers: readonly string[]): AppSetting {
  switch (profile.sdk) {
    case "rtc-native":
      return {
        sdk: profile.sdk,
        api: "setParameters",
        values: [JSON.stringify({ "rtc.enable_proxy": true }), nativeProxyServer(proxyType, profile.proxyDomain, servers)],
        note: "Call before joining a channel or after leaving it; {\"rtc.enable_proxy\":false} turns the proxy off.",
        provenance: { ...profile.support, table: "Implementation steps 5 and 6", row: `proxy_type ${proxyType}` },
      };
    case "recording":
      return {
        sdk: profile.sdk,
        api: "RecordingConfig",
        values: proxyType === 1
          ? ["enableCloudProxy = true"]
          : ["enableCloudProxy = true", "proxyType = 2", `proxyServer = "${servers.join(",")}:0"`],
        note: proxyType === 1
          ? "Agora configures the default cloud-proxy domain; use proxy_type 2 if it cannot be resolved."
          : "The IP-list form, for when the default cloud-proxy domain cannot be resolved.",
        provenance: { ...profile.support, table: "Enable the cloud proxy", row: "RecordingConfig", citation: "[EXT:S4] 3.4" },
      };
    default:
      return {
        sdk: profile.sdk,
        api: "AgoraRTC client",
        values: ["client.startProxyServer() before client.join()", "client.stopProxyServer() after client.leave()"],
        provenance: { ...profile.support, table: "Enable the cloud proxy", row: "startProxyServer", citation: "[EXT:S3] 2.2" },
      };
  }
}

export function recordingPortSettings(edition: Edition, low: number, high: number): AppSetting {
  return {
    sdk: "recording",
    api: "RecordingConfig",
    values: [`lowUdpPort = ${low}`, `highUdpPort = ${high}`],
    note: "Without these the recording processes pick random ports, which the ingress rule would not cover.",
    provenance: edition.recordingSimplex.provenance,
  };
}
