import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAll } from '../support/db.js';
import { makeApiKey, makeCandidate, makeKit, makeLot, spaceWithAdmin, type TestKit } from './helpers.js';

/**
 * Tenant isolation of the assignment, code and attempt routes: « Démo » and
 * « Autre » each hold a candidate with an exam, a code and a result. Every
 * route that takes an id answers 404 for the other space's (never 403), and
 * changes nothing there; no list shows the other space's rows.
 */
let kit: TestKit;
const LATE = new Date('2027-01-31T22:59:59.999Z');

interface Side {
  cookie: string;
  key: string;
  spaceId: string;
  lotId: string;
  /** Holds a live activation code (official-onsite). */
  withCode: string;
  /** Has taken an exam (a scored attempt). */
  withResult: string;
  /** Has nothing. */
  free: string;
}
const demo = {} as Side;
const autre = {} as Side;

beforeAll(async () => {
  kit = await makeKit();
  const integration = (await makeApiKey(kit.db, { kind: 'integration' })).secret;
  for (const [name, side] of [
    ['Démo', demo],
    ['Autre', autre],
  ] as const) {
    const made = await spaceWithAdmin(kit, name);
    const { lot } = await makeLot(kit.db, made.space.id, { examType: 'official-onsite', quantity: 10, expiresAt: LATE });
    await makeLot(kit.db, made.space.id, { examType: 'blank-remote', quantity: 10, expiresAt: LATE });
    const withCode = await makeCandidate(kit.db, made.space.id, { lastName: `Code ${name}` });
    const withResult = await makeCandidate(kit.db, made.space.id, { lastName: `Résultat ${name}` });
    const free = await makeCandidate(kit.db, made.space.id, { lastName: `Libre ${name}` });
    const coded = await kit.call('POST', `/candidates/${withCode.id}/assignment`, {
      cookie: made.cookie,
      body: { examType: 'official-onsite', scheduledAt: '2026-03-20' },
    });
    expect(coded.status).toBe(201);
    const remote = await kit.call('POST', `/candidates/${withResult.id}/assignment`, { cookie: made.cookie, body: { examType: 'blank-remote' } });
    const started = await kit.call('POST', '/integration/attempts', { bearer: integration, body: { assignmentId: remote.json.id } });
    await kit.call('POST', `/integration/attempts/${started.json.attemptId}/score`, {
      bearer: integration,
      body: { score: 555, takenAt: '2026-03-10T08:00:00Z' },
    });
    Object.assign(side, {
      cookie: made.cookie,
      key: (await makeApiKey(kit.db, { spaceId: made.space.id })).secret,
      spaceId: made.space.id,
      lotId: lot.id,
      withCode: withCode.id,
      withResult: withResult.id,
      free: free.id,
    });
  }
});
afterAll(() => closeAll());

async function snapshot(side: Side) {
  const [assignments, lots, candidates] = await Promise.all([
    kit.db.assignment.findMany({ where: { spaceId: side.spaceId }, orderBy: { id: 'asc' } }),
    kit.db.creditLot.findMany({ where: { spaceId: side.spaceId }, orderBy: { id: 'asc' }, select: { id: true, remaining: true } }),
    kit.db.candidate.findMany({ where: { spaceId: side.spaceId }, orderBy: { id: 'asc' }, select: { id: true, stage: true, deadline: true } }),
  ]);
  return { assignments, lots, candidates };
}

describe.each([
  ['a session', () => ({ cookie: demo.cookie })],
  ['an API key', () => ({ bearer: demo.key })],
])('tenant isolation of assignments, codes and attempts, called with %s of « Démo »', (_label, auth) => {
  const routes: [method: string, route: string, path: () => string, body: (() => unknown) | null][] = [
    ['POST', '/candidates/:id/assignment', () => `/candidates/${autre.free}/assignment`, () => ({ examType: 'blank-remote' })],
    ['PUT', '/candidates/:id/assignment', () => `/candidates/${autre.withCode}/assignment`, () => ({ examType: 'blank-remote' })],
    ['DELETE', '/candidates/:id/assignment', () => `/candidates/${autre.withCode}/assignment`, null],
    ['GET', '/candidates/:id/attempts', () => `/candidates/${autre.withResult}/attempts`, null],
    ['GET', '/activation-codes?candidateIds=', () => `/activation-codes?candidateIds=${autre.withCode}`, null],
    ['GET', '/activation-codes/export.csv?candidateIds=', () => `/activation-codes/export.csv?candidateIds=${autre.withCode}`, null],
    ['POST', '/assignments/bulk', () => '/assignments/bulk', () => ({ candidateIds: [demo.free, autre.free], examType: 'blank-remote' })],
    ['POST', '/assignments/bulk-delete', () => '/assignments/bulk-delete', () => ({ candidateIds: [autre.withCode] })],
  ];
  it.each(routes)('%s %s with the other space’s candidate answers 404 and changes nothing there', async (method, _route, path, body) => {
    const before = [await snapshot(autre), await snapshot(demo)];
    const res = await kit.call(method, path(), { ...auth(), ...(body ? { body: body() } : {}) });
    expect(res.status).toBe(404);
    expect(res.json.code).toBe('not_found');
    expect([await snapshot(autre), await snapshot(demo)]).toEqual(before);
  });

  it('the eligible lists never show the other space’s candidates', async () => {
    const assign = await kit.call('GET', '/assignments/eligible?action=assign', auth());
    expect(assign.json.data.map((r: { id: string }) => r.id).sort()).toEqual([demo.free, demo.withResult].sort());
    const remove = await kit.call('GET', '/assignments/eligible?action=remove', auth());
    expect(remove.json.data.map((r: { id: string }) => r.id)).toEqual([demo.withCode]);
  });

  it('the activation codes never show the other space’s codes', async () => {
    const codes = await kit.call('GET', '/activation-codes', auth());
    expect(codes.json.data.map((r: { candidateId: string }) => r.candidateId)).toEqual([demo.withCode]);
    const holders = await kit.call('GET', '/activation-codes/candidates', auth());
    expect(holders.json.data.map((r: { id: string }) => r.id)).toEqual([demo.withCode]);
  });

  it('its own candidates’ attempts and codes are found', async () => {
    expect((await kit.call('GET', `/candidates/${demo.withResult}/attempts`, auth())).json.total).toBe(1);
    expect((await kit.call('GET', `/activation-codes?candidateIds=${demo.withCode}`, auth())).json.total).toBe(1);
  });

  it('a space named in the request is ignored: the space comes from the session or key', async () => {
    const res = await kit.call('GET', `/activation-codes?spaceId=${autre.spaceId}`, { ...auth(), headers: { 'x-space-id': autre.spaceId } });
    expect(res.json.data.map((r: { candidateId: string }) => r.candidateId)).toEqual([demo.withCode]);
  });
});
