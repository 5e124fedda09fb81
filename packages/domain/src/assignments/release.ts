import { DomainError } from '../shared/errors.js';
import { isLotExpired, type CreditLot } from '../stock/lots.js';
import { assignmentState } from './state.js';
import type { AssignmentSnapshot, Release } from './types.js';

/**
 * The assignment a modify/remove acts on: it must exist (`not_found`: the
 * candidate has no exam to modify) and be untaken (`conflict`). A scheduled or
 * an expired assignment qualifies: both are « non passé » (§6.6, and the
 * bulk-delete list of the manual shows « Expirée » rows).
 */
export function requireUntaken(
  current: AssignmentSnapshot | null | undefined,
  now: Date,
  action: 'modify' | 'remove',
): AssignmentSnapshot {
  if (current == null) {
    throw new DomainError('not_found', "Ce candidat n'a pas d'examen attribué.", {});
  }
  if (assignmentState(current, now) === 'taken') {
    throw new DomainError(
      'conflict',
      action === 'modify'
        ? 'Cet examen a déjà été passé : son attribution ne peut plus être modifiée.'
        : 'Cet examen a déjà été passé : son attribution ne peut plus être supprimée.',
      { candidateIds: [current.candidateId], assignmentId: current.id },
    );
  }
  return current;
}

/**
 * R6/R7/R19 — ending an untaken assignment gives its credit back to its lot,
 * unless the lot has expired (R6: lost) or the assignment itself has expired
 * (R19: its credit is consumed). `lots` must contain the assignment's lot
 * (pass all the space's lots, expired ones included): a missing lot is a
 * caller's mistake and throws, rather than silently lose a credit.
 */
export function planRelease(
  assignment: AssignmentSnapshot,
  lots: readonly CreditLot[],
  now: Date,
  endedAs: Release['endedAs'],
): Release {
  const lot = lots.find((l) => l.id === assignment.lotId);
  if (!lot) {
    throw new Error(`Lot ${assignment.lotId} of assignment ${assignment.id} is missing from the lots given to the plan`);
  }
  const returnCredit = assignmentState(assignment, now) === 'scheduled' && !isLotExpired(lot, now);
  return { assignmentId: assignment.id, lotId: lot.id, returnCredit, endedAs };
}

/** The lots as they are once a release is applied: the plan picks from this copy. */
export function withRelease(lots: readonly CreditLot[], release: Release): CreditLot[] {
  return lots.map((lot) =>
    release.returnCredit && lot.id === release.lotId ? { ...lot, remaining: lot.remaining + 1 } : lot,
  );
}
