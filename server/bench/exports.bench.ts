/**
 * What leaves the system, at 100,000 candidates on SQLite (issue 4, « Bench »).
 *
 * 1. Seeds a fresh SQLite file under the OS temp dir with `seedBulk` (one
 *    space, 100,000 candidates with groups, assignments and attempts) and an
 *    administrator, then closes it.
 * 2. Starts the server in a child process (this file with `--serve`): the app
 *    as `npm start` builds it, served by @hono/node-server on a free loopback
 *    port. The child samples its own `process.memoryUsage().rss` every 20 ms
 *    (from a worker thread, so a busy event loop skips no sample) between the
 *    parent's « start » and « stop »: the figure is the server's alone (the
 *    client's buffers live in the parent).
 * 3. Downloads `GET /api/v1/candidates/export.csv` over HTTP, reading the
 *    stream chunk by chunk: seconds, bytes, rows, the server's peak RSS growth.
 *    Twice: the first run also pays for the JIT and the SQLite page cache.
 * 4. Asks the eligible list for 1,000 candidates with an attendance
 *    certificate (« attestation de passage ») and downloads them as one merged
 *    PDF (seconds, bytes, pages, RSS growth), then as a ZIP of 1,000 PDFs
 *    (seconds, bytes, entries, RSS growth).
 *
 * Targets: export ≤ 3 s with RSS growth ≤ 100 MB; merged PDF ≤ 5 s. It prints
 * PASS/MISS and never fails on a miss (a bench is not a test). The temp
 * directory and the child are removed at the end, on error and on Ctrl-C.
 *
 * Run: npm run bench -w server (after the list bench), or
 *      npx tsx bench/exports.bench.ts from server/.
 * Knobs: BENCH_CANDIDATES (100000), BENCH_DOCUMENTS (1000).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { serve } from '@hono/node-server';
import { unzipSync } from 'fflate';
import { createApp } from '../src/app.js';
import { createDb, migrate } from '../src/db/client.js';
import { hashPassword } from '../src/http/passwords.js';
import { seedBulk } from '../src/seed/bulk.js';
import { int, table } from './stats.js';
import { Targets } from './targets.js';

const knob = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback;
};
const CANDIDATES = knob('BENCH_CANDIDATES', 100_000);
const DOCUMENTS = knob('BENCH_DOCUMENTS', 1000);
const SAMPLE_MS = 20;
const TARGET_EXPORT_S = 3;
const TARGET_EXPORT_RSS_MB = 100;
const TARGET_PDF_S = 5;
const LOGIN = { email: 'banc@bench.test', password: 'Banc-admin-1' };
/** 1,000 ids in one query string are ~37 KB: more than Node's default 16 KiB of request head. */
const MAX_HEADER_BYTES = 256 * 1024;

type ToChild = { cmd: 'start' } | { cmd: 'stop' } | { cmd: 'exit' };
type FromChild =
  | { ready: true; port: number }
  | { started: true; rss: number }
  | { stopped: true; baseline: number; peak: number; samples: number; cpuMs: number };

// ---------------------------------------------------------------- the server (child)
async function serveChild(url: string): Promise<void> {
  const handle = await createDb(url);
  const app = createApp({ db: handle.db, config: { log: () => undefined } });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1', serverOptions: { maxHeaderSize: MAX_HEADER_BYTES } });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  // The sampler runs on its own thread: a busy event loop (a PDF being drawn) cannot make it skip samples.
  // Shared cells: [0] running flag, [1] peak RSS, [2] samples taken.
  const cells = new Float64Array(new SharedArrayBuffer(3 * 8));
  const sampler = new Worker(
    `const { workerData } = require('node:worker_threads');
     const cells = new Float64Array(workerData);
     setInterval(() => {
       if (cells[0] !== 1) return;
       const rss = process.memoryUsage().rss;
       if (rss > cells[1]) cells[1] = rss;
       cells[2] += 1;
     }, ${SAMPLE_MS});`,
    { eval: true, workerData: cells.buffer },
  );
  sampler.unref();
  let baseline = 0;
  let cpu = process.cpuUsage();
  const reply = (message: FromChild) => process.send?.(message);
  process.on('message', (message: ToChild) => {
    if (message.cmd === 'start') {
      (globalThis as { gc?: () => void }).gc?.();
      baseline = process.memoryUsage().rss;
      cells[1] = baseline;
      cells[2] = 0;
      cells[0] = 1;
      cpu = process.cpuUsage();
      reply({ started: true, rss: baseline });
    } else if (message.cmd === 'stop') {
      cells[0] = 0;
      const used = process.cpuUsage(cpu);
      const peak = Math.max(cells[1] as number, process.memoryUsage().rss);
      reply({ stopped: true, baseline, peak, samples: cells[2] as number, cpuMs: (used.user + used.system) / 1000 });
    } else {
      server.close(() => void handle.close().finally(() => process.exit(0)));
    }
  });
  reply({ ready: true, port: (server.address() as AddressInfo).port });
}

