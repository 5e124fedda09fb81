import { Hono, type MiddlewareHandler } from 'hono';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { notFound } from '@clr/domain';
import { assignmentRoutes } from './assignments/routes.js';
import { catalogueRoutes } from './catalogue/routes.js';
import { examSessionRoutes } from './exam-sessions/routes.js';
import type { ApiEnv } from './http/env.js';
import { createRouter } from './http/openapi.js';
import { errorHandler, problemResponse } from './http/problem.js';
import type { Ports } from './ports.js';

export const API_PREFIX = '/api/v1';

export interface ApiOptions {
  /**
   * Runs before every route, in order; one of them identifies the caller and
   * sets `actor` (the server: CORS, the CSRF check, sessions and keys in the
   * database; the mocks: sessions and keys of the in-memory store).
   */
  // Each runtime brings its own context variables: the app only reads `actor`.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  middleware: readonly MiddlewareHandler<any>[];
}

/**
 * The application's API, built from ports and runtime-neutral: the routers of
 * the resources the application layer serves, under the caller's middleware.
 * Mount it at {@link API_PREFIX}; the server adds the routers it still serves
 * itself, the mocks wrap it with {@link standaloneApi}.
 */
export function createApi(ports: Ports, options: ApiOptions): OpenAPIHono<ApiEnv> {
  const api = createRouter();
  for (const middleware of options.middleware) api.use('*', middleware);
  api.route('/', catalogueRoutes(ports));
  api.route('/', assignmentRoutes(ports));
  api.route('/exam-sessions', examSessionRoutes(ports));
  return api;
}

export interface StandaloneOptions {
  /** A request id when the caller sent none (well-formed `X-Request-Id` is kept). */
  requestId: () => string;
  /** Called with any unexpected fault (a 500 is answered). */
  report: (error: unknown, requestId: string | undefined) => void;
  /** The answer for a path no router serves (default: the API's 404 problem). */
  unmatched?: (requestId: string | undefined) => Response;
}

const INCOMING_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * `api` as a whole application (what the server's `createApp` adds around
 * it, minus Node): a request id, problem+json for anything thrown, the API's
 * 404 for unknown paths, `nosniff` and `no-store` on every answer.
 */
export function standaloneApi(api: OpenAPIHono<ApiEnv>, options: StandaloneOptions): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  app.use('*', async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && INCOMING_ID.test(incoming) ? incoming : options.requestId();
    c.set('requestId', requestId);
    await next();
    c.header('X-Request-Id', requestId);
    c.header('X-Content-Type-Options', 'nosniff');
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
  });
  app.onError(errorHandler(options.report));
  const unmatched = options.unmatched ?? ((requestId) => problemResponse(notFound("Cette adresse n'existe pas dans l'API."), requestId));
  app.notFound((c) => unmatched(c.get('requestId')));
  app.route(API_PREFIX, api);
  return app;
}
