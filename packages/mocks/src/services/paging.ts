/**
 * Search keys and cursors, as the server reads them. Not business rules but
 * the API's manners: the same folding of accents for the search box, the same
 * opaque base64url cursors, the same 400 for a cursor the API did not give.
 */
import { fr, searchKey } from '@clr/domain';
import { decodeJsonToken, encodeJsonToken } from '../store/encoding.js';
import { validationFailed } from '../http/problem.js';

/** The search key of names and e-mails (the domain's, as the server uses it). */
export { searchKey };

/** The words of a search box: each must be found (`%` only separates words). */
export function searchWords(q: string): string[] {
  return searchKey(q.replace(/%/g, ' ')).split(' ').filter(Boolean);
}

export const invalidCursor = () => validationFailed([{ path: 'cursor', message: fr('cursor.invalid') }], fr('cursor.invalid'));

export function encodeCursor(value: unknown): string {
  return encodeJsonToken(value);
}

/** The value of a cursor made by {@link encodeCursor}; 400 `cursor` when it was not. */
export function decodeCursorValue(cursor: string): unknown {
  try {
    return decodeJsonToken(cursor);
  } catch {
    throw invalidCursor();
  }
}

/** Offset cursors and pages (groups, orders, activation codes): the application layer's. */
export { decodeOffset, offsetPage } from '@clr/app';
