import { z } from 'zod';

/** Every list of the API: `{ data, nextCursor, total }` (SPEC §4 "Lists"). */
export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), nextCursor: z.string().nullable(), total: z.number().int().nonnegative() });
}
export interface List<T> {
  data: T[];
  nextCursor: string | null;
  total: number;
}

export const IsoDateTime = z.iso.datetime({ offset: true });
/** A calendar date `YYYY-MM-DD`. */
export const IsoDate = z.iso.date();
