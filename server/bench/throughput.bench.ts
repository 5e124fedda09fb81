/**
 * HTTP throughput and fairness between spaces (issue 18, rows 1–3 of its table).
 *
 * 1. Seeds a fresh SQLite file under the OS temp dir: one space and its
 *    administrator, BENCH_CANDIDATES candidates (`seedBulk`); and a second
 *    space, « Lot », with its administrator, BENCH_BULK × BENCH_BULK_ROUNDS
 *    candidates waiting for an exam and as many credits.
 * 2. Starts the server as `npm start` does (src/main.ts in its own process,
 *    on that database, with this bench's Node flags) on a free loopback port,
 *    logs in over HTTP and loads the default list with autocannon
 *    (BENCH_CONNECTIONS connections) from a child process: BENCH_HTTP_WARMUP
 *    seconds of warm-up, then BENCH_SECONDS measured; requests/s, p50/p99
 *    latency, errors of each.
 * 3. Fairness: « Lot » assigns an exam to BENCH_BULK candidates at once
 *    (`POST /assignments/bulk`), BENCH_BULK_ROUNDS times, while the first
 *    space's administrator asks for her dashboard again and again (4 requests
 *    in flight); the dashboard's latencies while a bulk is in flight, p50/p99,
 *    beside the same dashboard with no bulk running.
 * 4. The demo (a fresh database seeded by the server as `npm start` does):
 *    `/healthz`, then the demo administrator's candidates list, each under the
 *    same autocannon load in the same run; the ratio of their throughputs.
 *
 * Then the targets table (targets.ts). It prints figures and never fails on a
 * miss (a bench is not a test). The temp directories and the servers are
 * removed at the end, on error and on Ctrl-C.
 *
 * Run: npm run bench -w server (after the list and export benches), or
 *      node --conditions=@clr/source --import tsx bench/throughput.bench.ts from server/.
 * Knobs: BENCH_CANDIDATES (100000), BENCH_CONNECTIONS (50), BENCH_SECONDS (10),
 *        BENCH_HTTP_WARMUP (5), BENCH_BULK (300), BENCH_BULK_ROUNDS (3).
 *        A quick run: BENCH_CANDIDATES=20000 BENCH_SECONDS=5 BENCH_HTTP_WARMUP=2.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, migrate, type Db } from '../src/db/client.js';
import { hashPassword } from '../src/http/passwords.js';
import { demoCredentials } from '../src/seed/credentials.js';
import { seedBulk } from '../src/seed/bulk.js';
import { int, percentile } from './stats.js';
import { Targets } from './targets.js';

const knob = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback;
};
const CANDIDATES = knob('BENCH_CANDIDATES', 100_000);
const CONNECTIONS = knob('BENCH_CONNECTIONS', 50);
const SECONDS = knob('BENCH_SECONDS', 10);
/** Seconds of load before the measured one (the HTTP path is cold until then). */
const THROUGHPUT_WARM_UP = knob('BENCH_HTTP_WARMUP', 5);
const BULK = knob('BENCH_BULK', 300);
const BULK_ROUNDS = knob('BENCH_BULK_ROUNDS', 3);
/** Dashboard requests in flight during the bulk. */
const DASHBOARD_READERS = 4;

const LIST = '/api/v1/candidates';
const LOGIN = { email: 'banc@bench.test', password: 'Banc-admin-1' };
const BULK_LOGIN = { email: 'lot@bench.test', password: 'Lot-admin-1' };
const load = () => loadavg().map((l) => l.toFixed(2)).join(', ');

const temps: string[] = [];
function tempDb(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return `file:${join(dir, 'bench.db')}`;
}
function removeTemps(): void {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
}
const servers = new Set<ChildProcess>();
process.once('SIGINT', () => {
  for (const child of servers) child.kill('SIGTERM');
  removeTemps();
  process.exit(130);
});

