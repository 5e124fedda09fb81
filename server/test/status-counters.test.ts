import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statusFromStage, type StatusCounts } from '@clr/domain';
import type { Db } from '../src/db/client.js';
import { countByStatus, spaceStatusCounts } from '../src/services/candidate-counts.js';
import { candidateBody } from './api/candidates.support.js';
import { makeApiKey, makeCandidate, makeKit, makeLot, spaceWithAdmin, type TestKit } from './api/helpers.js';
import { closeAll, testProvider } from './support/db.js';
import { searchIndexDrift } from './support/search-index.js';

/**
 * The counts per status of §6.1 and of the dashboard come from
 * `CandidateStatusCount`, kept by database triggers on `Candidate`. After every
 * kind of write the API offers, the counters must equal a count of the
 * candidates themselves (brute force, the domain's R19 status at the clock's
 * time), with and without the hidden candidates (R12).
 */
let kit: TestKit;
let integration: string;
const START = '2026-03-10T09:00:00.000Z';
const LATE = new Date('2027-01-31T22:59:59.999Z');

beforeAll(async () => {
  kit = await makeKit();
  kit.clock.set(START);
  integration = (await makeApiKey(kit.db, { kind: 'integration' })).secret;
});
afterAll(() => closeAll());

/** Every candidate of the space read and counted by the domain's status. */
async function bruteForce(db: Db, spaceId: string, now: Date, includeHidden: boolean): Promise<StatusCounts> {
  const rows = await db.candidate.findMany({ where: { spaceId }, select: { stage: true, deadline: true, inHiddenGroup: true } });
  const counts: StatusCounts = { to_assign: 0, scheduled: 0, expired: 0, taken: 0 };
  for (const row of rows) {
    if (row.inHiddenGroup && !includeHidden) continue;
    const stage = { stage: row.stage as 'none' | 'assigned' | 'taken', deadline: row.deadline?.toISOString() ?? null };
    counts[statusFromStage(stage, now)] += 1;
  }
  return counts;
}

/** The counter rows of a space against a GROUP BY of its candidates (zero rows may stay behind). */
async function counterRows(db: Db, spaceId: string) {
  const [counters, grouped] = await Promise.all([
    db.candidateStatusCount.findMany({ where: { spaceId } }),
    db.candidate.groupBy({ by: ['inHiddenGroup', 'stage'], where: { spaceId }, _count: { _all: true } }),
  ]);
  const key = (hidden: boolean, stage: string) => `${hidden ? 'hidden' : 'visible'}:${stage}`;
  return {
    counters: Object.fromEntries(counters.filter((c) => c.count !== 0).map((c) => [key(c.inHiddenGroup, c.stage), c.count])),
    grouped: Object.fromEntries(grouped.map((g) => [key(g.inHiddenGroup, g.stage), g._count._all])),
  };
}

interface Space {
  spaceId: string;
  key: string;
}

/** The counters, the counts the list and the dashboard show, and the brute-force count agree. */
async function expectExact(space: Space, step: string) {
  const now = kit.clock.now();
  const rows = await counterRows(kit.db, space.spaceId);
  expect(rows.counters, `${step}: counter rows`).toEqual(rows.grouped);
  for (const includeHidden of [false, true]) {
    const expected = await bruteForce(kit.db, space.spaceId, now, includeHidden);
    expect(await spaceStatusCounts(kit.db, space.spaceId, now, includeHidden), `${step}: counters, includeHidden=${includeHidden}`).toEqual(expected);
    expect(await countByStatus(kit.db, space.spaceId, now, { includeHidden }), `${step}: countByStatus`).toEqual(expected);
    const list = await kit.call('GET', `/candidates?limit=1${includeHidden ? '&includeHidden=true' : ''}`, { bearer: space.key });
    expect(list.status).toBe(200);
    expect(list.json.counts, `${step}: GET /candidates counts, includeHidden=${includeHidden}`).toEqual(expected);
  }
  // SQLite: the search index's copy of every list column follows the same writes.
  if (testProvider() === 'sqlite') expect(await searchIndexDrift(kit.db), `${step}: search index`).toEqual({ stale: 0, missing: 0 });
}

async function ok<T extends { status: number; text: string }>(res: T, ...expected: number[]): Promise<T> {
  if (!expected.includes(res.status)) throw new Error(`unexpected ${res.status}: ${res.text}`);
  return res;
}

