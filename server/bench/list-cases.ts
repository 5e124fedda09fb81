/**
 * The list queries the benches time, on SQLite (server.bench.ts) and on
 * PostgreSQL (postgres.bench.ts): one table, so that both databases answer
 * exactly the same requests.
 */
import { int } from './stats.js';

export interface ListCase {
  label: string;
  /** The query string of `GET /api/v1/candidates`. */
  query: string;
  /** The id the page must start with (deep cursors), checked once. */
  firstId?: string | undefined;
}

export interface ListCaseInputs {
  group: { id: string; members: number };
  /** Rows before the deep pages: their first row is row `deep + 1`. */
  deep: number;
  nameCursor: string;
  scoreCursor: string;
  /** The first row of each deep page, read straight from the database. */
  nameFirstId: string | undefined;
  scoreFirstId: string | undefined;
}

export function listCases(o: ListCaseInputs): ListCase[] {
  return [
    { label: 'default sort (name), first page', query: '' },
    { label: 'status=scheduled', query: 'status=scheduled' },
    { label: 'status=expired', query: 'status=expired' },
    { label: 'q=lef (name search)', query: 'q=lef' },
    { label: 'q=zzz (search, no match)', query: 'q=zzz' },
    { label: `groupId (${int(o.group.members)} members)`, query: `groupId=${o.group.id}` },
    { label: 'sort=-score, first page', query: 'sort=-score' },
    { label: 'sort=date, first page', query: 'sort=date' },
    { label: 'sort=email, first page', query: 'sort=email' },
    { label: `deep cursor, name, row ${int(o.deep + 1)}`, query: `cursor=${o.nameCursor}`, firstId: o.nameFirstId },
    { label: `deep cursor, -score, row ${int(o.deep + 1)}`, query: `sort=-score&cursor=${o.scoreCursor}`, firstId: o.scoreFirstId },
  ];
}
