import { createRoute } from '@hono/zod-openapi';
import { Attempt, AttemptScoreBody, AttemptStarted, AttemptStartBody, IntegrationLoginBody, IntegrationLoginResponse, ValidationDecisionBody } from '@clr/domain';
import { requireActor } from '../http/auth.js';
import { createRouter, IdParam, jsonBody, jsonResponse, problems } from '../http/openapi.js';
import { decideValidation, integrationLogin, scoreAttempt, startAttempt } from '../services/integration.js';


const tags = ['integration'];
const security = [{ integrationKey: [] as string[] }];

const loginRoute = createRoute({
  method: 'post',
  path: '/candidates/login',
  operationId: 'loginCandidate',
  tags,
  security,
  summary: "Connexion d'un candidat à la plateforme d'examen (met à jour sa dernière connexion)",
  request: { body: jsonBody(IntegrationLoginBody) },
  responses: {
    200: jsonResponse(IntegrationLoginResponse, 'Le candidat et son examen non passé, s’il en a un.'),
    ...problems(400, 401, 403, 429),
  },
});

const startRoute = createRoute({
  method: 'post',
  path: '/attempts',
  operationId: 'startAttempt',
  tags,
  security,
  summary: "Démarrer un examen : avec le code d'activation (usage unique, R15) ou, sans examinateur, avec l'attribution",
  request: { body: jsonBody(AttemptStartBody) },
  responses: { 201: jsonResponse(AttemptStarted, 'Le passage démarré.'), ...problems(400, 401, 403, 404, 409) },
});

const scoreRoute = createRoute({
  method: 'post',
  path: '/attempts/{id}/score',
  operationId: 'postScore',
  tags,
  security,
  summary: 'Enregistrer le score (/1000) et la date de passage : validité (R16), code public (R17), validation',
  request: { params: IdParam, body: jsonBody(AttemptScoreBody) },
  responses: { 200: jsonResponse(Attempt, 'Le résultat.'), ...problems(400, 401, 403, 404, 409) },
});

const validationRoute = createRoute({
  method: 'post',
  path: '/attempts/{id}/validation',
  operationId: 'postValidation',
  tags,
  security,
  summary: "Décision de l'examinateur sur un résultat en attente de validation manuelle",
  request: { params: IdParam, body: jsonBody(ValidationDecisionBody) },
  responses: { 200: jsonResponse(Attempt, 'Le résultat validé ou invalidé.'), ...problems(400, 401, 403, 404, 409) },
});

/** `/integration`: the exam platform, with its integration key (no space: candidates, codes and attempts are found by their own ids). */
export function integrationRoutes() {
  const router = createRouter();
  router.use('*', requireActor('integration'));
  return router
    .openapi(loginRoute, async (c) => c.json(await integrationLogin(c.get('deps'), c.req.valid('json')), 200))
    .openapi(startRoute, async (c) => c.json(await startAttempt(c.get('deps'), c.req.valid('json')), 201))
    .openapi(scoreRoute, async (c) => c.json(await scoreAttempt(c.get('deps'), c.req.valid('param').id, c.req.valid('json')), 200))
    .openapi(validationRoute, async (c) =>
      c.json(await decideValidation(c.get('deps'), c.req.valid('param').id, c.req.valid('json').decision), 200),
    );
}
