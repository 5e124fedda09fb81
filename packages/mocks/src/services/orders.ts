/**
 * Catalogue, stock and orders (§4), as the server's `services/catalogue.ts`
 * and `services/orders.ts`: R1 `validateOrderRequest`, R2 `orderTotals`, R3
 * `planDelivery` / `planCancellation`, sections and line remainders through
 * `presentOrder`, the stock through `stockOf`, `Idempotency-Key` replay.
 */
import {
  DomainError,
  endOfParisDay,
  examTypeLabel,
  isLotExpired,
  parisDay,
  planCancellation,
  planDelivery,
  presentOrder,
  startOfParisDay,
  orderCountsInTotals,
  sumMoney,
  validateOrderRequest,
  type Order,
  type OrderCreateBody,
  type OrderList,
  type OrderListQuery,
  type OrderSection,
  type Product,
} from '@clr/domain';
import { notFound, validationFailed } from '../http/problem.js';
import { randomToken } from '../store/encoding.js';
import type { MockStore } from '../store/store.js';
import type { LotRecord, OrderStoredRecord } from '../store/types.js';
import { offsetPage, searchKey } from './paging.js';

/** What the space may order (its active products), by name. */
export function productsOf(store: MockStore, spaceId: string): Product[] {
  return store.state.products
    .filter((p) => p.spaceId === spaceId && p.active)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1))
    .map((p) => ({ id: p.id, name: p.name, reference: p.reference, examType: p.examType, unitPriceHt: p.unitPriceHt }));
}

export function lotsOf(store: MockStore, spaceId: string): LotRecord[] {
  return store.index().lotsBySpace.get(spaceId) ?? [];
}

/** The space's lots that still hold credits and have not expired. */
export function liveLots(store: MockStore, spaceId: string, now: Date): LotRecord[] {
  return lotsOf(store, spaceId).filter((l) => l.remaining > 0 && !isLotExpired(l, now));
}

export function presentStored(store: MockStore, order: OrderStoredRecord, now: Date): Order {
  return presentOrder(order, lotsOf(store, order.spaceId), now);
}

/** An order of the space, or 404 (also when it belongs to another space). */
export function requireOrder(store: MockStore, spaceId: string | null, id: string): OrderStoredRecord {
  const order = store.index().orders.get(id);
  if (!order || (spaceId !== null && order.spaceId !== spaceId)) throw notFound("Cette commande n'existe pas.");
  return order;
}

/** A well-formed `Idempotency-Key`: 1–255 visible ASCII characters. */
export function checkIdempotencyKey(key: string | null): string | undefined {
  if (key === null) return undefined;
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
    throw validationFailed(
      [{ path: 'Idempotency-Key', message: "La clé d'idempotence doit compter de 1 à 255 caractères visibles." }],
      "L'en-tête Idempotency-Key n'est pas valide.",
    );
  }
  return key;
}

/** Idempotency keys are honoured for a day (as payment APIs do), then forgotten. */
export const IDEMPOTENCY_RETENTION_MS = 24 * 60 * 60_000;

export interface Created {
  status: number;
  body: Order;
  replayed: boolean;
}

/**
 * §4.3 « Passer une nouvelle commande »: R1, R2 at the space's VAT rate, R3 (a
 * new order is pending, « En cours »). With an `Idempotency-Key`, the first
 * answer is kept: the same key and body give it back (`replayed`), the same
 * key with another body is a 409 `conflict`.
 */
export function createOrder(store: MockStore, spaceId: string, body: OrderCreateBody, key: string | undefined): Created {
  const request = JSON.stringify(body);
  if (key !== undefined) {
    const keys = store.state.idempotencyKeys;
    let earlier = keys.find((k) => k.spaceId === spaceId && k.key === key);
    if (earlier && store.now().getTime() - Date.parse(earlier.createdAt) >= IDEMPOTENCY_RETENTION_MS) {
      // Forgotten after a day: the key may serve again.
      keys.splice(keys.indexOf(earlier), 1);
      earlier = undefined;
    }
    if (earlier) {
      if (earlier.request !== request) {
        throw new DomainError('conflict', "Cette clé d'idempotence a déjà servi pour une autre demande.", { field: 'Idempotency-Key' });
      }
      return { status: earlier.status, body: structuredClone(earlier.body as Order), replayed: true };
    }
  }
  const space = store.state.spaces.find((s) => s.id === spaceId);
  if (!space) throw notFound();
  const lines = validateOrderRequest(body.lines, productsOf(store, spaceId));
  const now = store.now();
  const rank = store.state.orders.filter((o) => o.spaceId === spaceId).length + 1;
  const order: OrderStoredRecord = {
    id: store.nextId('ord'),
    spaceId,
    number: `${parisDay(now).slice(0, 4)}-${String(rank).padStart(5, '0')}`,
    createdAt: now.toISOString(),
    status: 'pending',
    vatRateBp: space.vatRateBp,
    lines: lines.map((line) => ({ id: store.nextId('line'), ...line })),
    deliveredAt: null,
    cancelledAt: null,
    paymentRef: null,
  };
  store.state.orders.push(order);
  store.changed('ledger');
  const presented = presentStored(store, order, now);
  if (key !== undefined) {
    store.state.idempotencyKeys.push({ spaceId, key, request, status: 201, body: structuredClone(presented), createdAt: now.toISOString() });
  }
  return { status: 201, body: presented, replayed: false };
}

