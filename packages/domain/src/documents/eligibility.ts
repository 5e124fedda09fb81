import { DomainError } from '../shared/errors.js';
import type { DocumentKind, Validation } from '../shared/enums.js';
import { EXAM_TYPES, findExamType, type ExamType } from '../catalogue/exam-types.js';
import { fr, type MessageId } from '../i18n/messages.js';

/** An assignment as R18 reads it: a current or past one (removed ones are gone), taken or not. */
export interface EligibilityAssignment {
  examType: string;
}

/** An attempt as R18 reads it. */
export interface EligibilityAttempt {
  examType: string;
  /** ISO instant; null while the exam is in progress. */
  takenAt: string | null;
  validation: Validation;
}

export interface EligibilityHistory {
  assignments: readonly EligibilityAssignment[];
  attempts: readonly EligibilityAttempt[];
}

const gives = (examTypeId: string, kind: 'registration' | 'attendance', catalogue: readonly ExamType[]) =>
  findExamType(examTypeId, catalogue)?.documents.includes(kind) ?? false;

/**
 * R18 — is this document available for a candidate (§6.10–6.12)?
 * - `report` (« Bilan détaillé »): an attempt whose result is `validated`;
 * - `registration` (« Attestation d'inscription », « qu'il l'ait passé ou non »):
 *   a current or past assignment of a type that gives it (an attempt of such a
 *   type counts too: it was taken on an assignment);
 * - `attendance` (« Attestation de passage », « lorsqu'un candidat a passé son
 *   examen »): a taken attempt (`takenAt` set) of a type that gives it.
 * Types unknown to `catalogue` give nothing beyond the report.
 */
export function documentEligibility(
  kind: DocumentKind,
  history: EligibilityHistory,
  catalogue: readonly ExamType[] = EXAM_TYPES,
): boolean {
  switch (kind) {
    case 'report':
      return history.attempts.some((a) => a.validation === 'validated');
    case 'registration':
      return (
        history.assignments.some((a) => gives(a.examType, 'registration', catalogue)) ||
        history.attempts.some((a) => gives(a.examType, 'registration', catalogue))
      );
    case 'attendance':
      return history.attempts.some((a) => a.takenAt !== null && gives(a.examType, 'attendance', catalogue));
  }
}

/** R18 The three documents at once: `{ report, registration, attendance }` (the links of §6.9). */
export function documentsAvailable(
  history: EligibilityHistory,
  catalogue: readonly ExamType[] = EXAM_TYPES,
): Record<DocumentKind, boolean> {
  return {
    report: documentEligibility('report', history, catalogue),
    registration: documentEligibility('registration', history, catalogue),
    attendance: documentEligibility('attendance', history, catalogue),
  };
}

const NOT_ELIGIBLE: Record<DocumentKind, MessageId> = {
  report: 'documents.notEligible.report',
  registration: 'documents.notEligible.registration',
  attendance: 'documents.notEligible.attendance',
};

/**
 * R18 Bulk generation (« Générer des documents »): every chosen candidate must
 * have the document, or nothing is generated — `not_eligible` with
 * `details.candidateIds` listing the refused ones, in the order given.
 */
export function assertAllEligible(
  kind: DocumentKind,
  candidates: readonly (EligibilityHistory & { id: string })[],
  catalogue: readonly ExamType[] = EXAM_TYPES,
): void {
  const refused = candidates.filter((c) => !documentEligibility(kind, c, catalogue)).map((c) => c.id);
  if (refused.length > 0) throw new DomainError('not_eligible', fr(NOT_ELIGIBLE[kind]), { candidateIds: refused });
}
