import { createRoute } from '@hono/zod-openapi';
import { Order } from '@clr/domain';
import { requireActor } from '../http/auth.js';
import { createRouter, IdParam, jsonResponse, problems } from '../http/openapi.js';
import { cancelOrder, deliverOrder } from '../services/orders.js';

const deliverRoute = createRoute({
  method: 'post',
  path: '/orders/{id}/deliver',
  tags: ['operator'],
  summary: 'Valider (livrer) une commande : crée les lots de crédits (R3)',
  request: { params: IdParam },
  responses: { 200: jsonResponse(Order, 'La commande livrée.'), ...problems(401, 403, 404, 409) },
});

const cancelRoute = createRoute({
  method: 'post',
  path: '/orders/{id}/cancel',
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
    .openapi(deliverRoute, async (c) => c.json(await deliverOrder(c.get('deps'), c.req.valid('param').id), 200))
    .openapi(cancelRoute, async (c) => c.json(await cancelOrder(c.get('deps'), c.req.valid('param').id), 200));
}
