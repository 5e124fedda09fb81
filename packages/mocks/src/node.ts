/**
 * `@clr/mocks/node`: the mock API in Node (tests, scripts) through MSW's
 * `setupServer`. `fetch` to `http://localhost/api/v1/…` (or your `baseUrl`)
 * is answered from the store; the session cookie comes back in `Set-Cookie`
 * and is sent as `Cookie`, as with the real server.
 */
import { setupServer, type SetupServer } from 'msw/node';
import { handlers, resolveOptions, type HandlerOptions } from './handlers/index.js';
import { createStore, type CreateStoreOptions, type MockStore } from './store/store.js';

export interface MockServerOptions extends CreateStoreOptions, HandlerOptions {
  /** Serve this store instead of creating one from `state`, `now`, `random`, `config`. */
  store?: MockStore;
}

export interface MockServer {
  /** The in-memory database: read it, write it, `snapshot()` it. */
  readonly store: MockStore;
  /** MSW's server, for `use()` overrides and events. */
  readonly server: SetupServer;
  /** The API's base URL (`http://localhost/api/v1` by default). */
  readonly baseUrl: string;
  /** Starts intercepting (`onUnhandledRequest` is MSW's: `warn` by default). */
  listen(options?: Parameters<SetupServer['listen']>[0]): void;
  /** Stops intercepting. */
  close(): void;
  /** Back to the initial state, and to the initial handlers (drops `server.use()` overrides). */
  reset(): void;
}

/** `createMockServer({ state: 'demo' })` → `{ store, server, baseUrl, listen, close, reset }`. */
export function createMockServer(options: MockServerOptions = {}): MockServer {
  const store = options.store ?? createStore(options);
  const resolved = resolveOptions(options);
  const server = setupServer(...handlers(store, { ...options, baseUrl: resolved.baseUrl, cookies: options.cookies ?? 'header' }));
  return {
    store,
    server,
    baseUrl: resolved.baseUrl,
    listen: (listenOptions) => server.listen(listenOptions),
    close: () => server.close(),
    reset() {
      store.reset();
      server.resetHandlers();
    },
  };
}

export * from './index.js';
