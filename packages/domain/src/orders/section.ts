import type { OrderSection, OrderStatus } from '../shared/enums.js';
import { isLotExpired, type CreditLot } from '../stock/lots.js';
import type { OrderRecord } from './lifecycle.js';
import type { Order, OrderLine } from './schemas.js';
import { lineTotals, orderTotals } from './totals.js';

/** What an order line still holds: its lot's remaining credits, 0 once the lot has expired. */
export function orderLineRemaining(lot: Pick<CreditLot, 'remaining' | 'expiresAt'>, now: Date): number {
  return isLotExpired(lot, now) ? 0 : lot.remaining;
}

/**
 * R3 / §4.1 — the section of the orders table an order sits in:
 * `to_validate` (pending, « En cours »), `to_consume` (delivered with credits
 * left in a non-expired lot), `history` (delivered and fully consumed or
 * expired, or cancelled). `lots` may hold any lots: only this order's count.
 * A credit returned to a lot (R7) brings its order back to `to_consume`.
 */
export function orderSection(
  order: { id: string; status: OrderStatus },
  lots: readonly CreditLot[],
  now: Date,
): OrderSection {
  if (order.status === 'pending') return 'to_validate';
  if (order.status === 'cancelled') return 'history';
  return lots.some((lot) => lot.orderId === order.id && orderLineRemaining(lot, now) > 0) ? 'to_consume' : 'history';
}

/**
 * Finds each line's lot: by `orderLineId` when the lots carry it, else the
 * first unclaimed lot of the same order and exam type.
 */
function lotsByLine(order: OrderRecord, lots: readonly CreditLot[]): (CreditLot | undefined)[] {
  const own = lots.filter((lot) => lot.orderId === order.id);
  const claimed = new Set<CreditLot>();
  const byLine = order.lines.map((line) => {
    const lot = own.find((l) => l.orderLineId === line.id);
    if (lot) claimed.add(lot);
    return lot;
  });
  return byLine.map((lot, i) => {
    if (lot) return lot;
    const line = order.lines[i];
    const fallback = own.find((l) => !claimed.has(l) && !l.orderLineId && l.examType === line?.examType);
    if (fallback) claimed.add(fallback);
    return fallback;
  });
}

/**
 * The `Order` of the API (SPEC §4) from a stored order and its lots: line
 * totals (R2) at the order's own VAT rate, what remains of each line and when
 * it expires (null until delivery), and the section (R3).
 */
export function presentOrder(order: OrderRecord, lots: readonly CreditLot[], now: Date): Order {
  const lineLots = lotsByLine(order, lots);
  const lines: OrderLine[] = order.lines.map((line, i) => {
    const lot = lineLots[i];
    const { ht, ttc } = lineTotals(line.quantity, line.unitPriceHt, order.vatRateBp);
    return {
      productId: line.productId,
      examType: line.examType,
      quantity: line.quantity,
      remaining: lot && order.status === 'delivered' ? orderLineRemaining(lot, now) : 0,
      unitPriceHt: line.unitPriceHt,
      ht,
      ttc,
      expiresAt: lot ? lot.expiresAt : null,
    };
  });
  return {
    id: order.id,
    number: order.number,
    createdAt: order.createdAt,
    status: order.status,
    section: orderSection(order, lots, now),
    lines,
    totals: orderTotals(order.lines, order.vatRateBp),
  };
}
