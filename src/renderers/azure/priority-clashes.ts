import { Plan } from "../plan";
import { SECURITY_RULE_TYPE } from "./nsg";

/** An NSG rule that an update puts at a priority another rule holds until the update ends. */
export interface PriorityClash {
  /** The rule created, or moved to the priority. */
  readonly rule: string;
  /** The rule holding the priority before the update (deleted, or moved away, by it). */
  readonly heldBy: string;
  readonly direction: string;
  readonly priority: number;
}

/**
 * NSG rules that going from plan `before` to plan `after` creates or moves to a priority (same
 * NSG and direction) that another rule held before. Pulumi creates before it deletes, and runs
 * independent updates in any order, so Azure may refuse the rule while the other one still
 * holds the slot.
 *
 * `allocatePriorities` cannot rule this out: it sees only the new plan's names, so a new name
 * whose home slot is a deleted rule's slot takes it. Selecting more or fewer catalogue SDKs
 * renames no rule (rules to `Internet` are updated in place), and promotion test → production
 * with an endpoint list of the test table's shape creates, deletes and moves no rule, so both
 * are safe; other changes (a custom rule's ports, an endpoint list of another shape) can
 * clash. `agora-egress diff` reports them. Apply such an update in two steps: delete the old
 * rules first (`pulumi destroy --target <urn>`), then `pulumi up`.
 */
export function priorityClashes(before: Plan, after: Plan): PriorityClash[] {
  const rules = (p: Plan) => new Map(p.resources.filter((r) => r.type === SECURITY_RULE_TYPE).map((r) => [r.name, r.inputs]));
  const old = rules(before);
  const slot = (i: Record<string, unknown>) => JSON.stringify([i.resourceGroupName, i.networkSecurityGroupName, i.direction, i.priority]);
  const holders = new Map([...old].map(([name, i]) => [slot(i), name]));
  return [...rules(after)]
    .filter(([name, i]) => old.get(name)?.priority !== i.priority)
    .flatMap(([name, i]) => {
      const heldBy = holders.get(slot(i));
      return heldBy !== undefined && heldBy !== name ? [{ rule: name, heldBy, direction: String(i.direction), priority: Number(i.priority) }] : [];
    });
}
