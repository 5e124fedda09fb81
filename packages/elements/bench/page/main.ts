/**
 * The bench's page: `<clr-candidates-table>` (imported as a portal would,
 * through the package's define module) on `@clr/mocks` with
 * `generateCandidates(n)`, served by MSW's service worker. elements.bench.mjs
 * drives `window.clrBench` from Chromium.
 */
import '@clr/elements/define/clr-candidates-table.js';
import { createMockWorker, DEMO_LOGINS, generateCandidates } from '@clr/mocks/browser';
import { createClient, type ClrClient } from '@clr/sdk';

export interface BenchSetup {
  candidates: number;
  generateMs: number;
  warmMs: number;
}

export interface ScrollResult {
  /** Reached the last candidate's row. */
  reached: boolean;
  ms: number;
  lastRowIndex: number;
  rowCount: number;
  steps: number;
  /** Candidate pages requested during the scroll. */
  requests: number;
  /** Median time of one page request, answered by the mocks. */
  requestMs: number;
  /** Median time from a page's answer to the next page's request: the element and the virtualizer (and this loop's frames). */
  gapMs: number;
}

export interface ApiTimings {
  /** The table's first request alone (`sort=name`, 100 rows), median ms. */
  firstPageMs: number;
  /** A following page (cursor), median ms. */
  nextPageMs: number;
}

const stage = document.getElementById('stage') as HTMLElement;
// Every page request of a scroll run is kept for the breakdown.
performance.setResourceTimingBufferSize(1_000_000);
let client: ClrClient | undefined;

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
/** Resolves in the task after the next frame's paint. */
const afterPaint = () => new Promise<number>((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0)));

async function loggedIn(): Promise<ClrClient> {
  // No list cache: every run asks the mocks, as a fresh page would.
  const fresh = createClient({ baseUrl: '', auth: { kind: 'session' }, retry: false });
  await fresh.auth.login(DEMO_LOGINS.demo);
  return fresh;
}

async function setup(count: number): Promise<BenchSetup> {
  const started = performance.now();
  const state = generateCandidates(count);
  const generated = performance.now();
  const mock = createMockWorker({ state });
  await mock.start({ quiet: true, serviceWorker: { url: '/mockServiceWorker.js' } });
  client = await loggedIn();
  // What a running server has ready: the store's indexes, built by the first list.
  await client.candidates.list({ limit: 1 });
  await client.groups.list({ limit: 1 });
  return { candidates: count, generateMs: generated - started, warmMs: performance.now() - generated };
}

function table(): HTMLElement {
  const element = stage.querySelector('clr-candidates-table');
  if (!element) throw new Error('no <clr-candidates-table> on the page');
  return element;
}

function dataRows(element: HTMLElement): HTMLElement[] {
  return [...(element.shadowRoot?.querySelectorAll<HTMLElement>('[role="row"][data-id]') ?? [])];
}

const medianOf = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** What the mocks alone take for the requests the table makes: the element's share is the rest. */
async function apiTimings(runs = 3): Promise<ApiTimings> {
  if (!client) throw new Error('setup() first');
  const first: number[] = [];
  const next: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    let started = performance.now();
    const page = await client.candidates.list({ sort: 'name', limit: 100 });
    first.push(performance.now() - started);
    if (!page.nextCursor) continue;
    started = performance.now();
    await client.candidates.list({ sort: 'name', limit: 100, cursor: page.nextCursor });
    next.push(performance.now() - started);
  }
  return { firstPageMs: medianOf(first), nextPageMs: medianOf(next) };
}

export interface FirstRows {
  /** From the element connected to its first candidate row painted. */
  ms: number;
  /** From connected to the first candidates request sent. */
  toRequestMs: number;
  /** The first candidates request, answered by the mocks. */
  requestMs: number;
  /** From the answer to the rows painted. */
  toPaintMs: number;
}

/** From the element connected to its first candidate row painted, in ms, with its three parts. */
async function firstRows(): Promise<FirstRows> {
  if (!client) throw new Error('setup() first');
  stage.replaceChildren();
  const element = document.createElement('clr-candidates-table');
  element.client = client;
  const connected = performance.now();
  stage.append(element);
  for (;;) {
    await frame();
    // Rows present at this frame's animation callbacks are painted by this frame.
    if (dataRows(element).length > 0) break;
    if (performance.now() - connected > 30_000) throw new Error('no row after 30 s');
  }
  const painted = await afterPaint();
  const request = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find(
    (entry) => entry.startTime >= connected && entry.name.includes('/api/v1/candidates?'),
  );
  return {
    ms: painted - connected,
    toRequestMs: request ? request.startTime - connected : NaN,
    requestMs: request ? request.duration : NaN,
    toPaintMs: request ? painted - request.responseEnd : NaN,
  };
}

/** The box that scrolls the rows (the virtualizer's scroller). */
function scroller(element: HTMLElement): HTMLElement {
  const candidates = [...(element.shadowRoot?.querySelectorAll<HTMLElement>('*') ?? [])].filter((node) => {
    const overflow = getComputedStyle(node).overflowY;
    return (overflow === 'auto' || overflow === 'scroll') && node.scrollHeight > node.clientHeight;
  });
  const box = candidates.sort((a, b) => b.scrollHeight - a.scrollHeight)[0];
  if (!box) throw new Error('no scrolling box in <clr-candidates-table>');
  return box;
}

/**
 * Scrolls to the bottom again and again (the table loads pages as it goes)
 * until the last candidate's row is rendered, or `limitMs` passed (then
 * `reached` is false and the figures say how far it got).
 */
async function scrollToEnd(limitMs = 300_000): Promise<ScrollResult> {
  const element = table();
  const grid = element.shadowRoot?.querySelector('[role="grid"]');
  const started = performance.now();
  let steps = 0;
  const breakdown = () => {
    const pages = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((entry) => entry.startTime >= started && entry.name.includes('/api/v1/candidates?'))
      .sort((a, b) => a.startTime - b.startTime);
    const gaps = pages.slice(1).map((entry, index) => entry.startTime - (pages[index]?.responseEnd ?? entry.startTime));
    return { requests: pages.length, requestMs: medianOf(pages.map((entry) => entry.duration)), gapMs: medianOf(gaps) };
  };
  for (;;) {
    const rowCount = Number(grid?.getAttribute('aria-rowcount') ?? -1);
    const rows = dataRows(element);
    const last = rows.reduce((max, row) => Math.max(max, Number(row.getAttribute('aria-rowindex'))), 0);
    if (rowCount > 1 && last === rowCount) {
      const ms = (await afterPaint()) - started;
      return { reached: true, ms, lastRowIndex: last, rowCount, steps, ...breakdown() };
    }
    if (performance.now() - started > limitMs) return { reached: false, ms: performance.now() - started, lastRowIndex: last, rowCount, steps, ...breakdown() };
    const box = scroller(element);
    box.scrollTop = box.scrollHeight;
    steps += 1;
    await frame();
  }
}

declare global {
  interface Window {
    clrBench: { setup: typeof setup; apiTimings: typeof apiTimings; firstRows: typeof firstRows; scrollToEnd: typeof scrollToEnd };
  }
}

window.clrBench = { setup, apiTimings, firstRows, scrollToEnd };
