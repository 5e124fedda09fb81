import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { ZodType } from 'zod';
import { ERROR_CODES, fr, hasControlCharacter } from '@clr/domain';
import type { ApiEnv } from './env.js';
import { validationHook } from './problem.js';

/**
 * A resource router: an OpenAPIHono whose validation failures become the
 * problem+json 400 of SPEC §4 (thrown, answered by the app's error handler).
 */
export function createRouter(): OpenAPIHono<ApiEnv> {
  return new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
}

/** A required JSON body (required: a request without a JSON body is refused, never read as `{}`). */
export function jsonBody<T extends ZodType>(schema: T, description?: string) {
  return {
    required: true,
    ...(description ? { description } : {}),
    content: { 'application/json': { schema } },
  } as const;
}

/** A JSON response. */
export function jsonResponse<T extends ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } } as const;
}

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.enum([...ERROR_CODES, 'internal']),
    detail: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    requestId: z.string().optional(),
  })
  .catchall(z.unknown())
  .openapi('Problem');

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

/** The error answers a route can give, for the OpenAPI document. */
export const PROBLEMS = {
  400: problem('Données invalides (`validation_failed`), chaque champ nommé dans `errors`.'),
  401: problem('Authentification requise (`unauthenticated`).'),
  403: problem('Accès refusé (`forbidden`).'),
  404: problem('Introuvable (`not_found`), y compris pour les données d’un autre espace.'),
  409: problem('Conflit avec une règle métier (`out_of_stock`, `conflict`, …).'),
  429: problem('Trop de tentatives (`rate_limited`), voir `Retry-After`.'),
} as const;

/** Picks error responses: `problems(400, 401, 404)`. */
export function problems<K extends keyof typeof PROBLEMS>(...statuses: K[]): Pick<typeof PROBLEMS, K> {
  const out = {} as Pick<typeof PROBLEMS, K>;
  for (const s of statuses) out[s] = PROBLEMS[s];
  return out;
}

/** The API key and session security schemes. */
export const SECURITY = {
  session: [{ session: [] }, { apiKey: [] }],
  sessionOnly: [{ session: [] }],
  integration: [{ integrationKey: [] }],
  none: [],
} as const;

/**
 * A path segment naming a record: 1–64 characters, none a control character
 * (PostgreSQL refuses a NUL in a text parameter: `/groups/a%00b` must be a 400
 * naming the field, not a 500).
 */
export const PathSegment = z
  .string({ error: fr('field.invalid') })
  .min(1, { error: fr('field.invalid') })
  .max(64, { error: fr('field.invalid') })
  .refine((s) => !hasControlCharacter(s), { error: fr('field.invalid') });

export const IdParam = z.object({ id: PathSegment });
