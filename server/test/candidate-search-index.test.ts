import { describe, expect, it } from 'vitest';
import { CANDIDATE_SORTS, CandidateStatus } from '@clr/domain';
import { statusWhere } from '../src/services/candidate-counts.js';
import { filterWhere, keysetAfter, sortSegments } from '../src/services/candidate-list.js';
import { sideTableWhere, sqliteInstant } from '../src/services/candidate-search-index.js';

/**
 * A search or a group is listed from the narrow copy `CandidateSearchKey`
 * only when every condition of the listing translates to SQL on it; the
 * translation must cover every filter and every sort's segments and cursor,
 * or the list silently takes the slow general path.
 */
const NOW = new Date('2026-03-10T09:00:00.000Z');

describe('the listing’s filters on the narrow copy of the candidates', () => {
  it('translates every sort’s segments and their cursors', () => {
    for (const sort of CANDIDATE_SORTS) {
      for (const segment of sortSegments(sort, NOW)) {
        const key = segment.keys.map(([field]) => (field === 'latestScore' ? 617 : field === 'examDate' || field === 'lastLoginAt' ? NOW : 'martin zoe'));
        expect(sideTableWhere([segment.where, keysetAfter(segment.keys, key)]), sort).not.toBeNull();
      }
    }
  });

  it('translates every status (R19), the validation, the period and the words left to LIKE', () => {
    for (const status of CandidateStatus.options) expect(sideTableWhere([statusWhere(status, NOW)]), status).not.toBeNull();
    const where = sideTableWhere([{ inHiddenGroup: false }, ...filterWhere({ q: 'zo le', validation: 'validated', from: '2026-01-05', to: '2026-02-11' })]);
    expect(where?.text).toContain('k."latestValidation" = ?');
    expect(where?.args).toEqual([0, '%zo%', '%zo%', '%le%', '%le%', 'validated', '2026-01-04T23:00:00.000+00:00', '2026-02-11T22:59:59.999+00:00']);
  });

  it('writes « Prévue » as the listing does: assigned, deadline not passed', () => {
    expect(sideTableWhere([statusWhere('scheduled', NOW)])).toEqual({
      text: '((k."stage" = ? AND (k."deadline" >= ?)))',
      args: ['assigned', sqliteInstant(NOW)],
    });
  });

  it('answers null for what the copy cannot answer: a relation, an id list', () => {
    expect(sideTableWhere([{ memberships: { some: { groupId: 'g' } } }])).toBeNull();
    expect(sideTableWhere([{ id: { in: ['a', 'b'] } }])).toBeNull();
    expect(sideTableWhere([{ NOT: { spaceId: { not: 's' } } }])).toBeNull();
  });
});
