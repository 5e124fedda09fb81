import { createRoute, z } from '@hono/zod-openapi';
import { LIMIT_DEFAULT, LIMIT_MAX, Order, OrderStatus } from '@clr/domain';
import { requireActor } from '../http/auth.js';
import { createRouter, IdParam, jsonResponse, PathSegment, problems } from '../http/openapi.js';
import { cancelOrder, deliverOrder, listOrdersForOperator } from '../services/orders.js';

const OperatorOrdersQuery = z.object({
  status: OrderStatus.optional(),
  spaceId: PathSegment.optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(LIMIT_MAX).default(LIMIT_DEFAULT),
});

const OperatorOrder = Order.extend({ space: z.object({ id: z.string(), name: z.string() }) }).openapi('OperatorOrder');

const listRoute = createRoute({
  method: 'get',
  path: '/orders',
  operationId: 'listAllOrders',
  tags: ['operator'],
  summary: 'Les commandes de tous les espaces (status=pending : celles à valider)',
  request: { query: OperatorOrdersQuery },
  responses: {
    200: jsonResponse(z.object({ data: z.array(OperatorOrder), nextCursor: z.string().nullable(), total: z.number().int() }), 'Les commandes, les plus récentes d’abord.'),
    ...problems(400, 401, 403),
  },
});

const deliverRoute = createRoute({
  method: 'post',
  path: '/orders/{id}/deliver',
  operationId: 'deliverOrder',
  tags: ['operator'],
  summary: 'Valider (livrer) une commande : crée les lots de crédits (R3)',
  request: { params: IdParam },
  responses: { 200: jsonResponse(Order, 'La commande livrée.'), ...problems(401, 403, 404, 409) },
});

const cancelRoute = createRoute({
  method: 'post',
  path: '/orders/{id}/cancel',
  operationId: 'cancelOrder',
  tags: ['operator'],
  summary: 'Annuler une commande en attente',
  request: { params: IdParam },
  responses: { 200: jsonResponse(Order, 'La commande annulée.'), ...problems(401, 403, 404, 409) },
});

/** `/operator`: the platform staff's back office (role `operator` only). */
export function operatorRoutes() {
  const router = createRouter();
  router.use('*', requireActor('operator'));
  return router
    .openapi(listRoute, async (c) => c.json(await listOrdersForOperator(c.get('deps'), c.req.valid('query')), 200))
    .openapi(deliverRoute, async (c) => c.json(await deliverOrder(c.get('deps'), c.req.valid('param').id), 200))
    .openapi(cancelRoute, async (c) => c.json(await cancelOrder(c.get('deps'), c.req.valid('param').id), 200));
}
