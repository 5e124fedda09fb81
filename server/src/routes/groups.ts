import { createRoute, z } from '@hono/zod-openapi';
import {
  CandidateList,
  CandidateListQuery,
  GroupCreateBody,
  GroupList,
  GroupListQuery,
  GroupMembersBody,
  GroupPatchBody,
  GroupWithCount,
} from '@clr/domain';
import { requireActor, spaceIdOf } from '../http/auth.js';
import { createRouter, IdParam, jsonBody, jsonResponse, problems } from '../http/openapi.js';
import {
  addMembers,
  createGroup,
  deleteGroup,
  getGroup,
  listAssociable,
  listGroupCandidates,
  listGroups,
  removeMember,
  updateGroup,
} from '../services/groups.js';

/** `POST /groups/:id/members` → the group with its new count, who was added, who already was a member. */
export const GroupMembersResult = z
  .object({
    group: GroupWithCount,
    added: z.array(z.string()),
    alreadyMembers: z.array(z.string()),
  })
  .openapi('GroupMembersResult');

const MemberParams = z.object({ id: IdParam.shape.id, candidateId: IdParam.shape.id });

const listRoute = createRoute({
  method: 'get',
  path: '/',
  operationId: 'listGroups',
  tags: ['groups'],
  summary: 'Le tableau des groupes (§5.1) : recherche, catégorie, période, tri ; groupes masqués en dernier',
  request: { query: GroupListQuery },
  responses: { 200: jsonResponse(GroupList, 'Les groupes de l’espace, avec leur nombre de candidats.'), ...problems(400, 401, 403) },
});

const createGroupRoute = createRoute({
  method: 'post',
  path: '/',
  operationId: 'createGroup',
  tags: ['groups'],
  summary: 'Créer un groupe (§5.3) : nom unique dans l’espace, catégorie',
  request: { body: jsonBody(GroupCreateBody) },
  responses: {
    201: jsonResponse(GroupWithCount, 'Le groupe créé.'),
    ...problems(400, 401, 403, 409),
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/{id}',
  operationId: 'getGroup',
  tags: ['groups'],
  summary: 'Un groupe',
  request: { params: IdParam },
  responses: { 200: jsonResponse(GroupWithCount, 'Le groupe.'), ...problems(400, 401, 403, 404) },
});

const patchRoute = createRoute({
  method: 'patch',
  path: '/{id}',
  operationId: 'updateGroup',
  tags: ['groups'],
  summary: 'Modifier (§5.8), masquer ou réafficher (§5.4, R12) un groupe',
  request: { params: IdParam, body: jsonBody(GroupPatchBody) },
  responses: { 200: jsonResponse(GroupWithCount, 'Le groupe modifié.'), ...problems(400, 401, 403, 404, 409) },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/{id}',
  operationId: 'deleteGroup',
  tags: ['groups'],
  summary: 'Supprimer un groupe (§5.5, R13) : ses candidats restent, sans ce groupe',
  request: { params: IdParam },
  responses: { 204: { description: 'Groupe supprimé.' }, ...problems(400, 401, 403, 404) },
});

const candidatesRoute = createRoute({
  method: 'get',
  path: '/{id}/candidates',
  operationId: 'listGroupCandidates',
  tags: ['groups'],
  summary: 'Les candidats d’un groupe (§5.6) : le tableau des candidats restreint au groupe',
  request: { params: IdParam, query: CandidateListQuery },
  responses: {
    200: jsonResponse(CandidateList, 'Les membres du groupe (masqués compris), avec les effectifs par statut.'),
    ...problems(400, 401, 403, 404),
  },
});

const associableRoute = createRoute({
  method: 'get',
  path: '/{id}/associable',
  operationId: 'listAssociableCandidates',
  tags: ['groups'],
  summary: 'Associer des candidats (§5.9, R14) : les candidats qui ne sont pas dans ce groupe',
  request: { params: IdParam, query: CandidateListQuery },
  responses: { 200: jsonResponse(CandidateList, 'Les candidats associables.'), ...problems(400, 401, 403, 404) },
});

const addMembersRoute = createRoute({
  method: 'post',
  path: '/{id}/members',
  operationId: 'addGroupMembers',
  tags: ['groups'],
  summary: 'Associer des candidats au groupe (§5.9, R14) : tout ou rien',
  request: { params: IdParam, body: jsonBody(GroupMembersBody) },
  responses: {
    200: jsonResponse(GroupMembersResult, 'Les candidats associés.'),
    ...problems(400, 401, 403, 404),
  },
});

const removeMemberRoute = createRoute({
  method: 'delete',
  path: '/{id}/members/{candidateId}',
  operationId: 'removeGroupMember',
  tags: ['groups'],
  summary: 'Dissocier un candidat du groupe (§5.10) : le candidat reste',
  request: { params: MemberParams },
  responses: { 204: { description: 'Candidat dissocié.' }, ...problems(400, 401, 403, 404) },
});

/** `/groups` of the caller's space (§5). */
export function groupRoutes() {
  const router = createRouter();
  router.use('*', requireActor('admin', 'apiKey'));
  return router
    .openapi(listRoute, async (c) => c.json(await listGroups(c.get('deps'), spaceIdOf(c), c.req.valid('query')), 200))
    .openapi(createGroupRoute, async (c) => {
      const group = await createGroup(c.get('deps'), spaceIdOf(c), c.req.valid('json'));
      c.header('Location', `/api/v1/groups/${group.id}`);
      return c.json(group, 201);
    })
    .openapi(getRoute, async (c) => c.json(await getGroup(c.get('deps'), spaceIdOf(c), c.req.valid('param').id), 200))
    .openapi(patchRoute, async (c) =>
      c.json(await updateGroup(c.get('deps'), spaceIdOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(deleteRoute, async (c) => {
      await deleteGroup(c.get('deps'), spaceIdOf(c), c.req.valid('param').id);
      return c.body(null, 204);
    })
    .openapi(candidatesRoute, async (c) =>
      c.json(await listGroupCandidates(c.get('deps'), spaceIdOf(c), c.req.valid('param').id, c.req.valid('query')), 200),
    )
    .openapi(associableRoute, async (c) =>
      c.json(await listAssociable(c.get('deps'), spaceIdOf(c), c.req.valid('param').id, c.req.valid('query')), 200),
    )
    .openapi(addMembersRoute, async (c) => {
      const { candidateIds } = c.req.valid('json');
      return c.json(await addMembers(c.get('deps'), spaceIdOf(c), c.req.valid('param').id, candidateIds), 200);
    })
    .openapi(removeMemberRoute, async (c) => {
      const { id, candidateId } = c.req.valid('param');
      await removeMember(c.get('deps'), spaceIdOf(c), id, candidateId);
      return c.body(null, 204);
    });
}
