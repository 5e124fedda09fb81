import { createRoute, z } from '@hono/zod-openapi';
import { Order, OrderCreateBody, OrderList, OrderListQuery } from '@clr/domain';
import { requireActor, spaceIdOf } from '../http/auth.js';
import { createRouter, IdParam, jsonBody, jsonResponse, problems } from '../http/openapi.js';
import { loadExamTypes } from '../services/catalogue.js';
import { checkIdempotencyKey } from '../services/idempotency.js';
import { createOrder, getOrder, listOrders } from '../services/orders.js';
import { orderRows } from '../services/exports.js';
import { checkout } from '../services/payment-provider.js';
import { csvDownload, CsvContent } from '../http/csv.js';
import { EXPORT_FILE_BASES, ORDER_COLUMNS, orderLineRows } from '@clr/documents';

const listRoute = createRoute({
  method: 'get',
  path: '/',
  operationId: 'listOrders',
  tags: ['orders'],
  summary: 'Le tableau des commandes (§4.1) : sections, recherche, filtres, totaux',
  request: { query: OrderListQuery },
  responses: { 200: jsonResponse(OrderList, 'Les commandes, À valider puis À consommer puis Historique.'), ...problems(400, 401, 403) },
});

const createOrderRoute = createRoute({
  method: 'post',
  path: '/',
  operationId: 'createOrder',
  tags: ['orders'],
  summary: 'Passer une nouvelle commande (§4.3) ; honore Idempotency-Key',
  request: {
    headers: z.object({ 'idempotency-key': z.string().optional().openapi({ description: 'Rejouer la même requête rend la même commande.' }) }),
    body: jsonBody(OrderCreateBody),
  },
  responses: {
    201: {
      ...jsonResponse(
        Order,
        'La commande créée, « En cours ». Rejouée avec la même Idempotency-Key et le même corps : la même réponse, 201 et la même commande, avec l’en-tête `Idempotent-Replayed: true`.',
      ),
      headers: {
        Location: { schema: { type: 'string' }, description: 'L’adresse de la commande.' },
        'Idempotent-Replayed': { schema: { type: 'string', enum: ['true'] }, description: 'Présent quand la réponse est celle d’une requête déjà traitée.' },
      },
    },
    ...problems(400, 401, 403, 409),
  },
});

const exportRoute = createRoute({
  method: 'get',
  path: '/export.csv',
  operationId: 'exportOrders',
  tags: ['orders'],
  summary: 'Exporter le tableau des commandes (§4.2) : mêmes filtres que la liste',
  description: 'CSV UTF-8 avec BOM, séparateur « ; », en-têtes français, dates jj/mm/aaaa, une ligne par ligne de commande (R20), envoyé au fil de la lecture.',
  request: { query: OrderListQuery },
  responses: { 200: { description: 'Le tableau affiché, en CSV.', content: CsvContent }, ...problems(400, 401, 403) },
});

const getRoute = createRoute({
  method: 'get',
  path: '/{id}',
  operationId: 'getOrder',
  tags: ['orders'],
  summary: 'Une commande',
  request: { params: IdParam },
  responses: { 200: jsonResponse(Order, 'La commande.'), ...problems(401, 403, 404) },
});

const checkoutRoute = createRoute({
  method: 'post',
  path: '/{id}/checkout',
  operationId: 'checkoutOrder',
  tags: ['orders'],
  summary: 'Valider et régler une commande (§4.1) : l’adresse du centre de paiement',
  description:
    'La commande reste « En cours » quel que soit l’état du règlement (R3) ; la confirmation du paiement (webhook signé) la livre. ' +
    'L’adresse est celle du centre de paiement configuré (par défaut, le centre simulé `/paiement`) et porte `order` (identifiant), `commande` (numéro), `amount` (montant T.T.C. en centimes) et `reference` (référence de paiement). Une commande non réglée peut être réglée plus tard.',
  request: { params: IdParam },
  responses: { 200: jsonResponse(z.object({ url: z.string() }).openapi('Checkout'), 'Où poursuivre la commande.'), ...problems(401, 403, 404, 409) },
});

/** `/orders` of the caller's space. */
export function orderRoutes() {
  const router = createRouter();
  router.use('*', requireActor('admin', 'apiKey'));
  return router
    .openapi(listRoute, async (c) => {
      const deps = c.get('deps');
      const labels = new Map((await loadExamTypes(deps.db)).map((t) => [t.id, t.label]));
      return c.json(await listOrders(deps, spaceIdOf(c), c.req.valid('query'), labels), 200);
    })
    .openapi(createOrderRoute, async (c) => {
      const actor = c.get('actor');
      const key = checkIdempotencyKey(c.req.header('idempotency-key'));
      const result = await createOrder(c.get('deps'), spaceIdOf(c), actor.adminId ?? null, c.req.valid('json'), key);
      const order = result.body as Order;
      c.header('Location', `/api/v1/orders/${order.id}`);
      if (result.replayed) c.header('Idempotent-Replayed', 'true');
      // A replay answers what the first request answered (201), as /openapi.json says.
      return c.json(order, 201);
    })
    .openapi(exportRoute, async (c) => {
      const deps = c.get('deps');
      const labels = new Map((await loadExamTypes(deps.db)).map((t) => [t.id, t.label]));
      const { cursor: _cursor, limit: _limit, ...filters } = c.req.valid('query');
      return csvDownload(c, EXPORT_FILE_BASES.orders, ORDER_COLUMNS, orderLineRows(orderRows(deps, spaceIdOf(c), filters, labels)));
    })
    .openapi(checkoutRoute, async (c) => c.json(await checkout(c.get('deps'), spaceIdOf(c), c.req.valid('param').id), 200))
    .openapi(getRoute, async (c) => {
      return c.json(await getOrder(c.get('deps'), spaceIdOf(c), c.req.valid('param').id), 200);
    });
}
