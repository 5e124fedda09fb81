import { describe, expect, it } from 'vitest';
import { aLot } from '../assignments/fixtures.js';
import { DomainError } from '../shared/errors.js';
import { availableCredits, expandTakes, pickLot, pickLots } from './pick.js';

const now = new Date('2024-05-10T10:00:00Z');
const may = '2024-05-31T21:59:59.999Z';
const june = '2024-06-30T21:59:59.999Z';
const july = '2024-07-31T21:59:59.999Z';
const yesterday = '2024-05-09T21:59:59.999Z';

function caught(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return e as DomainError;
  }
  throw new Error('expected a DomainError');
}

describe('R4 stock consumption', () => {
  it.each([
    ['the lot that expires soonest first', [aLot({ id: 'a', expiresAt: july }), aLot({ id: 'b', expiresAt: may }), aLot({ id: 'c', expiresAt: june })], 'b'],
    ['never an expired lot, however soon it expired', [aLot({ id: 'old', expiresAt: yesterday }), aLot({ id: 'ok', expiresAt: july })], 'ok'],
    ['never an emptied lot', [aLot({ id: 'empty', expiresAt: may, remaining: 0 }), aLot({ id: 'ok', expiresAt: june })], 'ok'],
    ['only a lot of the exam type asked for', [aLot({ id: 'other', examType: 'official-onsite', expiresAt: may }), aLot({ id: 'ok', expiresAt: july })], 'ok'],
    ['the oldest lot when two expire together', [aLot({ id: 'lot-b', expiresAt: june }), aLot({ id: 'lot-a', expiresAt: june })], 'lot-a'],
    ['the oldest numeric id when two expire together (9 before 10)', [aLot({ id: '10', expiresAt: june }), aLot({ id: '9', expiresAt: june })], '9'],
  ])('R4 consumes %s', (_case, lots, expected) => {
    expect(pickLot(lots, 'blank-remote', now).id).toBe(expected);
  });

  it('R4 still consumes a lot on the last millisecond of its expiry day', () => {
    expect(pickLot([aLot({ id: 'a', expiresAt: may })], 'blank-remote', new Date(may)).id).toBe('a');
  });

  it('R4 refuses with out_of_stock (needed 1, available 0) when the type has no credit left', () => {
    const error = caught(() =>
      pickLot([aLot({ id: 'old', expiresAt: yesterday }), aLot({ id: 'e', remaining: 0 })], 'blank-remote', now),
    );
    expect(error.code).toBe('out_of_stock');
    expect(error.details).toMatchObject({ needed: 1, available: 0, examType: 'blank-remote' });
    expect(error.message).toBe(
      'Plus aucune certification « Examen blanc - à distance » en stock : passez une commande pour en obtenir.',
    );
  });

  it('R4 R8 takes several credits FIFO across lots, emptying the soonest lot first', () => {
    const lots = [
      aLot({ id: 'july', expiresAt: july, remaining: 5 }),
      aLot({ id: 'may', expiresAt: may, remaining: 2 }),
      aLot({ id: 'june', expiresAt: june, remaining: 3 }),
    ];
    expect(pickLots(lots, 'blank-remote', 6, now)).toEqual([
      { lotId: 'may', count: 2 },
      { lotId: 'june', count: 3 },
      { lotId: 'july', count: 1 },
    ]);
    expect(expandTakes(pickLots(lots, 'blank-remote', 3, now))).toEqual(['may', 'may', 'june']);
    expect(pickLots(lots, 'blank-remote', 0, now)).toEqual([]);
  });

  it('R8 refuses a bulk that needs more than the stock, saying how many are needed and available', () => {
    const lots = [aLot({ id: 'a', remaining: 4 }), aLot({ id: 'b', remaining: 6 }), aLot({ id: 'x', remaining: 9, expiresAt: yesterday })];
    const error = caught(() => pickLots(lots, 'blank-remote', 12, now));
    expect(error.code).toBe('out_of_stock');
    expect(error.details).toMatchObject({ needed: 12, available: 10 });
    expect(error.message).toBe('12 certifications nécessaires, 10 disponibles (« Examen blanc - à distance »).');
  });

  it('R8 speaks French singular for 0 and 1', () => {
    expect(caught(() => pickLots([aLot({ id: 'a', remaining: 1 })], 'blank-remote', 2, now)).message).toBe(
      '2 certifications nécessaires, 1 disponible (« Examen blanc - à distance »).',
    );
  });

  it('R4 the stock of a type counts non-expired remaining credits only', () => {
    const lots = [
      aLot({ id: 'a', remaining: 4 }),
      aLot({ id: 'b', remaining: 6, expiresAt: yesterday }),
      aLot({ id: 'c', remaining: 2, examType: 'official-onsite' }),
    ];
    expect(availableCredits(lots, 'blank-remote', now)).toBe(4);
  });

  it('R4 refuses a count that is not a whole number', () => {
    expect(() => pickLots([], 'blank-remote', 1.5, now)).toThrow(RangeError);
  });
});
