import {
  DomainError,
  lineTotals,
  orderTotals,
  parisDay,
  planCancellation,
  planDelivery,
  presentOrder,
  startOfParisDay,
  endOfParisDay,
  sumMoney,
  validateOrderRequest,
  type CreditLot,
  type Order,
  type OrderCreateBody,
  type OrderListQuery,
  type OrderRecord,
  type OrderSection,
} from '@clr/domain';
import { withTransaction, type Db } from '../db/client.js';
import type { AppDeps } from '../http/env.js';
import { isUniqueViolation, notFound, uniqueFields } from '../http/problem.js';
import { loadProducts, LOT_SELECT, toCreditLot } from './catalogue.js';
import { idempotent, type StoredResponse } from './idempotency.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { enqueueOrderConfirmation } from './mail.js';

/** What presenting an order reads (the listing, the file, the export). */
export const ORDER_SELECT = {
  id: true,
  spaceId: true,
  number: true,
  status: true,
  vatRateBp: true,
  createdAt: true,
  lines: {
    orderBy: { position: 'asc' },
    select: { id: true, productId: true, examTypeId: true, quantity: true, unitPriceHt: true },
  },
  lots: { select: LOT_SELECT },
} as const;

interface OrderRow {
  id: string;
  spaceId: string;
  number: string;
  status: string;
  vatRateBp: number;
  createdAt: Date;
  lines: { id: string; productId: string; examTypeId: string; quantity: number; unitPriceHt: number }[];
  lots: Parameters<typeof toCreditLot>[0][];
}

function toRecord(row: OrderRow): { record: OrderRecord; lots: CreditLot[] } {
  return {
    record: {
      id: row.id,
      number: row.number,
      createdAt: row.createdAt.toISOString(),
      status: row.status as OrderRecord['status'],
      vatRateBp: row.vatRateBp,
      lines: row.lines.map((l) => ({ id: l.id, productId: l.productId, examType: l.examTypeId, quantity: l.quantity, unitPriceHt: l.unitPriceHt })),
    },
    lots: row.lots.map(toCreditLot),
  };
}

export function presentRow(row: OrderRow, now: Date): Order {
  const { record, lots } = toRecord(row);
  return presentOrder(record, lots, now);
}

/** An order of the space, or 404 (also when it belongs to another space). */
export async function getOrder(deps: AppDeps, spaceId: string, id: string): Promise<Order> {
  const row = await deps.db.order.findFirst({ where: { id, spaceId }, select: ORDER_SELECT });
  if (!row) throw notFound("Cette commande n'existe pas.");
  return presentRow(row, deps.now());
}

/** `2026-00042`: the year of the order, then its rank in the space. */
async function nextNumber(db: Pick<Db, 'order'>, spaceId: string, now: Date, bump: number): Promise<string> {
  const count = await db.order.count({ where: { spaceId } });
  return `${parisDay(now).slice(0, 4)}-${String(count + 1 + bump).padStart(5, '0')}`;
}

/**
 * §4.3 « Passer une nouvelle commande »: R1 (only the space's products, whole
 * quantities 1–10 000), R2 (totals at the space's VAT rate, half-up per line),
 * R3 (a new order is pending, « En cours »). Honours `Idempotency-Key`.
 */
export async function createOrder(
  deps: AppDeps,
  spaceId: string,
  createdById: string | null,
  body: OrderCreateBody,
  idempotencyKey: string | undefined,
): Promise<StoredResponse & { replayed: boolean }> {
  const { db } = deps;
  const now = deps.now();
  const [products, space] = await Promise.all([
    loadProducts(db, spaceId),
    db.space.findUniqueOrThrow({ where: { id: spaceId }, select: { vatRateBp: true } }),
  ]);
  const lines = validateOrderRequest(body.lines, products);
  const totals = orderTotals(lines, space.vatRateBp);
  for (let bump = 0; ; bump++) {
    try {
      return await idempotent(
        db,
        spaceId,
        idempotencyKey,
        body,
        async (tx) => {
          const row = await tx.order.create({
            data: {
              spaceId,
              number: await nextNumber(tx, spaceId, now, bump),
              status: 'pending',
              vatRateBp: space.vatRateBp,
              totalHt: totals.ht,
              totalVat: totals.vat,
              totalTtc: totals.ttc,
              createdAt: now,
              createdById,
              lines: {
                create: lines.map((line, position) => ({
                  position,
                  productId: line.productId,
                  examTypeId: line.examType,
                  quantity: line.quantity,
                  unitPriceHt: line.unitPriceHt,
                  ...lineTotals(line.quantity, line.unitPriceHt, space.vatRateBp),
                })),
              },
            },
            select: ORDER_SELECT,
          });
          const order = presentRow(row, now);
          // « Confirmation de votre commande n° … », in the order's transaction.
          await enqueueOrderConfirmation(tx, { spaceId, createdById, order, vatRateBp: space.vatRateBp, products });
          return { status: 201, body: order };
        },
        now,
      );
    } catch (error) {
      // Two orders of one space created at once may draw the same number: draw again.
      if (bump < 5 && isUniqueViolation(error) && uniqueFields(error).includes('number')) continue;
      throw error;
    }
  }
}

const SECTION_RANK: Record<OrderSection, number> = { to_validate: 0, to_consume: 1, history: 2 };

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export type OrderFilters = Omit<OrderListQuery, 'cursor' | 'limit'>;

/**
 * §4.1 the orders table: the three sections (to validate, to consume,
 * history), newest first inside each, filtered by search (number, product,
 * exam type), exam type, period (order date, Paris days) and section. Every
 * matching order: the list pages it, the export writes it all.
 */
