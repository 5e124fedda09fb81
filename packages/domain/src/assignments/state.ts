import type { AssignmentSnapshot, AssignmentState, AssignmentView } from './types.js';

/** Taken once it has a taken date or an attempt. */
export function isAssignmentTaken(a: Pick<AssignmentSnapshot, 'takenAt' | 'attemptId'>): boolean {
  return a.takenAt !== null || (a.attemptId ?? null) !== null;
}

/**
 * R19 — `taken`, else `expired` once `now` is past the deadline (the credit is
 * consumed and a new assignment may be made), else `scheduled` (« Prévue »).
 */
export function assignmentState(
  a: Pick<AssignmentSnapshot, 'takenAt' | 'attemptId' | 'deadline'>,
  now: Date,
): AssignmentState {
  if (isAssignmentTaken(a)) return 'taken';
  return now.getTime() > Date.parse(a.deadline) ? 'expired' : 'scheduled';
}

/** The candidate's current assignment: untaken and unexpired (R5 allows one at a time). */
export function isCurrentAssignment(a: AssignmentSnapshot | null | undefined, now: Date): a is AssignmentSnapshot {
  return a != null && assignmentState(a, now) === 'scheduled';
}

/** The most recent of a candidate's assignments (by `createdAt`, then list order), or null. */
export function latestAssignment<T extends Pick<AssignmentSnapshot, 'createdAt'>>(assignments: readonly T[]): T | null {
  let latest: T | null = null;
  for (const a of assignments) {
    if (latest === null || Date.parse(a.createdAt) >= Date.parse(latest.createdAt)) latest = a;
  }
  return latest;
}

/** R8 — may this candidate receive a new exam? Yes unless their latest assignment is current. */
export function isEligibleForAssignment(current: AssignmentSnapshot | null | undefined, now: Date): boolean {
  return !isCurrentAssignment(current, now);
}

/** R7/R8 — may this candidate's assignment be removed? Only an untaken one (scheduled or expired). */
export function isEligibleForRemoval(current: AssignmentSnapshot | null | undefined, now: Date): current is AssignmentSnapshot {
  return current != null && assignmentState(current, now) !== 'taken';
}

/** The candidate file's view of an assignment. */
export function presentAssignment(a: AssignmentSnapshot, now: Date): AssignmentView {
  return {
    id: a.id,
    examType: a.examType,
    scheduledAt: a.scheduledAt,
    sessionId: a.sessionId,
    deadline: a.deadline,
    activationCode: a.activationCode,
    takenAt: a.takenAt,
    createdAt: a.createdAt,
    state: assignmentState(a, now),
  };
}
