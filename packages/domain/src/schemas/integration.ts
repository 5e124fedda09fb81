import { z } from 'zod';
import { fr } from '../i18n/messages.js';
import { isActivationCode, normaliseActivationCode } from '../codes/activation-code.js';
import { emailField, idField, instant } from './fields.js';

/** `POST /integration/candidates/login` `{ email, password }`: the exam platform logs a candidate in. */
export const IntegrationLoginBody = z.object(
  {
    email: emailField(),
    password: z.string({ error: fr('password.required') }).min(1, { error: fr('password.required') }).max(1024, {
      error: fr('password.required'),
    }),
  },
  { error: fr('body.invalid') },
);
export type IntegrationLoginBody = z.output<typeof IntegrationLoginBody>;

/**
 * `POST /integration/attempts` `{ activationCode }` or `{ assignmentId }`: exactly
 * one. The code is read as an invigilator types it (`bcdf-ghjk` → `BCDFGHJK`).
 */
export const AttemptStartBody = z
  .object(
    {
      activationCode: z
        .string({ error: fr('activationCode.invalid') })
        .transform(normaliseActivationCode)
        .refine(isActivationCode, { error: fr('activationCode.invalid') })
        .optional(),
      assignmentId: idField('assignmentId.invalid').optional(),
    },
    { error: fr('body.invalid') },
  )
  .refine((v) => (v.activationCode === undefined) !== (v.assignmentId === undefined), { error: fr('attemptStart.oneOf') })
  .transform((v): { activationCode: string } | { assignmentId: string } =>
    v.activationCode !== undefined ? { activationCode: v.activationCode } : { assignmentId: v.assignmentId as string },
  );
export type AttemptStartBody = z.output<typeof AttemptStartBody>;

/** `POST /integration/attempts/:id/score` `{ score, takenAt }`: an integer /1000 and the instant it was taken. */
export const AttemptScoreBody = z.object(
  {
    score: z
      .number({ error: fr('score.invalid') })
      .int({ error: fr('score.invalid') })
      .min(0, { error: fr('score.invalid') })
      .max(1000, { error: fr('score.invalid') }),
    takenAt: instant('takenAt.invalid'),
  },
  { error: fr('body.invalid') },
);
export type AttemptScoreBody = z.output<typeof AttemptScoreBody>;

/** `POST /integration/attempts/:id/validation` `{ decision }`: an examiner's verdict on a manually validated exam. */
export const ValidationDecisionBody = z.object(
  { decision: z.enum(['validated', 'invalidated'], { error: fr('decision.invalid') }) },
  { error: fr('body.invalid') },
);
export type ValidationDecisionBody = z.output<typeof ValidationDecisionBody>;

/**
 * `POST /integration/candidates/login` → the candidate and their untaken exam, if any. The
 * activation code itself is never given to the exam platform: `activationRequired` says the exam
 * waits for the invigilator to type it (R15).
 */
export const IntegrationLoginResponse = z.object({
  candidate: z.object({ id: z.string(), civility: z.string(), lastName: z.string(), firstName: z.string(), email: z.string() }),
  assignment: z
    .object({
      id: z.string(),
      examType: z.string(),
      scheduledAt: z.string().nullable(),
      sessionId: z.string().nullable(),
      deadline: z.string(),
      state: z.enum(['scheduled', 'expired']),
      activationRequired: z.boolean(),
    })
    .nullable(),
});
export type IntegrationLoginResponse = z.infer<typeof IntegrationLoginResponse>;
