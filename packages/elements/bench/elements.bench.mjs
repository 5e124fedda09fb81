#!/usr/bin/env node
// `npm run bench -w @clr/elements` — issue 6's bench. Never fails: it prints
// figures and PASS/MISS/FAIL lines.
//
// (a) Bundle sizes: every define module of src/define/, imported as a portal
//     would (`import '@clr/elements/define/clr-x.js'`, through the package's
//     `exports` and `sideEffects`), bundled alone by Vite in library mode,
//     minified, every dependency included. Prints raw and gzipped sizes of the
//     initial bundle and of lazily loaded chunks, the heaviest packages in it,
//     and FAIL lines when jspdf or papaparse is in it, when another element is
//     in it, or when the tag's registration was dropped.
//     Target: <clr-candidates-table> ≤ 40 KB gzipped with Lit and the virtualizer.
// (b) In Chromium: <clr-candidates-table> on generateCandidates(100000) served
//     by @clr/mocks through MSW's service worker: time from the element
//     connected to its first rows painted, and time to scroll to the last
//     candidate; medians. Target: first rows ≤ 150 ms.
//
// Options (environment): BENCH_CANDIDATES (100000), BENCH_RUNS (5),
// BENCH_SCROLL_RUNS (3), BENCH_SCROLL_LIMIT_S (300: a scroll run stops there and
// says how far it got), BENCH_ONLY=sizes|browser.
/* global window -- the page.evaluate callbacks run in the page */
import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync, statSync, createReadStream } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, extname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { minifySync } from 'rolldown/utils';
import { build, defaultClientConditions } from 'vite';

// The packages' TypeScript sources (their exports' `@clr/source` condition).
const resolve = { conditions: ['@clr/source', ...defaultClientConditions] };
import { CHROME_PATH, CHROMIUM_ARGS } from '../../../scripts/chromium.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const packageRoot = join(here, '..');
const require = createRequire(import.meta.url);

const TARGET_TABLE_GZIP = 40 * 1024;
const TARGET_FIRST_ROWS_MS = 150;
const CANDIDATES = Number(process.env.BENCH_CANDIDATES ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SCROLL_RUNS = Number(process.env.BENCH_SCROLL_RUNS ?? 3);
const SCROLL_LIMIT_S = Number(process.env.BENCH_SCROLL_LIMIT_S ?? 300);
const ONLY = process.env.BENCH_ONLY ?? '';
const FORBIDDEN = ['jspdf', 'papaparse'];

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
// Lit's experimental decorators (STACK.md): explicit, whatever tsconfig Vite finds.
const oxc = { decorator: { legacy: true } };

/** The package a bundled module comes from: `lit`, `@lit-labs/virtualizer`, `@clr/domain`, or `src/<folder>` for ours. */
function packageOf(id) {
  const clean = id.replace(/\?.*$/, '').replace(/^\0/, '');
  const nodeModules = clean.lastIndexOf('node_modules/');
  if (nodeModules >= 0) {
    const [first, second] = clean.slice(nodeModules + 'node_modules/'.length).split('/');
    return first?.startsWith('@') ? `${first}/${second}` : (first ?? clean);
  }
  const workspace = clean.match(/\/packages\/([^/]+)\/src\/(?:([^/]+)\/)?/);
  if (workspace?.[1] === 'elements') return `elements src/${workspace[2] ?? ''}`;
  if (workspace) return `@clr/${workspace[1]}`;
  return relative(packageRoot, clean);
}

/**
 * The elements each element renders, directly or through another (`<clr-…>`
 * in its templates): the candidate file holds the result card and the form,
 * the groups table its dialog… Those belong in its bundle; any other element
 * there is a leak the check reports.
 */
function composedElements(folders) {
  const direct = new Map();
  for (const folder of folders) {
    const sources = readdirSync(join(packageRoot, 'src', folder)).filter((file) => file.endsWith('.ts') && !/\.(test|stories)\.ts$/.test(file));
    const tags = new Set();
    for (const file of sources) {
      for (const match of readFileSync(join(packageRoot, 'src', folder, file), 'utf8').matchAll(/<clr-([\w-]+)/g)) {
        if (match[1] !== folder && folders.includes(match[1])) tags.add(match[1]);
      }
    }
    direct.set(folder, tags);
  }
  const closure = new Map();
  for (const folder of folders) {
    const seen = new Set();
    const stack = [...direct.get(folder)];
    while (stack.length) {
      const next = stack.pop();
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...direct.get(next));
    }
    closure.set(folder, seen);
  }
  return closure;
}

