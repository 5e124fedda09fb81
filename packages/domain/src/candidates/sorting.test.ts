import { describe, expect, it } from 'vitest';
import { sortCandidateRows } from './sorting.js';
import type { CandidateRow } from './schemas.js';
import type { CandidateSort } from '../schemas/candidates.js';

const row = (id: string, over: Partial<CandidateRow>): CandidateRow => ({
  id,
  civility: 'm',
  lastName: 'Martin',
  firstName: 'Paul',
  email: `${id}@exemple.fr`,
  groups: [],
  lastLoginAt: null,
  status: 'to_assign',
  validation: null,
  score: null,
  examType: null,
  date: null,
  ...over,
});

const rows = [
  row('a', { lastName: 'Émond', email: 'zoe@exemple.fr', score: 490, status: 'taken', validation: 'validated', date: '2019-11-18T09:00:00Z' }),
  row('b', { lastName: 'dupont', email: 'alain@exemple.fr', score: null, status: 'scheduled', date: '2026-09-15' }),
  row('c', { lastName: 'Lefèvre-Dubois', email: 'marc@exemple.fr', score: 942, status: 'taken', validation: 'pending', lastLoginAt: '2019-11-22T03:44:00Z', date: '2018-05-30T08:00:00Z' }),
  row('d', { lastName: "N'Diaye", email: 'bea@exemple.fr', score: 119, status: 'expired', date: null }),
];

describe('candidates table order (§6.1: « cliquez sur le nom d’une colonne »)', () => {
  it.each<[CandidateSort, string[]]>([
    ['name', ['b', 'a', 'c', 'd']],
    ['-name', ['d', 'c', 'a', 'b']],
    ['email', ['b', 'd', 'c', 'a']],
    ['score', ['d', 'a', 'c', 'b']],
    ['-score', ['c', 'a', 'd', 'b']],
    ['date', ['c', 'a', 'b', 'd']],
    ['-date', ['b', 'a', 'c', 'd']],
    ['status', ['b', 'd', 'a', 'c']],
    ['validation', ['a', 'c', 'b', 'd']],
    ['lastLoginAt', ['c', 'b', 'a', 'd']],
    ['-lastLoginAt', ['c', 'b', 'a', 'd']],
  ])('sorted by %s: %j (accents ignored, empty cells last)', (sort, ids) => {
    expect(sortCandidateRows(rows, sort).map((r) => r.id)).toEqual(ids);
  });

  it('breaks ties by first name then id, so paging is stable', () => {
    const twins = [row('z', { firstName: 'Paul' }), row('y', { firstName: 'Anne' }), row('x', { firstName: 'Paul' })];
    expect(sortCandidateRows(twins, 'name').map((r) => r.id)).toEqual(['y', 'x', 'z']);
  });

  it('leaves the given array as it was', () => {
    const copy = [...rows];
    sortCandidateRows(rows, '-name');
    expect(rows).toEqual(copy);
  });
});
