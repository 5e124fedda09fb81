import { LABELS } from '../i18n/labels.js';
import type { GroupCategory } from '../shared/enums.js';
import type { GroupSort } from '../schemas/groups.js';
import { FRENCH_COLLATOR } from '../candidates/sorting.js';
import { compareKeys, nameSortKey } from '../shared/text.js';

interface SortableGroup {
  id: string;
  name: string;
  category: GroupCategory;
  hidden: boolean;
  createdAt: string;
}

const categoryLabel = (c: GroupCategory) => LABELS.fr.groupCategory[c];

/** The categories in the order of their French labels (« Autre », « Classe », …): the groups table's `category` sort. */
export const GROUP_CATEGORY_ORDER: readonly GroupCategory[] = /* @__PURE__ */ (() =>
  (Object.keys(LABELS.fr.groupCategory) as GroupCategory[]).sort((a, b) => FRENCH_COLLATOR.compare(categoryLabel(a), categoryLabel(b))))();

/**
 * R12 — the groups table's order (§5.4): « le groupe masqué s'affiche en grisé
 * et en dernière position ». Visible groups first, hidden ones after, each part
 * in the chosen column's order (§5.1): `name` (French order, as its
 * {@link nameSortKey} gives it: the database sorts the same keys), `category`
 * (by its French label, {@link GROUP_CATEGORY_ORDER}), `createdAt`; `-` for
 * descending; ties by name then id.
 * Returns a new array.
 */
export function sortGroupsForTable<G extends SortableGroup>(groups: readonly G[], sort: GroupSort = 'name'): G[] {
  const descending = sort.startsWith('-');
  const column = descending ? sort.slice(1) : sort;
  const sign = descending ? -1 : 1;
  const byName = (a: G, b: G) => compareKeys(nameSortKey(a.name), nameSortKey(b.name));
  const byId = (a: G, b: G) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const byColumn = (a: G, b: G): number => {
    switch (column) {
      case 'category':
        return GROUP_CATEGORY_ORDER.indexOf(a.category) - GROUP_CATEGORY_ORDER.indexOf(b.category);
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
