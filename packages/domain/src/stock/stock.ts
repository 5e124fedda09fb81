import { z } from 'zod';
import { EXAM_TYPES, type ExamType } from '../catalogue/exam-types.js';
import { IsoDateTime } from '../shared/list.js';
import { compareLotsForConsumption, isLotExpired, type CreditLot } from './lots.js';

/** `GET /stock` (SPEC §4). */
export const Stock = z.object({
  total: z.number().int().nonnegative(),
  byType: z.array(
    z.object({
      examType: z.string(),
      remaining: z.number().int().nonnegative(),
      lots: z.array(
        z.object({ orderId: z.string(), remaining: z.number().int().positive(), expiresAt: IsoDateTime }),
      ),
    }),
  ),
});
export type Stock = z.infer<typeof Stock>;
export type StockOfType = Stock['byType'][number];

export interface StockOptions {
  /** Display order of the types; the seeded catalogue by default. */
  catalogue?: readonly ExamType[];
  /** Types listed even at 0 (the types of the space's products), so a type that runs out still shows. */
  examTypes?: readonly string[];
}

/**
 * The stock (SPEC §2): per exam type, the sum of `remaining` over non-expired
 * lots. Expired and emptied lots are left out; a type appears when it has
 * credits or is named in `options.examTypes`. Types follow the catalogue order
 * (unknown types last, by id); lots follow the order they will be consumed in (R4).
 */
export function stockOf(lots: readonly CreditLot[], now: Date, options: StockOptions = {}): Stock {
  const catalogue = options.catalogue ?? EXAM_TYPES;
  const live = lots.filter((lot) => lot.remaining > 0 && !isLotExpired(lot, now)).sort(compareLotsForConsumption);
  const byId = new Map<string, StockOfType>();
  for (const id of options.examTypes ?? []) byId.set(id, { examType: id, remaining: 0, lots: [] });
  for (const lot of live) {
    let entry = byId.get(lot.examType);
    if (!entry) {
      entry = { examType: lot.examType, remaining: 0, lots: [] };
      byId.set(lot.examType, entry);
    }
    entry.remaining += lot.remaining;
    entry.lots.push({ orderId: lot.orderId, remaining: lot.remaining, expiresAt: lot.expiresAt });
  }
  const rank = new Map(catalogue.map((t, i) => [t.id, i]));
  const byType = [...byId.values()].sort((a, b) => {
    const ra = rank.get(a.examType) ?? Number.MAX_SAFE_INTEGER;
    const rb = rank.get(b.examType) ?? Number.MAX_SAFE_INTEGER;
    return ra - rb || (a.examType < b.examType ? -1 : a.examType > b.examType ? 1 : 0);
  });
  return { total: byType.reduce((sum, t) => sum + t.remaining, 0), byType };
}
