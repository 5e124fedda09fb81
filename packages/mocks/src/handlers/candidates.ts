/**
 * `/candidates` (§6.1–6.4, §6.8, §6.9): the table, the file, its attempts,
 * the CSV export of §6.2.
 */
import { CandidateListQuery } from '@clr/domain';
import { documents } from '../http/lazy.js';
import { file, json, noContent, SPACE, type RouteSpec } from '../http/route.js';
import { filterRows, queryCandidates } from '../services/candidate-list.js';
import { createCandidate, deleteCandidate, requireCandidate, updateCandidate } from '../services/candidates.js';
import { listAttempts } from '../services/results.js';
import { candidateDetail } from '../services/views.js';

export const candidateRoutes: RouteSpec[] = [
  {
    method: 'get',
    path: '/candidates/export.csv',
    auth: SPACE,
    async handle(ctx) {
      const d = await documents();
      const query = ctx.parse(CandidateListQuery, ctx.query(), 'query');
      const { rows } = filterRows(ctx.store, ctx.spaceId(), query, ctx.store.now());
      const csv = d.toCsv(d.CANDIDATE_COLUMNS, rows.map((e) => e.row));
      return file(csv, d.CSV_CONTENT_TYPE, d.exportFileName(d.EXPORT_FILE_BASES.candidates, ctx.store.now()));
    },
  },
  {
    method: 'get',
    path: '/candidates',
    auth: SPACE,
    handle(ctx) {
      const query = ctx.parse(CandidateListQuery, ctx.query(), 'query');
      return json(queryCandidates(ctx.store, ctx.spaceId(), query, ctx.store.now()));
    },
  },
  {
    method: 'post',
    path: '/candidates',
    auth: SPACE,
    async handle(ctx) {
      const spaceId = ctx.spaceId();
      const candidate = createCandidate(ctx.store, ctx.actor, spaceId, await ctx.json({ strict: true }));
      return json(candidate, 201, { Location: `/api/v1/candidates/${candidate.id}` });
    },
  },
  {
    method: 'get',
    path: '/candidates/:id',
    auth: SPACE,
    handle(ctx) {
      const id = ctx.id();
      return json(candidateDetail(ctx.store, requireCandidate(ctx.store, ctx.spaceId(), id), ctx.store.now()));
    },
  },
  {
    method: 'patch',
    path: '/candidates/:id',
    auth: SPACE,
    async handle(ctx) {
      const id = ctx.id();
      const spaceId = ctx.spaceId();
      return json(updateCandidate(ctx.store, ctx.actor, spaceId, id, await ctx.json({ strict: true })));
    },
  },
  {
    method: 'delete',
    path: '/candidates/:id',
    auth: SPACE,
    handle(ctx) {
      const id = ctx.id();
      deleteCandidate(ctx.store, ctx.spaceId(), id);
      return noContent();
    },
  },
  {
    method: 'get',
    path: '/candidates/:id/attempts',
    auth: SPACE,
    handle(ctx) {
      const id = ctx.id();
      requireCandidate(ctx.store, ctx.spaceId(), id);
      const data = listAttempts(ctx.store, id);
      return json({ data, nextCursor: null, total: data.length });
    },
  },
];
