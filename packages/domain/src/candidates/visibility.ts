/**
 * R12 — hiding a group (§5.4) hides its candidates: « Les apprenants appartenant
 * à ce groupe ne s'afficheront plus dans le tableau des candidats ». A candidate
 * in at least one hidden group is out of the candidates table, its counts, its
 * exports and the dashboard (R21), unless the caller asks for hidden ones; a
 * candidate in no group, or only in visible groups, shows.
 */
export function isHiddenCandidate(groups: readonly { hidden: boolean }[]): boolean {
  return groups.some((g) => g.hidden);
}

/** R12 Does a candidate with these groups appear in the table (`includeHidden` shows everyone)? */
export function visibleToTable(candidateGroups: readonly { hidden: boolean }[], includeHidden = false): boolean {
  return includeHidden || !isHiddenCandidate(candidateGroups);
}
