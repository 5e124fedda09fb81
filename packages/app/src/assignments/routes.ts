import { createRoute, z } from '@hono/zod-openapi';
import { AssignmentBody, AssignmentDeleteQuery, AssignmentView, BulkAssignBody, BulkDeleteBody, CandidateList, CandidateListQuery, listOf } from '@clr/domain';
import { requireActor, spaceIdOf } from '../http/guards.js';
import { createRouter, IdParam, jsonBody, jsonResponse, problems } from '../http/openapi.js';
import type { Ports } from '../ports.js';
import { assignExam, bulkAssign, bulkRemove, eligibleCandidates, modifyAssignment, removeAssignment } from './use-cases.js';

/** An assignment as the API answers it: the candidate file's view, with its candidate. */
export const AssignmentResult = AssignmentView.extend({ candidateId: z.string() }).openapi('Assignment');

export const BulkRemovalResult = z
  .object({
    removed: z.number().int().nonnegative().openapi({ description: 'Attributions supprimées.' }),
    creditsReturned: z.number().int().nonnegative().openapi({ description: 'Certifications reversées dans le stock.' }),
  })
  .openapi('BulkRemoval');

/** The candidates table's query, plus the bulk action and (to assign) the exam type chosen. */
export const EligibleQuery = CandidateListQuery.safeExtend({
  action: z.enum(['assign', 'remove'], { error: "L'action doit être « assign » (attribuer) ou « remove » (supprimer)." }),
  examType: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z
      .string({ error: "Le type d'examen n'est pas valide." })
      .max(64, { error: "Le type d'examen n'est pas valide." })
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: "Le type d'examen n'est pas valide." })
      .optional(),
  ),
});

export const EligibleList = CandidateList.extend({
  available: z.number().int().nonnegative().nullable().openapi({ description: 'Certifications du type choisi restant en stock (avec `examType`).' }),
}).openapi('EligibleCandidates');

const space = () => [requireActor('admin', 'apiKey')];
const tags = ['assignments'];

const assignRoute = createRoute({
  method: 'post',
  path: '/candidates/{id}/assignment',
  operationId: 'assignExam',
  tags,
  middleware: space(),
  summary: 'Attribuer une certification à un candidat (§6.5, R5)',
  description:
    "Consomme une certification du type (lot qui expire le plus tôt, R4). Type daté : `scheduledAt` aujourd'hui ou plus tard ; La Poste : `sessionId` d'une session ayant une place libre ; surveillance partenaire : un code d'activation est généré.",
  request: { params: IdParam, body: jsonBody(AssignmentBody) },
  responses: {
    201: jsonResponse(AssignmentResult, "L'examen attribué."),
    ...problems(400, 401, 403, 404, 409),
  },
});

const modifyRoute = createRoute({
  method: 'put',
  path: '/candidates/{id}/assignment',
  operationId: 'modifyAssignment',
  tags,
  middleware: space(),
  summary: "Modifier l'attribution d'un examen non passé (§6.6, R6)",
  request: { params: IdParam, body: jsonBody(AssignmentBody) },
  responses: {
    200: jsonResponse(AssignmentResult, 'La nouvelle attribution.'),
    ...problems(400, 401, 403, 404, 409),
  },
});

const removeRoute = createRoute({
  method: 'delete',
  path: '/candidates/{id}/assignment',
  operationId: 'removeAssignment',
  tags,
  middleware: space(),
  summary: "Supprimer l'attribution d'un examen non passé (§6.6, R7)",
  request: { params: IdParam, query: AssignmentDeleteQuery },
  responses: {
    204: { description: "L'attribution est supprimée ; la certification est reversée dans le stock." },
    ...problems(400, 401, 403, 404, 409),
  },
});

const bulkRoute = createRoute({
  method: 'post',
  path: '/assignments/bulk',
  operationId: 'bulkAssign',
  tags,
  middleware: space(),
  summary: 'Attribuer une certification à plusieurs candidats, tout ou rien (§6.6, R8)',
  request: { body: jsonBody(BulkAssignBody) },
  responses: {
    201: jsonResponse(listOf(AssignmentResult), 'Les attributions, dans l’ordre de la sélection.'),
    ...problems(400, 401, 403, 404, 409),
  },
});

const bulkDeleteRoute = createRoute({
  method: 'post',
  path: '/assignments/bulk-delete',
  operationId: 'bulkRemoveAssignments',
  tags,
  middleware: space(),
  summary: 'Supprimer les attributions de plusieurs candidats, tout ou rien (§6.6, R8)',
  request: { body: jsonBody(BulkDeleteBody) },
  responses: {
    200: jsonResponse(BulkRemovalResult, 'Attributions supprimées et certifications reversées.'),
    ...problems(400, 401, 403, 404, 409),
  },
});

const eligibleRoute = createRoute({
  method: 'get',
  path: '/assignments/eligible',
  operationId: 'listEligibleCandidates',
  tags,
  middleware: space(),
  summary: 'Les candidats éligibles à une action groupée (§6.6) : `action=assign` (sans examen en cours) ou `action=remove` (examen non passé)',
  description: 'Mêmes recherche, filtres, tri et curseur que le tableau des candidats ; `available` donne le stock du type `examType`.',
  request: { query: EligibleQuery },
  responses: { 200: jsonResponse(EligibleList, 'Une page de candidats éligibles.'), ...problems(400, 401, 403) },
});

/**
 * Assignments of the caller's space: `/candidates/:id/assignment` and
 * `/assignments/…`. Mounted at the API root; each route carries its own guard,
 * so nothing here touches the other routers' paths.
 */
export function assignmentRoutes(ports: Ports) {
  return createRouter()
    .openapi(eligibleRoute, async (c) => {
      const { action, ...filters } = c.req.valid('query');
      return c.json(await eligibleCandidates(ports, spaceIdOf(c), action, filters), 200);
    })
    .openapi(assignRoute, async (c) => {
      const result = await assignExam(ports, spaceIdOf(c), c.req.valid('param').id, c.req.valid('json'));
      return c.json(result, 201);
    })
    .openapi(modifyRoute, async (c) => {
      const result = await modifyAssignment(ports, spaceIdOf(c), c.req.valid('param').id, c.req.valid('json'));
      return c.json(result, 200);
    })
    .openapi(removeRoute, async (c) => {
      await removeAssignment(ports, spaceIdOf(c), c.req.valid('param').id, c.req.valid('query'));
      return c.body(null, 204);
    })
    .openapi(bulkRoute, async (c) => {
      const data = await bulkAssign(ports, spaceIdOf(c), c.req.valid('json'));
      return c.json({ data, nextCursor: null, total: data.length }, 201);
    })
    .openapi(bulkDeleteRoute, async (c) => {
      return c.json(await bulkRemove(ports, spaceIdOf(c), c.req.valid('json')), 200);
    });
}
