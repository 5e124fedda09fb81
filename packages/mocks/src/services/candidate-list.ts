/**
 * The candidates table of §6.1 over the store, with the server's semantics
 * (`server/src/services/candidate-list.ts`): search on name and e-mail
 * (accents and case ignored, every word), status (R19 against the clock),
 * validation, group, period on the « Date de passage » (Paris days), sort by
 * the domain's `compareCandidateRows`, hidden candidates out of the rows and
 * the counts unless asked for (R12), `counts` per status for the same filters
 * without the status one, and opaque keyset cursors (the last row's sort key,
 * never an offset, so a deleted row does not shift the next page).
 *
 * Rows are computed once, then patched for the candidates a write touches
 * (`store.touched`), and computed again when a deadline passes (the only thing
 * that moves a status without a write) or after a write that did not say what
 * it touched; each sort is computed once and patched alike, so a page of
 * 100,000 candidates is a binary search and a slice.
 */
import {
  CandidateStatus,
  compareCandidateRows,
  isHiddenCandidate,
  isEligibleForAssignment,
  isEligibleForRemoval,
  parisDay,
  type CandidateList,
  type CandidateListQuery,
  type CandidateRow,
  type CandidateSort,
  type StatusCounts,
} from '@clr/domain';
import type { MockStore } from '../store/store.js';
import type { CandidateRecord } from '../store/types.js';
import { decodeCursorValue, encodeCursor, invalidCursor, searchKey, searchWords } from './paging.js';
import { candidateRow, currentAssignment, groupRecordsOf } from './views.js';

/** A row of the table with what the filters read. */
export interface TableEntry {
  row: CandidateRow;
  record: CandidateRecord;
  hidden: boolean;
  groupIds: ReadonlySet<string>;
  /** `searchKey("lastName firstName")`, computed the first time a search needs it. */
  nameKey?: string;
}

/** The rows of one space, as of a moment, and their orders per sort. */
interface Rows {
  epoch: number;
  version: number;
  entries: Map<string, TableEntry>;
  /** The rows hold while `after < now ≤ until` (the deadlines around the moments they were computed). */
  after: number;
  until: number;
  sorted: Map<CandidateSort, TableEntry[]>;
}

const ROWS = new WeakMap<MockStore, Map<string, Rows>>();

function entryOf(store: MockStore, record: CandidateRecord, now: Date, rows: Pick<Rows, 'after' | 'until'>): TableEntry {
  const t = now.getTime();
  const groups = groupRecordsOf(store, record.id);
  const current = currentAssignment(store, record.id);
  if (current && current.takenAt === null && current.attemptId === null) {
    const deadline = Date.parse(current.deadline);
    if (deadline >= t) rows.until = Math.min(rows.until, deadline);
    else rows.after = Math.max(rows.after, deadline);
  }
  return {
    row: candidateRow(store, record, now, groups),
    record,
    hidden: isHiddenCandidate(groups),
    groupIds: new Set(groups.map((g) => g.id)),
  };
}

function computeRows(store: MockStore, spaceId: string, now: Date): Rows {
  const rows: Rows = {
    epoch: store.epoch,
    version: store.version,
    entries: new Map(),
    after: Number.NEGATIVE_INFINITY,
    until: Number.POSITIVE_INFINITY,
    sorted: new Map(),
  };
  for (const record of store.index().candidatesBySpace.get(spaceId) ?? []) rows.entries.set(record.id, entryOf(store, record, now, rows));
  return rows;
}