const SECTION_RANK: Record<OrderSection, number> = { to_validate: 0, to_consume: 1, history: 2 };

/**
 * §4.1 the orders table: the three sections, newest first inside each,
 * filtered by search (number, product, exam type), exam type, period (order
 * date, Paris days) and section, with the totals of every listed order.
 */
export function listOrders(store: MockStore, spaceId: string, query: OrderListQuery): OrderList {
  const orders = filteredOrders(store, spaceId, query);
  return { ...offsetPage(orders, query.cursor, query.limit), totals: sumMoney(orders.filter(orderCountsInTotals).map((o) => o.totals)) };
}

/** Every order the table shows for these filters, in its order (the export writes them all). */
export function filteredOrders(store: MockStore, spaceId: string, query: Omit<OrderListQuery, 'cursor' | 'limit'>): Order[] {
  const now = store.now();
  const from = query.from ? startOfParisDay(query.from).getTime() : undefined;
  const to = query.to ? endOfParisDay(query.to).getTime() : undefined;
  const products = new Map(store.state.products.filter((p) => p.spaceId === spaceId).map((p) => [p.id, `${p.name} ${p.reference}`]));
  const needle = query.q ? searchKey(query.q) : undefined;
  // As the server searches: the number, a line's product (name and reference) or exam type (its French label).
  const lineMatches = (l: { productId: string; examType: string }) =>
    needle !== undefined &&
    (searchKey(products.get(l.productId) ?? '').includes(needle) || searchKey(examTypeLabel(l.examType, store.state.examTypes)).includes(needle));
  return store.state.orders
    .filter((o) => {
      if (o.spaceId !== spaceId) return false;
      if (query.examType && !o.lines.some((l) => l.examType === query.examType)) return false;
      const created = Date.parse(o.createdAt);
      if (from !== undefined && created < from) return false;
      if (to !== undefined && created > to) return false;
      if (needle === undefined) return true;
      return o.number.includes(needle) || o.lines.some(lineMatches);
    })
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
    .map((o) => presentStored(store, o, now))
    .filter((o) => query.section === undefined || o.section === query.section)
    .sort((a, b) => SECTION_RANK[a.section] - SECTION_RANK[b.section]);
}

/**
 * R3 « Poursuivre ma commande » (§4.3, §4.1 « Valider et régler »): the
 * payment centre's address for a pending order of the space; the order stays
 * « En cours » whatever happens there. A payment reference ties the centre's
 * confirmation to the order (the mocks have no payment centre: delivery is the
 * operator's).
 */
export function checkout(store: MockStore, spaceId: string, id: string): { url: string } {
  const order = requireOrder(store, spaceId, id);
  if (order.status !== 'pending') {
    throw new DomainError('conflict', "Cette commande n'est plus en attente de règlement.", { orderId: order.id });
  }
  if (order.paymentRef === null) {
    order.paymentRef = randomToken(store.random, 16);
    store.changed('ledger');
  }
  const url = new URL(store.config.paymentUrl);
  url.searchParams.set('commande', order.number);
  url.searchParams.set('reference', order.paymentRef);
  return { url: url.toString() };
}

export type OperatorOrder = Order & { space: { id: string; name: string } };

/** `GET /operator/orders`: every space's orders, newest first (`status=pending`: those to validate). */
export function listOrdersForOperator(
  store: MockStore,
  query: { status?: OrderStoredRecord['status'] | undefined; spaceId?: string | undefined; cursor?: string | undefined; limit: number },
): { data: OperatorOrder[]; nextCursor: string | null; total: number } {
  const now = store.now();
  const spaces = new Map(store.state.spaces.map((s) => [s.id, { id: s.id, name: s.name }]));
  const rows = store.state.orders
    .filter((o) => (query.status === undefined || o.status === query.status) && (query.spaceId === undefined || o.spaceId === query.spaceId))
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  const page = offsetPage(rows, query.cursor, query.limit);
  return {
    ...page,
    data: page.data.map((o) => ({ ...presentStored(store, o, now), space: spaces.get(o.spaceId) ?? { id: o.spaceId, name: '' } })),
  };
}

/** R3 — an operator's validation delivers a pending order: one credit lot per line. */
export function deliverOrder(store: MockStore, id: string): Order {
  const now = store.now();
  const order = requireOrder(store, null, id);
  const plan = planDelivery(order, now, { validityMonths: store.config.lotValidityMonths });
  order.status = plan.status;
  order.deliveredAt = plan.deliveredAt;
  for (const lot of plan.lots) {
    store.state.lots.push({ id: store.nextId('lot'), spaceId: order.spaceId, createdAt: plan.deliveredAt, ...lot });
  }
  store.changed('ledger');
  return presentStored(store, order, now);
}

/** R3 — only a pending order can be cancelled; no credit moves. */
export function cancelOrder(store: MockStore, id: string): Order {
  const now = store.now();
  const order = requireOrder(store, null, id);
  planCancellation(order);
  order.status = 'cancelled';
  order.cancelledAt = now.toISOString();
  store.changed('ledger');
  return presentStored(store, order, now);
}
