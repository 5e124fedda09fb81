/**
 * How results arrive (the exam platform's integration endpoints) and how they
 * are read: a candidate logs in on the platform, an attempt starts with an
 * activation code (R15, single use) or an assignment, a score is posted (R16
 * validity, R17 public code), an examiner validates or invalidates (manual
 * validation types); the public verification page shows a validated result
 * and nothing else (R17).
 */
import {
  DomainError,
  findExamType,
  formatDate,
  fr,
  generatePublicCode,
  parisDay,
  publicVerificationView,
  validUntil,
  type Attempt,
  type AttemptScoreBody,
  type AttemptStartBody,
  type IntegrationLoginResponse,
  type PublicVerification,
  type ValidationDecisionBody,
} from '@clr/domain';
import { notFound, unauthenticated, validationFailed } from '../http/problem.js';
import { hit, rateLimited } from './auth.js';
import type { MockStore } from '../store/store.js';
import type { AssignmentRecord, AttemptRecord } from '../store/types.js';
import { attemptView, attemptsOf, currentAssignment } from './views.js';

/** `POST /integration/candidates/login` → the candidate and their untaken exam (the code itself is never given out). */
export type IntegrationCandidate = IntegrationLoginResponse;

const BAD_CREDENTIALS = 'Identifiant ou mot de passe incorrect.';

/**
 * `POST /integration/candidates/login`: the candidate's e-mail and password.
 * Failures count per account; past the limit, `rate_limited` even for the
 * right password. A success clears them and records « Dernière connexion » (§6.1).
 */
export function candidateLogin(store: MockStore, body: { email: string; password: string }): IntegrationCandidate {
  const { perAccount, windowMs } = store.config.loginLimits;
  const key = `integration-login:account:${body.email}`;
  const attempts = hit(store, key, windowMs);
  if (attempts.count > perAccount) throw rateLimited(attempts.retryAfterSeconds);
  const candidate = store.index().candidateByEmail.get(body.email);
  if (!candidate || candidate.password !== body.password) throw unauthenticated(BAD_CREDENTIALS);
  store.state.rateLimits = store.state.rateLimits.filter((b) => b.key !== key);
  const now = store.now();
  candidate.lastLoginAt = now.toISOString();
  store.touched([candidate.id]);
  const current = currentAssignment(store, candidate.id);
  const untaken = current && current.takenAt === null && current.attemptId === null ? current : null;
  return {
    candidate: { id: candidate.id, civility: candidate.civility, lastName: candidate.lastName, firstName: candidate.firstName, email: candidate.email },
    assignment: untaken
      ? {
          id: untaken.id,
          examType: untaken.examType,
          scheduledAt: untaken.scheduledAt,
          sessionId: untaken.sessionId,
          deadline: untaken.deadline,
          state: now.getTime() > Date.parse(untaken.deadline) ? 'expired' : 'scheduled',
          activationRequired: untaken.activationCode !== null,
        }
      : null,
  };
}

/** Can this exam start now? Not removed or replaced, not started, not expired (R19), its day come. */
function assertStartable(a: AssignmentRecord, now: Date): void {
  const refuse = (message: string) => new DomainError('conflict', message, { assignmentId: a.id });
  if (a.state !== 'active') throw refuse("Cet examen n'est plus attribué au candidat : son attribution a été modifiée ou supprimée.");
  if (a.attemptId !== null || a.takenAt !== null) throw refuse('Cet examen a déjà été démarré.');
  if (now.getTime() > Date.parse(a.deadline)) throw refuse(`Cet examen a expiré le ${formatDate(a.deadline)} : il ne peut plus être démarré.`);
  if (a.scheduledAt !== null && parisDay(now) < a.scheduledAt) {
    throw refuse(`Cet examen ne peut être démarré qu'à partir du ${formatDate(a.scheduledAt)}.`);
  }
}

const SPENT = "Ce code d'activation a déjà été utilisé.";

/**
 * `POST /integration/attempts`. With `{ activationCode }` (R15): the code must
 * exist (`not_found`) and be unspent (single use: a spent code is a
 * `conflict`). With `{ assignmentId }`: only for exams without an
 * invigilator's code. Either way: not expired (R19), from the scheduled day
 * on, started once.
 */
