/**
 * The whole `/api/v1` surface of the mocks, in matching order: fixed paths
 * (`/candidates/export.csv`) before parameters (`/candidates/:id`), and a
 * last handler that answers the server's 404 for any other path under the
 * base URL.
 */
import { http, type HttpHandler } from 'msw';
import { notFound, problemResponse } from '../http/problem.js';
import { applicationHandler } from '../http/application.js';
import { runRoute, toMswHandler, type ResolvedOptions, type RouteSpec } from '../http/route.js';
import type { MockStore } from '../store/store.js';
import { authRoutes } from './auth.js';
import { candidateRoutes } from './candidates.js';
import { catalogueRoutes } from './catalogue.js';
import { documentRoutes } from './documents.js';
import { groupRoutes } from './groups.js';
import { integrationRoutes } from './integration.js';
import { orderRoutes } from './orders.js';

/** Every route of the mock API. */
export const ROUTES: readonly RouteSpec[] = [
  ...catalogueRoutes,
  ...authRoutes,
  ...orderRoutes,
  ...groupRoutes,
  ...candidateRoutes,
  ...documentRoutes,
  ...integrationRoutes,
];

export interface HandlerOptions {
  /**
   * Where the API lives. Default: `http://localhost/api/v1` in Node, the page's
   * own origin `/api/v1` in a browser.
   */
  baseUrl?: string;
  /**
   * How the session cookie travels: `header` (Node default: `Set-Cookie` in the
   * answer, the caller sends `Cookie` back) or `jar` (browser default: MSW's
   * cookie store keeps it, as a browser does).
   */
  cookies?: 'header' | 'jar';
  /** Milliseconds of latency added to every answer (0 by default). */
  latency?: number;
  /** Called with any unexpected fault (a 500 is answered); `console.error` by default. */
  onError?: (error: unknown) => void;
}

const inBrowser = () => typeof window !== 'undefined' && typeof document !== 'undefined';

/** The base URL the handlers answer on when none is given. */
export function defaultBaseUrl(): string {
  return inBrowser() ? '/api/v1' : 'http://localhost/api/v1';
}

export function resolveOptions(options: HandlerOptions = {}): ResolvedOptions {
  return {
    baseUrl: (options.baseUrl ?? defaultBaseUrl()).replace(/\/+$/, ''),
    cookies: options.cookies ?? (inBrowser() ? 'jar' : 'header'),
    latency: options.latency ?? 0,
    onError: options.onError ?? ((error) => console.error('[@clr/mocks]', error)),
  };
}

/** The MSW request handlers of the whole API, serving `store`. */
export function handlers(store: MockStore, options: HandlerOptions = {}): HttpHandler[] {
  const resolved = resolveOptions(options);
  const notFoundRoute: Pick<RouteSpec, 'handle'> = {
    handle: (ctx) => problemResponse(notFound("Cette adresse n'existe pas dans l'API."), ctx.requestId),
  };
  return [
    // First: the routes the application layer serves (the server's own use cases, on the in-memory adapter).
    applicationHandler(store, resolved),
    ...ROUTES.map((spec) => toMswHandler(spec, store, resolved)),
    http.all(`${resolved.baseUrl}/*`, ({ request, cookies }) => runRoute(notFoundRoute, store, resolved, request, {}, cookies)),
  ];
}
