/**
 * The candidates table of §6.1 in SQL, over the read-model columns of
 * `Candidate` (`stage`, `deadline`, `latestScore`, `latestValidation`,
 * `latestExamType`, `examDate`, `sortName`, `inHiddenGroup`): every filter,
 * sort, page and count runs in the database, on the indexes of schema.prisma.
 * The eligible lists of §6.6 reuse {@link queryCandidates} with their own
 * `extraWhere`; the candidates exports (candidate-export.ts) walk the same
 * plan ({@link planCandidateQuery}) and order ({@link sortSegments},
 * {@link keysetAfter}) without the counts.
 *
 * Sorting follows the domain's `compareCandidateRows`: empty cells last in both
 * directions, ties by name then id. Enumerated columns (status, validation) and
 * nullable ones (score, date, last login) are read as ordered *segments*: one
 * query per segment, each walking an index in key order, so that a status that
 * depends on the clock (R19) still sorts and pages in SQL.
 *
 * Cursors are opaque (base64url JSON): the sort, the segment and the key of the
 * last row — never an offset, so a deep page costs what the first one does.
 */
import {
  fr,
  searchKey,
  parisDay,
  startOfParisDay,
  endOfParisDay,
  statusFromStage,
  CandidateStatus,
  type CandidateList,
  type CandidateListQuery,
  type CandidateRow,
  type CandidateSort,
  type StatusCounts,
  type Validation,
} from '@clr/domain';
import type { Db } from '../db/client.js';
import { registeredProvider } from '../db/registry.js';
import type { Prisma } from '../generated/sqlite/client.js';
import { validationFailed } from '../http/problem.js';
import { spaceStatusCounts, statusWhere } from './candidate-counts.js';
import {
  type SqlPart,
  candidateTableWhere,
  countGroupMembers,
  countIndexMatches,
  countListStatuses,
  listPageKeys,
  listSource,
  sideTableWhere,
} from './candidate-search-index.js';
import { decodeCursorValue, encodeCursor } from './cursor.js';

/** The search key of a name or an e-mail (the domain's): re-exported for the server's callers. */
export { searchKey };

/** `sortName` of a candidate: « Lefèvre », « Élodie » → `lefevre elodie`. */
export function candidateSortName(lastName: string, firstName: string): string {
  return searchKey(`${lastName} ${firstName}`);
}

/** The filters of `GET /candidates` (the query schema's output); `cursor`, `limit`, `sort` optional for programmatic callers. */
export type CandidateFilters = Partial<CandidateListQuery>;

export interface QueryCandidatesOptions {
  /** Added to every query (rows, total and counts): `{ memberships: { none: { groupId } } }` for R14, … */
  extraWhere?: Prisma.CandidateWhereInput;
}

export interface PlanOptions extends QueryCandidatesOptions {
  /** Look the search's words up in the trigram index (default true); false when it is known to find too many. */
  searchIndex?: boolean;
}

export type Dir = 'asc' | 'desc';
export type KeyField = 'sortName' | 'emailKey' | 'lastLoginAt' | 'latestScore' | 'examDate' | 'id';

export interface Segment {
  where: Prisma.CandidateWhereInput;
  keys: [KeyField, Dir][];
}

const DATE_FIELDS: ReadonlySet<KeyField> = new Set(['lastLoginAt', 'examDate']);
const NUMBER_FIELDS: ReadonlySet<KeyField> = new Set(['latestScore']);

/** Ties: name then id, ascending, whatever the column's direction (domain `compareCandidateRows`). */
const TIES: [KeyField, Dir][] = [
  ['sortName', 'asc'],
  ['id', 'asc'],
];

/** A nullable column: the rows that have a value in the column's order, then the empty ones by name. */
function nullableColumn(field: 'lastLoginAt' | 'latestScore' | 'examDate', dir: Dir): Segment[] {
  return [
    { where: { [field]: { not: null } }, keys: [[field, dir], ...TIES] },
    { where: { [field]: null }, keys: TIES },
  ];
}

