import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import { CandidateCreateBody, CandidateDetail, CandidateList, CandidateListQuery, CandidatePatchBody } from '@clr/domain';
import { requireActor, spaceIdOf } from '../http/auth.js';
import type { AppEnv } from '../http/env.js';
import { fromZodError } from '../http/problem.js';
import { createRouter, IdParam, jsonBody, jsonResponse, problems } from '../http/openapi.js';
import { queryCandidates } from '../services/candidate-list.js';
import { createCandidate, deleteCandidate, getCandidate, updateCandidate } from '../services/candidates.js';

const listRoute = createRoute({
  method: 'get',
  path: '/',
  operationId: 'listCandidates',
  tags: ['candidates'],
  summary: 'Le tableau des candidats (§6.1) : recherche, filtres, tri, pagination par curseur, effectifs par statut',
  description:
    'Les candidats d’un groupe masqué (R12) sont exclus des lignes et des effectifs, sauf `includeHidden=true`. ' +
    '`counts` donne les effectifs par statut pour les mêmes filtres, hors filtre de statut (les onglets gardent leurs nombres) ; ' +
    '`total` est le nombre de lignes de toutes les pages.',
  request: { query: CandidateListQuery },
  responses: { 200: jsonResponse(CandidateList, 'Une page du tableau.'), ...problems(400, 401, 403) },
});

/**
 * Create and edit validate their body in the handler, with the space's
 * password minimum and the app's clock (« date de naissance dans le passé »);
 * the routes are documented with the default schemas.
 */
const createDoc: RouteConfig = {
  method: 'post',
  path: '/',
  operationId: 'createCandidate',
  tags: ['candidates'],
  summary: 'Créer un candidat (§6.3) : identité, mot de passe, informations ; coordonnées et divers facultatifs',
  request: { body: jsonBody(CandidateCreateBody) },
  responses: { 201: jsonResponse(CandidateDetail, 'Le dossier créé.'), ...problems(400, 401, 403, 409) },
};

const getRoute = createRoute({
  method: 'get',
  path: '/{id}',
  operationId: 'getCandidate',
  tags: ['candidates'],
  summary: 'Le dossier d’un candidat (§6.4, §6.9) : pages, examen attribué, passages, documents',
  request: { params: IdParam },
  responses: { 200: jsonResponse(CandidateDetail, 'Le dossier.'), ...problems(400, 401, 403, 404) },
});

const patchDoc: RouteConfig = {
  method: 'patch',
  path: '/{id}',
  operationId: 'updateCandidate',
  tags: ['candidates'],
  summary: 'Modifier le dossier (§6.4) ; refusé dès qu’un examen a été passé (R11, `candidate_locked`)',
  request: { params: IdParam, body: jsonBody(CandidatePatchBody) },
  responses: { 200: jsonResponse(CandidateDetail, 'Le dossier modifié.'), ...problems(400, 401, 403, 404, 409) },
};

const deleteRoute = createRoute({
  method: 'delete',
  path: '/{id}',
  operationId: 'deleteCandidate',
  tags: ['candidates'],
  summary: 'Supprimer un candidat (§6.8, R10) : jamais d’examen passé ni d’examen attribué en cours',
  request: { params: IdParam },
  responses: { 204: { description: 'Candidat supprimé.' }, ...problems(400, 401, 403, 404, 409) },
});

/** The JSON body, with the problems the validated routes give for a wrong media type or broken JSON. */
async function jsonOf(c: Context<AppEnv>): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) throw new HTTPException(415, { message: 'Unsupported Media Type' });
  try {
    return await c.req.json();
  } catch {
    throw new HTTPException(400, { message: 'Malformed JSON in request body' });
  }
}

function idOf(c: Context<AppEnv>): string {
  const parsed = IdParam.safeParse({ id: c.req.param('id') });
  if (!parsed.success) throw fromZodError(parsed.error, 'param');
  return parsed.data.id;
}

/** `/candidates` of the caller's space (§6.1–6.4, §6.8). */
export function candidateRoutes() {
  const router = createRouter();
  router.use('*', requireActor('admin', 'apiKey'));
  router.openAPIRegistry.registerPath(createDoc);
  router.openAPIRegistry.registerPath(patchDoc);

  router.post('/', async (c) => {
    const candidate = await createCandidate(c.get('deps'), c.get('actor'), spaceIdOf(c), await jsonOf(c));
    c.header('Location', `/api/v1/candidates/${candidate.id}`);
    return c.json(candidate, 201);
  });
  router.patch('/:id', async (c) => {
    const id = idOf(c);
    const spaceId = spaceIdOf(c);
    return c.json(await updateCandidate(c.get('deps'), c.get('actor'), spaceId, id, await jsonOf(c)), 200);
  });

  return router
    .openapi(listRoute, async (c) => {
      const deps = c.get('deps');
      return c.json(await queryCandidates(deps.db, spaceIdOf(c), c.req.valid('query'), deps.now()), 200);
    })
    .openapi(getRoute, async (c) => c.json(await getCandidate(c.get('deps'), spaceIdOf(c), c.req.valid('param').id), 200))
    .openapi(deleteRoute, async (c) => {
      await deleteCandidate(c.get('deps'), spaceIdOf(c), c.req.valid('param').id);
      return c.body(null, 204);
    });
}
