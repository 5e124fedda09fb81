import { z } from 'zod';
import { CandidateStatus, Civility, Validation } from '../shared/enums.js';
import { GroupRef } from '../groups/schemas.js';
import { IsoDateTime, listOf } from '../shared/list.js';

/** A row of the candidates table (§6.1). */
export const CandidateRow = z.object({
  id: z.string(),
  civility: Civility,
  lastName: z.string(),
  firstName: z.string(),
  email: z.string(),
  groups: z.array(GroupRef),
  lastLoginAt: IsoDateTime.nullable(),
  status: CandidateStatus,
  validation: Validation.nullable(),
  /** Latest attempt's score /1000. */
  score: z.number().int().min(0).max(1000).nullable(),
  /** Exam type of the latest attempt (or of the current assignment when none is taken). */
  examType: z.string().nullable(),
  /** Taken date, else scheduled date (ISO). */
  date: z.string().nullable(),
});
export type CandidateRow = z.infer<typeof CandidateRow>;

export const StatusCounts = z.object({
  to_assign: z.number().int().nonnegative(),
  scheduled: z.number().int().nonnegative(),
  expired: z.number().int().nonnegative(),
  taken: z.number().int().nonnegative(),
});
export type StatusCounts = z.infer<typeof StatusCounts>;

export const CandidateList = listOf(CandidateRow).extend({ counts: StatusCounts });
export type CandidateList = z.infer<typeof CandidateList>;
