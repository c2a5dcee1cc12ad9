import {
  Destination, InputError, PortRange, Provenance, Rule, RuleSet, WIDEST_AGORA_PREFIX,
  agoraCidr, canonicalCidr, cidrPrefix, cidrSortKey, formatPortRange, mergePortRanges, normalize, parseDestination, parsePortRange, quote,
} from "../model";
import { CloudProxyProfile, Edition, EndpointRow, getEdition, getSdk } from "../catalog";
import { AppSetting, cloudProxySettings, needsProxyServers, recordingPortSettings } from "./app-settings";
import { Selection, SelectionInput, SdkChoice, parseSdkSpec } from "./selection";
import { checkVersion, compareVersions, versionInRange } from "./version";
import { parseInput } from "./zod-errors";

/** The outcome of resolving a selection against the catalogue. */
export interface Resolution {
  readonly edition: string;
  readonly selection: Selection;
  /** The SDKs, deduplicated and sorted, with the access each one actually got. */
  readonly sdks: readonly (SdkChoice & { access: "direct" | "cloud-proxy" })[];
  readonly ruleSet: RuleSet;
  /** Things the user should know: fallbacks, legacy data, defaults taken. */
  readonly notes: readonly string[];
  readonly appSettings: readonly AppSetting[];
  /**
   * Names the SDK must resolve without connecting to them by name (the cloud proxy's
   * domain for proxy_type 1): DNS-layer allowlists need them, IP-layer ones do not.
   */
  readonly proxyDomains: readonly string[];
}

const CUSTOM: Provenance = {
  document: "selection", file: "selection", title: "Custom rules", table: "customRules", revision: "selection", seed: false,
};

function ports(specs: readonly (string | number)[], field: string): PortRange[] {
  return mergePortRanges(specs.map((p, i) => parsePortRange(p, `${field}[${i}]`)));
}

function rulesFor(
  sdk: string, protocol: Rule["protocol"], destinations: readonly Destination[], portRanges: PortRange[],
  extra: { direction?: Rule["direction"]; sourcePorts?: PortRange[]; purpose?: string; provenance: Provenance; broadReason?: string },
): Rule[] {
  return destinations.map((destination) => ({
    sdk,
    direction: extra.direction ?? "egress",
    protocol,
    destination,
    ports: portRanges,
    ...(extra.sourcePorts ? { sourcePorts: extra.sourcePorts } : {}),
    ...(extra.purpose ? { purpose: extra.purpose } : {}),
    provenance: [extra.provenance],
    ...(extra.broadReason ? { broadReason: extra.broadReason } : {}),
  }));
}

/** The input field of an SDK (`sdks[3]`): errors must point at the user's list, not at the sorted one. */
function sdkField(selection: Selection, id: string): string {
  const i = selection.sdks.findIndex((spec, j) => parseSdkSpec(spec, `sdks[${j}]`).id === id);
  return `sdks[${i}]`;
}