export function startAttempt(store: MockStore, body: AttemptStartBody): { attemptId: string } {
  const now = store.now();
  const byCode = 'activationCode' in body;
  const assignment = byCode
    ? store.state.assignments.find((a) => a.activationCode === body.activationCode)
    : store.index().assignments.get(body.assignmentId);
  if (!assignment) throw notFound(byCode ? "Ce code d'activation n'existe pas." : "Cette attribution n'existe pas.");
  if (byCode) {
    if (assignment.codeSpentAt !== null) throw new DomainError('conflict', SPENT, { assignmentId: assignment.id });
  } else if (assignment.activationCode !== null) {
    throw new DomainError('conflict', "Cet examen se démarre avec le code d'activation que saisit l'examinateur.", { assignmentId: assignment.id });
  }
  assertStartable(assignment, now);
  const attempt: AttemptRecord = {
    id: store.nextId('att'),
    spaceId: assignment.spaceId,
    candidateId: assignment.candidateId,
    assignmentId: assignment.id,
    examType: assignment.examType,
    score: null,
    takenAt: null,
    validation: 'pending',
    validUntil: null,
    publicCode: null,
    startedAt: now.toISOString(),
  };
  store.state.attempts.push(attempt);
  assignment.attemptId = attempt.id;
  if (byCode) assignment.codeSpentAt = attempt.startedAt;
  store.touched([assignment.candidateId]);
  return { attemptId: attempt.id };
}

function requireAttempt(store: MockStore, id: string): AttemptRecord {
  const attempt = store.index().attempts.get(id);
  if (!attempt) throw notFound("Ce passage d'examen n'existe pas.");
  return attempt;
}

/** A few minutes of clock difference between the platform and the API are tolerated. */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * `POST /integration/attempts/:id/score`: the score /1000 and when the exam
 * was taken; validity end (R16), public verification code (R17), validation —
 * `validated`, or `pending` when the type waits for an examiner —; the
 * assignment is taken. A score arrives once (`conflict` after).
 */
export function scoreAttempt(store: MockStore, id: string, body: AttemptScoreBody): Attempt {
  const now = store.now();
  const attempt = requireAttempt(store, id);
  if (attempt.score !== null) throw new DomainError('conflict', 'Le score de ce passage a déjà été enregistré.', { attemptId: id });
  const takenAt = new Date(body.takenAt);
  if (takenAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw validationFailed([{ path: 'takenAt', message: 'La date de passage ne peut pas être dans le futur.' }]);
  }
  const type = findExamType(attempt.examType, store.state.examTypes);
  const taken = new Set(store.state.attempts.flatMap((a) => (a.publicCode ? [a.publicCode] : [])));
  attempt.score = body.score;
  attempt.takenAt = takenAt.toISOString();
  attempt.validUntil = validUntil(takenAt);
  attempt.validation = type?.manualValidation ? 'pending' : 'validated';
  attempt.publicCode = generatePublicCode(store.random, (code) => taken.has(code));
  const assignment = store.index().assignments.get(attempt.assignmentId);
  if (assignment && assignment.takenAt === null) assignment.takenAt = attempt.takenAt;
  store.touched([attempt.candidateId]);
  return attemptView(attempt);
}

/**
 * `POST /integration/attempts/:id/validation`: an examiner's decision on a
 * scored result waiting for manual validation; anything else is a `conflict`.
 */
export function decideAttempt(store: MockStore, id: string, body: ValidationDecisionBody): Attempt {
  const attempt = requireAttempt(store, id);
  if (attempt.score === null) throw new DomainError('conflict', "Le score de ce passage n'a pas encore été reçu.", { attemptId: id });
  if (attempt.validation !== 'pending') {
    throw new DomainError('conflict', "Ce résultat n'attend pas de validation.", { attemptId: id, validation: attempt.validation });
  }
  attempt.validation = body.decision;
  store.touched([attempt.candidateId]);
  return attemptView(attempt);
}

/**
 * `GET /candidates/:id/attempts` (§6.9): latest first — one in progress (not
 * scored yet) before the taken ones, these by taken date.
 */
export function listAttempts(store: MockStore, candidateId: string): Attempt[] {
  const byStart = [...attemptsOf(store, candidateId)].sort(
    (a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
  );
  const inProgress = byStart.filter((a) => a.takenAt === null);
  const taken = byStart.filter((a) => a.takenAt !== null).sort((a, b) => Date.parse(b.takenAt as string) - Date.parse(a.takenAt as string));
  return [...inProgress, ...taken].map(attemptView);
}

/** A verification code as printed; anything else is looked up as nothing. */
const CODE_SHAPE = /^[A-Za-z0-9]{4,32}$/;

/** R17 `GET /public/verify/:code`: a validated result's type, score, dates and name; anything else looks unknown. */
export function verifyPublicCode(store: MockStore, code: string): PublicVerification {
  const attempt = CODE_SHAPE.test(code) ? store.state.attempts.find((a) => a.publicCode === code) : undefined;
  const candidate = attempt ? store.index().candidates.get(attempt.candidateId) : undefined;
  const type = attempt ? findExamType(attempt.examType, store.state.examTypes) : undefined;
  if (!attempt || !candidate || !type) throw notFound(fr('verification.notFound'));
  return publicVerificationView(attempt, candidate, type);
}
