/**
 * Errors as the server answers them (`server/src/http/problem.ts`): an
 * `application/problem+json` body `{ type, title, status, code, detail,
 * errors?, requestId, …details }`, in French. The domain owns the codes, the
 * statuses and the messages; the titles and the few HTTP-level messages below
 * are the server's, copied so that a mock answer reads exactly like the
 * server's.
 */
import { DomainError, ERROR_STATUS, fr, toFieldErrors, type ErrorCode, type FieldError, type IssueSource, type Problem } from '@clr/domain';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export const PROBLEM_TITLES: Record<ErrorCode, string> = {
  validation_failed: 'Données invalides',
  unauthenticated: 'Authentification requise',
  forbidden: 'Accès refusé',
  not_found: 'Ressource introuvable',
  out_of_stock: 'Stock insuffisant',
  assignment_exists: 'Examen déjà attribué',
  candidate_locked: 'Dossier verrouillé',
  candidate_not_deletable: 'Suppression impossible',
  not_eligible: 'Candidats non éligibles',
  conflict: 'Conflit',
  rate_limited: 'Trop de tentatives',
};

const INTERNAL_DETAIL =
  "Une erreur inattendue s'est produite. Réessayez plus tard ; si le problème persiste, contactez le support en indiquant l'identifiant de la requête.";

export function problemType(code: ErrorCode | 'internal'): string {
  return `urn:clr:problem:${code}`;
}

/** A 400 naming each field. */
export function validationFailed(errors: FieldError[], detail = fr('validation.summary')): DomainError {
  return new DomainError('validation_failed', detail, { errors });
}

/** A 404: also what another space's record answers (never 403, which would confirm it exists). */
export function notFound(detail = "Cette ressource n'existe pas."): DomainError {
  return new DomainError('not_found', detail);
}

export function unauthenticated(detail = 'Vous devez être connecté pour accéder à cette ressource.'): DomainError {
  return new DomainError('unauthenticated', detail);
}

export function forbidden(detail = "Vous n'avez pas accès à cette ressource."): DomainError {
  return new DomainError('forbidden', detail);
}

/** Where a zod failure comes from: the message of the problem says so, like the server's. */
export type InputTarget = 'json' | 'query' | 'param';

/** A validation failure from zod (body, query, path parameter). */
export function fromZodError(error: IssueSource, where: InputTarget = 'json'): DomainError {
  const detail =
    where === 'query'
      ? 'Certains paramètres de la requête sont invalides.'
      : where === 'param'
        ? "L'adresse demandée contient un identifiant invalide."
        : fr('validation.summary');
  return validationFailed(toFieldErrors(error), detail);
}

/** The body of a problem for a domain error (extension members first: a detail never overrides a standard member). */
export function problemOf(error: DomainError, requestId?: string): Problem {
  const { errors, ...rest } = error.details;
  const body: Problem = {
    ...rest,
    type: problemType(error.code),
    title: PROBLEM_TITLES[error.code],
    status: ERROR_STATUS[error.code],
    code: error.code,
    detail: error.message,
  };
  if (errors) body.errors = errors;
  if (requestId) body.requestId = requestId;
  return body;
}

export function problemResponse(error: DomainError, requestId: string): Response {
  const body = problemOf(error, requestId);
  const headers: Record<string, string> = { 'Content-Type': PROBLEM_CONTENT_TYPE };
  const retry = error.details.retryAfterSeconds;
  if (error.code === 'rate_limited' && typeof retry === 'number') headers['Retry-After'] = String(Math.max(1, Math.ceil(retry)));
  return new Response(JSON.stringify(body), { status: body.status, headers });
}

/** A fault of the mocks themselves: 500 `internal`, saying nothing about the data. */
export function internalErrorResponse(requestId: string): Response {
  const body = { type: problemType('internal'), title: 'Erreur interne', status: 500, code: 'internal', detail: INTERNAL_DETAIL, requestId };
  return new Response(JSON.stringify(body), { status: 500, headers: { 'Content-Type': PROBLEM_CONTENT_TYPE } });
}
