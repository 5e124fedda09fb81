import { LABELS } from '../i18n/labels.js';
import type { GroupCategory } from '../shared/enums.js';
import type { GroupSort } from '../schemas/groups.js';
import { FRENCH_COLLATOR } from '../candidates/sorting.js';

interface SortableGroup {
  id: string;
  name: string;
  category: GroupCategory;
  hidden: boolean;
  createdAt: string;
}

const categoryLabel = (c: GroupCategory) => LABELS.fr.groupCategory[c];

/**
 * R12 — the groups table's order (§5.4): « le groupe masqué s'affiche en grisé
 * et en dernière position ». Visible groups first, hidden ones after, each part
 * in the chosen column's order (§5.1): `name` (French order), `category` (by its
 * French label), `createdAt`; `-` for descending; ties by name then id.
 * Returns a new array.
 */
export function sortGroupsForTable<G extends SortableGroup>(groups: readonly G[], sort: GroupSort = 'name'): G[] {
  const descending = sort.startsWith('-');
  const column = descending ? sort.slice(1) : sort;
  const sign = descending ? -1 : 1;
  const byName = (a: G, b: G) => FRENCH_COLLATOR.compare(a.name, b.name);
  const byId = (a: G, b: G) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const byColumn = (a: G, b: G): number => {
    switch (column) {
      case 'category':
        return FRENCH_COLLATOR.compare(categoryLabel(a.category), categoryLabel(b.category));
      case 'createdAt':
        return Date.parse(a.createdAt) - Date.parse(b.createdAt);
      default:
        return byName(a, b);
    }
  };
  return [...groups].sort(
    (a, b) => Number(a.hidden) - Number(b.hidden) || sign * byColumn(a, b) || byName(a, b) || byId(a, b),
  );
}
