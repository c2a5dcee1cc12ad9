import { AccessMode, AgoraEnvironment, CloudProxyMode, PlainSelectionArgs, ProxyType } from "../args/selection-args";
import { InputError } from "../model";
import { SelectionInput } from "../resolve";
import { StackSelection } from "./config";
import { stackField } from "./fields";

/**
 * Refuses a selection the cloud components cannot deploy, naming the stack key (or the
 * selection field without a stack). The components take no custom rules, so a stack with
 * `customRules` is refused rather than deployed without those rules. The root program and
 * every CLI command that plans a cloud (`plan`, `summary`, `diff`) run this same check, so
 * what the CLI previews is what `pulumi up` deploys.
 */
export function checkDeployable(selection: SelectionInput, file?: string): void {
  if (selection.customRules && selection.customRules.length > 0) {
    throw new InputError(file ? stackField(file, "customRules") : "customRules",
      "the cloud components take no custom rules yet; `agora-egress rules` lists them, but to plan or deploy a cloud remove them");
  }
}

/**
 * A stack's selection as the components' `AgoraSelectionArgs`, for the root program
 * (refused when the components cannot deploy it, see `checkDeployable`).
 */
export function selectionArgs(stack: StackSelection): PlainSelectionArgs {
  const s = stack.selection;
  checkDeployable(s, stack.file);
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
    ...(s.proxyMode !== undefined ? { proxyMode: s.proxyMode === "force-tcp" ? CloudProxyMode.ForceTcp : CloudProxyMode.ForceUdp } : {}),
    ...(s.regions ? { regions: [...s.regions] } : {}),
    ...(s.domainLimit !== undefined ? { domainLimit: s.domainLimit } : {}),
  };
}
