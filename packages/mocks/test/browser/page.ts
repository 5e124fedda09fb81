/**
 * The page of the browser check: the mocks in a service worker, a login whose
 * cookie MSW keeps, then the dashboard and a CSV export through `fetch` on
 * the page's own origin. The outcome goes to `document.title` as JSON.
 */
import { createMockWorker } from '@clr/mocks/browser';

async function run(): Promise<unknown> {
  const mocks = createMockWorker({ state: 'demo', onError: (e) => console.error(e) });
  await mocks.start({ quiet: true });
  const login = await fetch('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@demo.test', password: 'Demo-admin-1' }),
  });
  const dashboard = (await (await fetch('/api/v1/dashboard')).json()) as { stock: { total: number }; candidates: { total: number } };
  const csv = await (await fetch('/api/v1/candidates/export.csv')).text();
  await fetch('/api/v1/auth/logout', { method: 'POST' });
  const after = await fetch('/api/v1/dashboard');
  return { login: login.status, stock: dashboard.stock.total, candidates: dashboard.candidates.total, csvLines: csv.trim().split('\r\n').length, afterLogout: after.status };
}

run().then(
  (result) => (document.title = JSON.stringify(result)),
  (error: unknown) => (document.title = JSON.stringify({ error: String(error) })),
);
