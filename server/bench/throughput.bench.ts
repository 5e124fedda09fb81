/**
 * HTTP throughput of the candidates list (issue 18).
 *
 * 1. Seeds a fresh SQLite file under the OS temp dir: one space and its
 *    administrator, BENCH_CANDIDATES candidates (`seedBulk`).
 * 2. Starts the server as `npm start` does (src/main.ts in its own process,
 *    on that database, with this bench's Node flags) on a free loopback port,
 *    logs in over HTTP and loads the default list with autocannon
 *    (BENCH_CONNECTIONS connections) from a child process: BENCH_HTTP_WARMUP
 *    seconds of warm-up, then BENCH_SECONDS measured; requests/s, p50/p99
 *    latency, errors of each.
 *
 * It prints figures and never fails on a miss (a bench is not a test). The
 * temp directory and the server are removed at the end, on error and on Ctrl-C.
 *
 * Run: npm run bench -w server (after the list bench), or
 *      node --conditions=@clr/source --import tsx bench/throughput.bench.ts from server/.
 * Knobs: BENCH_CANDIDATES (100000), BENCH_CONNECTIONS (50), BENCH_SECONDS (10),
 *        BENCH_HTTP_WARMUP (5).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, migrate } from '../src/db/client.js';
import { hashPassword } from '../src/http/passwords.js';
import { seedBulk } from '../src/seed/bulk.js';
import { int } from './stats.js';

const knob = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback;
};
const CANDIDATES = knob('BENCH_CANDIDATES', 100_000);
const CONNECTIONS = knob('BENCH_CONNECTIONS', 50);
const SECONDS = knob('BENCH_SECONDS', 10);
/** Seconds of load before the measured one (the HTTP path is cold until then). */
const THROUGHPUT_WARM_UP = knob('BENCH_HTTP_WARMUP', 5);

const LIST = '/api/v1/candidates';
const LOGIN = { email: 'banc@bench.test', password: 'Banc-admin-1' };
const load = () => loadavg().map((l) => l.toFixed(2)).join(', ');

const dir = mkdtempSync(join(tmpdir(), 'clr-bench-throughput-'));
const path = join(dir, 'bench.db');
const url = `file:${path}`;
let removed = false;
function removeTemp(): void {
  if (removed) return;
  removed = true;
  rmSync(dir, { recursive: true, force: true });
}
process.once('SIGINT', () => {
  removeTemp();
  process.exit(130);
});

console.log(`CLR Admin throughput bench — ${int(CANDIDATES)} candidates on SQLite, Node ${process.version}, ${availableParallelism()} CPUs`);
console.log(`load average at start: ${load()}`);
console.log(`database: ${path} (removed at the end)\n`);

const cleanups: (() => unknown)[] = [];
try {
  // 1. Seed, then let the server own the database.
  await migrate(url);
  const handle = await createDb(url);
  const space = await handle.db.space.create({ data: { name: 'Banc d’essai' } });
  await handle.db.admin.create({
    data: { spaceId: space.id, email: LOGIN.email, passwordHash: await hashPassword(LOGIN.password), lastName: 'Essai', firstName: 'Banc' },
  });
  console.log('1. Seeding');
  const seeded = await seedBulk(handle.db, space.id, CANDIDATES, { log: (line) => console.log(`   ${line}`) });
  console.log(`   ${int(seeded.candidates)} candidates in ${(seeded.ms / 1000).toFixed(1)} s\n`);
  await handle.close();

  // 2. Throughput over HTTP.
  console.log(`2. Throughput: GET ${LIST} (default sort, first page) over HTTP, ${CONNECTIONS} connections, ${SECONDS} s (the server and autocannon each in their own process)`);
  // The server as `npm start` runs it: its own process, the same Node flags as this bench (npm run bench).
  const child = spawn(process.execPath, [...process.execArgv, 'src/main.ts'], {
    cwd: join(import.meta.dirname, '..'),
    env: { ...process.env, DATABASE_URL: url, PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'development' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  );
  const base = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const match = /API\s+(http:\/\/\S+?)\/api\/v1/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`the server exited (${code}):\n${out}`)));
  });
  console.log(`   server: ${process.execArgv.join(' ')} src/main.ts, pid ${child.pid}, ${base}`);
  const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(LOGIN) });
  const cookie = /clr_session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')?.[0];
  if (login.status !== 200 || !cookie) throw new Error(`Login failed: ${login.status} ${await login.text()}`);

  const autocannon = createRequire(import.meta.url).resolve('autocannon');
  const load50 = (seconds: number) =>
    new Promise<string>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [autocannon, '--json', '-c', String(CONNECTIONS), '-d', String(seconds), '-H', `cookie=${cookie}`, `${base}${LIST}`],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`autocannon exited with ${code}`))));
    });
  type Figures = {
    requests: { average: number; total: number };
    latency: { p50: number; p99: number; max: number };
    errors: number;
    timeouts: number;
    non2xx: number;
    '2xx': number;
  };
  // A first, shorter load warms the HTTP path; its figures are printed too: a
  // server's first seconds under load are what a restart under traffic looks like.
  const cold = JSON.parse(await load50(THROUGHPUT_WARM_UP)) as Figures;
  console.log(
    `   warm-up, ${THROUGHPUT_WARM_UP} s: ${int(cold.requests.average)} req/s, latency p50 ${cold.latency.p50} ms, p99 ${cold.latency.p99} ms, max ${cold.latency.max} ms; errors ${cold.errors}, timeouts ${cold.timeouts}`,
  );
  const figures = JSON.parse(await load50(SECONDS)) as Figures;
  console.log(
    `   measured, ${SECONDS} s: ${int(figures.requests.average)} req/s (${int(figures.requests.total)} requests, ${int(figures['2xx'])} × 2xx), ` +
      `latency p50 ${figures.latency.p50} ms, p99 ${figures.latency.p99} ms, max ${figures.latency.max} ms; ` +
      `errors ${figures.errors}, timeouts ${figures.timeouts}, non-2xx ${figures.non2xx}`,
  );
  console.log(`\nload average at the end: ${load()}`);
} finally {
  for (const cleanup of cleanups.reverse()) {
    try {
      await cleanup();
    } catch (error) {
      console.warn('bench cleanup failed:', error);
    }
  }
  removeTemp();
}
