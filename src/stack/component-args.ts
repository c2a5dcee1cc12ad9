import { AccessMode, AgoraEnvironment, AgoraSelectionArgs, ProxyType } from "../components/selection-args";
import { InputError } from "../model";
import { StackSelection } from "./config";
import { stackField } from "./fields";

/**
 * A stack's selection as the components' `AgoraSelectionArgs`, for the root program.
 * The components take no custom rules, so a stack with `customRules` cannot be deployed
 * through them: refused, naming the key, rather than deployed without those rules.
 */
export function selectionArgs(stack: StackSelection): AgoraSelectionArgs {
  const s = stack.selection;
  if (s.customRules && s.customRules.length > 0) {
    throw new InputError(stackField(stack.file, "customRules"), "the cloud components take no custom rules yet; preview them with the CLI, or remove them to deploy");
  }
  return {
    sdks: (s.sdks ?? []).map((sdk) => (typeof sdk === "string" ? sdk : `${sdk.id}${sdk.version !== undefined ? `@${sdk.version}` : ""}`)),
    ...(s.access ? { access: s.access === "cloud-proxy" ? AccessMode.CloudProxy : AccessMode.Direct } : {}),
    ...(s.environment ? { environment: s.environment === "production" ? AgoraEnvironment.Production : AgoraEnvironment.Test } : {}),
    ...(s.proxyType !== undefined ? { proxyType: s.proxyType === 2 ? ProxyType.IpList : ProxyType.Domain } : {}),
    ...(s.productionProxy ? {
      productionEndpoints: s.productionProxy.endpoints.map((e) => ({
        protocol: e.protocol,
        addresses: [...e.addresses],
        ports: e.ports.map(String),
        ...(e.purpose !== undefined ? { purpose: e.purpose } : {}),
        ...(e.sdks ? { sdks: [...e.sdks] } : {}),
      })),
      ...(s.productionProxy.proxyServers ? { productionProxyServers: [...s.productionProxy.proxyServers] } : {}),
    } : {}),
    ...(s.recordingPorts ? {
      recordingLowUdpPort: s.recordingPorts.low,
      recordingHighUdpPort: s.recordingPorts.high,
      ...(s.recordingPorts.expectedChannels !== undefined ? { recordingExpectedChannels: s.recordingPorts.expectedChannels } : {}),
      ...(s.recordingPorts.sources ? { recordingSources: [...s.recordingPorts.sources] } : {}),
    } : {}),
    ...(s.directSdks ? { directSdks: [...s.directSdks] } : {}),
    ...(s.edition !== undefined ? { edition: s.edition } : {}),
  };
}
