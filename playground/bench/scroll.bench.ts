/**
 * The candidates table on big data, in a real browser against the real server:
 * scroll `<clr-candidates-table>` on the site's « Candidats » page to the last
 * of 100,000 candidates.
 *
 * 1. Seeds a fresh SQLite file under the OS temp dir: one space, its
 *    administrator and 100,000 candidates (`seedBulk`, the server bench's data).
 * 2. Builds the site when stale (playground/scripts/ensure-built.mjs) and starts
 *    the server as `npm start` does (server/src/main.ts, its own process) on a
 *    free loopback port.
 * 3. Opens /candidats in Debian's headless Chromium (playwright-core, the
 *    flags of scripts/chromium.mjs) with a session, and scrolls the table's
 *    rows to their bottom every frame until the row of the last candidate is
 *    in the DOM. A `PerformanceObserver` ('longtask') records every main-thread
 *    task over 50 ms meanwhile.
 *
 * Prints the time from the first row to the last one, the pages fetched, the
 * long tasks (count, longest, total) and the targets row with PASS/MISS. It
 * prints figures and never fails on a miss. Everything it started is stopped
 * and the temp dir removed at the end, on error and on Ctrl-C.
 *
 * Run: npm run bench -w @clr/playground (also part of the root npm run bench)
 * Knobs: BENCH_CANDIDATES (100000), BENCH_SCROLL_SECONDS (300: gives up after),
 *        BENCH_DB_CACHE (a file: the seeded database is copied there, and
 *        copied from there by the next runs instead of seeding again),
 *        BENCH_SCROLL_STEP (viewports scrolled per frame; default: straight
 *        to the bottom every frame, as a reader dragging the scroll bar),
 *        BENCH_PROFILE (a file: the page's CPU profile while it scrolls, in
 *        the .cpuprofile format, with the functions that took the most
 *        self time printed).
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { createDb, migrate } from '../../server/src/db/client.js';
import { hashPassword } from '../../server/src/http/passwords.js';
import { seedBulk } from '../../server/src/seed/bulk.js';
import { Targets } from '../../server/bench/targets.js';
import { CHROME_PATH, CHROMIUM_ARGS } from '../../scripts/chromium.mjs';

const knob = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback;
};
const CANDIDATES = knob('BENCH_CANDIDATES', 100_000);
const GIVE_UP_S = knob('BENCH_SCROLL_SECONDS', 300);
const TARGET_S = 60;
const LONG_TASK_MS = 50;
const STEP = knob('BENCH_SCROLL_STEP', 0);
const LOGIN = { email: 'defilement@bench.test', password: 'Banc-admin-1' };

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const load = () => loadavg().map((l) => l.toFixed(2)).join(', ');
const int = (n: number) => Math.round(n).toLocaleString('en-US');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'clr-scroll-'));
const dbPath = join(dir, 'bench.db');
const url = `file:${dbPath}`;
const DB_CACHE = process.env.BENCH_DB_CACHE;
const cleanups: (() => unknown)[] = [];
async function cleanUp(): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) {
    try {
      await cleanup();
    } catch (error) {
      console.warn('bench cleanup failed:', error);
    }
  }
  rmSync(dir, { recursive: true, force: true });
}
process.once('SIGINT', () => void cleanUp().finally(() => process.exit(130)));

console.log(`CLR Admin scroll bench — <clr-candidates-table> to the last of ${int(CANDIDATES)} candidates, real server (SQLite), headless Chromium; ${availableParallelism()} CPUs`);
console.log(`load average at start: ${load()}`);

try {
  // 1. Seed (or copy the database an earlier run seeded).
  if (DB_CACHE && existsSync(DB_CACHE)) {
    copyFileSync(DB_CACHE, dbPath);
    console.log(`1. database copied from ${DB_CACHE}`);
  } else {
    await migrate(url);
    const handle = await createDb(url);
    const space = await handle.db.space.create({ data: { name: 'Banc de défilement' } });
    await handle.db.admin.create({
      data: { spaceId: space.id, email: LOGIN.email, passwordHash: await hashPassword(LOGIN.password), lastName: 'Défilement', firstName: 'Banc' },
    });
    const seeded = await seedBulk(handle.db, space.id, CANDIDATES);
    await handle.close();
    console.log(`1. seeded ${int(seeded.candidates)} candidates in ${(seeded.ms / 1000).toFixed(1)} s`);
    if (DB_CACHE) copyFileSync(dbPath, DB_CACHE);
  }

  // 2. The site and the server.
  const build = spawnSync(process.execPath, [join(root, 'playground', 'scripts', 'ensure-built.mjs')], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('The site did not build.');
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ['--conditions=@clr/source', '--import', 'tsx', 'server/src/main.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: base },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        if (server.exitCode !== null) return resolve();
        server.once('exit', () => resolve());
        server.kill('SIGTERM');
      }),
  );
  await new Promise<void>((resolve, reject) => {
    let out = '';
    server.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (/API\s+http:\/\//.test(out)) resolve();
    });
    server.once('exit', (code) => reject(new Error(`the server exited (${code}):\n${out}`)));
  });
  console.log(`2. server: server/src/main.ts, pid ${server.pid}, ${base}`);

  // 3. Scroll.
  const browser: Browser = await chromium.launch({ executablePath: CHROME_PATH, args: CHROMIUM_ARGS });
  cleanups.push(() => browser.close());
  const context = await browser.newContext({ baseURL: base, locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: { width: 1400, height: 900 } });
  const login = await context.request.post('/api/v1/auth/login', { data: LOGIN });
  if (login.status() !== 200) throw new Error(`Login failed: ${login.status()} ${await login.text()}`);
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  let pages = 0;
  page.on('request', (request) => {
    if (/\/api\/v1\/candidates(\?|$)/.test(request.url())) pages += 1;
  });
  // The functions below run in the page; tsx (esbuild, keepNames) wraps named functions in a `__name` helper the page lacks.
  await page.addInitScript('globalThis.__name = (fn) => fn;');
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto('/candidats');
  const profile = process.env.BENCH_PROFILE;
  const cdp = profile ? await context.newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
    await cdp.send('Profiler.start');
  }

  const result = await page.evaluate(
    async ({ giveUpMs, step }) => {
      /** The first element matching `selector` in the document or any open shadow root under it. */
      const deep = (node: Document | ShadowRoot | Element, selector: string): Element | null => {
        const found = node.querySelector(selector);
        if (found) return found;
        for (const el of node.querySelectorAll('*')) {
          if (el.shadowRoot) {
            const inner = deep(el.shadowRoot, selector);
            if (inner) return inner;
          }
        }
        return null;
      };
      const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
      const started = performance.now();
      let table: Element | null = null;
      let body: HTMLElement | null = null;
      let grid: Element | null = null;
      // The first rows.
      while (performance.now() - started < giveUpMs) {
        table ??= deep(document, 'clr-candidates-table');
        grid = table?.shadowRoot?.querySelector('[role="grid"]') ?? null;
        body = (table?.shadowRoot?.querySelector('[part~="body"]') as HTMLElement | null) ?? null;
        if (body && table?.shadowRoot?.querySelector('[part~="row"]') && Number(grid?.getAttribute('aria-rowcount')) > 1) break;
        await frame();
      }
      if (!body || !grid) return { ok: false as const, reason: 'the table never showed its first rows' };
      const firstRowAt = performance.now();
      // The virtualizer's ranges meanwhile: how many, and the widest (rows rendered at once).
      const ranges = { count: 0, widest: 0, over100: 0, maxChildren: 0, maxNodes: 0 };
      body.addEventListener('rangeChanged', (event) => {
        const { first, last } = event as Event & { first: number; last: number };
        ranges.count += 1;
        ranges.widest = Math.max(ranges.widest, last - first + 1);
        if (last - first + 1 > 100) ranges.over100 += 1;
      });
      const lastIndex = String(Number(grid.getAttribute('aria-rowcount')));
      let frames = 0;
      while (performance.now() - firstRowAt < giveUpMs) {
        body.scrollTop = step > 0 ? body.scrollTop + step * body.clientHeight : body.scrollHeight;
        frames += 1;
        await frame();
        ranges.maxChildren = Math.max(ranges.maxChildren, body.children.length);
        ranges.maxNodes = Math.max(ranges.maxNodes, body.childNodes.length);
        if (table!.shadowRoot!.querySelector(`[part~="row"][aria-rowindex="${lastIndex}"]`)) {
          const inDom = table!.shadowRoot!.querySelectorAll('[part~="row"]').length;
          return { ok: true as const, inDom, boxHeight: body.clientHeight, firstRowMs: firstRowAt - started, lastRowMs: performance.now() - firstRowAt, frames, rows: Number(lastIndex) - 1, firstRowAt, ranges };
        }
      }
      const inDom = table!.shadowRoot!.querySelectorAll('[part~="row"]').length;
      return {
        ok: false as const,
        reason: `the last row (aria-rowindex ${lastIndex}) was not reached in ${giveUpMs / 1000} s; ${inDom} rows in the DOM, the rows' box ${body.clientHeight} px high`,
        ranges,
      };
    },
    { giveUpMs: GIVE_UP_S * 1000, step: STEP },
  );
  if (cdp && profile) {
    const { profile: data } = (await cdp.send('Profiler.stop')) as {
      profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]; samples: number[]; timeDeltas: number[] };
    };
    writeFileSync(profile, JSON.stringify(data));
    const byNode = new Map(data.nodes.map((n) => [n.id, n]));
    const self = new Map<string, number>();
    data.samples.forEach((id, i) => {
      const frame = byNode.get(id)!.callFrame;
      const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').slice(-2).join('/')}:${frame.lineNumber + 1}`;
      self.set(key, (self.get(key) ?? 0) + (data.timeDeltas[i] ?? 0) / 1000);
    });
    const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 15);
    console.log(`   CPU profile written to ${profile}; most self time:`);
    for (const [key, spent] of top) console.log(`     ${spent.toFixed(0).padStart(7)} ms  ${key}`);
  }
  const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks);
  const during = result.ok ? longTasks.filter((t) => t.start >= result.firstRowAt) : longTasks;
  const longest = during.reduce((m, t) => Math.max(m, t.duration), 0);
  const over = during.filter((t) => t.duration > LONG_TASK_MS);
  console.log(`3. scrolled /candidats (1400 × 900, fr-FR), ${STEP > 0 ? `${STEP} viewport(s) a frame` : 'to the bottom every frame'}: ${int(pages)} list requests`);
  if (result.ok) {
    console.log(
      `   first rows after ${(result.firstRowMs / 1000).toFixed(1)} s; last row (${int(result.rows)}) ${(result.lastRowMs / 1000).toFixed(1)} s later, ${int(result.frames)} frames; ${result.inDom} rows in the DOM at the end, the rows' box ${result.boxHeight} px high`,
    );
  } else {
    console.log(`   ${result.reason}`);
  }
  const ranges = 'ranges' in result ? result.ranges : undefined;
  if (ranges) {
    console.log(
      `   virtualizer ranges: ${int(ranges.count)}, the widest ${int(ranges.widest)} rows, ${int(ranges.over100)} over 100 rows; at most ${int(ranges.maxChildren)} elements (${int(ranges.maxNodes)} nodes) in the rows' box`,
    );
  }
  const before = longTasks.filter((t) => !result.ok || t.start < result.firstRowAt);
  console.log(
    `   long tasks while scrolling: ${during.length} (longest ${longest.toFixed(0)} ms, total ${during.reduce((s, t) => s + t.duration, 0).toFixed(0)} ms); ` +
      `before the first rows: ${result.ok ? before.length : '—'}${result.ok && before.length ? ` (longest ${before.reduce((m, t) => Math.max(m, t.duration), 0).toFixed(0)} ms)` : ''}`,
  );
  if (during.length > 0) {
    const sorted = [...during].sort((a, b) => b.duration - a.duration).slice(0, 10);
    console.log(`   longest ones: ${sorted.map((t) => `${t.duration.toFixed(0)} ms at ${((t.start - (result.ok ? result.firstRowAt : 0)) / 1000).toFixed(1)} s`).join(', ')}`);
  }
  if (consoleErrors.length) console.log(`   console errors: ${consoleErrors.slice(0, 5).join(' | ')}`);

  const targets = new Targets();
  targets.add({
    measure: `scroll to the end of ${CANDIDATES === 100_000 ? '100 k' : int(CANDIDATES)} (real server)`,
    before: 'not reached in 300 s',
    target: `≤ ${TARGET_S} s, no long task > ${LONG_TASK_MS} ms`,
    figure: result.ok
      ? `${(result.lastRowMs / 1000).toFixed(1)} s; ${over.length} long task(s) > ${LONG_TASK_MS} ms, longest ${longest.toFixed(0)} ms; load ${load()}`
      : `not reached in ${GIVE_UP_S} s; load ${load()}`,
    pass: result.ok && result.lastRowMs <= TARGET_S * 1000 && over.length === 0,
  });
  targets.print();
} finally {
  await cleanUp();
}
