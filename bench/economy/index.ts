import { InputError } from "../../src/model";
import { Resolution, resolve } from "../../src/resolve";
import { Plan } from "../../src/renderers/plan";
import { renderAwsPlan } from "../../src/renderers/aws";
import { IP_GROUP_TYPE, renderAzurePlan } from "../../src/renderers/azure";
import { AWS_OPTIONS, AZURE_OPTIONS, Scenario } from "../scenarios";
import {
  awsDnsEntriesBound, azureDnsEntriesBound, fqdnCovers, productBound, securityGroupBound, suricataNameBound,
} from "./bounds";
import * as emitted from "./emitted";
import { dnsNames, firewallImage, nsgImage, securityGroupImage, suricataImage } from "./image";
import { firewallProductRules, nsgProductRules, redundantRules } from "./redundancy";
import { NaiveCount, naiveDns, naiveFirewall, naiveNsg, naiveSecurityGroup, naiveSuricata, tableCells } from "./naive";

/** Emitted and lower bound of one rule kind. */
export interface Count {
  readonly emitted: number;
  readonly bound: number;
}

export interface EconomyRow {
  readonly scenario: Scenario;
  /** `refused` holds the renderer's InputError when the rules cannot fit the security-group quotas. */
  readonly securityGroups: {
    egress: Count; ingress: Count; ipv6: number; groups: number; naive: NaiveCount; resources: number; naiveResources: number; refused?: string;
  };
  readonly networkFirewall: { name: Count; address: Count; handshake: number; capacity: number; naive: NaiveCount; resources: number };
  readonly dnsFirewall: { entries: Count; naive: NaiveCount; resources: number };
  readonly nsg: {
    outbound: Count; inbound: Count; deny: number; naive: NaiveCount; resources: number; naiveResources: number;
    /** Address prefixes and port ranges the rules spend of the per-NSG budget (4,000). */
    addressesAndPorts: number;
    /** Emitted allow rules another single emitted rule already admits. */
    redundant: readonly string[];
  };
  readonly firewallPolicy: {
    network: Count; application: Count; naive: { network: NaiveCount; application: NaiveCount }; resources: number; ipGroups: number;
    redundant: { network: readonly string[]; application: readonly string[] };
  };
  readonly dnsPolicy: { entries: Count; naive: NaiveCount; resources: number };
}

const sum = (r: Record<string, number>, prefix = "") => Object.entries(r).filter(([k]) => k.startsWith(prefix)).reduce((n, [, v]) => n + v, 0);

const aws = (resolution: Resolution, target: keyof typeof AWS_OPTIONS): Plan => renderAwsPlan(resolution, { [target]: AWS_OPTIONS[target] });
const azure = (resolution: Resolution, target: "nsg" | "firewallPolicy" | "dnsSecurityPolicy"): Plan => {
  const { resourceGroupName, location } = AZURE_OPTIONS;
  return renderAzurePlan(resolution, { resourceGroupName, location, [target]: AZURE_OPTIONS[target] });
};

/** A plan, or the InputError that refused it (the platform's quotas cannot hold the rules). */
function attempt(render: () => Plan): { plan?: Plan; refused?: string } {
  try {
    return { plan: render() };
  } catch (e) {
    if (e instanceof InputError) return { refused: e.message };
    throw e;
  }
}

export function economyOf(scenario: Scenario): EconomyRow {
  const resolution = resolve(scenario.selection);
  const cells = tableCells(resolution);

  const sgPlan = attempt(() => aws(resolution, "securityGroups"));
  const sg = sgPlan.plan ? emitted.securityGroupRules(sgPlan.plan) : { egress: Number.NaN, ingress: Number.NaN, ipv6: 0, groups: 0 };
  const sgBound = securityGroupBound(securityGroupImage(resolution));
  const sgNaive = naiveSecurityGroup(cells);

  const nfwPlan = aws(resolution, "networkFirewall");
  const suricata = emitted.suricataRules(nfwPlan);
  const surImage = suricataImage(resolution);
  const surFlows = productBound(surImage.flows, { wildcards: ["any"], protocolsShareRule: false });

  const dnsPlan = aws(resolution, "dnsFirewall");
  const names = dnsNames(resolution);

  const nsgPlan = azure(resolution, "nsg");
  const nsg = emitted.nsgRules(nsgPlan);
  const nsgBound = productBound(nsgImage(resolution), { wildcards: ["Internet"], protocolsShareRule: false });
  const nsgNaive = naiveNsg(cells);

  const fwPlan = azure(resolution, "firewallPolicy");
  const fw = emitted.firewallRules(fwPlan);
  const fwRules = firewallProductRules(fwPlan);
  const fwImage = firewallImage(resolution);
  const fwNetwork = productBound(fwImage.network, { wildcards: ["*"], protocolsShareRule: true });
  const fwApplication = productBound(fwImage.application, { wildcards: [], protocolsShareRule: true, covers: fqdnCovers });

  const azDnsPlan = azure(resolution, "dnsSecurityPolicy");

  return {
    scenario,
    securityGroups: {
      egress: { emitted: sg.egress, bound: sgBound.egress },
      ingress: { emitted: sg.ingress, bound: sgBound.ingress },
      ipv6: sg.ipv6, groups: sg.groups, naive: sgNaive,
      resources: sgPlan.plan?.resources.length ?? Number.NaN, naiveResources: 1 + sgNaive.distinct,
      ...(sgPlan.refused ? { refused: sgPlan.refused } : {}),
    },
    networkFirewall: {
      name: { emitted: suricata.kinds.name, bound: suricataNameBound(surImage.names) },
      address: { emitted: suricata.kinds.address, bound: sum(surFlows) },
      handshake: suricata.kinds.handshake,
      capacity: suricata.capacity,
      naive: naiveSuricata(cells),
      resources: nfwPlan.resources.length,
    },
    dnsFirewall: {
      entries: { emitted: emitted.awsDnsEntries(dnsPlan), bound: awsDnsEntriesBound(names) },
      naive: naiveDns(cells, resolution.proxyDomains, 2),
      resources: dnsPlan.resources.length,
    },
    nsg: {
      outbound: { emitted: nsg.outbound, bound: sum(nsgBound, "egress") },
      inbound: { emitted: nsg.inbound, bound: sum(nsgBound, "ingress") },
      deny: nsg.deny, naive: nsgNaive,
      resources: nsgPlan.resources.length, naiveResources: 1 + nsgNaive.distinct + nsg.deny,
      redundant: redundantRules(nsgProductRules(nsgPlan)),
      addressesAndPorts: nsgPlan.quotas.find((q) => q.quota.startsWith("address prefixes and port ranges"))?.used ?? Number.NaN,
    },
    firewallPolicy: {
      network: { emitted: fw.network, bound: sum(fwNetwork) },
      application: { emitted: fw.application, bound: sum(fwApplication) },
      naive: naiveFirewall(cells),
      resources: fwPlan.resources.length,
      ipGroups: fwPlan.resources.filter((r) => r.type === IP_GROUP_TYPE).length,
      redundant: { network: redundantRules(fwRules.network), application: redundantRules(fwRules.application) },
    },
    dnsPolicy: {
      entries: { emitted: emitted.azureDnsEntries(azDnsPlan), bound: azureDnsEntriesBound(names) },
      naive: naiveDns(cells, resolution.proxyDomains, 1),
      resources: azDnsPlan.resources.length,
    },
  };
}
