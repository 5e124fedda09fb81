import { createRoute } from '@hono/zod-openapi';
import { ExamType, listOf, Product, Stock } from '@clr/domain';
import { requireActor, spaceIdOf } from '../http/guards.js';
import { createRouter, jsonResponse, problems } from '../http/openapi.js';
import type { Ports } from '../ports.js';
import { getStock, listExamTypes, listProducts } from './use-cases.js';

const examTypesRoute = createRoute({
  method: 'get',
  path: '/exam-types',
  operationId: 'listExamTypes',
  tags: ['catalogue'],
  summary: "Le catalogue des types d'examen",
  responses: { 200: jsonResponse(listOf(ExamType), "Les types d'examen, dans l'ordre d'affichage."), ...problems(401) },
});

const productsRoute = createRoute({
  method: 'get',
  path: '/products',
  operationId: 'listProducts',
  tags: ['catalogue'],
  summary: 'Les produits que mon espace peut commander (§4.3)',
  responses: { 200: jsonResponse(listOf(Product), 'Les produits de l’espace.'), ...problems(401, 403) },
});

const stockRoute = createRoute({
  method: 'get',
  path: '/stock',
  operationId: 'getStock',
  tags: ['catalogue'],
  summary: 'Les certifications restantes, par type et par lot',
  responses: { 200: jsonResponse(Stock, 'Le stock : lots non expirés ayant encore des crédits.'), ...problems(401, 403) },
});

/** `GET /exam-types` (any signed-in caller), `GET /products` and `GET /stock` (the caller's space). */
export function catalogueRoutes(ports: Ports) {
  const router = createRouter();
  router.use('/exam-types', requireActor('admin', 'apiKey', 'operator', 'integration'));
  router.use('/products', requireActor('admin', 'apiKey'));
  router.use('/stock', requireActor('admin', 'apiKey'));
  return router
    .openapi(examTypesRoute, async (c) => {
      const data = await listExamTypes(ports);
      return c.json({ data, nextCursor: null, total: data.length }, 200);
    })
    .openapi(productsRoute, async (c) => {
      const data = await listProducts(ports, spaceIdOf(c));
      return c.json({ data, nextCursor: null, total: data.length }, 200);
    })
    .openapi(stockRoute, async (c) => {
      return c.json(await getStock(ports, spaceIdOf(c)), 200);
    });
}