/** The ordered segments of a sort at `now` (status is derived from the clock). */
export function sortSegments(sort: CandidateSort, now: Date): Segment[] {
  const dir: Dir = sort.startsWith('-') ? 'desc' : 'asc';
  const column = sort.replace(/^-/, '');
  switch (column) {
    case 'email':
      return [{ where: {}, keys: [['emailKey', dir], ...TIES] }];
    case 'lastLoginAt':
      return nullableColumn('lastLoginAt', dir);
    case 'score':
      return nullableColumn('latestScore', dir);
    case 'date':
      return nullableColumn('examDate', dir);
    case 'status': {
      // « À attribuer », « Prévue », « Expirée », « Passée » (the enumeration's order).
      const statuses = dir === 'asc' ? CandidateStatus.options : [...CandidateStatus.options].reverse();
      return statuses.map((status) => ({ where: statusWhere(status, now), keys: TIES }));
    }
    case 'validation': {
      const order: Validation[] = ['validated', 'pending', 'invalidated'];
      const values = dir === 'asc' ? order : [...order].reverse();
      return [
        ...values.map((value) => ({ where: { latestValidation: value }, keys: TIES })),
        { where: { latestValidation: null }, keys: TIES },
      ];
    }
    default:
      return [
        {
          where: {},
          keys: [
            ['sortName', dir],
            ['id', 'asc'],
          ],
        },
      ];
  }
}

type KeyValue = string | number | Date;

interface Cursor {
  sort: CandidateSort;
  segment: number;
  key: KeyValue[];
}

const invalidCursor = () => validationFailed([{ path: 'cursor', message: fr('cursor.invalid') }], fr('cursor.invalid'));

function encodeKey(value: KeyValue): string | number {
  return value instanceof Date ? value.toISOString() : value;
}

export function encodeListCursor(cursor: Cursor): string {
  return encodeCursor({ s: cursor.sort, g: cursor.segment, k: cursor.key.map(encodeKey) });
}

/** Reads a cursor of this sort; 400 `cursor` for anything else (another sort's cursor included). */
export function decodeListCursor(raw: string, sort: CandidateSort, segments: readonly Segment[]): Cursor {
  const value = decodeCursorValue(raw) as { s?: unknown; g?: unknown; k?: unknown } | null;
  if (typeof value !== 'object' || value === null || value.s !== sort) throw invalidCursor();
  const segment = value.g;
  if (typeof segment !== 'number' || !Number.isInteger(segment) || segment < 0 || segment >= segments.length) throw invalidCursor();
  const keys = segments[segment]!.keys;
  if (!Array.isArray(value.k) || value.k.length !== keys.length) throw invalidCursor();
  const key = keys.map(([field], i): KeyValue => {
    const v: unknown = (value.k as unknown[])[i];
    if (DATE_FIELDS.has(field)) {
      if (typeof v !== 'string' || Number.isNaN(Date.parse(v))) throw invalidCursor();
      return new Date(v);
    }
    if (NUMBER_FIELDS.has(field)) {
      if (typeof v !== 'number' || !Number.isFinite(v)) throw invalidCursor();
      return v;
    }
    if (typeof v !== 'string') throw invalidCursor();
    return v;
  });
  return { sort, segment, key };
}

/** Rows strictly after `key` in the order of `keys`: (a > x) or (a = x and b > y) or … */
export function keysetAfter(keys: readonly [KeyField, Dir][], key: readonly KeyValue[]): Prisma.CandidateWhereInput {
  const branches: Prisma.CandidateWhereInput[] = keys.map(([field, dir], i) => {
    const equal = Object.fromEntries(keys.slice(0, i).map(([f], j) => [f, key[j]]));
    return { ...equal, [field]: { [dir === 'asc' ? 'gt' : 'lt']: key[i] } };
  });
  // The first key's bound again, alone: the database seeks the index to it
  // instead of reading the rows before the cursor to test the OR.
  const [first, dir] = keys[0]!;
  return { AND: [{ [first]: { [dir === 'asc' ? 'gte' : 'lte']: key[0] } }, { OR: branches }] };
}

/** What a row of the table is read from. */
export const CANDIDATE_ROW_SELECT = {
  id: true,
  civility: true,
  lastName: true,
  firstName: true,
  email: true,
  emailKey: true,
  lastLoginAt: true,
  stage: true,
  deadline: true,
  latestScore: true,
  latestValidation: true,
  latestExamType: true,
  examDate: true,
  sortName: true,
} as const satisfies Prisma.CandidateSelect;

export type CandidateRowRecord = Prisma.CandidateGetPayload<{ select: typeof CANDIDATE_ROW_SELECT }>;

