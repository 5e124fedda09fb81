/**
 * Narrow pages of the candidates table (SQLite): a search or a group answered
 * from `CandidateSearchKey` instead of `Candidate`.
 *
 * `CandidateSearchKey` is a narrow copy of every candidate kept by triggers on
 * `Candidate` (migrations candidate_search_and_counts and
 * candidate_search_list_columns): a stable integer key (the rowid of the
 * trigram index `CandidateSearch`, FTS5 over the search keys), the candidate's
 * id and space, the search keys, and every column the table of §6.1 filters
 * and sorts on (stage, deadline, hidden flag, validation, score, « Date de
 * passage », last login). The counts per status and the page's keys of the
 * candidates the index finds, or of a group's members (through the primary
 * key of `Membership`), are then two statements on that table; only the
 * page's 50 rows are read from `Candidate` afterwards. Reading every match's
 * row in the widest table to sort it, or sending thousands of ids through
 * Prisma, was most of a search's or a group's cost.
 *
 * The conditions are written once, as the Prisma filters of the listing
 * (candidate-list.ts); {@link sideTableWhere} translates the part of Prisma's
 * filter language they use to SQL on `CandidateSearchKey`, and answers null
 * for anything else (a relation, an id list): the listing then takes its
 * general path, so that nothing is answered differently by the two (tests:
 * the candidates export, which always takes the general path, equals the
 * listing under every sort and filter).
 */
import type { StatusCounts } from '@clr/domain';
import type { Db } from '../db/client.js';
import type { Prisma } from '../generated/sqlite/client.js';
import type { Dir, KeyField } from './candidate-list.js';

/** A piece of SQL and its bound values, in order. */
export interface SqlPart {
  text: string;
  args: unknown[];
}

/** `Candidate` fields → columns of `CandidateSearchKey` (`id` is the candidate's id there: `candidateId`). */
const COLUMNS: Readonly<Record<string, string>> = {
  id: 'candidateId',
  spaceId: 'spaceId',
  sortName: 'sortName',
  emailKey: 'emailKey',
  inHiddenGroup: 'inHiddenGroup',
  stage: 'stage',
  deadline: 'deadline',
  latestValidation: 'latestValidation',
  latestScore: 'latestScore',
  examDate: 'examDate',
  lastLoginAt: 'lastLoginAt',
};

const column = (field: string) => `k."${COLUMNS[field]}"`;

/** An instant as Prisma's SQLite adapter stores and binds it (`2026-03-10T09:00:00.000+00:00`), so that text comparisons agree. */
export function sqliteInstant(date: Date): string {
  return date.toISOString().replace('Z', '+00:00');
}

class Unsupported extends Error {}

