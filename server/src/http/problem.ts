import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ZodError } from 'zod';
import { DomainError, isDomainError } from '@clr/domain';
import type { AppEnv } from './env.js';

/**
 * The one place where anything thrown becomes an `application/problem+json`
 * answer (RFC 9457, SPEC §4): domain errors keep their code and French
 * message, bad input is a 400 naming each field, a unique violation is a 409
 * naming the field, anything else a 500 that says nothing about the data.
 */
import {
  INTERNAL_PROBLEM_DETAIL,
  PROBLEM_CONTENT_TYPE,
  PROBLEM_TITLES,
  inputProblem,
  notFound,
  problemOf,
  problemType,
  validationFailed,
} from '@clr/domain';

export {
  INTERNAL_PROBLEM_DETAIL,
  PROBLEM_CONTENT_TYPE,
  PROBLEM_TITLES,
  inputProblem as fromZodError,
  notFound,
  problemOf,
  problemType,
  validationFailed,
};

interface PrismaLikeError {
  name?: string;
  code?: string;
  meta?: {
    target?: unknown;
    modelName?: string;
    driverAdapterError?: { cause?: { constraint?: { fields?: unknown; index?: unknown } } };
  };
}

const INTERNAL_FIELDS: Record<string, string | null> = {
  spaceId: null,
  emailKey: 'email',
  nameKey: 'name',
  keyHash: 'key',
  tokenHash: 'token',
};

/** Which API fields a unique constraint covers (`emailKey` → `email`; `spaceId` dropped). */
export function uniqueFields(error: unknown): string[] {
  const meta = (error as PrismaLikeError).meta;
  const constraint = meta?.driverAdapterError?.cause?.constraint;
  let raw: string[] = [];
  const asList = (v: unknown) => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : []);
  if (constraint?.fields !== undefined) raw = asList(constraint.fields);
  else if (meta?.target !== undefined) raw = asList(meta.target);
  if (raw.length === 0 && typeof constraint?.index === 'string') {
    // `Group_spaceId_nameKey_key` → spaceId, nameKey
    raw = constraint.index.replace(/^[A-Za-z]+_/, '').replace(/_(key|idx|pkey)$/, '').split('_');
  }
  if (raw.length === 1 && raw[0]?.includes('_')) {
    raw = raw[0].replace(/^[A-Za-z]+_/, '').replace(/_(key|idx|pkey)$/, '').split('_');
  }
  const fields: string[] = [];
  for (const name of raw.map((f) => f.replace(/^"|"$/g, ''))) {
    const mapped = name in INTERNAL_FIELDS ? INTERNAL_FIELDS[name] : name;
    if (mapped && !fields.includes(mapped)) fields.push(mapped);
  }
  return fields;
}

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as PrismaLikeError).code === 'P2002';
}

/** A 409 naming the field a unique constraint refused. */
export function conflictFromUnique(error: unknown): DomainError {
  const fields = uniqueFields(error);
  const field = fields.join('.') || 'id';
  return new DomainError('conflict', `Cette valeur est déjà utilisée (${field}).`, {
    field,
    errors: [{ path: field, message: 'Cette valeur est déjà utilisée.' }],
  });
}

/** Turns anything thrown into a domain error, or undefined for a real fault (500). */
export function asDomainError(error: unknown): DomainError | undefined {
  if (isDomainError(error)) return error;
  if (isUniqueViolation(error)) return conflictFromUnique(error);
  if (error instanceof HTTPException) {
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
  }
  return undefined;
}

export function problemResponse(c: Context<AppEnv>, error: DomainError): Response {
  const body = problemOf(error, c.get('requestId'));
  const headers: Record<string, string> = { 'Content-Type': PROBLEM_CONTENT_TYPE };
  const retry = error.details.retryAfterSeconds;
  if (error.code === 'rate_limited' && typeof retry === 'number') headers['Retry-After'] = String(Math.max(1, Math.ceil(retry)));
  return new Response(JSON.stringify(body), { status: body.status, headers });
}

/** `app.onError`. */
export function handleError(error: unknown, c: Context<AppEnv>): Response {
  const known = asDomainError(error);
  if (known) return problemResponse(c, known);
  const requestId = c.get('requestId');
  // Name, code and stack frames only: messages of driver errors can quote data.
  const e = error as { name?: string; code?: string; stack?: string };
  const frames = (e.stack ?? '').split('\n').slice(1, 6).map((l) => l.trim()).join(' | ');
  c.get('deps')?.config.log(`error ${requestId ?? '-'} ${e.name ?? 'Error'}${e.code ? ` ${e.code}` : ''} ${frames}`);
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

/** `app.notFound`: unknown routes. */
export function handleNotFound(c: Context<AppEnv>): Response {
  return problemResponse(c, notFound("Cette adresse n'existe pas dans l'API."));
}

/**
 * The `defaultHook` of every router: a failed zod validation throws, so that
 * {@link handleError} answers the problem.
 */
export function validationHook(result: { success: boolean; error?: unknown; target?: string }): void {
  if (!result.success) throw inputProblem(result.error as ZodError, result.target);
}
