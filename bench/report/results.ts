import { CapacityRow } from "../capacity";
import { ChurnRow } from "../churn";
import { EconomyRow } from "../economy";
import { LoadMeasurement } from "../load";
import { LoadVariant } from "../load/variants";
import { PackagingMeasurement, packagingHeadline, packagingMarkdown } from "../packaging";
import { AliasPoint, SynthesisPoint, SynthesisStep } from "../synthesis";
import { Cloud, Construction } from "../synthesis/landing-zone";
import { ColdPlanTime, PlanTime } from "../synthesis/plan-time";
import { Machine } from "./machine";
import { fixed, formatNumber, table } from "./markdown";
import { SynthesisSummary } from "./synthesis-report";

export interface Results {
  readonly command: string;
  readonly quick: boolean;
  readonly seconds: number;
  readonly machineBefore: Machine;
  readonly machineAfter: Machine;
  readonly economy: { markdown: string };
  readonly economyRows: readonly EconomyRow[];
  readonly churn: { markdown: string };
  readonly churnRows: readonly ChurnRow[];
  readonly capacity: { markdown: string };
  readonly capacityRows: readonly CapacityRow[];
  readonly synthesis: SynthesisSummary;
  readonly steps: readonly SynthesisStep[];
  readonly loadRuns: number;
  readonly points: readonly SynthesisPoint[];
  readonly aliases: readonly AliasPoint[];
  readonly load: LoadMeasurement;
  readonly plans: readonly PlanTime[];
  readonly cold: ColdPlanTime;
  readonly packaging: PackagingMeasurement;
}

const n = formatNumber;
const TARGET = 1.2;

function machineTable(r: Results): string {
  const m = r.machineBefore;
  return table(["", ""], [
    ["CPU", `${m.cpuModel}, ${m.cpus} cores (nproc)`],
    ["Memory", `${fixed(m.memoryGiB, 1)} GiB`],
    ["OS", m.os],
    ["Node", m.node],
    ...Object.entries(m.packages).map(([k, v]) => [k, v]),
    ["Commit", m.commit],
    ["Load average (1/5/15 min) at start / end", `${m.loadAverage.map((l) => fixed(l, 2)).join(" ")} / ${r.machineAfter.loadAverage.map((l) => fixed(l, 2)).join(" ")}`],
    ["Run time", `${n(r.seconds)} s`],
  ]);
}

/** Every (target, scenario) where ours exceeds the bound, as `target, scenario: ours / bound`. */
function aboveBound(rows: readonly EconomyRow[]): string[] {
  const out: string[] = [];
  for (const r of rows) {
    const s = r.scenario.title;
    const check = (label: string, emitted: number, bound: number) => {
      if (!Number.isFinite(emitted)) out.push(`${label}, ${s}: refused (bound ${n(bound)})`);
      else if (emitted > bound) out.push(`${label}, ${s}: ${n(emitted)} / ${n(bound)}`);
    };
    check("security groups", r.securityGroups.egress.emitted + r.securityGroups.ingress.emitted, r.securityGroups.egress.bound + r.securityGroups.ingress.bound);
    const nf = r.networkFirewall;
    check("Network Firewall", nf.name.emitted + nf.address.emitted + nf.handshake, nf.name.bound + nf.address.bound);
    check("NSG", r.nsg.outbound.emitted + r.nsg.inbound.emitted + r.nsg.deny, r.nsg.outbound.bound + r.nsg.inbound.bound + r.nsg.deny);
    check("Firewall Policy network", r.firewallPolicy.network.emitted, r.firewallPolicy.network.bound);
    check("Firewall Policy application", r.firewallPolicy.application.emitted, r.firewallPolicy.application.bound);
    check("Route 53 DNS Firewall", r.dnsFirewall.entries.emitted, r.dnsFirewall.entries.bound);
    check("Azure DNS policy", r.dnsPolicy.entries.emitted, r.dnsPolicy.entries.bound);
  }
  return out;
}