const ROW_COLUMNS = Object.keys(CANDIDATE_ROW_SELECT)
  .map((field) => `"${field}"`)
  .join(', ');
const ROW_COLUMNS_OF_K = Object.keys(CANDIDATE_ROW_SELECT)
  .map((field) => `k."${field}" AS "${field}"`)
  .join(', ');

/** The page's rows by id: on SQLite one raw statement of the same columns (instants come back as Date, as Prisma gives them). */
async function rowsById(db: Db, ids: readonly string[]): Promise<CandidateRowRecord[]> {
  if (ids.length === 0) return [];
  if (registeredProvider(db) !== 'sqlite') return db.candidate.findMany({ where: { id: { in: [...ids] } }, select: CANDIDATE_ROW_SELECT });
  return db.$queryRawUnsafe<CandidateRowRecord[]>(`SELECT ${ROW_COLUMNS} FROM "Candidate" WHERE "id" IN (${placeholders(ids.length)})`, ...ids);
}

/**
 * A row of §6.1 from the read model: status from `stage` + `deadline` at
 * `now` (R19), « Date de passage » = the taken instant when taken, else the
 * scheduled Paris day (as the domain's `candidateRowSummary` gives it).
 */
export function toCandidateRow(record: CandidateRowRecord, groups: CandidateRow['groups'], now: Date): CandidateRow {
  const status = statusFromStage(
    { stage: record.stage as 'none' | 'assigned' | 'taken', deadline: record.deadline?.toISOString() ?? null },
    now,
  );
  let date: string | null = null;
  if (record.examDate !== null && status !== 'to_assign') {
    date = status === 'taken' ? record.examDate.toISOString() : parisDay(record.examDate);
  }
  return {
    id: record.id,
    civility: record.civility as CandidateRow['civility'],
    lastName: record.lastName,
    firstName: record.firstName,
    email: record.email,
    groups,
    lastLoginAt: record.lastLoginAt?.toISOString() ?? null,
    status,
    validation: (record.latestValidation as Validation | null) ?? null,
    score: record.latestScore,
    examType: record.latestExamType,
    date,
  };
}

const byName = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/**
 * The groups of each candidate, in one query (no N+1), by name. On SQLite one
 * statement joins the memberships to their groups (Prisma's relation read is
 * two, and the page's hot path pays for each).
 */
export async function groupsOf(
  db: Pick<Db, 'membership'>,
  candidateIds: readonly string[],
): Promise<Map<string, CandidateRow['groups']>> {
  const out = new Map<string, CandidateRow['groups']>(candidateIds.map((id) => [id, []]));
  if (candidateIds.length === 0) return out;
  const rows =
    registeredProvider(db) === 'sqlite'
      ? (
          await (db as Db).$queryRawUnsafe<{ candidateId: string; id: string; name: string }[]>(
            `SELECT m."candidateId" AS "candidateId", g."id" AS "id", g."name" AS "name" FROM "Membership" m JOIN "Group" g ON g."id" = m."groupId" WHERE m."candidateId" IN (${placeholders(candidateIds.length)})`,
            ...candidateIds,
          )
        ).map((row) => ({ candidateId: row.candidateId, group: { id: row.id, name: row.name } }))
      : await db.membership.findMany({
          where: { candidateId: { in: [...candidateIds] } },
          select: { candidateId: true, group: { select: { id: true, name: true } } },
        });
  for (const row of rows) out.get(row.candidateId)?.push({ id: row.group.id, name: row.group.name });
  for (const list of out.values()) list.sort((a, b) => byName.compare(a.name, b.name) || (a.id < b.id ? -1 : 1));
  return out;
}

/** The words of the search box as the search key folds them; `%` is not a character of either key, so it only separates words. */
export function searchWords(q: string): string[] {
  return searchKey(q.replace(/%/g, ' ')).split(' ').filter(Boolean);
}

/**
 * The search box (« Rechercher un nom, un courriel »): every word must be found
 * in the name key (accent- and case-insensitive) or in the e-mail, as
 * `LIKE '%word%'` (Prisma's `contains`, where `_` matches any one character).
 * On PostgreSQL the pg_trgm GIN indexes of both keys answer it.
 */
