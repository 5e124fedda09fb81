import { DomainError } from '../shared/errors.js';
import { fr } from '../i18n/messages.js';

export interface AssociationPlan {
  groupId: string;
  /** Candidates to add to the group, in the order asked, each once. */
  add: string[];
  /** Asked for but already members: nothing to do (a repeated click is harmless). */
  alreadyMembers: string[];
}

const asSet = (ids: Iterable<string>): ReadonlySet<string> => (ids instanceof Set ? ids : new Set(ids));

/**
 * R14 — « Associer des candidats » (§5.9): the window lists « tous les candidats
 * qui ne sont pas dans ce groupe (qu'ils soient sans groupe ou qu'ils
 * appartiennent déjà à un autre groupe) ». A candidate is associable when not
 * yet a member; other groups do not matter.
 */
export function isAssociable(candidateId: string, memberIds: Iterable<string>): boolean {
  return !asSet(memberIds).has(candidateId);
}

/** R14 The candidates the association window lists: those not in the group. */
export function associableCandidates<C extends { id: string }>(candidates: readonly C[], memberIds: Iterable<string>): C[] {
  const members = asSet(memberIds);
  return candidates.filter((c) => !members.has(c.id));
}

/**
 * R14 What `POST /groups/:id/members` does: add the requested candidates that
 * are not yet members, skip those that are. An id that is not a candidate of the
 * space (`knownCandidateIds`) refuses the whole request with `not_found`,
 * `details.candidateIds` naming them — another space's candidates look unknown.
 */
export function planAssociation(
  group: { id: string },
  memberIds: Iterable<string>,
  requestedIds: readonly string[],
  knownCandidateIds: Iterable<string>,
): AssociationPlan {
  const known = asSet(knownCandidateIds);
  const requested = [...new Set(requestedIds)];
  const unknown = requested.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new DomainError('not_found', fr('group.unknownCandidates'), { candidateIds: unknown });
  }
  const members = asSet(memberIds);
  return {
    groupId: group.id,
    add: requested.filter((id) => !members.has(id)),
    alreadyMembers: requested.filter((id) => members.has(id)),
  };
}

/**
 * « Dissocier un candidat d'un groupe » (§5.10): the membership to remove;
 * `not_found` when the candidate is not a member. The candidate stays.
 */
export function planDissociation(
  group: { id: string },
  candidateId: string,
  memberIds: Iterable<string>,
): { groupId: string; candidateId: string } {
  if (!asSet(memberIds).has(candidateId)) {
    throw new DomainError('not_found', fr('group.notMember'), { candidateIds: [candidateId] });
  }
  return { groupId: group.id, candidateId };
}
