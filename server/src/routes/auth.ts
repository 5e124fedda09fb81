import { createRoute, z } from '@hono/zod-openapi';
import { AdminProfile, LoginBody, PasswordResetConfirmBody, PasswordResetRequestBody, SpaceRef } from '@clr/domain';
import { clearSessionCookie, clientAddress, setSessionCookie } from '../http/auth.js';
import { createRouter, jsonBody, jsonResponse, problems } from '../http/openapi.js';
import { confirmPasswordReset, login, requestPasswordReset } from '../services/auth.js';
import { closeSession } from '../services/sessions.js';

/** The domain's `LoginResponse`, with `space: null` for an operator (platform staff belong to no space). */
export const SessionResponse = z.object({ admin: AdminProfile, space: SpaceRef.nullable() }).openapi('SessionResponse');

const loginRoute = createRoute({
  method: 'post',
  path: '/login',
  operationId: 'login',
  tags: ['auth'],
  summary: 'Se connecter (§1.1) : ouvre une session (cookie HttpOnly)',
  security: [],
  request: { body: jsonBody(LoginBody) },
  responses: {
    200: {
      ...jsonResponse(SessionResponse, 'Connecté ; le cookie `clr_session` porte la session.'),
      headers: { 'Set-Cookie': { schema: { type: 'string' }, description: 'clr_session=…; HttpOnly; SameSite=Lax' } },
    },
    ...problems(400, 401, 429),
  },
});

const logoutRoute = createRoute({
  method: 'post',
  path: '/logout',
  operationId: 'logout',
  tags: ['auth'],
  summary: 'Se déconnecter : la session est supprimée',
  security: [],
  responses: { 204: { description: 'Déconnecté (même sans session).' }, ...problems(403) },
});

const resetRoute = createRoute({
  method: 'post',
  path: '/password-reset',
  operationId: 'requestPasswordReset',
  tags: ['auth'],
  summary: 'Mot de passe oublié : un lien est envoyé par courriel si le compte existe',
  description: 'Répond toujours 202, que le compte existe ou non.',
  security: [],
  request: { body: jsonBody(PasswordResetRequestBody) },
  responses: { 202: { description: 'Demande prise en compte.' }, ...problems(400, 429) },
});

const confirmRoute = createRoute({
  method: 'post',
  path: '/password-reset/confirm',
  operationId: 'confirmPasswordReset',
  tags: ['auth'],
  summary: 'Choisir un nouveau mot de passe avec le lien reçu (usage unique, 1 h)',
  security: [],
  request: { body: jsonBody(PasswordResetConfirmBody) },
  responses: { 204: { description: 'Mot de passe changé ; toutes les sessions du compte sont fermées.' }, ...problems(400) },
});

/** `/auth`: login, logout, password reset (SPEC §4 « auth »). */
export function authRoutes() {
  return createRouter()
    .openapi(loginRoute, async (c) => {
      const deps = c.get('deps');
      const result = await login(deps, c.req.valid('json'), clientAddress(c));
      // Rotation: whatever session the browser came with is ended.
      const previous = c.get('sessionId');
      if (previous) await closeSession(deps, previous);
      setSessionCookie(c, result.token, result.expiresAt);
      return c.json({ admin: result.admin, space: result.space }, 200);
    })
    .openapi(logoutRoute, async (c) => {
      const sessionId = c.get('sessionId');
      if (sessionId) await closeSession(c.get('deps'), sessionId);
      clearSessionCookie(c);
      return c.body(null, 204);
    })
    .openapi(resetRoute, async (c) => {
      await requestPasswordReset(c.get('deps'), c.req.valid('json').email, clientAddress(c));
      return c.body(null, 202);
    })
    .openapi(confirmRoute, async (c) => {
      const { token, password } = c.req.valid('json');
      await confirmPasswordReset(c.get('deps'), token, password);
      return c.body(null, 204);
    });
}
