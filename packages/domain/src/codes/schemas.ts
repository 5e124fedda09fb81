import { z } from 'zod';
import { CandidateStatus } from '../shared/enums.js';
import { IsoDate } from '../shared/list.js';

/** A row of « Afficher les codes d'activation » (§6.7). */
export const ActivationCodeRow = z.object({
  candidateId: z.string(),
  lastName: z.string(),
  firstName: z.string(),
  email: z.string(),
  status: CandidateStatus,
  /** Scheduled date (ISO) of the assignment the code opens. */
  date: z.string().nullable(),
  code: z.string(),
});
export type ActivationCodeRow = z.infer<typeof ActivationCodeRow>;

/**
 * `GET /public/verify/:code` (R17): the exam type's label, the score /1000, the
 * taken date and the last day of validity (`YYYY-MM-DD`, Paris), the name.
 */
export const PublicVerification = z.strictObject({
  examTypeLabel: z.string(),
  score: z.number().int().min(0).max(1000),
  takenAt: IsoDate,
  validUntil: IsoDate,
  firstName: z.string(),
  lastName: z.string(),
});
export type PublicVerification = z.infer<typeof PublicVerification>;
