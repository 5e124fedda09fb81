/**
 * The exam platform's `/integration` endpoints (integration key) and the
 * public verification of a result (`/public/verify/:code`, R17).
 */
import { AttemptScoreBody, AttemptStartBody, IntegrationLoginBody, ValidationDecisionBody } from '@clr/domain';
import { json, type RouteSpec } from '../http/route.js';
import { limit, MOCK_ADDRESS } from '../services/auth.js';
import { candidateLogin, decideAttempt, scoreAttempt, startAttempt, verifyPublicCode } from '../services/results.js';

const INTEGRATION = ['integration'] as const;

export const integrationRoutes: RouteSpec[] = [
  {
    method: 'post',
    path: '/integration/candidates/login',
    auth: INTEGRATION,
    async handle(ctx) {
      return json(candidateLogin(ctx.store, ctx.parse(IntegrationLoginBody, await ctx.json())));
    },
  },
  {
    method: 'post',
    path: '/integration/attempts',
    auth: INTEGRATION,
    async handle(ctx) {
      return json(startAttempt(ctx.store, ctx.parse(AttemptStartBody, await ctx.json())), 201);
    },
  },
  {
    method: 'post',
    path: '/integration/attempts/:id/score',
    auth: INTEGRATION,
    async handle(ctx) {
      const id = ctx.id();
      return json(scoreAttempt(ctx.store, id, ctx.parse(AttemptScoreBody, await ctx.json())));
    },
  },
  {
    method: 'post',
    path: '/integration/attempts/:id/validation',
    auth: INTEGRATION,
    async handle(ctx) {
      const id = ctx.id();
      return json(decideAttempt(ctx.store, id, ctx.parse(ValidationDecisionBody, await ctx.json())));
    },
  },
  {
    method: 'get',
    path: '/public/verify/:code',
    handle(ctx) {
      const code = ctx.id('code');
      const { max, windowMs } = ctx.store.config.verifyLimit;
      limit(ctx.store, `verify:${MOCK_ADDRESS}`, max, windowMs);
      return json(verifyPublicCode(ctx.store, code));
    },
  },
];
