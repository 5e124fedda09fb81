/**
 * `/groups` (§5): the table, one group, its candidates, the associable ones,
 * members, and the CSV exports of §5.2 and §5.7.
 */
import { CandidateListQuery, GroupCreateBody, GroupListQuery, GroupMembersBody, GroupPatchBody } from '@clr/domain';
import { documents } from '../http/lazy.js';
import { file, json, noContent, SPACE, type RouteSpec } from '../http/route.js';
import { filterRows } from '../services/candidate-list.js';
import {
  addMembers,
  createGroup,
  deleteGroup,
  getGroup,
  listAssociable,
  listGroupCandidates,
  listGroups,
  removeMember,
  requireGroup,
  updateGroup,
} from '../services/groups.js';

export const groupRoutes: RouteSpec[] = [
  {
    method: 'get',
    path: '/groups/export.csv',
    auth: SPACE,
    async handle(ctx) {
      const d = await documents();
      const spaceId = ctx.spaceId();
      const query = ctx.parse(GroupListQuery, ctx.query(), 'query');
      const all = listGroups(ctx.store, spaceId, { ...query, cursor: undefined, limit: Number.MAX_SAFE_INTEGER });
      const csv = d.toCsv(d.GROUP_COLUMNS, all.data);
      return file(csv, d.CSV_CONTENT_TYPE, d.exportFileName(d.EXPORT_FILE_BASES.groups, ctx.store.now()));
    },
  },
  {
    method: 'get',
    path: '/groups',
    auth: SPACE,
    handle: (ctx) => json(listGroups(ctx.store, ctx.spaceId(), ctx.parse(GroupListQuery, ctx.query(), 'query'))),
  },
  {
    method: 'post',
    path: '/groups',
    auth: SPACE,
    async handle(ctx) {
      const group = createGroup(ctx.store, ctx.spaceId(), ctx.parse(GroupCreateBody, await ctx.json()));
      return json(group, 201, { Location: `/api/v1/groups/${group.id}` });
    },
  },
  {
    method: 'get',
    path: '/groups/:id',
    auth: SPACE,
    handle: (ctx) => json(getGroup(ctx.store, ctx.spaceId(), ctx.id())),
  },
  {
    method: 'patch',
    path: '/groups/:id',
    auth: SPACE,
    async handle(ctx) {
      const id = ctx.id();
      return json(updateGroup(ctx.store, ctx.spaceId(), id, ctx.parse(GroupPatchBody, await ctx.json())));
    },
  },
  {
    method: 'delete',
    path: '/groups/:id',
    auth: SPACE,
    handle(ctx) {
      deleteGroup(ctx.store, ctx.spaceId(), ctx.id());
      return noContent();
    },
  },
  {
    method: 'get',
    path: '/groups/:id/candidates/export.csv',
    auth: SPACE,
    async handle(ctx) {
      const d = await documents();
      const spaceId = ctx.spaceId();
      const id = ctx.id();
      const group = requireGroup(ctx.store, spaceId, id);
      const { groupId: _ignored, ...filters } = ctx.parse(CandidateListQuery, ctx.query(), 'query');
      const { rows } = filterRows(ctx.store, spaceId, { ...filters, includeHidden: true }, ctx.store.now(), { extra: (e) => e.groupIds.has(id) });
      const csv = d.toCsv(d.GROUP_CANDIDATE_COLUMNS, rows.map((e) => e.row));
      return file(csv, d.CSV_CONTENT_TYPE, d.exportFileName(`${d.EXPORT_FILE_BASES.groupCandidates} ${group.name}`, ctx.store.now()));
    },
  },
  {
    method: 'get',
    path: '/groups/:id/candidates',
    auth: SPACE,
    handle(ctx) {
      const id = ctx.id();
      return json(listGroupCandidates(ctx.store, ctx.spaceId(), id, ctx.parse(CandidateListQuery, ctx.query(), 'query')));
    },
  },
  {
    method: 'get',
    path: '/groups/:id/associable',
    auth: SPACE,
    handle(ctx) {
      const id = ctx.id();
      return json(listAssociable(ctx.store, ctx.spaceId(), id, ctx.parse(CandidateListQuery, ctx.query(), 'query')));
    },
  },
  {
    method: 'post',
    path: '/groups/:id/members',
    auth: SPACE,
    async handle(ctx) {
      const id = ctx.id();
      const { candidateIds } = ctx.parse(GroupMembersBody, await ctx.json());
      return json(addMembers(ctx.store, ctx.spaceId(), id, candidateIds));
    },
  },
  {
    method: 'delete',
    path: '/groups/:id/members/:candidateId',
    auth: SPACE,
    handle(ctx) {
      const id = ctx.id();
      removeMember(ctx.store, ctx.spaceId(), id, ctx.id('candidateId'));
      return noContent();
    },
  },
];
