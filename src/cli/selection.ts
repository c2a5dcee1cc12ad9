import { isAbsolute, resolve as resolvePath } from "path";
import { Command, Option } from "commander";
import { Edition, NEWEST_EDITION, PROXY_MODES, REGION_IDS, getEdition } from "../catalog";
import { InputError, parsePortRange, quote } from "../model";
import { Resolution, SelectionInput, resolve } from "../resolve";
import {
  FieldNames, STACK_NAMESPACE, StackSelection, readStackSelection, readYamlFile, secureValueError, stackField, stackOrigin, withOrigins,
} from "../stack";
import { CliContext } from "./context";

/** The selection flags every command shares (PRODUCT.md "Command line"). */
export interface SelectionFlags {
  sdk?: string[];
  access?: "direct" | "cloud-proxy";
  env?: "test" | "production";
  proxyType?: "1" | "2";
  productionProxy?: string;
  recordingPorts?: string;
  recordingChannels?: string;
  recordingSources?: string[];
  directSdks?: string[];
  edition?: string;
  proxyMode?: "force-udp" | "force-tcp";
  region?: string[];
  domainLimit?: boolean;
  stack?: string;
  dir?: string;
}

/** A selection ready to resolve, and how to name its fields in errors. */
export interface CliSelection {
  readonly input: SelectionInput;
  /** How errors name the selection's fields: the flag, or the stack key, the user set. */
  readonly origin: FieldNames;
  readonly stack?: StackSelection;
  /** Stack values left out because flags made them inapplicable. */
  readonly notes: readonly string[];
}

/** The flag that sets each selection field, for asking the user for a setting (`--access cloud-proxy`). */
export const SELECTION_FLAGS: Readonly<Record<string, string>> = {
  sdks: "--sdk", access: "--access", environment: "--env", proxyType: "--proxy-type", productionProxy: "--production-proxy FILE",
  recordingPorts: "--recording-ports", "recordingPorts.sources": "--recording-sources", directSdks: "--direct-sdks", edition: "--edition",
  proxyMode: "--proxy-mode", regions: "--region", domainLimit: "--domain-limit",
};

/** A value as a shell word: as it is when it is plain, else single-quoted. */
function shellWord(value: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * The selection flags as the user gave them, for commands the CLI suggests (`agora-egress plan
 * --cloud aws --stack production --production-proxy proxy.yaml`): a hint that drops an
 * override would show another selection.
 */
export function selectionFlagsText(flags: SelectionFlags): string {
  const given: [string, string | undefined][] = [
    ["--stack", flags.stack], ["--dir", flags.dir], ["--sdk", flags.sdk?.join(",")], ["--access", flags.access], ["--env", flags.env],
    ["--proxy-type", flags.proxyType], ["--production-proxy", flags.productionProxy], ["--recording-ports", flags.recordingPorts],
    ["--recording-channels", flags.recordingChannels], ["--recording-sources", flags.recordingSources?.join(",")],
    ["--direct-sdks", flags.directSdks?.join(",")], ["--edition", flags.edition], ["--proxy-mode", flags.proxyMode],
    ["--region", flags.region?.join(",")],
  ];
  return given.filter(([, v]) => v !== undefined).map(([flag, v]) => ` ${flag} ${shellWord(v!)}`).join("")
    + (flags.domainLimit ? " --domain-limit" : "");
}

const collectList = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), ...value.split(",")];

export function addSelectionOptions(cmd: Command, defaultStack?: string): Command {
  return cmd
    .option("--sdk <list>", "SDKs, comma-separated or repeated, optionally with a version: rtc-native,rtc-web@2.8.0", collectList)
    .addOption(new Option("--access <mode>", "how the SDKs reach Agora").choices(["direct", "cloud-proxy"]))
    .addOption(new Option("--env <name>", "cloud-proxy environment").choices(["test", "production"]))
    .addOption(new Option("--proxy-type <n>", "rtc.proxy_server proxy_type: 1 = domain, 2 = IP list").choices(["1", "2"]))
    .option("--direct-sdks <list>", "with --access cloud-proxy: SDKs that reach Agora directly instead (required for an SDK without a cloud proxy)", collectList)
    .option("--production-proxy <file>", "production cloud-proxy endpoints from Agora (YAML or JSON: {endpoints: [...], proxyServers?: [...]})")
    .option("--recording-ports <low-high>", "recording's simplex downstream UDP range (lowUdpPort-highUdpPort), e.g. 40000-41000")
    .option("--recording-channels <n>", "channels recorded at once; the range must hold 4 ports per channel")
    .option("--recording-sources <list>", "addresses recording's downstream media comes from (direct access; default any address, reported as a widening)", collectList)
    .option("--edition <id>", `catalogue edition (default: the newest, ${NEWEST_EDITION}; stacks pin theirs)`)
    .addOption(new Option("--proxy-mode <mode>", "cloud-proxy mode where the edition has modes (2026-02; required for rtc-native)").choices([...PROXY_MODES]))
    .option("--region <list>", `cloud-proxy regions, comma-separated: ${REGION_IDS.join(",")} (default: all)`, collectList)
    .option("--domain-limit", "rtc-native with direct access through the domainLimit domain allowlist (2026-02, Native SDK 4.2.0+)")
    .option("--stack <name>", "read the selection from Pulumi.<name>.yaml; selection flags given as well override its values", defaultStack)
    .option("--dir <path>", "directory holding the Pulumi.<name>.yaml files (default: the current directory)");
}