function likeWhere(words: readonly string[]): Prisma.CandidateWhereInput[] {
  return words.map((word) => ({
    OR: [{ sortName: { contains: word } }, { emailKey: { contains: word } }],
  }));
}

/**
 * Does the trigram index answer this word exactly as `LIKE '%word%'` does?
 * Trigrams need 3 characters; `_` is a LIKE wildcard, not a character to find.
 */
export function indexedWord(word: string): boolean {
  return [...word].length >= 3 && !word.includes('_');
}

/** The FTS5 query of indexed words: each a quoted phrase (substring of a key, with the trigram tokenizer), all required. */
export function trigramQuery(words: readonly string[]): string {
  return words.map((word) => `"${word.replaceAll('"', '""')}"`).join(' AND ');
}

/**
 * Up to this many candidates matching the indexed words, the search is sent
 * as their ids (`id IN (…)`): the rows, counts and pages then read only those.
 * A broader search (a tenth of a large space, or `@exemple` in every e-mail)
 * keeps `LIKE`, whose walk in index order finds a page's rows soon.
 */
export const SEARCH_ID_LIST_MAX = 5000;

const SEARCH_SQL =
  'SELECT k."candidateId" AS "id", k."inHiddenGroup" AS "hidden" ' +
  'FROM "CandidateSearch" JOIN "CandidateSearchKey" k ON k."id" = "CandidateSearch"."rowid" ' +
  'WHERE "CandidateSearch" MATCH ? AND k."spaceId" = ? LIMIT ?';

/** A candidate the trigram index found, and whether a hidden group holds it (R12). */
export interface SearchMatch {
  id: string;
  hidden: boolean;
}

/** The search resolved: what the trigram index found (null: not used) and the conditions left to `LIKE`. */
export interface ResolvedSearch {
  matches: SearchMatch[] | null;
  where: Prisma.CandidateWhereInput[];
}

/**
 * Resolves `q` for the space. On SQLite, the words of 3 characters or more
 * are looked up in the trigram FTS5 index `CandidateSearch` (kept by triggers
 * on `Candidate`, migration candidate_search_and_counts), which finds exactly
 * the rows `LIKE '%word%'` finds on the keys; shorter words, and every word
 * when more than {@link SEARCH_ID_LIST_MAX} candidates match, stay `LIKE`.
 */
export async function resolveSearch(db: Db, spaceId: string, q: string | undefined, useIndex = true): Promise<ResolvedSearch> {
  const words = q ? searchWords(q) : [];
  const indexed = words.filter(indexedWord);
  if (!useIndex || indexed.length === 0 || registeredProvider(db) !== 'sqlite') return { matches: null, where: likeWhere(words) };
  const rows = await db.$queryRawUnsafe<{ id: string; hidden: unknown }[]>(
    SEARCH_SQL,
    trigramQuery(indexed),
    spaceId,
    SEARCH_ID_LIST_MAX + 1,
  );
  if (rows.length > SEARCH_ID_LIST_MAX) return { matches: null, where: likeWhere(words) };
  const matches = rows.map((row) => ({ id: row.id, hidden: row.hidden === true || Number(row.hidden) === 1 }));
  return { matches, where: likeWhere(words.filter((word) => !indexedWord(word))) };
}

/**
 * Up to this many members, a group filter is sent as the list of its members'
 * ids (`id IN (…)`, `id NOT IN (…)`): the database then seeks those rows
 * instead of probing the membership table once per candidate of the space.
 * A larger group's page walks the sort's index and tests membership, which
 * finds a page's rows sooner than seeking and sorting thousands of members.
 * (Statements may carry 32,766 parameters on both databases: see
 * `SQLITE_MAX_BIND_VALUES`.)
 */
export const GROUP_ID_LIST_MAX = 600;
/** Counts of a group of up to this many members are counted over its ids; beyond, the relation filter. */
export const GROUP_COUNT_IDS_MAX = 6000;

/** The members' ids of a group of the space, or null when it has more than `max`. */
async function memberIds(db: Pick<Db, 'membership'>, spaceId: string, groupId: string, max: number): Promise<string[] | null> {
  const members = await db.membership.findMany({
    where: { groupId, group: { spaceId } },
    select: { candidateId: true },
    take: max + 1,
  });
  return members.length > max ? null : members.map((m) => m.candidateId);
}

/**
 * « in the group » (`some`) or « not in the group » (`none`, R14), as the
 * cheapest condition for the group's size.
 */