function headlines(r: Results): string[] {
  const out: string[] = [];
  const big = r.economyRows.find((x) => x.scenario.id === "prod-200");
  if (big) {
    out.push(`Rule economy at 200 production endpoints: NSG ${n(big.nsg.outbound.emitted + big.nsg.inbound.emitted)} allow rules + 1 deny, `
      + `Firewall Policy ${n(big.firewallPolicy.network.emitted)} network rules, Network Firewall ${n(big.networkFirewall.name.emitted + big.networkFirewall.address.emitted + big.networkFirewall.handshake)} Suricata rules `
      + `(capacity ${n(big.networkFirewall.capacity)}), each equal to its lower bound, where a one-rule-per-cell transcription needs ${n(big.nsg.naive.distinct)} `
      + `(${n(big.nsg.naive.cells)} cells). Security groups cannot hold these flows at all: their lower bound is ${n(big.securityGroups.egress.bound)} rules, `
      + "over AWS's ceiling of 1,000 rules per network interface, and the renderer refuses with a clear error.");
  }
  const direct = r.economyRows.find((x) => x.scenario.id === "direct-all");
  if (direct) {
    out.push(`All six SDKs direct: ${n(direct.securityGroups.egress.emitted + direct.securityGroups.ingress.emitted)} security-group rules (bound ${n(direct.securityGroups.egress.bound + direct.securityGroups.ingress.bound)}; `
      + `the table has ${n(direct.securityGroups.naive.cells)} cells), ${n(direct.dnsFirewall.entries.emitted)} Route 53 DNS Firewall entries and ${n(direct.dnsPolicy.entries.emitted)} Azure DNS policy entries (both at their bounds).`);
  }
  const above = aboveBound(r.economyRows);
  out.push(above.length ? `Above the lower bound (ours / bound; explained under Rule economy): ${above.join("; ")}.` : "Every rule count equals its lower bound.");
  const promote = r.churnRows.filter((c) => c.transition.id.startsWith("promote-"));
  if (promote.length) {
    out.push(`Promotion test → production: Azure ${promote.map((c) => `${c.azure.total} (minimum ${c.azure.minimum})`).join(", ")} resource operations; `
      + `AWS ${promote.map((c) => `${c.aws.total} (minimum ${c.aws.minimum})`).join(", ")}, for ${promote.map((c) => c.transition.title.replace(/.*\((.*)\)/, "$1")).join(", ")}.`);
  }
  const sdkChanges = r.churnRows.filter((c) => /^(add|remove)-/.test(c.transition.id));
  if (sdkChanges.length) {
    const worst = (pick: (c: ChurnRow) => { total: number; minimum: number }) => sdkChanges.reduce((m, c) => Math.max(m, pick(c).total - pick(c).minimum), 0);
    out.push(`Adding or removing one SDK: never a replacement; at most ${worst((c) => c.aws)} AWS and ${worst((c) => c.azure)} Azure operations above the minimum, all of them `
      + "description / `msg` text updates or delete-and-create pairs (see Churn).");
  }
  const reorders = r.churnRows.filter((c) => c.transition.id.startsWith("reorder-"));
  if (reorders.length) {
    const changes = reorders.reduce((m, c) => m + c.aws.total + c.azure.total, 0);
    out.push(`Reordering every input list (${reorders.length} seeded shuffles): ${changes} changes.`);
  }
  const s = r.synthesis;
  const list = (cloud: Cloud) => s.ratios.filter((x) => x.cloud === cloud).map((x) => `${n(x.size)}: ${fixed(x.cpu, 2)}×`).join(", ");
  out.push(`Synthesis CPU time, component / direct construction, by networks — AWS ${list(Cloud.Aws)}; Azure ${list(Cloud.Azure)} (target ≤ ${TARGET}×; `
    + "wall-clock ratios in the tables vary more between runs on this shared machine).");
  const mem = s.ratios.reduce((m, x) => Math.max(m, x.memory), 0);
  out.push(`Peak memory, component / direct: at most ${fixed(mem, 2)}×. Load time, package / provider submodules: ${fixed(s.loadRatio, 2)}× (require time).`);
  const cap = r.capacityRows;
  if (cap.length) {
    const used = Math.max(...cap.map((c) => c.rules / c.capacity));
    out.push(`Network Firewall: capacity ${[...new Set(cap.map((c) => n(c.capacity)))].join(", ")} in every scenario, at most ${Math.round(100 * used)} % used; `
      + `${cap.filter((c) => c.single.length && c.fitBeforeReplacement === c.single.length).length} of ${cap.filter((c) => c.single.length).length} scenarios take every remaining SDK without replacing the rule group.`);
  }
  out.push(packagingHeadline(r.packaging));
  return out;
}

