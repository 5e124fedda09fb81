import { fr } from '@clr/domain';
import { validationFailed } from '../http/problem.js';

/**
 * Opaque cursors: base64url JSON. `encodeCursor(50)` for an offset, or any
 * JSON value (`{ k: [sortKey, id] }`) for keyset pagination.
 */
export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

const invalid = () => validationFailed([{ path: 'cursor', message: fr('cursor.invalid') }], fr('cursor.invalid'));

/** Reads a cursor made by {@link encodeCursor}; 400 `cursor` when it was not. */
export function decodeCursorValue(cursor: string): unknown {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
  } catch {
    throw invalid();
  }
}

/** An offset cursor. */
export function decodeCursor(cursor: string): number {
  const value = decodeCursorValue(cursor);
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) throw invalid();
  return value;
}
