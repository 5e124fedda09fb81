#!/usr/bin/env node
// `npm run check:packs`: the packages as a partner installs them, outside this
// repository. Builds every package (`npm run build`), packs each one, checks
// what the tarball holds (dist/, README, LICENSE — no sources, tests, benches
// or fixtures), installs the tarballs in a new project in a temporary folder,
// then uses them there with no TypeScript tooling and no workspace:
//   - plain Node imports each package and the SDK talks to a small HTTP server;
//   - a consumer's strict `tsc` (exactOptionalPropertyTypes, lib ES2022, no DOM)
//     compiles a script against the SDK's declarations;
//   - Vite bundles a page that imports an element's define module and the SDK
//     (no decorators left to compile), and Chromium renders it.
// Prints one line per check and `N passed, N failed`; with CLR_PACKS_REPORT set,
// writes the counts there as JSON for the root `npm test`.
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CHROME_PATH, CHROMIUM_ARGS } from './chromium.mjs';

const execFileAsync = promisify(execFile);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PACKAGES = ['domain', 'documents', 'sdk', 'app', 'mocks', 'elements'];
const results = [];

async function check(name, fn) {
  try {
    const detail = await fn();
    results.push({ name, ok: true });
    console.log(`✓ ${name}${detail ? ` — ${detail}` : ''}`);
  } catch (error) {
    results.push({ name, ok: false });
    console.log(`✗ ${name}\n    ${String(error?.stack ?? error).split('\n').slice(0, 6).join('\n    ')}`);
  }
}

