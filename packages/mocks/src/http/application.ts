/**
 * The application's own API (`@clr/app`'s `createApi`) on the in-memory
 * adapter, as one MSW handler: each request under the base URL goes to the
 * Hono app (`app.fetch`); a path the application layer does not serve yet
 * falls through to the mocks' remaining hand-written routes.
 */
import { createApi, standaloneApi, API_PREFIX, type Actor as AppActor } from '@clr/app';
import type { MiddlewareHandler } from 'hono';
import { http, delay, type HttpHandler } from 'msw';
import { memoryPorts } from '../adapters/memory.js';
import type { MockStore } from '../store/store.js';
import { identify, type Actor } from './auth.js';
import { newRequestId, type ResolvedOptions } from './route.js';

/** Marks the app's answer for a path it does not serve: MSW then tries the next handlers. */
const UNMATCHED = 'x-clr-mocks-unmatched';

interface MockBindings {
  /** MSW's cookies of the request (in a browser, its cookie store). */
  cookies: Record<string, string>;
}

/** The mocks' caller as the application sees it: an embed token acts as its API key, from its origin. */
function toAppActor(actor: Actor): AppActor {
  if (actor.kind === 'embed') return { kind: 'apiKey', spaceId: actor.spaceId, apiKeyId: actor.apiKeyId, embedOrigin: actor.origin };
  return actor;
}

/** The identification port of the mocks: sessions, API keys and embed tokens of the store. */
function identification(store: MockStore): MiddlewareHandler<{ Bindings: MockBindings; Variables: { actor: AppActor } }> {
  return async (c, next) => {
    const { actor } = identify(store, c.req.raw, c.env?.cookies ?? {});
    if (actor) c.set('actor', toAppActor(actor));
    await next();
  };
}

/** The whole application, for a store (exported for tests that call it without MSW). */
export function mockApplication(store: MockStore, options: Pick<ResolvedOptions, 'onError'>) {
  const api = createApi(memoryPorts(store), { middleware: [identification(store)] });
  return standaloneApi(api, {
    requestId: () => newRequestId(store),
    report: (error) => options.onError(error),
    unmatched: () => new Response(null, { status: 404, headers: { [UNMATCHED]: '1' } }),
  });
}

/** `request` with its path under the base URL moved under the app's `/api/v1`. */
async function forAppPath(request: Request, basePath: string): Promise<Request> {
  if (basePath === API_PREFIX) return request;
  const url = new URL(request.url);
  url.pathname = `${API_PREFIX}${url.pathname.slice(basePath.length)}`;
  const body = request.method === 'GET' || request.method === 'HEAD' ? null : await request.arrayBuffer();
  return new Request(url, { method: request.method, headers: request.headers, body });
}

/** The MSW handler that hands requests to the application. Put it before the hand-written routes. */
export function applicationHandler(store: MockStore, options: ResolvedOptions): HttpHandler {
  const app = mockApplication(store, options);
  const basePath = new URL(options.baseUrl, typeof location === 'undefined' ? 'http://localhost' : location.origin).pathname.replace(/\/+$/, '');
  return http.all(`${options.baseUrl}/*`, async ({ request, cookies }) => {
    const response = await app.fetch(await forAppPath(request.clone(), basePath), { cookies } satisfies MockBindings);
    if (response.headers.has(UNMATCHED)) return undefined;
    if (options.latency > 0) await delay(options.latency);
    return response;
  });
}