// ---------------------------------------------------------------- the client (parent)
class Server {
  #child: ChildProcess;
  #waiting: { resolve: (message: FromChild) => void; reject: (error: Error) => void }[] = [];
  constructor(child: ChildProcess) {
    this.#child = child;
    child.on('message', (message: FromChild) => this.#waiting.shift()?.resolve(message));
    child.once('exit', (code) => {
      for (const waiter of this.#waiting.splice(0)) waiter.reject(new Error(`the server exited (${code})`));
    });
  }
  next(): Promise<FromChild> {
    return new Promise((resolve, reject) => this.#waiting.push({ resolve, reject }));
  }
  async ask(message: ToChild): Promise<FromChild> {
    const answer = this.next();
    this.#child.send(message);
    return answer;
  }
  kill(): void {
    if (this.#child.exitCode === null) this.#child.kill();
  }
}

interface Download {
  seconds: number;
  bytes: number;
  newlines: number;
  body: Uint8Array | null;
  status: number;
  type: string;
  rssGrowth: number;
  samples: number;
  /** CPU time of the whole server process (all its threads) during the download. */
  cpuSeconds: number;
}

/** Downloads `path` reading the stream, while the server samples its RSS; keeps the body only when asked. */
async function download(server: Server, base: string, path: string, cookie: string, keep: boolean): Promise<Download> {
  await server.ask({ cmd: 'start' });
  const started = performance.now();
  const res = await fetch(`${base}${path}`, { headers: { cookie } });
  let bytes = 0;
  let newlines = 0;
  const parts: Uint8Array[] = [];
  const reader = res.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    for (let i = 0; i < value.byteLength; i++) if (value[i] === 10) newlines += 1;
    if (keep) parts.push(value);
  }
  const seconds = (performance.now() - started) / 1000;
  const stopped = (await server.ask({ cmd: 'stop' })) as Extract<FromChild, { stopped: true }>;
  let body: Uint8Array | null = null;
  if (keep) {
    body = new Uint8Array(bytes);
    let at = 0;
    for (const part of parts) {
      body.set(part, at);
      at += part.byteLength;
    }
  }
  return {
    seconds,
    bytes,
    newlines,
    body,
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    rssGrowth: stopped.peak - stopped.baseline,
    samples: stopped.samples,
    cpuSeconds: stopped.cpuMs / 1000,
  };
}

/** Megabytes (10⁶ bytes), the unit of the targets. */
const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
const load = () => loadavg().map((l) => l.toFixed(2)).join(', ');

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'clr-bench-exports-'));
  const url = `file:${join(dir, 'bench.db')}`;
  let server: Server | undefined;
  const cleanup = () => {
    server?.kill();
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('SIGINT', () => {
    cleanup();
    process.exit(130);
  });

  console.log(`CLR Admin exports bench — ${int(CANDIDATES)} candidates on SQLite, Node ${process.version}, ${availableParallelism()} CPUs`);
  console.log(`load average at start: ${load()} (the machine is shared: compare the CPU-time verdicts too)\n`);
  try {
    // 1. Seed, then let the child own the database.
    await migrate(url);
    const handle = await createDb(url);
    const space = await handle.db.space.create({ data: { name: 'Banc d’essai des exports' } });
    await handle.db.admin.create({
      data: { spaceId: space.id, email: LOGIN.email, passwordHash: await hashPassword(LOGIN.password), lastName: 'Essai', firstName: 'Banc' },
    });
    console.log('1. Seeding');
    const seeded = await seedBulk(handle.db, space.id, CANDIDATES, { log: (line) => console.log(`   ${line}`) });
    console.log(`   ${int(seeded.candidates)} candidates, ${int(seeded.attempts)} attempts in ${(seeded.ms / 1000).toFixed(1)} s\n`);
    await handle.close();

    // 2. The server in its own process.
    const child = fork(fileURLToPath(import.meta.url), ['--serve', url], { execArgv: [...process.execArgv, '--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    server = new Server(child);
    const ready = (await server.next()) as Extract<FromChild, { ready: true }>;
    const base = `http://127.0.0.1:${ready.port}`;
    const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(LOGIN) });
    const cookie = /clr_session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')?.[0];
    if (login.status !== 200 || !cookie) throw new Error(`Login failed: ${login.status} ${await login.text()}`);
    console.log(`2. Server: child process ${child.pid} on ${base}, RSS sampled every ${SAMPLE_MS} ms during each download\n`);

    // 3. The candidates export.
    console.log('3. GET /api/v1/candidates/export.csv (default sort, hidden candidates left out as in the table)');
    const rows: string[][] = [];
    const targets = new Targets();
    for (const run of [1, 2]) {
      const d = await download(server, base, '/api/v1/candidates/export.csv', cookie, false);
      if (d.status !== 200) throw new Error(`export answered ${d.status}`);
      if (run === 1) {
        targets.add({
          measure: 'first CSV export after start: server RSS growth',
          before: '92–122 MB',
          target: `≤ ${TARGET_EXPORT_RSS_MB} MB`,
          figure: `${mb(d.rssGrowth)} MB (${int(d.newlines - 1)} rows in ${d.seconds.toFixed(2)} s; load ${load()})`,
          pass: d.rssGrowth <= TARGET_EXPORT_RSS_MB * 1e6,
        });
      }
      rows.push([
        `run ${run}`,
        d.seconds.toFixed(2),
        d.cpuSeconds.toFixed(2),
        mb(d.bytes),
        int(d.newlines - 1),
        mb(d.rssGrowth),
        int(d.samples),
        `${verdict(d.seconds <= TARGET_EXPORT_S)} / ${verdict(d.cpuSeconds <= TARGET_EXPORT_S)}`,
        verdict(d.rssGrowth <= TARGET_EXPORT_RSS_MB * 1e6),
      ]);
    }
    console.log(table(['export', 'seconds', 'server cpu s', 'MB', 'rows', 'RSS growth MB', 'samples', 'time (wall / cpu)', 'memory'], rows));
    console.log(
      `targets: ≤ ${TARGET_EXPORT_S} s and server RSS growth ≤ ${TARGET_EXPORT_RSS_MB} MB. Time verdicts: wall clock / the server process's CPU time ` +
        '(what the download costs the server without the waits a loaded machine adds).\n',
    );

    // 4. 1,000 attendance certificates: merged, then zipped.
    const ids: string[] = [];
    for (let cursor: string | null = null; ids.length < DOCUMENTS; ) {
      const page = await fetch(`${base}/api/v1/documents/attendance/eligible?limit=200${cursor ? `&cursor=${cursor}` : ''}`, { headers: { cookie } });
      const json = (await page.json()) as { data: { id: string }[]; nextCursor: string | null; total: number };
      ids.push(...json.data.map((c) => c.id));
      cursor = json.nextCursor;
      if (!cursor) break;
    }
    const chosen = ids.slice(0, DOCUMENTS);
    console.log(`4. ${int(chosen.length)} attendance certificates (« attestations de passage »), one query string of ${int(chosen.join(',').length)} characters`);
    const path = `/api/v1/documents/attendance?candidateIds=${chosen.join(',')}`;
    const pdf = await download(server, base, path, cookie, true);
    if (pdf.status !== 200) throw new Error(`merged PDF answered ${pdf.status}: ${new TextDecoder().decode(pdf.body ?? new Uint8Array())}`);
    const pages = (new TextDecoder('latin1').decode(pdf.body!).match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
    const zip = await download(server, base, `${path}&format=zip`, cookie, true);
    if (zip.status !== 200) throw new Error(`ZIP answered ${zip.status}`);
    const entries = Object.keys(unzipSync(zip.body!)).length;
    console.log(
      table(
        ['download', 'seconds', 'server cpu s', 'MB', 'pages / PDFs', 'RSS growth MB', 'time (wall / cpu)'],
        [pdf, zip].map((d, i) => [
          i === 0 ? 'merged PDF' : 'ZIP of PDFs',
          d.seconds.toFixed(2),
          d.cpuSeconds.toFixed(2),
          mb(d.bytes),
          int(i === 0 ? pages : entries),
          mb(d.rssGrowth),
          `${verdict(d.seconds <= TARGET_PDF_S)} / ${verdict(d.cpuSeconds <= TARGET_PDF_S)}`,
        ]),
      ),
    );
    console.log(`target: merged PDF ≤ ${TARGET_PDF_S} s (the ZIP is held to the same figure for comparison)`);
    console.log(`\nload average at the end: ${load()}`);
    targets.print('Targets (issue 18), this bench');
    await server.ask({ cmd: 'exit' }).catch(() => undefined);
  } finally {
    cleanup();
  }
}

if (process.argv[2] === '--serve') {
  await serveChild(process.argv[3] as string);
} else {
  await main();
}
