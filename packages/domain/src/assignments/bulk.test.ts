import { describe, expect, it } from 'vitest';
import { planBulkAssign, planBulkRemove, type BulkAssignInput, type BulkCandidate } from './bulk.js';
import { caught } from './errors.test-helpers.js';
import { aLot, aSession, anAssignment, examType, sequentialCodes } from './fixtures.js';

const now = new Date('2024-07-10T10:00:00Z');
const may = '2025-05-31T21:59:59.999Z';
const june = '2025-06-30T21:59:59.999Z';
const past = '2024-07-09T21:59:59.999Z';

const free = (id: string): BulkCandidate => ({ id, current: null });
const scheduled = (id: string): BulkCandidate => ({
  id,
  current: anAssignment({ id: `a-${id}`, candidateId: id, lotId: 'lot-may', deadline: june }),
});

function input(extra: Partial<BulkAssignInput>): BulkAssignInput {
  return {
    candidates: [free('c1'), free('c2'), free('c3')],
    examType: examType('blank-remote'),
    lots: [aLot({ id: 'lot-june', remaining: 5, expiresAt: june }), aLot({ id: 'lot-may', remaining: 2, expiresAt: may })],
    now,
    newActivationCode: sequentialCodes(),
    ...extra,
  };
}

describe('R8 bulk assignment (« Gérer les certifications »)', () => {
  it('R8 assigns every selected candidate, the first ones getting the soonest-expiring credits', () => {
    const plan = planBulkAssign(input({}));
    expect(plan.consume).toEqual([
      { lotId: 'lot-may', count: 2 },
      { lotId: 'lot-june', count: 1 },
    ]);
    expect(plan.assignments.map((a) => [a.candidateId, a.lotId, a.deadline])).toEqual([
      ['c1', 'lot-may', may],
      ['c2', 'lot-may', may],
      ['c3', 'lot-june', june],
    ]);
    expect(plan.takeSeats).toBeNull();
  });

  it('R8 R15 gives each candidate of a supervised exam their own activation code', () => {
    const lots = [aLot({ id: 'lot-on', examType: 'official-onsite', remaining: 3 })];
    const repeating = ['AAA', 'AAA', 'BBB', 'AAA', 'CCC'];
    const plan = planBulkAssign(input({ examType: examType('official-onsite'), scheduledAt: '2024-07-20', lots, newActivationCode: () => repeating.shift() ?? 'ZZZ' }));
    expect(plan.assignments.map((a) => a.activationCode)).toEqual(['AAA', 'BBB', 'CCC']);
    expect(plan.assignments.every((a) => a.deadline === '2024-07-20T21:59:59.999Z')).toBe(true);
  });

  it('R8 refuses the whole selection when some candidates already have an exam not yet taken, naming them', () => {
    const error = caught(() => planBulkAssign(input({ candidates: [free('c1'), scheduled('c2'), scheduled('c3')] })));
    expect(error.code).toBe('not_eligible');
    expect(error.details.candidateIds).toEqual(['c2', 'c3']);
    expect(error.message).toBe('2 candidats ont déjà un examen attribué non passé.');
  });

  it('R8 R19 candidates whose exam expired or was taken can be assigned again', () => {
    const expired = { id: 'c1', current: anAssignment({ id: 'a1', candidateId: 'c1', deadline: past }) };
    const taken = { id: 'c2', current: anAssignment({ id: 'a2', candidateId: 'c2', takenAt: '2024-07-01T08:00:00.000Z' }) };
    expect(planBulkAssign(input({ candidates: [expired, taken] })).assignments).toHaveLength(2);
  });

  it('R8 refuses a selection that needs more credits than the stock holds: « 12 certifications nécessaires, 10 disponibles »', () => {
    const candidates = Array.from({ length: 12 }, (_, i) => free(`c${i}`));
    const lots = [aLot({ id: 'a', remaining: 4 }), aLot({ id: 'b', remaining: 6 })];
    const error = caught(() => planBulkAssign(input({ candidates, lots })));
    expect(error.code).toBe('out_of_stock');
    expect(error.details).toMatchObject({ needed: 12, available: 10 });
    expect(error.message).toContain('12 certifications nécessaires, 10 disponibles');
  });

  it('R8 counts a candidate selected twice once', () => {
    const plan = planBulkAssign(input({ candidates: [free('c1'), free('c1'), free('c2')] }));
    expect(plan.assignments.map((a) => a.candidateId)).toEqual(['c1', 'c2']);
  });

  it('R8 refuses an empty selection', () => {
    const error = caught(() => planBulkAssign(input({ candidates: [] })));
    expect(error.code).toBe('validation_failed');
    expect(error.details.errors).toEqual([{ path: 'candidateIds', message: 'Sélectionnez au moins un candidat.' }]);
  });

  it.each([
    // seats, taken, candidates, accepted
    [10, 7, 3, true],
    [10, 8, 3, false],
    [3, 0, 3, true],
    [3, 0, 4, false],
  ])('R8 a La Poste session of %i seats with %i taken seats %i candidates: %s', (seats, seatsTaken, n, accepted) => {
    const session = aSession({ id: 's-gre', startsAt: '2024-09-17T07:00:00.000Z', seats, seatsTaken });
    const candidates = Array.from({ length: n }, (_, i) => free(`c${i}`));
    const lots = [aLot({ id: 'lot-lp', examType: 'official-laposte', remaining: 20 })];
    const run = () => planBulkAssign(input({ examType: examType('official-laposte'), session, candidates, lots }));
    if (accepted) {
      expect(run().takeSeats).toEqual({ sessionId: 's-gre', count: n });
    } else {
      const error = caught(run);
      expect(error.code).toBe('conflict');
      expect(error.details).toMatchObject({ needed: n, available: seats - seatsTaken });
      expect(error.message).toBe(`${n} places nécessaires, ${seats - seatsTaken} disponibles dans la session du 17/09/2024 à GRENOBLE.`);
    }
  });
});

