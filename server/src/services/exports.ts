/**
 * R20 — the rows of the CSV exports, read from the database page by page, so
 * that an export of 100,000 candidates holds one page at a time: the
 * candidates tables walk the listing's own plan and order without its counts
 * (`candidate-export.ts`: same filters, search and sort), the groups table and
 * the activation codes their own listing's pages, the orders table keyset
 * pages of each section.
 */
import type { ActivationCodeRow, CandidateRow, Group, GroupListQuery, Order } from '@clr/domain';
import type { AppDeps } from '../http/env.js';
import { listActivationCodes, type ActivationCodeFilters } from './codes.js';
import { ORDER_SECTIONS, ORDER_SELECT, orderListWhere, orderSectionWhere, presentRow, type OrderFilters } from './orders.js';
import { exportCandidateRows } from './candidate-export.js';
import type { CandidateFilters, QueryCandidatesOptions } from './candidate-list.js';
import { getGroup, listGroups } from './groups.js';

/**
 * Rows read per query while the groups and activation codes exports stream
 * (the candidates exports read `CANDIDATE_EXPORT_PAGE_SIZE` of candidate-export.ts).
 */
export const EXPORT_PAGE_SIZE = 1000;

/**
 * Every row of the candidates table under `filters` (paging fields ignored),
 * in the table's order, one page at a time (see `exportCandidateRows`: the
 * listing's filters and order, no counts). The clock is read once, so a
 * status that depends on it (R19) cannot change between two pages.
 */
export function candidateRows(
  deps: AppDeps,
  spaceId: string,
  filters: CandidateFilters,
  options: QueryCandidatesOptions & { pageSize?: number } = {},
): AsyncIterableIterator<CandidateRow> {
  return exportCandidateRows(deps.db, spaceId, filters, deps.now(), options);
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
): Promise<{ group: Group; rows: AsyncIterableIterator<CandidateRow> }> {
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

/** Orders read per query while the orders export streams (each with its lines and lots). */
export const ORDER_EXPORT_PAGE_SIZE = 200;


/**
 * §4.2 « Exporter le tableau » of « Mes commandes »: every order the table
 * shows under `filters` (search on number, product and exam type, exam type,
 * period, section), in its order — À valider, À consommer, Historique, newest
 * first inside each — with the listing's own conditions (`orderListWhere`,
 * `orderSectionWhere`), read by keyset pages of {@link ORDER_EXPORT_PAGE_SIZE}
 * orders, one section after the other, never the whole set at once, with one
 * clock for the whole export.
 */
export async function* orderRows(
  deps: AppDeps,
  spaceId: string,
  filters: OrderFilters,
  examTypeLabels: ReadonlyMap<string, string>,
  options: { pageSize?: number } = {},
): AsyncGenerator<Order, void, undefined> {
  const { db } = deps;
  const now = deps.now();
  const pageSize = options.pageSize ?? ORDER_EXPORT_PAGE_SIZE;
  const where = await orderListWhere(db, spaceId, filters, examTypeLabels);
  for (const section of ORDER_SECTIONS) {
    if (filters.section !== undefined && filters.section !== section) continue;
    let after: { createdAt: Date; id: string } | undefined;
    for (;;) {
      const rows = await db.order.findMany({
        where: {
          AND: [
            where,
            orderSectionWhere(section, now),
            ...(after ? [{ OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }] : []),
          ],
        },
        select: ORDER_SELECT, // the listing's own selection
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: pageSize,
      });
      for (const row of rows) yield presentRow(row, now);
      const last = rows[rows.length - 1];
      if (!last || rows.length < pageSize) break;
      after = { createdAt: last.createdAt, id: last.id };
    }
  }
}

/**
 * §6.7 « Exporter » of the activation codes: the rows the list gives for the
 * same selection or filters, page after page, in its order. The first page is
 * read before this resolves, so a refused selection (404, `not_eligible`)
 * answers as an error and not as a broken download.
 */
export async function activationCodeRows(
  deps: AppDeps,
  spaceId: string,
  filters: Omit<ActivationCodeFilters, 'cursor' | 'limit'>,
  options: { pageSize?: number } = {},
): Promise<AsyncGenerator<ActivationCodeRow, void, undefined>> {
  const now = deps.now();
  const limit = options.pageSize ?? EXPORT_PAGE_SIZE;
  const read = (cursor: string | undefined) => listActivationCodes(deps.db, spaceId, { ...filters, cursor, limit }, now);
  const first = await read(undefined);
  return (async function* () {
    let page = first;
    for (;;) {
      yield* page.data;
      if (!page.nextCursor) return;
      page = await read(page.nextCursor);
    }
  })();
}
