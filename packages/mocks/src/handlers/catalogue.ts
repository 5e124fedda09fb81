/**
 * `/healthz`, `/dashboard`, `/exam-types`, `/products`, `/stock`
 * (SPEC §4 « dashboard », « catalogue & stock », « meta »).
 */
import { dashboard, stockOf } from '@clr/domain';
import { json, SPACE, type RouteSpec } from '../http/route.js';
import { tableRows } from '../services/candidate-list.js';
import { liveLots, loadStock, productsOf } from '../services/orders.js';

const list = <T>(data: T[]) => json({ data, nextCursor: null, total: data.length });

export const catalogueRoutes: RouteSpec[] = [
  {
    method: 'get',
    path: '/healthz',
    handle: () => json({ status: 'ok', database: 'ok' }),
  },
  {
    method: 'get',
    path: '/dashboard',
    auth: SPACE,
    handle(ctx) {
      const spaceId = ctx.spaceId();
      const now = ctx.store.now();
      // R21: the visible candidates (R12) as the table counts them, the live lots, every group.
      return json(
        dashboard(
          {
            stock: stockOf(liveLots(ctx.store, spaceId, now), now, { catalogue: ctx.store.state.examTypes }),
            candidates: tableRows(ctx.store, spaceId, now).map((e) => ({ status: e.row.status, hidden: e.hidden })),
            groups: ctx.store.state.groups.filter((g) => g.spaceId === spaceId),
          },
          ctx.store.state.examTypes,
        ),
      );
    },
  },
  {
    method: 'get',
    path: '/exam-types',
    auth: ['admin', 'apiKey', 'embed', 'operator', 'integration'],
    handle: (ctx) => list(structuredClone(ctx.store.state.examTypes)),
  },
  {
    method: 'get',
    path: '/products',
    auth: SPACE,
    handle: (ctx) => list(productsOf(ctx.store, ctx.spaceId())),
  },
  {
    method: 'get',
    path: '/stock',
    auth: SPACE,
    handle: (ctx) => json(loadStock(ctx.store, ctx.spaceId(), ctx.store.now())),
  },
];