export async function membershipWhere(
  db: Pick<Db, 'membership'>,
  spaceId: string,
  groupId: string,
  mode: 'some' | 'none',
): Promise<Prisma.CandidateWhereInput> {
  const ids = await memberIds(db, spaceId, groupId, GROUP_ID_LIST_MAX);
  if (ids === null) return { memberships: { [mode]: { groupId } } };
  if (mode === 'some') return { id: { in: ids } };
  return ids.length === 0 ? {} : { id: { notIn: ids } };
}

/**
 * The filters but the status and the group (and hidden candidates, handled
 * by the counts): search, validation, period on the « Date de passage »,
 * `extraWhere`.
 */
export function filterWhere(filters: CandidateFilters, extraWhere?: Prisma.CandidateWhereInput): Prisma.CandidateWhereInput[] {
  const and: Prisma.CandidateWhereInput[] = [];
  if (filters.q) and.push(...likeWhere(searchWords(filters.q)));
  if (filters.validation) and.push({ latestValidation: filters.validation });
  if (filters.from || filters.to) {
    and.push({
      examDate: {
        ...(filters.from ? { gte: startOfParisDay(filters.from) } : {}),
        ...(filters.to ? { lte: endOfParisDay(filters.to) } : {}),
      },
    });
  }
  if (extraWhere) and.push(extraWhere);
  return and;
}

/** Counts per status of the candidates matching `where`: two queries (stages, then the expired among the assigned). */
async function countStatuses(db: Pick<Db, 'candidate'>, where: Prisma.CandidateWhereInput, now: Date): Promise<StatusCounts> {
  const [byStage, expired] = await Promise.all([
    db.candidate.groupBy({ by: ['stage'], where, _count: { _all: true } }),
    db.candidate.count({ where: { AND: [where, statusWhere('expired', now)] } }),
  ]);
  const stage = (name: string) => byStage.find((row) => row.stage === name)?._count._all ?? 0;
  return { to_assign: stage('none'), scheduled: stage('assigned') - expired, expired, taken: stage('taken') };
}

/**
 * The space test of a query that seeks its rows by id: `NOT (spaceId <> ?)` —
 * the same condition, which SQLite's planner cannot mistake for a reason to
 * scan the whole space through an index that starts with `spaceId`.
 */
const inSpaceById = (spaceId: string): Prisma.CandidateWhereInput => ({ NOT: { spaceId: { not: spaceId } } });

/** Where the rows of a list are looked for: the ids found (search, group), or the space with a group's relation filter. */
export interface Scope {
  /** Candidates sought by id (the search's matches, a group's members, or both intersected); null: the whole space. */
  ids: string[] | null;
  /** A group too large to be sent as ids: the relation filter. */
  groupId: string | null;
}

/**
 * Counts per status (R12: hidden candidates out unless `includeHidden`), in
 * the database. With no filter, from the space's counters (no candidate read,
 * see `spaceStatusCounts`); with ids (a search, a group of up to
 * {@link GROUP_COUNT_IDS_MAX} members), by seeking those ids; else counted
 * over the space's status index.
 */
async function countRows(
  db: Db,
  spaceId: string,
  now: Date,
  shared: Prisma.CandidateWhereInput[],
  includeHidden: boolean,
  scope: Scope,
): Promise<StatusCounts> {
  if (scope.ids === null && scope.groupId === null && shared.length === 0) return spaceStatusCounts(db, spaceId, now, includeHidden);
  const hidden: Prisma.CandidateWhereInput[] = includeHidden ? [] : [{ inHiddenGroup: false }];
  const group: Prisma.CandidateWhereInput[] = scope.groupId === null ? [] : [{ memberships: { some: { groupId: scope.groupId } } }];
  if (scope.ids === null) return countStatuses(db, { AND: [{ spaceId }, ...hidden, ...shared, ...group] }, now);
  if (scope.ids.length === 0) return { to_assign: 0, scheduled: 0, expired: 0, taken: 0 };
  return countStatuses(db, { AND: [{ id: { in: scope.ids } }, inSpaceById(spaceId), ...hidden, ...shared, ...group] }, now);
}

function intersect(a: readonly string[], b: readonly string[]): string[] {
  const set = new Set(b);
  return a.filter((id) => set.has(id));
}

