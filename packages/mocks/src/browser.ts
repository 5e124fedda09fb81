/**
 * `@clr/mocks/browser`: the mock API in a browser (Storybook, the
 * playground's dev mode) through MSW's `setupWorker`. Serve MSW's
 * `mockServiceWorker.js` at the site's root (`npx msw init public/`); requests
 * to the page's own `/api/v1/…` are answered from the store, and the session
 * cookie lives in MSW's cookie store, as a browser would keep it.
 */
import { setupWorker, type SetupWorker } from 'msw/browser';
import { handlers, resolveOptions, type HandlerOptions } from './handlers/index.js';
import { createStore, type CreateStoreOptions, type MockStore } from './store/store.js';

export interface MockWorkerOptions extends CreateStoreOptions, HandlerOptions {
  /** Serve this store instead of creating one from `state`, `now`, `random`, `config`. */
  store?: MockStore;
}

export interface MockWorker {
  readonly store: MockStore;
  /** MSW's worker, for `use()` overrides. */
  readonly worker: SetupWorker;
  /** The API's base URL (`/api/v1` by default: same origin). */
  readonly baseUrl: string;
  /** Registers the service worker and starts intercepting (`onUnhandledRequest: 'bypass'` unless told otherwise). */
  start(options?: Parameters<SetupWorker['start']>[0]): ReturnType<SetupWorker['start']>;
  stop(): void;
  /** Back to the initial state and handlers. */
  reset(): void;
}

/** `await createMockWorker({ state: 'demo' }).start()`. */
export function createMockWorker(options: MockWorkerOptions = {}): MockWorker {
  const store = options.store ?? createStore(options);
  const resolved = resolveOptions(options);
  const worker = setupWorker(...handlers(store, { ...options, baseUrl: resolved.baseUrl, cookies: options.cookies ?? 'jar' }));
  return {
    store,
    worker,
    baseUrl: resolved.baseUrl,
    start: (startOptions) => worker.start({ onUnhandledRequest: 'bypass', ...startOptions }),
    stop: () => worker.stop(),
    reset() {
      store.reset();
      worker.resetHandlers();
    },
  };
}

export * from './index.js';
