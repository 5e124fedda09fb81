/**
 * The exam platform's side (integration key): a candidate logs in, an attempt
 * starts — with the activation code an invigilator types (R15, single use) or,
 * for an exam the candidate starts alone, with the assignment —, its score
 * arrives (R16 validity, R17 public code, validation), and an examiner's
 * decision settles a manually validated result. Every write locks the
 * candidate, checks the rule, writes guarded, and refreshes the read model in
 * one transaction. Also the candidate file's list of attempts (§6.9).
 */
import {
  CODE_MAX_ATTEMPTS,
  DomainError,
  formatDate,
  fr,
  generatePublicCode,
  parisDay,
  validUntil,
  type Attempt,
  type AttemptScoreBody,
  type AttemptStartBody,
  type IntegrationLoginResponse,
  type RandomSource,
  type Validation,
} from '@clr/domain';
import { withTransaction, type Db, type Tx } from '../db/client.js';
import { unauthenticated } from '../http/auth.js';
import { sha256 } from '../http/crypto.js';
import type { AppDeps } from '../http/env.js';
import { verifyDummy, verifyPassword } from '../http/passwords.js';
import { notFound, validationFailed } from '../http/problem.js';
import { clearBucket, hit, rateLimited } from '../http/rate-limit.js';
import { loadExamType, lockCandidates } from '@clr/app';
import { prismaTxPorts, retryingRaces } from '../adapters/prisma/index.js';
import { refreshCandidateProgress } from './progress.js';

// ---------------------------------------------------------------------------
// Login

export type IntegrationCandidate = IntegrationLoginResponse;

const BAD_CREDENTIALS = 'Identifiant ou mot de passe incorrect.';
const accountKey = (email: string) => `integration-login:account:${sha256(email)}`;

/**
 * `POST /integration/candidates/login`: the candidate's e-mail (their login,
 * platform-wide) and password (argon2id). Failures count per account in the
 * database (shared by every instance); past the limit, `rate_limited` even
 * for the right password. A success clears the failures and sets `lastLoginAt`
 * (« Dernière connexion » of §6.1).
 */
