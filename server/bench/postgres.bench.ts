/**
 * The candidates table at 100,000 candidates on PostgreSQL: the list-query
 * table of server.bench.ts (same queries, same seed), on a throwaway cluster.
 *
 * 1. Starts a PostgreSQL cluster under the OS temp dir on a free loopback port
 *    (the test suite's support: initdb + pg_ctl, `TEST_DATABASE_URL` is not
 *    used: this bench wants a database of its own), applies the committed
 *    migrations, seeds one space of 100,000 candidates (`seedBulk`: multi-row
 *    INSERTs, then VACUUM ANALYZE) and prints the time it took.
 * 2. Times `GET /api/v1/candidates` in-process for each list query beside its
 *    raw-SQL floor: the read statements that request sent (recorded from the
 *    `pg` driver once) replayed on a plain `pg` connection. App and floor
 *    alternate. Prints p50/p95/max, the floor, PASS/MISS against p95 ≤ 30 ms,
 *    the SQL, and `EXPLAIN (ANALYZE, BUFFERS)` of the statements that cost a
 *    millisecond or more on the floor.
 *
 * It prints figures and never fails on a miss. The cluster is stopped and
 * removed at the end, on error and on Ctrl-C.
 *
 * Run: npm run bench:postgres -w server (also part of npm run bench -w server)
 * Knobs: BENCH_CANDIDATES (100000), BENCH_ITERATIONS (200), BENCH_WARMUP (20),
 *        BENCH_CASE_SECONDS (15), BENCH_PG_URL (an existing empty database
 *        instead of a throwaway cluster).
 */
import { availableParallelism, loadavg } from 'node:os';
import { createApp } from '../src/app.js';
import { createDb, migrate } from '../src/db/client.js';
import { hashPassword } from '../src/http/passwords.js';
import { seedBulk } from '../src/seed/bulk.js';
import { encodeListCursor } from '../src/services/candidate-list.js';
import { createDatabase, startCluster, type PgCluster } from '../test/support/postgres.js';
import { PgFloor, recordPgStatements, type PgStatement } from './postgres-capture.js';
import { compactSql } from './sql-capture.js';
import { int, ms, summarise, table, type Summary } from './stats.js';
import { Targets } from './targets.js';
import { listCases, type ListCase } from './list-cases.js';

const knob = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback;
};
const CANDIDATES = knob('BENCH_CANDIDATES', 100_000);
const ITERATIONS = knob('BENCH_ITERATIONS', 200);
const WARM_UP = knob('BENCH_WARMUP', 20);
const CASE_SECONDS = knob('BENCH_CASE_SECONDS', 15);
const MIN_ITERATIONS = Math.min(ITERATIONS, 30);
const MIN_WARM_UP = Math.min(WARM_UP, 3);
const DEEP = Math.min(50_000, Math.floor(CANDIDATES / 2));
const TARGET_P95_MS = 30;
const EXPLAIN_FROM_MS = 1;

const LIST = '/api/v1/candidates';
const LOGIN = { email: 'banc@bench.test', password: 'Banc-admin-1' };

const load = () => loadavg().map((l) => l.toFixed(2)).join(', ');

let cluster: PgCluster | null = null;
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
process.once('SIGINT', () => {
  void cleanUp().finally(() => process.exit(130));
});

console.log(`CLR Admin server bench — ${int(CANDIDATES)} candidates on PostgreSQL, Node ${process.version}, ${availableParallelism()} CPUs`);
console.log(`load average at start: ${load()}`);

