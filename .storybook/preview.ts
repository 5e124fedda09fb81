/**
 * Every story runs on the mocks: a store created for the story from
 * `parameters.clr.state`, served by `@clr/mocks`' handlers through MSW's
 * service worker, a client logged in as the demo administrator and provided
 * through `clrClientContext` by `<clr-story-root>`, which also sets `lang`.
 *
 *   parameters: {
 *     clr: { state: 'demo' | 'empty' | { candidates: 100000 }, locale: 'fr' | 'en' },
 *     msw: { handlers: { overrides: [http.get('/api/v1/candidates', () => new HttpResponse(null, { status: 500 }))] } },
 *   }
 *
 * The story's `msw` handlers come before the mocks, so they win (errors,
 * `delay('infinite')` for a loading state).
 */
import { html } from 'lit';
import type { AnyHandler } from 'msw';
import { setupWorker, type SetupWorker } from 'msw/browser';
import type { Decorator, Loader, Preview } from '@storybook/web-components-vite';
import { createStore, DEMO_LOGINS, generateCandidates, handlers, type MockState, type MockStore } from '@clr/mocks';
import { createClient, createMemoryCache, type ClrClient } from '@clr/sdk';
import './story-root.js';

export type ClrStoryState = 'demo' | 'empty' | { candidates: number };

/** `parameters.clr` of a story. */
export interface ClrStoryParameters {
  /** The mocks' data: the manual's demo (default), an empty space, or `generateCandidates(n)`. */
  state?: ClrStoryState;
  /** The page's language; the toolbar's choice when absent. */
  locale?: 'fr' | 'en';
  /** Log in as the demo administrator before rendering (default true). */
  login?: boolean;
  /** Milliseconds added to every answer of the mocks (default 0). */
  latency?: number;
}

/** What the loader gives the story: `context.loaded.clr`. */
export interface ClrLoaded {
  client: ClrClient;
  store: MockStore;
  worker: SetupWorker;
}

type MswParameter = AnyHandler[] | { handlers?: AnyHandler[] | Record<string, AnyHandler | AnyHandler[]> };

let workerStarted: Promise<SetupWorker> | undefined;

function startWorker(): Promise<SetupWorker> {
  workerStarted ??= (async () => {
    const worker = setupWorker();
    // Relative to the preview page, so a Storybook served under a sub-path still finds it.
    await worker.start({ quiet: true, onUnhandledRequest: 'bypass', serviceWorker: { url: 'mockServiceWorker.js' } });
    return worker;
  })();
  return workerStarted;
}

/** Generated states are large (100,000 candidates take a moment): built once per size, never written (stores copy them). */
const generated = new Map<number, MockState>();

function stateOf(state: ClrStoryState | undefined): 'demo' | 'empty' | MockState {
  if (state === undefined || state === 'demo' || state === 'empty') return state ?? 'demo';
  let built = generated.get(state.candidates);
  if (!built) {
    built = generateCandidates(state.candidates);
    generated.set(state.candidates, built);
  }
  return built;
}

/** The story's own handlers, as msw-storybook-addon reads `parameters.msw`. */
function overridesOf(parameter: MswParameter | undefined): AnyHandler[] {
  if (!parameter) return [];
  if (Array.isArray(parameter)) return parameter;
  if (!parameter.handlers) return [];
  const list = Array.isArray(parameter.handlers) ? parameter.handlers : Object.values(parameter.handlers);
  return list.flat().filter(Boolean);
}

const clrLoader: Loader = async (context) => {
  const clr = (context.parameters.clr ?? {}) as ClrStoryParameters;
  const worker = await startWorker();
  const store = createStore({ state: stateOf(clr.state) });
  worker.resetHandlers(
    ...overridesOf(context.parameters.msw as MswParameter | undefined),
    ...handlers(store, { baseUrl: '/api/v1', cookies: 'jar', latency: clr.latency ?? 0 }),
  );
  const client = createClient({ baseUrl: '', auth: { kind: 'session' }, retry: false, cache: createMemoryCache() });
  if (clr.login ?? true) {
    // A story whose overrides refuse the login still renders: it shows what the element does then.
    await client.auth.login(DEMO_LOGINS.demo).catch(() => undefined);
  }
  const loaded: ClrLoaded = { client, store, worker };
  return { clr: loaded };
};

const withClr: Decorator = (story, context) => {
  const clr = (context.parameters.clr ?? {}) as ClrStoryParameters;
  const locale = clr.locale ?? (context.globals.locale === 'en' ? 'en' : 'fr');
  const loaded = context.loaded.clr as ClrLoaded | undefined;
  document.documentElement.lang = locale;
  return html`<clr-story-root .client=${loaded?.client} lang=${locale}>${story()}</clr-story-root>`;
};

const preview: Preview = {
  loaders: [clrLoader],
  decorators: [withClr],
  globalTypes: {
    locale: {
      description: 'Langue de la page (attribut lang)',
      toolbar: {
        title: 'Langue',
        icon: 'globe',
        items: [
          { value: 'fr', title: 'Français' },
          { value: 'en', title: 'English' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'fr' },
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
  },
};

export default preview;
