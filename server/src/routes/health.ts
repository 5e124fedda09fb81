import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, jsonResponse } from '../http/openapi.js';

const Health = z.object({ status: z.enum(['ok', 'unavailable']), database: z.enum(['ok', 'unavailable']) }).openapi('Health');

const healthz = createRoute({
  method: 'get',
  path: '/',
  operationId: 'getHealth',
  tags: ['meta'],
  summary: "État du service (vérifie l'accès à la base de données)",
  security: [],
  responses: {
    200: jsonResponse(Health, 'Le service et sa base répondent.'),
    503: jsonResponse(Health, 'La base de données ne répond pas.'),
  },
});

/** `GET /healthz`: 200 when the database answers a query, 503 otherwise. */
export function healthRoutes() {
  return createRouter().openapi(healthz, async (c) => {
    try {
      await c.get('deps').db.$queryRawUnsafe('SELECT 1');
      return c.json({ status: 'ok' as const, database: 'ok' as const }, 200);
    } catch {
      return c.json({ status: 'unavailable' as const, database: 'unavailable' as const }, 503);
    }
  });
}
