/**
 * R20 — the rows of the candidates exports (§6.2, §5.7), read for a download
 * rather than for a screen: the listing's own plan (`planCandidateQuery`:
 * search, group, status, validation, period, hidden candidates) and its own
 * order (`sortSegments`, `keysetAfter`) — never a second copy of either — but
 * without what only a screen needs:
 *
 * - no counts per status (a CSV has none), where the listing recounts them on
 *   every page;
 * - the search and a group's members resolved once for the whole export, not
 *   once per page;
 * - each page read in one query, straight in the sort's order with only the
 *   columns of a row (the listing reads a page's keys first, then its rows);
 * - the groups of a page in one query keyed by candidate id, their names from
 *   the space's groups read once and ordered once (the listing's order:
 *   by name, French collation, then id), each group object shared by every
 *   row that shows it;
 * - pages of {@link CANDIDATE_EXPORT_PAGE_SIZE} rows, read one at a time as the
 *   consumer asks (the CSV stream pulls, the HTTP response waits for its
 *   socket to drain), so memory holds one page whatever the row count.
 */
import type { CandidateRow } from '@clr/domain';
import type { Db } from '../db/client.js';
import { registeredProvider } from '../db/registry.js';
import { candidateTableWhere } from './candidate-search-index.js';
import {
  CANDIDATE_ROW_SELECT,
  keysetAfter,
  planCandidateQuery,
  sortSegments,
  toCandidateRow,
  type CandidateFilters,
  type CandidateRowRecord,
  type QueryCandidatesOptions,
} from './candidate-list.js';

/**
 * Rows read per query while a candidates export streams. At 20,000 candidates
 * 5,000 cost about a tenth less CPU than 1,000; a page of rows is ~2 MB held.
 */
export const CANDIDATE_EXPORT_PAGE_SIZE = 5000;

type RowGroups = CandidateRow['groups'];
type Group = RowGroups[number];

const byName = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
const NO_GROUPS: RowGroups = Object.freeze([]) as unknown as RowGroups;

/** The groups of a space, each with its rank in the listing's order of a row's groups (name, then id). */
class SpaceGroups {
  #groups = new Map<string, { group: Group; rank: number }>();

  constructor(
    private readonly db: Pick<Db, 'group'>,
    private readonly spaceId: string,
  ) {}

  async load(): Promise<void> {
    const groups = await this.db.group.findMany({ where: { spaceId: this.spaceId }, select: { id: true, name: true } });
    groups.sort((a, b) => byName.compare(a.name, b.name) || (a.id < b.id ? -1 : 1));
    this.#groups = new Map(groups.map((group, rank) => [group.id, { group, rank }]));
  }

