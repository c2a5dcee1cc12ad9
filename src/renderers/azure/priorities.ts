import { InputError } from "../../model";
import { shortHash } from "../names";

/**
 * Gives each name a distinct priority in `first..last`, from the name alone where possible.
 *
 * Each name has a home slot (a hash of the name: for NSG rules, their fixed `Internet` rule
 * name or their port profile for a rule to addresses);
 * names are placed in order of home slot, then name, and a taken slot probes forward (wrapping).
 * So a name's priority depends only on names whose home slot is at or before its own within the
 * same run of taken slots: adding a rule can move an existing one only when the new rule's home
 * falls inside that run (about rules/window, e.g. 1% for 10 rules in a 1000-slot window), and
 * removing rules moves nothing that did not probe past them. Same names ⇒ same priorities.
 * With the default window, no two catalogue selections A ⊂ B move a rule (test/azure/plan.test.ts).
 *
 * Limitation: the allocation sees only the new names, not the rules deployed before. A rule
 * renamed in an update (its old name deleted, a new one created) can get the old rule's
 * priority, and Pulumi creates the new rule before it deletes the old one, which Azure
 * refuses. No stateless allocation can avoid that (two names each alone in a plan would need
 * slots of their own, for any two names), so names are kept from changing instead: rules to
 * `Internet` are named by direction, protocol and source ports only (see `internetRules`), so
 * selecting other SDKs updates them in place; rules to endpoint addresses by port profile, so
 * promotion with an endpoint list of the test table's shape renames nothing (see
 * `profileNames`). What can still rename a rule (a custom rule's or an endpoint row's ports
 * changing) is found by `priorityClashes(before, after)`, which `agora-egress diff` reports.
 *
 * `reserved` slots are never given to a name (the NSG keeps the window's first slots for its
 * DNS guard, whether the guard is on or not, so that turning it on moves no rule).
 */
export function allocatePriorities(
  names: readonly string[], first: number, last: number, field: string, what: string, reserved: readonly number[] = [],
): Map<string, number> {
  const slots = last - first + 1;
  const unique = [...new Set(names)];
  const kept = new Set(reserved.filter((p) => p >= first && p <= last));
  if (unique.length > slots - kept.size) {
    throw new InputError(field, `${what} need ${unique.length} priorities but ${first}-${last} has only ${slots - kept.size}; widen the window`);
  }
  // Home slots span the whole window, reserved or not, so reserving slots moves only the names homed on them.
  const home = (name: string) => first + (parseInt(shortHash(name, 8), 16) % slots);
  const order = unique.map((name) => ({ name, home: home(name) }))
    .sort((a, b) => a.home - b.home || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const taken = new Set<number>(kept);
  const result = new Map<string, number>();
  for (const { name, home: h } of order) {
    let p = h;
    while (taken.has(p)) p = p === last ? first : p + 1;
    taken.add(p);
    result.set(name, p);
  }
  return result;
}