const ECONOMY_METHOD = [
  "**Scenarios.** *All six SDKs, direct*: Agora's Firewall Requirements tables (catalogue edition 2020-05; Web SDK 2.9.0 or later). "
  + "*Native + Recording via cloud proxy (test)*: `rtc-native` and `recording` through Agora's published test endpoints. "
  + "*Production, N endpoint addresses*: the same two SDKs with a production endpoint table shaped like Agora's test table: a fifth of the "
  + "addresses (at least 2) carry messages (TCP 4000, UDP 4500-4650), the rest are edge nodes (TCP and UDP 1080, 8000, 25000, 9700). "
  + "The addresses are scattered over the documentation ranges 203.0.113.0/24, 198.51.100.0/24 and 192.0.2.0/24 (odd host numbers, so no "
  + "two merge into a shorter prefix, as with real endpoints). *200 contiguous* uses 203.0.113.0-199 instead: a sensitivity case where "
  + "merging addresses into prefixes would pay. *2026-02* rows use the current edition (the default for new selections): the direct "
  + "whitelists that remain (Web, Signaling Native with its stream channel to any address, Signaling Web, Whiteboard, Chat), and the "
  + "2025 cloud-proxy allowed IP list for each mode over all six regions (Native Force UDP: UDP 4590-4600/8001-8010 to the media "
  + "segments, UDP 8443 to signaling, TCP 443 to both; Force TCP: TCP 443; Web RTC + Web Signaling: UDP and TCP 443).",
  "",
  "**Ours**: the rules the renderers emit, each target rendered alone (`renderAwsPlan` / `renderAzurePlan`; security groups in one VPC, "
  + "DNS Firewall with `blockOthers`, Azure defaults: NSG deny-by-default, a new Standard firewall policy with DNS proxy).",
  "",
  "**Lower bound**: the fewest rules the platform allows for exactly these flows, computed in `bench/economy/` from the rule model and "
  + "`cloud-semantics.md`, not from the renderers. First the *image*: the model's flows after the widenings the platform forces "
  + "(security groups: a name is every address, no source ports; NSG: a name is the `Internet` tag, outbound source ports kept; "
  + "Network Firewall: names on TCP 443/80 are TLS SNI / HTTP Host patterns, every other name flow is `any` address on its ports; "
  + "Firewall Policy: names on TCP 80/443 are application-rule FQDNs (`x` and `*.x` for a subtree), an exact name elsewhere a network-rule "
  + "FQDN, a subtree elsewhere `*`, no source ports). Then a *fooling set*: flows of the image no two of which one valid rule can admit "
  + "together without admitting something outside the image. Each needs its own rule, so the set's size is a lower bound; where it "
  + "equals our count, our count is optimal. A valid rule is, per platform: security group: one protocol × one contiguous port range × "
  + "one CIDR; NSG (augmented): one protocol × source-port list × (address list, or one service tag) × port list; Suricata: one "
  + "protocol × source-port list × (address list, or `any`) × port list, and a name rule matches one SNI/Host pattern (content match, no "
  + "pcre alternation); Firewall Policy network rule: TCP, UDP or both × (addresses and IP Groups, or FQDNs, or `*`) × port list; "
  + "application rule: {HTTP 80, HTTPS 443} × FQDN list. DNS entries: Route 53 needs `x` and `*.x` for a subtree (whether `*.x` matches "
  + "`x` is undocumented), one entry for an exact name; an Azure DNS policy entry covers its whole subtree; names under a listed subtree "
  + "need nothing. The NSG deny rule and the Network Firewall handshake rule are counted separately.",
  "",
  "**Naive**: Agora's tables transcribed by hand, one rule per cell: every port entry as printed (`4000-4030` is one, `5668` and `5669` "
  + "are two) × every destination × protocol, per SDK table. *cells* counts them as written; *distinct* merges cells that are identical "
  + "on the target (thirteen names widened to 0.0.0.0/0 on TCP 1080 are one security-group rule; AWS rejects duplicates). DNS: each "
  + "table row's names once (Route 53: `x` and `*.x` for `.x`), plus the cloud proxy's name.",
  "",
  "**Resources**: resources in the plan, i.e. create calls for one deployment. For security groups and NSGs the naive count is one "
  + "standalone rule resource per distinct naive rule plus the group; the other targets hold their rules inside one resource either way.",
].join("\n");

