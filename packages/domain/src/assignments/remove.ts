import type { CreditLot } from '../stock/lots.js';
import { planRelease, requireUntaken } from './release.js';
import type { AssignmentSnapshot, Release } from './types.js';

export interface RemoveInput {
  current: AssignmentSnapshot | null | undefined;
  /** The space's lots, the assignment's lot included even if expired. */
  lots: readonly CreditLot[];
  now: Date;
}

export interface RemovePlan {
  /** End the row as `removed`; give its credit back if `returnCredit`. */
  release: Release;
  releaseSeat: string | null;
}

/**
 * R7 — remove a candidate's untaken assignment: the credit is « reversé dans
 * le stock » (§6.6) unless the lot has expired; the La Poste seat is freed.
 * An expired assignment may be removed too, but its credit stays consumed
 * (R19). No assignment → `not_found`; a taken one → `conflict`.
 */
export function planRemove(input: RemoveInput): RemovePlan {
  const current = requireUntaken(input.current, input.now, 'remove');
  return {
    release: planRelease(current, input.lots, input.now, 'removed'),
    releaseSeat: current.sessionId,
  };
}
