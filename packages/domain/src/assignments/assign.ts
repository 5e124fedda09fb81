import type { ExamType } from '../catalogue/exam-types.js';
import { DomainError } from '../shared/errors.js';
import type { CreditLot } from '../stock/lots.js';
import { pickLot } from '../stock/pick.js';
import { assertSeats, resolveSchedule, type Schedule } from './schedule.js';
import { isCurrentAssignment } from './state.js';
import type { AssignmentSnapshot, ExamSession, NewAssignment } from './types.js';

export interface AssignInput {
  candidateId: string;
  /** The candidate's latest assignment (`latestAssignment`), taken or not, or null. */
  current?: AssignmentSnapshot | null;
  examType: ExamType;
  /** The space's lots (any type, expired ones included). */
  lots: readonly CreditLot[];
  scheduledAt?: string | null;
  /** The session loaded from the request's `sessionId`. */
  session?: ExamSession | null;
  now: Date;
  /** R15 generator; called only for `supervision = partner` types. */
  newActivationCode: () => string;
}

export interface AssignPlan {
  /** Take one credit from this lot (guarded: `remaining > 0` and not expired). */
  consume: { lotId: string };
  /** Take one seat of this session (guarded: `seatsTaken < seats`), or null. */
  takeSeat: string | null;
  assignment: NewAssignment;
}

/** The new row: deadline = end of the scheduled Paris day if dated, else the lot's expiry (R5). */
export function buildAssignment(
  candidateId: string,
  examType: ExamType,
  lot: CreditLot,
  schedule: Schedule,
  now: Date,
  activationCode: string | null,
): NewAssignment {
  return {
    candidateId,
    examType: examType.id,
    lotId: lot.id,
    scheduledAt: schedule.scheduledAt,
    sessionId: schedule.session?.id ?? null,
    deadline: schedule.deadline ?? lot.expiresAt,
    activationCode,
    takenAt: null,
    attemptId: null,
    createdAt: now.toISOString(),
  };
}

export function activationCodeFor(examType: ExamType, newActivationCode: () => string): string | null {
  return examType.supervision === 'partner' ? newActivationCode() : null;
}

/** `assignment_exists`: the candidate already has an untaken, unexpired exam. */
export function assignmentExists(current: AssignmentSnapshot): DomainError {
  return new DomainError(
    'assignment_exists',
    "Ce candidat a déjà un examen attribué qu'il n'a pas encore passé : modifiez ou supprimez cette attribution.",
    { candidateIds: [current.candidateId], assignmentId: current.id },
  );
}

/**
 * R5 — assign an exam to one candidate (§6.5). Checks, in this order:
 * 1. no current (untaken, unexpired) assignment → `assignment_exists`
 *    (an expired one does not count, R19; nor a taken one: « Nouvelle attribution »);
 * 2. the date/session choice (`scheduleErrors`) → `validation_failed`;
 * 3. the type's stock > 0 → `out_of_stock` (`needed: 1, available: 0`);
 * 4. a free seat in the La Poste session → `conflict`.
 * Consumes exactly one credit, from the lot R4 picks; the deadline is the end
 * of the scheduled Paris day for dated types, else that lot's expiry; an
 * activation code is drawn only when `supervision = partner`.
 */
export function planAssign(input: AssignInput): AssignPlan {
  const { candidateId, examType, lots, now } = input;
  const current = input.current ?? null;
  if (isCurrentAssignment(current, now)) throw assignmentExists(current);
  const schedule = resolveSchedule({ examType, scheduledAt: input.scheduledAt, session: input.session, now });
  const lot = pickLot(lots, examType.id, now);
  if (schedule.session) assertSeats(schedule.session, 1);
  return {
    consume: { lotId: lot.id },
    takeSeat: schedule.session?.id ?? null,
    assignment: buildAssignment(candidateId, examType, lot, schedule, now, activationCodeFor(examType, input.newActivationCode)),
  };
}
