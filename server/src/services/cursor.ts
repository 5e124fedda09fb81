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

/**
 * One offset page of a list read as ordered segments whose sizes are known
 * (the groups table by visibility and category, the orders table by
 * section): skips the segments before `offset` by their sizes, then reads
 * from each segment the page falls in, in order. `read(segment, skip, take)`
 * reads rows of one segment in its order.
 */
export async function pageOfSegments<S, R>(
  segments: readonly { segment: S; size: number }[],
  offset: number,
  limit: number,
  read: (segment: S, skip: number, take: number) => Promise<R[]>,
): Promise<{ data: R[]; total: number; nextCursor: string | null }> {
  const data: R[] = [];
  let skip = offset;
  for (const { segment, size } of segments) {
    if (data.length >= limit) break;
    if (skip >= size) {
      skip -= size;
      continue;
    }
    data.push(...(await read(segment, skip, limit - data.length)));
    skip = 0;
  }
  const total = segments.reduce((sum, s) => sum + s.size, 0);
  const next = offset + limit;
  return { data, total, nextCursor: next < total ? encodeCursor(next) : null };
}
