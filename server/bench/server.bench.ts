/**
 * The candidates table at 100,000 candidates on SQLite (issue 3, « Bench »).
 *
 * 1. Seeds a fresh SQLite file under the OS temp dir: one space, 100,000
 *    candidates with groups (a few hidden), memberships, assignments and
 *    attempts (`seedBulk`, in batches), and prints the time it took.
 * 2. Times `GET /api/v1/candidates` in-process (`app.request()` with a
 *    logged-in session cookie) for each list query — default sort, status
 *    filter, name search, group filter, first pages of other sorts, deep
 *    cursors 50,000 rows in — beside its raw-SQL floor: the statements that
 *    request issued (recorded from the driver once) replayed on a plain
 *    better-sqlite3 connection. App and floor runs alternate, so the machine's
 *    load weighs on both alike. Prints p50/p95/max, the floor, the ratio and
 *    PASS/MISS against the targets (p95 ≤ 30 ms, ≤ 5 × floor), then each
 *    request's SQL with its share of the floor, and `EXPLAIN QUERY PLAN` of the
 *    statements that cost a millisecond or more.
 * 3. HTTP throughput under autocannon has its own bench: throughput.bench.ts.
 *
 * It prints figures and never fails on a miss (a bench is not a test). The
 * temp directory is removed at the end, on error and on Ctrl-C.
 *
 * Run: npm run bench -w server
 * Knobs: BENCH_CANDIDATES (100000), BENCH_ITERATIONS (200), BENCH_WARMUP (20),
 *        BENCH_CASE_SECONDS (15: a row stops early, after 30 requests at least,
 *        once it has run that long).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createApp } from '../src/app.js';
import { createDb, migrate } from '../src/db/client.js';
import { hashPassword } from '../src/http/passwords.js';
import { seedBulk } from '../src/seed/bulk.js';
import { encodeListCursor } from '../src/services/candidate-list.js';
import { compactSql, recordStatements, SqlFloor, type CapturedStatement } from './sql-capture.js';
import { int, ms, summarise, table, type Summary } from './stats.js';
import { listCases, type ListCase } from './list-cases.js';

const knob = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback;
};
const CANDIDATES = knob('BENCH_CANDIDATES', 100_000);
const ITERATIONS = knob('BENCH_ITERATIONS', 200);
const WARM_UP = knob('BENCH_WARMUP', 20);
/** Time allowed per query (warm-up: a quarter of it): the bench stops a row early, after at least the minimum, rather than run for ever on a loaded machine. */
const CASE_SECONDS = knob('BENCH_CASE_SECONDS', 15);
const MIN_ITERATIONS = Math.min(ITERATIONS, 30);
const MIN_WARM_UP = Math.min(WARM_UP, 3);
/** Rows before the deep page: its first row is row DEEP + 1. */
const DEEP = Math.min(50_000, Math.floor(CANDIDATES / 2));
const TARGET_P95_MS = 30;
const TARGET_RATIO = 5;
/** Statements at least this slow on the floor get their query plan printed. */
const EXPLAIN_FROM_MS = 1;

const LIST = '/api/v1/candidates';
const LOGIN = { email: 'banc@bench.test', password: 'Banc-admin-1' };

/** Wall-clock and CPU time (user + system, whole process) of what runs until `stop()`: the machine is shared, CPU time is the steadier figure. */
function stopwatch(): () => { ms: number; cpu: number } {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(cpu);
    return { ms: performance.now() - wall, cpu: (used.user + used.system) / 1000 };
  };
}

const load = () => loadavg().map((l) => l.toFixed(2)).join(', ');

const dir = mkdtempSync(join(tmpdir(), 'clr-bench-'));
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

console.log(`CLR Admin server bench — ${int(CANDIDATES)} candidates on SQLite, Node ${process.version}, ${availableParallelism()} CPUs`);
console.log(`load average at start: ${load()}`);
console.log(`database: ${path} (removed at the end)\n`);