function flagList(values: readonly string[], flag: string, example: string): string[] {
  return values.map((v) => {
    const s = v.trim();
    if (s === "") throw new InputError(flag, `has an empty entry (write ${flag} ${example})`);
    return s;
  });
}

function recordingChannels(text: string): number {
  if (!/^\d{1,6}$/.test(text.trim()) || Number(text) < 1) {
    throw new InputError("--recording-channels", `${quote(text)} is not a positive whole number`);
  }
  return Number(text);
}

/** The edition the selection names (its error names the flag or the stack key). */
function editionOf(input: Record<string, unknown>, stack: StackSelection | undefined, fromFlag = false): Edition {
  const field = fromFlag ? "--edition" : stack ? stackField(stack.file, "edition") : "edition";
  return getEdition(input.edition as string | undefined, field);
}

function readStack(ctx: CliContext, flags: SelectionFlags): StackSelection | undefined {
  if (flags.stack === undefined) return undefined;
  const dir = flags.dir ? resolvePath(ctx.cwd, flags.dir) : ctx.cwd;
  try {
    return readStackSelection(dir, flags.stack, { deferSecrets: ["productionProxy"] });
  } catch (err) {
    if (err instanceof InputError && err.field === "stack") throw new InputError("--stack", err.problem);
    throw err;
  }
}

/**
 * Builds the selection from `--stack` (if any) and the selection flags. Flags override the
 * stack's values key by key; stack values the flags make inapplicable (production endpoints
 * outside cloud-proxy production, recording ports once recording is not selected) are left
 * out with a note, never silently.
 */
