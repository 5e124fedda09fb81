import { z } from 'zod';
import { Validation } from '../shared/enums.js';
import { IsoDateTime } from '../shared/list.js';

/** A taken exam (SPEC §4 Attempt). */
export const Attempt = z.object({
  id: z.string(),
  examType: z.string(),
  score: z.number().int().min(0).max(1000).nullable(),
  takenAt: IsoDateTime.nullable(),
  validUntil: z.string().nullable(),
  validation: Validation,
  publicCode: z.string().nullable(),
});
export type Attempt = z.infer<typeof Attempt>;
