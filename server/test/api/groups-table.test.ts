import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GROUP_SORTS, sortGroupsForTable, type GroupSort, type GroupWithCount } from '@clr/domain';
import { backfillDerivedColumns } from '../../src/db/backfill.js';
import { closeAll } from '../support/db.js';
import { makeKit, spaceWithAdmin, type TestKit } from './helpers.js';

/**
 * §5.1 the groups table is searched, sorted and paged by the database: under
 * every sort, walking the pages gives every group once, in the domain's order
 * (`sortGroupsForTable`: French order of names with numbers by value, the
 * category by its French label, hidden groups last — R12), whatever the page
 * size; the search ignores accents and case.
 */
let kit: TestKit;
let cookie: string;
let spaceId: string;
const DAY = 86_400_000;

const NAMES: [string, string][] = [
  ['Groupe 10', 'class'], ['Groupe 2', 'class'], ['groupe 1', 'client'], ['Éco', 'other'], ['eau', 'other'], ['Ecole', 'exam_session'],
  ['Œnologie', 'client'], ['Zèbre', 'class'], ['Session d’été', 'exam_session'], ['Anciens', 'class'], ['BTS 2026', 'client'],
  ['bts 2025', 'client'], ['Le Gall', 'other'], ['Lefèvre', 'other'],
];
const HIDDEN = new Set(['Anciens', 'Session d’été', 'eau']);

const call = (method: string, path: string, body?: unknown) => kit.call(method, path, { cookie, ...(body === undefined ? {} : { body }) });

beforeAll(async () => {
  kit = await makeKit();
  const made = await spaceWithAdmin(kit, 'Tableau des groupes');
  cookie = made.cookie;
  spaceId = made.space.id;
  const start = kit.clock.now().getTime();
  for (const [i, [name, category]] of NAMES.entries()) {
    const created = await call('POST', '/groups', { name, category });
    expect(created.status).toBe(201);
    // Creation dates out of name order, some groups on the same instant.
    await kit.db.group.update({ where: { id: created.json.id as string }, data: { createdAt: new Date(start - ((i * 7) % 11) * DAY) } });
    if (HIDDEN.has(name)) expect((await call('PATCH', `/groups/${created.json.id}`, { hidden: true })).status).toBe(200);
  }
  // Another space's groups are never listed.
  const other = await spaceWithAdmin(kit, 'Ailleurs');
  await kit.call('POST', '/groups', { cookie: other.cookie, body: { name: 'Groupe 3', category: 'class' } });
});
afterAll(() => closeAll());

async function walk(query: string, limit: number): Promise<{ rows: GroupWithCount[]; totals: number[] }> {
  const rows: GroupWithCount[] = [];
  const totals: number[] = [];
  let cursor: string | null = null;
  do {
    const res = await call('GET', `/groups?limit=${limit}${query}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.status).toBe(200);
    rows.push(...(res.json.data as GroupWithCount[]));
    totals.push(res.json.total as number);
    cursor = res.json.nextCursor as string | null;
  } while (cursor);
  return { rows, totals };
}

describe('§5.1 the groups table in the database', () => {
  it.each(GROUP_SORTS.map((sort) => [sort]))('R12 sort=%s: every page in the domain’s order, hidden groups last, at any page size', async (sort) => {
    const all = (await walk('', 100)).rows;
    expect(all).toHaveLength(NAMES.length);
    const expected = sortGroupsForTable(all, sort as GroupSort).map((g) => g.name);
    for (const limit of [1, 4, 100]) {
      const { rows, totals } = await walk(`&sort=${sort}`, limit);
      expect(rows.map((g) => g.name)).toEqual(expected);
      expect(new Set(totals)).toEqual(new Set([NAMES.length]));
    }
    const tail = expected.slice(-HIDDEN.size);
    expect(new Set(tail)).toEqual(HIDDEN);
  });

  it('sorts names in French order, numbers by value, accents and case ignored, hidden groups last', async () => {
    expect((await walk('&sort=name', 5)).rows.map((g) => g.name)).toEqual([
      'bts 2025', 'BTS 2026', 'Éco', 'Ecole', 'groupe 1', 'Groupe 2', 'Groupe 10', 'Le Gall', 'Lefèvre', 'Œnologie', 'Zèbre',
      'Anciens', 'eau', 'Session d’été',
    ]);
  });

  it('« Rechercher » ignores accents and case, and combines with the category and the sort', async () => {
    expect((await walk('&q=ECO', 2)).rows.map((g) => g.name).sort()).toEqual(['Ecole', 'Éco']);
    expect((await walk('&q=oenol', 2)).rows.map((g) => g.name)).toEqual(['Œnologie']);
    const bts = await walk('&q=bts&category=client&sort=-name', 1);
    expect(bts.rows.map((g) => g.name)).toEqual(['BTS 2026', 'bts 2025']);
    expect(bts.totals[0]).toBe(2);
    expect((await walk('&q=zzz', 5)).rows).toEqual([]);
  });

  it('fills the keys of groups written before they existed, at start-up', async () => {
    await kit.db.group.updateMany({ where: { spaceId }, data: { searchKey: '', sortKey: '' } });
    expect(await backfillDerivedColumns(kit.db)).toBeGreaterThanOrEqual(NAMES.length);
    expect(await backfillDerivedColumns(kit.db)).toBe(0);
    const { rows } = await walk('&sort=name', 100);
    expect(rows.map((g) => g.name)).toEqual(sortGroupsForTable(rows, 'name').map((g) => g.name));
    expect((await walk('&q=ECO', 5)).rows).toHaveLength(2);
  });
});