const CHURN_METHOD = [
  "**Transitions.** Promotion: Native + Recording, test endpoints → a production table of 10, 40 or 200 addresses (shape as above). "
  + "Add / remove: all six SDKs direct, one SDK added to the other five or removed. Reorder: every input list shuffled (SDKs, endpoint "
  + "rows, their addresses and ports) with 5 seeds, for all six direct and for production with 40 addresses. Edition upgrade: the same "
  + "selection under 2020-05 and 2026-02 (`diff --from-edition 2020-05 --to-edition 2026-02`), for the direct whitelists that remain and "
  + "for Native through the cloud proxy (test endpoints → each mode's allowed IP list, all regions); within 2026-02, a mode switch and a "
  + "region added. Both clouds with every target.",
  "",
  "**Minimum** (`bench/churn/minimum.ts`): the least churn any tool could achieve between the two plans. Per resource type, a resource "
  + "whose content is unchanged stays untouched, and every other one costs one operation, pairing a leaving resource with an arriving one "
  + "as an in-place update: max(|before only|, |after only|). Content leaves out what carries no flow: logical and Azure names, "
  + "descriptions, Suricata `msg`, NSG allow-rule priorities, rule order within a collection, which security-group shard holds a rule; a "
  + "reference counts as the referenced type (a resource updated in place keeps its id). So for promotion only resources carrying endpoint "
  + "addresses change, and for reordering the minimum is 0.",
].join("\n");

