import { createRoute } from '@hono/zod-openapi';
import { DashboardResponse } from '@clr/domain';
import { requireActor, spaceIdOf } from '../http/auth.js';
import { createRouter, jsonResponse, problems } from '../http/openapi.js';
import { loadDashboard } from '../services/dashboard.js';

const dashboardRoute = createRoute({
  method: 'get',
  path: '/',
  operationId: 'getDashboard',
  tags: ['dashboard'],
  summary: "Page d'accueil (§3.1) : certifications restantes, candidats, groupes",
  responses: { 200: jsonResponse(DashboardResponse, 'Les indicateurs de l’espace (candidats masqués exclus).'), ...problems(401, 403) },
});

/** `GET /dashboard` (R21). */
export function dashboardRoutes() {
  const router = createRouter();
  router.use('*', requireActor('admin', 'apiKey'));
  return router.openapi(dashboardRoute, async (c) => {
    return c.json(await loadDashboard(c.get('deps'), spaceIdOf(c)), 200);
  });
}
