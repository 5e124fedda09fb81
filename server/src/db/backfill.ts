import { groupNameColumns } from '../services/groups.js';
import type { Db } from './client.js';

/**
 * Values a migration adds that SQL cannot compute, filled in at start-up
 * after the migrations: the search and sort keys of groups created before
 * migration group_sort_keys (the keys fold accents: the domain's `searchKey`
 * and `nameSortKey`). A name is never empty, so neither is a written key:
 * an empty one is a group still to fill. Returns the number of groups filled.
 */
export async function backfillDerivedColumns(db: Db): Promise<number> {
  const groups = await db.group.findMany({ where: { sortKey: '' }, select: { id: true, name: true } });
  for (const group of groups) {
    const { searchKey, sortKey } = groupNameColumns(group.name);
    await db.group.update({ where: { id: group.id }, data: { searchKey, sortKey } });
  }
  return groups.length;
}