function synthesisMethod(r: Results): string {
  const sizes = (cloud: Cloud) => r.steps.filter((s) => s.cloud === cloud).map((s) => `${s.size} (${s.runs} run${s.runs > 1 ? "s" : ""})`).join(", ");
  return [
    "**Landing zone.** N networks, each with the same selection (all six SDKs, direct) and its own VPC id: AWS one `AwsSecurityGroups` "
    + "per VPC; Azure one `AzureNsgRules` per VNet, all in one resource group. "
    + `Sizes: AWS ${sizes(Cloud.Aws)}; Azure ${sizes(Cloud.Azure)}.`,
    "",
    "**Constructions**, each in a fresh `node` process: *component*: the package's component per network. *Direct*: the same provider "
    + "resources from the same specs (rendered once by the parent and read from JSON), built with `new vpc.SecurityGroupEgressRule(…)` etc. "
    + "from only `@pulumi/pulumi` and the provider submodules, references filled with the created resources' outputs as a program would. "
    + "*Direct, grouped* (diagnostic): as direct, each network's resources under a bare `pulumi.ComponentResource`, i.e. what any component "
    + "costs Pulumi itself. Two what-ifs wrap the package's plan cache from outside (`bench/synthesis/what-ifs.ts`): *no plan cache* "
    + "empties it before every component, so each network resolves and renders its own plan; *first plan computed beforehand* "
    + "makes the constructor's own plan-cache calls before the timing starts (and checks that the components then compute no plan), "
    + "which isolates what the process's first, cold plan costs.",
    "",
    "**Measurement.** `pulumi.runtime.setMocks` (every resource echoes its inputs with a deterministic id), construction inside a root "
    + "Stack (`runInPulumiStack`, as `pulumi up` runs a program; under bare mocks resources would have no parent at all), then "
    + "`waitForRPCs`. Timed: construction + drain, after module loading and a full garbage collection (children run with `--expose-gc`: "
    + "collecting what loading left behind is charged to loading, not to whatever runs next; the timing starts once the collection's "
    + "background sweeping is over too, `settleGarbage` in `bench/report/gc.ts`), as the child's *CPU time* (`process.cpuUsage`, user + system, "
    + "all threads) and wall-clock. CPU time is the headline: the machine is shared, and other processes stretch wall-clock time unevenly "
    + "from run to run (the wall-clock ratios below move by ±0.15 between identical runs), CPU time far less. *Peak RSS* is "
    + "`process.resourceUsage().maxRSS` of the child (loading included). The constructions alternate run by run and the table gives "
    + "medians. Children run with "
    + "`--max-old-space-size=8192`. *Registrations* counts what the mocks saw: the component adds itself, once per network.",
    "",
    `**Load time**: ${r.loadRuns} fresh processes per variant, alternating; *require time* is measured around the \`require\` calls, `
    + "including the full garbage collection that ends it, *process wall* from spawn to exit. The package is `src/index.ts` compiled by the same `tsc` options into `build/bench/src/` (what "
    + "`dist/src/index.js` is). The baseline loads `@pulumi/pulumi`, the six provider submodules the components import and every class "
    + "they construct.",
  ].join("\n");
}

