import { createRoute } from '@hono/zod-openapi';
import { ExamSessionList, ExamSessionListQuery } from '@clr/domain';
import { requireActor } from '../http/guards.js';
import { createRouter, jsonResponse, problems } from '../http/openapi.js';
import type { Ports } from '../ports.js';
import { listExamSessions } from './use-cases.js';

const listRoute = createRoute({
  method: 'get',
  path: '/',
  operationId: 'listExamSessions',
  tags: ['assignments'],
  summary: 'Les sessions des centres La Poste à venir ayant une place libre (§6.5)',
  description:
    'Filtres : `city` (la ville, sans tenir compte des accents ni de la casse, ou le début du code postal), `examType`, `from`/`to` (jour de la session, Paris) ; pagination par curseur.',
  request: { query: ExamSessionListQuery },
  responses: { 200: jsonResponse(ExamSessionList, 'Les sessions, la plus proche d’abord.'), ...problems(400, 401, 403) },
});

/** `GET /exam-sessions`: La Poste sessions are platform-wide; any space's administrator may list them. */
export function examSessionRoutes(ports: Ports) {
  const router = createRouter();
  router.use('*', requireActor('admin', 'apiKey'));
  return router.openapi(listRoute, async (c) => c.json(await listExamSessions(ports, c.req.valid('query')), 200));
}
