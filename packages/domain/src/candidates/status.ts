import { isAssignmentTaken, latestAssignment } from '../assignments/state.js';
import type { AssignmentSnapshot } from '../assignments/types.js';
import type { CandidateStatus, Validation } from '../shared/enums.js';

/** A taken (or started) exam, as the status rules need it (SPEC §2 Attempt). */
export interface AttemptSnapshot {
  id: string;
  /** The assignment it was taken on; null for an attempt imported without one. */
  assignmentId: string | null;
  examType: string;
  /** Score /1000; null until scored. */
  score: number | null;
  /** ISO instant; null while in progress. */
  takenAt: string | null;
  validation: Validation;
}

/** What a candidate's status is computed from: their assignments (neither removed nor replaced) and attempts. */
export interface CandidateHistory {
  assignments: readonly AssignmentSnapshot[];
  attempts: readonly AttemptSnapshot[];
}

/**
 * The stored form of the status (the server's read model): `none` (nothing
 * assigned), `assigned` (the latest assignment is untaken; `deadline` says
 * until when), `taken`. It does not depend on the clock, so it can be written
 * with the assignment and filtered in SQL: see {@link statusFromStage}.
 */
export interface CandidateStage {
  stage: 'none' | 'assigned' | 'taken';
  /** Deadline of the untaken latest assignment (ISO), else null. */
  deadline: string | null;
}

function takenIds(attempts: readonly AttemptSnapshot[]): Set<string> {
  return new Set(attempts.flatMap((a) => (a.assignmentId === null ? [] : [a.assignmentId])));
}

function isTaken(a: AssignmentSnapshot, attempted: Set<string>): boolean {
  return isAssignmentTaken(a) || attempted.has(a.id);
}

/** The candidate's stage, from their latest assignment: an attempt on it, or a taken date, makes it taken. */
export function candidateStage(history: CandidateHistory): CandidateStage {
  const latest = latestAssignment(history.assignments);
  if (latest === null) return { stage: history.attempts.length > 0 ? 'taken' : 'none', deadline: null };
  if (isTaken(latest, takenIds(history.attempts))) return { stage: 'taken', deadline: null };
  return { stage: 'assigned', deadline: latest.deadline };
}

/** R19 — `assigned` is `scheduled` until the deadline, `expired` after it; the same test SQL runs (`deadline < now`). */
export function statusFromStage(stage: CandidateStage, now: Date): CandidateStatus {
  switch (stage.stage) {
    case 'none':
      return 'to_assign';
    case 'taken':
      return 'taken';
    case 'assigned':
      return stage.deadline !== null && now.getTime() > Date.parse(stage.deadline) ? 'expired' : 'scheduled';
  }
}

/**
 * §6.1 — « à attribuer » (no assignment and no attempt; also after the last
 * assignment was removed), « prévue » (the latest assignment is untaken and in
 * time), « expirée » (its deadline passed untaken, R19), « passée » (the latest
 * assignment is taken). A taken exam followed by a new assignment shows the new one.
 */
export function candidateStatus(history: CandidateHistory, now: Date): CandidateStatus {
  return statusFromStage(candidateStage(history), now);
}

/** R5/R10 — does the candidate hold an untaken, unexpired assignment? */
export function hasCurrentAssignment(history: CandidateHistory, now: Date): boolean {
  return candidateStatus(history, now) === 'scheduled';
}

/**
 * The latest result: the attempt taken last (by `takenAt`); an attempt still
 * in progress only when none has been taken yet.
 */
export function latestAttempt(attempts: readonly AttemptSnapshot[]): AttemptSnapshot | null {
  let latest: AttemptSnapshot | null = null;
  for (const a of attempts) {
    if (latest === null) latest = a;
    else if (a.takenAt !== null && (latest.takenAt === null || Date.parse(a.takenAt) >= Date.parse(latest.takenAt))) latest = a;
    else if (a.takenAt === null && latest.takenAt === null) latest = a;
  }
  return latest;
}

/** The status-related columns of a candidates table row (SPEC §4 CandidateRow). */
export interface CandidateRowSummary {
  status: CandidateStatus;
  /** Latest attempt's validation; null before any exam is taken. */
  validation: Validation | null;
  /** Latest attempt's score /1000. */
  score: number | null;
  /** Latest attempt's exam type (it goes with the score); else the latest assignment's. */
  examType: string | null;
  /** « Date de passage »: the taken date (ISO instant) when taken, else the scheduled date (`YYYY-MM-DD`) if any. */
  date: string | null;
}

/** §6.1 — the Statut, Validation, Score and Date de passage columns of a candidate. */
export function candidateRowSummary(history: CandidateHistory, now: Date): CandidateRowSummary {
  const status = candidateStatus(history, now);
  const attempt = latestAttempt(history.attempts);
  const assignment = latestAssignment(history.assignments);
  let date: string | null = null;
  if (status === 'taken') date = attempt?.takenAt ?? assignment?.takenAt ?? null;
  else if (status !== 'to_assign') date = assignment?.scheduledAt ?? null;
  return {
    status,
    validation: attempt?.validation ?? null,
    score: attempt?.score ?? null,
    examType: attempt?.examType ?? assignment?.examType ?? null,
    date,
  };
}
