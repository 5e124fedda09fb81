import { addMonths, endOfParisDay, parisDay } from '../shared/dates.js';
import type { OrderStatus } from '../shared/enums.js';
import { DomainError } from '../shared/errors.js';
import type { CreditLot } from '../stock/lots.js';

/** An order line as stored: the unit price is the one copied at order time. */
export interface OrderLineRecord {
  id: string;
  productId: string;
  examType: string;
  quantity: number;
  unitPriceHt: number;
}

/** An order as stored (SPEC §2 Order); `vatRateBp` is the space's rate when it was placed. */
export interface OrderRecord {
  id: string;
  number: string;
  /** ISO instant. */
  createdAt: string;
  status: OrderStatus;
  vatRateBp: number;
  lines: readonly OrderLineRecord[];
}

/** A lot to create on delivery; the store gives it its id. */
export type NewCreditLot = Omit<CreditLot, 'id' | 'orderLineId'> & { orderLineId: string };

export interface DeliveryPlan {
  orderId: string;
  status: 'delivered';
  /** ISO instant of the delivery (`now`). */
  deliveredAt: string;
  /** One lot per line, in line order. */
  lots: NewCreditLot[];
}

export interface CancellationPlan {
  orderId: string;
  status: 'cancelled';
}

export const DEFAULT_VALIDITY_MONTHS = 12;

function refuseUnlessPending(order: Pick<OrderRecord, 'id' | 'status'>, action: 'deliver' | 'cancel'): void {
  if (order.status === 'pending') return;
  const message =
    order.status === 'delivered'
      ? action === 'deliver'
        ? 'Cette commande a déjà été livrée.'
        : 'Cette commande a déjà été livrée : elle ne peut plus être annulée.'
      : action === 'deliver'
        ? 'Cette commande a été annulée : elle ne peut plus être livrée.'
        : 'Cette commande est déjà annulée.';
  throw new DomainError('conflict', message, { orderId: order.id, status: order.status });
}

/**
 * R3 — delivering a pending order (payment confirmed or an operator's
 * validation) creates one credit lot per line: its quantity, all of it
 * remaining, expiring at the end of the Paris day of delivery + `validityMonths`
 * (12 by default; 31/01 + 1 month → 28 or 29/02). Refuses any order that is not
 * pending with `conflict`. The store must apply it with a guarded update
 * (`status = 'pending'` in the WHERE) so two deliveries cannot both win.
 */
export function planDelivery(
  order: Pick<OrderRecord, 'id' | 'status' | 'lines'>,
  now: Date,
  options: { validityMonths?: number } = {},
): DeliveryPlan {
  const validityMonths = options.validityMonths ?? DEFAULT_VALIDITY_MONTHS;
  if (!Number.isInteger(validityMonths) || validityMonths < 1) {
    throw new RangeError(`planDelivery: validityMonths must be a positive whole number, got ${validityMonths}`);
  }
  refuseUnlessPending(order, 'deliver');
  const expiresAt = endOfParisDay(addMonths(parisDay(now), validityMonths)).toISOString();
  return {
    orderId: order.id,
    status: 'delivered',
    deliveredAt: now.toISOString(),
    lots: order.lines.map((line) => ({
      orderId: order.id,
      orderLineId: line.id,
      examType: line.examType,
      quantity: line.quantity,
      remaining: line.quantity,
      expiresAt,
    })),
  };
}

/** R3 — only a pending order can be cancelled (`conflict` otherwise); nothing was delivered, so no credit moves. */
export function planCancellation(order: Pick<OrderRecord, 'id' | 'status'>): CancellationPlan {
  refuseUnlessPending(order, 'cancel');
  return { orderId: order.id, status: 'cancelled' };
}
