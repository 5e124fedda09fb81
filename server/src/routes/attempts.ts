import { createRoute } from '@hono/zod-openapi';
import { AttemptList } from '@clr/domain';
import { requireActor, spaceIdOf } from '../http/auth.js';
import { createRouter, IdParam, jsonResponse, problems } from '../http/openapi.js';
import { listAttempts } from '../services/integration.js';

const listRoute = createRoute({
  method: 'get',
  path: '/candidates/{id}/attempts',
  operationId: 'listAttempts',
  tags: ['results'],
  middleware: [requireActor('admin', 'apiKey')],
  summary: "Les passages d'examen d'un candidat (§6.9) : score, date, validité, validation, code public",
  request: { params: IdParam },
  responses: { 200: jsonResponse(AttemptList, 'Les passages, le plus récent d’abord.'), ...problems(400, 401, 403, 404) },
});

/** `GET /candidates/:id/attempts`, mounted at the API root with its own guard. */
export function attemptRoutes() {
  return createRouter().openapi(listRoute, async (c) => {
    const data = await listAttempts(c.get('deps').db, spaceIdOf(c), c.req.valid('param').id);
    return c.json({ data, nextCursor: null, total: data.length }, 200);
  });
}