function synthesisDiagnosis(r: Results): string[] {
  const s = r.synthesis;
  const find = (cloud: Cloud, size: number, c: Construction) => r.points.find((p) => p.cloud === cloud && p.size === size && p.construction === c);
  const name = (cloud: Cloud) => (cloud === Cloud.Aws ? "AWS" : "Azure");
  const at = (x: { cloud: Cloud; size: number }) => `${name(x.cloud)} ${n(x.size)}`;
  const over = s.ratios.filter((x) => x.cpu > TARGET);
  const lines: string[] = [];
  if (over.length === 0) lines.push(`Every landing-zone size is within ${TARGET}× in CPU time.`);
  else {
    lines.push(`Over ${TARGET}× in CPU time: ${over.map((x) => {
      const d = find(x.cloud, x.size, Construction.Direct)!;
      const c = find(x.cloud, x.size, Construction.Component)!;
      return `${name(x.cloud)} at ${n(x.size)} network${x.size > 1 ? "s" : ""} (${fixed(x.cpu, 2)}×: ${n(c.synthesisCpuMs - d.synthesisCpuMs)} ms more in all, ${fixed((c.synthesisCpuMs - d.synthesisCpuMs) / x.size, 1)} ms per network)`;
    }).join("; ")}. Why, below.`);
  }
  const uncached = s.ratios.filter((x) => Number.isFinite(x.uncached));
  if (uncached.length) {
    lines.push("**One plan per process, not per network.** `resolve` and the renderers are pure, and the networks of a landing zone share "
      + "their selection, so the components compute each distinct (selection, renderer, options) once and share it "
      + "(`src/planning`, with the static outputs in `src/components/plan-cache.ts`: least-recently-used maps of at most 32 resolutions and 64 plans, keyed by the validated selection "
      + "and the options as plain data; shared plans and static outputs are deep-frozen, and every component gets its own copies). "
      + `Without the cache (what-if): ${uncached.map((x) => `${at(x)}: ${fixed(x.uncached, 2)}× → ${fixed(x.cpu, 2)}× with it`).join(", ")} (CPU time).`);
  }
  const grouped = s.ratios.filter((x) => Number.isFinite(x.vsGrouped));
  if (grouped.length) {
    lines.push("A component as such costs Pulumi little: the same resources under a bare `ComponentResource` per network take "
      + `${grouped.map((x) => `${fixed(x.cpu / x.vsGrouped, 2)}×`).join(", ")} the direct CPU time (${grouped.map(at).join(", ")}).`);
  }
  lines.push("**Static outputs are not component state.** `widenings`, `quotas` and `appSettings` follow from the inputs, so the components "
    + "keep them as properties (programs and multi-language callers read them there) and register only what the cloud returns (ids, "
    + "ARNs) with `registerOutputs`. Registering them too meant Pulumi serialising about 17 KB per component value by value and "
    + "encoding it as a protobuf `Struct`: in the previous measurement that was 5 ms per network, AWS 10 VPCs 1.21× instead of 1.09×.");
  const warm = s.ratios.filter((x) => Number.isFinite(x.warm));
  const c = r.cold;
  const w = r.plans[0];
  for (const x of warm.filter((y) => y.size === 1)) {
    const d = find(x.cloud, 1, Construction.Direct)!;
    const comp = find(x.cloud, 1, Construction.Component)!;
    const pre = find(x.cloud, 1, Construction.ComponentWarm)!;
    const gap = comp.synthesisCpuMs - d.synthesisCpuMs;
    const plan = comp.synthesisCpuMs - pre.synthesisCpuMs;
    lines.push(`**${name(x.cloud)} at 1 network** (${n(gap)} ms over ${n(d.synthesisCpuMs)} ms direct): with the plan computed before the `
      + `timing starts (what-if) the component takes ${fixed(x.warm, 2)}× the direct CPU time, so ${n(plan)} ms of the gap is the process's `
      + `first plan, which nothing can share (alone in a fresh process it takes ${fixed(c[x.cloud].first, 1)} ms wall-clock, the next ones `
      + `${fixed(c[x.cloud].next, 1)} ms, warm ${fixed(w.resolveMs + (x.cloud === Cloud.Aws ? w.securityGroupsMs : w.nsgMs), 1)} ms): V8 compiles `
      + "the resolver and the renderer lazily, function by function, on their first call, then interprets them before it optimises "
      + "anything, and zod sets up its parsers. The rest is Pulumi registering the component and its id outputs.");
  }
  lines.push("CPU time counts every thread, V8's background compiler and garbage collector included, so the small landing zones vary "
    + "from run to run (the run-by-run column); the medians are what the headline gives.");
  const alias = (a: number, g: boolean) => r.aliases.find((p) => p.aliases === a && p.grouped === g);
  const a0 = alias(0, false), a60 = alias(60, false);
  if (a0 && a60) {
    lines.push(`Azure resources cost Pulumi far more than AWS ones, in both constructions: every azure-native resource carries 60 type aliases (one per `
      + "past API version), and `Resource`'s constructor turns each into a URN Output even when the engine takes alias specs. "
      + `${n(a60.count)} resources with 60 aliases take ${fixed(a60.synthesisMs / a0.synthesisMs, 1)}× the time and ${n(a60.maxRssMiB - a0.maxRssMiB)} MiB more than `
      + "without (table above). That is why the Azure landing zones are smaller and noisier here; nothing in this package can change it.");
  }
  const pkgAdds = Object.entries(r.load.added).filter(([k]) => k !== "zod" && k !== "ipaddr.js").reduce((t, [, v]) => t + v, 0);
  const zod = r.load.added.zod ?? 0;
  const providers = r.load.points.find((p) => p.variant === LoadVariant.Providers)!;
  const withZod = r.load.points.find((p) => p.variant === LoadVariant.ProvidersAndZod)!;
  const pkg = r.load.points.find((p) => p.variant === LoadVariant.Package)!;
  const zodMs = withZod.requireMs - providers.requireMs;
  const withoutZod = (pkg.requireMs - zodMs) / providers.requireMs;
  const awsOne = find(Cloud.Aws, 1, Construction.Direct);
  lines.push(`**Load time** (${fixed(s.loadRatio, 2)}×, ${n(pkg.requireMs - providers.requireMs)} ms over ${n(providers.requireMs)} ms): the package adds zod `
    + `(${n(zod)} ms self time: all of zod v4 classic, about 95 files) and its own modules (${n(pkgAdds)} ms: compilation, plus the zod schemas `
    + "built at module scope). The baseline is mostly `@pulumi/pulumi` itself (about 770 modules, including npm's arborist and sigstore). "
    + `zod is loaded with the package on purpose: every component validates its args with zod, so requiring it lazily would only move its `
    + `${n(zodMs)} ms (providers + zod against providers) into the first construction${awsOne ? `, where the 1-VPC baseline is ${n(awsOne.synthesisCpuMs)} ms CPU (+${fixed(zodMs / awsOne.synthesisCpuMs, 2)} on that ratio)` : ""}, `
    + `for a load ratio of about ${fixed(withoutZod, 2)}×.`);
  return lines;
}

