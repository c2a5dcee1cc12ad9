import { FieldNames } from "../model";
import { Selection } from "../resolve/selection";

/*
 * How the inner layers' field names map to what users write. Pure data and functions (no
 * Pulumi), shared by the components (`args.…`), the stack config (`agora-egress:aws.…`) and
 * the CLI, so one table says where each resolver field and each renderer option lives.
 */

/** Resolver selection fields whose component arg has another name (longest prefix first); the rest keep theirs. */
const SELECTION_ARGS: readonly (readonly [string, string])[] = [
  ["productionProxy.endpoints", "productionEndpoints"],
  ["productionProxy.proxyServers", "productionProxyServers"],
  ["productionProxy", "productionEndpoints"],
  ["recordingPorts.low", "recordingLowUdpPort"],
  ["recordingPorts.high", "recordingHighUdpPort"],
  ["recordingPorts.expectedChannels", "recordingExpectedChannels"],
  ["recordingPorts.sources", "recordingSources"],
  // The range as a whole (its size, its overlap with the local ports) is named by its start.
  ["recordingPorts", "recordingLowUdpPort"],
];

/** The selection fields the resolver knows (the roots of its InputError fields). */
const SELECTION_ROOTS: readonly string[] = Object.keys(Selection.shape);

/** `field` starts with `prefix` as a whole path segment. */
const under = (field: string, prefix: string) => field === prefix || field.startsWith(`${prefix}.`) || field.startsWith(`${prefix}[`);

/** A resolver field (`productionProxy.endpoints[0].ports[1]`) as the component arg path (`productionEndpoints[0].ports[1]`); undefined if it is no selection field. */
export function selectionArgPath(root: string, path: string): string | undefined {
  if (!SELECTION_ROOTS.includes(root)) return undefined;
  const field = `${root}${path}`;
  const renamed = SELECTION_ARGS.find(([from]) => under(field, from));
  return renamed ? `${renamed[1]}${field.slice(renamed[0].length)}` : field;
}

export type Cloud = "aws" | "azure";

/** The AWS targets: each is a settings object in AwsAgoraEgress's args and in `agora-egress:aws`. */
export const AWS_TARGET_KEYS = ["securityGroups", "networkFirewall", "dnsFirewall"] as const;
/** The Azure controls: each is a settings object in AzureAgoraEgress's args and in `agora-egress:azure`. */
export const AZURE_TARGET_KEYS = ["nsg", "firewallPolicy", "dnsSecurityPolicy"] as const;
/** The organisation scopes: each is a component of its own and a stack key (`agora-egress:awsOrganization`). */
export const ORGANIZATION_SCOPE_KEYS = ["awsOrganization", "azureNetworkManager"] as const;
export type TargetKey = (typeof AWS_TARGET_KEYS)[number] | (typeof AZURE_TARGET_KEYS)[number] | (typeof ORGANIZATION_SCOPE_KEYS)[number];

/**
 * A renderer or settings field as a path in a cloud's settings, the way the umbrella args and
 * the stack keys spell it (the renderers take the settings under their declared names):
 * `securityGroups.vpcId` → aws `securityGroups.vpcId`, `azure.nsg.lastPriority` → azure `nsg.lastPriority`, `aws` → aws `` (the settings as a whole).
 * Undefined for other fields.
 */
export function settingsPath(root: string, path: string): { cloud: Cloud | (typeof ORGANIZATION_SCOPE_KEYS)[number]; path: string } | undefined {
  let cloud: Cloud | (typeof ORGANIZATION_SCOPE_KEYS)[number];
  let field: string;
  if (root === "aws" || root === "azure" || (ORGANIZATION_SCOPE_KEYS as readonly string[]).includes(root)) {
    cloud = root as typeof cloud;
    field = path.replace(/^\./, "");
  } else if ((AWS_TARGET_KEYS as readonly string[]).includes(root)) {
    cloud = "aws";
    field = `${root}${path}`;
  } else {
    return undefined;
  }
  return { cloud, path: field };
}

/**
 * Where the component keeps its settings: the umbrella components (`AwsAgoraEgress`,
 * `AzureAgoraEgress`) hold one settings object per target (`args.securityGroups.vpcId`); a
 * single-target component (`AwsSecurityGroups`) takes that target's settings as args of its
 * own (`args.vpcId`).
 */
export interface ArgsLayout {
  readonly flat?: TargetKey;
}

/** A path under `args`: `args.x`, `args[0]` or `args` itself. */
const argsPath = (path: string) => (path === "" ? "args" : /^[[.]/.test(path) ? `args${path}` : `args.${path}`);

/**
 * How a component names fields: every resolver, settings and renderer field as the arg path
 * the user wrote (`args.productionEndpoints[0].addresses[0]`, `args.securityGroups.vpcId`, or
 * `args.vpcId` in a single-target component), and asks in arg terms (`args.access: "cloud-proxy"`).
 * Fields already under `args` stay as they are.
 */
export function argsNames(layout: ArgsLayout = {}): FieldNames {
  const arg = (root: string, path: string): string | undefined => {
    if (root === "args") return `args${path}`;
    const selection = selectionArgPath(root, path);
    if (selection !== undefined) return argsPath(selection);
    const settings = settingsPath(root, path);
    if (!settings) return undefined;
    const flat = layout.flat;
    return argsPath(flat && under(settings.path, flat) ? settings.path.slice(flat.length) : settings.path);
  };
  return {
    field: arg,
    ask: (root, path, value) => {
      const named = arg(root, path);
      return named === undefined ? undefined : value === undefined ? named : `${named}: ${JSON.stringify(value)}`;
    },
  };
}
