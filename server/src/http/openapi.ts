import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './env.js';
import { validationHook } from './problem.js';

/**
 * A resource router: an OpenAPIHono whose validation failures become the
 * problem+json 400 of SPEC §4 (through `handleError`).
 */
export function createRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
}

// The OpenAPI helpers are the application layer's, so that its routers and these document alike.
export { IdParam, PROBLEMS, PathSegment, ProblemSchema, SECURITY, jsonBody, jsonResponse, problems } from '@clr/app';
