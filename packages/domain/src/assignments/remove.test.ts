import { describe, expect, it } from 'vitest';
import { caught } from './errors.test-helpers.js';
import { aLot, anAssignment } from './fixtures.js';
import { planRemove } from './remove.js';

const now = new Date('2024-07-10T10:00:00Z');
const later = '2025-01-31T22:59:59.999Z';
const expired = '2024-07-09T21:59:59.999Z';

describe('R7 remove the exam assigned to a candidate (§6.6)', () => {
  it.each([
    // case, assignment deadline, lot expiry, session, credit returned
    ['a scheduled exam gives its credit back to the stock', later, later, null, true],
    ['a La Poste exam also frees its seat', later, later, 's-gre', true],
    ['R6 an exam whose lot has expired loses its credit', later, expired, null, false],
    ['R19 an expired exam can be removed but its credit stays consumed', expired, later, null, false],
  ])('R7 %s', (_case, deadline, lotExpiry, sessionId, returned) => {
    const current = anAssignment({ id: 'a-1', lotId: 'lot-1', deadline, sessionId });
    const plan = planRemove({ current, lots: [aLot({ id: 'lot-1', remaining: 3, expiresAt: lotExpiry })], now });
    expect(plan).toEqual({
      release: { assignmentId: 'a-1', lotId: 'lot-1', returnCredit: returned, endedAs: 'removed' },
      releaseSeat: sessionId,
    });
  });

  it('R7 refuses to remove an exam already taken (conflict)', () => {
    const current = anAssignment({ id: 'a-1', lotId: 'lot-1', attemptId: 'att-1' });
    const error = caught(() => planRemove({ current, lots: [aLot({ id: 'lot-1' })], now }));
    expect(error.code).toBe('conflict');
    expect(error.message).toBe('Cet examen a déjà été passé : son attribution ne peut plus être supprimée.');
  });

  it('R7 refuses a candidate with no exam (not_found)', () => {
    expect(caught(() => planRemove({ current: null, lots: [], now })).code).toBe('not_found');
  });
});