export async function integrationLogin(deps: AppDeps, input: { email: string; password: string }): Promise<IntegrationCandidate> {
  const { perAccount, windowMs } = deps.config.loginLimits;
  const attempts = await hit(deps, accountKey(input.email), windowMs);
  if (attempts.count > perAccount) throw rateLimited(attempts.retryAfterSeconds);
  const candidate = await deps.db.candidate.findUnique({
    where: { emailKey: input.email },
    select: { id: true, civility: true, lastName: true, firstName: true, email: true, passwordHash: true },
  });
  const ok = candidate ? await verifyPassword(candidate.passwordHash, input.password) : await verifyDummy(input.password);
  if (!candidate || !ok) throw unauthenticated(BAD_CREDENTIALS);
  await clearBucket(deps, accountKey(input.email));
  const now = deps.now();
  await deps.db.candidate.update({ where: { id: candidate.id }, data: { lastLoginAt: now } });
  const current = (await prismaTxPorts(deps.db).assignments.current([candidate.id])).get(candidate.id) ?? null;
  const untaken = current && current.takenAt === null && !current.attemptId ? current : null;
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

// ---------------------------------------------------------------------------
// Starting an attempt

const ASSIGNMENT_START_SELECT = {
  id: true,
  spaceId: true,
  candidateId: true,
  examTypeId: true,
  scheduledAt: true,
  deadline: true,
  state: true,
  takenAt: true,
  codeSpentAt: true,
  activationCode: true,
  attempts: { select: { id: true } },
} as const;

type StartRow = {
  id: string;
  spaceId: string;
  candidateId: string;
  examTypeId: string;
  scheduledAt: string | null;
  deadline: Date;
  state: string;
  takenAt: Date | null;
  codeSpentAt: Date | null;
  activationCode: string | null;
  attempts: { id: string }[];
};

/** Can this exam start now? Not removed or replaced, not started, not expired (R19), its day come. */
function assertStartable(a: StartRow, now: Date): void {
  if (a.state !== 'active') {
    throw new DomainError('conflict', "Cet examen n'est plus attribué au candidat : son attribution a été modifiée ou supprimée.", { assignmentId: a.id });
  }
  if (a.attempts.length > 0 || a.takenAt !== null) {
    throw new DomainError('conflict', 'Cet examen a déjà été démarré.', { assignmentId: a.id });
  }
  if (now.getTime() > a.deadline.getTime()) {
    throw new DomainError('conflict', `Cet examen a expiré le ${formatDate(a.deadline)} : il ne peut plus être démarré.`, { assignmentId: a.id });
  }
  if (a.scheduledAt !== null && parisDay(now) < a.scheduledAt) {
    throw new DomainError('conflict', `Cet examen ne peut être démarré qu'à partir du ${formatDate(a.scheduledAt)}.`, { assignmentId: a.id });
  }
}

const SPENT = "Ce code d'activation a déjà été utilisé.";

/**
 * `POST /integration/attempts`. With `{ activationCode }` (R15): the code must
 * exist (`not_found`), be unspent — single use, guarded by `codeSpentAt IS
 * NULL` in the update itself: a spent code is a 409 `conflict` — and open an
 * exam that can start now. With `{ assignmentId }`: only for exams without an
 * invigilator's code (the candidate starts alone, or the La Poste centre
 * checks the candidate itself); an exam that needs a code is a `conflict`.
 * Either way: not expired (R19), from the scheduled day on, started once.
 */
export async function startAttempt(deps: AppDeps, body: AttemptStartBody): Promise<{ attemptId: string }> {
  return retryingRaces(() =>
    withTransaction(deps.db, async (tx) => {
      const now = deps.now();
      const where = 'activationCode' in body ? { activationCode: body.activationCode } : { id: body.assignmentId };
      const found = await tx.assignment.findUnique({ where, select: { id: true, spaceId: true, candidateId: true } });
      if (!found) {
        throw notFound('activationCode' in body ? "Ce code d'activation n'existe pas." : "Cette attribution n'existe pas.");
      }
      await lockCandidates(prismaTxPorts(tx), found.spaceId, [found.candidateId], now);
      const a = await tx.assignment.findUniqueOrThrow({ where: { id: found.id }, select: ASSIGNMENT_START_SELECT });
      if ('activationCode' in body) {
        if (a.codeSpentAt !== null) throw new DomainError('conflict', SPENT, { assignmentId: a.id });
      } else if (a.activationCode !== null) {
        throw new DomainError('conflict', "Cet examen se démarre avec le code d'activation que saisit l'examinateur.", { assignmentId: a.id });
      }
      assertStartable(a, now);
      if ('activationCode' in body) {
        const spent = await tx.assignment.updateMany({ where: { id: a.id, codeSpentAt: null, state: 'active' }, data: { codeSpentAt: now } });
        if (spent.count !== 1) throw new DomainError('conflict', SPENT, { assignmentId: a.id });
      }
      const attempt = await tx.attempt.create({
        data: { spaceId: a.spaceId, candidateId: a.candidateId, assignmentId: a.id, examTypeId: a.examTypeId, startedAt: now, validation: 'pending' },
        select: { id: true },
      });
      await refreshCandidateProgress(tx, a.candidateId, now);
      return { attemptId: attempt.id };
    }),
  );
}

// ---------------------------------------------------------------------------
// Results

export const ATTEMPT_SELECT = {
  id: true,
  examTypeId: true,
  score: true,
  takenAt: true,
  validUntil: true,
  validation: true,
  publicCode: true,
} as const;

export function toAttempt(row: {
  id: string;
  examTypeId: string;
  score: number | null;
  takenAt: Date | null;
  validUntil: string | null;
  validation: string;
  publicCode: string | null;
}): Attempt {
  return {
    id: row.id,
    examType: row.examTypeId,
    score: row.score,
    takenAt: row.takenAt?.toISOString() ?? null,
    validUntil: row.validUntil,
    validation: row.validation as Validation,
    publicCode: row.publicCode,
  };
}

/**
 * A fresh public verification code (R17) from the CSPRNG, not already stored;
 * the unique index stays the final guard (a collision replays the transaction).
 */
async function drawPublicCode(tx: Pick<Tx, 'attempt'>, random: RandomSource): Promise<string> {
  const tried = new Set<string>();
  for (let round = 0; round < CODE_MAX_ATTEMPTS; round += 1) {
    const code = generatePublicCode(random, (c) => tried.has(c));
    tried.add(code);
    if ((await tx.attempt.count({ where: { publicCode: code } })) === 0) return code;
  }
  throw new DomainError('conflict', fr('publicCode.exhausted'));
}

async function lockAttempt(tx: Tx, attemptId: string, now: Date) {
  const found = await tx.attempt.findUnique({ where: { id: attemptId }, select: { spaceId: true, candidateId: true } });
  if (!found) throw notFound("Ce passage d'examen n'existe pas.");
  await lockCandidates(prismaTxPorts(tx), found.spaceId, [found.candidateId], now);
  return tx.attempt.findUniqueOrThrow({
    where: { id: attemptId },
    select: { ...ATTEMPT_SELECT, candidateId: true, assignmentId: true, startedAt: true },
  });
}

/** A few minutes of clock difference between the platform and this server are tolerated. */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * `POST /integration/attempts/:id/score`: the score /1000 and when the exam
 * was taken. Sets the validity end (R16: taken date + 3 years − 1 day, Paris),
 * a public verification code (R17), the validation — `validated`, or `pending`
 * when the type waits for an examiner —, and marks the assignment taken.
 * A score arrives once (`conflict` after).
 */
export async function scoreAttempt(deps: AppDeps, attemptId: string, body: AttemptScoreBody): Promise<Attempt> {
  return retryingRaces(() =>
    withTransaction(deps.db, async (tx) => {
      const now = deps.now();
      const attempt = await lockAttempt(tx, attemptId, now);
      if (attempt.score !== null) throw new DomainError('conflict', 'Le score de ce passage a déjà été enregistré.', { attemptId });
      const takenAt = new Date(body.takenAt);
      if (takenAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
        throw validationFailed([{ path: 'takenAt', message: 'La date de passage ne peut pas être dans le futur.' }]);
      }
      const examType = await loadExamType(prismaTxPorts(tx), attempt.examTypeId);
      const validation: Validation = examType.manualValidation ? 'pending' : 'validated';
      const publicCode = await drawPublicCode(tx, deps.random);
      const scored = await tx.attempt.updateMany({
        where: { id: attemptId, score: null },
        data: { score: body.score, takenAt, validUntil: validUntil(takenAt), publicCode, validation },
      });
      if (scored.count !== 1) throw new DomainError('conflict', 'Le score de ce passage a déjà été enregistré.', { attemptId });
      await tx.assignment.updateMany({ where: { id: attempt.assignmentId, takenAt: null }, data: { takenAt } });
      await refreshCandidateProgress(tx, attempt.candidateId, now);
      return toAttempt(await tx.attempt.findUniqueOrThrow({ where: { id: attemptId }, select: ATTEMPT_SELECT }));
    }),
  );
}

/**
 * `POST /integration/attempts/:id/validation`: an examiner's decision on a
 * result waiting for manual validation (`pending`, scored). Anything else —
 * no score yet, already decided, validated on arrival — is a `conflict`.
 */
export async function decideValidation(deps: AppDeps, attemptId: string, decision: 'validated' | 'invalidated'): Promise<Attempt> {
  return retryingRaces(() =>
    withTransaction(deps.db, async (tx) => {
      const now = deps.now();
      const attempt = await lockAttempt(tx, attemptId, now);
      if (attempt.score === null) throw new DomainError('conflict', "Le score de ce passage n'a pas encore été reçu.", { attemptId });
      const decided = await tx.attempt.updateMany({ where: { id: attemptId, validation: 'pending', score: { not: null } }, data: { validation: decision } });
      if (decided.count !== 1) throw new DomainError('conflict', "Ce résultat n'attend pas de validation.", { attemptId, validation: attempt.validation });
      await refreshCandidateProgress(tx, attempt.candidateId, now);
      return toAttempt(await tx.attempt.findUniqueOrThrow({ where: { id: attemptId }, select: ATTEMPT_SELECT }));
    }),
  );
}

/**
 * `GET /candidates/:id/attempts` (§6.9): the candidate's attempts, latest
 * first — one in progress (not scored yet) before the taken ones, these by
 * taken date. Another space's candidate is `not_found`.
 */
export async function listAttempts(db: Pick<Db, 'candidate' | 'attempt'>, spaceId: string, candidateId: string): Promise<Attempt[]> {
  const candidate = await db.candidate.findFirst({ where: { id: candidateId, spaceId }, select: { id: true } });
  if (!candidate) throw notFound("Ce candidat n'existe pas.");
  const rows = await db.attempt.findMany({
    where: { candidateId, spaceId },
    select: { ...ATTEMPT_SELECT, startedAt: true },
    orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
  });
  const inProgress = rows.filter((r) => r.takenAt === null);
  const taken = rows.filter((r) => r.takenAt !== null).sort((a, b) => b.takenAt!.getTime() - a.takenAt!.getTime());
  return [...inProgress, ...taken].map(toAttempt);
}
