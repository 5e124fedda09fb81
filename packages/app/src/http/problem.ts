/**
 * Anything thrown becomes an `application/problem+json` answer (RFC 9457,
 * SPEC §4): domain errors keep their code and French message, bad input is a
 * 400 naming each field, anything else a 500 that says nothing about the data.
 * An adapter may add its own translation (the server: a unique violation is a
 * 409 naming the field).
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import {
  DomainError,
  INTERNAL_PROBLEM_DETAIL,
  PROBLEM_CONTENT_TYPE,
  inputProblem,
  isDomainError,
  notFound,
  problemOf,
  problemType,
  validationFailed,
  type IssueSource,
} from '@clr/domain';

/** Hono's own refusals (broken JSON, wrong media type, unknown method) as the API's problems. */
export function fromHttpException(error: unknown): DomainError | undefined {
  if (!(error instanceof HTTPException)) return undefined;
  const status = error.status;
  if (status === 400 && /json/i.test(error.message)) {
    return validationFailed(
      [{ path: '', message: "Le corps de la requête n'est pas un JSON valide." }],
      "Le corps de la requête n'est pas un JSON valide.",
    );
  }
  if (status === 415) {
    return validationFailed(
      [{ path: '', message: 'Le corps de la requête doit être au format JSON (Content-Type: application/json).' }],
      'Le corps de la requête doit être au format JSON.',
    );
  }
  if (status === 400 || status === 413) return validationFailed([], 'La requête est invalide.');
  if (status === 401) return new DomainError('unauthenticated', 'Vous devez être connecté.');
  if (status === 403) return new DomainError('forbidden', "Vous n'avez pas accès à cette ressource.");
  if (status === 404) return notFound();
  if (status === 405) return notFound("Cette méthode n'est pas disponible sur cette adresse.");
  return undefined;
}

export function problemResponse(error: DomainError, requestId: string | undefined): Response {
  const body = problemOf(error, requestId);
  const headers: Record<string, string> = { 'Content-Type': PROBLEM_CONTENT_TYPE };
  const retry = error.details.retryAfterSeconds;
  if (error.code === 'rate_limited' && typeof retry === 'number') headers['Retry-After'] = String(Math.max(1, Math.ceil(retry)));
  return new Response(JSON.stringify(body), { status: body.status, headers });
}

/** A fault (500 `internal`), saying nothing about the data. */
export function internalProblemResponse(requestId: string | undefined): Response {
  const body = {
    type: problemType('internal'),
    title: 'Erreur interne',
    status: 500,
    code: 'internal',
    detail: INTERNAL_PROBLEM_DETAIL,
    ...(requestId ? { requestId } : {}),
  };
  return new Response(JSON.stringify(body), { status: 500, headers: { 'Content-Type': PROBLEM_CONTENT_TYPE } });
}

/** An `app.onError` that answers every domain error as its problem and reports the rest. */
export function errorHandler(report: (error: unknown, requestId: string | undefined) => void) {
  return (error: unknown, c: Context): Response => {
    const requestId = c.get('requestId') as string | undefined;
    const known = isDomainError(error) ? error : fromHttpException(error);
    if (known) return problemResponse(known, requestId);
    report(error, requestId);
    return internalProblemResponse(requestId);
  };
}

/**
 * The `defaultHook` of every router: a failed zod validation throws, so that
 * the app's error handler answers the problem.
 */
export function validationHook(result: { success: boolean; error?: unknown; target?: string }): void {
  if (!result.success) throw inputProblem(result.error as IssueSource, result.target);
}