async function bundleSizes() {
  console.log('\n(a) Define modules bundled alone (Vite library mode, minified, every dependency included)\n');
  const defines = readdirSync(join(packageRoot, 'src/define')).filter((file) => /^clr-[\w-]+\.ts$/.test(file)).sort();
  const elementFolders = readdirSync(join(packageRoot, 'src'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !['define', 'shared', 'translations'].includes(entry.name))
    .map((entry) => entry.name);
  const composed = composedElements(elementFolders);
  const results = [];
  for (const file of defines) {
    const tag = file.replace(/\.ts$/, '');
    const specifier = `@clr/elements/define/${tag}.js`;
    const outDir = mkdtempSync(join(tmpdir(), 'clr-bench-'));
    // A virtual entry (no file): `import '@clr/elements/define/clr-x.js'`.
    const entryId = join(packageRoot, `bench-entry-${tag}.js`);
    let output;
    try {
      output = await build({
        configFile: false,
        root: packageRoot,
        logLevel: 'silent',
        oxc,
        resolve,
        plugins: [
          {
            name: 'clr-bench-entry',
            resolveId: (id) => (id === entryId ? entryId : undefined),
            load: (id) => (id === entryId ? `import '${specifier}';\n` : undefined),
          },
        ],
        build: {
          outDir,
          write: false,
          minify: true,
          target: 'es2022',
          reportCompressedSize: false,
          lib: { entry: entryId, formats: ['es'], fileName: () => `${tag}.js` },
        },
      });
    } catch (error) {
      console.log(`FAIL ${tag}: the bundle does not build — ${error.message.split('\n').slice(0, 4).join(' ')}`);
      continue;
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
    const chunks = (Array.isArray(output) ? output : [output]).flatMap((result) => result.output).filter((item) => item.type === 'chunk');
    const entry = chunks.find((chunk) => chunk.isEntry);
    const lazy = chunks.filter((chunk) => !chunk.isEntry);
    const size = (chunk) => ({ raw: Buffer.byteLength(chunk.code), gzip: gzipSync(chunk.code, { level: 9 }).length });
    const initial = size(entry);
    const lazySize = lazy.reduce((sum, chunk) => ({ raw: sum.raw + size(chunk).raw, gzip: sum.gzip + size(chunk).gzip }), { raw: 0, gzip: 0 });
    // Who weighs what in the initial bundle (rendered, before minification).
    const byPackage = new Map();
    for (const [id, info] of Object.entries(entry.modules ?? {})) {
      const name = packageOf(id);
      byPackage.set(name, (byPackage.get(name) ?? 0) + (info.renderedLength ?? 0));
    }
    const allIds = chunks.flatMap((chunk) => Object.keys(chunk.modules ?? {}).map((id) => ({ id, lazy: !chunk.isEntry })));
    const forbidden = FORBIDDEN.flatMap((name) =>
      allIds.filter(({ id }) => id.includes(`/node_modules/${name}/`)).map(({ lazy: isLazy }) => `${name}${isLazy ? ' (lazy chunk)' : ''}`),
    );
    const ownFolder = tag.replace(/^clr-/, '');
    const others = [
      ...new Set(
        allIds
          // Another element's class (its folder's `<name>.ts`), not the pages or events it shares.
          .map(({ id }) => id.match(/\/packages\/elements\/src\/([^/]+)\/\1\.ts$/)?.[1])
          .filter((folder) => folder && elementFolders.includes(folder) && folder !== ownFolder && !composed.get(ownFolder)?.has(folder)),
      ),
    ];
    const registered = entry.code.includes(`"${tag}"`) || entry.code.includes(`'${tag}'`) || entry.code.includes(`\`${tag}\``);
    results.push({ tag, initial });
    console.log(`${tag.padEnd(24)} ${kb(initial.raw).padStart(9)} raw  ${kb(initial.gzip).padStart(8)} gzip` + (lazy.length ? `   + ${lazy.length} lazy chunk(s) ${kb(lazySize.raw)} raw, ${kb(lazySize.gzip)} gzip` : ''));
    const heaviest = [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 6);
    console.log(`${''.padEnd(24)} in it (unminified): ${heaviest.map(([name, length]) => `${name} ${kb(length)}`).join(', ')}`);
    console.log(`${''.padEnd(24)} jspdf / papaparse: ${forbidden.length ? forbidden.join(', ') : 'none'}`);
    for (const name of new Set(forbidden)) console.log(`FAIL ${tag}: ${name} is in the bundle`);
    if (others.length) console.log(`FAIL ${tag}: other elements are in the bundle (${others.join(', ')})`);
    if (!registered) console.log(`FAIL ${tag}: the bundle does not register <${tag}> (sideEffects or exports drop the define module)`);
    if (tag === 'clr-candidates-table') {
      console.log(`${initial.gzip <= TARGET_TABLE_GZIP ? 'PASS' : 'MISS'} <clr-candidates-table> ${kb(initial.gzip)} gzipped (target ≤ ${kb(TARGET_TABLE_GZIP)} with Lit and the virtualizer)`);
    }
  }
  if (!defines.includes('clr-candidates-table.ts')) console.log('MISS <clr-candidates-table>: src/define/clr-candidates-table.ts does not exist yet');
  // The one-tag bundle (GET /embed/clr-elements.js): every element, the SDK and zod in one module.
  const { buildBundle } = await import('../scripts/build-bundle.mjs');
  const bundle = await buildBundle({ write: false });
  console.log(`\n(b) The one-tag bundle: ${defines.length} elements, the SDK, zod (uptime load ${loadavg().map((n) => n.toFixed(2)).join(' ')})`);
  console.log(`clr-elements.js          ${kb(bundle.bytes).padStart(9)} raw  ${kb(bundle.gzipBytes).padStart(8)} gzip`);
  console.log(`${bundle.gzipBytes <= TARGET_BUNDLE_GZIP ? 'PASS' : 'MISS'} clr-elements.js ${kb(bundle.gzipBytes)} gzipped (target ≤ ${kb(TARGET_BUNDLE_GZIP)})`);
  printComposition(bundle.modules);
  return results;
}

/** The folder of the workspace (`@clr/domain src/i18n`) or the package (`zod`) a module of the bundle comes from. */
function partOf(id) {
  const workspace = id.replace(/\?.*$/, '').match(/\/packages\/([^/]+)\/src\/(?:([^/]+)\/)?/);
  if (workspace) return `@clr/${workspace[1]} src/${workspace[2] ?? ''}`;
  return packageOf(id);
}

/**
 * Where the one-tag bundle's bytes are: its modules grouped by part, each group
 * minified and gzipped on its own (the parts add up to more than the whole,
 * which gzip compresses across parts).
 */
function printComposition(modules) {
  const parts = new Map();
  for (const [id, info] of Object.entries(modules)) {
    const part = partOf(id);
    parts.set(part, `${parts.get(part) ?? ''}${info.code ?? ''}\n`);
  }
  const rows = [...parts].map(([part, code]) => {
    const minified = minifySync('part.js', code, { compress: true, mangle: { toplevel: true } }).code;
    return { part, raw: Buffer.byteLength(minified), gzip: gzipSync(minified, { level: 9 }).length };
  });
  rows.sort((a, b) => b.gzip - a.gzip);
  console.log(`${''.padEnd(24)} composition (each part minified and gzipped alone; top 16 of ${rows.length}):`);
  for (const row of rows.slice(0, 16)) console.log(`${''.padEnd(24)} ${kb(row.gzip).padStart(8)} gzip ${kb(row.raw).padStart(9)} min  ${row.part}`);
}

/** Issue 15's budget for the whole one-tag bundle. */
const TARGET_BUNDLE_GZIP = 80 * 1024;

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };

function serve(directory, extra) {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const fixed = extra.get(path);
    if (fixed !== undefined) {
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(fixed);
      return;
    }
    let file = join(directory, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file.startsWith(directory) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function browserTimings() {
  console.log(`\n(b) <clr-candidates-table> on ${CANDIDATES.toLocaleString('en')} mocked candidates in Chromium (${CHROME_PATH})\n`);
  if (!existsSync(join(packageRoot, 'src/define/clr-candidates-table.ts'))) {
    console.log('MISS first rows: <clr-candidates-table> does not exist yet (src/define/clr-candidates-table.ts)');
    return;
  }
  const { chromium } = await import('playwright-core');
  const outDir = mkdtempSync(join(tmpdir(), 'clr-bench-page-'));
  let server;
  let browser;
  try {
    await build({
      configFile: false,
      root: join(here, 'page'),
      base: '/',
      logLevel: 'silent',
      oxc,
      resolve,
      build: { outDir, emptyOutDir: true, minify: true, target: 'es2022', reportCompressedSize: false, chunkSizeWarningLimit: 8192 },
    });
    const worker = readFileSync(join(dirname(require.resolve('msw/package.json')), 'lib', 'mockServiceWorker.js'), 'utf8');
    server = await serve(outDir, new Map([['/mockServiceWorker.js', worker]]));
    browser = await chromium.launch({ executablePath: CHROME_PATH, args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      // Non-2xx answers are judged from the responses below (the browser asks for /favicon.ico).
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(message.text());
    });
    page.on('response', (response) => {
      if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) errors.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForFunction(() => 'clrBench' in window);
    const setup = await page.evaluate((count) => window.clrBench.setup(count), CANDIDATES);
    console.log(`generateCandidates(${setup.candidates}) in the page: ${Math.round(setup.generateMs)} ms; login and first list (indexes): ${Math.round(setup.warmMs)} ms`);
    const api = await page.evaluate(() => window.clrBench.apiTimings());
    console.log(`the mocks alone (in the page's thread): first page ${api.firstPageMs.toFixed(0)} ms, next page ${api.nextPageMs.toFixed(0)} ms (median of 3)`);
    const first = [];
    for (let run = 0; run < RUNS; run += 1) first.push(await page.evaluate(() => window.clrBench.firstRows()));
    const firstMedian = median(first.map((run) => run.ms));
    console.log(`first rows: median ${firstMedian.toFixed(0)} ms over ${RUNS} runs (${first.map((run) => run.ms.toFixed(0)).join(', ')} ms)`);
    console.log(
      `  of which (medians): connected → request sent ${median(first.map((run) => run.toRequestMs)).toFixed(0)} ms, ` +
        `the mocks' answer ${median(first.map((run) => run.requestMs)).toFixed(0)} ms, answer → rows painted ${median(first.map((run) => run.toPaintMs)).toFixed(0)} ms`,
    );
    const scrolls = [];
    for (let run = 0; run < SCROLL_RUNS; run += 1) {
      await page.evaluate(() => window.clrBench.firstRows());
      const result = await page.evaluate((limitMs) => window.clrBench.scrollToEnd(limitMs), SCROLL_LIMIT_S * 1000);
      console.log(
        `scroll run ${run + 1}: ${result.requests} page requests, each ${result.requestMs.toFixed(0)} ms in the mocks (median); ` +
          `${result.gapMs.toFixed(0)} ms from one answer to the next request (the element, the virtualizer, the scrolling frames)`,
      );
      if (!result.reached) {
        const rate = (result.lastRowIndex - 1) / (result.ms / 1000);
        console.log(
          `scroll to the end: not reached in ${SCROLL_LIMIT_S} s — row ${result.lastRowIndex - 1} of ${result.rowCount - 1} ` +
            `(${rate.toFixed(0)} rows/s: the whole list would take ~${((result.rowCount - 1) / rate / 60).toFixed(0)} min at this pace)`,
        );
        break;
      }
      scrolls.push(result);
    }
    if (scrolls.length) {
      const last = scrolls[scrolls.length - 1];
      console.log(
        `scroll to the end: median ${(median(scrolls.map((s) => s.ms)) / 1000).toFixed(2)} s over ${scrolls.length} runs ` +
          `(${scrolls.map((s) => `${(s.ms / 1000).toFixed(2)} s`).join(', ')}; last row ${last.lastRowIndex - 1} of ${last.rowCount - 1}, ${last.steps} scroll steps)`,
      );
    }
    console.log(`load average now ${loadavg().map((load) => load.toFixed(1)).join(' ')}`);
    if (errors.length) console.log(`page errors: ${[...new Set(errors)].slice(0, 5).join(' | ')}`);
    console.log(`${firstMedian <= TARGET_FIRST_ROWS_MS ? 'PASS' : 'MISS'} first rows ${firstMedian.toFixed(0)} ms (target ≤ ${TARGET_FIRST_ROWS_MS} ms)`);
  } catch (error) {
    console.log(`MISS browser bench: ${error.message.split('\n')[0]}`);
  } finally {
    await browser?.close();
    server?.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}

console.log(`machine: ${cpus().length} cores, load average ${loadavg().map((load) => load.toFixed(1)).join(' ')} (timings are noisy when it exceeds the cores)`);
if (ONLY !== 'browser') await bundleSizes();
if (ONLY !== 'sizes') await browserTimings();
