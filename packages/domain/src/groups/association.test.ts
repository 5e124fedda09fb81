import { describe, expect, it } from 'vitest';
import { associableCandidates, isAssociable, planAssociation, planDissociation } from './association.js';

const group = { id: 'g1' };
const known = ['c1', 'c2', 'c3', 'c4'];
const members = ['c1'];

describe('R14 associating candidates with a group (§5.9)', () => {
  it.each([
    ['c1', false],
    ['c2', true],
    ['c4', true],
  ])('R14 candidate %s is listed in « Associer des candidats » = %s', (id, listed) => {
    expect(isAssociable(id, members)).toBe(listed);
  });

  it('R14 lists every candidate not in the group, with or without other groups', () => {
    const candidates = [
      { id: 'c1', groups: ['g1'] },
      { id: 'c2', groups: [] },
      { id: 'c3', groups: ['g2'] },
    ];
    expect(associableCandidates(candidates, new Set(members)).map((c) => c.id)).toEqual(['c2', 'c3']);
  });

  it.each([
    [['c2', 'c3'], ['c2', 'c3'], []],
    [['c1', 'c2'], ['c2'], ['c1']],
    [['c1'], [], ['c1']],
    [['c3', 'c3', 'c2'], ['c3', 'c2'], []],
  ])('R14 asked %j: adds %j, already members %j', (requested, add, alreadyMembers) => {
    expect(planAssociation(group, members, requested, known)).toEqual({ groupId: 'g1', add, alreadyMembers });
  });

  it('R14 a candidate may belong to several groups: membership elsewhere does not matter', () => {
    expect(planAssociation({ id: 'g2' }, ['c2'], ['c1'], known).add).toEqual(['c1']);
  });

  it('R14 refuses the whole request naming unknown candidates (not_found)', () => {
    expect(() => planAssociation(group, members, ['c2', 'x9', 'other-space'], known)).toThrow(
      expect.objectContaining({
        code: 'not_found',
        message: 'Certains candidats sélectionnés sont introuvables.',
        details: { candidateIds: ['x9', 'other-space'] },
      }),
    );
  });
});

describe('dissociating a candidate from a group (§5.10)', () => {
  it('removes the membership of a member', () => {
    expect(planDissociation(group, 'c1', members)).toEqual({ groupId: 'g1', candidateId: 'c1' });
  });

  it('answers not_found for a candidate who is not a member', () => {
    expect(() => planDissociation(group, 'c2', members)).toThrow(
      expect.objectContaining({ code: 'not_found', message: "Ce candidat n'appartient pas à ce groupe." }),
    );
  });
});
