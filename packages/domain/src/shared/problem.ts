import { fr } from '../i18n/messages.js';
import { toFieldErrors, type IssueSource } from '../schemas/errors.js';
import { DomainError, ERROR_STATUS, type ErrorCode, type FieldError, type Problem } from './errors.js';

/**
 * The `application/problem+json` body of SPEC §4 (RFC 9457), built in one place
 * so that the server and the mocks answer a refusal with the same bytes: the
 * domain owns the codes, the statuses, the titles and the French messages.
 */
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

/** The detail of a 500: says nothing about the data, points to the request id. */
export const INTERNAL_PROBLEM_DETAIL =
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

/** Where bad input was found: the problem's summary says so. */
export type InputTarget = 'json' | 'query' | 'param';

/** A zod failure on a body, a query or a path parameter, as a 400 naming each field in French. */
export function inputProblem(error: IssueSource, where: InputTarget | string = 'json'): DomainError {
  const detail =
    where === 'query'
      ? 'Certains paramètres de la requête sont invalides.'
      : where === 'param'
        ? "L'adresse demandée contient un identifiant invalide."
        : fr('validation.summary');
  return validationFailed(toFieldErrors(error), detail);
}

/** The body of a problem for a domain error. */
export function problemOf(error: DomainError, requestId?: string): Problem {
  const { errors, ...rest } = error.details;
  // Extension members first: a rule's detail named like a standard member
  // (`status: 'cancelled'`) never overrides the problem's own.
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
