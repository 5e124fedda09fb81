import { Order, OrderList } from '@clr/domain';
import type { ClrFile } from '../core/file.js';
import { listPromise, type ListPromise } from '../core/pagination.js';
import type { CallOptions, ListCallOptions } from '../core/transport.js';
import { Checkout, OperatorOrderList, type OperatorOrderListParams, type OrderCreateParams, type OrderListParams } from '../schemas.js';
import { Resource, seg } from './resource.js';

/** A fresh `Idempotency-Key`: a random UUID (v4), also on a page served over plain http, where `randomUUID` is missing. */
export function newIdempotencyKey(): string {
  const crypto = globalThis.crypto;
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** `/orders` (§4): the orders table, new orders, payment. */
export class OrdersResource extends Resource {
  /** The orders table (§4.1): sections « À valider », « À consommer », « Historique », filters, and the listed rows' totals. */
  list(params: OrderListParams = {}, options?: ListCallOptions<OrderList>): ListPromise<OrderList> {
    const page = (cursor: string | undefined) =>
      this.http.cachedJson({ method: 'GET', path: 'orders', query: { ...params, ...(cursor ? { cursor } : {}) }, schema: OrderList, options }, options);
    return listPromise(page(params.cursor), page);
  }

  retrieve(id: string, options?: CallOptions): Promise<Order> {
    return this.http.json({ method: 'GET', path: `orders/${seg(id)}`, schema: Order, options });
  }

  /**
   * Places an order (§4.3, R1–R3); it is « En cours » until paid or validated.
   * An `Idempotency-Key` is generated (or taken from `options`) and reused on
   * every retry, so a retried request never orders twice.
   */
  create(params: OrderCreateParams, options: CallOptions & { idempotencyKey?: string } = {}): Promise<Order> {
    const { idempotencyKey = newIdempotencyKey(), ...call } = options;
    return this.http.json({ method: 'POST', path: 'orders', body: params, idempotencyKey, schema: Order, options: call });
  }

  /** « Poursuivre ma commande »: the payment centre's URL for a pending order (R3). */
  checkout(id: string, options?: CallOptions): Promise<Checkout> {
    return this.http.json({ method: 'POST', path: `orders/${seg(id)}/checkout`, schema: Checkout, options });
  }

  /** « Exporter le tableau » (§4.2, R20): the table as displayed, CSV. */
  exportCsv(params: Omit<OrderListParams, 'cursor' | 'limit'> = {}, options?: CallOptions): Promise<ClrFile> {
    return this.http.file({ method: 'GET', path: 'orders/export.csv', query: { ...params }, options }, 'text/csv');
  }
}

/** `/operator` (platform staff only): every space's orders; validate (deliver) or cancel one. */
export class OperatorResource extends Resource {
  /** Every space's orders, latest first, each with its space; `status: 'pending'` for those awaiting validation. */
  listOrders(params: OperatorOrderListParams = {}, options?: CallOptions): ListPromise<OperatorOrderList> {
    const page = (cursor: string | undefined) =>
      this.http.json({ method: 'GET', path: 'operator/orders', query: { ...params, ...(cursor ? { cursor } : {}) }, schema: OperatorOrderList, options });
    return listPromise(page(params.cursor), page);
  }

  /** Delivers a pending order: its lines become credit lots expiring in 12 months (R3). */
  deliverOrder(id: string, options?: CallOptions): Promise<Order> {
    return this.http.json({ method: 'POST', path: `operator/orders/${seg(id)}/deliver`, schema: Order, options });
  }

  cancelOrder(id: string, options?: CallOptions): Promise<Order> {
    return this.http.json({ method: 'POST', path: `operator/orders/${seg(id)}/cancel`, schema: Order, options });
  }
}
