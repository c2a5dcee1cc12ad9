import { SDK_IDS } from "../../src/catalog";
import { InputError } from "../../src/model";
import { ResourceAction, countActions, diffPlans } from "../../src/diff";
import { SelectionInput, resolve } from "../../src/resolve";
import { AwsPlanOptions, renderAwsPlan } from "../../src/renderers/aws";
import { renderAzurePlan } from "../../src/renderers/azure";
import { Plan } from "../../src/renderers/plan";
import { AWS_OPTIONS, AZURE_OPTIONS, CURRENT_EDITION, allDirect, currentProxy, production, proxyTest, scatteredAddresses } from "../scenarios";
import { minimumOperations, sameContent } from "./minimum";
import { shuffled } from "./shuffle";

export interface Transition {
  readonly id: string;
  readonly title: string;
  readonly before: SelectionInput;
  readonly after: SelectionInput;
}

export interface CloudChurn {
  readonly counts: Record<ResourceAction, number>;
  readonly total: number;
  readonly minimum: number;
  /** Updated or replaced resources whose flow-carrying content did not change (descriptions, names). */
  readonly cosmetic: readonly string[];
  readonly replaced: readonly string[];
  /** Why a target was left out (its quotas cannot hold the rules). */
  readonly note?: string;
}

export interface ChurnRow {
  readonly transition: Transition;
  readonly aws: CloudChurn;
  readonly azure: CloudChurn;
}

const without = (sdk: string) => SDK_IDS.filter((s) => s !== sdk);

/** The transitions measured: promotion, one SDK added or removed, and reordered inputs. */
export function transitions(): Transition[] {
  const promotions = [10, 40, 200].map((n) => ({
    id: `promote-${n}`, title: `Promotion test → production (${n} addresses)`, before: proxyTest(), after: production(scatteredAddresses(n)),
  }));
  const added = SDK_IDS.map((sdk) => ({ id: `add-${sdk}`, title: `Add ${sdk} (direct, to the other five)`, before: allDirect(without(sdk)), after: allDirect() }));
  const removed = SDK_IDS.map((sdk) => ({ id: `remove-${sdk}`, title: `Remove ${sdk} (direct, from all six)`, before: allDirect(), after: allDirect(without(sdk)) }));
  const reordered = [1, 2, 3, 4, 5].flatMap((seed) => [
    { id: `reorder-direct-${seed}`, title: `Reorder every input list (all direct, seed ${seed})`, before: allDirect(), after: shuffled(allDirect(), seed) },
    {
      id: `reorder-prod-${seed}`, title: `Reorder every input list (production, 40 addresses, seed ${seed})`,
      before: production(scatteredAddresses(40)), after: shuffled(production(scatteredAddresses(40)), seed),
    },
  ]);
  // Edition upgrade 2020-05 → 2026-02 of the same selection (what `diff --from-edition --to-edition` reports):
  // what the newer edition still offers. Native and Recording lose their whitelist (Native moves to the
  // allowed IP list of its mode; Recording's endpoints become private, so it leaves the proxy selection).
  const upgrades: Transition[] = [
    { id: "upgrade-direct", title: "Upgrade 2020-05 → 2026-02: Web + Signaling, direct",
      before: allDirect(["rtc-web", "rtm-native", "rtm-web"]), after: { ...allDirect(["rtc-web", "rtm-native", "rtm-web"]), edition: CURRENT_EDITION } },
    { id: "upgrade-proxy-udp", title: "Upgrade 2020-05 → 2026-02: Native via cloud proxy (test) → Force UDP, all regions",
      before: proxyTest(["rtc-native"]), after: currentProxy("force-udp") },
    { id: "upgrade-proxy-tcp", title: "Upgrade 2020-05 → 2026-02: Native via cloud proxy (test) → Force TCP, all regions",
      before: proxyTest(["rtc-native"]), after: currentProxy("force-tcp") },
    { id: "mode-udp-tcp", title: "2026-02: Force UDP → Force TCP (all regions)", before: currentProxy("force-udp"), after: currentProxy("force-tcp") },
    { id: "region-add", title: "2026-02: Force UDP, Europe → Europe + Asia", before: currentProxy("force-udp", ["rtc-native"], ["europe"]), after: currentProxy("force-udp", ["rtc-native"], ["europe", "asia"]) },
  ];
  return [...promotions, ...added, ...removed, ...reordered, ...upgrades];
}

/** AWS with every target; without security groups when their quotas cannot hold the rules. */
function awsPlans(before: SelectionInput, after: SelectionInput): { before: Plan; after: Plan; note?: string } {
  const render = (options: AwsPlanOptions) => ({ before: renderAwsPlan(resolve(before), options), after: renderAwsPlan(resolve(after), options) });
  try {
    return render(AWS_OPTIONS);
  } catch (e) {
    if (!(e instanceof InputError) || !e.field.startsWith("securityGroups")) throw e;
    const { securityGroups: _left, ...rest } = AWS_OPTIONS;
    return { ...render(rest), note: `security groups left out: ${e.problem.split(";")[0]}` };
  }
}

function churn(before: Plan, after: Plan, note?: string): CloudChurn {
  const changes = diffPlans(before, after);
  const counts = countActions(changes);
  return {
    counts,
    total: changes.length,
    minimum: minimumOperations(before, after),
    cosmetic: changes.filter((c) => (c.action === "update" || c.action === "replace") && sameContent(before, after, c.name)).map((c) => c.name),
    replaced: changes.filter((c) => c.action === "replace").map((c) => `${c.name} (${c.reason ?? "replaced"})`),
    ...(note ? { note } : {}),
  };
}

export function churnOf(t: Transition): ChurnRow {
  const a = awsPlans(t.before, t.after);
  const azure = {
    before: renderAzurePlan(resolve(t.before), AZURE_OPTIONS),
    after: renderAzurePlan(resolve(t.after), AZURE_OPTIONS),
  };
  return { transition: t, aws: churn(a.before, a.after, a.note), azure: churn(azure.before, azure.after) };
}
