import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { closeAll, freshDatabaseUrl } from '../support/db.js';
import { SOURCE_NODE_ARGS } from '../support/node-args.js';

/**
 * `npm start` end to end, as issue 3's « Done when » says: a fresh database is
 * migrated and seeded, a login with the demo credentials followed by
 * `GET /api/v1/dashboard` shows the manual's figures (§3.1), and SIGTERM
 * stops the server cleanly.
 */
const SERVER_DIR = fileURLToPath(new URL('../..', import.meta.url));

interface Started {
  child: ChildProcess;
  output: () => string;
  api: string;
}

const children: ChildProcess[] = [];
afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await closeAll();
});

async function start(env: Record<string, string>): Promise<Started> {
  // One process (no tsx wrapper relaying signals): SIGTERM reaches the server itself.
  const child = spawn(process.execPath, [...SOURCE_NODE_ARGS, 'src/main.ts'], { cwd: SERVER_DIR, env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const api = await new Promise<string>((resolve, reject) => {
    const check = () => {
      const match = /API\s+(http:\/\/\S+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => reject(new Error(`server exited (${code}):\n${out}`)));
  });
  return { child, output: () => out, api };
}

function stopped(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.on('exit', (code) => resolve(code));
  });
}

describe('npm start', () => {
  it('migrates, seeds « Démo », prints the logins; the demo login and GET /dashboard show §3.1’s figures; SIGTERM exits 0', async () => {
    const server = await start({ DATABASE_URL: await freshDatabaseUrl(), NODE_ENV: 'development' });
    expect(server.output()).toContain('admin@demo.test / Demo-admin-1');
    expect(server.output()).toContain('operator@clr.test / Operator-1');
    expect(server.output()).toContain('Bearer clr_int_demo');
    const login = await fetch(`${server.api}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@demo.test', password: 'Demo-admin-1' }),
    });
    expect(login.status).toBe(200);
    const cookie = /clr_session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')![0];
    const dashboard = (await (await fetch(`${server.api}/dashboard`, { headers: { cookie } })).json()) as {
      stock: { total: number; byType: { remaining: number }[] };
      candidates: unknown;
      groups: unknown;
    };
    expect(dashboard.stock.total).toBe(1079);
    expect(dashboard.stock.byType.map((t) => t.remaining)).toEqual([200, 99, 100, 480, 100, 100]);
    expect(dashboard.candidates).toEqual({ total: 19, toAssign: 0, scheduled: 8, taken: 11 });
    expect(dashboard.groups).toEqual({ total: 1, byCategory: { client: 0, class: 0, exam_session: 1, other: 0 } });
    server.child.kill('SIGTERM');
    expect(await stopped(server.child)).toBe(0);
    expect(server.output()).toContain('SIGTERM: closing');
  });

  it('in production seeds no demo and accepts no demo login', async () => {
    const server = await start({ DATABASE_URL: await freshDatabaseUrl(), NODE_ENV: 'production' });
    expect(server.output()).not.toContain('Demo-admin-1');
    const login = await fetch(`${server.api}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@demo.test', password: 'Demo-admin-1' }),
    });
    expect(login.status).toBe(401);
    const types = (await (await fetch(`${server.api}/healthz`)).json()) as { status: string };
    expect(types.status).toBe('ok');
    server.child.kill('SIGTERM');
    expect(await stopped(server.child)).toBe(0);
  });
});
