/**
 * The candidates table of §6.1 in SQL, over the read-model columns of
 * `Candidate` (`stage`, `deadline`, `latestScore`, `latestValidation`,
 * `latestExamType`, `examDate`, `sortName`, `inHiddenGroup`): every filter,
 * sort, page and count runs in the database, on the indexes of schema.prisma.
 * The export route and the eligible lists of §6.6 reuse {@link queryCandidates}
 * with their own `extraWhere`.
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
import type { Prisma } from '../generated/sqlite/client.js';
import { validationFailed } from '../http/problem.js';
import { statusWhere } from './candidate-counts.js';
import { decodeCursorValue, encodeCursor } from './cursor.js';

/**
 * The search key of a name or an e-mail: lower case, accents and ligatures
 * folded, spaces collapsed (« Lefèvre  Œnone » → `lefevre oenone`). The
 * `sortName` column holds it for "lastName firstName".
 */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

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

type Dir = 'asc' | 'desc';
type KeyField = 'sortName' | 'emailKey' | 'lastLoginAt' | 'latestScore' | 'examDate' | 'id';

interface Segment {
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
function after(keys: readonly [KeyField, Dir][], key: readonly KeyValue[]): Prisma.CandidateWhereInput {
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

/** The groups of each candidate, in one query (no N+1), by name. */
export async function groupsOf(
  db: Pick<Db, 'membership'>,
  candidateIds: readonly string[],
): Promise<Map<string, CandidateRow['groups']>> {
  const out = new Map<string, CandidateRow['groups']>(candidateIds.map((id) => [id, []]));
  if (candidateIds.length === 0) return out;
  const rows = await db.membership.findMany({
    where: { candidateId: { in: [...candidateIds] } },
    select: { candidateId: true, group: { select: { id: true, name: true } } },
  });
  for (const row of rows) out.get(row.candidateId)?.push({ id: row.group.id, name: row.group.name });
  for (const list of out.values()) list.sort((a, b) => byName.compare(a.name, b.name) || (a.id < b.id ? -1 : 1));
  return out;
}

/**
 * The search box (« Rechercher un nom, un courriel »): every word must be found
 * in the name key (accent- and case-insensitive) or in the e-mail. `%` is not a
 * character of either, so it only separates words.
 */
function searchWhere(q: string): Prisma.CandidateWhereInput[] {
  const words = searchKey(q.replace(/%/g, ' ')).split(' ').filter(Boolean);
  return words.map((word) => ({
    OR: [{ sortName: { contains: word } }, { emailKey: { contains: word } }],
  }));
}

/**
 * Up to this many members, a group filter is sent as the list of its members'
 * ids (`id IN (…)`, `id NOT IN (…)`): the database then seeks those rows
 * instead of probing the membership table once per candidate of the space.
 * Prisma allows 999 parameters a statement on SQLite (32 766 on PostgreSQL):
 * the rest of the query keeps its share.
 */
export const GROUP_ID_LIST_MAX = 600;
/** Counts of a group of up to this many members are summed over id lists; beyond, the relation filter. */
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
  if (filters.q) and.push(...searchWhere(filters.q));
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

const ZERO: StatusCounts = { to_assign: 0, scheduled: 0, expired: 0, taken: 0 };

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
 * Counts per status (R12: hidden candidates out unless `includeHidden`), in
 * the database. For a group filter of up to {@link GROUP_COUNT_IDS_MAX}
 * members, they are summed over slices of the members' ids, each counted by
 * seeking those ids: the space is then tested as `NOT (spaceId <> ?)` — the
 * same condition, which SQLite's planner cannot mistake for a reason to scan
 * the whole space through an index that starts with `spaceId`.
 */
async function countRows(
  db: Db,
  spaceId: string,
  now: Date,
  shared: Prisma.CandidateWhereInput[],
  includeHidden: boolean,
  group: { groupId: string; ids: string[] | null } | null,
): Promise<StatusCounts> {
  const hidden: Prisma.CandidateWhereInput[] = includeHidden ? [] : [{ inHiddenGroup: false }];
  if (group === null) return countStatuses(db, { AND: [{ spaceId }, ...hidden, ...shared] }, now);
  if (group.ids === null) {
    return countStatuses(db, { AND: [{ spaceId }, ...hidden, ...shared, { memberships: { some: { groupId: group.groupId } } }] }, now);
  }
  const slices: string[][] = [];
  for (let i = 0; i < group.ids.length; i += GROUP_ID_LIST_MAX) slices.push(group.ids.slice(i, i + GROUP_ID_LIST_MAX));
  const inSpace: Prisma.CandidateWhereInput = { NOT: { spaceId: { not: spaceId } } };
  const parts = await Promise.all(slices.map((ids) => countStatuses(db, { AND: [{ id: { in: ids } }, inSpace, ...hidden, ...shared] }, now)));
  return parts.reduce(
    (sum, part) => ({
      to_assign: sum.to_assign + part.to_assign,
      scheduled: sum.scheduled + part.scheduled,
      expired: sum.expired + part.expired,
      taken: sum.taken + part.taken,
    }),
    ZERO,
  );
}

/**
 * §6.1 — one page of the candidates table of a space, in the database:
 * filters `q` (name or e-mail, accents and case ignored), `status` (R19: from
 * `stage` and `deadline` against `now`), `validation`, `groupId`, `from`/`to`
 * (« Date de passage », Paris days), `sort`, `includeHidden` (R12: candidates
 * in a hidden group are out of the rows *and* the counts unless asked for),
 * keyset cursor and `limit`.
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
  const includeHidden = filters.includeHidden ?? false;
  const segments = sortSegments(sort, now);
  const cursor = filters.cursor === undefined ? null : decodeListCursor(filters.cursor, sort, segments);

  const shared = filterWhere(filters, options.extraWhere);
  const group = filters.groupId ? { groupId: filters.groupId, ids: await memberIds(db, spaceId, filters.groupId, GROUP_COUNT_IDS_MAX) } : null;
  const byIds = group !== null && group.ids !== null && group.ids.length <= GROUP_ID_LIST_MAX;
  const inGroup: Prisma.CandidateWhereInput[] =
    group === null ? [] : byIds ? [{ id: { in: group.ids! } }] : [{ memberships: { some: { groupId: group.groupId } } }];
  const base: Prisma.CandidateWhereInput[] = [
    // A small group's rows are sought by id (see `countRows` for the form of the space test).
    byIds ? { NOT: { spaceId: { not: spaceId } } } : { spaceId },
    ...(includeHidden ? [] : [{ inHiddenGroup: false }]),
    ...shared,
    ...inGroup,
    ...(filters.status ? [statusWhere(filters.status, now)] : []),
  ];

  const countsPromise = countRows(db, spaceId, now, shared, includeHidden, group);
  // Awaited below; marked as handled so that a failing page query does not leave it unobserved.
  countsPromise.catch(() => undefined);

  // First the page's keys alone: the filters and the order are then read from
  // one covering index, and only the page's rows are fetched afterwards.
  const found: { key: Record<string, unknown>; segment: number }[] = [];
  for (let g = cursor?.segment ?? 0; g < segments.length && found.length <= limit; g += 1) {
    const segment = segments[g]!;
    const where: Prisma.CandidateWhereInput = {
      AND: [...base, segment.where, ...(cursor && g === cursor.segment ? [after(segment.keys, cursor.key)] : [])],
    };
    const keys = await db.candidate.findMany({
      where,
      orderBy: segment.keys.map(([field, dir]) => ({ [field]: dir })),
      take: limit + 1 - found.length,
      select: Object.fromEntries(segment.keys.map(([field]) => [field, true])),
    });
    for (const key of keys) found.push({ key, segment: g });
  }

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
  const [records, counts, groups] = await Promise.all([
    ids.length === 0 ? [] : db.candidate.findMany({ where: { id: { in: ids } }, select: CANDIDATE_ROW_SELECT }),
    countsPromise,
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

function sumCounts(counts: StatusCounts): number {
  return counts.to_assign + counts.scheduled + counts.expired + counts.taken;
}
