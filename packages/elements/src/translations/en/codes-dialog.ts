import type { codesDialog as fr } from '../fr/codes-dialog.js';

/** <clr-codes-dialog> in English. */
export const codesDialog: typeof fr = {
  label: '',
};
