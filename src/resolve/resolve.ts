import {
  Destination, InputError, PortRange, Provenance, Rule, RuleSet, WIDEST_AGORA_PREFIX,
  agoraCidr, canonicalCidr, cidrPrefix, cidrSortKey, formatPortRange, mergePortRanges, normalize, parseDestination, parsePortRange, quote,
} from "../model";
import {
  AllowedList, CloudProxyProfile, DirectRow, Edition, EndpointRow, ProxyMode, REGION_IDS, RegionId, getEdition, getSdk, withdrawnRoute,
} from "../catalog";
import { AppSetting, cloudProxySettings, domainLimitSettings, needsProxyServers, proxyModeSettings, recordingPortSettings } from "./app-settings";
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
  /** The cloud-proxy mode the rules are for, where the edition has modes and an SDK uses one. */
  readonly proxyMode?: ProxyMode;
  /** The cloud-proxy regions the rules are for (all when the selection names none), where used. */
  readonly regions?: readonly RegionId[];
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

const ANY_ADDRESS: Destination = { kind: "cidr", cidr: "0.0.0.0/0" };

/**
 * The rules of catalogue rows. A row without published destinations is any address on exactly
 * its ports, and a row that is the catalogue's reading carries that reading: both are marked
 * broad, so every target reports them as widenings.
 */
function rowRules(rows: readonly DirectRow[], choice: SdkChoice): Rule[] {
  return rows
    .filter((row) => row.sdk === choice.id && versionInRange(choice.version, row.versions))
    .flatMap((row) => {
      const destinations = row.unpublishedDestinations ? [ANY_ADDRESS] : row.destinations.map((d) => parseDestination(d, `catalog.${row.sdk}`));
      const broadReason = [row.unpublishedDestinations, row.reading].filter((x): x is string => !!x).join(" ");
      return rulesFor(row.sdk, row.protocol, destinations, ports(row.ports, `catalog.${row.sdk}`), {
        sourcePorts: row.sourcePorts ? ports(row.sourcePorts, `catalog.${row.sdk}`) : undefined,
        purpose: row.purpose,
        provenance: row.provenance,
        ...(broadReason ? { broadReason } : {}),
      }).map((r) => (row.alsoCited ? { ...r, provenance: [row.provenance, ...row.alsoCited] } : r));
    });
}

function directRules(edition: Edition, choice: SdkChoice): Rule[] {
  return rowRules(edition.direct, choice);
}

/** The selected regions (validated), or every region. */
function selectedRegions(selection: Selection): { regions: RegionId[]; given: boolean } {
  if (!selection.regions) return { regions: [...REGION_IDS], given: false };
  const seen = new Set<RegionId>();
  selection.regions.forEach((r, i) => {
    const field = `regions[${i}]`;
    if (!(REGION_IDS as readonly string[]).includes(r)) throw new InputError(field, `unknown region ${quote(r)} (known: ${REGION_IDS.join(", ")})`);
    if (seen.has(r as RegionId)) throw new InputError(field, `${quote(r)} is listed twice`);
    seen.add(r as RegionId);
  });
  return { regions: REGION_IDS.filter((r) => seen.has(r)), given: true };
}

/**
 * The rules of one list of the published allowed IP list for the regions: media ports to the
 * region's media segments, signaling ports to its signaling addresses, and the ports the list
 * needs to unstated destinations (this edition's reading: the same addresses, marked broad).
 */