/**
 * What the rows of a list are read from, the same for a page of the table
 * and for an export: the search resolved (on SQLite through the trigram
 * index), a group's members, and the conditions every row query carries
 * (`base`: space or sought ids, R12's hidden candidates, search, validation,
 * period, group, status, `extraWhere`). Resolved once, an export reads all
 * its pages with it.
 */
export interface CandidateQueryPlan {
  /** Every condition a row must meet (AND), the status filter included. */
  base: Prisma.CandidateWhereInput[];
  /** The search's matches (hidden ones out unless asked for); null: no index lookup. */
  matches: SearchMatch[] | null;
  /** The filters the counts share with the rows (search left to LIKE, validation, period, `extraWhere`). */
  shared: Prisma.CandidateWhereInput[];
  scope: Scope;
}

/** Resolves the filters of a list into {@link CandidateQueryPlan} (search and group members read here). */
export async function planCandidateQuery(
  db: Db,
  spaceId: string,
  filters: CandidateFilters,
  now: Date,
  options: PlanOptions = {},
): Promise<CandidateQueryPlan> {
  const includeHidden = filters.includeHidden ?? false;
  const [search, members] = await Promise.all([
    resolveSearch(db, spaceId, filters.q, options.searchIndex ?? true),
    filters.groupId ? memberIds(db, spaceId, filters.groupId, GROUP_COUNT_IDS_MAX) : null,
  ]);
  const { q: _q, ...unsearched } = filters;
  const shared = [...search.where, ...filterWhere(unsearched, options.extraWhere)];

  // The search's matches, less the hidden candidates (R12) unless asked for.
  const matches = search.matches === null ? null : includeHidden ? search.matches : search.matches.filter((m) => !m.hidden);
  // The ids to seek: the search's matches, a group's members (up to GROUP_COUNT_IDS_MAX), or both.
  let sought = matches === null ? null : matches.map((m) => m.id);
  if (members !== null) sought = sought === null ? members : intersect(sought, members);
  const scope: Scope = { ids: sought, groupId: filters.groupId && members === null ? filters.groupId : null };
  // The page seeks the search's matches by id; a group's members only up to
  // GROUP_ID_LIST_MAX (a larger group walks the sort's index, testing membership).
  const pageIds = matches !== null || (sought !== null && sought.length <= GROUP_ID_LIST_MAX) ? sought : null;
  const inGroup: Prisma.CandidateWhereInput[] =
    filters.groupId && pageIds === null ? [{ memberships: { some: { groupId: filters.groupId } } }] : [];
  const base: Prisma.CandidateWhereInput[] = [
    ...(pageIds === null ? [{ spaceId }] : [{ id: { in: pageIds } }, inSpaceById(spaceId)]),
    ...(includeHidden ? [] : [{ inHiddenGroup: false }]),
    ...shared,
    ...inGroup,
    ...(filters.status ? [statusWhere(filters.status, now)] : []),
  ];

  return { base, matches, shared, scope };
}

/**
 * §6.1 — one page of the candidates table of a space, in the database:
 * filters `q` (name or e-mail, accents and case ignored; on SQLite through the
 * trigram index, see {@link resolveSearch}), `status` (R19: from `stage` and
 * `deadline` against `now`), `validation`, `groupId`, `from`/`to` (« Date de
 * passage », Paris days), `sort`, `includeHidden` (R12: candidates in a hidden
 * group are out of the rows *and* the counts unless asked for), keyset cursor
 * and `limit`.
 *
 * `total` is the number of rows the filters give (all pages). `counts` are per
 * status for the same filters *except the status filter itself*, so that the
 * status tabs keep their numbers while one of them is selected.
 */