export async function queryOrders(
  deps: AppDeps,
  spaceId: string,
  filters: OrderFilters,
  examTypeLabels: ReadonlyMap<string, string>,
): Promise<Order[]> {
  const { db } = deps;
  const now = deps.now();
  const rows = await db.order.findMany({
    where: {
      spaceId,
      ...(filters.examType ? { lines: { some: { examTypeId: filters.examType } } } : {}),
      ...(filters.from || filters.to
        ? {
            createdAt: {
              ...(filters.from ? { gte: startOfParisDay(filters.from) } : {}),
              ...(filters.to ? { lte: endOfParisDay(filters.to) } : {}),
            },
          }
        : {}),
    },
    select: ORDER_SELECT,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  });
  let products: Map<string, string> | undefined;
  if (filters.q) {
    const all = await db.product.findMany({ where: { spaceId }, select: { id: true, name: true, reference: true } });
    products = new Map(all.map((p) => [p.id, `${p.name} ${p.reference}`]));
  }
  const needle = filters.q ? fold(filters.q) : undefined;
  return rows
    .filter((row) => {
      if (!needle) return true;
      const haystack = [
        row.number,
        ...row.lines.map((l) => `${products?.get(l.productId) ?? ''} ${examTypeLabels.get(l.examTypeId) ?? l.examTypeId}`),
      ].join(' ');
      return fold(haystack).includes(needle);
    })
    .map((row) => presentRow(row, now))
    .filter((order) => filters.section === undefined || order.section === filters.section)
    .sort((a, b) => SECTION_RANK[a.section] - SECTION_RANK[b.section]);
}

/** `GET /orders`: a page of {@link queryOrders}, with the totals of every listed order (the table's footer). */
export async function listOrders(
  deps: AppDeps,
  spaceId: string,
  query: OrderListQuery,
  examTypeLabels: ReadonlyMap<string, string>,
): Promise<{ data: Order[]; nextCursor: string | null; total: number; totals: Order['totals'] }> {
  const offset = query.cursor === undefined ? 0 : decodeCursor(query.cursor);
  const orders = await queryOrders(deps, spaceId, query, examTypeLabels);
  const page = orders.slice(offset, offset + query.limit);
  const next = offset + query.limit;
  return {
    data: page,
    nextCursor: next < orders.length ? encodeCursor(next) : null,
    total: orders.length,
    totals: sumMoney(orders.map((o) => o.totals)),
  };
}

async function loadForOperator(db: Db, id: string) {
  const row = await db.order.findUnique({ where: { id }, select: ORDER_SELECT });
  if (!row) throw notFound("Cette commande n'existe pas.");
  return row;
}

/**
 * R3 — an operator's validation delivers a pending order: one credit lot per
 * line, expiring 12 months after delivery (end of the Paris day). The status
 * change is guarded (`status = 'pending'`), so two deliveries cannot both win.
 */
export async function deliverOrder(deps: AppDeps, id: string): Promise<Order> {
  const now = deps.now();
  const row = await loadForOperator(deps.db, id);
  const { record } = toRecord(row);
  const plan = planDelivery(record, now, { validityMonths: deps.config.lotValidityMonths });
  await withTransaction(deps.db, async (tx) => {
    const moved = await tx.order.updateMany({
      where: { id, status: 'pending' },
      data: { status: 'delivered', deliveredAt: new Date(plan.deliveredAt) },
    });
    if (moved.count !== 1) throw new DomainError('conflict', "Cette commande n'est plus en attente de validation.", { orderId: id });
    await tx.creditLot.createMany({
      data: plan.lots.map((lot) => ({
        spaceId: row.spaceId,
        orderId: lot.orderId,
        orderLineId: lot.orderLineId,
        examTypeId: lot.examType,
        quantity: lot.quantity,
        remaining: lot.remaining,
        expiresAt: new Date(lot.expiresAt),
        createdAt: now,
      })),
    });
  });
  return presentRow(await loadForOperator(deps.db, id), now);
}

/** R3 — only a pending order can be cancelled; no credit moves. */
export async function cancelOrder(deps: AppDeps, id: string): Promise<Order> {
  const now = deps.now();
  const row = await loadForOperator(deps.db, id);
  planCancellation(toRecord(row).record);
  const moved = await deps.db.order.updateMany({ where: { id, status: 'pending' }, data: { status: 'cancelled', cancelledAt: now } });
  if (moved.count !== 1) throw new DomainError('conflict', "Cette commande n'est plus en attente de validation.", { orderId: id });
  return presentRow(await loadForOperator(deps.db, id), now);
}


export interface OperatorOrder extends Order {
  space: { id: string; name: string };
}

/**
 * The operator's back office: orders of every space, newest first, by status
 * (`pending` lists what awaits validation) and optionally one space.
 */
export async function listOrdersForOperator(
  deps: AppDeps,
  query: { status?: Order['status'] | undefined; spaceId?: string | undefined; cursor?: string | undefined; limit: number },
): Promise<{ data: OperatorOrder[]; nextCursor: string | null; total: number }> {
  const { db } = deps;
  const now = deps.now();
  const offset = query.cursor === undefined ? 0 : decodeCursor(query.cursor);
  const where = { ...(query.status ? { status: query.status } : {}), ...(query.spaceId ? { spaceId: query.spaceId } : {}) };
  const [rows, total] = await Promise.all([
    db.order.findMany({
      where,
      select: { ...ORDER_SELECT, space: { select: { id: true, name: true } } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: offset,
      take: query.limit,
    }),
    db.order.count({ where }),
  ]);
  const next = offset + rows.length;
  return {
    data: rows.map((row) => ({ ...presentRow(row, now), space: row.space })),
    nextCursor: next < total ? encodeCursor(next) : null,
    total,
  };
}
