/**
 * Every target renders every edition within its limits, or refuses clearly: for each edition's
 * SDKs and routes (and for 2026-02 each proxy mode, all regions and each region), the AWS and
 * Azure plans either stay within every hard limit they report, or are refused with an
 * InputError naming the option. Adjustable quotas beyond their default are reported in
 * `quotas` (the user sees what to raise), never silently exceeded without a report.
 */
import { EDITIONS, PROXY_MODES, REGION_IDS } from "../../src/catalog";
import { InputError } from "../../src/model";
import { SelectionInput, resolve } from "../../src/resolve";
import {
  ALL_AWS_TARGETS, DNS_FIREWALL_HARD_LIMITS, NETWORK_FIREWALL_HARD_LIMITS, SECURITY_GROUP_HARD_LIMITS, renderAwsPlan,
} from "../../src/renderers/aws";
import {
  ALL_AZURE_TARGETS, DNS_SECURITY_POLICY_HARD_LIMITS, FIREWALL_POLICY_HARD_LIMITS, NSG_HARD_LIMITS, renderAzurePlan,
} from "../../src/renderers/azure";
import { Plan } from "../../src/renderers/plan";

const HARD = new Set(Object.keys({
  ...SECURITY_GROUP_HARD_LIMITS, ...NETWORK_FIREWALL_HARD_LIMITS, ...DNS_FIREWALL_HARD_LIMITS,
  ...NSG_HARD_LIMITS, ...FIREWALL_POLICY_HARD_LIMITS, ...DNS_SECURITY_POLICY_HARD_LIMITS,
}));

/** The selections an edition offers: each SDK on each route it has, everything at once, and (2026-02) each mode and region. */
function selections(): [string, SelectionInput][] {
  const out: [string, SelectionInput][] = [];
  for (const e of EDITIONS) {
    const withdrawn = (sdk: string, access: string) => (e.withdrawn ?? []).some((w) => w.sdk === sdk && w.access === access);
    const direct = e.sdks.map((s) => s.id).filter((id) => !withdrawn(id, "direct"));
    const proxied = e.cloudProxy.filter((p) => !p.privateEndpoints).map((p) => p.sdk);
    out.push([`${e.id} every SDK direct`, { edition: e.id, sdks: direct }]);
    if (!e.allowedIpList) {
      out.push([`${e.id} every cloud proxy, test`, { edition: e.id, sdks: proxied, access: "cloud-proxy" }]);
      continue;
    }
    for (const mode of PROXY_MODES) {
      out.push([`${e.id} every cloud proxy, ${mode}, all regions`, { edition: e.id, sdks: proxied, access: "cloud-proxy", proxyMode: mode }]);
      out.push([`${e.id} everything, ${mode}, all regions`, {
        edition: e.id, sdks: [...new Set([...proxied, ...direct])], access: "cloud-proxy", proxyMode: mode, directSdks: direct.filter((id) => !proxied.includes(id)),
      }]);
      for (const region of REGION_IDS) out.push([`${e.id} every cloud proxy, ${mode}, ${region}`, { edition: e.id, sdks: proxied, access: "cloud-proxy", proxyMode: mode, regions: [region] }]);
    }
    if (e.domainLimit) out.push([`${e.id} domainLimit`, { edition: e.id, sdks: [e.domainLimit.sdk], domainLimit: true }]);
  }
  return out;
}

const AZURE_ALL = { resourceGroupName: "rg", ...ALL_AZURE_TARGETS };

function renderOrRefuse(render: () => Plan): { plan?: Plan; refused?: InputError } {
  try {
    return { plan: render() };
  } catch (e) {
    if (e instanceof InputError) return { refused: e };
    throw e;
  }
}

describe.each(selections())("%s", (_name, selection) => {
  const resolution = resolve(selection);

  it.each([
    ["AWS", () => renderAwsPlan(resolution, ALL_AWS_TARGETS)],
    ["Azure", () => renderAzurePlan(resolution, AZURE_ALL)],
  ] as const)("%s renders within its hard limits or refuses naming the option", (_cloud, render) => {
    const { plan, refused } = renderOrRefuse(render);
    if (refused) {
      expect(refused.field.length).toBeGreaterThan(0);
      expect(refused.problem).toMatch(/a limit that cannot be raised/);
      return;
    }
    expect(plan!.resources.length).toBeGreaterThan(0);
    const over = plan!.quotas.filter((q) => HARD.has(q.quota) && q.used > q.limit);
    expect(over).toEqual([]);
    // Every broad model rule (unpublished destinations, readings) is reported on every target that renders it.
    const broad = resolution.ruleSet.rules.filter((r) => r.broadReason);
    if (broad.length) expect(plan!.widenings.some((w) => broad.some((r) => w.reason.includes(r.broadReason!.slice(0, 40))))).toBe(true);
  });
});
