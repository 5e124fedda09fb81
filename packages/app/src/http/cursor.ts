/**
 * Opaque cursors, as the API gives them: base64url JSON (`encodeCursor(50)` for
 * an offset). Runtime-neutral (no `Buffer`); a cursor the API did not give is
 * a 400 on `cursor`.
 */
import { fr, validationFailed } from '@clr/domain';

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
}

export function encodeCursor(value: unknown): string {
  return toBase64Url(new TextEncoder().encode(JSON.stringify(value)));
}

const invalid = () => validationFailed([{ path: 'cursor', message: fr('cursor.invalid') }], fr('cursor.invalid'));

/** An offset cursor made by {@link encodeCursor}; undefined is the first page. */
export function decodeOffset(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(fromBase64Url(cursor))) as unknown;
  } catch {
    throw invalid();
  }
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) throw invalid();
  return value;
}

/** One page of an already ordered list, with an offset cursor to the next one. */
export function offsetPage<T>(rows: readonly T[], cursor: string | undefined, limit: number): { data: T[]; nextCursor: string | null; total: number } {
  const offset = decodeOffset(cursor);
  const next = offset + limit;
  return { data: rows.slice(offset, next), nextCursor: next < rows.length ? encodeCursor(next) : null, total: rows.length };
}
