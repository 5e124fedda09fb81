import { z } from 'zod';
import { fr } from '../i18n/messages.js';
import {
  blankAsAbsent,
  calendarDate,
  candidateIdsField,
  examTypeField,
  flag,
  idField,
  orderedPeriod,
  pageShape,
  periodShape,
  searchField,
} from './fields.js';

const notify = () => blankAsAbsent(flag('notify.invalid')).transform((b) => b ?? false);

const assignmentShape = {
  examType: examTypeField(),
  /** A calendar date `YYYY-MM-DD` (Europe/Paris); whether the type needs one, and today or later, is R5's business. */
  scheduledAt: blankAsAbsent(calendarDate('scheduledAt.invalid')),
  /** The La Poste session (R5 when `requiresSession`). */
  sessionId: blankAsAbsent(idField('sessionId.invalid')),
  /** « Envoyer un courriel au candidat pour l'informer de son inscription » (§6.5). */
  notify: notify(),
};

/** `POST` and `PUT /candidates/:id/assignment` `{ examType, scheduledAt?, sessionId?, notify? }` (§6.5, §6.6). */
export const AssignmentBody = z.object(assignmentShape, { error: fr('body.invalid') });
export type AssignmentBody = z.output<typeof AssignmentBody>;
export type AssignmentInput = z.input<typeof AssignmentBody>;

/** `DELETE /candidates/:id/assignment?notify=true` (« l'informer de l'annulation », §6.6). */
export const AssignmentDeleteQuery = z.object({ notify: notify() });
export type AssignmentDeleteQuery = z.output<typeof AssignmentDeleteQuery>;

/** `POST /assignments/bulk` `{ candidateIds, examType, scheduledAt?, sessionId?, notify? }` (§6.6, R8). */
export const BulkAssignBody = z.object(
  { candidateIds: candidateIdsField(), ...assignmentShape },
  { error: fr('body.invalid') },
);
export type BulkAssignBody = z.output<typeof BulkAssignBody>;

/** `POST /assignments/bulk-delete` `{ candidateIds, notify? }` (§6.6 « Supprimer des attributions », R8). */
export const BulkDeleteBody = z.object({ candidateIds: candidateIdsField(), notify: notify() }, { error: fr('body.invalid') });
export type BulkDeleteBody = z.output<typeof BulkDeleteBody>;

/**
 * `GET /exam-sessions` query (§6.5 « Sélection d'une session de passage dans un
 * centre La Poste »): city (search), exam type, period of the session's day, paging.
 */
export const ExamSessionListQuery = z
  .object({
    city: searchField,
    examType: blankAsAbsent(examTypeField('examType.invalid')),
    ...periodShape,
    ...pageShape,
  })
  .refine(...orderedPeriod);
export type ExamSessionListQuery = z.output<typeof ExamSessionListQuery>;