function allowedListRules(edition: Edition, sdk: string, list: AllowedList, regions: readonly RegionId[]): Rule[] {
  const ipList = edition.allowedIpList!;
  const rules: Rule[] = [];
  const cidr = (a: string): Destination => ({ kind: "cidr", cidr: canonicalCidr(a, `catalog.${sdk}`) });
  for (const region of regions) {
    const media = ipList.media[region][list.mediaSet];
    const signaling = list.signaling[region];
    for (const p of list.mediaPorts) {
      for (const m of media) {
        rules.push(...rulesFor(sdk, p.protocol, [cidr(m.address)], ports(p.ports, `catalog.${sdk}`), {
          purpose: `Cloud proxy media, ${list.label}, ${region}`, provenance: m.provenance,
        }).map((r) => ({ ...r, provenance: [m.provenance, p.provenance] })));
      }
    }
    for (const p of list.signalingPorts) {
      for (const a of signaling) {
        rules.push(...rulesFor(sdk, p.protocol, [cidr(a.address)], ports(p.ports, `catalog.${sdk}`), {
          purpose: `Cloud proxy signaling, ${list.label}`, provenance: a.provenance,
        }).map((r) => ({ ...r, provenance: [a.provenance, p.provenance] })));
      }
    }
    for (const p of list.alsoRequired) {
      for (const a of [...media, ...signaling]) {
        rules.push(...rulesFor(sdk, p.protocol, [cidr(a.address)], ports(p.ports, `catalog.${sdk}`), {
          purpose: `Cloud proxy, ${list.label}: also required`, provenance: p.provenance, broadReason: p.reading,
        }));
      }
    }
  }
  return rules;
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
  // Routes the edition withdrew or never had: refused, saying what Agora offers instead.
  for (const choice of choices) {
    const access = proxied.includes(choice) ? "cloud-proxy" : "direct";
    const route = withdrawnRoute(edition, choice.id, access);
    if (!route) continue;
    if (access === "direct" && choice.id === edition.domainLimit?.sdk && selection.domainLimit) continue;
    const how = access === "direct" ? "direct access (firewall whitelist)" : "cloud proxy";
    throw new InputError(sdkField(selection, choice.id), `${choice.id} has no ${how} in edition ${edition.id}: ${route.what}. ${route.instead}`);
  }
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
  checkDomainLimit(selection, edition, choices, proxied);

  const profiles = new Map(proxied.map((c) => [c.id, edition.cloudProxy.find((p) => p.sdk === c.id)!]));
  const listed = [...profiles.values()].filter((p) => p.allowedLists);
  const { regions, given: regionsGiven } = selectedRegions(selection);
  if (selection.proxyMode !== undefined && listed.length === 0) {
    throw new InputError("proxyMode", edition.allowedIpList
      ? "is only used with {{access=cloud-proxy}} for an SDK whose cloud proxy has modes (rtc-native, rtc-web)"
      : `edition ${edition.id} has no cloud-proxy modes (they come with the published allowed IP list, edition 2026-02); leave {{proxyMode}} out`);
  }
  if (regionsGiven && listed.length === 0) {
    throw new InputError("regions", edition.allowedIpList
      ? "are only used with {{access=cloud-proxy}} for an SDK that uses the published allowed IP list"
      : `edition ${edition.id} has no cloud-proxy regions (they come with the published allowed IP list, edition 2026-02); leave {{regions}} out`);
  }
  // An SDK whose modes use different lists and that has no documented default mode (Native: its
  // default, Automatic, has no allowlist) needs the mode named.
  const needsMode = listed.some((p) => p.defaultMode === undefined);
  if (needsMode && selection.proxyMode === undefined) {
    throw new InputError("proxyMode", `the Native SDK's cloud proxy has two modes with different allowed IP lists in edition ${edition.id}: set {{proxyMode=force-udp}} (UDP_PROXY) or {{proxyMode=force-tcp}} (TCP_PROXY)`);
  }
  // proxy_type belongs to the setParameters cloud proxy (2020); an edition whose cloud proxy has
  // modes instead would ignore it, so a proxy_type given for such a selection only is refused.
  const proxyTypeGiven = typeof input === "object" && input !== null && (input as { proxyType?: unknown }).proxyType !== undefined;
  if (proxyTypeGiven && listed.length > 0 && listed.length === profiles.size && !selection.productionProxy) {
    throw new InputError("proxyType", `edition ${edition.id}'s cloud proxy has no proxy_type (it has proxy modes): leave {{proxyType}} out and set {{proxyMode}}`);
  }
  if (selection.productionProxy?.proxyServers && listed.length > 0 && listed.length === profiles.size) {
    throw new InputError("productionProxy.proxyServers", `are the servers for proxy_type 2, which edition ${edition.id}'s cloud proxy does not have (the SDK gets its proxy mode instead); leave them out`);
  }
  const mode: ProxyMode | undefined = listed.length > 0 ? selection.proxyMode ?? listed.find((p) => p.defaultMode)?.defaultMode : undefined;

  if (selection.productionProxy && proxied.length === 0) {
    notes.push("productionProxy is not used: none of the selected SDKs goes through the cloud proxy.");
  }
  let endpointRows: (EndpointRow & { sdks?: string[] })[] | undefined;
  if (proxied.length > 0 && selection.environment === "production") {
    // The published allowed IP list serves production too; the customer's own endpoints replace it.
    if (selection.productionProxy || listed.length < profiles.size) endpointRows = productionRows(edition, selection);
  }
  if (listed.length > 0) {
    if (endpointRows) {
      notes.push("productionProxy replaces the published allowed IP list: the rules use your endpoints only."
        + (regionsGiven ? " regions are not used." : ""));
    } else {
      notes.push(...edition.allowedIpList!.notes);
      notes.push(regionsGiven
        ? `Cloud-proxy regions: ${regions.join(", ")} (only their addresses are allowed; agora-facts.md 4.15).`
        : "No regions given: every region's addresses are allowed, as Agora advises when the region is not known (agora-facts.md 4.15).");
      if (regions.includes("japan") && !regions.includes("asia")) {
        notes.push("Agora suggests opening the whole of Asia for region-specific deployments such as Japan (agora-facts.md 10.7): add asia to regions if calls fail.");
      }
    }
  }

  for (const choice of choices) {
    const profile = profiles.get(choice.id);
    if (profile) {
      if (choice.version !== undefined && compareVersions(choice.version, profile.minVersion) < 0) {
        throw new InputError(sdkField(selection, choice.id), `${choice.id}@${choice.version} has no cloud proxy (needs ${profile.minVersion} or later); name it in {{directSdks}} or upgrade`);
      }
      if (profile.allowedLists && mode && profile.modeVersions && choice.version !== undefined
        && !profile.modeVersions[mode].some((range) => versionInRange(choice.version, range))) {
        const ranges = profile.modeVersions[mode].map((r) => [r.min ? `${r.min} or later` : "", r.below ? `below ${r.below}` : ""].filter(Boolean).join(" and ")).join(", or ");
        throw new InputError(sdkField(selection, choice.id),
          `${choice.id}@${choice.version} has no ${mode} cloud proxy in edition ${edition.id} (needs ${ranges}); upgrade, choose another {{proxyMode}}, or pin an edition with the older procedure (2020-11)`);
      }
      if (profile.privateEndpoints && !endpointRows) {
        throw new InputError(sdkField(selection, choice.id),
          `${profile.privateEndpoints}: set {{environment=production}} and {{productionProxy}} with the endpoints Agora gave you`);
      }
      let endpointRules: Rule[];
      if (profile.allowedLists && !endpointRows) {
        endpointRules = allowedListRules(edition, choice.id, edition.allowedIpList!.lists[profile.allowedLists[mode!]], regions);
      } else {
        endpointRules = proxyRules(profile, endpointRows ?? profile.testEndpoints);
      }
      if (endpointRules.length === 0) {
        // Every production row is reserved for other SDKs: this one would silently get no rules.
        throw new InputError("productionProxy.endpoints", `no endpoint applies to ${choice.id} (each row's sdks names other SDKs); add a row for it or list it in a row's sdks`);
      }
      rules.push(...endpointRules);
      if (profile.allowedLists) {
        appSettings.push(proxyModeSettings(profile, mode!));
      } else {
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
      }
      // Said where the edition mixes seed and outside facts (2020-05, 2020-11); every fact of 2026-02 is outside the seeds.
      if (!profile.support.seed && edition.cloudProxy.some((p) => p.support.seed)) notes.push(`${choice.id}: cloud-proxy data comes from outside the seed documents (${profile.support.citation}).`);
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
      const limit = edition.domainLimit;
      if (limit && selection.domainLimit && choice.id === limit.sdk) {
        rules.push(...rowRules(limit.rows, choice));
        appSettings.push(domainLimitSettings(limit));
        notes.push(`${choice.id}: domainLimit: the SDK reaches Agora only through ${[...new Set(limit.rows.flatMap((r) => r.destinations))].join(", ")}; the source gives no ports, so every TCP and UDP port to them is open (reported as a widening).`);
      } else {
        rules.push(...directRules(edition, choice));
      }
      if (choice.id === edition.recordingSimplex.sdk) {
        const ingress = recordingIngress(edition, selection, undefined);
        rules.push(...ingress.rules);
        appSettings.push(recordingPortSettings(edition, ingress.low, ingress.high));
      }
      const info = getSdk(edition, choice.id);
      if (info.directNote) notes.push(`${choice.id}: ${info.directNote}`);
      if (info.unversionedNote && choice.version === undefined) notes.push(`${choice.id}: ${info.unversionedNote}`);
      if (edition.direct.some((r) => r.sdk === choice.id && r.unpublishedDestinations)) {
        notes.push(`${choice.id}: ${edition.direct.find((r) => r.sdk === choice.id && r.unpublishedDestinations)!.unpublishedDestinations}`);
      }
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
    ...(mode ? { proxyMode: mode } : {}),
    ...(listed.length > 0 && !endpointRows ? { regions } : {}),
  };
}

/** `domainLimit`: only where the edition has it, for its SDK, selected with direct access, at a version that has it. */
function checkDomainLimit(selection: Selection, edition: Edition, choices: readonly SdkChoice[], proxied: readonly SdkChoice[]): void {
  if (!selection.domainLimit) return;
  const limit = edition.domainLimit;
  if (!limit) throw new InputError("domainLimit", `edition ${edition.id} has no domainLimit allowlist (it comes with edition 2026-02); leave {{domainLimit}} out`);
  const choice = choices.find((c) => c.id === limit.sdk);
  if (!choice) throw new InputError("domainLimit", `is set but ${limit.sdk} is not selected`);
  if (proxied.includes(choice)) {
    throw new InputError("domainLimit", `is a direct route for ${limit.sdk}; with {{access=cloud-proxy}} name ${limit.sdk} in {{directSdks}} to use it, or leave {{domainLimit}} out`);
  }
  if (choice.version !== undefined && compareVersions(choice.version, limit.since) < 0) {
    throw new InputError(sdkField(selection, limit.sdk), `${limit.sdk}@${choice.version} has no domainLimit option (from ${limit.since}); upgrade or use {{access=cloud-proxy}}`);
  }
}