/** The server as `npm start` runs it: its own process, the same Node flags as this bench (npm run bench). */
async function startServer(url: string): Promise<{ base: string; pid: number | undefined; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [...process.execArgv, 'src/main.ts'], {
    cwd: join(import.meta.dirname, '..'),
    env: { ...process.env, DATABASE_URL: url, PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'development' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  servers.add(child);
  const stop = () =>
    new Promise<void>((resolve) => {
      servers.delete(child);
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  const base = await new Promise<string>((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const match = /API\s+(http:\/\/\S+?)\/api\/v1/.exec(out);
      if (match?.[1]) {
        // The request log goes on being written: read and drop it.
        child.stdout.off('data', onData);
        child.stdout.resume();
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the server exited (${code}):\n${out}`)));
  });
  return { base, pid: child.pid, stop };
}

async function login(base: string, credentials: { email: string; password: string }): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(credentials) });
  const cookie = /clr_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')?.[0];
  if (res.status !== 200 || !cookie) throw new Error(`Login failed: ${res.status} ${await res.text()}`);
  return cookie;
}

type Figures = {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
};

const autocannonPath = createRequire(import.meta.url).resolve('autocannon');
/** autocannon in its own process: `CONNECTIONS` connections for `seconds` on `url`. */
function autocannon(url: string, seconds: number, cookie?: string): Promise<Figures> {
  return new Promise<Figures>((resolve, reject) => {
    const args = [autocannonPath, '--json', '-c', String(CONNECTIONS), '-d', String(seconds), ...(cookie ? ['-H', `cookie=${cookie}`] : []), url];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as Figures) : reject(new Error(`autocannon exited with ${code}`))));
  });
}

/** CPU time (user + system, ms) a process has used so far, from /proc (Linux); null elsewhere. */
function cpuMsOf(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

/** The load with the server's CPU time per request: on a shared machine, what a request costs the server whatever the others run. */
async function measured(pid: number | undefined, run: () => Promise<Figures>): Promise<Figures & { cpuPerRequest: number | null }> {
  const before = cpuMsOf(pid);
  const figures = await run();
  const after = cpuMsOf(pid);
  return { ...figures, cpuPerRequest: before === null || after === null || figures.requests.total === 0 ? null : (after - before) / figures.requests.total };
}
const cpuText = (f: { cpuPerRequest: number | null }) =>
  f.cpuPerRequest === null ? '' : `; server CPU ${f.cpuPerRequest.toFixed(2)} ms per request (${int(1000 / f.cpuPerRequest)} req/s per core)`;

const describeFigures = (f: Figures) =>
  `${int(f.requests.average)} req/s (${int(f.requests.total)} requests, ${int(f['2xx'])} × 2xx), latency p50 ${f.latency.p50} ms, p99 ${f.latency.p99} ms, ` +
  `max ${f.latency.max} ms; errors ${f.errors}, timeouts ${f.timeouts}, non-2xx ${f.non2xx}`;

const DAY = 86_400_000;

/** « Lot »: a space, its administrator, `count` candidates waiting for an exam and `count` credits of the remote mock exam. */
async function seedBulkSpace(db: Db, count: number): Promise<void> {
  const now = new Date();
  const space = await db.space.create({ data: { name: 'Lot' } });
  await db.admin.create({
    data: { spaceId: space.id, email: BULK_LOGIN.email, passwordHash: await hashPassword(BULK_LOGIN.password), lastName: 'Lot', firstName: 'Banc' },
  });
  const order = await db.order.create({
    data: {
      spaceId: space.id,
      number: `B${Date.now()}`,
      status: 'delivered',
      vatRateBp: 2000,
      totalHt: 0,
      totalVat: 0,
      totalTtc: 0,
      deliveredAt: now,
      lines: { create: [{ position: 1, productId: 'bench', examTypeId: 'blank-remote', quantity: count, unitPriceHt: 0, ht: 0, ttc: 0 }] },
    },
    include: { lines: true },
  });
  await db.creditLot.create({
    data: { spaceId: space.id, orderId: order.id, orderLineId: order.lines[0]!.id, examTypeId: 'blank-remote', quantity: count, remaining: count, expiresAt: new Date(now.getTime() + 365 * DAY) },
  });
  const rows = Array.from({ length: count }, (_, i) => {
    const email = `lot-${i}-${randomUUID().slice(0, 8)}@bench.test`;
    return {
      spaceId: space.id,
      civility: i % 2 ? 'm' : 'mme',
      lastName: `Lot${String(i).padStart(5, '0')}`,
      firstName: 'Banc',
      email,
      emailKey: email,
      passwordHash: 'x',
      birthDate: '1990-01-01',
      birthPostcode: '75001',
      birthTown: 'Paris',
      birthCountry: 'France',
      infoStatus: 'student',
      funding: 'self_funded',
      sortName: `lot${String(i).padStart(5, '0')} banc`,
    };
  });
  for (let i = 0; i < rows.length; i += 500) await db.candidate.createMany({ data: rows.slice(i, i + 500) });
}

interface Latencies {
  samples: number[];
  p50: number;
  p99: number;
  max: number;
}
const latencies = (samples: number[]): Latencies => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { samples, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1]! };
};

/** `DASHBOARD_READERS` loops asking for `url` until `until()` says stop; every latency (ms) and status. */
async function hammer(url: string, cookie: string, keepGoing: () => boolean): Promise<{ ms: number[]; failed: number }> {
  const ms: number[] = [];
  let failed = 0;
  await Promise.all(
    Array.from({ length: DASHBOARD_READERS }, async () => {
      while (keepGoing()) {
        const started = performance.now();
        const res = await fetch(url, { headers: { cookie } });
        await res.arrayBuffer();
        ms.push(performance.now() - started);
        if (res.status !== 200) failed += 1;
      }
    }),
  );
  return { ms, failed };
}

console.log(`CLR Admin throughput bench — ${int(CANDIDATES)} candidates on SQLite, Node ${process.version}, ${availableParallelism()} CPUs`);
console.log(`load average at start: ${load()}\n`);

const targets = new Targets();
const cleanups: (() => unknown)[] = [];
try {
  // 1. Seed, then let the server own the database.
  const url = tempDb('clr-bench-throughput-');
  await migrate(url);
  const handle = await createDb(url);
  const space = await handle.db.space.create({ data: { name: 'Banc d’essai' } });
  await handle.db.admin.create({
    data: { spaceId: space.id, email: LOGIN.email, passwordHash: await hashPassword(LOGIN.password), lastName: 'Essai', firstName: 'Banc' },
  });
  console.log('1. Seeding');
  const seeded = await seedBulk(handle.db, space.id, CANDIDATES, { log: (line) => console.log(`   ${line}`) });
  console.log(`   ${int(seeded.candidates)} candidates in ${(seeded.ms / 1000).toFixed(1)} s`);
  await seedBulkSpace(handle.db, BULK * BULK_ROUNDS);
  console.log(`   « Lot »: ${int(BULK * BULK_ROUNDS)} candidates waiting for an exam, as many credits\n`);
  await handle.close();

  // 2. Throughput over HTTP.
  console.log(`2. Throughput: GET ${LIST} (default sort, first page) over HTTP, ${CONNECTIONS} connections, ${SECONDS} s (the server and autocannon each in their own process)`);
  const server = await startServer(url);
  cleanups.push(server.stop);
  console.log(`   server: ${process.execArgv.join(' ')} src/main.ts, pid ${server.pid}, ${server.base}`);
  const cookie = await login(server.base, LOGIN);
  // A first, shorter load warms the HTTP path; its figures are printed too: a
  // server's first seconds under load are what a restart under traffic looks like.
  const cold = await autocannon(`${server.base}${LIST}`, THROUGHPUT_WARM_UP, cookie);
  console.log(`   warm-up, ${THROUGHPUT_WARM_UP} s: ${describeFigures(cold)}`);
  const figures = await measured(server.pid, () => autocannon(`${server.base}${LIST}`, SECONDS, cookie));
  console.log(`   measured, ${SECONDS} s: ${describeFigures(figures)}${cpuText(figures)}`);
  console.log(`   load average: ${load()}`);
  targets.add({
    measure: `list at ${CONNECTIONS} connections, ${int(CANDIDATES / 1000)} k, SQLite`,
    before: '137–325 req/s, p99 294–763 ms',
    target: '≥ 1,000 req/s, p99 ≤ 100 ms',
    figure: `${int(figures.requests.average)} req/s, p99 ${figures.latency.p99} ms (${figures.cpuPerRequest === null ? '' : `CPU ${figures.cpuPerRequest.toFixed(2)} ms/request, `}load ${load()})`,
    pass: figures.requests.average >= 1000 && figures.latency.p99 <= 100 && figures.non2xx === 0 && figures.errors === 0,
  });

  // 3. Fairness: another space's dashboard while « Lot » assigns in bulk.
  console.log(`\n3. Fairness: GET /api/v1/dashboard of « Banc d’essai » (${DASHBOARD_READERS} in flight) while « Lot » assigns ${BULK} candidates at once, ${BULK_ROUNDS} times`);
  const bulkCookie = await login(server.base, BULK_LOGIN);
  const dashboard = `${server.base}/api/v1/dashboard`;
  const quietEnds = performance.now() + 2000;
  const quiet = await hammer(dashboard, cookie, () => performance.now() < quietEnds);
  const quietFigures = latencies(quiet.ms);
  console.log(`   no bulk running, 2 s: ${int(quiet.ms.length)} dashboards, p50 ${quietFigures.p50.toFixed(1)} ms, p99 ${quietFigures.p99.toFixed(1)} ms, max ${quietFigures.max.toFixed(1)} ms`);
  const waiting = await fetch(`${server.base}${LIST}?status=to_assign&limit=${Math.min(BULK * BULK_ROUNDS, 200)}`, { headers: { cookie: bulkCookie } });
  if (waiting.status !== 200) throw new Error(`« Lot » list: ${waiting.status}`);
  const during: number[] = [];
  const bulkMs: number[] = [];
  let failedDuring = 0;
  for (let round = 0; round < BULK_ROUNDS; round += 1) {
    // The candidates still waiting, BULK at a time (pages of 200).
    const ids: string[] = [];
    for (let cursor: string | null = null; ids.length < BULK; ) {
      const res = await fetch(`${server.base}${LIST}?status=to_assign&limit=200${cursor ? `&cursor=${cursor}` : ''}`, { headers: { cookie: bulkCookie } });
      const page = (await res.json()) as { data: { id: string }[]; nextCursor: string | null };
      ids.push(...page.data.map((c) => c.id));
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    let running = true;
    const readers = hammer(dashboard, cookie, () => running);
    const started = performance.now();
    const bulk = await fetch(`${server.base}/api/v1/assignments/bulk`, {
      method: 'POST',
      headers: { cookie: bulkCookie, 'content-type': 'application/json', origin: server.base },
      body: JSON.stringify({ candidateIds: ids.slice(0, BULK), examType: 'blank-remote' }),
    });
    const text = await bulk.text();
    bulkMs.push(performance.now() - started);
    running = false;
    const read = await readers;
    if (bulk.status !== 201) throw new Error(`bulk assignment answered ${bulk.status}: ${text.slice(0, 300)}`);
    during.push(...read.ms);
    failedDuring += read.failed;
  }
  const duringFigures = latencies(during);
  console.log(
    `   during the bulks (${bulkMs.map((t) => `${int(t)} ms`).join(', ')}): ${int(during.length)} dashboards, p50 ${duringFigures.p50.toFixed(1)} ms, ` +
      `p99 ${duringFigures.p99.toFixed(1)} ms, max ${duringFigures.max.toFixed(1)} ms, ${failedDuring} not 200`,
  );
  console.log(`   load average: ${load()}`);
  targets.add({
    measure: `other space's dashboard p99 during a ${BULK}-candidate bulk`,
    before: '521–634 ms',
    target: '≤ 50 ms',
    figure: `${duringFigures.p99.toFixed(0)} ms (quiet ${quietFigures.p99.toFixed(0)} ms; bulk ${bulkMs.map((t) => int(t)).join('/')} ms; load ${load()})`,
    pass: duringFigures.p99 <= 50 && failedDuring === 0 && during.length > 0,
  });
  await server.stop();

  // 4. The demo: /healthz and the list, same run.
  console.log(`\n4. The demo (seeded by the server on an empty database): /healthz, then the candidates list, ${CONNECTIONS} connections, ${SECONDS} s each`);
  const demoUrl = tempDb('clr-bench-demo-');
  const demo = await startServer(demoUrl);
  cleanups.push(demo.stop);
  const demoCookie = await login(demo.base, demoCredentials({}).demoAdmin);
  await autocannon(`${demo.base}/api/v1/healthz`, THROUGHPUT_WARM_UP);
  await autocannon(`${demo.base}${LIST}`, THROUGHPUT_WARM_UP, demoCookie);
  const health = await measured(demo.pid, () => autocannon(`${demo.base}/api/v1/healthz`, SECONDS));
  console.log(`   /healthz: ${describeFigures(health)}${cpuText(health)}`);
  const demoList = await measured(demo.pid, () => autocannon(`${demo.base}${LIST}`, SECONDS, demoCookie));
  console.log(`   ${LIST}: ${describeFigures(demoList)}${cpuText(demoList)}`);
  const ratio = demoList.requests.average / health.requests.average;
  const cpuRatio = health.cpuPerRequest && demoList.cpuPerRequest ? health.cpuPerRequest / demoList.cpuPerRequest : null;
  console.log(`   ratio list / healthz: ${ratio.toFixed(2)}${cpuRatio === null ? '' : ` (by CPU time per request: ${cpuRatio.toFixed(2)})`}; load average: ${load()}`);
  targets.add({
    measure: 'list / `/healthz` throughput, same run, demo',
    before: '0.12',
    target: '≥ 0.35',
    figure: `${ratio.toFixed(2)} (${int(demoList.requests.average)} / ${int(health.requests.average)} req/s, list p99 ${demoList.latency.p99} ms${cpuRatio === null ? '' : `; by CPU ${cpuRatio.toFixed(2)}`})`,
    pass: ratio >= 0.35 && demoList.non2xx === 0,
  });
  await demo.stop();

  console.log(`\nload average at the end: ${load()}`);
  targets.print('Targets (issue 18), this bench');
} finally {
  for (const cleanup of cleanups.reverse()) {
    try {
      await cleanup();
    } catch (error) {
      console.warn('bench cleanup failed:', error);
    }
  }
  removeTemps();
}
