import type { ExamType } from '../catalogue/exam-types.js';
import { endOfParisDay, formatDate, isCalendarDate, parisDay } from '../shared/dates.js';
import { DomainError, type FieldError } from '../shared/errors.js';
import { validationFailed } from '../orders/validate-order.js';
import { frenchCount } from '../stock/pick.js';
import type { ExamSession } from './types.js';

/** What the admin chose in the assignment dialog (§6.5): a date, a La Poste session. */
export interface ScheduleChoice {
  examType: ExamType;
  /** `YYYY-MM-DD`, Europe/Paris. Required by dated types, refused by the others. */
  scheduledAt?: string | null;
  /** The session loaded from `sessionId`. Required by `requiresSession` types, refused by the others. */
  session?: ExamSession | null;
  now: Date;
}

/** A checked choice: the date the assignment is scheduled on, its session, and its deadline if dated. */
export interface Schedule {
  scheduledAt: string | null;
  session: ExamSession | null;
  /** End of the scheduled Paris day for dated types; null when the deadline is the lot's expiry. */
  deadline: string | null;
}

/**
 * R5 — the field errors of a date/session choice (empty when it is valid), so
 * a dialog can show them beside the fields before submitting:
 * - a dated type needs a real calendar date, today or later in Paris (at 23:30
 *   UTC in summer, Paris is already on the next day);
 * - a La Poste type needs a session of that type that has not started; its
 *   date is the session's Paris day (a `scheduledAt` given with it must match);
 * - a type without a date or session refuses one, rather than silently drop it.
 * Paths are those of the request body: `scheduledAt`, `sessionId`.
 */
export function scheduleErrors(choice: ScheduleChoice): FieldError[] {
  const { examType, now } = choice;
  const scheduledAt = choice.scheduledAt || null; // an empty field is no date
  const session = choice.session ?? null;
  const errors: FieldError[] = [];
  const today = parisDay(now);

  if (examType.requiresSession) {
    if (session === null) {
      errors.push({ path: 'sessionId', message: "Choisissez une session dans un centre La Poste." });
    } else if (session.examType !== undefined && session.examType !== examType.id) {
      errors.push({ path: 'sessionId', message: "Cette session n'est pas proposée pour ce type d'examen." });
    } else if (Date.parse(session.startsAt) <= now.getTime()) {
      errors.push({ path: 'sessionId', message: 'Cette session a déjà commencé : choisissez une session à venir.' });
    } else if (scheduledAt !== null && scheduledAt !== parisDay(session.startsAt)) {
      errors.push({
        path: 'scheduledAt',
        message: `La date de passage est celle de la session choisie : le ${formatDate(session.startsAt)}.`,
      });
    }
    return errors;
  }

  if (session !== null) {
    errors.push({ path: 'sessionId', message: "Ce type d'examen ne se passe pas dans un centre La Poste." });
  }
  if (examType.requiresDate) {
    if (scheduledAt === null) {
      errors.push({ path: 'scheduledAt', message: 'Choisissez une date de passage.' });
    } else if (!isCalendarDate(scheduledAt)) {
      errors.push({ path: 'scheduledAt', message: "La date de passage n'est pas une date valide." });
    } else if (scheduledAt < today) {
      errors.push({ path: 'scheduledAt', message: "La date de passage doit être aujourd'hui ou une date à venir." });
    }
  } else if (scheduledAt !== null) {
    errors.push({ path: 'scheduledAt', message: "Ce type d'examen ne se programme pas à une date : il est disponible dès l'attribution." });
  }
  return errors;
}

/** R5 — the checked schedule, or `validation_failed` naming `scheduledAt`/`sessionId`. */
export function resolveSchedule(choice: ScheduleChoice): Schedule {
  const errors = scheduleErrors(choice);
  if (errors.length > 0) throw validationFailed(errors);
  const session = choice.examType.requiresSession ? (choice.session ?? null) : null;
  const scheduledAt = session ? parisDay(session.startsAt) : choice.examType.requiresDate ? choice.scheduledAt || null : null;
  return {
    scheduledAt,
    session,
    deadline: scheduledAt === null ? null : endOfParisDay(scheduledAt).toISOString(),
  };
}

/**
 * R5/R8 — a session must have `needed` free seats. `freedBySelf` seats count
 * as free because the same request gives them back (modifying within the same
 * session). Full: `conflict` (a seat is not a credit, so not `out_of_stock`),
 * with `needed` and `available`.
 */
export function assertSeats(session: ExamSession, needed: number, freedBySelf = 0): void {
  const available = Math.max(0, session.seats - session.seatsTaken + freedBySelf);
  if (needed <= available) return;
  const where = `la session du ${formatDate(session.startsAt)} à ${session.city}`;
  const message =
    needed === 1
      ? `Plus aucune place dans ${where} : choisissez une autre session.`
      : `${frenchCount(needed, 'place nécessaire', 'places nécessaires')}, ${frenchCount(available, 'disponible', 'disponibles')} dans ${where}.`;
  throw new DomainError('conflict', message, { sessionId: session.id, needed, available });
}