function chooseSdks(selection: Selection, edition: Edition): SdkChoice[] {
  const byId = new Map<string, SdkChoice>();
  selection.sdks.forEach((spec, i) => {
    const field = `sdks[${i}]`;
    const choice = parseSdkSpec(spec, field);
    getSdk(edition, choice.id, field);
    if (choice.version !== undefined) checkVersion(choice.version, field);
    const seen = byId.get(choice.id);
    if (seen && seen.version !== choice.version) {
      throw new InputError(field, `${choice.id} is selected twice with different versions (${seen.version ?? "latest"} and ${choice.version ?? "latest"})`);
    }
    byId.set(choice.id, choice);
  });
  if (byId.size === 0 && selection.customRules.length === 0) {
    throw new InputError("sdks", `select at least one SDK (known: ${edition.sdks.map((s) => s.id).join(", ")})`);
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
}

function directRules(edition: Edition, choice: SdkChoice): Rule[] {
  return edition.direct
    .filter((row) => row.sdk === choice.id && versionInRange(choice.version, row.versions))
    .flatMap((row) => rulesFor(
      row.sdk, row.protocol, row.destinations.map((d) => parseDestination(d, `catalog.${row.sdk}`)),
      ports(row.ports, `catalog.${row.sdk}`),
      { sourcePorts: row.sourcePorts ? ports(row.sourcePorts, `catalog.${row.sdk}`) : undefined, purpose: row.purpose, provenance: row.provenance },
    ));
}

/**
 * Recording's simplex downstream ports as an ingress rule (the catalogue's `reading`): from
 * `recordingPorts.sources` when given, from the proxy endpoints when recording goes through
 * the cloud proxy, else from any address, marked broad so every target reports it.
 */
function recordingIngress(
  edition: Edition, selection: Selection, proxySources: readonly string[] | undefined,
): { rules: Rule[]; low: number; high: number } {
  const spec = edition.recordingSimplex;
  const given = selection.recordingPorts;
  const low = given?.low ?? spec.defaultLow;
  const high = given?.high ?? spec.defaultHigh;
  const range = parsePortRange(`${low}-${high}`, "recordingPorts");
  if (given?.expectedChannels !== undefined) {
    const needed = given.expectedChannels * spec.portsPerChannel;
    const size = range.to - range.from + 1;
    if (size < needed) {
      throw new InputError("recordingPorts", `${formatPortRange(range)} has ${size} ports, fewer than ${spec.portsPerChannel} × ${given.expectedChannels} expected channels = ${needed}`);
    }
  }
  const local = edition.direct.find((r) => r.sdk === spec.sdk && r.sourcePorts)?.sourcePorts ?? [];
  for (const l of local) {
    const lr = parsePortRange(l);
    if (range.from <= lr.to && lr.from <= range.to) {
      throw new InputError("recordingPorts", `${formatPortRange(range)} overlaps the recording SDK's local ports ${formatPortRange(lr)}; the seed requires no port conflict between processes`);
    }
  }
  if (given?.sources && proxySources) {
    throw new InputError("recordingPorts.sources", "through the cloud proxy the downstream media comes from the proxy endpoints, which are the sources; leave {{recordingPorts.sources}} out");
  }
  const listed = given?.sources?.map((a, i) => agoraCidr(a, `recordingPorts.sources[${i}]`)) ?? proxySources;
  const sources: Destination[] = listed
    ? [...new Set(listed)].map((cidr) => ({ kind: "cidr", cidr }))
    : [{ kind: "cidr", cidr: "0.0.0.0/0" }];
  const rules = rulesFor(spec.sdk, spec.protocol, sources, [range], {
    direction: "ingress", purpose: spec.purpose, provenance: spec.provenance,
    ...(listed ? {} : { broadReason: spec.anySourceReason }),
  });
  return { rules, low: range.from, high: range.to };
}

function testAddresses(edition: Edition): Set<string> {
  return new Set(edition.cloudProxy.flatMap((p) => p.testEndpoints.flatMap((row) => row.addresses.map((a) => canonicalCidr(a)))));
}

/**
 * A row's provenance label from its content (`TCP 443, 8000-8010`), as the catalogue labels
 * Agora's rows; not its list index, so reordering the user's list changes nothing.
 */
function rowLabel(protocol: Rule["protocol"], portRanges: readonly PortRange[]): string {
  return `${protocol.toUpperCase()} ${portRanges.map((r) => formatPortRange(r)).join(", ")}`;
}

function productionRows(edition: Edition, selection: Selection): EndpointRow[] {
  const proxy = selection.productionProxy;
  if (!proxy) {
    throw new InputError("productionProxy", "{{environment=production}} needs the production cloud-proxy endpoints Agora gave you: set {{productionProxy}}");
  }
  const tests = testAddresses(edition);
  return proxy.endpoints.map((row, i) => {
    const field = `productionProxy.endpoints[${i}]`;
    row.addresses.forEach((a, j) => {
      const cidr = agoraCidr(a, `${field}.addresses[${j}]`);
      if (tests.has(cidr)) {
        throw new InputError(`${field}.addresses[${j}]`, `${a} is one of Agora's published test endpoints, not a production endpoint`);
      }
    });
    const portRanges = ports(row.ports, `${field}.ports`);
    (row.sdks ?? []).forEach((s, j) => getSdk(edition, s, `${field}.sdks[${j}]`));
    return {
      protocol: row.protocol,
      addresses: row.addresses,
      ports: row.ports.map(String),
      purpose: row.purpose ?? "Production cloud-proxy endpoint",
      provenance: { document: "production-proxy", file: "productionProxy", title: "Production cloud-proxy endpoints from Agora", table: "productionProxy.endpoints", row: rowLabel(row.protocol, portRanges), revision: "customer", seed: false },
      ...(row.sdks ? { sdks: row.sdks } : {}),
    } as EndpointRow & { sdks?: string[] };
  });
}

function proxyRules(profile: CloudProxyProfile, rows: readonly (EndpointRow & { sdks?: readonly string[] })[]): Rule[] {
  return rows
    .filter((row) => !row.sdks || row.sdks.includes(profile.sdk))
    .flatMap((row) => rulesFor(
      profile.sdk, row.protocol, row.addresses.map((a) => ({ kind: "cidr" as const, cidr: canonicalCidr(a, "endpoint") })),
      ports(row.ports, "endpoint.ports"), { purpose: `Cloud proxy: ${row.purpose}`, provenance: row.provenance },
    ));
}

const BROAD_CUSTOM_REASON = "a custom rule marked broad reaches a network wider than any Agora list on purpose.";

function customRules(selection: Selection): Rule[] {
  return selection.customRules.flatMap((c, i) => {
    const field = `customRules[${i}]`;
    const destinations = c.destinations.map((d, j) => {
      const destination = parseDestination(d, `${field}.destinations[${j}]`);
      if (destination.kind === "cidr" && cidrPrefix(destination.cidr) < WIDEST_AGORA_PREFIX && !c.broad) {
        throw new InputError(
          `${field}.destinations[${j}]`,
          `${quote(d)} is wider than /${WIDEST_AGORA_PREFIX}; if the rule really must reach that network (your own STUN or NTP servers), set broad: true on it and it is reported as a widening on every target`,
        );
      }
      return destination;
    });
    const broad = destinations.some((d) => d.kind === "cidr" && cidrPrefix(d.cidr) < WIDEST_AGORA_PREFIX);
    if (c.broad && !broad) {
      throw new InputError(`${field}.broad`, `is set but no destination is wider than /${WIDEST_AGORA_PREFIX}; remove it`);
    }
    const portRanges = ports(c.ports, `${field}.ports`);
    const sourcePorts = c.sourcePorts ? ports(c.sourcePorts, `${field}.sourcePorts`) : undefined;
    const row = `${c.direction} ${rowLabel(c.protocol, portRanges)}${sourcePorts ? ` from ${sourcePorts.map((r) => formatPortRange(r)).join(", ")}` : ""}`;
    return destinations.flatMap((destination) => rulesFor("custom", c.protocol, [destination], portRanges, {
      direction: c.direction,
      sourcePorts,
      purpose: c.purpose ?? "Custom rule",
      provenance: { ...CUSTOM, row },
      ...(destination.kind === "cidr" && cidrPrefix(destination.cidr) < WIDEST_AGORA_PREFIX ? { broadReason: BROAD_CUSTOM_REASON } : {}),
    }));
  });
}

/**
 * The SDKs named in `directSdks`: known, selected, given once, and only with cloud-proxy
 * access (with direct access every SDK is direct already).
 */
function explicitlyDirect(selection: Selection, edition: Edition, choices: readonly SdkChoice[]): Set<string> {
  const named = selection.directSdks ?? [];
  if (named.length > 0 && selection.access !== "cloud-proxy") {
    throw new InputError("directSdks", "is only used with {{access=cloud-proxy}}; with direct access every SDK already reaches Agora directly");
  }
  const out = new Set<string>();
  named.forEach((id, i) => {
    const field = `directSdks[${i}]`;
    getSdk(edition, id, field);
    if (!choices.some((c) => c.id === id)) throw new InputError(field, `${quote(id)} is not one of the selected SDKs`);
    if (out.has(id)) throw new InputError(field, `${quote(id)} is listed twice`);
    out.add(id);
  });
  return out;
}

/**
 * Resolves a selection (SDKs, access mode, environment, endpoints, recording ports, custom
 * rules) against a catalogue edition into the normalised rule set, the application-side
 * settings and notes. Deterministic and independent of the order of every input list.
 * Throws `InputError` naming the offending field on any bad input.
 */
export function resolve(input: SelectionInput | Selection): Resolution {
  const selection = parseInput(Selection, input, "") as Selection;
  const edition = getEdition(selection.edition, "edition");
  const choices = chooseSdks(selection, edition);
  const notes: string[] = [];
  const appSettings: AppSetting[] = [];
  const proxyDomains = new Set<string>();
  const rules: Rule[] = [];
  const sdks: Resolution["sdks"][number][] = [];

  if (selection.recordingPorts && !choices.some((c) => c.id === edition.recordingSimplex.sdk)) {
    throw new InputError("recordingPorts", `is set but the ${edition.recordingSimplex.sdk} SDK is not selected`);
  }
  if (selection.productionProxy && !(selection.access === "cloud-proxy" && selection.environment === "production")) {
    throw new InputError("productionProxy", "is only used with {{access=cloud-proxy}} and {{environment=production}}");
  }

  const direct = explicitlyDirect(selection, edition, choices);
  const proxied = selection.access === "cloud-proxy" ? choices.filter((c) => !direct.has(c.id)) : [];
  for (const choice of proxied) {
    if (!edition.cloudProxy.some((p) => p.sdk === choice.id)) {
      // Never fall back to the direct whitelist on our own: that would open the SDK's domains
      // (and, on IP-only targets, every address) behind a cloud-proxy selection.
      throw new InputError(
        sdkField(selection, choice.id),
        `${choice.id} has no cloud proxy in edition ${edition.id}; to let it reach Agora directly through its firewall whitelist (every rule a target widens for it is then reported), name it in {{directSdks}}, or remove it`,
      );
    }
  }
  if (selection.productionProxy && proxied.length === 0) {
    notes.push("productionProxy is not used: none of the selected SDKs goes through the cloud proxy.");
  }
  const endpointRows = proxied.length > 0 && selection.environment === "production" ? productionRows(edition, selection) : undefined;

  for (const choice of choices) {
    const profile = proxied.includes(choice) ? edition.cloudProxy.find((p) => p.sdk === choice.id) : undefined;
    if (profile) {
      if (choice.version !== undefined && compareVersions(choice.version, profile.minVersion) < 0) {
        throw new InputError(sdkField(selection, choice.id), `${choice.id}@${choice.version} has no cloud proxy (needs ${profile.minVersion} or later); name it in {{directSdks}} or upgrade`);
      }
      const endpointRules = proxyRules(profile, endpointRows ?? profile.testEndpoints);
      if (endpointRules.length === 0) {
        // Every production row is reserved for other SDKs: this one would silently get no rules.
        throw new InputError("productionProxy.endpoints", `no endpoint applies to ${choice.id} (each row's sdks names other SDKs); add a row for it or list it in a row's sdks`);
      }
      rules.push(...endpointRules);
      let servers = profile.testProxyServers;
      if (selection.environment === "production") {
        // Sorted and deduplicated, so the setting does not depend on the order of the user's list.
        const given = selection.productionProxy?.proxyServers?.map((s, j) => {
          const cidr = agoraCidr(s, `productionProxy.proxyServers[${j}]`);
          if (!cidr.endsWith("/32")) throw new InputError(`productionProxy.proxyServers[${j}]`, `${quote(s)} is a network; the SDK needs single server addresses`);
          return cidr;
        }) ?? [];
        servers = [...new Set(given)].sort((a, b) => cidrSortKey(a).localeCompare(cidrSortKey(b))).map((c) => c.replace(/\/32$/, ""));
      }
      if (needsProxyServers(profile.settings, selection.proxyType) && servers.length === 0) {
        throw new InputError("productionProxy.proxyServers", `proxy_type 2 needs the list of cloud-proxy server addresses for ${choice.id}`);
      }
      appSettings.push(cloudProxySettings(profile, selection.proxyType, servers));
      if (selection.proxyType === 1 && profile.proxyDomain) proxyDomains.add(profile.proxyDomain);
      if (!profile.support.seed) notes.push(`${choice.id}: cloud-proxy data comes from outside the seed documents (${profile.support.citation}).`);
      if (choice.id === edition.recordingSimplex.sdk) {
        const sources = endpointRules.flatMap((r) => (r.destination.kind === "cidr" ? [r.destination.cidr] : []));
        const ingress = recordingIngress(edition, selection, sources);
        rules.push(...ingress.rules);
        appSettings.push(recordingPortSettings(edition, ingress.low, ingress.high));
      }
      sdks.push({ ...choice, access: "cloud-proxy" });
    } else {
      if (direct.has(choice.id)) {
        notes.push(`${choice.id} reaches Agora directly (directSdks): its firewall whitelist applies, and every rule a target widens is listed under widenings.`);
      }
      rules.push(...directRules(edition, choice));
      if (choice.id === edition.recordingSimplex.sdk) {
        const ingress = recordingIngress(edition, selection, undefined);
        rules.push(...ingress.rules);
        appSettings.push(recordingPortSettings(edition, ingress.low, ingress.high));
      }
      const info = getSdk(edition, choice.id);
      if (info.directNote) notes.push(`${choice.id}: ${info.directNote}`);
      if (info.unversionedNote && choice.version === undefined) notes.push(`${choice.id}: ${info.unversionedNote}`);
      sdks.push({ ...choice, access: "direct" });
    }
  }
  rules.push(...customRules(selection));
  return {
    edition: edition.id,
    selection,
    sdks,
    ruleSet: normalize({ edition: edition.id, rules }),
    notes,
    appSettings,
    proxyDomains: [...proxyDomains].sort(),
  };
}