export async function queryCandidates(
  db: Db,
  spaceId: string,
  filters: CandidateFilters,
  now: Date,
  options: QueryCandidatesOptions = {},
): Promise<CandidateList> {
  const sort = filters.sort ?? 'name';
  const limit = filters.limit ?? 50;
  const segments = sortSegments(sort, now);
  const cursor = filters.cursor === undefined ? null : decodeListCursor(filters.cursor, sort, segments);

  const request: PageRequest = { filters, now, segments, cursor, limit, options };
  const narrow = await narrowPage(db, spaceId, request);
  const { found, counts, records: read } = narrow.page ?? (await listPage(db, spaceId, request, narrow.broadSearch));

  const page = found.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor =
    found.length > limit && last
      ? encodeListCursor({
          sort,
          segment: last.segment,
          key: segments[last.segment]!.keys.map(([field]) => last.key[field] as KeyValue),
        })
      : null;

  const ids = page.map((p) => p.key.id as string);
  const [records, groups] = await Promise.all([
    read && ids.every((id) => read.has(id)) ? ids.map((id) => read.get(id)!) : rowsById(db, ids),
    groupsOf(db, ids),
  ]);
  const byId = new Map(records.map((r) => [r.id, r]));
  return {
    data: ids.flatMap((id) => {
      const record = byId.get(id);
      return record ? [toCandidateRow(record, groups.get(id) ?? [], now)] : [];
    }),
    nextCursor,
    total: filters.status ? counts[filters.status] : sumCounts(counts),
    counts,
  };
}

/** What a page of the table is asked for, resolved (sort segments, cursor). */
interface PageRequest {
  filters: CandidateFilters;
  now: Date;
  segments: Segment[];
  cursor: Cursor | null;
  limit: number;
  options: QueryCandidatesOptions;
}

/** Up to `limit + 1` keys of the page (the one beyond tells there is a next page), each with its segment, and the counts per status. */
interface FoundPage {
  found: { key: Record<string, unknown>; segment: number }[];
  counts: StatusCounts;
  /** The rows already read with the keys (SQLite's general path), by id. */
  records?: Map<string, CandidateRowRecord>;
}

/** The conditions of a segment's page: the segment's own, and after the cursor in the cursor's segment. */
function segmentWhere(request: PageRequest, g: number): Prisma.CandidateWhereInput[] {
  const { segments, cursor } = request;
  const segment = segments[g]!;
  return [segment.where, ...(cursor && g === cursor.segment ? [keysetAfter(segment.keys, cursor.key)] : [])];
}

/**
 * A search or a group on SQLite answered from `CandidateSearchKey`, the narrow
 * copy of the candidates beside the trigram index (candidate-search-index.ts):
 * the candidates the index finds for the words of 3 characters or more (at
 * most {@link SEARCH_ID_LIST_MAX}), a group's members (at most
 * {@link GROUP_COUNT_IDS_MAX}), or both, with every other filter (shorter
 * words, status, validation, period, R12) on the copy's columns. `extraWhere`
 * (the eligible lists of §6.6), PostgreSQL, larger searches and groups take
 * the general path; `broadSearch`: the index found too many candidates, the
 * general path must not ask it again.
 */
async function narrowPage(db: Db, spaceId: string, request: PageRequest): Promise<{ page: FoundPage | null; broadSearch: boolean }> {
  const { filters, now, segments, cursor, limit, options } = request;
  const words = filters.q ? searchWords(filters.q) : [];
  const indexed = words.filter(indexedWord);
  const groupId = filters.groupId;
  if ((indexed.length === 0 && !groupId) || options.extraWhere || registeredProvider(db) !== 'sqlite') return { page: null, broadSearch: false };

  const { q: _q, groupId: _g, ...others } = filters;
  const conditions = (searched: readonly string[]) => {
    const counted: Prisma.CandidateWhereInput[] = [
      ...(filters.includeHidden ? [] : [{ inHiddenGroup: false }]),
      ...likeWhere(words.filter((word) => !searched.includes(word))),
      ...filterWhere(others),
    ];
    const listed = [...counted, ...(filters.status ? [statusWhere(filters.status, now)] : [])];
    const pages = segments.map((_, g) => sideTableWhere([...listed, ...segmentWhere(request, g)]));
    const count = sideTableWhere(counted);
    return count === null || pages.some((where) => where === null) ? null : { count, pages: pages as SqlPart[] };
  };

  // The trigram index first, when it finds few enough; else the group's members, the words as LIKE.
  let broadSearch = false;
  let source: SqlPart | null = null;
  let where: ReturnType<typeof conditions> = null;
  if (indexed.length > 0) {
    const match = trigramQuery(indexed);
    const found = await countIndexMatches(db, spaceId, match, SEARCH_ID_LIST_MAX);
    // Nobody has these words in their name or e-mail: nothing to count or to list.
    if (found === 0) return { page: { found: [], counts: { to_assign: 0, scheduled: 0, expired: 0, taken: 0 } }, broadSearch: false };
    broadSearch = found > SEARCH_ID_LIST_MAX;
    if (!broadSearch) [source, where] = [listSource(spaceId, { match, ...(groupId ? { groupId } : {}) }), conditions(indexed)];
  }
  if (source === null && groupId && (await countGroupMembers(db, groupId, GROUP_COUNT_IDS_MAX)) <= GROUP_COUNT_IDS_MAX) {
    [source, where] = [listSource(spaceId, { groupId }), conditions([])];
  }
  if (source === null || where === null) return { page: null, broadSearch };

  const countsPromise = countListStatuses(db, source, where.count, now);
  countsPromise.catch(() => undefined);
  const found: FoundPage['found'] = [];
  for (let g = cursor?.segment ?? 0; g < segments.length && found.length <= limit; g += 1) {
    const keys = await listPageKeys(db, source, where.pages[g]!, segments[g]!.keys, limit + 1 - found.length);
    for (const key of keys) found.push({ key, segment: g });
  }
  return { page: { found, counts: await countsPromise }, broadSearch };
}

