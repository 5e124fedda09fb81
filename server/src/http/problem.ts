import type { Context } from 'hono';
import { fromHttpException, internalProblemResponse, problemResponse as answerProblem, validationHook } from '@clr/app';
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
  return fromHttpException(error);
}

export function problemResponse(c: Context<AppEnv>, error: DomainError): Response {
  return answerProblem(error, c.get('requestId'));
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
  return internalProblemResponse(requestId);
}

/** `app.notFound`: unknown routes. */
export function handleNotFound(c: Context<AppEnv>): Response {
  return problemResponse(c, notFound("Cette adresse n'existe pas dans l'API."));
}

/** The `defaultHook` of every router (the application layer's): a failed zod validation throws, answered by {@link handleError}. */
export { validationHook };
