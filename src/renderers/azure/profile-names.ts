import { PortRange, formatPortRange } from "../../model";
import { shortHash } from "../names";
import { addressesKey } from "./blocks";

/**
 * Names for rules to addresses (cloud-proxy endpoints, custom CIDRs) and for their IP Groups.
 *
 * Endpoint addresses are per environment: Agora hands each customer a production list of the
 * test table's shape. A name taken from the addresses would change on promotion (test →
 * production), so Pulumi would replace the rule (an NSG rule then also gets a new priority)
 * and rewrite every reference to it. These names come from what the rule allows, its
 * *port profile* (direction, protocol, ports, source ports), so promotion only updates the
 * addresses in place.
 *
 * Guarantee: the names are the same for two endpoint lists of the same shape, i.e. the same
 * rows (protocol, ports, and the SDKs each row applies to) where every address is listed in
 * the same combination of rows in both lists (as in Agora's tables: the message servers on
 * TCP 4000 and UDP 4500-4650, the edge nodes on TCP and UDP 1080, 8000, 9700, 25000), with
 * single addresses rather than networks containing one another. Rules group an SDK's
 * addresses by identical port sets, so a list of another shape can merge or split rules (an
 * address listed in two TCP rows gets one rule for the union of their ports): then the diff
 * shows rules created and deleted.
 */
export interface Profiled {
  /** What the rule allows, e.g. `["out", "tcp", "addresses", "1080_8000"]`: no addresses. */
  readonly profile: readonly string[];
  readonly sdks: readonly string[];
  readonly addresses: readonly string[];
}

/** Ports for a name: `_` between entries, `-` inside a range (`1080_8000_4500-4650`). */
export function portsPart(ports: readonly PortRange[]): string {
  return ports.map((p) => formatPortRange(p)).join("_");
}

/** Joins parts with `-`; too long a name keeps its head and ends in a hash of the whole. */
export function joinName(parts: readonly string[], maxLength: number): string {
  const full = parts.join("-");
  if (full.length <= maxLength) return full;
  return `${full.slice(0, maxLength - 9).replace(/[-_]+$/, "")}-${shortHash(full)}`;
}

/**
 * One name per item, in order, from its port profile alone. Two items of one plan can share
 * a profile only when they differ in addresses, e.g. a custom CIDR rule on a port that an
 * endpoint row also uses: those (and only those) add their SDKs, which stay the same on
 * promotion; if even that ties (an SDK-set coincidence), the addresses' hash breaks the tie,
 * and such a rule is renamed on promotion. An SDK whose ports overlap no other SDK's shares
 * no profile, so adding one renames nothing.
 */
export function profileNames(items: readonly Profiled[], maxLength: number): string[] {
  const levels = [
    (i: Profiled) => [...i.profile],
    (i: Profiled) => [...i.profile, ...i.sdks],
    (i: Profiled) => [...i.profile, ...i.sdks, shortHash(addressesKey(i.addresses))],
  ];
  const names = items.map((i) => joinName(levels[0](i), maxLength));
  for (const level of levels.slice(1)) {
    const count = new Map<string, number>();
    for (const n of names) count.set(n, (count.get(n) ?? 0) + 1);
    items.forEach((item, k) => {
      if (count.get(names[k])! > 1) names[k] = joinName(level(item), maxLength);
    });
  }
  // Items alike in profile, SDKs and addresses would have been one rule.
  if (new Set(names).size !== names.length) throw new Error(`duplicate rule names: ${names.join(", ")}`);
  return names;
}
