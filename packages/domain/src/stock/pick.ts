import { examTypeLabel } from '../catalogue/exam-types.js';
import { DomainError } from '../shared/errors.js';
import { compareLotsForConsumption, isLotConsumable, type CreditLot } from './lots.js';

/** Credits to take from one lot: the server decrements `remaining` by `count`. */
export interface LotTake {
  lotId: string;
  count: number;
}

/** French count with its noun: 0 and 1 take the singular in French. */
export function frenchCount(n: number, singular: string, plural: string): string {
  return `${n} ${Math.abs(n) <= 1 ? singular : plural}`;
}

/** Credits of `examType` that can be consumed now: the type's stock. */
export function availableCredits(lots: readonly CreditLot[], examType: string, now: Date): number {
  let total = 0;
  for (const lot of lots) if (isLotConsumable(lot, examType, now)) total += lot.remaining;
  return total;
}

function outOfStock(examType: string, needed: number, available: number): DomainError {
  const message =
    needed === 1
      ? `Plus aucune certification « ${examTypeLabel(examType)} » en stock : passez une commande pour en obtenir.`
      : `${frenchCount(needed, 'certification nécessaire', 'certifications nécessaires')}, ${frenchCount(available, 'disponible', 'disponibles')} (« ${examTypeLabel(examType)} »).`;
  return new DomainError('out_of_stock', message, { needed, available, examType });
}

/**
 * R4 — the lot one credit of `examType` is taken from: the non-expired lot with
 * credits left and the soonest expiry (ties: the oldest lot). Throws
 * `out_of_stock` (`needed: 1, available: 0`) when the type's stock is empty.
 */
export function pickLot(lots: readonly CreditLot[], examType: string, now: Date): CreditLot {
  let best: CreditLot | undefined;
  for (const lot of lots) {
    if (!isLotConsumable(lot, examType, now)) continue;
    if (best === undefined || compareLotsForConsumption(lot, best) < 0) best = lot;
  }
  if (best === undefined) throw outOfStock(examType, 1, 0);
  return best;
}

/**
 * R4/R8 — `count` credits of `examType`, taken FIFO by expiry across lots: the
 * soonest-expiring lot is emptied before the next one is touched. All or
 * nothing: throws `out_of_stock` with `needed` and `available` when the stock
 * is short. `count` 0 takes nothing.
 */
export function pickLots(lots: readonly CreditLot[], examType: string, count: number, now: Date): LotTake[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`pickLots: count must be a whole number, got ${count}`);
  const usable = lots.filter((lot) => isLotConsumable(lot, examType, now)).sort(compareLotsForConsumption);
  const available = usable.reduce((sum, lot) => sum + lot.remaining, 0);
  if (count > available) throw outOfStock(examType, count, available);
  const takes: LotTake[] = [];
  let left = count;
  for (const lot of usable) {
    if (left === 0) break;
    const take = Math.min(left, lot.remaining);
    takes.push({ lotId: lot.id, count: take });
    left -= take;
  }
  return takes;
}

/** One lot id per credit, in consumption order (`[{a,2},{b,1}]` → `[a,a,b]`). */
export function expandTakes(takes: readonly LotTake[]): string[] {
  return takes.flatMap((t) => Array.from({ length: t.count }, () => t.lotId));
}
