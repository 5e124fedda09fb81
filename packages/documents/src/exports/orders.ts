import { LABELS, examTypeLabel, type Order, type OrderLine } from '@clr/domain';
import type { CsvColumn } from '../csv/writer.js';
import { formatCents } from '../csv/cells.js';

/** One line of the orders export (§4.1/§4.2): an order line with its order. */
export interface OrderLineRow {
  order: Order;
  /** null only for an order without lines, which still gets its row. */
  line: OrderLine | null;
}

/** « Exporter le tableau » of « Mes commandes »: one row per order line. */
export const ORDER_COLUMNS: readonly CsvColumn<OrderLineRow>[] = [
  { key: 'number', header: { fr: 'N° Commande', en: 'Order number' }, value: (r) => r.order.number },
  { key: 'createdAt', header: { fr: 'Commandé le', en: 'Ordered on' }, value: (r, c) => c.formatDate(r.order.createdAt) },
  { key: 'status', header: { fr: 'État', en: 'Status' }, value: (r, c) => LABELS[c.locale].orderStatus[r.order.status] },
  { key: 'section', header: { fr: 'Section', en: 'Section' }, value: (r, c) => LABELS[c.locale].orderSection[r.order.section] },
  { key: 'examType', header: { fr: "Type d'examen", en: 'Exam type' }, value: (r) => examTypeLabel(r.line?.examType) },
  { key: 'quantity', header: { fr: 'Quantité', en: 'Quantity' }, value: (r) => r.line?.quantity },
  { key: 'remaining', header: { fr: 'Restantes', en: 'Remaining' }, value: (r) => r.line?.remaining },
  { key: 'expiresAt', header: { fr: 'Expire le', en: 'Expires on' }, value: (r, c) => c.formatDate(r.line?.expiresAt) },
  { key: 'unitPriceHt', header: { fr: 'Prix unit. (H.T.)', en: 'Unit price (excl. VAT)' }, value: (r) => money(r.line?.unitPriceHt) },
  { key: 'ht', header: { fr: 'Prix (H.T.)', en: 'Price (excl. VAT)' }, value: (r) => money(r.line?.ht) },
  { key: 'ttc', header: { fr: 'Prix (T.T.C.)', en: 'Price (incl. VAT)' }, value: (r) => money(r.line?.ttc) },
];

function money(cents: number | undefined): string {
  return cents === undefined ? '' : formatCents(cents);
}

function* linesOf(order: Order): Generator<OrderLineRow> {
  if (order.lines.length === 0) {
    yield { order, line: null };
    return;
  }
  for (const line of order.lines) yield { order, line };
}

/** Flattens orders into the export's rows, lazily (sync in, sync out; async in, async out). */
export function orderLineRows(orders: Iterable<Order>): Generator<OrderLineRow, void, undefined>;
export function orderLineRows(orders: AsyncIterable<Order>): AsyncGenerator<OrderLineRow, void, undefined>;
export function orderLineRows(
  orders: Iterable<Order> | AsyncIterable<Order>,
): Generator<OrderLineRow, void, undefined> | AsyncGenerator<OrderLineRow, void, undefined> {
  if (Symbol.asyncIterator in orders) {
    return (async function* () {
      for await (const order of orders) yield* linesOf(order);
    })();
  }
  return (function* () {
    for (const order of orders) yield* linesOf(order);
  })();
}
