import { z } from 'zod';
import { IsoDate, IsoDateTime } from '../shared/list.js';

/** A La Poste centre session (SPEC §2), as `GET /exam-sessions` lists it. */
export const ExamSession = z.object({
  id: z.string(),
  /** The exam type the session is for, when the store keeps it (`official-laposte`). */
  examType: z.string().optional(),
  city: z.string(),
  postcode: z.string(),
  centreName: z.string(),
  address: z.string(),
  /** ISO instant the session starts. */
  startsAt: IsoDateTime,
  seats: z.number().int().nonnegative(),
  seatsTaken: z.number().int().nonnegative(),
});
export type ExamSession = z.infer<typeof ExamSession>;

/** R19 — the state of an assignment: not yet taken and in time, past its deadline untaken, or taken. */
export const AssignmentState = z.enum(['scheduled', 'expired', 'taken']);
export type AssignmentState = z.infer<typeof AssignmentState>;

/**
 * A candidate's exam as stored (SPEC §2 Assignment). Pass the rules the
 * assignments that are neither removed nor replaced: a plan's `release` says
 * which row ends, and how.
 */
export interface AssignmentSnapshot {
  id: string;
  candidateId: string;
  examType: string;
  /** The credit lot it consumed. */
  lotId: string;
  /** Calendar date `YYYY-MM-DD` (Europe/Paris) for dated types, else null. */
  scheduledAt: string | null;
  /** The La Poste session whose seat it holds, else null. */
  sessionId: string | null;
  /** ISO instant after which an untaken assignment is expired (R19). */
  deadline: string;
  /** Only for `supervision = partner` types (R15). */
  activationCode: string | null;
  /** ISO instant the exam was taken; null while untaken. */
  takenAt: string | null;
  /** The attempt started on it, if any: an assignment with an attempt counts as taken. */
  attemptId?: string | null;
  /** ISO instant of the assignment: orders a candidate's assignments. */
  createdAt: string;
}

/** The row a plan creates; the store gives it its id. */
export type NewAssignment = Omit<AssignmentSnapshot, 'id'>;

/** How an untaken assignment ends: the row is marked `removed` (R7) or `replaced` (R6). */
export interface Release {
  assignmentId: string;
  lotId: string;
  /**
   * Whether one credit goes back to `lotId`: false when the lot has expired (R6:
   * the credit is lost) or the assignment itself has expired (R19: consumed).
   */
  returnCredit: boolean;
  endedAs: 'removed' | 'replaced';
}

/** Seats of one session to take or give back. */
export interface SeatChange {
  sessionId: string;
  count: number;
}

/** An assignment as the candidate's file shows it (`GET /candidates/:id` → `assignment`). */
export const AssignmentView = z.object({
  id: z.string(),
  examType: z.string(),
  scheduledAt: IsoDate.nullable(),
  sessionId: z.string().nullable(),
  deadline: IsoDateTime,
  activationCode: z.string().nullable(),
  takenAt: IsoDateTime.nullable(),
  createdAt: IsoDateTime,
  state: AssignmentState,
});
export type AssignmentView = z.infer<typeof AssignmentView>;
