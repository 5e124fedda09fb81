/**
 * Credit lots (SPEC §2): a delivered order line — exam type, quantity,
 * remaining credits, expiry. A lot is expired once `now` is past `expiresAt`
 * (the last millisecond of a Paris day); expired credits are never consumed (R4)
 * and a credit returned to an expired lot is lost (R6).
 */
export interface CreditLot {
  id: string;
  orderId: string;
  /** The order line this lot delivers (one lot per line), when the store keeps it. */
  orderLineId?: string | null;
  examType: string;
  quantity: number;
  remaining: number;
  /** ISO instant: the end of a Paris day. */
  expiresAt: string;
}

export function isLotExpired(lot: Pick<CreditLot, 'expiresAt'>, now: Date): boolean {
  return now.getTime() > Date.parse(lot.expiresAt);
}

/** Can one credit of `examType` be taken from this lot now? */
export function isLotConsumable(lot: CreditLot, examType: string, now: Date): boolean {
  return lot.examType === examType && lot.remaining > 0 && !isLotExpired(lot, now);
}

/**
 * Orders ids the way they were issued: numeric ids numerically (`9` before
 * `10`), any other id (cuid, ulid — both time-ordered) by code units.
 */
export function compareIds(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b) && a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** R4 consumption order: soonest expiry first, then the oldest lot. */
export function compareLotsForConsumption(a: CreditLot, b: CreditLot): number {
  return Date.parse(a.expiresAt) - Date.parse(b.expiresAt) || compareIds(a.id, b.id);
}
