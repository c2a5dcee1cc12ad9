import { EconomyRow } from "../economy";
import { formatNumber, table, vsBound } from "./markdown";

const n = formatNumber;
const naive = (c: { cells: number; distinct: number }) => `${n(c.cells)} / ${n(c.distinct)}`;
const total = (...counts: { emitted: number; bound: number }[]) => counts.reduce((a, c) => ({ emitted: a.emitted + c.emitted, bound: a.bound + c.bound }), { emitted: 0, bound: 0 });

/** Why a count exceeds its bound, for each target and scenario where it does. */
function gaps(rows: readonly EconomyRow[]): string[] {
  const out: string[] = [];
  for (const r of rows) {
    const s = r.scenario.title;
    const sg = r.securityGroups;
    if (sg.refused) {
      const bound = sg.egress.bound + sg.ingress.bound;
      out.push(`**Security groups, ${s}:** not emitted. The renderer refuses with \`${sg.refused.split(";")[0]}\`. `
        + (bound > 1000
          ? `The lower bound itself is ${n(bound)} rules, over AWS's ceiling of 1,000 rules per network interface (rules per group × groups per `
            + "interface), so no security-group layout can hold these flows: filter them with Network Firewall."
          : `The lower bound is ${n(bound)}: the addresses are contiguous, and merging them into prefixes (203.0.113.0/27, …) would fit. `
            + "The renderer keeps each endpoint address as its own CIDR (it drops contained CIDRs but does not merge siblings), which is what "
            + "a real, scattered endpoint list needs anyway; merging would also rename rules whenever one address joins or leaves a prefix."));
    }
    if (sg.groups > 1) {
      out.push(`**Security groups, ${s}:** at the bound in rules, but ${sg.groups} groups: ${n(sg.egress.emitted + sg.ingress.emitted)} rules exceed the `
        + "default quota of 60 rules per group and direction, so they are sharded over several groups (all to be attached to the interface; "
        + "AWS allows 5 by default). Sharding adds groups, not rules.");
    }
    const nf = r.networkFirewall;
    if (nf.handshake > 0) {
      out.push(`**Network Firewall, ${s}:** +${nf.handshake} rule over the bound: the \`flow:not_established\` TCP handshake rule, which lets `
        + "the ClientHello / HTTP request reach the SNI / Host rules under `aws:drop_strict`. The bound does not count it because under the "
        + "default `aws:drop_established` the handshake passes anyway; it is a deliberate safety margin.");
    }
    if (nf.name.emitted > nf.name.bound || nf.address.emitted > nf.address.bound) {
      out.push(`**Network Firewall, ${s}:** ${nf.name.emitted + nf.address.emitted} name/address rules against a bound of ${nf.name.bound + nf.address.bound}.`);
    }
    const nsg = r.nsg;
    const nsgGap = nsg.outbound.emitted + nsg.inbound.emitted - nsg.outbound.bound - nsg.inbound.bound;
    if (nsgGap > 0) {
      const red = nsg.redundant.length;
      const deliberate = nsg.redundant.some((x) => x.includes("-internet-from-"));
      out.push(`**NSG, ${s}:** ${nsgGap} allow rule${nsgGap > 1 ? "s" : ""} over the bound. `
        + (red ? `${red} (${nsg.redundant.map((x) => `\`${x}\``).join(", ")}) ${red > 1 ? "are" : "is"} admitted entirely by another single emitted rule. ` : "")
        + (deliberate ? "Kept on purpose: rules to `Internet` are keyed by direction, protocol and source ports alone, so the source-constrained "
          + "rule exists whatever else is selected, and adding or removing the SDK whose rule covers it creates or deletes nothing (see Churn). " : "")
        + (nsgGap - red > 0 ? `${nsgGap - red} come${nsgGap - red === 1 ? "s" : ""} from keeping rules apart that one augmented rule could carry `
          + "(rules to addresses are grouped per SDK and named by port profile, so adding an SDK only adds rules and promotion updates them in place; see Churn)." : ""));
    }
    if (r.scenario.id.includes("contiguous")) {
      out.push(`**NSG and Firewall Policy, ${s}:** rule counts are at their bounds, but each address is listed as its own prefix: the NSG spends `
        + `${n(nsg.addressesAndPorts)} of its 4,000 address-and-port budget where merged prefixes would spend far less.`);
    }
    const fw = r.firewallPolicy;
    for (const [kind, c, red] of [["network", fw.network, fw.redundant.network], ["application", fw.application, fw.redundant.application]] as const) {
      const gap = c.emitted - c.bound;
      if (gap <= 0) continue;
      out.push(`**Firewall Policy ${kind} rules, ${s}:** ${gap} over the bound. `
        + (red.length ? `${red.length} (${red.map((x) => `\`${x}\``).join(", ")}) ${red.length > 1 ? "are" : "is"} admitted entirely by another single emitted rule `
          + (kind === "network" ? "(FQDN rules on ports a `*` rule already opens) and could be dropped. " : "(every name matched by a `*.name` entry of another rule on the same ports) and could be dropped. ") : "")
        + (gap - red.length > 0 ? `${gap - red.length} come${gap - red.length === 1 ? "s" : ""} from keeping rules apart that one rule could carry `
          + "(one rule per SDK port profile rather than one per protocol and address kind)." : ""));
    }
    for (const [label, c] of [["Route 53 DNS Firewall", r.dnsFirewall.entries], ["Azure DNS security policy", r.dnsPolicy.entries]] as const) {
      if (c.emitted > c.bound) out.push(`**${label}, ${s}:** ${c.emitted} entries against a bound of ${c.bound}.`);
    }
  }
  return out.map((line) => line.trim());
}

export function economyReport(rows: readonly EconomyRow[]): { markdown: string; tables: string[] } {
  const sg = table(
    ["Scenario", "egress IPv4 (ours / bound)", "ingress IPv4 (ours / bound)", "groups", "naive rules (cells / distinct)", "resources (ours / naive)"],
    rows.map((r) => {
      const s = r.securityGroups;
      return [r.scenario.title, vsBound(s.egress.emitted, s.egress.bound), vsBound(s.ingress.emitted, s.ingress.bound),
        s.refused ? "refused" : n(s.groups), naive(s.naive), `${n(s.resources)} / ${n(s.naiveResources)}`];
    }),
  );
  const nfw = table(
    ["Scenario", "SNI/Host rules (ours / bound)", "address and port rules (ours / bound)", "handshake", "total (ours / bound)", "capacity", "naive rules (cells / distinct)", "resources"],
    rows.map((r) => {
      const f = r.networkFirewall;
      const t = total(f.name, f.address);
      return [r.scenario.title, vsBound(f.name.emitted, f.name.bound), vsBound(f.address.emitted, f.address.bound), f.handshake,
        vsBound(t.emitted + f.handshake, t.bound), f.capacity, naive(f.naive), f.resources];
    }),
  );
  const nsg = table(
    ["Scenario", "outbound allow (ours / bound)", "inbound allow (ours / bound)", "deny", "total (ours / bound)", "addresses + ports used (of 4,000)", "naive rules (cells / distinct, + deny)", "resources (ours / naive)"],
    rows.map((r) => {
      const g = r.nsg;
      const t = total(g.outbound, g.inbound);
      return [r.scenario.title, vsBound(g.outbound.emitted, g.outbound.bound), vsBound(g.inbound.emitted, g.inbound.bound), g.deny,
        vsBound(t.emitted + g.deny, t.bound + g.deny), g.addressesAndPorts, naive(g.naive), `${n(g.resources)} / ${n(g.naiveResources)}`];
    }),
  );
  const fw = table(
    ["Scenario", "network rules (ours / bound)", "application rules (ours / bound)", "IP Groups", "naive network (cells / distinct)", "naive application (cells / distinct)", "resources"],
    rows.map((r) => {
      const f = r.firewallPolicy;
      return [r.scenario.title, vsBound(f.network.emitted, f.network.bound), vsBound(f.application.emitted, f.application.bound), f.ipGroups,
        naive(f.naive.network), naive(f.naive.application), f.resources];
    }),
  );
  const dns = table(
    ["Scenario", "Route 53 DNS Firewall entries (ours / bound)", "naive (cells / distinct)", "resources", "Azure DNS policy entries (ours / bound)", "naive (cells / distinct)", "resources"],
    rows.map((r) => [r.scenario.title, vsBound(r.dnsFirewall.entries.emitted, r.dnsFirewall.entries.bound), naive(r.dnsFirewall.naive), r.dnsFirewall.resources,
      vsBound(r.dnsPolicy.entries.emitted, r.dnsPolicy.entries.bound), naive(r.dnsPolicy.naive), r.dnsPolicy.resources]),
  );
  const explained = gaps(rows);
  const markdown = [
    "### AWS security groups", "", sg, "",
    rows.every((r) => r.securityGroups.ipv6 === 0)
      ? "IPv6: no rules in any scenario (the `ipv6` option is off by default; with it, every rule widened to 0.0.0.0/0 is repeated for ::/0 "
        + "against its own 60-rule quota)."
      : `IPv6 rules: ${rows.map((r) => `${r.scenario.title} ${r.securityGroups.ipv6}`).join(", ")}.`,
    "",
    "### AWS Network Firewall (Suricata rule group)", "", nfw, "",
    "### Azure NSG", "", nsg, "",
    "### Azure Firewall Policy (one rule collection group)", "", fw, "",
    "### DNS allowlists", "", dns, "",
    "### Where we are above the bound, and why", "",
    ...(explained.length ? explained.map((e) => `- ${e}`) : ["- Nowhere: every count equals its lower bound."]),
  ].join("\n");
  return { markdown, tables: [sg, nfw, nsg, fw, dns] };
}
