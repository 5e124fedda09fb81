/** A candidate's membership of a group (§5.9: a candidate may belong to several groups). */
export interface Membership {
  groupId: string;
  candidateId: string;
}

export interface GroupDeletionPlan {
  /** The group to delete. */
  groupId: string;
  /** Its memberships, to remove with it. */
  removeMemberships: Membership[];
  /** Its members: they stay, in their other groups or « sans groupe ». */
  candidateIdsKept: string[];
}

/**
 * R13 — « Les candidats appartenant au groupe ne seront pas supprimés, mais ils
 * se retrouveront sans groupe » (§5.5): deleting a group removes its
 * memberships and nothing else. `memberships` may hold other groups' rows; only
 * this group's are removed.
 */
export function planGroupDeletion(group: { id: string }, memberships: readonly Membership[]): GroupDeletionPlan {
  const removeMemberships = memberships.filter((m) => m.groupId === group.id).map((m) => ({ ...m }));
  return {
    groupId: group.id,
    removeMemberships,
    candidateIdsKept: [...new Set(removeMemberships.map((m) => m.candidateId))],
  };
}
