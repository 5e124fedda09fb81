import { CandidateStatus, Validation } from '../shared/enums.js';
import type { CandidateRow } from './schemas.js';
import type { CandidateSort } from '../schemas/candidates.js';

/** French alphabetical order: accents and case do not separate (« Émile » beside « emile »), digits by value. */
export const FRENCH_COLLATOR = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

type SortableRow = Pick<CandidateRow, 'id' | 'lastName' | 'firstName' | 'email' | 'lastLoginAt' | 'status' | 'validation' | 'score' | 'date'>;

const STATUS_RANK = new Map(CandidateStatus.options.map((s, i) => [s, i]));
const VALIDATION_RANK = new Map(Validation.options.map((v, i) => [v, i]));

const byName = (a: SortableRow, b: SortableRow) =>
  FRENCH_COLLATOR.compare(a.lastName, b.lastName) || FRENCH_COLLATOR.compare(a.firstName, b.firstName);

/** A column's value: a number, a string to collate, or null (empty cell: always last). */
type Key = (row: SortableRow) => number | string | null;

const KEYS: Record<string, Key> = {
  email: (r) => r.email,
  lastLoginAt: (r) => (r.lastLoginAt === null ? null : Date.parse(r.lastLoginAt)),
  status: (r) => STATUS_RANK.get(r.status) ?? null,
  validation: (r) => (r.validation === null ? null : (VALIDATION_RANK.get(r.validation) ?? null)),
  score: (r) => r.score,
  date: (r) => (r.date === null ? null : Date.parse(r.date)),
};

/**
 * The order of the candidates table for a `sort` of `GET /candidates` (§6.1):
 * `name` is last then first name in French order; statuses and validations in
 * their enumeration order (« À attribuer », « Prévue », « Expirée », « Passée »);
 * empty cells last in both directions; ties by name, then id, so paging is stable.
 * The mocks use it; the server's SQL follows the same rules.
 */
export function compareCandidateRows(sort: CandidateSort = 'name'): (a: SortableRow, b: SortableRow) => number {
  const descending = sort.startsWith('-');
  const column = descending ? sort.slice(1) : sort;
  const sign = descending ? -1 : 1;
  const tieBreak = (a: SortableRow, b: SortableRow) => byName(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  if (column === 'name') return (a, b) => sign * byName(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const key = KEYS[column] as Key;
  return (a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka === null || kb === null) return ka === kb ? tieBreak(a, b) : ka === null ? 1 : -1;
    const order = typeof ka === 'number' && typeof kb === 'number' ? ka - kb : FRENCH_COLLATOR.compare(String(ka), String(kb));
    return sign * order || tieBreak(a, b);
  };
}

/** The rows in the table's order (a new array). */
export function sortCandidateRows<R extends SortableRow>(rows: readonly R[], sort: CandidateSort = 'name'): R[] {
  return [...rows].sort(compareCandidateRows(sort));
}