/** Merges two lists already in the order of `compare`. */
function merge(a: readonly TableEntry[], b: readonly TableEntry[], compare: (x: TableEntry, y: TableEntry) => number): TableEntry[] {
  const out: TableEntry[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = compare(a[i] as TableEntry, b[j] as TableEntry) <= 0 ? (a[i++] as TableEntry) : (b[j++] as TableEntry);
  while (i < a.length) out[k++] = a[i++] as TableEntry;
  while (j < b.length) out[k++] = b[j++] as TableEntry;
  return out;
}

/** Recomputes the rows of the touched candidates alone, and moves them to their place in each sorted order. */
function patchRows(store: MockStore, rows: Rows, spaceId: string, ids: ReadonlySet<string>, now: Date): void {
  const removed = new Set<TableEntry>();
  const added: TableEntry[] = [];
  const candidates = store.index().candidates;
  for (const id of ids) {
    const old = rows.entries.get(id);
    if (old) removed.add(old);
    const record = candidates.get(id);
    if (record && record.spaceId === spaceId) {
      const entry = entryOf(store, record, now, rows);
      rows.entries.set(id, entry);
      added.push(entry);
    } else rows.entries.delete(id);
  }
  for (const [sort, list] of rows.sorted) {
    const compare = compareCandidateRows(sort);
    const byRow = (x: TableEntry, y: TableEntry) => compare(x.row, y.row);
    rows.sorted.set(sort, merge(removed.size > 0 ? list.filter((e) => !removed.has(e)) : list, [...added].sort(byRow), byRow));
  }
  rows.version = store.version;
}

function rowsOf(store: MockStore, spaceId: string, now: Date): Rows {
  let bySpace = ROWS.get(store);
  if (!bySpace) {
    bySpace = new Map();
    ROWS.set(store, bySpace);
  }
  const t = now.getTime();
  let rows = bySpace.get(spaceId);
  const touched = rows && rows.after < t && t <= rows.until ? store.touchedSince(rows.epoch, rows.version) : null;
  if (!rows || touched === null) {
    rows = computeRows(store, spaceId, now);
    bySpace.set(spaceId, rows);
  } else if (touched.size > 0) patchRows(store, rows, spaceId, touched, now);
  return rows;
}

/** Every row of a space, as of `now` (kept until a write touches them or a deadline passes). */
export function tableRows(store: MockStore, spaceId: string, now: Date): TableEntry[] {
  return [...rowsOf(store, spaceId, now).entries.values()];
}

/** Every row of a space in the order of `sort`. */
export function sortedRows(store: MockStore, spaceId: string, sort: CandidateSort, now: Date): TableEntry[] {
  const rows = rowsOf(store, spaceId, now);
  let sorted = rows.sorted.get(sort);
  if (!sorted) {
    const compare = compareCandidateRows(sort);
    sorted = [...rows.entries.values()].sort((a, b) => compare(a.row, b.row));
    rows.sorted.set(sort, sorted);
  }
  return sorted;
}

/** The filters of the table (the list query's output; paging optional for exports). */
export type TableFilters = Partial<CandidateListQuery>;

/** The filters but the status and the hidden ones: search, validation, group, period. */
export function matchesFilters(entry: TableEntry, filters: TableFilters, words: readonly string[]): boolean {
  const { row } = entry;
  if (words.length > 0) {
    const nameKey = (entry.nameKey ??= searchKey(`${entry.record.lastName} ${entry.record.firstName}`));
    const emailKey = entry.record.email;
    for (const word of words) if (!nameKey.includes(word) && !emailKey.includes(word)) return false;
  }
  if (filters.validation && row.validation !== filters.validation) return false;
  if (filters.groupId && !entry.groupIds.has(filters.groupId)) return false;
  if (filters.from || filters.to) {
    if (row.date === null) return false;
    const day = /^\d{4}-\d{2}-\d{2}$/.test(row.date) ? row.date : parisDay(row.date);
    if (filters.from && day < filters.from) return false;
    if (filters.to && day > filters.to) return false;
  }
  return true;
}

export interface QueryOptions {
  /** Kept on top of the filters, like the server's `extraWhere` (members of a group, eligible candidates). */
  extra?: (entry: TableEntry) => boolean;
}

export interface FilteredRows {
  /** In the table's order, every filter applied. */
  rows: readonly TableEntry[];
  counts: StatusCounts;
}

/**
 * Each sorted list's filtered rows, per filters: the next pages of the same
 * query are a binary search and a slice instead of a pass over every row. A
 * sorted list is replaced (never changed) when a write or the clock changes
 * its rows, so a result is valid as long as its list is the current one.
 */
const FILTERED = new WeakMap<readonly TableEntry[], Map<string, FilteredRows>>();

/** The rows a query selects, in order, and the counts per status for the same filters without the status one (read-only: shared by the query's pages). */
export function filterRows(store: MockStore, spaceId: string, filters: TableFilters, now: Date, options: QueryOptions = {}): FilteredRows {
  const sort = filters.sort ?? 'name';
  const sorted = sortedRows(store, spaceId, sort, now);
  if (options.extra) return scanRows(sorted, filters, options);
  const key = JSON.stringify([filters.q ?? '', filters.status ?? '', filters.validation ?? '', filters.groupId ?? '', filters.from ?? '', filters.to ?? '', filters.includeHidden ?? false]);
  let bySorted = FILTERED.get(sorted);
  if (!bySorted) {
    bySorted = new Map();
    FILTERED.set(sorted, bySorted);
  }
  let result = bySorted.get(key);
  if (!result) {
    result = scanRows(sorted, filters, options);
    // A few recent queries per list: a search box typed letter by letter leaves no trail.
    if (bySorted.size >= 8) bySorted.delete(bySorted.keys().next().value as string);
    bySorted.set(key, result);
  }
  return result;
}

function scanRows(sorted: readonly TableEntry[], filters: TableFilters, options: QueryOptions): FilteredRows {
  const words = filters.q ? searchWords(filters.q) : [];
  const counts: StatusCounts = { to_assign: 0, scheduled: 0, expired: 0, taken: 0 };
  const rows: TableEntry[] = [];
  for (const entry of sorted) {
    if (entry.hidden && !filters.includeHidden) continue;
    if (options.extra && !options.extra(entry)) continue;
    if (!matchesFilters(entry, filters, words)) continue;
    counts[entry.row.status] += 1;
    if (filters.status && entry.row.status !== filters.status) continue;
    rows.push(entry);
  }
  return { rows, counts };
}

// ---------------------------------------------------------------------------
// Keyset cursors

type SortableKey = Pick<CandidateRow, 'id' | 'lastName' | 'firstName' | 'email' | 'lastLoginAt' | 'status' | 'validation' | 'score' | 'date'>;

const COLUMN_OF: Record<string, keyof SortableKey | null> = {
  name: null,
  email: 'email',
  lastLoginAt: 'lastLoginAt',
  status: 'status',
  validation: 'validation',
  score: 'score',
  date: 'date',
};

function columnOf(sort: CandidateSort): keyof SortableKey | null {
  return COLUMN_OF[sort.replace(/^-/, '')] ?? null;
}

/** The cursor after `row`: the sort, the names and id (ties), and the sorted column's value. */
export function encodeRowCursor(sort: CandidateSort, row: CandidateRow): string {
  const column = columnOf(sort);
  return encodeCursor({ s: sort, k: [row.lastName, row.firstName, row.id, column === null ? null : row[column]] });
}

function decodeRowCursor(cursor: string, sort: CandidateSort): SortableKey {
  const value = decodeCursorValue(cursor) as { s?: unknown; k?: unknown } | null;
  if (typeof value !== 'object' || value === null || value.s !== sort || !Array.isArray(value.k) || value.k.length !== 4) throw invalidCursor();
  const [lastName, firstName, id, key] = value.k as unknown[];
  if (typeof lastName !== 'string' || typeof firstName !== 'string' || typeof id !== 'string') throw invalidCursor();
  const row: SortableKey = { id, lastName, firstName, email: '', lastLoginAt: null, status: 'to_assign', validation: null, score: null, date: null };
  const column = columnOf(sort);
  if (column !== null) {
    const ok =
      column === 'score'
        ? key === null || (typeof key === 'number' && Number.isInteger(key))
        : column === 'status'
          ? CandidateStatus.safeParse(key).success
          : column === 'email'
            ? typeof key === 'string'
            : key === null || typeof key === 'string';
    if (!ok) throw invalidCursor();
    (row as unknown as Record<string, unknown>)[column] = key;
  }
  return row;
}

/** The first index of `rows` strictly after `key` in the order of `sort` (rows are in that order). */
function indexAfter(rows: readonly TableEntry[], sort: CandidateSort, key: SortableKey): number {
  const compare = compareCandidateRows(sort);
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare((rows[mid] as TableEntry).row, key) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** One page of the table: `{ data, nextCursor, total, counts }` (SPEC §4). */
export function queryCandidates(store: MockStore, spaceId: string, query: TableFilters, now: Date, options: QueryOptions = {}): CandidateList {
  const sort = query.sort ?? 'name';
  const limit = query.limit ?? 50;
  const { rows, counts } = filterRows(store, spaceId, query, now, options);
  const start = query.cursor === undefined ? 0 : indexAfter(rows, sort, decodeRowCursor(query.cursor, sort));
  const page = rows.slice(start, start + limit);
  const last = page[page.length - 1];
  return {
    data: page.map((e) => e.row),
    nextCursor: last && start + limit < rows.length ? encodeRowCursor(sort, last.row) : null,
    total: query.status ? counts[query.status] : counts.to_assign + counts.scheduled + counts.expired + counts.taken,
    counts,
  };
}

/** §6.6: who may receive a new exam (R5/R8) or lose an untaken one (R7/R8). */
export function assignmentEligibility(store: MockStore, action: 'assign' | 'remove', now: Date): (entry: TableEntry) => boolean {
  return (entry) => {
    const current = currentAssignment(store, entry.record.id);
    return action === 'assign' ? isEligibleForAssignment(current, now) : isEligibleForRemoval(current, now);
  };
}
