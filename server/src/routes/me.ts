import { createRoute } from '@hono/zod-openapi';
import { PasswordChangeBody, ProfilePatchBody } from '@clr/domain';
import { adminIdOf, requireActor } from '../http/auth.js';
import { createRouter, jsonBody, jsonResponse, problems } from '../http/openapi.js';
import { changePassword, confirmEmailChange, loadProfile } from '../services/auth.js';
import { SessionResponse } from './auth.js';

const getMe = createRoute({
  method: 'get',
  path: '/',
  operationId: 'getProfile',
  tags: ['auth'],
  summary: 'Mon profil (§1.2) : nom, prénom, courriel',
  responses: { 200: jsonResponse(SessionResponse, 'Le profil de l’administrateur connecté.'), ...problems(401, 403) },
});

const patchMe = createRoute({
  method: 'patch',
  path: '/',
  operationId: 'updateProfile',
  tags: ['auth'],
  summary: 'Modifier mon profil (nom, prénom, courriel)',
  description:
    "Changer le courriel (l'identifiant de connexion) demande aussi `currentPassword`, le mot de passe actuel : absent ou incorrect, 400 `validation_failed` nommant `currentPassword`, vérifié avant toute réponse sur la nouvelle adresse. Un courriel déjà pris : 409 `conflict` nommant `email`, sans rien dire du compte qui l'a.",
  request: { body: jsonBody(ProfilePatchBody) },
  responses: { 200: jsonResponse(SessionResponse, 'Le profil modifié.'), ...problems(400, 401, 403, 409) },
});

const putPassword = createRoute({
  method: 'put',
  path: '/password',
  operationId: 'changePassword',
  tags: ['auth'],
  summary: 'Changer mon mot de passe (mot de passe actuel requis)',
  request: { body: jsonBody(PasswordChangeBody) },
  responses: { 204: { description: 'Mot de passe changé ; les autres sessions sont fermées.' }, ...problems(400, 401, 403) },
});

/** `/me`: the signed-in administrator's own profile (session only: an API key has no profile). */
export function meRoutes() {
  const router = createRouter();
  router.use('*', requireActor('admin', 'operator'));
  return router
    .openapi(getMe, async (c) => c.json(await loadProfile(c.get('deps'), adminIdOf(c)), 200))
    .openapi(patchMe, async (c) => {
      const deps = c.get('deps');
      const adminId = adminIdOf(c);
      const patch = c.req.valid('json');
      await confirmEmailChange(deps, adminId, patch);
      await deps.db.admin.update({
        where: { id: adminId },
        data: {
          ...(patch.lastName !== undefined ? { lastName: patch.lastName } : {}),
          ...(patch.firstName !== undefined ? { firstName: patch.firstName } : {}),
          ...(patch.email !== undefined ? { email: patch.email } : {}),
        },
      });
      return c.json(await loadProfile(deps, adminId), 200);
    })
    .openapi(putPassword, async (c) => {
      const { currentPassword, newPassword } = c.req.valid('json');
      await changePassword(c.get('deps'), adminIdOf(c), c.get('sessionId'), { currentPassword, newPassword });
      return c.body(null, 204);
    });
}