/** A page of the table by the general path: the plan (search, group, filters), the counts, then each segment's keys from its index. */
async function listPage(db: Db, spaceId: string, request: PageRequest, broadSearch: boolean): Promise<FoundPage> {
  const { filters, now, segments, cursor, limit, options } = request;
  const includeHidden = filters.includeHidden ?? false;
  const { base, shared, scope } = await planCandidateQuery(db, spaceId, filters, now, { ...options, searchIndex: !broadSearch });
  const countsPromise = countRows(db, spaceId, now, shared, includeHidden, scope);
  // Awaited below; marked as handled so that a failing page query does not leave it unobserved.
  countsPromise.catch(() => undefined);

  // First the page's keys alone: the filters and the order are then read from
  // one covering index, and only the page's rows are fetched afterwards.
  const found: FoundPage['found'] = [];
  const records = new Map<string, CandidateRowRecord>();
  const sqlite = registeredProvider(db) === 'sqlite';
  for (let g = cursor?.segment ?? 0; g < segments.length && found.length <= limit; g += 1) {
    const segment = segments[g]!;
    // On SQLite, filters Prisma's language shares with the side table are sent as one raw statement (no query compiler on the hot path).
    const raw = sqlite ? candidateTableWhere([...base, ...segmentWhere(request, g)]) : null;
    if (raw) {
      // The rows themselves, in the sort's index order: SQLite tests the filters on the index before it reads a row.
      for (const record of await pageRecords(db, raw, segment.keys, limit + 1 - found.length)) {
        found.push({ key: keyOf(record, segment.keys), segment: g });
        records.set(record.id, record);
      }
      continue;
    }
    const keys = await db.candidate.findMany({
      where: { AND: [...base, ...segmentWhere(request, g)] },
      orderBy: segment.keys.map(([field, dir]) => ({ [field]: dir })),
      take: limit + 1 - found.length,
      select: Object.fromEntries(segment.keys.map(([field]) => [field, true])),
    });
    for (const key of keys) found.push({ key, segment: g });
  }
  return { found, counts: await countsPromise, records };
}

/** A page's rows on SQLite, one raw statement: the row's columns, in the order of `keys`. */
async function pageRecords(db: Db, where: SqlPart, keys: readonly [KeyField, Dir][], take: number): Promise<CandidateRowRecord[]> {
  const order = keys.map(([field, dir]) => `k."${field}" ${dir === 'asc' ? 'ASC' : 'DESC'}`).join(', ');
  return db.$queryRawUnsafe<CandidateRowRecord[]>(`SELECT ${ROW_COLUMNS_OF_K} FROM "Candidate" k WHERE ${where.text} ORDER BY ${order} LIMIT ?`, ...where.args, take);
}

/** The cursor key of a row (the same values Prisma's select of the key fields gives). */
function keyOf(record: CandidateRowRecord, keys: readonly [KeyField, Dir][]): Record<string, unknown> {
  return Object.fromEntries(keys.map(([field]) => [field, field === 'latestScore' && record.latestScore !== null ? Number(record.latestScore) : record[field]]));
}

function sumCounts(counts: StatusCounts): number {
  return counts.to_assign + counts.scheduled + counts.expired + counts.taken;
}