  /** A group created since the export began is read again with the others. */
  async get(id: string): Promise<{ group: Group; rank: number } | undefined> {
    if (!this.#groups.has(id)) await this.load();
    return this.#groups.get(id);
  }
}

/** The groups of each candidate of a page, in one query, ordered as the listing orders them. */
async function pageGroups(db: Pick<Db, 'membership'>, groups: SpaceGroups, candidateIds: string[]): Promise<Map<string, RowGroups>> {
  // On SQLite one raw statement: a page's thousands of ids never go through Prisma's query compiler (whose memory grows to the largest query and stays).
  const memberships =
    registeredProvider(db) === 'sqlite'
      ? await (db as Db).$queryRawUnsafe<{ candidateId: string; groupId: string }[]>(
          `SELECT "candidateId", "groupId" FROM "Membership" WHERE "candidateId" IN (${candidateIds.map(() => '?').join(', ')})`,
          ...candidateIds,
        )
      : await db.membership.findMany({
          where: { candidateId: { in: candidateIds } },
          select: { candidateId: true, groupId: true },
        });
  const ranked = new Map<string, { group: Group; rank: number }[]>();
  for (const { candidateId, groupId } of memberships) {
    const entry = await groups.get(groupId);
    if (!entry) continue;
    const list = ranked.get(candidateId);
    if (list) list.push(entry);
    else ranked.set(candidateId, [entry]);
  }
  const out = new Map<string, RowGroups>();
  for (const [candidateId, list] of ranked) {
    if (list.length > 1) list.sort((a, b) => a.rank - b.rank);
    out.set(
      candidateId,
      list.map((entry) => entry.group),
    );
  }
  return out;
}

interface Page {
  records: CandidateRowRecord[];
  groups: Map<string, RowGroups>;
}

/** The pages of {@link exportCandidateRows}: each the records of one query and their groups. */
async function* pages(
  db: Db,
  spaceId: string,
  filters: CandidateFilters,
  now: Date,
  pageSize: number,
  options: QueryCandidatesOptions,
): AsyncGenerator<Page, void, undefined> {
  const { cursor: _cursor, limit: _limit, ...rest } = filters;
  const sort = rest.sort ?? 'name';
  const segments = sortSegments(sort, now);
  // The columns of a row and the sort's keys (the e-mail key only when it is one).
  const { emailKey: _emailKey, ...rowSelect } = CANDIDATE_ROW_SELECT;
  const select = sort === 'email' || sort === '-email' ? CANDIDATE_ROW_SELECT : rowSelect;
  const groups = new SpaceGroups(db, spaceId);
  const [plan] = await Promise.all([planCandidateQuery(db, spaceId, rest, now, options), groups.load()]);
  // On SQLite the pages are raw statements where the filters translate (as the list's): see candidateTableWhere.
  const sqlite = registeredProvider(db) === 'sqlite';
  const columns = Object.keys(select)
    .map((field) => `k."${field}" AS "${field}"`)
    .join(', ');

  for (const segment of segments) {
    const orderBy = segment.keys.map(([field, dir]) => ({ [field]: dir }));
    let last: CandidateRowRecord | undefined;
    for (;;) {
      const after = last ? [keysetAfter(segment.keys, segment.keys.map(([field]) => last![field] as string | number | Date))] : [];
      const where = [...plan.base, segment.where, ...after];
      const raw = sqlite ? candidateTableWhere(where) : null;
      const records = raw
        ? await db.$queryRawUnsafe<CandidateRowRecord[]>(
            `SELECT ${columns} FROM "Candidate" k WHERE ${raw.text} ORDER BY ${segment.keys.map(([field, dir]) => `k."${field}" ${dir === 'asc' ? 'ASC' : 'DESC'}`).join(', ')} LIMIT ?`,
            ...raw.args,
            pageSize,
          )
        : ((await db.candidate.findMany({ where: { AND: where }, orderBy, take: pageSize, select })) as CandidateRowRecord[]);
      if (records.length === 0) break;
      yield {
        records,
        groups: await pageGroups(
          db,
          groups,
          records.map((record) => record.id),
        ),
      };
      if (records.length < pageSize) break;
      last = records[records.length - 1];
    }
  }
}

/**
 * Every row of the candidates table under `filters` (paging fields ignored),
 * in the table's order — the rows `queryCandidates` gives page after page, with
 * the same clock `now` for every status (R19) — one page of `pageSize` rows
 * read at a time. Each row is made as it is asked for (not a page of rows at
 * once), and handed out without an async generator's per-row machinery.
 */
export function exportCandidateRows(
  db: Db,
  spaceId: string,
  filters: CandidateFilters,
  now: Date,
  options: QueryCandidatesOptions & { pageSize?: number } = {},
): AsyncIterableIterator<CandidateRow> {
  const { pageSize = CANDIDATE_EXPORT_PAGE_SIZE, ...queryOptions } = options;
  const source = pages(db, spaceId, filters, now, pageSize, queryOptions);
  let page: Page = { records: [], groups: new Map() };
  let at = 0;
  const done = (): IteratorResult<CandidateRow, undefined> => ({ done: true, value: undefined });
  const iterator: AsyncIterableIterator<CandidateRow> = {
    next() {
      const record = page.records[at];
      if (record) {
        at += 1;
        return Promise.resolve({ done: false, value: toCandidateRow(record, page.groups.get(record.id) ?? NO_GROUPS, now) });
      }
      return source.next().then((read) => {
        if (read.done) return done();
        page = read.value;
        at = 0;
        return iterator.next();
      });
    },
    async return() {
      page = { records: [], groups: new Map() };
      await source.return(undefined);
      return done();
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
