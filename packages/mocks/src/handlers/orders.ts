/**
 * `/orders` (§4) and the operator's `/operator/orders/:id/deliver|cancel`.
 */
import { OrderCreateBody, OrderListQuery } from '@clr/domain';
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
  presentStored,
  requireOrder,
} from '../services/orders.js';

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