describe('R8 bulk removal (« Supprimer des attributions »)', () => {
  const lots = [aLot({ id: 'lot-may', remaining: 0, expiresAt: may }), aLot({ id: 'lot-old', remaining: 0, expiresAt: past })];

  it('R8 R7 removes every selected exam, returning credits per lot and freeing seats per session', () => {
    const candidates: BulkCandidate[] = [
      { id: 'c1', current: anAssignment({ id: 'a1', candidateId: 'c1', lotId: 'lot-may', deadline: june, sessionId: 's-gre' }) },
      { id: 'c2', current: anAssignment({ id: 'a2', candidateId: 'c2', lotId: 'lot-may', deadline: june, sessionId: 's-gre' }) },
      { id: 'c3', current: anAssignment({ id: 'a3', candidateId: 'c3', lotId: 'lot-may', deadline: past }) }, // « Expirée »
      { id: 'c4', current: anAssignment({ id: 'a4', candidateId: 'c4', lotId: 'lot-old', deadline: june }) },
    ];
    const plan = planBulkRemove({ candidates, lots, now });
    expect(plan.releases.map((r) => [r.assignmentId, r.returnCredit])).toEqual([
      ['a1', true],
      ['a2', true],
      ['a3', false],
      ['a4', false],
    ]);
    expect(plan.returnCredits).toEqual([{ lotId: 'lot-may', count: 2 }]);
    expect(plan.releaseSeats).toEqual([{ sessionId: 's-gre', count: 2 }]);
  });

  it('R8 refuses the whole selection when some candidates have no exam to remove, naming them', () => {
    const candidates: BulkCandidate[] = [
      { id: 'c1', current: anAssignment({ id: 'a1', candidateId: 'c1', lotId: 'lot-may', deadline: june }) },
      { id: 'c2', current: null },
      { id: 'c3', current: anAssignment({ id: 'a3', candidateId: 'c3', lotId: 'lot-may', takenAt: '2024-07-01T08:00:00.000Z' }) },
    ];
    const error = caught(() => planBulkRemove({ candidates, lots, now }));
    expect(error.code).toBe('not_eligible');
    expect(error.details.candidateIds).toEqual(['c2', 'c3']);
    expect(error.message).toBe("2 candidats n'ont pas d'examen attribué non passé à supprimer.");
  });
});
