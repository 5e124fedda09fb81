import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAll } from '../support/db.js';
import { makeApiKey, makeCandidate, makeKit, makeLot, makeSpace, type Answer, type TestKit } from './helpers.js';

/**
 * R9 — « no sequence of concurrent requests can make any stock, lot or seat
 * count go below zero or consume a credit twice »: many requests at once
 * through `app.request()` (one server, one database; SQLite or PostgreSQL).
 */
let kit: TestKit;
const EXPIRY = new Date('2027-01-31T22:59:59.999Z');

beforeAll(async () => {
  kit = await makeKit();
});
afterAll(() => closeAll());

async function arena(input: { examType: string; credits: number; candidates: number }) {
  const space = await makeSpace(kit.db, 'Démo');
  const key = (await makeApiKey(kit.db, { spaceId: space.id })).secret;
  const { lot } = await makeLot(kit.db, space.id, { examType: input.examType, quantity: input.credits, expiresAt: EXPIRY });
  const { lot: decoy } = await makeLot(kit.db, space.id, { examType: 'demo-remote', quantity: 7, expiresAt: EXPIRY });
  const candidates = [];
  for (let i = 0; i < input.candidates; i += 1) candidates.push(await makeCandidate(kit.db, space.id, { lastName: `Candidat${String(i).padStart(2, '0')}` }));
  return { space, key, lot, decoy, candidates };
}

const statuses = (answers: Answer[]) => {
  const count: Record<string, number> = {};
  for (const a of answers) {
    const k = a.status === 201 || a.status === 200 ? String(a.status) : `${a.status} ${a.json?.code}`;
    count[k] = (count[k] ?? 0) + 1;
  }
  return count;
};

const remaining = async (lotId: string) => (await kit.db.creditLot.findUniqueOrThrow({ where: { id: lotId } })).remaining;

describe('R9 concurrent assignments', () => {
  it('R9 50 concurrent assignments against a stock of 10: exactly 10 succeed, 40 are out_of_stock, stock 0, nothing else changed', async () => {
    const { space, key, lot, decoy, candidates } = await arena({ examType: 'blank-remote', credits: 10, candidates: 50 });
    const answers = await Promise.all(
      candidates.map((c) => kit.call('POST', `/candidates/${c.id}/assignment`, { bearer: key, body: { examType: 'blank-remote' } })),
    );
    expect(statuses(answers)).toEqual({ '201': 10, '409 out_of_stock': 40 });
    expect(await remaining(lot.id)).toBe(0);
    expect(await remaining(decoy.id)).toBe(7);
    const winners = answers.filter((a) => a.status === 201).map((a) => a.json.candidateId as string);
    expect(new Set(winners).size).toBe(10);
    expect(await kit.db.assignment.count({ where: { spaceId: space.id } })).toBe(10);
    const assigned = await kit.db.candidate.findMany({ where: { spaceId: space.id, stage: 'assigned' }, select: { id: true } });
    expect(assigned.map((c) => c.id).sort()).toEqual([...winners].sort());
    expect(await kit.db.candidate.count({ where: { spaceId: space.id, stage: 'none' } })).toBe(40);
    const stock = await kit.call('GET', '/stock', { bearer: key });
    expect(stock.json.byType.find((t: { examType: string }) => t.examType === 'blank-remote')?.remaining ?? 0).toBe(0);
  });

  it('R9 50 concurrent assignments to a La Poste session of 10 seats: exactly 10 seats taken, 40 conflicts, 10 credits consumed', async () => {
    const { space, key, lot, candidates } = await arena({ examType: 'official-laposte', credits: 50, candidates: 50 });
    const session = await kit.db.examSession.create({
      data: { city: 'LYON', postcode: '69003', centreName: 'Centre La Poste - Lyon', address: '3, rue du Dauphiné', startsAt: new Date('2026-05-20T07:00:00.000Z'), seats: 10 },
    });
    const answers = await Promise.all(
      candidates.map((c) =>
        kit.call('POST', `/candidates/${c.id}/assignment`, { bearer: key, body: { examType: 'official-laposte', sessionId: session.id } }),
      ),
    );
    expect(statuses(answers)).toEqual({ '201': 10, '409 conflict': 40 });
    expect((await kit.db.examSession.findUniqueOrThrow({ where: { id: session.id } })).seatsTaken).toBe(10);
    expect(await remaining(lot.id)).toBe(40);
    expect(await kit.db.assignment.count({ where: { spaceId: space.id } })).toBe(10);
  });

  it('R9 ten concurrent assignments for one candidate: one exam, one credit, nine assignment_exists', async () => {
    const { space, key, lot, candidates } = await arena({ examType: 'blank-remote', credits: 10, candidates: 1 });
    const target = candidates[0]!;
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => kit.call('POST', `/candidates/${target.id}/assignment`, { bearer: key, body: { examType: 'blank-remote' } })),
    );
    expect(statuses(answers)).toEqual({ '201': 1, '409 assignment_exists': 9 });
    expect(await remaining(lot.id)).toBe(9);
    expect(await kit.db.assignment.count({ where: { spaceId: space.id } })).toBe(1);
  });

  it('R9 concurrent bulk assignments of 4 candidates each against a stock of 10: two succeed whole, the others change nothing', async () => {
    const { space, key, lot, candidates } = await arena({ examType: 'blank-remote', credits: 10, candidates: 20 });
    const batches = Array.from({ length: 5 }, (_, i) => candidates.slice(i * 4, i * 4 + 4).map((c) => c.id));
    const answers = await Promise.all(
      batches.map((candidateIds) => kit.call('POST', '/assignments/bulk', { bearer: key, body: { candidateIds, examType: 'blank-remote' } })),
    );
    expect(statuses(answers)).toEqual({ '201': 2, '409 out_of_stock': 3 });
    for (const refused of answers.filter((a) => a.status === 409)) expect(refused.json).toMatchObject({ needed: 4, available: 2 });
    expect(await remaining(lot.id)).toBe(2);
    expect(await kit.db.assignment.count({ where: { spaceId: space.id } })).toBe(8);
    const assigned = new Set((await kit.db.candidate.findMany({ where: { spaceId: space.id, stage: 'assigned' } })).map((c) => c.id));
    const wholeBatches = batches.filter((ids) => ids.every((id) => assigned.has(id)));
    expect(wholeBatches).toHaveLength(2);
  });

  it('R9 concurrent removals of one assignment give its credit back once', async () => {
    const { key, lot, candidates } = await arena({ examType: 'blank-remote', credits: 3, candidates: 1 });
    const target = candidates[0]!;
    await kit.call('POST', `/candidates/${target.id}/assignment`, { bearer: key, body: { examType: 'blank-remote' } });
    const answers = await Promise.all(Array.from({ length: 6 }, () => kit.call('DELETE', `/candidates/${target.id}/assignment`, { bearer: key })));
    expect(answers.filter((a) => a.status === 204)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 404)).toHaveLength(5);
    expect(await remaining(lot.id)).toBe(3);
  });
});
