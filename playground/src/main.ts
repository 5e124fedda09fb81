/**
 * The reference admin site. One SDK client for the whole life of the page,
 * on the session cookie, provided to every `clr-…` element through
 * `clrClientContext` on the app root. `npm run dev:mock` (Vite's `mock` mode)
 * answers the API from `@clr/mocks` in MSW's service worker first.
 */
import { provideClient } from '@clr/elements';
import { createClient, createIdbCache } from '@clr/sdk';
import { App } from './app.js';
import { ROUTES } from './routes.js';

async function startMocks(): Promise<void> {
  const { createMockWorker } = await import('@clr/mocks/browser');
  await createMockWorker({ state: 'demo' }).start({ quiet: true, serviceWorker: { url: '/mockServiceWorker.js' } });
  console.info('CLR Admin sur les données fictives (@clr/mocks) : admin@demo.test / Demo-admin-1');
}

async function main(): Promise<void> {
  if (import.meta.env.MODE === 'mock') await startMocks();
  const root = document.getElementById('app');
  if (!root) throw new Error('#app is missing from index.html');
  // IndexedDB keeps the candidate form's draft across a reload or a closed tab (§6.3).
  const client = createClient({ baseUrl: '', auth: { kind: 'session' }, cache: createIdbCache({ name: 'clr-admin' }) });
  provideClient(root, client);
  await new App(root, client, ROUTES).start();
}

void main();
