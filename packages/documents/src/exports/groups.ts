import { LABELS, type Group } from '@clr/domain';
import type { CsvColumn } from '../csv/writer.js';

/** « Exporter le tableau » of « Groupes » (§5.2): Nom, Catégorie, Date de création, Statut. */
export const GROUP_COLUMNS: readonly CsvColumn<Group>[] = [
  { key: 'name', header: { fr: 'Nom', en: 'Name' }, value: (g) => g.name },
  { key: 'category', header: { fr: 'Catégorie', en: 'Category' }, value: (g, c) => LABELS[c.locale].groupCategory[g.category] },
  { key: 'createdAt', header: { fr: 'Date de création', en: 'Created on' }, value: (g, c) => c.formatDate(g.createdAt) },
  {
    key: 'status',
    header: { fr: 'Statut', en: 'Status' },
    value: (g, c) => LABELS[c.locale].groupVisibility[g.hidden ? 'hidden' : 'active'],
  },
];