const cleanups: (() => unknown)[] = [];
try {
  await migrate(url);
  const handle = await createDb(url);
  cleanups.push(() => handle.close());
  const { db } = handle;

  // 1. Seed.
  const space = await db.space.create({ data: { name: 'Banc d’essai' } });
  await db.admin.create({
    data: { spaceId: space.id, email: LOGIN.email, passwordHash: await hashPassword(LOGIN.password), lastName: 'Essai', firstName: 'Banc' },
  });
  console.log('1. Seeding');
  const seeded = await seedBulk(db, space.id, CANDIDATES, { log: (line) => console.log(`   ${line}`) });
  const bytes = ['', '-wal'].reduce((sum, suffix) => {
    try {
      return sum + statSync(path + suffix).size;
    } catch {
      return sum;
    }
  }, 0);
  console.log(
    `   ${int(seeded.candidates)} candidates, ${int(seeded.groups)} groups, ${int(seeded.memberships)} memberships, ` +
      `${int(seeded.assignments)} assignments, ${int(seeded.attempts)} attempts in ${(seeded.ms / 1000).toFixed(1)} s ` +
      `(${int((seeded.candidates + seeded.memberships + seeded.assignments + seeded.attempts) / (seeded.ms / 1000))} rows/s); ` +
      `database ${(bytes / 2 ** 20).toFixed(0)} MiB\n`,
  );

  // The app as `npm start` builds it (request log silenced), and a session.
  const app = createApp({ db, config: { log: () => undefined } });
  const login = await app.request(`/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(LOGIN),
  });
  const cookie = /clr_session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')?.[0];
  if (login.status !== 200 || !cookie) throw new Error(`Login failed: ${login.status} ${await login.text()}`);
  const headers = { cookie };

  const get = async (target: string) => {
    const stop = stopwatch();
    const res = await app.request(target, { headers });
    const text = await res.text();
    return { ...stop(), status: res.status, text };
  };

  // Lookups for the cases: a visible group, the rows around the deep cursors.
  const raw = new Database(path, { readonly: true, fileMustExist: true });
  cleanups.push(() => raw.close());
  const group = raw
    .prepare(
      `SELECT g.id, g.name, count(*) AS members FROM "Group" g JOIN "Membership" m ON m.groupId = g.id
       WHERE g.spaceId = ? AND g.hidden = 0 GROUP BY g.id ORDER BY members DESC, g.id LIMIT 1`,
    )
    .get(space.id) as { id: string; name: string; members: number };
  const visible = `"spaceId" = ? AND "inHiddenGroup" = 0`;
  const nameAt = (offset: number) =>
    raw.prepare(`SELECT sortName, id FROM Candidate WHERE ${visible} ORDER BY sortName, id LIMIT 1 OFFSET ?`).get(space.id, offset) as
      | { sortName: string; id: string }
      | undefined;
  const scored = (raw.prepare(`SELECT count(*) AS n FROM Candidate WHERE ${visible} AND latestScore IS NOT NULL`).get(space.id) as { n: number }).n;
  /** Row `offset` of `sort=-score`: the scored rows by score descending, then the others by name (two cursor segments). */
  const scoreAt = (offset: number) => {
    if (offset < scored) {
      const row = raw
        .prepare(`SELECT latestScore, sortName, id FROM Candidate WHERE ${visible} AND latestScore IS NOT NULL ORDER BY latestScore DESC, sortName, id LIMIT 1 OFFSET ?`)
        .get(space.id, offset) as { latestScore: number; sortName: string; id: string } | undefined;
      return row && { id: row.id, segment: 0, key: [row.latestScore, row.sortName, row.id] };
    }
    const row = raw
      .prepare(`SELECT sortName, id FROM Candidate WHERE ${visible} AND latestScore IS NULL ORDER BY sortName, id LIMIT 1 OFFSET ?`)
      .get(space.id, offset - scored) as { sortName: string; id: string } | undefined;
    return row && { id: row.id, segment: 1, key: [row.sortName, row.id] };
  };
  const deepName = nameAt(DEEP - 1);
  const deepScore = scoreAt(DEEP - 1);
  if (!deepName || !deepScore) throw new Error('Not enough visible candidates for the deep cursors.');
  const nameCursor = encodeListCursor({ sort: 'name', segment: 0, key: [deepName.sortName, deepName.id] });
  const scoreCursor = encodeListCursor({ sort: '-score', segment: deepScore.segment, key: deepScore.key });

  const cases: ListCase[] = listCases({
    group,
    deep: DEEP,
    nameCursor,
    scoreCursor,
    nameFirstId: (nameAt(DEEP))?.id,
    scoreFirstId: (scoreAt(DEEP))?.id,
  });

  // 2. In-process latency against the raw-SQL floor.
  console.log(
    `2. GET ${LIST} in-process: ${WARM_UP} warm-up + ${ITERATIONS} timed requests per query (or ${CASE_SECONDS} s, at least ${MIN_ITERATIONS}), each followed by its raw-SQL floor`,
  );
  const floor = new SqlFloor(path);
  cleanups.push(() => floor.close());
  interface Result {
    c: ListCase;
    rows: string;
    /** Timed requests (fewer than ITERATIONS when the row ran out of time). */
    n: number;
    app: Summary;
    appCpu: Summary;
    floor: Summary;
    floorCpu: Summary;
    statements: CapturedStatement[];
    perStatement: Summary[];
  }
  const results: Result[] = [];
  for (const c of cases) {
    const target = c.query ? `${LIST}?${c.query}` : LIST;
    const { result: first, statements } = await recordStatements(() => get(target));
    if (first.status !== 200) throw new Error(`${c.label}: ${first.status} ${first.text}`);
    const body = JSON.parse(first.text) as { data: { id: string }[]; total: number };
    if (c.firstId !== undefined && body.data[0]?.id !== c.firstId) {
      console.log(`   ${c.label}: the page does not start at row ${int(DEEP + 1)} (got ${body.data[0]?.id}, expected ${c.firstId})`);
    }
    const replay = floor.prepare(statements);
    const warmUpEnds = performance.now() + CASE_SECONDS * 250;
    for (let i = 0; i < WARM_UP && (i < MIN_WARM_UP || performance.now() < warmUpEnds); i += 1) {
      await get(target);
      replay.run();
    }
    const appTimes: number[] = [];
    const appCpu: number[] = [];
    const floorTimes: number[] = [];
    const floorCpu: number[] = [];
    const each: number[][] = replay.statements.map(() => []);
    const ends = performance.now() + CASE_SECONDS * 1000;
    for (let i = 0; i < ITERATIONS && (i < MIN_ITERATIONS || performance.now() < ends); i += 1) {
      const answer = await get(target);
      appTimes.push(answer.ms);
      appCpu.push(answer.cpu);
      const stop = stopwatch();
      const times = replay.run();
      const spent = stop();
      times.forEach((t, j) => each[j]!.push(t));
      floorTimes.push(spent.ms);
      floorCpu.push(spent.cpu);
    }
    const result: Result = {
      c,
      rows: `${body.data.length} / ${int(body.total)}`,
      n: appTimes.length,
      app: summarise(appTimes),
      appCpu: summarise(appCpu),
      floor: summarise(floorTimes),
      floorCpu: summarise(floorCpu),
      statements: replay.statements,
      perStatement: each.map(summarise),
    };
    results.push(result);
    console.log(`   ${c.label}: ${result.n} requests, p50 ${ms(result.app.p50)} ms, floor p50 ${ms(result.floor.p50)} ms`);
  }

  const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
  console.log(
    `\nGET ${LIST}, ${int(CANDIDATES)} candidates, SQLite, in-process, n timed requests per row ` +
      `(ms; load average now ${load()} on ${availableParallelism()} CPUs)`,
  );
  console.log(
    table(
      ['query', 'rows/total', 'n', 'p50', 'p95', 'max', 'floor p50', 'floor p95', 'ratio', 'cpu p50', 'cpu p95', 'floor cpu p50', 'cpu ratio', `p95≤${TARGET_P95_MS}ms`, `≤${TARGET_RATIO}×floor`],
      results.map((r) => {
        const ratio = r.app.p95 / r.floor.p95;
        const cpuRatio = r.appCpu.p95 / r.floorCpu.p95;
        return [
          r.c.label,
          r.rows,
          String(r.n),
          ms(r.app.p50),
          ms(r.app.p95),
          ms(r.app.max),
          ms(r.floor.p50),
          ms(r.floor.p95),
          `${ratio.toFixed(1)}×`,
          ms(r.appCpu.p50),
          ms(r.appCpu.p95),
          ms(r.floorCpu.p50),
          `${cpuRatio.toFixed(1)}×`,
          `${verdict(r.app.p95 <= TARGET_P95_MS)} / ${verdict(r.appCpu.p95 <= TARGET_P95_MS)}`,
          `${verdict(ratio <= TARGET_RATIO)} / ${verdict(cpuRatio <= TARGET_RATIO)}`,
        ];
      }),
    ),
  );
  console.log(
    `targets: p95 ≤ ${TARGET_P95_MS} ms for every list query, and p95 ≤ ${TARGET_RATIO} × the floor's p95. ` +
      'Verdicts: wall clock / CPU time (the CPU time of the process while the request ran: what the request costs without the waits a loaded machine adds).',
  );
  console.log(
    'ratio = p95 / floor p95, cpu ratio = cpu p95 / floor cpu p95. Floor: the read statements each request issued (session, group members, ' +
      'counts, keys, rows, groups of the page), replayed on a raw better-sqlite3 connection, each prepared once.',
  );

  // The SQL behind the floor, numbered once, and where each request's floor goes.
  const numbers = new Map<string, number>();
  for (const r of results) for (const s of r.statements) if (!numbers.has(s.sql)) numbers.set(s.sql, numbers.size + 1);
  console.log('\nSQL the server issued (recorded from the driver), numbered:');
  for (const [sql, n] of numbers) console.log(`  S${n}: ${compactSql(sql)}`);
  console.log('\nFloor per statement, p50 ms (in the order the request ran them):');
  for (const r of results) {
    console.log(`  ${r.c.label}: ${r.statements.map((s, i) => `S${numbers.get(s.sql)} ${ms(r.perStatement[i]!.p50)}`).join(', ')}`);
  }
  console.log(`\nEXPLAIN QUERY PLAN of the statements ≥ ${EXPLAIN_FROM_MS} ms on the floor:`);
  const explained = new Set<string>();
  for (const r of results) {
    r.statements.forEach((s, i) => {
      const key = `${s.sql}\u0000${JSON.stringify(s.args, (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v))}`;
      if (r.perStatement[i]!.p50 < EXPLAIN_FROM_MS || explained.has(key)) return;
      explained.add(key);
      console.log(`  ${r.c.label}, S${numbers.get(s.sql)} (${ms(r.perStatement[i]!.p50)} ms):`);
      for (const line of floor.explain(s)) console.log(`    ${line}`);
    });
  }

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
