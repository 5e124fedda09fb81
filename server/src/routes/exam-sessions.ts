import { createRoute, z } from '@hono/zod-openapi';
import { ExamSessionList } from '@clr/domain';
import { requireActor } from '../http/auth.js';
import { createRouter, jsonResponse, problems } from '../http/openapi.js';
import { listExamSessions } from '../services/assignments.js';

const blankAsAbsent = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const ExamSessionsQuery = z.object({
  city: z.preprocess(
    blankAsAbsent,
    z.string({ error: 'La ville doit être un texte.' }).trim().max(100, { error: 'La ville ne peut pas dépasser 100 caractères.' }).optional(),
  ),
  examType: z.preprocess(
    blankAsAbsent,
    z
      .string({ error: "Le type d'examen n'est pas valide." })
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: "Le type d'examen n'est pas valide." })
      .max(64, { error: "Le type d'examen n'est pas valide." })
      .optional(),
  ),
});

const listRoute = createRoute({
  method: 'get',
  path: '/',
  tags: ['assignments'],
  summary: 'Les sessions des centres La Poste à venir ayant une place libre (§6.5)',
  description: 'Filtre `city` : la ville (sans tenir compte des accents ni de la casse) ou le début du code postal.',
  request: { query: ExamSessionsQuery },
  responses: { 200: jsonResponse(ExamSessionList, 'Les sessions, la plus proche d’abord.'), ...problems(400, 401, 403) },
});

/** `GET /exam-sessions`: La Poste sessions are platform-wide; any space's administrator may list them. */
export function examSessionRoutes() {
  const router = createRouter();
  router.use('*', requireActor('admin', 'apiKey'));
  return router.openapi(listRoute, async (c) => {
    const { db, now } = c.get('deps');
    const data = await listExamSessions(db, now(), c.req.valid('query'));
    return c.json({ data, nextCursor: null, total: data.length }, 200);
  });
}
