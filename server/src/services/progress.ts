/**
 * The candidate read model (`stage`, `deadline`, `latestScore`,
 * `latestValidation`, `latestExamType`, `examDate`, `hasAttempt`): recomputed
 * from the candidate's assignments and attempts through the domain's
 * `candidateStage` and `candidateRowSummary`, in the same transaction as every
 * write that changes them (assign, modify, remove, start, score, validate).
 * The candidates table filters, counts and sorts on these columns in SQL.
 */
import {
  candidateRowSummary,
  candidateStage,
  startOfParisDay,
  type AssignmentSnapshot,
  type AttemptSnapshot,
  type CandidateHistory,
  type Validation,
} from '@clr/domain';
import type { Tx } from '../db/client.js';

/** The columns an {@link AssignmentSnapshot} is built from. */
export const ASSIGNMENT_SNAPSHOT_SELECT = {
  id: true,
  candidateId: true,
  examTypeId: true,
  lotId: true,
  scheduledAt: true,
  sessionId: true,
  deadline: true,
  activationCode: true,
  takenAt: true,
  createdAt: true,
  attempts: { select: { id: true } },
} as const;

export interface AssignmentSnapshotRow {
  id: string;
  candidateId: string;
  examTypeId: string;
  lotId: string;
  scheduledAt: string | null;
  sessionId: string | null;
  deadline: Date;
  activationCode: string | null;
  takenAt: Date | null;
  createdAt: Date;
  attempts: { id: string }[];
}

export function toAssignmentSnapshot(row: AssignmentSnapshotRow): AssignmentSnapshot {
  return {
    id: row.id,
    candidateId: row.candidateId,
    examType: row.examTypeId,
    lotId: row.lotId,
    scheduledAt: row.scheduledAt,
    sessionId: row.sessionId,
    deadline: row.deadline.toISOString(),
    activationCode: row.activationCode,
    takenAt: row.takenAt?.toISOString() ?? null,
    attemptId: row.attempts[0]?.id ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * A candidate's assignments that count (neither removed nor replaced), oldest
 * first: ties on `createdAt` are broken by id, so the domain's
 * `latestAssignment` (last of equal instants) picks the row created last.
 */
export const ACTIVE_ASSIGNMENT_ORDER = [{ createdAt: 'asc' }, { id: 'asc' }] as const;

export const ATTEMPT_SNAPSHOT_SELECT = {
  id: true,
  assignmentId: true,
  examTypeId: true,
  score: true,
  takenAt: true,
  validation: true,
} as const;

export function toAttemptSnapshot(row: {
  id: string;
  assignmentId: string;
  examTypeId: string;
  score: number | null;
  takenAt: Date | null;
  validation: string;
}): AttemptSnapshot {
  return {
    id: row.id,
    assignmentId: row.assignmentId,
    examType: row.examTypeId,
    score: row.score,
    takenAt: row.takenAt?.toISOString() ?? null,
    validation: row.validation as Validation,
  };
}

type HistoryReader = Pick<Tx, 'assignment' | 'attempt'>;

/** What the status rules need of one candidate: active assignments and every attempt. */
export async function loadCandidateHistory(tx: HistoryReader, candidateId: string): Promise<CandidateHistory> {
  const [assignments, attempts] = await Promise.all([
    tx.assignment.findMany({
      where: { candidateId, state: 'active' },
      select: ASSIGNMENT_SNAPSHOT_SELECT,
      orderBy: [...ACTIVE_ASSIGNMENT_ORDER],
    }),
    tx.attempt.findMany({ where: { candidateId }, select: ATTEMPT_SNAPSHOT_SELECT, orderBy: [{ startedAt: 'asc' }, { id: 'asc' }] }),
  ]);
  return { assignments: assignments.map(toAssignmentSnapshot), attempts: attempts.map(toAttemptSnapshot) };
}

/** The read-model columns of the candidates table, as written on `Candidate`. */
export interface CandidateProgress {
  stage: 'none' | 'assigned' | 'taken';
  deadline: Date | null;
  latestScore: number | null;
  latestValidation: Validation | null;
  latestExamType: string | null;
  /**
   * « Date de passage »: the taken instant when `stage = 'taken'`; otherwise the
   * scheduled calendar day, stored as the first instant of that Paris day
   * (read it back with `parisDay(examDate)`); null when there is neither.
   */
  examDate: Date | null;
  hasAttempt: boolean;
}

/** The read-model columns for a history (pure: the write is {@link refreshCandidateProgress}). */
export function progressOf(history: CandidateHistory, now: Date): CandidateProgress {
  const stage = candidateStage(history);
  const summary = candidateRowSummary(history, now);
  let examDate: Date | null = null;
  if (summary.date !== null) {
    examDate = /^\d{4}-\d{2}-\d{2}$/.test(summary.date) ? startOfParisDay(summary.date) : new Date(summary.date);
  }
  return {
    stage: stage.stage,
    deadline: stage.deadline === null ? null : new Date(stage.deadline),
    latestScore: summary.score,
    latestValidation: summary.validation,
    latestExamType: summary.examType,
    examDate,
    hasAttempt: history.attempts.length > 0,
  };
}

/**
 * Recomputes and writes the candidate's read-model columns from their
 * assignments and attempts. Call it inside the transaction of the write that
 * changed them, with the transaction client, after that write.
 */
export async function refreshCandidateProgress(
  tx: Pick<Tx, 'assignment' | 'attempt' | 'candidate'>,
  candidateId: string,
  now: Date,
): Promise<CandidateProgress> {
  const progress = progressOf(await loadCandidateHistory(tx, candidateId), now);
  await tx.candidate.update({ where: { id: candidateId }, data: progress });
  return progress;
}
