/**
 * Element tests run against `@clr/mocks` in the page, through MSW's service
 * worker: `const { client, mock } = await startMocks()` gives a logged-in SDK
 * client on the demo space (« Démo »: 19 candidates, 1079 credits).
 */
import { createClient, type ClrClient } from '@clr/sdk';
import { createMockWorker, type MockWorker, type MockWorkerOptions } from '@clr/mocks/browser';

let current: MockWorker | undefined;

export const DEMO_ADMIN = { email: 'admin@demo.test', password: 'Demo-admin-1' };

export async function startMocks(options: MockWorkerOptions & { login?: boolean } = {}): Promise<{ client: ClrClient; mock: MockWorker }> {
  current?.stop();
  const mock = createMockWorker({ state: 'demo', ...options });
  await mock.start({ quiet: true, serviceWorker: { url: '/mockServiceWorker.js' } });
  const client = createClient({ baseUrl: '', auth: { kind: 'session' }, retry: false });
  if (options.login ?? true) await client.auth.login(DEMO_ADMIN);
  current = mock;
  return { client, mock };
}

export function stopMocks(): void {
  current?.stop();
  current = undefined;
}
