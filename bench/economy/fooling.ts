/**
 * Lower bounds by fooling sets. A fooling set is a set of flows that the target must admit,
 * no two of which any single valid rule of the target can admit together (without also
 * admitting a flow outside the set the target must admit). Every correct rule set then needs
 * a separate rule for each member, so the set's size is a lower bound on the rule count.
 * Built greedily: a candidate joins when it is incompatible with every member so far.
 */
export function foolingSet<T>(candidates: readonly T[], compatible: (a: T, b: T) => boolean): T[] {
  const chosen: T[] = [];
  for (const c of candidates) {
    if (chosen.every((m) => !compatible(m, c))) chosen.push(c);
  }
  return chosen;
}
