import { describe, expect, it } from 'vitest';
import type { CandidateStatus, GroupCategory } from '../shared/enums.js';
import { dashboard } from './dashboard.js';

// The home page of the manual (§3.1): 1079 remaining, 19 candidates (0 · 8 · 11), 1 group (exam session).
const stock = {
  byType: [
    { examType: 'demo-manual', remaining: 100 },
    { examType: 'blank-remote', remaining: 200 },
    { examType: 'blank-onsite', remaining: 99 },
    { examType: 'blank-manual', remaining: 100 },
    { examType: 'demo-remote', remaining: 480 },
    { examType: 'demo-onsite', remaining: 100 },
  ],
};
const statuses = (counts: Partial<Record<CandidateStatus, number>>, hidden = false) =>
  Object.entries(counts).flatMap(([status, n]) => Array.from({ length: n }, () => ({ status: status as CandidateStatus, hidden })));

describe('R21 dashboard (§3.1)', () => {
  it('R21 reproduces the manual’s home page', () => {
    const result = dashboard({
      stock,
      candidates: statuses({ scheduled: 8, taken: 11 }),
      groups: [{ category: 'exam_session' }],
    });
    expect(result).toEqual({
      stock: {
        total: 1079,
        byType: [
          { examType: 'blank-remote', remaining: 200 },
          { examType: 'blank-onsite', remaining: 99 },
          { examType: 'blank-manual', remaining: 100 },
          { examType: 'demo-remote', remaining: 480 },
          { examType: 'demo-onsite', remaining: 100 },
          { examType: 'demo-manual', remaining: 100 },
        ],
      },
      candidates: { total: 19, toAssign: 0, scheduled: 8, taken: 11 },
      groups: { total: 1, byCategory: { client: 0, class: 0, exam_session: 1, other: 0 } },
    });
  });

  it.each<[Partial<Record<CandidateStatus, number>>, { total: number; toAssign: number; scheduled: number; taken: number }]>([
    [{ to_assign: 3 }, { total: 3, toAssign: 3, scheduled: 0, taken: 0 }],
    [{ expired: 2 }, { total: 2, toAssign: 2, scheduled: 0, taken: 0 }],
    [{ to_assign: 1, expired: 2, scheduled: 4, taken: 5 }, { total: 12, toAssign: 3, scheduled: 4, taken: 5 }],
    [{}, { total: 0, toAssign: 0, scheduled: 0, taken: 0 }],
  ])('R21 counts %j as %j: expired candidates are to assign (they need a new exam)', (counts, expected) => {
    const full = { to_assign: 0, scheduled: 0, expired: 0, taken: 0, ...counts };
    expect(dashboard({ stock, candidates: statuses(counts), groups: [] }).candidates).toEqual(expected);
    expect(dashboard({ stock, counts: full, groups: [] }).candidates).toEqual(expected);
  });

  it('R21 leaves out hidden candidates passed with their flag, as the candidates table does', () => {
    const candidates = [...statuses({ scheduled: 2, taken: 1 }), ...statuses({ scheduled: 5, taken: 7, to_assign: 1 }, true)];
    expect(dashboard({ stock, candidates, groups: [] }).candidates).toEqual({ total: 3, toAssign: 0, scheduled: 2, taken: 1 });
  });

  it('R21 counts groups per category, hidden ones included, one by one or already counted', () => {
    const groups: { category: GroupCategory }[] = [{ category: 'client' }, { category: 'client' }, { category: 'class' }, { category: 'other' }];
    const expected = { total: 4, byCategory: { client: 2, class: 1, exam_session: 0, other: 1 } };
    expect(dashboard({ stock, candidates: [], groups }).groups).toEqual(expected);
    expect(dashboard({ stock, candidates: [], groups: { client: 2, class: 1, exam_session: 0, other: 1 } }).groups).toEqual(expected);
  });

  it('R21 shows an empty stock as 0 and keeps a type with 0 remaining that the stock lists', () => {
    expect(dashboard({ stock: { byType: [] }, candidates: [], groups: [] }).stock).toEqual({ total: 0, byType: [] });
    expect(
      dashboard({ stock: { byType: [{ examType: 'official-laposte', remaining: 0 }, { examType: 'blank-remote', remaining: 4 }] }, candidates: [], groups: [] }).stock,
    ).toEqual({
      total: 4,
      byType: [
        { examType: 'blank-remote', remaining: 4 },
        { examType: 'official-laposte', remaining: 0 },
      ],
    });
  });
});
