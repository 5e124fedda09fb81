/**
 * Assignments (§6.5, §6.6): one candidate's (`/candidates/:id/assignment`),
 * several at once (`/assignments/bulk`, `/assignments/bulk-delete`), and who
 * may be chosen for them (`/assignments/eligible`).
 */
import {
  AssignmentBody,
  AssignmentDeleteQuery,
  BulkAssignBody,
  BulkDeleteBody,
  CandidateListQuery,
  availableCredits,
  fr,
  toFieldErrors,
  type FieldError,
} from '@clr/domain';
import { validationFailed } from '../http/problem.js';
import { json, noContent, SPACE, type RouteSpec } from '../http/route.js';
import { assignExam, bulkAssign, bulkRemove, loadExamType, modifyAssignment, removeAssignment } from '../services/assignments.js';
import { assignmentEligibility, queryCandidates } from '../services/candidate-list.js';
import { lotsOf } from '../services/orders.js';

/** The server's `EligibleQuery`: the candidates table's query plus `action` and an optional `examType`. */
function eligibleQuery(raw: Record<string, string | string[]>) {
  const errors: FieldError[] = [];
  const base = CandidateListQuery.safeParse(raw);
  if (!base.success) errors.push(...toFieldErrors(base.error));
  const action = raw.action;
  if (action !== 'assign' && action !== 'remove') {
    // The server's own message is not in the domain's catalogue: its field errors show the generic one.
    errors.push({ path: 'action', message: fr('field.invalid') });
  }
  let examType: string | undefined;
  const rawType = raw.examType;
  if (!(typeof rawType === 'string' && rawType.trim() === '') && rawType !== undefined) {
    if (typeof rawType !== 'string' || rawType.length > 64 || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(rawType)) {
      errors.push({ path: 'examType', message: "Le type d'examen n'est pas valide." });
    } else examType = rawType;
  }
  if (errors.length > 0 || !base.success) throw validationFailed(errors, 'Certains paramètres de la requête sont invalides.');
  return { ...base.data, action: action as 'assign' | 'remove', examType };
}

export const assignmentRoutes: RouteSpec[] = [
  {
    method: 'get',
    path: '/assignments/eligible',
    auth: SPACE,
    handle(ctx) {
      const { action, examType, ...filters } = eligibleQuery(ctx.query());
      const spaceId = ctx.spaceId();
      const now = ctx.store.now();
      let available: number | null = null;
      if (action === 'assign' && examType) {
        const type = loadExamType(ctx.store, examType);
        available = availableCredits(lotsOf(ctx.store, spaceId), type.id, now);
      }
      const list = queryCandidates(ctx.store, spaceId, filters, now, { extra: assignmentEligibility(ctx.store, action, now) });
      return json({ ...list, available });
    },
  },
  {
    method: 'post',
    path: '/candidates/:id/assignment',
    auth: SPACE,
    async handle(ctx) {
      const id = ctx.id();
      const body = ctx.parse(AssignmentBody, await ctx.json());
      return json(assignExam(ctx.store, ctx.spaceId(), id, body), 201);
    },
  },
  {
    method: 'put',
    path: '/candidates/:id/assignment',
    auth: SPACE,
    async handle(ctx) {
      const id = ctx.id();
      const body = ctx.parse(AssignmentBody, await ctx.json());
      return json(modifyAssignment(ctx.store, ctx.spaceId(), id, body));
    },
  },
  {
    method: 'delete',
    path: '/candidates/:id/assignment',
    auth: SPACE,
    handle(ctx) {
      const id = ctx.id();
      const query = ctx.parse(AssignmentDeleteQuery, ctx.query(), 'query');
      removeAssignment(ctx.store, ctx.spaceId(), id, query);
      return noContent();
    },
  },
  {
    method: 'post',
    path: '/assignments/bulk',
    auth: SPACE,
    async handle(ctx) {
      const data = bulkAssign(ctx.store, ctx.spaceId(), ctx.parse(BulkAssignBody, await ctx.json()));
      return json({ data, nextCursor: null, total: data.length }, 201);
    },
  },
  {
    method: 'post',
    path: '/assignments/bulk-delete',
    auth: SPACE,
    async handle(ctx) {
      return json(bulkRemove(ctx.store, ctx.spaceId(), ctx.parse(BulkDeleteBody, await ctx.json())));
    },
  },
];