/** Sections 1 and 2 (counts, not timings), as the full run and `bench/sections.ts` write them. */
export function economyAndChurnMarkdown(economy: string, churn: string): string {
  return ["## 1. Rule economy", "", ECONOMY_METHOD, "", economy, "", "## 2. Churn", "", CHURN_METHOD, "", churn, ""].join("\n");
}

export function resultsMarkdown(r: Results): string {
  const azureSkipped = !r.steps.some((s) => s.cloud === Cloud.Azure && s.size === 500);
  const perResource = (cloud: Cloud) => {
    const big = [...r.points].filter((p) => p.cloud === cloud && p.construction === Construction.Direct).sort((a, b) => b.size - a.size)[0];
    const small = [...r.points].filter((p) => p.cloud === cloud && p.construction === Construction.Direct).sort((a, b) => a.size - b.size)[0];
    if (!big || !small || big === small) return undefined;
    return { ms: (big.synthesisMs - small.synthesisMs) / (big.registrations - small.registrations), mib: (big.maxRssMiB - small.maxRssMiB) / (big.registrations - small.registrations) };
  };
  const azure = perResource(Cloud.Azure);
  const aws = perResource(Cloud.Aws);
  return [
    "# Benchmarks",
    "",
    `Written by \`${r.command}\`${r.quick ? " with BENCH_QUICK=1 (small sizes, few runs: not for publishing)" : ""}. `
      + "Do not edit by hand: run the command again. Timings are medians of fresh processes; the machine is shared, so see the load average.",
    "",
    "## Machine",
    "",
    machineTable(r),
    "",
    "## Headlines",
    "",
    ...headlines(r).map((h) => `- ${h}`),
    "",
    economyAndChurnMarkdown(r.economy.markdown, r.churn.markdown),
    "## 3. Synthesis cost",
    "",
    synthesisMethod(r),
    "",
    r.synthesis.markdown,
    "",
    "#### Diagnosis",
    "",
    ...synthesisDiagnosis(r).map((l) => `- ${l}`),
    "",
    ...(azureSkipped && azure ? [
      `Azure at 500 VNets is not run: under mocks an azure-native resource costs about ${fixed(azure.ms, 1)} ms and ${fixed(azure.mib, 2)} MiB `
      + `(AWS: ${aws ? `${fixed(aws.ms, 1)} ms and ${fixed(aws.mib, 2)} MiB` : "—"}), in both constructions alike, so 500 VNets would take minutes and several GiB per process.`,
      "",
    ] : []),
    "## 4. Network Firewall capacity",
    "",
    "Capacity is fixed when the rule group is created (ForceNew): the renderer sizes it from the rule count with 2× headroom, rounded up "
    + "to a bucket (100, 200, 500, 1,000, …), so a rule group is replaced only when its rule count crosses a bucket. Each stateful rule "
    + "line costs one unit. *Fit before a replacement*: the remaining SDKs added one at a time, fewest new rules first, until the "
    + "capacity would change.",
    "",
    r.capacity.markdown,
    "",
    "## 5. Packaging: start, load and install size",
    "",
    packagingMarkdown(r.packaging),
    "",
  ].join("\n");
}
