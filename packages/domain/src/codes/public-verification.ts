import { DomainError } from '../shared/errors.js';
import { parisDay } from '../shared/dates.js';
import type { Validation } from '../shared/enums.js';
import type { ExamType } from '../catalogue/exam-types.js';
import { fr } from '../i18n/messages.js';
import { validUntil } from '../documents/validity.js';
import type { PublicVerification } from './schemas.js';

/** What R17 reads of an attempt: its exam type, score, taken instant and validation. */
export interface VerifiableAttempt {
  score: number | null;
  takenAt: string | Date | null;
  validation: Validation;
}

/** What R17 reads of a candidate: the name, and nothing else. */
export interface VerifiableCandidate {
  firstName: string;
  lastName: string;
}

/**
 * R17 — what the public verification page (`GET /public/verify/:code`) shows:
 * the exam type's label, the score, the taken and validity dates (R16), the
 * candidate's first and last names — nothing else (no e-mail, no birth date, no
 * id). Only a `validated` attempt with a score is shown; any other answers
 * `not_found`, like an unknown code, so the page reveals nothing about it.
 */
export function publicVerificationView(
  attempt: VerifiableAttempt,
  candidate: VerifiableCandidate,
  examType: Pick<ExamType, 'label'>,
): PublicVerification {
  if (attempt.validation !== 'validated' || attempt.score === null || attempt.takenAt === null) {
    throw new DomainError('not_found', fr('verification.notFound'));
  }
  return {
    examTypeLabel: examType.label,
    score: attempt.score,
    takenAt: parisDay(attempt.takenAt),
    validUntil: validUntil(attempt.takenAt),
    firstName: candidate.firstName,
    lastName: candidate.lastName,
  };
}
