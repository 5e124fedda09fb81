/**
 * `npm run check:browser -w @clr/mocks`: `@clr/mocks/browser` in a real
 * Chromium. Builds `page.ts` with Vite, serves it with MSW's service worker,
 * opens it headless (`CHROME_PATH`, `/usr/bin/chromium` by default, kept off
 * the network) and reads the page's outcome over the DevTools protocol. Needs
 * Node's `--experimental-websocket` (the script sets it). Exits 1 on failure.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = mkdtempSync(join(tmpdir(), 'clr-mocks-browser-'));
const chrome = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const expected = { login: 200, stock: 1079, candidates: 19, csvLines: 20, afterLogout: 401 };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function pageTitle(debugPort: number, deadline: number): Promise<string> {
  interface Target {
    type: string;
    webSocketDebuggerUrl: string;
  }
  let target: Target | undefined;
  while (!target && Date.now() < deadline) {
    try {
      const list = (await (await fetch(`http://127.0.0.1:${debugPort}/json/list`)).json()) as Target[];
      target = list.find((t) => t.type === 'page');
      if (!target) await sleep(250);
    } catch {
      await sleep(250);
    }
  }
  if (!target) throw new Error('Chromium opened no page');
  const ws = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    ws.onopen = resolve;
    ws.onerror = reject;
  });
  let id = 0;
  const ask = (expression: string) =>
    new Promise<string>((resolve) => {
      const mine = ++id;
      ws.onmessage = (event) => {
        const message = JSON.parse(String(event.data)) as { id?: number; result?: { result?: { value?: string } } };
        if (message.id === mine) resolve(message.result?.result?.value ?? '');
      };
      ws.send(JSON.stringify({ id: mine, method: 'Runtime.evaluate', params: { expression } }));
    });
  try {
    while (Date.now() < deadline) {
      const title = await ask('document.title');
      if (title.startsWith('{')) return title;
      await sleep(250);
    }
    throw new Error('the page did not finish in time');
  } finally {
    ws.close();
  }
}

let failed = false;
const require = createRequire(import.meta.url);
await build({ root: here, logLevel: 'warn', build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 4000 } });
copyFileSync(join(dirname(require.resolve('msw/package.json')), 'lib', 'mockServiceWorker.js'), join(outDir, 'mockServiceWorker.js'));
const server = await preview({ root: here, logLevel: 'warn', build: { outDir }, preview: { port: await freePort(), strictPort: true, host: '127.0.0.1' } });
const url = server.resolvedUrls?.local[0] ?? '';
const debugPort = await freePort();
const browser = spawn(
  chrome,
  [
    '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
    '--no-default-browser-check', '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--disable-extensions', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
    `--user-data-dir=${join(outDir, 'profile')}`, `--remote-debugging-port=${debugPort}`, url,
  ],
  { stdio: 'ignore' },
);
try {
  const result = JSON.parse(await pageTitle(debugPort, Date.now() + 60_000)) as Record<string, unknown>;
  console.log('page:', JSON.stringify(result));
  for (const [key, value] of Object.entries(expected)) {
    if (result[key] !== value) {
      failed = true;
      console.log(`✗ ${key}: expected ${value}, got ${String(result[key])}`);
    }
  }
  if (!failed) console.log('✓ @clr/mocks/browser serves the demo in Chromium: login, session cookie, dashboard, CSV export, logout');
} catch (error) {
  failed = true;
  console.log(`✗ ${String(error)}`);
} finally {
  const exited = new Promise((resolve) => browser.once('exit', resolve));
  browser.kill();
  await Promise.race([exited, sleep(5000)]);
  await server.close();
  rmSync(outDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
}
process.exit(failed ? 1 : 0);
