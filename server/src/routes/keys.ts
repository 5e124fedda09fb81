import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { EMBED_SCOPES, EmbedOriginsBody, EmbedTokenBody, isAllowedOrigin } from '@clr/domain';
import { forbidden, requireActor, spaceIdOf } from '../http/auth.js';
import { randomToken, sha256 } from '../http/crypto.js';
import { mintEmbedToken, originsOf } from '../http/embed.js';
import { createRouter, IdParam, jsonBody, jsonResponse, problems } from '../http/openapi.js';
import type { AppEnv } from '../http/env.js';
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
const EmbedToken = z
  .object({ token: z.string(), expiresAt: z.string(), scopes: z.array(z.enum(EMBED_SCOPES)).openapi({ description: 'Ce que le jeton permet : « read » (lecture), « write » (écriture).' }) })
  .openapi('EmbedToken');
const EmbedOrigins = z
  .object({ data: z.array(z.string()).openapi({ description: "Les origines autorisées à intégrer les composants (https://hôte[:port]), dans l'ordre de la liste." }) })
  .openapi('EmbedOrigins');

const listRoute = createRoute({
  method: 'get',
  path: '/api-keys',
  operationId: 'listApiKeys',
  tags: ['keys'],
  summary: "Les clés d'API de mon espace (jamais leur secret)",
  middleware: [requireActor('admin')] as const,
  responses: { 200: jsonResponse(z.object({ data: z.array(ApiKey), nextCursor: z.null(), total: z.number().int() }), 'Les clés actives.'), ...problems(401, 403) },
});

const createKeyRoute = createRoute({
  method: 'post',
  path: '/api-keys',
  operationId: 'createApiKey',
  tags: ['keys'],
  summary: "Créer une clé d'API pour un programme de l'espace",
  middleware: [requireActor('admin')] as const,
  request: { body: jsonBody(ApiKeyCreateBody) },
  responses: { 201: jsonResponse(ApiKeyCreated, 'La clé et, cette fois seulement, son secret.'), ...problems(400, 401, 403) },
});

const deleteKeyRoute = createRoute({
  method: 'delete',
  path: '/api-keys/{id}',
  operationId: 'revokeApiKey',
  tags: ['keys'],
  summary: "Révoquer une clé d'API (ses jetons d'intégration meurent avec elle)",
  middleware: [requireActor('admin')] as const,
  request: { params: IdParam },
  responses: { 204: { description: 'Révoquée.' }, ...problems(401, 403, 404) },
});

const embedRoute = createRoute({
  method: 'post',
  path: '/embed-tokens',
  operationId: 'createEmbedToken',
  tags: ['keys'],
  summary: "Jeton d'intégration de courte durée pour les composants d'une origine autorisée",
  description: "À appeler depuis le serveur du partenaire avec sa clé d'API ; le navigateur l'envoie en `Authorization: Bearer`, depuis cette origine seulement.",
  middleware: [requireActor('apiKey')] as const,
  request: { body: jsonBody(EmbedTokenBody) },
  responses: { 201: jsonResponse(EmbedToken, 'Le jeton et sa fin de validité.'), ...problems(400, 401, 403) },
});

const originsRoute = createRoute({
  method: 'get',
  path: '/embed-origins',
  operationId: 'listEmbedOrigins',
  tags: ['keys'],
  summary: "Les origines autorisées à intégrer les composants de mon espace",
  middleware: [requireActor('admin', 'apiKey')] as const,
  responses: { 200: jsonResponse(EmbedOrigins, 'La liste.'), ...problems(401, 403) },
});

const putOriginsRoute = createRoute({
  method: 'put',
  path: '/embed-origins',
  operationId: 'replaceEmbedOrigins',
  tags: ['keys'],
  summary: "Remplacer la liste des origines autorisées à intégrer les composants",
  description:
    "Chaque origine est `https://hôte[:port]` (ou `http://localhost[:port]` pour le développement), sans chemin ni joker ; au plus 20. Les jetons d'intégration d'une origine retirée cessent aussitôt de fonctionner. Réservé à une session administrateur ou à la clé d'API, jamais à un jeton d'intégration.",
  middleware: [requireActor('admin', 'apiKey')] as const,
  request: { body: jsonBody(EmbedOriginsBody) },
  responses: { 200: jsonResponse(EmbedOrigins, 'La nouvelle liste.'), ...problems(400, 401, 403) },
});

/** The embedding settings belong to the space's administrators and its API key, never to a token handed to a browser. */
function refuseEmbedToken(c: Context<AppEnv>): void {
  const actor = c.get('actor');
  if (actor.kind === 'apiKey' && actor.embedOrigin) {
    throw forbidden("Un jeton d'intégration ne peut pas lire ni changer les origines autorisées : utilisez votre clé d'API ou une session administrateur.");
  }
}

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
    .openapi(originsRoute, async (c) => {
      refuseEmbedToken(c);
      const space = await c.get('deps').db.space.findUniqueOrThrow({ where: { id: spaceIdOf(c) }, select: { embedOrigins: true } });
      return c.json({ data: originsOf(space.embedOrigins) }, 200);
    })
    .openapi(putOriginsRoute, async (c) => {
      refuseEmbedToken(c);
      const { origins } = c.req.valid('json');
      await c.get('deps').db.space.update({ where: { id: spaceIdOf(c) }, data: { embedOrigins: origins.join('\n') } });
      return c.json({ data: origins }, 200);
    })
    .openapi(embedRoute, async (c) => {
      const deps = c.get('deps');
      const actor = c.get('actor');
      if (actor.kind !== 'apiKey' || actor.embedOrigin) throw forbidden("Un jeton d'intégration ne peut pas en créer d'autres : utilisez votre clé d'API.");
      const { origin, ttlSeconds, scopes } = c.req.valid('json');
      const space = await deps.db.space.findUniqueOrThrow({ where: { id: actor.spaceId }, select: { embedOrigins: true } });
      if (!isAllowedOrigin(origin, originsOf(space.embedOrigins))) {
        throw forbidden(`L'origine ${origin} n'est pas autorisée à intégrer les composants de votre espace.`);
      }
      const end = Math.floor(deps.now().getTime() / 1000) + ttlSeconds;
      const token = mintEmbedToken(deps, { k: actor.apiKeyId, o: origin, e: end, s: scopes });
      return c.json({ token, expiresAt: new Date(end * 1000).toISOString(), scopes }, 201);
    });
}
