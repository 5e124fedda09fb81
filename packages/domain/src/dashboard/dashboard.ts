import type { CandidateStatus, GroupCategory } from '../shared/enums.js';
import { EXAM_TYPES, type ExamType } from '../catalogue/exam-types.js';
import type { StatusCounts } from '../candidates/schemas.js';
import type { DashboardResponse } from './schemas.js';

/** A candidate as the dashboard counts it: its status, and whether it is hidden (R12). */
export interface DashboardCandidate {
  status: CandidateStatus;
  /** In at least one hidden group (`isHiddenCandidate`): left out. */
  hidden?: boolean;
}

/**
 * What the dashboard is computed from. Candidates come either one by one
 * (`candidates`, the mocks' way) or already counted per status (`counts`, the
 * server's way: a `GROUP BY` on the read model). Either way they must be the
 * **visible** candidates only (R12), as the candidates table counts them; a
 * candidate passed with `hidden: true` is left out all the same. Groups come one
 * by one or counted per category; hidden groups count (the groups page lists them).
 */
export type DashboardInput = {
  /** The stock per exam type, from the live (non-expired) lots — `stockOf(lots, now)` gives it. */
  stock: { byType: readonly { examType: string; remaining: number }[] };
  groups: readonly { category: GroupCategory }[] | Readonly<Record<GroupCategory, number>>;
} & (
  | { candidates: readonly DashboardCandidate[]; counts?: never }
  | { counts: Readonly<StatusCounts>; candidates?: never }
);

function countStatuses(candidates: readonly DashboardCandidate[]): StatusCounts {
  const counts: StatusCounts = { to_assign: 0, scheduled: 0, expired: 0, taken: 0 };
  for (const c of candidates) if (c.hidden !== true) counts[c.status]++;
  return counts;
}

function countCategories(groups: DashboardInput['groups']): Record<GroupCategory, number> {
  const byCategory: Record<GroupCategory, number> = { client: 0, class: 0, exam_session: 0, other: 0 };
  if (Array.isArray(groups)) {
    for (const g of groups as readonly { category: GroupCategory }[]) byCategory[g.category]++;
  } else {
    const counted = groups as Readonly<Record<GroupCategory, number>>;
    for (const c of Object.keys(byCategory) as GroupCategory[]) byCategory[c] = Math.max(0, counted[c] ?? 0);
  }
  return byCategory;
}

/**
 * R21 — the home page's three boxes (§3.1, `GET /dashboard`):
 * « Certifications restantes » — total and per exam type, in catalogue order;
 * « Candidats » — total, « Certification(s) à attribuer » (to assign, plus the
 * expired ones: they need a new exam), « en attente » (scheduled), « passée(s) »
 * (taken), hidden candidates excluded; « Groupes » — total and per category.
 */
export function dashboard(input: DashboardInput, catalogue: readonly ExamType[] = EXAM_TYPES): DashboardResponse {
  const rank = new Map(catalogue.map((t, i) => [t.id, i]));
  const remainingByType = new Map<string, number>();
  for (const { examType, remaining } of input.stock.byType) {
    remainingByType.set(examType, (remainingByType.get(examType) ?? 0) + Math.max(0, remaining));
  }
  const byType = [...remainingByType]
    .map(([examType, remaining]) => ({ examType, remaining }))
    .sort((a, b) => {
      const ra = rank.get(a.examType) ?? Number.MAX_SAFE_INTEGER;
      const rb = rank.get(b.examType) ?? Number.MAX_SAFE_INTEGER;
      return ra - rb || (a.examType < b.examType ? -1 : a.examType > b.examType ? 1 : 0);
    });

  const counts = input.counts ?? countStatuses(input.candidates ?? []);
  const toAssign = counts.to_assign + counts.expired;
  const byCategory = countCategories(input.groups);

  return {
    stock: { total: byType.reduce((sum, t) => sum + t.remaining, 0), byType },
    candidates: { total: toAssign + counts.scheduled + counts.taken, toAssign, scheduled: counts.scheduled, taken: counts.taken },
    groups: { total: Object.values(byCategory).reduce((sum, n) => sum + n, 0), byCategory },
  };
}
