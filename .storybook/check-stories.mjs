#!/usr/bin/env node
// `npm run check-storybook [-- <filter>]`: opens every story of the built
// Storybook (storybook-static/, from `npm run build-storybook`) in headless
// Chromium and prints, per story, what it shows once settled — grid rows,
// alerts, amount of text — and any console error, page error or Storybook
// render error. Exit code 1 when a story errs. A developer's check: CI only
// builds Storybook.
/* global document, customElements, window -- snapshot() and the render wait run in the page */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROME_PATH, CHROMIUM_ARGS } from '../scripts/chromium.mjs';

const root = fileURLToPath(new URL('../storybook-static/', import.meta.url));
if (!existsSync(join(root, 'index.json'))) {
  console.error('storybook-static/ is missing: run `npm run build-storybook` first.');
  process.exit(1);
}
const filter = process.argv[2] ?? '';
const entries = Object.values(JSON.parse(readFileSync(join(root, 'index.json'), 'utf8')).entries).filter(
  (entry) => entry.type === 'story' && entry.id.includes(filter),
);

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.woff2': 'font/woff2' };
const server = createServer((request, response) => {
  const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  let file = join(root, path);
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!file.startsWith(root) || !existsSync(file)) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(response);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({ executablePath: CHROME_PATH, args: CHROMIUM_ARGS });
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
let failures = 0;

/** What the story shows, through every shadow root. */
function snapshot() {
  const all = [];
  const walk = (node) => {
    for (const element of node.querySelectorAll('*')) {
      all.push(element);
      if (element.shadowRoot) walk(element.shadowRoot);
    }
  };
  // The story's own root: Storybook's page holds tables of its own (error display).
  walk(document.querySelector('#storybook-root') ?? document);
  const visibleText = (element) => (element.innerText ?? element.textContent ?? '').replace(/\s+/g, ' ').trim();
  const rows = all.filter((element) => element.getAttribute('role') === 'row' && !element.closest('[role=rowgroup][aria-hidden=true]'));
  // Data rows: an ARIA grid's rows with cells, or a plain table's rows with cells.
  const bodyRows = [
    ...rows.filter((row) => row.querySelector('[role=gridcell]')),
    ...all.filter((element) => element.localName === 'tr' && !element.getAttribute('role') && element.querySelector('td')),
  ];
  const alerts = all.filter((element) => element.getAttribute('role') === 'alert' && visibleText(element)).map(visibleText);
  const busy = all.some((element) => element.getAttribute('aria-busy') === 'true');
  const undefinedTags = [...new Set(all.filter((element) => element.localName.includes('-') && !customElements.get(element.localName)).map((element) => element.localName))];
  const tags = [...new Set(all.filter((element) => element.localName.startsWith('clr-')).map((element) => element.localName))];
  const text = all.filter((element) => element.shadowRoot).map((element) => visibleText(element.shadowRoot)).join(' ');
  return { rows: rows.length, bodyRows: bodyRows.length, alerts, busy, undefinedTags, tags, textLength: text.length, text: text.slice(0, 160) };
}

for (const entry of entries) {
  const page = await context.newPage();
  const problems = [];
  const apiErrors = [];
  page.on('console', (message) => {
    // The browser logs every non-2xx answer; those are judged below from the responses themselves.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(`console: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() < 400) return;
    const url = new URL(response.url());
    // An API error is a story's own state (overrides); anything else missing is a fault.
    if (url.pathname.startsWith('/api/')) apiErrors.push(`${response.status()} ${url.pathname}`);
    else problems.push(`${response.status()} ${url.pathname}`);
  });
  page.on('pageerror', (error) => problems.push(`page: ${error.message}`));
  await page.goto(`${origin}/iframe.html?id=${entry.id}&viewMode=story`);
  const outcome = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const channel = window.__STORYBOOK_ADDONS_CHANNEL__;
        const done = (kind, detail) => resolve({ kind, detail: detail ? String(detail?.description ?? detail?.message ?? JSON.stringify(detail)).slice(0, 300) : '' });
        channel.on('storyRendered', () => done('rendered'));
        channel.on('storyErrored', (error) => done('errored', error));
        channel.on('storyThrewException', (error) => done('threw', error));
        channel.on('storyMissing', () => done('missing'));
        setTimeout(() => done('timeout'), 300_000);
      }),
  );
  if (outcome.kind !== 'rendered') problems.push(`storybook: ${outcome.kind} ${outcome.detail}`);
  // Let the element load and paint: settled when the shown text stops changing for 600 ms (at most 10 s).
  let last = '';
  let stableSince = Date.now();
  const started = Date.now();
  let shown = await page.evaluate(snapshot);
  while (Date.now() - started < 10_000) {
    await page.waitForTimeout(150);
    shown = await page.evaluate(snapshot);
    const key = JSON.stringify([shown.rows, shown.alerts, shown.busy, shown.textLength]);
    if (key !== last) {
      last = key;
      stableSince = Date.now();
    } else if (Date.now() - stableSince >= 600) break;
  }
  if (shown.undefinedTags.length) problems.push(`undefined elements: ${shown.undefinedTags.join(', ')}`);
  if (problems.length) failures += 1;
  console.log(
    `${problems.length ? 'FAIL' : 'ok  '} ${entry.id}: ${shown.tags.join(' ') || '-'} · ${shown.bodyRows} rows${shown.busy ? ' · busy' : ''}` +
      `${shown.alerts.length ? ` · alert « ${shown.alerts.join(' | ').slice(0, 120)} »` : ''} · ${shown.textLength} chars` +
      `${apiErrors.length ? ` · API ${[...new Set(apiErrors)].join(', ')}` : ''}`,
  );
  if (process.env.VERBOSE) console.log(`       ${shown.text}`);
  for (const problem of problems) console.log(`       ${problem}`);
  await page.close();
}

await browser.close();
server.close();
console.log(`${entries.length - failures} stories ok, ${failures} failed`);
process.exit(failures ? 1 : 0);
