/**
 * `/healthz`, `/dashboard` (SPEC §4 « dashboard », « meta »); the catalogue and
 * the stock are the application layer's (`@clr/app`).
 */
import { dashboard, stockOf } from '@clr/domain';
import { json, SPACE, type RouteSpec } from '../http/route.js';
import { tableRows } from '../services/candidate-list.js';
import { liveLots } from '../services/orders.js';

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
];
