/**
 * `/orders` (§4) and the operator's `/operator/orders/:id/deliver|cancel`.
 */
import { LIMIT_DEFAULT, LIMIT_MAX, OrderCreateBody, OrderListQuery, OrderStatus, fr, type FieldError } from '@clr/domain';
import { validationFailed } from '../http/problem.js';
import { documents } from '../http/lazy.js';
import { file, json, SPACE, type RouteSpec } from '../http/route.js';
import {
  cancelOrder,
  checkIdempotencyKey,
  checkout,
  createOrder,
  deliverOrder,
  filteredOrders,
  listOrders,
  listOrdersForOperator,
  presentStored,
  requireOrder,
} from '../services/orders.js';

/** The server's `OperatorOrdersQuery`: `status`, `spaceId`, `cursor`, `limit` (1–200, 50 by default). */
function operatorQuery(raw: Record<string, string | string[]>) {
  const errors: FieldError[] = [];
  const text = (name: string, max: number) => {
    const v = raw[name];
    if (v === undefined) return undefined;
    if (typeof v !== 'string' || v.length < 1 || v.length > max) errors.push({ path: name, message: fr('field.invalid') });
    return typeof v === 'string' ? v : undefined;
  };
  const status = OrderStatus.safeParse(raw.status);
  if (raw.status !== undefined && !status.success) errors.push({ path: 'status', message: fr('field.invalid') });
  const spaceId = text('spaceId', 64);
  const cursor = raw.cursor === undefined ? undefined : text('cursor', 500);
  const limit = raw.limit === undefined ? LIMIT_DEFAULT : Number(raw.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > LIMIT_MAX) errors.push({ path: 'limit', message: fr('field.invalid') });
  if (errors.length > 0) throw validationFailed(errors, 'Certains paramètres de la requête sont invalides.');
  return { status: status.success ? status.data : undefined, spaceId, cursor, limit };
}

export const orderRoutes: RouteSpec[] = [
  {
    method: 'get',
    path: '/orders/export.csv',
    auth: SPACE,
    async handle(ctx) {
      const d = await documents();
      const query = ctx.parse(OrderListQuery, ctx.query(), 'query');
      const csv = d.toCsv(d.ORDER_COLUMNS, d.orderLineRows(filteredOrders(ctx.store, ctx.spaceId(), query)));
      return file(csv, d.CSV_CONTENT_TYPE, d.exportFileName(d.EXPORT_FILE_BASES.orders, ctx.store.now()));
    },
  },
  {
    method: 'get',
    path: '/orders',
    auth: SPACE,
    handle: (ctx) => json(listOrders(ctx.store, ctx.spaceId(), ctx.parse(OrderListQuery, ctx.query(), 'query'))),
  },
  {
    method: 'post',
    path: '/orders',
    auth: SPACE,
    async handle(ctx) {
      const spaceId = ctx.spaceId();
      const body = ctx.parse(OrderCreateBody, await ctx.json());
      const key = checkIdempotencyKey(ctx.request.headers.get('idempotency-key'));
      const result = createOrder(ctx.store, spaceId, body, key);
      const headers: Record<string, string> = { Location: `/api/v1/orders/${result.body.id}` };
      if (result.replayed) headers['Idempotent-Replayed'] = 'true';
      return json(result.body, result.status === 201 ? 201 : 200, headers);
    },
  },
  {
    method: 'get',
    path: '/orders/:id',
    auth: SPACE,
    handle(ctx) {
      const order = requireOrder(ctx.store, ctx.spaceId(), ctx.id());
      return json(presentStored(ctx.store, order, ctx.store.now()));
    },
  },
  {
    method: 'post',
    path: '/orders/:id/checkout',
    auth: SPACE,
    handle: (ctx) => json(checkout(ctx.store, ctx.spaceId(), ctx.id())),
  },
  {
    method: 'get',
    path: '/operator/orders',
    auth: ['operator'],
    handle: (ctx) => json(listOrdersForOperator(ctx.store, operatorQuery(ctx.query()))),
  },
  {
    method: 'post',
    path: '/operator/orders/:id/deliver',
    auth: ['operator'],
    handle: (ctx) => json(deliverOrder(ctx.store, ctx.id())),
  },
  {
    method: 'post',
    path: '/operator/orders/:id/cancel',
    auth: ['operator'],
    handle: (ctx) => json(cancelOrder(ctx.store, ctx.id())),
  },
];
