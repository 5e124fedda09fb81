import type { ExamType } from '../catalogue/exam-types.js';
import type { CreditLot } from '../stock/lots.js';
import { pickLot } from '../stock/pick.js';
import { activationCodeFor, buildAssignment } from './assign.js';
import { planRelease, requireUntaken, withRelease } from './release.js';
import { assertSeats, resolveSchedule } from './schedule.js';
import type { AssignmentSnapshot, ExamSession, NewAssignment, Release } from './types.js';

export interface ModifyInput {
  /** The candidate's latest assignment, or null. */
  current: AssignmentSnapshot | null | undefined;
  examType: ExamType;
  /** The space's lots, the current assignment's lot included even if expired. */
  lots: readonly CreditLot[];
  scheduledAt?: string | null;
  session?: ExamSession | null;
  now: Date;
  newActivationCode: () => string;
}

export interface ModifyPlan {
  /** End the current row as `replaced`; give its credit back if `returnCredit`. */
  release: Release;
  /** Give back one seat of this session, or null. Applied before `takeSeat`. */
  releaseSeat: string | null;
  /** Take one credit from this lot, after the release is applied. */
  consume: { lotId: string };
  takeSeat: string | null;
  assignment: NewAssignment;
}

/**
 * R6 — modify a candidate's untaken assignment (§6.6): the old credit returns
 * to its lot (lost if the lot or the assignment has expired), the seat it held
 * is released, and the new choice is assigned as R5 says. No current
 * assignment → `not_found`; a taken one → `conflict`; then the checks of
 * `planAssign` (date/session, stock, seat). Stock and seats are judged *after*
 * the release: re-choosing the same type may take back the very credit just
 * returned (R4 may also pick a sooner-expiring lot), and re-choosing the same
 * full session keeps the seat.
 */
export function planModify(input: ModifyInput): ModifyPlan {
  const { examType, now } = input;
  const current = requireUntaken(input.current, now, 'modify');
  const schedule = resolveSchedule({ examType, scheduledAt: input.scheduledAt, session: input.session, now });
  const release = planRelease(current, input.lots, now, 'replaced');
  const lot = pickLot(withRelease(input.lots, release), examType.id, now);
  if (schedule.session) {
    assertSeats(schedule.session, 1, current.sessionId === schedule.session.id ? 1 : 0);
  }
  return {
    release,
    releaseSeat: current.sessionId,
    consume: { lotId: lot.id },
    takeSeat: schedule.session?.id ?? null,
    assignment: buildAssignment(
      current.candidateId,
      examType,
      lot,
      schedule,
      now,
      activationCodeFor(examType, input.newActivationCode),
    ),
  };
}
