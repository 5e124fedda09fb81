import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, migrate } from '../../src/db/client.js';
import { seedDemo } from '../../src/seed/demo.js';
import { guardDemoLogins, liveDemoLogins } from '../../src/seed/demo-logins.js';
import { closeAll, freshDatabaseUrl } from '../support/db.js';
import { SOURCE_NODE_ARGS } from '../support/node-args.js';

/**
 * Finding 3: a database first seeded in development kept `operator@clr.test` /
 * `Operator-1` and `Bearer clr_int_demo` working under NODE_ENV=production,
 * while the banner said there were none. Production now refuses to start and
 * names them, or disables them when CLR_DISABLE_DEMO_LOGINS=1 asks.
 */
const SERVER_DIR = fileURLToPath(new URL('../..', import.meta.url));
let url: string;

/** `npm start` in production on `url`: its output and exit code, or its API address once it listens. */
function start(env: Record<string, string>): Promise<{ code: number | null; out: string; api?: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [...SOURCE_NODE_ARGS, 'src/main.ts'], {
    cwd: SERVER_DIR,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'production', DATABASE_URL: url, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const stop = () => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : (child.on('exit', () => resolve()), child.kill('SIGTERM'))));
  return new Promise((resolve) => {
    const read = (chunk: Buffer) => {
      out += chunk.toString();
      const api = /API\s+(http:\/\/\S+)/.exec(out)?.[1];
      if (api) resolve({ code: null, out, api, stop });
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => resolve({ code, out, stop }));
  });
}

beforeAll(async () => {
  url = await freshDatabaseUrl();
  await migrate(url);
  const handle = await createDb(url);
  await seedDemo(handle.db, new Date(), { env: { NODE_ENV: 'development' } });
  await handle.close();
});
afterAll(() => closeAll());

describe('demo accounts live in production', () => {
  it('a database seeded in development still has working demo logins (the three accounts and the key)', async () => {
    const handle = await createDb(url);
    const live = await liveDemoLogins(handle.db, {});
    await handle.close();
    expect(live.map((l) => l.label).sort()).toEqual(['Bearer clr_int_demo', 'admin@autre.test / Autre-admin-1', 'admin@demo.test / Demo-admin-1', 'operator@clr.test / Operator-1']);
  });

  it('production refuses to start on it, naming each demo login and how to remove them', async () => {
    const run = await start({});
    await run.stop();
    expect(run.api).toBeUndefined();
    expect(run.code).toBe(1);
    expect(run.out).toContain('operator@clr.test / Operator-1');
    expect(run.out).toContain('Bearer clr_int_demo');
    expect(run.out).toContain('CLR_DISABLE_DEMO_LOGINS=1');
  });

  it('with CLR_DISABLE_DEMO_LOGINS=1 production disables them, says so, and neither the operator nor the key gets in', async () => {
    const run = await start({ CLR_DISABLE_DEMO_LOGINS: '1' });
    try {
      expect(run.api).toBeDefined();
      expect(run.out).toContain('Demo logins disabled');
      const login = await fetch(`${run.api}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'operator@clr.test', password: 'Operator-1' }),
      });
      expect(login.status).toBe(401);
      const key = await fetch(`${run.api}/integration/attempts`, { headers: { authorization: 'Bearer clr_int_demo' } });
      expect(key.status).toBe(401);
    } finally {
      await run.stop();
    }
    const handle = await createDb(url);
    expect(await liveDemoLogins(handle.db, {})).toEqual([]);
    // Once disabled, a later production start has nothing to refuse.
    expect(await guardDemoLogins(handle.db, { NODE_ENV: 'production' })).toEqual([]);
    await handle.close();
  });
});
