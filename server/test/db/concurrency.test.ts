import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { assignExam, bookSeat, contend, createStockFixture, type ContentionResult, type StockFixture } from '../support/fixtures.js';
import { contendInProcesses } from '../support/processes.js';
import { closeAll, freshDb, testProvider } from '../support/db.js';

let db: Db;
let url: string;

beforeAll(async () => {
  const handle = await freshDb();
  db = handle.db;
  url = handle.url;
});
afterAll(() => closeAll());

function total(results: ContentionResult[]): ContentionResult {
  return results.reduce((a, r) => ({ ok: a.ok + r.ok, refused: a.refused + r.refused, errors: [...a.errors, ...r.errors] }), { ok: 0, refused: 0, errors: [] });
}

/** Everything a contended credit must leave as it was, or changed exactly `taken` times. */
async function expectOnlyCreditsMoved(fixture: StockFixture, taken: number): Promise<void> {
  const lot = await db.creditLot.findUniqueOrThrow({ where: { id: fixture.lotId } });
  const decoy = await db.creditLot.findUniqueOrThrow({ where: { id: fixture.decoyLotId } });
  const session = await db.examSession.findUniqueOrThrow({ where: { id: fixture.sessionId } });
  const assignments = await db.assignment.findMany({ where: { spaceId: fixture.spaceId } });
  const assigned = await db.candidate.count({ where: { spaceId: fixture.spaceId, stage: 'assigned' } });
  const untouched = await db.candidate.count({ where: { spaceId: fixture.spaceId, stage: 'none', deadline: null } });
  expect(lot.remaining).toBe(0);
  expect(decoy.remaining).toBe(decoy.quantity);
  expect(session.seatsTaken).toBe(0);
  expect(assignments).toHaveLength(taken);
  expect(new Set(assignments.map((a) => a.candidateId)).size).toBe(taken);
  expect(assignments.every((a) => a.lotId === fixture.lotId)).toBe(true);
  expect(assigned).toBe(taken);
  expect(untouched).toBe(fixture.candidateIds.length - taken);
}

async function expectOnlySeatsMoved(fixture: StockFixture, seats: number): Promise<void> {
  const session = await db.examSession.findUniqueOrThrow({ where: { id: fixture.sessionId } });
  const lot = await db.creditLot.findUniqueOrThrow({ where: { id: fixture.lotId } });
  expect(session.seatsTaken).toBe(seats);
  expect(lot.remaining).toBe(lot.quantity);
  expect(await db.candidate.count({ where: { spaceId: fixture.spaceId, stage: 'assigned' } })).toBe(seats);
  expect(await db.assignment.count({ where: { spaceId: fixture.spaceId } })).toBe(0);
}

describe(`R9 concurrent writes on ${testProvider()}`, () => {
  it('R9 50 concurrent assignments against a stock of 10: exactly 10 succeed, the stock is 0, nothing else changed', async () => {
    const fixture = await createStockFixture(db, { credits: 10, seats: 10, candidates: 50 });
    const result = await contend(
      fixture.candidateIds.map((id) => () => assignExam(db, fixture.spaceId, id)),
      'out_of_stock',
    );
    expect(result).toEqual({ ok: 10, refused: 40, errors: [] });
    await expectOnlyCreditsMoved(fixture, 10);
  });

  it('R9 the same 50 assignments from two server processes on one database: exactly 10 succeed', async () => {
    const fixture = await createStockFixture(db, { credits: 10, seats: 10, candidates: 50 });
    const halves = [fixture.candidateIds.slice(0, 25), fixture.candidateIds.slice(25)];
    const results = await contendInProcesses(url, 'credit', fixture.spaceId, fixture.lotId, halves);
    expect(total(results)).toEqual({ ok: 10, refused: 40, errors: [] });
    await expectOnlyCreditsMoved(fixture, 10);
  });

  it('R9 50 concurrent bookings of a La Poste session of 10 seats: exactly 10 get a seat, never more', async () => {
    const fixture = await createStockFixture(db, { credits: 10, seats: 10, candidates: 50 });
    const result = await contend(
      fixture.candidateIds.map((id) => () => bookSeat(db, fixture.sessionId, id)),
      'conflict',
    );
    expect(result).toEqual({ ok: 10, refused: 40, errors: [] });
    await expectOnlySeatsMoved(fixture, 10);
  });

  it('R9 the same 50 bookings from two server processes on one database: exactly 10 seats are taken', async () => {
    const fixture = await createStockFixture(db, { credits: 10, seats: 10, candidates: 50 });
    const halves = [fixture.candidateIds.slice(0, 25), fixture.candidateIds.slice(25)];
    const results = await contendInProcesses(url, 'seat', fixture.spaceId, fixture.sessionId, halves);
    expect(total(results)).toEqual({ ok: 10, refused: 40, errors: [] });
    await expectOnlySeatsMoved(fixture, 10);
  });
});
