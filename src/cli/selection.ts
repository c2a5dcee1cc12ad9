import { isAbsolute, resolve as resolvePath } from "path";
import { Command, Option } from "commander";
import { getEdition } from "../catalog";
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
  edition?: string;
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
  recordingPorts: "--recording-ports", edition: "--edition",
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
    ["--recording-channels", flags.recordingChannels], ["--edition", flags.edition],
  ];
  return given.filter(([, v]) => v !== undefined).map(([flag, v]) => ` ${flag} ${shellWord(v!)}`).join("");
}

const collectList = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), ...value.split(",")];

export function addSelectionOptions(cmd: Command, defaultStack?: string): Command {
  return cmd
    .option("--sdk <list>", "SDKs, comma-separated or repeated, optionally with a version: rtc-native,rtc-web@2.8.0", collectList)
    .addOption(new Option("--access <mode>", "how the SDKs reach Agora").choices(["direct", "cloud-proxy"]))
    .addOption(new Option("--env <name>", "cloud-proxy environment").choices(["test", "production"]))
    .addOption(new Option("--proxy-type <n>", "rtc.proxy_server proxy_type: 1 = domain, 2 = IP list").choices(["1", "2"]))
    .option("--production-proxy <file>", "production cloud-proxy endpoints from Agora (YAML or JSON: {endpoints: [...], proxyServers?: [...]})")
    .option("--recording-ports <low-high>", "recording's simplex downstream UDP range (lowUdpPort-highUdpPort), e.g. 40000-41000")
    .option("--recording-channels <n>", "channels recorded at once; the range must hold 4 ports per channel")
    .option("--edition <id>", "catalogue edition (default: 2020-05)")
    .option("--stack <name>", "read the selection from Pulumi.<name>.yaml; selection flags given as well override its values", defaultStack)
    .option("--dir <path>", "directory holding the Pulumi.<name>.yaml files (default: the current directory)");
}

function sdkList(values: readonly string[]): string[] {
  return values.map((v) => {
    const s = v.trim();
    if (s === "") throw new InputError("--sdk", "has an empty entry (write --sdk rtc-native,rtm-native)");
    return s;
  });
}

function recordingChannels(text: string): number {
  if (!/^\d{1,6}$/.test(text.trim()) || Number(text) < 1) {
    throw new InputError("--recording-channels", `${quote(text)} is not a positive whole number`);
  }
  return Number(text);
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

  if (flags.sdk !== undefined) { input.sdks = sdkList(flags.sdk); fromFlag.set("sdks", flag("--sdk")); }
  if (flags.access !== undefined) { input.access = flags.access; fromFlag.set("access", flag("--access")); }
  if (flags.env !== undefined) { input.environment = flags.env; fromFlag.set("environment", flag("--env")); }
  if (flags.proxyType !== undefined) { input.proxyType = Number(flags.proxyType); fromFlag.set("proxyType", flag("--proxy-type")); }
  if (flags.edition !== undefined) { input.edition = flags.edition; fromFlag.set("edition", flag("--edition")); }
  if (flags.productionProxy !== undefined) {
    const file = flags.productionProxy;
    input.productionProxy = readYamlFile(isAbsolute(file) ? file : resolvePath(ctx.cwd, file), file);
    fromFlag.set("productionProxy", (path) => (path ? `${file}: ${path.replace(/^\./, "")}` : "--production-proxy"));
  }
  if (flags.recordingPorts !== undefined || flags.recordingChannels !== undefined) {
    const editionField = fromFlag.has("edition") ? "--edition" : stack ? stackField(stack.file, "edition") : "edition";
    const spec = getEdition(input.edition as string | undefined, editionField).recordingSimplex;
    const previous = input.recordingPorts as { low: number; high: number; expectedChannels?: number } | undefined;
    const range = flags.recordingPorts !== undefined ? parsePortRange(flags.recordingPorts, "--recording-ports") : undefined;
    const channels = flags.recordingChannels !== undefined ? recordingChannels(flags.recordingChannels) : previous?.expectedChannels;
    input.recordingPorts = {
      low: range?.from ?? previous?.low ?? spec.defaultLow,
      high: range?.to ?? previous?.high ?? spec.defaultHigh,
      ...(channels !== undefined ? { expectedChannels: channels } : {}),
    };
    fromFlag.set("recordingPorts", flag(flags.recordingPorts !== undefined ? "--recording-ports" : "--recording-channels"));
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
    if (!fromFlag.has("recordingPorts") && input.recordingPorts !== undefined && fromFlag.has("sdks") && !sdkIds.includes("recording")) {
      delete input.recordingPorts;
      notes.push(`${stackField(stack.file, "recordingPorts")} is not used: --sdk does not select recording.`);
    }
  }

  const origin: FieldNames = {
    field: (root, path) => {
      const named = fromFlag.get(root);
      if (named) return named(path);
      return stack ? stackOrigin(stack.file).field(root, path) : undefined;
    },
    ask: (root, path, value) => {
      const flag = path === "" ? SELECTION_FLAGS[root] : undefined;
      if (!flag) return undefined;
      if (value !== undefined) return `${flag} ${value}`;
      return stack && !fromFlag.has(root) ? `${flag} (or ${STACK_NAMESPACE}:${root} in ${stack.file})` : flag;
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
