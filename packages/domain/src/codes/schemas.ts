import { z } from 'zod';
import { CandidateStatus } from '../shared/enums.js';

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
