import { randomBytes } from 'node:crypto';
import { OpenAPIHono } from '@hono/zod-openapi';
import { API_PREFIX, createApi } from '@clr/app';
import { prismaPorts } from './adapters/prisma/index.js';
import type { Db } from './db/client.js';
import { identify } from './http/auth.js';
import { DEFAULT_CONFIG, type AppConfig, type AppDeps, type AppEnv } from './http/env.js';
import { crossOrigin, requestContext, sameSiteOnly } from './http/middleware.js';
import { limitBody } from './http/limits.js';
import { handleError, handleNotFound, validationHook } from './http/problem.js';
import { authRoutes } from './routes/auth.js';
import { dashboardRoutes } from './routes/dashboard.js';
import { healthRoutes } from './routes/health.js';
import { meRoutes } from './routes/me.js';
import { operatorRoutes } from './routes/operator.js';
import { orderRoutes } from './routes/orders.js';
import { keyRoutes } from './routes/keys.js';
import { paymentRoutes } from './routes/payments.js';
import { paymentPageRoutes } from './routes/payment-page.js';
import { groupRoutes } from './routes/groups.js';
import { candidateRoutes } from './routes/candidates.js';
import { codeRoutes } from './routes/codes.js';
import { attemptRoutes } from './routes/attempts.js';
import { integrationRoutes } from './routes/integration.js';
import { exportRoutes } from './routes/exports.js';
import { documentRoutes } from './routes/documents.js';
import { publicApiRoutes, publicPageRoutes } from './routes/public.js';
import { demoOutboxPageRoutes, demoOutboxRoutes } from './routes/demo-outbox.js';
import { siteRoutes } from './routes/site.js';
import { embedRoutes } from './routes/embed.js';

export interface CreateAppOptions {
  db: Db;
  /** The clock (tests inject one to cross idle and absolute session ends, deadlines, expiries). */
  now?: () => Date;
  /** A CSPRNG returning n bytes (tests may make tokens predictable). */
  random?: (size: number) => Uint8Array;
  config?: Partial<AppConfig>;
  /** The built admin site served at `/` (default `playground/dist`); `null` serves the API and the server's pages only. */
  siteDir?: string | null;
  /** The one-tag bundle served at `/embed` (default `packages/elements/dist/embed`). */
  embedDir?: string;
}

export { API_PREFIX };

/**
 * The HTTP application: every route under `/api/v1`, one router per resource,
 * `GET /api/v1/openapi.json` generated from the route schemas. No socket:
 * `main.ts` serves it, tests call `app.request()`.
 */
export function createApp(options: CreateAppOptions) {
  const deps: AppDeps = {
    db: options.db,
    now: options.now ?? (() => new Date()),
    random: options.random ?? ((size) => randomBytes(size)),
    config: { ...DEFAULT_CONFIG, ...options.config },
  };

  // The application layer's API (catalogue and stock, assignments, La Poste sessions, from `@clr/app`) on the Prisma
  // adapter, behind the server's own CORS, CSRF check and identification; the
  // resources not yet moved to the layer are the routers mounted below.
  const api = createApi(prismaPorts(deps), { middleware: [crossOrigin, sameSiteOnly, identify] });
  api.route('/healthz', healthRoutes());
  api.route('/auth', authRoutes());
  api.route('/me', meRoutes());
  api.route('/dashboard', dashboardRoutes());
  api.route('/orders', orderRoutes());
  api.route('/payments', paymentRoutes());
  api.route('/', keyRoutes());
  api.route('/operator', operatorRoutes());
  // Before the groups and candidates routers: `export.csv` is not an `:id`.
  api.route('/', exportRoutes());
  api.route('/groups', groupRoutes());
  api.route('/candidates', candidateRoutes());
  api.route('/activation-codes', codeRoutes());
  api.route('/', attemptRoutes());
  api.route('/integration', integrationRoutes());
  api.route('/documents', documentRoutes());
  api.route('/public', publicApiRoutes());
  if (!deps.config.production) api.route('/demo', demoOutboxRoutes());

  api.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'clr_session',
    description: 'Session du site d’administration (POST /auth/login).',
  });
  api.openAPIRegistry.registerComponent('securitySchemes', 'apiKey', {
    type: 'http',
    scheme: 'bearer',
    description: "Clé d'API d'un espace : `Authorization: Bearer <clé>`.",
  });
  api.openAPIRegistry.registerComponent('securitySchemes', 'integrationKey', {
    type: 'http',
    scheme: 'bearer',
    description: "Clé d'intégration de la plateforme d'examen (routes /integration).",
  });
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'CLR Admin API',
      version: '1.0.0',
      license: { name: 'MIT', url: 'https://opensource.org/license/mit' },
      description:
        "API de la plateforme d'administration de la Certification Le Robert. Erreurs : application/problem+json (RFC 9457), messages en français.",
    },
    servers: [{ url: API_PREFIX }],
    security: [{ session: [] }, { apiKey: [] }],
  });

  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('*', requestContext(deps));
  app.use('*', limitBody(deps.config.bodyLimitBytes));
  app.onError(handleError);
  app.notFound(handleNotFound);
  app.route(API_PREFIX, api);
  // Public pages outside the API: certificate verification (R17), acknowledgment link (§6.3).
  app.route('/', publicPageRoutes());
  app.route('/paiement', paymentPageRoutes((path, init) => app.request(`${API_PREFIX}${path}`, init)));
  if (!deps.config.production) app.route('/demo', demoOutboxPageRoutes());
  // The elements for portals, in one ES module (`<script type="module" src="…/embed/clr-elements.js">`).
  app.route('/embed', embedRoutes(options.embedDir));
  // Last: the admin site's files, and its index.html for the site's own paths (deep links).
  if (options.siteDir !== null) app.route('/', siteRoutes(options.siteDir));
  return app;
}

export type App = ReturnType<typeof createApp>;
