/**
 * Global setup of `contract-server`: the real server, as `npm start` runs it —
 * a fresh SQLite file database, migrated, seeded with the demo, `createApp`
 * served by `@hono/node-server` on a free port — and its URL handed to the test
 * files (`inject('contractServer')`). The app's clock is real time plus an
 * offset the scenarios may move (`POST /__contract/clock`), answered by this
 * harness before the app: the server itself has no such route.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { TestProject } from 'vitest/node';
import { createApp } from '@clr/server/src/app.js';
import { createDb, migrate } from '@clr/server/src/db/client.js';
import { seedIfEmpty } from '@clr/server/src/seed/index.js';
import type { ServerTargetInfo } from './target.js';

const CLOCK_PATH = '/__contract/clock';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), 'clr-contract-'));
  const url = `file:${join(dir, 'contract.db')}`;
  await migrate(url);
  const handle = await createDb(url);
  let offsetMs = 0;
  const now = () => new Date(Date.now() + offsetMs);
  const seed = await seedIfEmpty(handle.db, { now: now(), env: {} });
  if (!seed.credentials) throw new Error('The demo was not seeded.');
  const app = createApp({
    db: handle.db,
    now,
    // Behind the harness as behind a proxy: scenarios that must not exhaust the
    // login rate limit of 127.0.0.1 send their own X-Forwarded-For.
    // Request lines are noise here; a fault (a 500) is printed with its request id.
    config: { trustProxy: true, log: (line) => (line.startsWith('error') ? console.error(`[server] ${line}`) : undefined) },
  });

  const server = serve({
    hostname: '127.0.0.1',
    port: 0,
    fetch: async (request: Request) => {
      if (new URL(request.url).pathname === CLOCK_PATH && request.method === 'POST') {
        const body = (await request.json()) as { offsetMs?: unknown };
        if (typeof body.offsetMs !== 'number' || !Number.isFinite(body.offsetMs)) return new Response('offsetMs', { status: 400 });
        offsetMs = body.offsetMs;
        return Response.json({ now: now().toISOString() });
      }
      return app.fetch(request);
    },
  });
  await new Promise<void>((resolve, reject) => {
    if (server.listening) resolve();
    server.once('listening', () => resolve());
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const info: ServerTargetInfo = { kind: 'server', baseUrl, clockUrl: `${baseUrl}${CLOCK_PATH}`, logins: seed.credentials };
  project.provide('contractServer', info);

  return async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  };
}