try {
  let url = process.env.BENCH_PG_URL;
  if (!url) {
    const started = performance.now();
    cluster = await startCluster();
    const stop = cluster.stop.bind(cluster);
    cleanups.push(stop);
    url = await createDatabase(cluster.adminUrl, 'clr_bench');
    console.log(`database: throwaway cluster (initdb + pg_ctl in ${((performance.now() - started) / 1000).toFixed(1)} s), removed at the end\n`);
  }
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
  const floor = await PgFloor.open(url);
  cleanups.push(() => floor.close());
  const [size] = await floor.query<{ bytes: string }>('SELECT pg_database_size(current_database()) AS bytes');
  console.log(
    `   ${int(seeded.candidates)} candidates, ${int(seeded.groups)} groups, ${int(seeded.memberships)} memberships, ` +
      `${int(seeded.assignments)} assignments, ${int(seeded.attempts)} attempts in ${(seeded.ms / 1000).toFixed(1)} s ` +
      `(${int((seeded.candidates + seeded.memberships + seeded.assignments + seeded.attempts) / (seeded.ms / 1000))} rows/s, with VACUUM ANALYZE); ` +
      `database ${(Number(size?.bytes ?? 0) / 2 ** 20).toFixed(0)} MiB\n`,
  );

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
    const started = performance.now();
    const res = await app.request(target, { headers });
    const text = await res.text();
    return { ms: performance.now() - started, status: res.status, text };
  };

  // Lookups for the cases (the same as on SQLite): the largest visible group, the rows around the deep cursors.
  const [group] = await floor.query<{ id: string; name: string; members: number }>(
    `SELECT g.id, g.name, count(*)::int AS members FROM "Group" g JOIN "Membership" m ON m."groupId" = g.id
     WHERE g."spaceId" = $1 AND NOT g.hidden GROUP BY g.id ORDER BY members DESC, g.id LIMIT 1`,
    [space.id],
  );
  if (!group) throw new Error('No visible group.');
  const visible = `"spaceId" = $1 AND NOT "inHiddenGroup"`;
  const nameAt = async (offset: number) =>
    (await floor.query<{ sortName: string; id: string }>(`SELECT "sortName", id FROM "Candidate" WHERE ${visible} ORDER BY "sortName", id LIMIT 1 OFFSET $2`, [space.id, offset]))[0];
  const scored = (await floor.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Candidate" WHERE ${visible} AND "latestScore" IS NOT NULL`, [space.id]))[0]!.n;
  const scoreAt = async (offset: number) => {
    if (offset < scored) {
      const [row] = await floor.query<{ latestScore: number; sortName: string; id: string }>(
        `SELECT "latestScore", "sortName", id FROM "Candidate" WHERE ${visible} AND "latestScore" IS NOT NULL ORDER BY "latestScore" DESC, "sortName", id LIMIT 1 OFFSET $2`,
        [space.id, offset],
      );
      return row && { id: row.id, segment: 0, key: [row.latestScore, row.sortName, row.id] };
    }
    const [row] = await floor.query<{ sortName: string; id: string }>(
      `SELECT "sortName", id FROM "Candidate" WHERE ${visible} AND "latestScore" IS NULL ORDER BY "sortName", id LIMIT 1 OFFSET $2`,
      [space.id, offset - scored],
    );
    return row && { id: row.id, segment: 1, key: [row.sortName, row.id] };
  };
  const deepName = await nameAt(DEEP - 1);
  const deepScore = await scoreAt(DEEP - 1);
  if (!deepName || !deepScore) throw new Error('Not enough visible candidates for the deep cursors.');
  const nameCursor = encodeListCursor({ sort: 'name', segment: 0, key: [deepName.sortName, deepName.id] });
  const scoreCursor = encodeListCursor({ sort: '-score', segment: deepScore.segment, key: deepScore.key });

  const cases: ListCase[] = listCases({
    group,
    deep: DEEP,
    nameCursor,
    scoreCursor,
    nameFirstId: (await nameAt(DEEP))?.id,
    scoreFirstId: (await scoreAt(DEEP))?.id,
  });

  // 2. In-process latency against the raw-SQL floor.
  console.log(
    `2. GET ${LIST} in-process: ${WARM_UP} warm-up + ${ITERATIONS} timed requests per query (or ${CASE_SECONDS} s, at least ${MIN_ITERATIONS}), each followed by its raw-SQL floor`,
  );
  interface Result {
    c: ListCase;
    rows: string;
    n: number;
    app: Summary;
    floor: Summary;
    statements: PgStatement[];
    perStatement: Summary[];
  }
  const results: Result[] = [];
  for (const c of cases) {
    const target = c.query ? `${LIST}?${c.query}` : LIST;
    const { result: first, statements } = await recordPgStatements(() => get(target));
    if (first.status !== 200) throw new Error(`${c.label}: ${first.status} ${first.text}`);
    const body = JSON.parse(first.text) as { data: { id: string }[]; total: number };
    if (c.firstId !== undefined && body.data[0]?.id !== c.firstId) {
      console.log(`   ${c.label}: the page does not start at row ${int(DEEP + 1)} (got ${body.data[0]?.id}, expected ${c.firstId})`);
    }
    const replay = floor.prepare(statements);
    const warmUpEnds = performance.now() + CASE_SECONDS * 250;
    for (let i = 0; i < WARM_UP && (i < MIN_WARM_UP || performance.now() < warmUpEnds); i += 1) {
      await get(target);
      await replay.run();
    }
    const appTimes: number[] = [];
    const floorTimes: number[] = [];
    const each: number[][] = replay.statements.map(() => []);
    const ends = performance.now() + CASE_SECONDS * 1000;
    for (let i = 0; i < ITERATIONS && (i < MIN_ITERATIONS || performance.now() < ends); i += 1) {
      appTimes.push((await get(target)).ms);
      const started = performance.now();
      const times = await replay.run();
      floorTimes.push(performance.now() - started);
      times.forEach((t, j) => each[j]!.push(t));
    }
    const result: Result = {
      c,
      rows: `${body.data.length} / ${int(body.total)}`,
      n: appTimes.length,
      app: summarise(appTimes),
      floor: summarise(floorTimes),
      statements: replay.statements,
      perStatement: each.map((t) => (t.length ? summarise(t) : { p50: 0, p95: 0, max: 0 })),
    };
    results.push(result);
    console.log(`   ${c.label}: ${result.n} requests, p50 ${ms(result.app.p50)} ms, floor p50 ${ms(result.floor.p50)} ms`);
  }

  const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
  console.log(
    `\nGET ${LIST}, ${int(CANDIDATES)} candidates, PostgreSQL, in-process, n timed requests per row ` +
      `(ms; load average now ${load()} on ${availableParallelism()} CPUs)`,
  );
  console.log(
    table(
      ['query', 'rows/total', 'n', 'p50', 'p95', 'max', 'floor p50', 'floor p95', 'ratio', `p95≤${TARGET_P95_MS}ms`],
      results.map((r) => [
        r.c.label,
        r.rows,
        String(r.n),
        ms(r.app.p50),
        ms(r.app.p95),
        ms(r.app.max),
        ms(r.floor.p50),
        ms(r.floor.p95),
        `${(r.app.p95 / r.floor.p95).toFixed(1)}×`,
        verdict(r.app.p95 <= TARGET_P95_MS),
      ]),
    ),
  );
  console.log(
    'Floor: the read statements each request sent (session, counts, keys, rows, groups of the page), replayed on a plain pg connection ' +
      '(one round trip each, as the adapter sends them: unnamed statements, parsed every time).',
  );

  const numbers = new Map<string, number>();
  for (const r of results) for (const s of r.statements) if (!numbers.has(s.sql)) numbers.set(s.sql, numbers.size + 1);
  console.log('\nSQL the server sent (recorded from the driver), numbered:');
  for (const [sql, n] of numbers) console.log(`  S${n}: ${compactSql(sql.replace(/\$\d+(?:,\s*\$\d+){5,}/g, (list) => `$…(${list.split('$').length - 1})`))}`);
  console.log('\nFloor per statement, p50 ms (in the order the request ran them):');
  for (const r of results) {
    console.log(`  ${r.c.label}: ${r.statements.map((s, i) => `S${numbers.get(s.sql)} ${ms(r.perStatement[i]!.p50)}`).join(', ')}`);
  }
  console.log(`\nEXPLAIN (ANALYZE, BUFFERS) of the statements ≥ ${EXPLAIN_FROM_MS} ms on the floor:`);
  const explained = new Set<string>();
  for (const r of results) {
    for (const [i, s] of r.statements.entries()) {
      const key = `${s.sql}\u0000${JSON.stringify(s.args)}`;
      if (r.perStatement[i]!.p50 < EXPLAIN_FROM_MS || explained.has(key)) continue;
      explained.add(key);
      console.log(`  ${r.c.label}, S${numbers.get(s.sql)} (${ms(r.perStatement[i]!.p50)} ms):`);
      for (const line of await floor.explain(s)) console.log(`    ${line}`);
    }
  }

  const worst = results.reduce((a, b) => (b.app.p95 > a.app.p95 ? b : a));
  const targets = new Targets();
  targets.add({
    measure: 'list p95 at 100 k, PostgreSQL, every query of the SQLite table',
    before: '—',
    target: '≤ 30 ms',
    figure: `worst p95 ${ms(worst.app.p95)} ms (${worst.c.label}), ${int(CANDIDATES)} candidates, load ${load()}`,
    pass: results.every((r) => r.app.p95 <= TARGET_P95_MS),
  });
  targets.print();
  console.log(`\nload average at the end: ${load()}`);
} finally {
  await cleanUp();
}
