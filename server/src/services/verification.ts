/**
 * R17 — the public verification of a certificate, and §6.3 the candidate's
 * acknowledgment of the credentials e-mail. Neither needs a session: the code
 * or the token is the only key, so each answers the same 404 for anything it
 * cannot show.
 */
import { DomainError, fr, publicVerificationView, type PublicVerification, type Validation } from '@clr/domain';
import type { AppDeps } from '../http/env.js';
import { sha256 } from '../http/crypto.js';
import { notFound } from '../http/problem.js';

/** A verification code as printed (8 characters of an unambiguous alphabet); anything else is looked up as nothing. */
const CODE_SHAPE = /^[A-Za-z0-9]{4,32}$/;

/**
 * `GET /public/verify/:code`: exam type, score, taken and validity dates, first
 * and last names — the domain's `publicVerificationView`, nothing else. 404
 * for an unknown code and for a result that is not validated.
 */
export async function verifyPublicCode(deps: AppDeps, code: string): Promise<PublicVerification> {
  const missing = () => new DomainError('not_found', fr('verification.notFound'));
  if (!CODE_SHAPE.test(code)) throw missing();
  const attempt = await deps.db.attempt.findUnique({
    where: { publicCode: code },
    select: { score: true, takenAt: true, validation: true, examTypeId: true, candidate: { select: { firstName: true, lastName: true } } },
  });
  if (!attempt) throw missing();
  const type = await deps.db.examType.findUnique({ where: { id: attempt.examTypeId }, select: { label: true } });
  return publicVerificationView(
    { score: attempt.score, takenAt: attempt.takenAt, validation: attempt.validation as Validation },
    attempt.candidate,
    { label: type?.label ?? attempt.examTypeId },
  );
}

export type AcknowledgmentResult = 'recorded' | 'already';

/**
 * §6.3 the acknowledgment link: records `acknowledgedAt` the first time the
 * token is opened (one conditional write, so two clicks record one instant),
 * `already` afterwards; 404 for a token no candidate holds.
 */
export async function acknowledge(deps: AppDeps, token: string): Promise<AcknowledgmentResult> {
  if (token.length === 0 || token.length > 200) throw notFound("Ce lien d'accusé de réception n'est pas valide.");
  const hash = sha256(token);
  const written = await deps.db.candidate.updateMany({ where: { ackTokenHash: hash, acknowledgedAt: null }, data: { acknowledgedAt: deps.now() } });
  if (written.count === 1) return 'recorded';
  const known = await deps.db.candidate.count({ where: { ackTokenHash: hash } });
  if (known === 0) throw notFound("Ce lien d'accusé de réception n'est pas valide.");
  return 'already';
}
