import { createRoute, z } from '@hono/zod-openapi';
import { EmbedTokenBody, isAllowedOrigin } from '@clr/domain';
import { forbidden, requireActor, spaceIdOf } from '../http/auth.js';
import { randomToken, sha256 } from '../http/crypto.js';
import { mintEmbedToken, originsOf } from '../http/embed.js';
import { createRouter, IdParam, jsonBody, jsonResponse, problems } from '../http/openapi.js';
import { notFound } from '../http/problem.js';

const ApiKey = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().openapi({ description: 'Début de la clé, pour la reconnaître.' }),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
  })
  .openapi('ApiKey');
const ApiKeyCreated = ApiKey.extend({ secret: z.string().openapi({ description: 'La clé : affichée cette fois seulement.' }) }).openapi('ApiKeyCreated');
const ApiKeyCreateBody = z.object({ name: z.string().trim().min(1).max(100) });
const EmbedToken = z.object({ token: z.string(), expiresAt: z.string() }).openapi('EmbedToken');

const listRoute = createRoute({
  method: 'get',
  path: '/api-keys',
  tags: ['keys'],
  summary: "Les clés d'API de mon espace (jamais leur secret)",
  middleware: [requireActor('admin')] as const,
  responses: { 200: jsonResponse(z.object({ data: z.array(ApiKey), nextCursor: z.null(), total: z.number().int() }), 'Les clés actives.'), ...problems(401, 403) },
});

const createKeyRoute = createRoute({
  method: 'post',
  path: '/api-keys',
  tags: ['keys'],
  summary: "Créer une clé d'API pour un programme de l'espace",
  middleware: [requireActor('admin')] as const,
  request: { body: jsonBody(ApiKeyCreateBody) },
  responses: { 201: jsonResponse(ApiKeyCreated, 'La clé et, cette fois seulement, son secret.'), ...problems(400, 401, 403) },
});

const deleteKeyRoute = createRoute({
  method: 'delete',
  path: '/api-keys/{id}',
  tags: ['keys'],
  summary: "Révoquer une clé d'API (ses jetons d'intégration meurent avec elle)",
  middleware: [requireActor('admin')] as const,
  request: { params: IdParam },
  responses: { 204: { description: 'Révoquée.' }, ...problems(401, 403, 404) },
});

const embedRoute = createRoute({
  method: 'post',
  path: '/embed-tokens',
  tags: ['keys'],
  summary: "Jeton d'intégration de courte durée pour les composants d'une origine autorisée",
  description: "À appeler depuis le serveur du partenaire avec sa clé d'API ; le navigateur l'envoie en `Authorization: Bearer`, depuis cette origine seulement.",
  middleware: [requireActor('apiKey')] as const,
  request: { body: jsonBody(EmbedTokenBody) },
  responses: { 201: jsonResponse(EmbedToken, 'Le jeton et sa fin de validité.'), ...problems(400, 401, 403) },
});

const view = (k: { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null }) => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  createdAt: k.createdAt.toISOString(),
  lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
});

/** `/api-keys` (an administrator manages the space's keys) and `/embed-tokens` (a key mints a token for an origin). */
export function keyRoutes() {
  return createRouter()
    .openapi(listRoute, async (c) => {
      const keys = await c.get('deps').db.apiKey.findMany({
        where: { spaceId: spaceIdOf(c), kind: 'space', revokedAt: null },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      });
      return c.json({ data: keys.map(view), nextCursor: null, total: keys.length }, 200);
    })
    .openapi(createKeyRoute, async (c) => {
      const deps = c.get('deps');
      const secret = `clr_key_${randomToken(deps.random, 32)}`;
      const key = await deps.db.apiKey.create({
        data: { spaceId: spaceIdOf(c), kind: 'space', name: c.req.valid('json').name, prefix: secret.slice(0, 12), keyHash: sha256(secret), createdAt: deps.now() },
      });
      return c.json({ ...view(key), secret }, 201);
    })
    .openapi(deleteKeyRoute, async (c) => {
      const deps = c.get('deps');
      const revoked = await deps.db.apiKey.updateMany({
        where: { id: c.req.valid('param').id, spaceId: spaceIdOf(c), kind: 'space', revokedAt: null },
        data: { revokedAt: deps.now() },
      });
      if (revoked.count !== 1) throw notFound("Cette clé d'API n'existe pas.");
      return c.body(null, 204);
    })
    .openapi(embedRoute, async (c) => {
      const deps = c.get('deps');
      const actor = c.get('actor');
      if (actor.kind !== 'apiKey' || actor.embedOrigin) throw forbidden("Un jeton d'intégration ne peut pas en créer d'autres : utilisez votre clé d'API.");
      const { origin, ttlSeconds } = c.req.valid('json');
      const space = await deps.db.space.findUniqueOrThrow({ where: { id: actor.spaceId }, select: { embedOrigins: true } });
      if (!isAllowedOrigin(origin, originsOf(space.embedOrigins))) {
        throw forbidden(`L'origine ${origin} n'est pas autorisée à intégrer les composants de votre espace.`);
      }
      const end = Math.floor(deps.now().getTime() / 1000) + ttlSeconds;
      const token = mintEmbedToken(deps, { k: actor.apiKeyId, o: origin, e: end });
      return c.json({ token, expiresAt: new Date(end * 1000).toISOString() }, 201);
    });
}
