import { describe, expect, it } from 'vitest';
import { sortGroupsForTable } from './sorting.js';
import type { GroupSort } from '../schemas/groups.js';
import type { GroupCategory } from '../shared/enums.js';

const group = (id: string, name: string, category: GroupCategory, createdAt: string, hidden = false) => ({
  id,
  name,
  category,
  createdAt,
  hidden,
});

// The manual's table (§5.1), plus a hidden group.
const groups = [
  group('c', 'C', 'other', '2018-02-20T10:00:00Z'),
  group('s', 'S', 'client', '2018-04-05T10:00:00Z'),
  group('h', 'Anciens', 'class', '2017-09-01T10:00:00Z', true),
  group('k', 'K', 'client', '2018-04-17T10:00:00Z'),
  group('l', 'L', 'client', '2018-04-05T10:00:00Z'),
  group('e', 'Été 2017', 'exam_session', '2017-06-01T10:00:00Z', true),
];

describe('R12 groups table: hidden groups last (§5.4 « en grisé et en dernière position »)', () => {
  it.each<[GroupSort, string[]]>([
    ['name', ['c', 'k', 'l', 's', 'h', 'e']],
    ['-name', ['s', 'l', 'k', 'c', 'e', 'h']],
    ['category', ['c', 'k', 'l', 's', 'h', 'e']],
    ['-category', ['k', 'l', 's', 'c', 'e', 'h']],
    ['createdAt', ['c', 'l', 's', 'k', 'e', 'h']],
    ['-createdAt', ['k', 'l', 's', 'c', 'h', 'e']],
  ])('R12 sorted by %s: %j', (sort, ids) => {
    expect(sortGroupsForTable(groups, sort).map((g) => g.id)).toEqual(ids);
  });

  it('R12 sorts by name when no column is chosen, accents ignored', () => {
    const named = [group('1', 'Éco', 'other', '2020-01-01T00:00:00Z'), group('2', 'eau', 'other', '2020-01-01T00:00:00Z'), group('3', 'Ecole', 'other', '2020-01-01T00:00:00Z')];
    expect(sortGroupsForTable(named).map((g) => g.name)).toEqual(['eau', 'Éco', 'Ecole']);
  });
});
