import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { DomainError, embedScopeAllows, fr, isAllowedOrigin, normaliseOrigin } from '@clr/domain';
import { trustedHops, type Actor, type ActorKind, type AppEnv } from './env.js';
import { sha256 } from './crypto.js';
import { resumeSession } from '../services/sessions.js';
import { EMBED_PREFIX, originsOf, readEmbedToken } from './embed.js';
import { identityCache } from './identity-cache.js';

export const SESSION_COOKIE = 'clr_session';

/** API keys are written at most once a minute (`lastUsedAt`), not on every call. */
const KEY_TOUCH_EVERY_MS = 60_000;

export function unauthenticated(detail = 'Vous devez être connecté pour accéder à cette ressource.'): DomainError {
  return new DomainError('unauthenticated', detail);
}

export function forbidden(detail = "Vous n'avez pas accès à cette ressource."): DomainError {
  return new DomainError('forbidden', detail);
}

/** Sets the session cookie: HttpOnly, SameSite=Lax, Secure in production, path `/`. */
export function setSessionCookie(c: Context<AppEnv>, token: string, expiresAt: Date): void {
  const { config, now } = c.get('deps');
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: config.production,
    path: '/',
    maxAge: Math.max(0, Math.floor((expiresAt.getTime() - now().getTime()) / 1000)),
  });
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: c.get('deps').config.production, httpOnly: true, sameSite: 'Lax' });
}

/**
 * The caller's address, for the rate limits. Without a trusted proxy, the
 * socket's. Behind `n` trusted proxies, the address the outermost of them saw:
 * counting from the socket leftwards through `X-Forwarded-For`, the `n`-th
 * entry (each proxy appends the address it was called from, so every entry to
 * the left of that one was written by the client and is never believed). A
 * header shorter than `n` gives its leftmost entry.
 */
export function clientAddress(c: Context<AppEnv>): string {
  const socket = c.env?.incoming?.socket?.remoteAddress ?? 'unknown';
  const hops = trustedHops(c.get('deps').config);
  if (hops === 0) return socket;
  const forwarded = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const chain = [...forwarded, socket];
  return chain[Math.max(0, chain.length - 1 - hops)] ?? socket;
}

/** The rows the key checks read (cached a moment: identity-cache.ts; revocation and origins are checked on them every time). */
interface EmbedKeyRow {
  id: string;
  kind: string;
  revokedAt: Date | null;
  spaceId: string | null;
  space: { embedOrigins: string } | null;
}
interface ApiKeyRow {
  id: string;
  kind: string;
  spaceId: string | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

/**
 * An embed token acts for its key's space, from its origin only: the browser's
 * `Origin` must be the token's, still allowed by the space, and the key that
 * minted it still live.
 */
async function actorFromEmbedToken(c: Context<AppEnv>, token: string): Promise<Actor> {
  const deps = c.get('deps');
  const claims = readEmbedToken(deps, token);
  if (!claims) throw unauthenticated("Jeton d'intégration invalide ou expiré.");
  const origin = normaliseOrigin(c.req.header('origin') ?? '');
  if (origin !== claims.o) throw forbidden("Ce jeton d'intégration n'est pas valable depuis cette origine.");
  const key = await identityCache<EmbedKeyRow | null>(deps.db, 'embed-key').get(claims.k, () =>
    deps.db.apiKey.findUnique({
      where: { id: claims.k },
      select: { id: true, kind: true, revokedAt: true, spaceId: true, space: { select: { embedOrigins: true } } },
    }),
  );
  if (!key || key.revokedAt || key.kind !== 'space' || !key.spaceId || !key.space) throw unauthenticated("Jeton d'intégration invalide ou expiré.");
  if (!isAllowedOrigin(origin, originsOf(key.space.embedOrigins))) {
    throw forbidden("Cette origine n'est plus autorisée à intégrer les composants de cet espace.");
  }
  // The scopes hold on every route, here at the door: a read-only token writes nothing.
  if (!embedScopeAllows(claims.s, c.req.method)) throw forbidden(fr('embed.readOnly'));
  return { kind: 'apiKey', spaceId: key.spaceId, apiKeyId: key.id, embedOrigin: origin, embedScopes: claims.s };
}

async function actorFromKey(c: Context<AppEnv>, secret: string): Promise<Actor> {
  if (secret.startsWith(EMBED_PREFIX)) return actorFromEmbedToken(c, secret);
  const { db, now } = c.get('deps');
  const keyHash = sha256(secret);
  const key = await identityCache<ApiKeyRow | null>(db, 'api-key').get(keyHash, () =>
    db.apiKey.findUnique({ where: { keyHash }, select: { id: true, kind: true, spaceId: true, revokedAt: true, lastUsedAt: true } }),
  );
  if (!key || key.revokedAt) throw unauthenticated("Clé d'API invalide ou révoquée.");
  const at = now();
  if (!key.lastUsedAt || at.getTime() - key.lastUsedAt.getTime() >= KEY_TOUCH_EVERY_MS) {
    await db.apiKey.updateMany({ where: { id: key.id }, data: { lastUsedAt: at } });
  }
  if (key.kind === 'integration') return { kind: 'integration', spaceId: null, apiKeyId: key.id };
  if (!key.spaceId) throw unauthenticated("Clé d'API invalide ou révoquée.");
  return { kind: 'apiKey', spaceId: key.spaceId, apiKeyId: key.id };
}

/**
 * Works out who is calling, once per request: a `Bearer` key (space or
 * integration) or the session cookie. Anonymous callers go on without an
 * actor; {@link requireActor} turns them away where it matters. A bad bearer
 * key is refused outright.
 */
export const identify: MiddlewareHandler<AppEnv> = async (c, next) => {
  const authorization = c.req.header('authorization');
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match?.[1]) throw unauthenticated("En-tête Authorization invalide : « Bearer <clé> » attendu.");
    c.set('actor', await actorFromKey(c, match[1]));
    return next();
  }
  const token = getCookie(c, SESSION_COOKIE);
  if (token) {
    const resumed = await resumeSession(c.get('deps'), token);
    if (resumed) {
      const { admin, sessionId } = resumed;
      c.set('sessionId', sessionId);
      if (admin.role === 'operator') c.set('actor', { kind: 'operator', spaceId: null, adminId: admin.id });
      else if (admin.spaceId) c.set('actor', { kind: 'admin', spaceId: admin.spaceId, adminId: admin.id });
    }
  }
  return next();
};

/**
 * Guards a router or route: 401 without credentials, 403 when the caller is
 * of another kind (`requireActor('admin', 'apiKey')` for a space's data,
 * `requireActor('operator')` for the back office, `requireActor('integration')`).
 */
export function requireActor(...kinds: ActorKind[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const actor = c.get('actor') as Actor | undefined;
    if (!actor) throw unauthenticated();
    if (!kinds.includes(actor.kind)) throw forbidden();
    return next();
  };
}

/** The caller's space, from the session or the key, never from the request. */
export function spaceIdOf(c: Context<AppEnv>): string {
  const actor = c.get('actor') as Actor | undefined;
  if (!actor) throw unauthenticated();
  if (actor.spaceId === null) throw forbidden('Cette ressource appartient à un espace : connectez-vous en tant qu’administrateur.');
  return actor.spaceId;
}

/** The calling admin's id (session callers only). */
export function adminIdOf(c: Context<AppEnv>): string {
  const actor = c.get('actor') as Actor | undefined;
  if (!actor) throw unauthenticated();
  if (actor.kind !== 'admin' && actor.kind !== 'operator') throw forbidden('Cette action demande une session administrateur.');
  return actor.adminId;
}
