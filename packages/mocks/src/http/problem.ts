/**
 * Errors as the server answers them (`server/src/http/problem.ts`): an
 * `application/problem+json` body `{ type, title, status, code, detail,
 * errors?, requestId, …details }`, in French. The domain owns the codes, the
 * statuses, the titles and the messages (`problemOf`), so a mock answer reads
 * exactly like the server's.
 */
import { DomainError } from '@clr/domain';

import {
  INTERNAL_PROBLEM_DETAIL,
  PROBLEM_CONTENT_TYPE,
  PROBLEM_TITLES,
  notFound,
  problemOf,
  problemType,
  validationFailed,
  type InputTarget,
} from '@clr/domain';

export {
  INTERNAL_PROBLEM_DETAIL,
  PROBLEM_CONTENT_TYPE,
  PROBLEM_TITLES,
  notFound,
  problemOf,
  problemType,
  validationFailed,
  type InputTarget,
};

export function unauthenticated(detail = 'Vous devez être connecté pour accéder à cette ressource.'): DomainError {
  return new DomainError('unauthenticated', detail);
}

export function forbidden(detail = "Vous n'avez pas accès à cette ressource."): DomainError {
  return new DomainError('forbidden', detail);
}

/** A validation failure from zod (body, query, path parameter), worded like the server's. */
export { inputProblem as fromZodError } from '@clr/domain';

export function problemResponse(error: DomainError, requestId: string): Response {
  const body = problemOf(error, requestId);
  const headers: Record<string, string> = { 'Content-Type': PROBLEM_CONTENT_TYPE };
  const retry = error.details.retryAfterSeconds;
  if (error.code === 'rate_limited' && typeof retry === 'number') headers['Retry-After'] = String(Math.max(1, Math.ceil(retry)));
  return new Response(JSON.stringify(body), { status: body.status, headers });
}

/** A fault of the mocks themselves: 500 `internal`, saying nothing about the data. */
export function internalErrorResponse(requestId: string): Response {
  const body = { type: problemType('internal'), title: 'Erreur interne', status: 500, code: 'internal', detail: INTERNAL_PROBLEM_DETAIL, requestId };
  return new Response(JSON.stringify(body), { status: 500, headers: { 'Content-Type': PROBLEM_CONTENT_TYPE } });
}
