import type { ExamType } from '../catalogue/exam-types.js';
import { DomainError } from '../shared/errors.js';
import { validationFailed } from '../orders/validate-order.js';
import type { CreditLot } from '../stock/lots.js';
import { expandTakes, frenchCount, pickLots, type LotTake } from '../stock/pick.js';
import { buildAssignment } from './assign.js';
import { planRelease } from './release.js';
import { assertSeats, resolveSchedule } from './schedule.js';
import { isEligibleForAssignment, isEligibleForRemoval } from './state.js';
import type { AssignmentSnapshot, ExamSession, NewAssignment, Release, SeatChange } from './types.js';

/** A selected candidate and their latest assignment (or null). */
export interface BulkCandidate {
  id: string;
  current: AssignmentSnapshot | null;
}

export interface BulkAssignInput {
  candidates: readonly BulkCandidate[];
  examType: ExamType;
  lots: readonly CreditLot[];
  scheduledAt?: string | null;
  session?: ExamSession | null;
  now: Date;
  newActivationCode: () => string;
}

export interface BulkAssignPlan {
  /** Credits to take, per lot (guarded decrements of `count`). */
  consume: LotTake[];
  takeSeats: SeatChange | null;
  /** One row per candidate, in selection order; the first ones get the soonest-expiring credits. */
  assignments: NewAssignment[];
}

export interface BulkRemoveInput {
  candidates: readonly BulkCandidate[];
  lots: readonly CreditLot[];
  now: Date;
}

export interface BulkRemovePlan {
  /** One per candidate, in selection order: end each row as `removed`. */
  releases: Release[];
  /** The same releases summed per lot: credits to give back (expired lots and assignments excluded). */
  returnCredits: LotTake[];
  releaseSeats: SeatChange[];
}

/** Distinct ids in first-seen order; an empty selection is refused. */
function selection(candidates: readonly BulkCandidate[]): BulkCandidate[] {
  const seen = new Set<string>();
  const unique = candidates.filter((c) => !seen.has(c.id) && (seen.add(c.id), true));
  if (unique.length === 0) {
    throw validationFailed([{ path: 'candidateIds', message: 'Sélectionnez au moins un candidat.' }]);
  }
  return unique;
}

function notEligible(ids: string[], reason: string): DomainError {
  return new DomainError('not_eligible', `${frenchCount(ids.length, 'candidat', 'candidats')} ${reason}`, {
    candidateIds: ids,
  });
}

/** Draws `count` codes, distinct among themselves (the store still guards uniqueness among live codes, R15). */
function drawCodes(count: number, newActivationCode: () => string): string[] {
  const codes = new Set<string>();
  let draws = 0;
  while (codes.size < count) {
    if (draws++ > count * 10 + 10) throw new Error('newActivationCode keeps returning codes already drawn');
    codes.add(newActivationCode());
  }
  return [...codes];
}

/**
 * R8 — assign one exam type to several candidates (§6.6 « Gérer les
 * certifications »), all or nothing. Checks, in this order: a non-empty
 * selection and the date/session choice (`validation_failed`); every
 * candidate eligible — none with a current assignment (`not_eligible` with
 * their `candidateIds`); enough credits (`out_of_stock` with `needed` and
 * `available`: « 12 certifications nécessaires, 10 disponibles »); enough La
 * Poste seats (`conflict` with `needed`/`available`). Credits are taken FIFO
 * by expiry across lots (R4). Duplicate ids count once.
 */
export function planBulkAssign(input: BulkAssignInput): BulkAssignPlan {
  const { examType, now } = input;
  const candidates = selection(input.candidates);
  const schedule = resolveSchedule({ examType, scheduledAt: input.scheduledAt, session: input.session, now });
  const busy = candidates.filter((c) => !isEligibleForAssignment(c.current, now)).map((c) => c.id);
  if (busy.length > 0) {
    throw notEligible(busy, busy.length === 1 ? "a déjà un examen attribué non passé." : 'ont déjà un examen attribué non passé.');
  }
  const consume = pickLots(input.lots, examType.id, candidates.length, now);
  if (schedule.session) assertSeats(schedule.session, candidates.length);
  const lotIds = expandTakes(consume);
  const lotsById = new Map(input.lots.map((l) => [l.id, l]));
  const codes = examType.supervision === 'partner' ? drawCodes(candidates.length, input.newActivationCode) : [];
  const assignments = candidates.map((c, i) => {
    const lot = lotsById.get(lotIds[i] as string) as CreditLot;
    return buildAssignment(c.id, examType, lot, schedule, now, codes[i] ?? null);
  });
  return {
    consume,
    takeSeats: schedule.session ? { sessionId: schedule.session.id, count: candidates.length } : null,
    assignments,
  };
}

/**
 * R8 — remove the assignments of several candidates, all or nothing: each
 * must have an untaken assignment, scheduled or expired (`not_eligible` with
 * the others' `candidateIds`). Credits go back to their lots as in R7 (not to
 * expired lots, not from expired assignments); seats are freed per session.
 */
export function planBulkRemove(input: BulkRemoveInput): BulkRemovePlan {
  const { lots, now } = input;
  const candidates = selection(input.candidates);
  const missing = candidates.filter((c) => !isEligibleForRemoval(c.current, now)).map((c) => c.id);
  if (missing.length > 0) {
    throw notEligible(
      missing,
      missing.length === 1 ? "n'a pas d'examen attribué non passé à supprimer." : "n'ont pas d'examen attribué non passé à supprimer.",
    );
  }
  const releases = candidates.map((c) => planRelease(c.current as AssignmentSnapshot, lots, now, 'removed'));
  const returned = new Map<string, number>();
  for (const r of releases) if (r.returnCredit) returned.set(r.lotId, (returned.get(r.lotId) ?? 0) + 1);
  const seats = new Map<string, number>();
  for (const c of candidates) {
    const sessionId = c.current?.sessionId;
    if (sessionId) seats.set(sessionId, (seats.get(sessionId) ?? 0) + 1);
  }
  return {
    releases,
    returnCredits: [...returned].map(([lotId, count]) => ({ lotId, count })),
    releaseSeats: [...seats].map(([sessionId, count]) => ({ sessionId, count })),
  };
}