function sh(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}\n${result.stdout ?? ''}${result.stderr ?? ''}`.trim());
  return result.stdout;
}

const work = mkdtempSync(join(tmpdir(), 'clr-packs-'));
const packs = join(work, 'packs');
const project = join(work, 'portal');
mkdirSync(packs);
mkdirSync(project);
const tarballs = {};

try {
  await check('npm run build compiles every package to dist/', () => {
    sh('npm', ['run', 'build', '--silent'], { cwd: root });
  });

  for (const name of PACKAGES) {
    await check(`@clr/${name} packs dist/, README.md and LICENSE only`, () => {
      const out = JSON.parse(sh('npm', ['pack', '--json', '--pack-destination', packs], { cwd: join(root, 'packages', name) }));
      const files = out[0].files.map((f) => f.path);
      tarballs[name] = join(packs, out[0].filename);
      for (const needed of ['package.json', 'README.md', 'LICENSE', 'dist/index.js', 'dist/index.d.ts']) {
        if (!files.includes(needed)) throw new Error(`missing ${needed}`);
      }
      const stray = files.filter((f) => /(^|\/)(src|test|tests|bench|fixtures|examples)\/|\.test\.|\.stories\.|\.ts$/.test(f) && !f.endsWith('.d.ts'));
      if (stray.length > 0) throw new Error(`the pack holds ${stray.slice(0, 5).join(', ')}`);
      return `${files.length} files, ${(out[0].size / 1024).toFixed(1)} KB`;
    });
  }

  await check('the tarballs install in a new project', () => {
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'portal', private: true, type: 'module' }));
    const versions = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies;
    const react = JSON.parse(readFileSync(join(root, 'packages', 'elements', 'package.json'), 'utf8')).devDependencies;
    sh(
      'npm',
      [
        'install', '--no-audit', '--no-fund', '--prefer-offline', '--silent',
        ...PACKAGES.map((n) => tarballs[n]),
        `typescript@${versions.typescript}`, `@types/node@${versions['@types/node']}`,
        `react@${react.react}`, `react-dom@${react['react-dom']}`, `@types/react@${react['@types/react']}`,
      ],
      { cwd: project },
    );
  });

  await check('plain Node imports every package (no tsx, no TypeScript)', () => {
    const script = `for (const p of ${JSON.stringify(PACKAGES.filter((n) => n !== 'elements').map((n) => `@clr/${n}`))}) { const m = await import(p); if (Object.keys(m).length === 0) throw new Error(p + ' exports nothing'); }`;
    sh(process.execPath, ['--input-type=module', '-e', script], { cwd: project });
  });

  await check('plain Node: the SDK lists candidates and maps a problem to its error class', async () => {
    const server = createServer((req, res) => {
      if (req.url?.startsWith('/api/v1/candidates') && req.headers.authorization === 'Bearer clr_test_key') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ data: [], nextCursor: null, total: 0, counts: { all: 0, to_assign: 0, scheduled: 0, taken: 0, expired: 0 } }));
        return;
      }
      res.writeHead(401, { 'content-type': 'application/problem+json' });
      res.end(JSON.stringify({ type: 'about:blank', title: 'Non authentifié', status: 401, code: 'unauthenticated', detail: 'Connectez-vous.' }));
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${server.address().port}`;
    writeFileSync(
      join(project, 'sdk.mjs'),
      `import { createClient, UnauthenticatedError } from '@clr/sdk';
const good = createClient({ baseUrl: ${JSON.stringify(url)}, auth: { kind: 'apiKey', key: 'clr_test_key' } });
const page = await good.candidates.list({});
if (!Array.isArray(page.data)) throw new Error('no page');
const bad = createClient({ baseUrl: ${JSON.stringify(url)}, auth: { kind: 'apiKey', key: 'wrong' } });
try { await bad.candidates.list({}); throw new Error('no error'); } catch (error) { if (!(error instanceof UnauthenticatedError)) throw error; }
`,
    );
    try {
      // Asynchronously: the server above answers from this process's event loop.
      await execFileAsync(process.execPath, ['sdk.mjs'], { cwd: project });
    } finally {
      server.close();
    }
  });

  await check("the SDK's types compile in a strict consumer (exactOptionalPropertyTypes, lib ES2022, no DOM)", () => {
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          lib: ['ES2022'],
          types: ['node'],
          strict: true,
          exactOptionalPropertyTypes: true,
          noUncheckedIndexedAccess: true,
          noEmit: true,
          skipLibCheck: false,
        },
        include: ['consumer.ts'],
      }),
    );
    writeFileSync(
      join(project, 'consumer.ts'),
      `import { createClient, ClrApiError } from '@clr/sdk';
const client = createClient({ baseUrl: 'https://clr.example.fr', auth: { kind: 'apiKey', key: process.env.CLR_API_KEY ?? '' } });
const page = await client.candidates.list({ status: 'scheduled', sort: 'name' });
for (const candidate of page.data) console.log(candidate.email);
for await (const candidate of client.candidates.listAll({ q: 'lefevre' })) console.log(candidate.lastName);
const groups = await client.groups.list({});
console.log(groups.data.length, groups.nextCursor);
try { await client.groups.retrieve('g_unknown'); } catch (error) { if (error instanceof ClrApiError) console.log(error.status, error.code); }
`,
    );
    sh(join(project, 'node_modules', '.bin', 'tsc'), ['-p', '.'], { cwd: project });
  });

  await check("the React wrappers' props and typed events compile in a strict consumer's page (TSX)", () => {
    writeFileSync(
      join(project, 'tsconfig.react.json'),
      JSON.stringify({
        extends: './tsconfig.json',
        compilerOptions: { lib: ['ES2022', 'DOM', 'DOM.Iterable'], jsx: 'react-jsx' },
        include: ['react-page.tsx'],
      }),
    );
    writeFileSync(
      join(project, 'react-page.tsx'),
      `import { ClrCandidatesTable } from '@clr/elements/react';
export function Candidates({ open }: { open: (id: string) => void }) {
  return <ClrCandidatesTable lang="fr" tokenUrl="/intranet/clr-token" onClrCandidateOpen={(event) => open(event.detail.candidateId)} />;
}
`,
    );
    sh(join(project, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.react.json'], { cwd: project });
  });

  writeFileSync(join(project, 'index.html'), '<!doctype html><html lang="fr"><head><title>Portail</title></head><body><clr-candidates-table></clr-candidates-table><script type="module" src="./page.js"></script></body></html>');
  writeFileSync(
    join(project, 'page.js'),
    `import { createClient } from '@clr/sdk';
import '@clr/elements/define/clr-candidates-table.js';
document.querySelector('clr-candidates-table').client = createClient({ baseUrl: '', auth: { kind: 'session' } });
`,
  );
  writeFileSync(join(project, 'react.html'), '<!doctype html><html lang="en"><head><title>React</title></head><body><div id="root"></div><script type="module" src="./react.js"></script></body></html>');
  writeFileSync(
    join(project, 'react.js'),
    `import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { ClrCandidatesTable } from '@clr/elements/react';
window.opened = [];
createRoot(document.getElementById('root')).render(
  createElement(ClrCandidatesTable, { pageSize: 7, onClrCandidateOpen: (event) => window.opened.push(event.detail.candidateId) }),
);
`,
  );

  /** Vite builds the portal's two pages once; each check opens one in Chromium (the API answers 401 to every call). */
  let built;
  async function openPage(file, fn) {
    const outDir = join(project, 'out');
    built ??= import('vite').then(({ build }) =>
      build({ root: project, configFile: false, logLevel: 'silent', build: { outDir, emptyOutDir: true, rolldownOptions: { input: { index: join(project, 'index.html'), react: join(project, 'react.html') } } } }),
    );
    await built;
    const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
    const server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (path.startsWith('/api/')) {
        res.writeHead(401, { 'content-type': 'application/problem+json' });
        res.end(JSON.stringify({ type: 'about:blank', title: 'Non authentifié', status: 401, code: 'unauthenticated', detail: 'Connectez-vous.' }));
        return;
      }
      try {
        const body = readFileSync(join(outDir, path === '/' ? 'index.html' : path));
        res.writeHead(200, { 'content-type': types[extname(path) || '.html'] ?? 'text/html' });
        res.end(body);
      } catch {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROME_PATH, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`http://127.0.0.1:${server.address().port}/${file}`);
      await fn(page);
      if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
    } finally {
      await browser.close();
      server.close();
    }
  }

  /* global customElements, document, window, CustomEvent -- evaluated in the page */
  await check('a portal bundles an element and the SDK with Vite, and Chromium renders the element', () =>
    openPage('', (page) => page.waitForFunction(() => customElements.get('clr-candidates-table') !== undefined && document.querySelector('clr-candidates-table')?.shadowRoot?.childElementCount > 0)),
  );

  await check('a React portal renders the @clr/elements/react wrapper: props reach the element, its events reach the callback', () =>
    openPage('react.html', async (page) => {
      await page.waitForFunction(() => document.querySelector('clr-candidates-table')?.shadowRoot?.childElementCount > 0);
      const pageSize = await page.evaluate(() => document.querySelector('clr-candidates-table').pageSize);
      if (pageSize !== 7) throw new Error(`pageSize is ${pageSize}, not the prop's 7`);
      const opened = await page.evaluate(() => {
        document.querySelector('clr-candidates-table').dispatchEvent(new CustomEvent('clr-candidate-open', { detail: { candidateId: 'c42' }, bubbles: true, composed: true }));
        return window.opened;
      });
      if (JSON.stringify(opened) !== '["c42"]') throw new Error(`the callback got ${JSON.stringify(opened)}`);
    }),
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}

const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
if (process.env.CLR_PACKS_REPORT) writeFileSync(process.env.CLR_PACKS_REPORT, JSON.stringify({ passed, failed, skipped: 0 }));
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