export function cliSelection(ctx: CliContext, flags: SelectionFlags): CliSelection {
  const stack = readStack(ctx, flags);
  const input: Record<string, unknown> = { ...(stack?.selection ?? {}) };
  const fromFlag = new Map<string, (path: string) => string>();
  const notes: string[] = [];
  const flag = (name: string) => () => name;

  if (flags.sdk !== undefined) { input.sdks = flagList(flags.sdk, "--sdk", "rtc-native,rtm-native"); fromFlag.set("sdks", flag("--sdk")); }
  if (flags.directSdks !== undefined) {
    input.directSdks = flagList(flags.directSdks, "--direct-sdks", "rtm-native,rtm-web");
    fromFlag.set("directSdks", (path) => (path ? `--direct-sdks${path.replace(/^\[\d+\]/, "")}` : "--direct-sdks"));
  }
  if (flags.access !== undefined) { input.access = flags.access; fromFlag.set("access", flag("--access")); }
  if (flags.env !== undefined) { input.environment = flags.env; fromFlag.set("environment", flag("--env")); }
  if (flags.proxyType !== undefined) { input.proxyType = Number(flags.proxyType); fromFlag.set("proxyType", flag("--proxy-type")); }
  if (flags.edition !== undefined) { input.edition = flags.edition; fromFlag.set("edition", flag("--edition")); }
  if (flags.proxyMode !== undefined) { input.proxyMode = flags.proxyMode; fromFlag.set("proxyMode", flag("--proxy-mode")); }
  if (flags.region !== undefined) {
    input.regions = flagList(flags.region, "--region", "europe,asia");
    fromFlag.set("regions", (path) => (path ? `--region${path}` : "--region"));
  }
  if (flags.domainLimit !== undefined) { input.domainLimit = flags.domainLimit; fromFlag.set("domainLimit", flag("--domain-limit")); }
  if (flags.productionProxy !== undefined) {
    const file = flags.productionProxy;
    input.productionProxy = readYamlFile(isAbsolute(file) ? file : resolvePath(ctx.cwd, file), file);
    fromFlag.set("productionProxy", (path) => (path ? `${file}: ${path.replace(/^\./, "")}` : "--production-proxy"));
  }
  if (flags.recordingPorts !== undefined || flags.recordingChannels !== undefined || flags.recordingSources !== undefined) {
    const spec = editionOf(input, stack, fromFlag.has("edition")).recordingSimplex;
    const previous = input.recordingPorts as { low: number; high: number; expectedChannels?: number; sources?: string[] } | undefined;
    const range = flags.recordingPorts !== undefined ? parsePortRange(flags.recordingPorts, "--recording-ports") : undefined;
    const channels = flags.recordingChannels !== undefined ? recordingChannels(flags.recordingChannels) : previous?.expectedChannels;
    const sources = flags.recordingSources !== undefined ? flagList(flags.recordingSources, "--recording-sources", "198.51.100.0/24") : previous?.sources;
    input.recordingPorts = {
      low: range?.from ?? previous?.low ?? spec.defaultLow,
      high: range?.to ?? previous?.high ?? spec.defaultHigh,
      ...(channels !== undefined ? { expectedChannels: channels } : {}),
      ...(sources !== undefined ? { sources } : {}),
    };
    const named = flags.recordingPorts !== undefined ? "--recording-ports" : flags.recordingChannels !== undefined ? "--recording-channels" : "--recording-sources";
    fromFlag.set("recordingPorts", (path) => (path.startsWith(".sources") && flags.recordingSources !== undefined
      ? `--recording-sources${path.slice(".sources".length)}` : named));
  }

  if (stack) {
    const productionCloudProxy = input.access === "cloud-proxy" && input.environment === "production";
    const stackProxy = !fromFlag.has("productionProxy") && (input.productionProxy !== undefined || stack.secureKeys.includes("productionProxy"));
    if (stackProxy && !productionCloudProxy) {
      delete input.productionProxy;
      notes.push(`${stackField(stack.file, "productionProxy")} is not used: the selection is not cloud-proxy in production.`);
    } else if (stackProxy && input.productionProxy === undefined) {
      throw secureValueError(stack.file, "productionProxy");
    }
    const sdkIds = ((input.sdks as unknown[] | undefined) ?? []).map((s) => (typeof s === "string" ? s.split("@")[0].trim() : (s as { id: string }).id));
    // Stack values that flags made inapplicable are left out with a note, as productionProxy is.
    const stackDirect = !fromFlag.has("directSdks") ? (input.directSdks as string[] | undefined) : undefined;
    if (stackDirect && fromFlag.has("access") && input.access !== "cloud-proxy") {
      delete input.directSdks;
      notes.push(`${stackField(stack.file, "directSdks")} is not used: --access direct makes every SDK direct.`);
    } else if (stackDirect && fromFlag.has("sdks") && stackDirect.some((id) => !sdkIds.includes(id))) {
      const kept = stackDirect.filter((id) => sdkIds.includes(id));
      if (kept.length) input.directSdks = kept;
      else delete input.directSdks;
      notes.push(`${stackField(stack.file, "directSdks")}: ${stackDirect.filter((id) => !sdkIds.includes(id)).join(", ")} left out, as --sdk does not select ${stackDirect.length - kept.length === 1 ? "it" : "them"}.`);
    }
    const ingressSdk = input.recordingPorts !== undefined ? editionOf(input, stack, fromFlag.has("edition")).recordingSimplex.sdk : undefined;
    if (!fromFlag.has("recordingPorts") && ingressSdk && fromFlag.has("sdks") && !sdkIds.includes(ingressSdk)) {
      delete input.recordingPorts;
      notes.push(`${stackField(stack.file, "recordingPorts")} is not used: --sdk does not select ${ingressSdk}.`);
    }
  }

  const origin: FieldNames = {
    field: (root, path) => {
      const named = fromFlag.get(root);
      if (named) return named(path);
      return stack ? stackOrigin(stack.file).field(root, path) : undefined;
    },
    ask: (root, path, value) => {
      const flag = SELECTION_FLAGS[`${root}${path}`];
      if (!flag) return undefined;
      if (value !== undefined) return root === "domainLimit" ? flag : `${flag} ${value}`;
      return stack && !fromFlag.has(root) ? `${flag} (or ${STACK_NAMESPACE}:${root}${path} in ${stack.file})` : flag;
    },
  };
  return { input: input as SelectionInput, origin, ...(stack ? { stack } : {}), notes };
}

/** Resolves the selection the flags describe; InputErrors name the flag or the stack key. */
export function resolveFlags(ctx: CliContext, flags: SelectionFlags): { resolution: Resolution; selection: CliSelection } {
  const selection = cliSelection(ctx, flags);
  const resolution = withOrigins(selection.origin, () => resolve(selection.input));
  return { resolution, selection };
}
