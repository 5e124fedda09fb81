import { describe, expect, it } from 'vitest';
import { planGroupDeletion } from './deletion.js';

const memberships = [
  { groupId: 'g1', candidateId: 'c1' },
  { groupId: 'g1', candidateId: 'c2' },
  { groupId: 'g2', candidateId: 'c1' },
  { groupId: 'g3', candidateId: 'c3' },
];

describe('R13 deleting a group (§5.5)', () => {
  it.each([
    ['g1', [{ groupId: 'g1', candidateId: 'c1' }, { groupId: 'g1', candidateId: 'c2' }], ['c1', 'c2']],
    ['g2', [{ groupId: 'g2', candidateId: 'c1' }], ['c1']],
    ['empty', [], []],
  ])('R13 deleting %s removes its memberships only, and its candidates stay', (groupId, removed, kept) => {
    expect(planGroupDeletion({ id: groupId }, memberships)).toEqual({
      groupId,
      removeMemberships: removed,
      candidateIdsKept: kept,
    });
  });

  it('R13 a candidate of two groups keeps the other one', () => {
    const plan = planGroupDeletion({ id: 'g1' }, memberships);
    const left = memberships.filter((m) => !plan.removeMemberships.some((r) => r.groupId === m.groupId && r.candidateId === m.candidateId));
    expect(left).toEqual([
      { groupId: 'g2', candidateId: 'c1' },
      { groupId: 'g3', candidateId: 'c3' },
    ]);
  });
});
