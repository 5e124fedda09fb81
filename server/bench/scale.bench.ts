/**
 * PostgreSQL at scale (issue 18, stretch): 1,000,000 candidates over 10,000
 * spaces, two server processes on one database behind a round-robin proxy.
 *
 * 1. Starts a throwaway PostgreSQL cluster (the test suite's support), applies
 *    the migrations and seeds 10,000 spaces of 100 candidates each in one
 *    transaction (`seedBulkSpaces`: `unnest` batches on a raw connection),
 *    then VACUUM ANALYZE.
 * 2. Starts two servers as `npm start` does (src/main.ts, each its own
 *    process, the same DATABASE_URL) and a tiny round-robin HTTP proxy in this
 *    process in front of them.
 * 3. Through the proxy, for a few spaces (an administrator each): every query
 *    of the list table one request at a time; prints p50/p95/max per query.
 * 4. Oversold: one space's lot of « blank-remote » is cut to STOCK credits and
 *    ATTEMPTS candidates without an assignment are assigned that type all at
 *    once, half through each server. At the end, in SQL: credits consumed
 *    (quantity − remaining), active assignments on the lot, and remaining ≥ 0;
 *    oversold = assignments on the lot beyond its quantity, or a negative stock.
 *
 * Prints figures and the targets rows (PASS/MISS); never fails on a miss.
 * Everything is stopped and removed at the end, on error and on Ctrl-C.
 *
 * Run: npm run bench:scale -w server (also by npm run bench -w server with BENCH_SCALE=1)
 * Knobs: BENCH_SCALE_CANDIDATES (1000000), BENCH_SCALE_SPACES (10000),
 *        BENCH_SCALE_REQUESTS (60 per query), BENCH_SCALE_STOCK (10),
 *        BENCH_SCALE_ATTEMPTS (60).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createDb, migrate } from '../src/db/client.js';
import { hashPassword } from '../src/http/passwords.js';
import { seedBulkSpaces } from '../src/seed/bulk.js';
import { createDatabase, startCluster } from '../test/support/postgres.js';
import { int, ms, summarise, table, type Summary } from './stats.js';
import { Targets } from './targets.js';

const knob = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback;
};
const CANDIDATES = knob('BENCH_SCALE_CANDIDATES', 1_000_000);
const SPACES = Math.min(knob('BENCH_SCALE_SPACES', 10_000), CANDIDATES);
const REQUESTS = knob('BENCH_SCALE_REQUESTS', 60);
const STOCK = knob('BENCH_SCALE_STOCK', 10);
const ATTEMPTS = knob('BENCH_SCALE_ATTEMPTS', 60);
/** Spaces whose administrator lists (spread over the seed). */
const SAMPLED = 4;
const TARGET_P95_MS = 30;
const PASSWORD = 'Banc-admin-1';

const load = () => loadavg().map((l) => l.toFixed(2)).join(', ');
const cleanups: (() => unknown)[] = [];
async function cleanUp(): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) {
    try {
      await cleanup();
    } catch (error) {
      console.warn('bench cleanup failed:', error);
    }
  }
}
process.once('SIGINT', () => void cleanUp().finally(() => process.exit(130)));

/** Starts src/main.ts on `url` on a free port; resolves with its base URL once it listens. */
function startServer(url: string): Promise<{ base: string; child: ChildProcess }> {
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
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const match = /API\s+(http:\/\/\S+?)\/api\/v1/.exec(out);
      if (match?.[1]) resolve({ base: match[1], child });
    });
    child.once('exit', (code) => reject(new Error(`a server exited (${code}):\n${out}`)));
  });
}

