import {
  DomainError,
  lineTotals,
  orderTotals,
  parisDay,
  planCancellation,
  planDelivery,
  presentOrder,
  searchKey,
  startOfParisDay,
  endOfParisDay,
  validateOrderRequest,
  type CreditLot,
  type Order,
  type OrderCreateBody,
  type OrderListQuery,
  type OrderRecord,
  type OrderSection,
} from '@clr/domain';
import { withTransaction, type Db } from '../db/client.js';
import type { Prisma } from '../generated/sqlite/client.js';
import type { AppDeps } from '../http/env.js';
import { isUniqueViolation, notFound, uniqueFields } from '../http/problem.js';
import { loadProducts, LOT_SELECT, toCreditLot } from './catalogue.js';
import { idempotent, type StoredResponse } from './idempotency.js';
import { decodeCursor, encodeCursor, pageOfSegments } from './cursor.js';
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

export type OrderFilters = Omit<OrderListQuery, 'cursor' | 'limit'>;

/** The sections of the orders table in its order (§4.1): À valider, À consommer, Historique. */
export const ORDER_SECTIONS: readonly OrderSection[] = ['to_validate', 'to_consume', 'history'];

/**
 * R3's sections (the domain's `orderSection`) as conditions on orders at
 * `now`: pending → « À valider »; delivered with credits left in a lot not
 * expired (`isLotExpired`: expired once `now` is past `expiresAt`) → « À
 * consommer »; the rest (cancelled, delivered and consumed or expired) →
 * « Historique ». Rows read with them are presented by the domain, which
 * gives the same section (tests compare both).
 */
export function orderSectionWhere(section: OrderSection, now: Date): Prisma.OrderWhereInput {
  const credited: Prisma.CreditLotListRelationFilter = { some: { remaining: { gt: 0 }, expiresAt: { gte: now } } };
  switch (section) {
    case 'to_validate':
      return { status: 'pending' };
    case 'to_consume':
      return { status: 'delivered', lots: credited };
    case 'history':
      return { OR: [{ status: 'cancelled' }, { status: 'delivered', lots: { none: credited.some } }] };
  }
}

/**
 * The filters of the orders table as conditions on orders (§4.1): the space,
 * the exam type, the period (order date, Paris days), and the search — the
 * order's number, or a line's product (name and reference) or exam type
 * (French label) holding the text, accents and case ignored. The catalogue's
 * names and labels are matched here (a space has tens of products), the
 * orders in the database.
 */
export async function orderListWhere(
  db: Pick<Db, 'product'>,
  spaceId: string,
  filters: OrderFilters,
  examTypeLabels: ReadonlyMap<string, string>,
): Promise<Prisma.OrderWhereInput> {
  const and: Prisma.OrderWhereInput[] = [{ spaceId }];
  if (filters.examType) and.push({ lines: { some: { examTypeId: filters.examType } } });
  if (filters.from || filters.to) {
    and.push({
      createdAt: {
        ...(filters.from ? { gte: startOfParisDay(filters.from) } : {}),
        ...(filters.to ? { lte: endOfParisDay(filters.to) } : {}),
      },
    });
  }
  const needle = filters.q ? searchKey(filters.q) : '';
  if (needle) {
    const products = await db.product.findMany({ where: { spaceId }, select: { id: true, name: true, reference: true } });
    const productIds = products.filter((p) => searchKey(`${p.name} ${p.reference}`).includes(needle)).map((p) => p.id);
    const examTypes = [...examTypeLabels].filter(([, label]) => searchKey(label).includes(needle)).map(([id]) => id);
    // Order numbers are digits and a dash (`2026-00042`): case and accents do not arise.
    and.push({
      OR: [
        { number: { contains: needle } },
        ...(productIds.length > 0 ? [{ lines: { some: { productId: { in: productIds } } } }] : []),
        ...(examTypes.length > 0 ? [{ lines: { some: { examTypeId: { in: examTypes } } } }] : []),
      ],
    });
  }
  return { AND: and };
}

/**
 * §4.1 the orders table: the three sections (to validate, to consume,
 * history), newest first inside each, filtered by search (number, product,
 * exam type), exam type, period (order date, Paris days) and section. Every
 * matching order, section after section, read by the database.
 */
export async function queryOrders(
  deps: AppDeps,
  spaceId: string,
  filters: OrderFilters,
  examTypeLabels: ReadonlyMap<string, string>,
): Promise<Order[]> {
  const now = deps.now();
  const where = await orderListWhere(deps.db, spaceId, filters, examTypeLabels);
  const orders: Order[] = [];
  for (const section of ORDER_SECTIONS) {
    if (filters.section !== undefined && filters.section !== section) continue;
    const rows = await deps.db.order.findMany({
      where: { AND: [where, orderSectionWhere(section, now)] },
      select: ORDER_SELECT,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    });
    orders.push(...rows.map((row) => presentRow(row, now)));
  }
  return orders;
}

/**
 * `GET /orders`: a page of the table (see {@link queryOrders}) and the totals
 * of every listed order (the table's footer), in the database: one count per
 * section, the sums of the orders' stored totals (R2, written at creation),
 * and the page read from the sections it falls in. The cursor is an opaque
 * offset.
 */
export async function listOrders(
  deps: AppDeps,
  spaceId: string,
  query: OrderListQuery,
  examTypeLabels: ReadonlyMap<string, string>,
): Promise<{ data: Order[]; nextCursor: string | null; total: number; totals: Order['totals'] }> {
  const { db } = deps;
  const now = deps.now();
  const offset = query.cursor === undefined ? 0 : decodeCursor(query.cursor);
  const where = await orderListWhere(db, spaceId, query, examTypeLabels);
  const sections = ORDER_SECTIONS.filter((section) => query.section === undefined || query.section === section).map((section) => ({
    where: { AND: [where, orderSectionWhere(section, now)] } satisfies Prisma.OrderWhereInput,
  }));
  const listed: Prisma.OrderWhereInput = { AND: [where, { OR: sections.map((s) => s.where) }] };
  const [sizes, sums] = await Promise.all([
    Promise.all(sections.map((s) => db.order.count({ where: s.where }))),
    // Cancelled orders are listed but not counted in the footer (the domain's orderCountsInTotals).
    db.order.aggregate({ where: { AND: [listed, { status: { not: 'cancelled' } }] }, _sum: { totalHt: true, totalVat: true, totalTtc: true } }),
  ]);

  const page = await pageOfSegments(
    sections.map((section, i) => ({ segment: section, size: sizes[i]! })),
    offset,
    query.limit,
    async (section, skip, take) =>
      (await db.order.findMany({ where: section.where, select: ORDER_SELECT, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], skip, take })).map((row) =>
        presentRow(row, now),
      ),
  );
  return {
    ...page,
    totals: { ht: sums._sum.totalHt ?? 0, vat: sums._sum.totalVat ?? 0, ttc: sums._sum.totalTtc ?? 0 },
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
