import type { candidatesTable as fr } from '../fr/candidates-table.js';

/** <clr-candidates-table> in English. */
export const candidatesTable: typeof fr = {
  label: '',
};
