import { dashboard, GroupCategory, stockOf, type DashboardResponse, type StatusCounts } from '@clr/domain';
import type { AppDeps } from '../http/env.js';
import { loadExamTypes, loadLiveLots } from './catalogue.js';
import { countByStatus } from './candidate-counts.js';

export interface DashboardInputs {
  stock: ReturnType<typeof stockOf>;
  counts: StatusCounts;
  groups: Record<GroupCategory, number>;
}

/**
 * Loads what §3.1's three boxes are computed from, each count in the database:
 * live lots, candidate counts per status (hidden candidates excluded, R12),
 * groups per category.
 */
export async function loadDashboardInputs(deps: AppDeps, spaceId: string): Promise<DashboardInputs> {
  const { db } = deps;
  const now = deps.now();
  const [lots, catalogue, counts, groups] = await Promise.all([
    loadLiveLots(db, spaceId, now),
    loadExamTypes(db),
    countByStatus(db, spaceId, now),
    db.group.groupBy({ by: ['category'], where: { spaceId }, _count: { _all: true } }),
  ]);
  const byCategory = Object.fromEntries(GroupCategory.options.map((c) => [c, 0])) as Record<GroupCategory, number>;
  for (const row of groups) if (row.category in byCategory) byCategory[row.category as GroupCategory] = row._count._all;
  return { stock: stockOf(lots, now, { catalogue }), counts, groups: byCategory };
}

/** R21 — `GET /dashboard`: the domain's `dashboard` rule over counts made in the database. */
export async function loadDashboard(deps: AppDeps, spaceId: string): Promise<DashboardResponse> {
  const { stock, counts, groups } = await loadDashboardInputs(deps, spaceId);
  return dashboard({ stock, counts, groups });
}
