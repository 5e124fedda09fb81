/**
 * `npm run bench -w @clr/mocks`: how fast the mocks build and serve a large
 * space — `generateCandidates(100_000)`, `createStore`, then the candidates
 * list through MSW and `fetch` (first page, each sort's first page, a status
 * filter, a search, a group filter, a deep cursor). Prints figures; asserts
 * nothing.
 */
import { createMockServer, DEMO_LOGINS, generateCandidates } from '../src/node.js';

const COUNT = Number(process.env.CLR_BENCH_CANDIDATES ?? 100_000);

function ms(since: number): string {
  return `${(performance.now() - since).toFixed(0)} ms`;
}

let t = performance.now();
const state = generateCandidates(COUNT);
console.log(`generateCandidates(${COUNT}): ${ms(t)} (${state.assignments.length} assignments, ${state.attempts.length} attempts, ${state.groups.length} groups)`);

t = performance.now();
const mocks = createMockServer({ state });
console.log(`createMockServer: ${ms(t)}`);
mocks.listen({ onUnhandledRequest: 'error' });

const login = await fetch(`${mocks.baseUrl}/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(DEMO_LOGINS.demo),
});
const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

async function get(path: string): Promise<{ ms: number; body: { total?: number; nextCursor?: string | null } }> {
  const start = performance.now();
  const res = await fetch(`${mocks.baseUrl}${path}`, { headers: { cookie } });
  const body = (await res.json()) as { total?: number; nextCursor?: string | null };
  if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
  return { ms: performance.now() - start, body };
}

async function measure(label: string, path: string, runs = 5): Promise<void> {
  const first = await get(path);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await get(path)).ms);
  times.sort((a, b) => a - b);
  console.log(`${label.padEnd(34)} first ${first.ms.toFixed(0).padStart(6)} ms · then p50 ${times[Math.floor(runs / 2)]!.toFixed(1).padStart(6)} ms · total ${first.body.total}`);
}

const groupId = state.groups[0]?.id ?? '';
await measure('GET /candidates (name)', '/candidates?limit=50');
for (const sort of ['-name', 'email', 'status', 'validation', '-score', 'date', 'lastLoginAt']) await measure(`GET /candidates?sort=${sort}`, `/candidates?sort=${sort}&limit=50`);
await measure('GET /candidates?status=scheduled', '/candidates?status=scheduled&limit=50');
await measure('GET /candidates?q=martin', '/candidates?q=martin&limit=50');
await measure('GET /candidates?groupId=…', `/candidates?groupId=${groupId}&limit=50`);
await measure('GET /dashboard', '/dashboard');

// A deep page: walk 100 pages of 200, then time the next one.
let cursor: string | null | undefined = null;
for (let i = 0; i < 100 && cursor !== undefined; i++) cursor = (await get(`/candidates?limit=200${cursor ? `&cursor=${cursor}` : ''}`)).body.nextCursor ?? undefined;
if (cursor) await measure('GET /candidates (page 101 of 200)', `/candidates?limit=200&cursor=${cursor}`);

// A write invalidates the rows: the next list computes them again.
const candidateId = state.candidates.find((c) => !state.assignments.some((a) => a.candidateId === c.id))?.id;
if (candidateId) {
  const start = performance.now();
  await fetch(`${mocks.baseUrl}/candidates/${candidateId}/assignment`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify({ examType: 'blank-remote' }),
  });
  console.log(`POST …/assignment (a write): ${ms(start)}`);
  await measure('GET /candidates after a write', '/candidates?limit=50', 3);
}
mocks.close();
