import { describe, expect, it } from 'vitest';
import { caught } from './errors.test-helpers.js';
import { aLot, aSession, anAssignment, examType, sequentialCodes } from './fixtures.js';
import { planModify, type ModifyInput } from './modify.js';

const now = new Date('2024-07-10T10:00:00Z');
const later = '2025-01-31T22:59:59.999Z';
const sooner = '2024-09-30T21:59:59.999Z';
const expired = '2024-07-09T21:59:59.999Z';

function input(extra: Partial<ModifyInput>): ModifyInput {
  return {
    current: anAssignment({ id: 'a-1', lotId: 'lot-1', deadline: later }),
    examType: examType('blank-remote'),
    lots: [aLot({ id: 'lot-1', remaining: 0, expiresAt: later })],
    now,
    newActivationCode: sequentialCodes(),
    ...extra,
  };
}

describe('R6 modify the exam assigned to a candidate (§6.6)', () => {
  it('R6 modifying to the same type takes back the very credit it returned, even when the stock was empty', () => {
    const plan = planModify(input({}));
    expect(plan.release).toEqual({ assignmentId: 'a-1', lotId: 'lot-1', returnCredit: true, endedAs: 'replaced' });
    expect(plan.consume).toEqual({ lotId: 'lot-1' });
  });

  it('R6 the old credit returns to its lot and the new type consumes one of its own', () => {
    const plan = planModify(
      input({
        examType: examType('official-onsite'),
        scheduledAt: '2024-07-25',
        lots: [aLot({ id: 'lot-1', remaining: 0, expiresAt: later }), aLot({ id: 'lot-on', examType: 'official-onsite', remaining: 3, expiresAt: sooner })],
      }),
    );
    expect(plan).toEqual({
      release: { assignmentId: 'a-1', lotId: 'lot-1', returnCredit: true, endedAs: 'replaced' },
      releaseSeat: null,
      consume: { lotId: 'lot-on' },
      takeSeat: null,
      assignment: {
        candidateId: 'cand-1',
        examType: 'official-onsite',
        lotId: 'lot-on',
        scheduledAt: '2024-07-25',
        sessionId: null,
        deadline: '2024-07-25T21:59:59.999Z',
        activationCode: 'CODE0001',
        takenAt: null,
        attemptId: null,
        createdAt: now.toISOString(),
      },
    });
  });

  it('R6 R4 the new credit comes from the soonest-expiring lot, not necessarily the one returned to', () => {
    const plan = planModify(input({ lots: [aLot({ id: 'lot-1', remaining: 0, expiresAt: later }), aLot({ id: 'lot-2', remaining: 1, expiresAt: sooner })] }));
    expect(plan.release.returnCredit).toBe(true);
    expect(plan.consume).toEqual({ lotId: 'lot-2' });
  });

  it('R6 a credit whose lot has expired is lost, and the new exam needs another credit', () => {
    const lots = [aLot({ id: 'lot-1', remaining: 0, expiresAt: expired })];
    const current = anAssignment({ id: 'a-1', lotId: 'lot-1', scheduledAt: '2024-07-20', deadline: '2024-07-20T21:59:59.999Z', examType: 'official-onsite' });
    const error = caught(() => planModify(input({ current, lots })));
    expect(error.code).toBe('out_of_stock');
    const plan = planModify(input({ current, lots: [...lots, aLot({ id: 'lot-2', remaining: 1 })] }));
    expect(plan.release).toEqual({ assignmentId: 'a-1', lotId: 'lot-1', returnCredit: false, endedAs: 'replaced' });
    expect(plan.consume).toEqual({ lotId: 'lot-2' });
  });

  it('R6 R19 an expired assignment can be modified, but its credit stays consumed', () => {
    const current = anAssignment({ id: 'a-1', lotId: 'lot-1', deadline: expired, scheduledAt: '2024-07-09', examType: 'official-onsite' });
    const lots = [aLot({ id: 'lot-1', remaining: 2, expiresAt: later })];
    const plan = planModify(input({ current, lots }));
    expect(plan.release.returnCredit).toBe(false);
    expect(plan.consume).toEqual({ lotId: 'lot-1' });
  });

  it('R6 refuses an exam already taken (conflict)', () => {
    const error = caught(() => planModify(input({ current: anAssignment({ id: 'a-1', takenAt: '2024-07-01T08:00:00.000Z' }) })));
    expect(error.code).toBe('conflict');
    expect(error.message).toBe('Cet examen a déjà été passé : son attribution ne peut plus être modifiée.');
  });

  it('R6 refuses a candidate who has no exam to modify (not_found)', () => {
    expect(caught(() => planModify(input({ current: null }))).code).toBe('not_found');
  });

  it('R6 releases the La Poste seat and takes the new one', () => {
    const current = anAssignment({ id: 'a-1', lotId: 'lot-1', examType: 'official-laposte', sessionId: 's-gre', scheduledAt: '2024-09-17', deadline: '2024-09-17T21:59:59.999Z' });
    const lyon = aSession({ id: 's-lyon', city: 'LYON', startsAt: '2024-09-20T07:00:00.000Z', seats: 5, seatsTaken: 4 });
    const plan = planModify(input({ current, examType: examType('official-laposte'), lots: [aLot({ id: 'lot-1', examType: 'official-laposte', remaining: 0 })], session: lyon }));
    expect(plan.releaseSeat).toBe('s-gre');
    expect(plan.takeSeat).toBe('s-lyon');
    expect(plan.assignment.scheduledAt).toBe('2024-09-20');
  });

  it('R6 keeps a seat in the same full session (its own seat is released first)', () => {
    const current = anAssignment({ id: 'a-1', lotId: 'lot-1', examType: 'official-laposte', sessionId: 's-gre', scheduledAt: '2024-09-17', deadline: '2024-09-17T21:59:59.999Z' });
    const full = aSession({ id: 's-gre', startsAt: '2024-09-17T07:00:00.000Z', seats: 5, seatsTaken: 5 });
    const plan = planModify(input({ current, examType: examType('official-laposte'), lots: [aLot({ id: 'lot-1', examType: 'official-laposte', remaining: 0 })], session: full }));
    expect([plan.releaseSeat, plan.takeSeat]).toEqual(['s-gre', 's-gre']);
  });

  it('R6 refuses another session that is full (conflict)', () => {
    const current = anAssignment({ id: 'a-1', lotId: 'lot-1', examType: 'official-laposte', sessionId: 's-gre', scheduledAt: '2024-09-17', deadline: '2024-09-17T21:59:59.999Z' });
    const full = aSession({ id: 's-lyon', startsAt: '2024-09-17T07:00:00.000Z', seats: 5, seatsTaken: 5 });
    const error = caught(() => planModify(input({ current, examType: examType('official-laposte'), lots: [aLot({ id: 'lot-1', examType: 'official-laposte', remaining: 0 })], session: full })));
    expect(error.code).toBe('conflict');
  });

  it("R6 refuses to work without the assignment's lot rather than lose its credit", () => {
    expect(() => planModify(input({ lots: [aLot({ id: 'other' })] }))).toThrow(/lot-1/);
  });
});