/** A round-robin HTTP proxy in front of `targets`; counts the requests each one got. */
function startProxy(targets: string[]): Promise<{ base: string; served: number[]; close(): Promise<void> }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const served = targets.map(() => 0);
  let turn = 0;
  const server = http.createServer((req, res) => {
    const index = turn++ % targets.length;
    served[index]! += 1;
    const target = new URL(req.url ?? '/', targets[index]);
    const upstream = http.request(target, { method: req.method, headers: req.headers, agent }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', (error) => {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
    req.pipe(upstream);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        base: `http://127.0.0.1:${port}`,
        served,
        close: () =>
          new Promise<void>((done) => {
            agent.destroy();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

const client = new http.Agent({ keepAlive: true, maxSockets: 128 });
/** One HTTP request; resolves with status, body and time taken. */
function request(base: string, path: string, options: { method?: string; cookie?: string; body?: unknown } = {}) {
  return new Promise<{ status: number; text: string; ms: number; setCookie: string[] }>((resolve, reject) => {
    const started = performance.now();
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    const req = http.request(
      new URL(path, base),
      {
        method: options.method ?? 'GET',
        agent: client,
        headers: {
          ...(options.cookie ? { cookie: options.cookie } : {}),
          ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text, ms: performance.now() - started, setCookie: res.headers['set-cookie'] ?? [] }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

console.log(
  `CLR Admin scale bench — ${int(CANDIDATES)} candidates over ${int(SPACES)} spaces on PostgreSQL, two server processes behind a round-robin proxy; Node ${process.version}, ${availableParallelism()} CPUs`,
);
console.log(`load average at start: ${load()}\n`);

const targets = new Targets();
try {
  const cluster = await startCluster();
  cleanups.push(() => cluster.stop());
  const url = await createDatabase(cluster.adminUrl, 'clr_scale');
  await migrate(url);
  const sql = new pg.Client({ connectionString: url });
  await sql.connect();
  cleanups.push(() => sql.end());

  // 1. Seed: the spaces, an administrator in a few of them, then the candidates of all.
  console.log('1. Seeding');
  const spaceIds = Array.from({ length: SPACES }, () => randomUUID());
  await sql.query(
    `INSERT INTO "Space" (id, name) SELECT id, 'Espace ' || n FROM unnest($1::text[]) WITH ORDINALITY AS s(id, n)`,
    [spaceIds],
  );
  const sampled = Array.from({ length: SAMPLED }, (_, i) => spaceIds[Math.floor((i * SPACES) / SAMPLED)]!);
  const passwordHash = await hashPassword(PASSWORD);
  const admins = sampled.map((spaceId, i) => ({ spaceId, email: `echelle-${i}@bench.test` }));
  for (const a of admins) {
    await sql.query(`INSERT INTO "Admin" (id, "spaceId", email, "passwordHash", "lastName", "firstName", "updatedAt") VALUES ($1, $2, $3, $4, 'Échelle', 'Banc', now())`, [
      randomUUID(),
      a.spaceId,
      a.email,
      passwordHash,
    ]);
  }
  const handle = await createDb(url);
  const base = Math.floor(CANDIDATES / SPACES);
  const spaces = spaceIds.map((spaceId, i) => ({ spaceId, count: base + (i < CANDIDATES - base * SPACES ? 1 : 0) }));
  const seeded = await seedBulkSpaces(handle.db, spaces, { log: (line) => console.log(`   ${line}`) });
  await handle.close();
  const [size] = (await sql.query<{ bytes: string }>('SELECT pg_database_size(current_database()) AS bytes')).rows;
  console.log(
    `   ${int(seeded.candidates)} candidates, ${int(seeded.groups)} groups, ${int(seeded.memberships)} memberships, ${int(seeded.assignments)} assignments, ` +
      `${int(seeded.attempts)} attempts in ${(seeded.ms / 1000).toFixed(1)} s (with VACUUM ANALYZE); database ${(Number(size?.bytes ?? 0) / 2 ** 20).toFixed(0)} MiB\n`,
  );

  // 2. Two servers, one proxy.
  const servers = await Promise.all([startServer(url), startServer(url)]);
  const proxy = await startProxy(servers.map((s) => s.base));
  cleanups.push(() => proxy.close());
  console.log(`2. servers: ${servers.map((s) => `pid ${s.child.pid} ${s.base}`).join(', ')}; proxy ${proxy.base} (round robin)\n`);

  const cookies: string[] = [];
  for (const a of admins) {
    const login = await request(proxy.base, '/api/v1/auth/login', { method: 'POST', body: { email: a.email, password: PASSWORD } });
    const cookie = login.setCookie.map((c) => /clr_session=[^;]+/.exec(c)?.[0]).find(Boolean);
    if (login.status !== 200 || !cookie) throw new Error(`Login failed: ${login.status} ${login.text}`);
    cookies.push(cookie);
  }

  // 3. The list table, one request at a time, the sampled spaces in turn.
  const cases = [
    { label: 'default sort (name), first page', query: '' },
    { label: 'status=scheduled', query: 'status=scheduled' },
    { label: 'status=expired', query: 'status=expired' },
    { label: 'q=lef (name search)', query: 'q=lef' },
    { label: 'q=zzz (search, no match)', query: 'q=zzz' },
    { label: 'sort=-score, first page', query: 'sort=-score' },
    { label: 'sort=date, first page', query: 'sort=date' },
    { label: 'sort=email, first page', query: 'sort=email' },
  ];
  console.log(`3. GET /api/v1/candidates through the proxy: ${REQUESTS} requests per query, one at a time, over ${SAMPLED} spaces of ${int(base)} candidates`);
  const results: { label: string; rows: string; summary: Summary }[] = [];
  for (const c of cases) {
    const path = `/api/v1/candidates${c.query ? `?${c.query}` : ''}`;
    for (let i = 0; i < 4; i += 1) await request(proxy.base, path, { cookie: cookies[i % cookies.length] });
    const times: number[] = [];
    let rows = '';
    for (let i = 0; i < REQUESTS; i += 1) {
      const answer = await request(proxy.base, path, { cookie: cookies[i % cookies.length] });
      if (answer.status !== 200) throw new Error(`${c.label}: ${answer.status} ${answer.text}`);
      if (i === 0) {
        const body = JSON.parse(answer.text) as { data: unknown[]; total: number };
        rows = `${body.data.length} / ${int(body.total)}`;
      }
      times.push(answer.ms);
    }
    results.push({ label: c.label, rows, summary: summarise(times) });
  }
  console.log(`\nGET /api/v1/candidates, ${int(CANDIDATES)} candidates in ${int(SPACES)} spaces, 2 processes (ms over HTTP; load average now ${load()})`);
  console.log(
    table(
      ['query', 'rows/total (1st space)', 'p50', 'p95', 'max', `p95≤${TARGET_P95_MS}ms`],
      results.map((r) => [r.label, r.rows, ms(r.summary.p50), ms(r.summary.p95), ms(r.summary.max), r.summary.p95 <= TARGET_P95_MS ? 'PASS' : 'MISS']),
    ),
  );

  // 4. Concurrent assignments from both processes on the same lot.
  const spaceId = sampled[0]!;
  const cookie = cookies[0]!;
  const [lot] = (
    await sql.query<{ id: string; quantity: number; remaining: number }>(
      `SELECT id, quantity, remaining FROM "CreditLot" WHERE "spaceId" = $1 AND "examTypeId" = 'blank-remote'`,
      [spaceId],
    )
  ).rows;
  if (!lot) throw new Error('No blank-remote lot in the sampled space.');
  // Only STOCK credits left: the quantity minus what is consumed, plus STOCK.
  const consumedBefore = lot.quantity - lot.remaining;
  await sql.query(`UPDATE "CreditLot" SET remaining = $2 WHERE id = $1`, [lot.id, STOCK]);
  await sql.query(`UPDATE "CreditLot" SET quantity = $2 WHERE id = $1`, [lot.id, consumedBefore + STOCK]);
  const candidates = (
    await sql.query<{ id: string }>(`SELECT id FROM "Candidate" WHERE "spaceId" = $1 AND stage = 'none' ORDER BY id LIMIT $2`, [spaceId, ATTEMPTS])
  ).rows;
  const [before] = (await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Assignment" WHERE "lotId" = $1 AND state = 'active'`, [lot.id])).rows;
  console.log(
    `\n4. Oversold: ${candidates.length} assignments of « blank-remote » at once, ${Math.ceil(candidates.length / 2)} through each server directly, on a lot with ${STOCK} credits left`,
  );
  const answers = await Promise.all(
    candidates.map((c, i) =>
      request(servers[i % 2]!.base, `/api/v1/candidates/${c.id}/assignment`, { method: 'POST', cookie, body: { examType: 'blank-remote' } }),
    ),
  );
  const byStatus = new Map<number, number>();
  for (const a of answers) byStatus.set(a.status, (byStatus.get(a.status) ?? 0) + 1);
  const [after] = (
    await sql.query<{ quantity: number; remaining: number; active: number }>(
      `SELECT l.quantity, l.remaining, (SELECT count(*)::int FROM "Assignment" a WHERE a."lotId" = l.id AND a.state = 'active') AS active FROM "CreditLot" l WHERE l.id = $1`,
      [lot.id],
    )
  ).rows;
  const [negative] = (await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "CreditLot" WHERE remaining < 0 OR remaining > quantity`)).rows;
  const made = after!.active - before!.n;
  const consumed = after!.quantity - after!.remaining - consumedBefore;
  const oversold = Math.max(0, made - STOCK) + (negative?.n ?? 0) + Math.abs(consumed - made);
  console.log(
    `   answers: ${[...byStatus].map(([status, n]) => `${n} × ${status}`).join(', ')}; in SQL: ${made} new assignments on the lot, ${consumed} credits consumed, ` +
      `${after!.remaining} left, ${negative?.n ?? 0} lot(s) below zero or above quantity → oversold ${oversold}`,
  );
  console.log(`   requests per server through the proxy: ${proxy.served.join(' / ')}`);

  const worst = results.reduce((a, b) => (b.summary.p95 > a.summary.p95 ? b : a));
  targets.add({
    measure: '1 M / 10 k spaces, 2 processes, PostgreSQL: list p95; oversold',
    before: '—',
    target: '≤ 30 ms; 0',
    figure: `${int(CANDIDATES)} / ${int(SPACES)}: worst p95 ${ms(worst.summary.p95)} ms (${worst.label}); oversold ${oversold} (${made} of ${candidates.length} assigned, stock ${STOCK}); load ${load()}`,
    pass: results.every((r) => r.summary.p95 <= TARGET_P95_MS) && oversold === 0 && made === Math.min(STOCK, candidates.length),
  });
  targets.print();
  console.log(`\nload average at the end: ${load()}`);
} finally {
  client.destroy();
  await cleanUp();
}