function bound(value: unknown): unknown {
  if (value instanceof Date) return sqliteInstant(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string' || typeof value === 'number') return value;
  throw new Unsupported();
}

const COMPARISONS: Readonly<Record<string, string>> = { equals: '=', gt: '>', gte: '>=', lt: '<', lte: '<=' };

function fieldCondition(field: string, filter: unknown): SqlPart {
  const col = column(field);
  if (filter === null) return { text: `${col} IS NULL`, args: [] };
  if (typeof filter !== 'object' || filter instanceof Date) return { text: `${col} = ?`, args: [bound(filter)] };
  const parts: SqlPart[] = Object.entries(filter as Record<string, unknown>).map(([op, value]): SqlPart => {
    if (op === 'not' && value === null) return { text: `${col} IS NOT NULL`, args: [] };
    if (op === 'equals' && value === null) return { text: `${col} IS NULL`, args: [] };
    // Prisma's `contains` on SQLite: LIKE '%value%' (`_` any one character; the search words hold no `%`).
    if (op === 'contains' && typeof value === 'string') return { text: `${col} LIKE ?`, args: [`%${value}%`] };
    const comparison = COMPARISONS[op];
    if (comparison === undefined || value === null) throw new Unsupported();
    return { text: `${col} ${comparison} ?`, args: [bound(value)] };
  });
  return join(parts, 'AND');
}

function join(parts: readonly SqlPart[], operator: 'AND' | 'OR'): SqlPart {
  if (parts.length === 0) return { text: operator === 'AND' ? '1' : '0', args: [] };
  return { text: `(${parts.map((p) => p.text).join(` ${operator} `)})`, args: parts.flatMap((p) => p.args) };
}

/** Each of a list of filters (`AND: [...]`, or one filter alone). */
const each = (value: unknown): Prisma.CandidateWhereInput[] => (Array.isArray(value) ? value : [value]) as Prisma.CandidateWhereInput[];

function condition(where: Prisma.CandidateWhereInput): SqlPart {
  const parts = Object.entries(where as Record<string, unknown>).map(([key, value]): SqlPart => {
    if (value === undefined) return { text: '1', args: [] };
    if (key === 'AND') return join(each(value).map(condition), 'AND');
    if (key === 'OR') {
      if (!Array.isArray(value)) throw new Unsupported();
      return join(each(value).map(condition), 'OR');
    }
    if (key === 'NOT') {
      const inner = join(each(value).map(condition), 'AND');
      return { text: `NOT ${inner.text}`, args: inner.args };
    }
    if (!(key in COLUMNS)) throw new Unsupported();
    return fieldCondition(key, value);
  });
  return join(parts, 'AND');
}

/**
 * The SQL on `CandidateSearchKey k` of Prisma filters on `Candidate`: fields
 * the side table copies, `AND` / `OR` / `NOT`, equality, `null`,
 * `{ not: null }`, `gt` / `gte` / `lt` / `lte`, `contains`. Null for anything
 * else (a relation, `in` lists, …): the caller then queries `Candidate`.
 */
export function sideTableWhere(where: readonly Prisma.CandidateWhereInput[]): SqlPart | null {
  try {
    return join(where.map(condition), 'AND');
  } catch (error) {
    if (error instanceof Unsupported) return null;
    throw error;
  }
}

/**
 * The same filters as SQL on `Candidate k` itself (its columns bear the
 * fields' names), or null where {@link sideTableWhere} is: a page of the
 * whole space on SQLite is then read in one raw statement on the sort's index.
 */
export function candidateTableWhere(where: readonly Prisma.CandidateWhereInput[]): SqlPart | null {
  const part = sideTableWhere(where);
  return part && { text: part.text.replaceAll('k."candidateId"', 'k."id"'), args: part.args };
}

/**
 * Where the rows of a narrow page come from, as `FROM … WHERE …` on
 * `CandidateSearchKey k`, always within the space: the candidates the trigram
 * index finds, a group's members, or both.
 */
export function listSource(spaceId: string, source: { match?: string; groupId?: string }): SqlPart {
  const inGroup = source.groupId === undefined ? null : 'EXISTS (SELECT 1 FROM "Membership" m WHERE m."groupId" = ? AND m."candidateId" = k."candidateId")';
  if (source.match !== undefined) {
    return {
      text: `FROM "CandidateSearch" s JOIN "CandidateSearchKey" k ON k."id" = s."rowid" WHERE s."CandidateSearch" MATCH ? AND k."spaceId" = ?${inGroup ? ` AND ${inGroup}` : ''}`,
      args: [source.match, spaceId, ...(inGroup ? [source.groupId] : [])],
    };
  }
  if (source.groupId === undefined) throw new Error('listSource: a search or a group');
  return {
    text: 'FROM "Membership" m JOIN "CandidateSearchKey" k ON k."candidateId" = m."candidateId" WHERE m."groupId" = ? AND k."spaceId" = ?',
    args: [source.groupId, spaceId],
  };
}

/** How many candidates of the space the index finds for `match`, counting no further than `max + 1`. */
export async function countIndexMatches(db: Db, spaceId: string, match: string, max: number): Promise<number> {
  const source = listSource(spaceId, { match });
  const [row] = await db.$queryRawUnsafe<{ n: unknown }[]>(`SELECT count(*) AS "n" FROM (SELECT 1 ${source.text} LIMIT ?)`, ...source.args, max + 1);
  return Number(row?.n ?? 0);
}

/** How many members a group has, counting no further than `max + 1` (the primary key of `Membership` answers it). */
export async function countGroupMembers(db: Db, groupId: string, max: number): Promise<number> {
  const [row] = await db.$queryRawUnsafe<{ n: unknown }[]>(
    'SELECT count(*) AS "n" FROM (SELECT 1 FROM "Membership" WHERE "groupId" = ? LIMIT ?)',
    groupId,
    max + 1,
  );
  return Number(row?.n ?? 0);
}

/**
 * Counts per status of the candidates of `source` that meet `where`, as the
 * listing counts them: « Expirée » an assigned candidate whose deadline has
 * passed at `now` (R19), « Prévue » the other assigned ones.
 */
export async function countListStatuses(db: Db, source: SqlPart, where: SqlPart, now: Date): Promise<StatusCounts> {
  const rows = await db.$queryRawUnsafe<{ stage: string; expired: unknown; n: unknown }[]>(
    `SELECT k."stage" AS "stage", (k."deadline" IS NOT NULL AND k."deadline" < ?) AS "expired", count(*) AS "n" ${source.text} AND ${where.text} GROUP BY 1, 2`,
    sqliteInstant(now),
    ...source.args,
    ...where.args,
  );
  const counts: StatusCounts = { to_assign: 0, scheduled: 0, expired: 0, taken: 0 };
  for (const row of rows) {
    const n = Number(row.n);
    if (row.stage === 'none') counts.to_assign += n;
    else if (row.stage === 'taken') counts.taken += n;
    else if (row.stage === 'assigned') counts[Number(row.expired) === 1 ? 'expired' : 'scheduled'] += n;
  }
  return counts;
}

const DATE_KEYS: ReadonlySet<KeyField> = new Set(['lastLoginAt', 'examDate']);

/** A DATETIME value as a raw query returns it (Date, ISO text or epoch milliseconds). */
function instant(value: unknown): Date {
  const date = value instanceof Date ? value : new Date(typeof value === 'bigint' ? Number(value) : (value as string | number));
  if (Number.isNaN(date.getTime())) throw new Error(`Unreadable instant in CandidateSearchKey: ${String(value)}`);
  return date;
}

/**
 * The keys of up to `take` candidates of `source` that meet `where`, in the
 * order of `keys` — the sort is done by SQLite on the side
 * table. Each key comes back as `Candidate` gives it (`id`, dates as Date,
 * the score a number), so cursors are the same whichever path made them.
 */
export async function listPageKeys(
  db: Db,
  source: SqlPart,
  where: SqlPart,
  keys: readonly [KeyField, Dir][],
  take: number,
): Promise<Record<string, unknown>[]> {
  const select = keys.map(([field]) => `${column(field)} AS "${field}"`).join(', ');
  const order = keys.map(([field, dir]) => `${column(field)} ${dir === 'asc' ? 'ASC' : 'DESC'}`).join(', ');
  const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(
    `SELECT ${select} ${source.text} AND ${where.text} ORDER BY ${order} LIMIT ?`,
    ...source.args,
    ...where.args,
    take,
  );
  return rows.map((row) =>
    Object.fromEntries(
      keys.map(([field]) => {
        const value = row[field];
        if (DATE_KEYS.has(field)) return [field, instant(value)];
        if (field === 'latestScore') return [field, Number(value)];
        return [field, value];
      }),
    ),
  );
}