describe(`the counts per status kept by triggers (${testProvider()})`, () => {
  it('R19 R12 equal a count of the candidates after every kind of write: create, assign, modify, remove, bulk, bulk delete, hide and show a group, attempts arriving, delete, and the clock passing a deadline', async () => {
    const made = await spaceWithAdmin(kit, 'Compteurs');
    const space: Space = { spaceId: made.space.id, key: (await makeApiKey(kit.db, { spaceId: made.space.id })).secret };
    const call = (method: string, path: string, body?: unknown) =>
      kit.call(method, path, { bearer: space.key, ...(body === undefined ? {} : { body }) });
    // Another space's writes never move this space's counters (and the other way round).
    const other = await spaceWithAdmin(kit, 'Voisin');
    const otherSpace: Space = { spaceId: other.space.id, key: (await makeApiKey(kit.db, { spaceId: other.space.id })).secret };
    await makeCandidate(kit.db, other.space.id, { lastName: 'Voisin', firstName: 'Paul' });
    for (const examType of ['blank-remote', 'official-onsite']) {
      await makeLot(kit.db, made.space.id, { examType, quantity: 40, expiresAt: LATE });
    }
    await expectExact(space, 'empty space');

    const ids: string[] = [];
    for (let i = 0; i < 12; i += 1) {
      const res = await ok(await call('POST', '/candidates', candidateBody({ email: `compteur.${i}@exemple.test` })), 201);
      ids.push(res.json.id as string);
    }
    await expectExact(space, 'created');

    const [a, b, c, d, e, f, g, h, i2, j, k, l] = ids as [string, ...string[]] & { length: 12 };
    await ok(await call('POST', `/candidates/${a}/assignment`, { examType: 'blank-remote' }), 201);
    await ok(await call('POST', `/candidates/${b}/assignment`, { examType: 'official-onsite', scheduledAt: '2026-03-12' }), 201);
    await ok(await call('POST', `/candidates/${c}/assignment`, { examType: 'official-onsite', scheduledAt: '2026-03-20' }), 201);
    await expectExact(space, 'assigned one by one');

    await ok(await call('PUT', `/candidates/${a}/assignment`, { examType: 'official-onsite', scheduledAt: '2026-03-11' }), 200, 201);
    await expectExact(space, 'modified');

    await ok(await call('DELETE', `/candidates/${c}/assignment`), 200, 204);
    await expectExact(space, 'removed');

    await ok(await call('POST', '/assignments/bulk', { candidateIds: [d, e, f, g], examType: 'blank-remote' }), 201);
    await expectExact(space, 'bulk assigned');
    await ok(await call('POST', '/assignments/bulk-delete', { candidateIds: [f, g] }), 200, 204);
    await expectExact(space, 'bulk deleted');

    // Attempts arriving from the exam platform: started (taken), then scored.
    const assignment = await kit.db.assignment.findFirstOrThrow({ where: { candidateId: d, state: 'active' } });
    const started = await ok(await kit.call('POST', '/integration/attempts', { bearer: integration, body: { assignmentId: assignment.id } }), 201);
    await expectExact(space, 'attempt started');
    await ok(
      await kit.call('POST', `/integration/attempts/${started.json.attemptId}/score`, { bearer: integration, body: { score: 640, takenAt: START } }),
      200,
    );
    await expectExact(space, 'attempt scored');

    // Groups: members of a hidden group leave the visible counts (R12) and come back.
    const group = await ok(await call('POST', '/groups', { name: 'Cachés', category: 'other' }), 201);
    await ok(await call('POST', `/groups/${group.json.id}/members`, { candidateIds: [a, b, h] }), 200);
    await ok(await call('PATCH', `/groups/${group.json.id}`, { hidden: true }), 200);
    await expectExact(space, 'group hidden');
    await ok(await call('POST', `/groups/${group.json.id}/members`, { candidateIds: [i2] }), 200);
    await ok(await call('DELETE', `/groups/${group.json.id}/members/${a}`), 200, 204);
    await expectExact(space, 'members of a hidden group added and removed');
    await ok(await call('PATCH', `/groups/${group.json.id}`, { hidden: false }), 200);
    await expectExact(space, 'group shown');
    await ok(await call('PATCH', `/groups/${group.json.id}`, { hidden: true }), 200);
    await ok(await call('DELETE', `/groups/${group.json.id}`), 200, 204);
    await expectExact(space, 'hidden group deleted');

    await ok(await call('DELETE', `/candidates/${j}`), 204);
    await ok(await call('DELETE', `/candidates/${k}`), 204);
    await expectExact(space, 'candidates deleted');

    // R19: no write at all, the clock passes deadlines: scheduled becomes expired.
    kit.clock.set('2026-03-13T09:00:00.000Z');
    await expectExact(space, 'after the 12th');
    kit.clock.set('2026-04-01T09:00:00.000Z');
    await expectExact(space, 'after the 20th');
    // An expired exam is assigned again (R19: its credit is spent).
    await ok(await call('POST', `/candidates/${b}/assignment`, { examType: 'blank-remote' }), 201);
    await ok(await call('POST', `/candidates/${l}/assignment`, { examType: 'blank-remote' }), 201);
    await expectExact(space, 'assigned again after expiry');
    await expectExact(otherSpace, 'the other space');
    expect(await spaceStatusCounts(kit.db, other.space.id, kit.clock.now())).toEqual({ to_assign: 1, scheduled: 0, expired: 0, taken: 0 });
    kit.clock.set(START);
  });

  it('stay exact under concurrent assignments and removals (each counter change commits or rolls back with its write)', async () => {
    const made = await spaceWithAdmin(kit, 'Concurrence');
    const space: Space = { spaceId: made.space.id, key: (await makeApiKey(kit.db, { spaceId: made.space.id })).secret };
    // 30 candidates for 20 credits: some assignments must fail (out of stock) and roll back.
    await makeLot(kit.db, made.space.id, { examType: 'blank-remote', quantity: 20, expiresAt: LATE });
    const people = [];
    for (let i = 0; i < 30; i += 1) people.push(await makeCandidate(kit.db, made.space.id, { lastName: `Parallèle${i}`, firstName: 'Léa' }));
    const answers = await Promise.all(
      people.map((p) => kit.call('POST', `/candidates/${p.id}/assignment`, { bearer: space.key, body: { examType: 'blank-remote' } })),
    );
    expect(answers.filter((r) => r.status === 201)).toHaveLength(20);
    await expectExact(space, 'concurrent assignments');
    const assigned = people.filter((_, i) => answers[i]!.status === 201);
    await Promise.all([
      ...assigned.slice(0, 10).map((p) => kit.call('DELETE', `/candidates/${p.id}/assignment`, { bearer: space.key })),
      ...people
        .filter((_, i) => answers[i]!.status !== 201)
        .map((p) => kit.call('POST', `/candidates/${p.id}/assignment`, { bearer: space.key, body: { examType: 'blank-remote' } })),
    ]);
    await expectExact(space, 'concurrent removals and assignments');
  });
});
