/**
 * R20 — the rows of the CSV exports, read from the database page by page, so
 * that an export of 100,000 candidates holds one page (1,000 rows) at a time:
 * the candidates tables walk the listing's own keyset pages
 * (`queryCandidates`, same filters, search and sort), the groups table its
 * own listing's pages.
 */
import type { CandidateRow, Group, GroupListQuery } from '@clr/domain';
import type { AppDeps } from '../http/env.js';
import { queryCandidates, type CandidateFilters, type QueryCandidatesOptions } from './candidate-list.js';
import { getGroup, listGroups } from './groups.js';

/** Rows read per query while an export streams. */
export const EXPORT_PAGE_SIZE = 1000;

/**
 * Every row of the candidates table under `filters` (paging fields ignored),
 * in the table's order, one keyset page at a time. The clock is read once, so
 * a status that depends on it (R19) cannot change between two pages.
 */
export async function* candidateRows(
  deps: AppDeps,
  spaceId: string,
  filters: CandidateFilters,
  options: QueryCandidatesOptions & { pageSize?: number } = {},
): AsyncGenerator<CandidateRow, void, undefined> {
  const { cursor: _cursor, limit: _limit, ...rest } = filters;
  const { pageSize = EXPORT_PAGE_SIZE, ...queryOptions } = options;
  const now = deps.now();
  let cursor: string | undefined;
  do {
    const page = await queryCandidates(deps.db, spaceId, { ...rest, limit: pageSize, ...(cursor ? { cursor } : {}) }, now, queryOptions);
    yield* page.data;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

/**
 * §5.7 a group's candidates as its page shows them (every member, hidden ones
 * included): 404 for a group of another space, checked before the download
 * starts.
 */
export async function groupCandidateRows(
  deps: AppDeps,
  spaceId: string,
  groupId: string,
  filters: CandidateFilters,
): Promise<{ group: Group; rows: AsyncGenerator<CandidateRow, void, undefined> }> {
  const group = await getGroup(deps, spaceId, groupId);
  return { group, rows: candidateRows(deps, spaceId, { ...filters, groupId, includeHidden: true }) };
}

/** §5.2 every group of the table under `query`, in its order (search, category, period, sort). */
export async function* groupRows(deps: AppDeps, spaceId: string, query: GroupListQuery): AsyncGenerator<Group, void, undefined> {
  const { cursor: _cursor, limit: _limit, ...rest } = query;
  let cursor: string | undefined;
  do {
    const page = await listGroups(deps, spaceId, { ...rest, limit: EXPORT_PAGE_SIZE, ...(cursor ? { cursor } : {}) } as GroupListQuery);
    yield* page.data;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
