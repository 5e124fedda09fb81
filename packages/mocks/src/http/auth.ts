/**
 * Who is calling (the server's `http/auth.ts`): a `Bearer` key — a space's API
 * key, the exam platform's integration key, or an embed token — or the
 * session cookie. The space always comes from here, never from the request.
 */
import { embedScopeAllows, fr, isAllowedOrigin, normaliseOrigin } from '@clr/domain';
import type { MockStore } from '../store/store.js';
import { forbidden, unauthenticated } from './problem.js';

export const SESSION_COOKIE = 'clr_session';

/** API keys and sessions are touched at most once a minute, as the server does. */
const TOUCH_EVERY_MS = 60_000;

export type Actor =
  | { kind: 'admin'; spaceId: string; adminId: string }
  | { kind: 'apiKey'; spaceId: string; apiKeyId: string }
  | { kind: 'embed'; spaceId: string; apiKeyId: string; origin: string }
  | { kind: 'operator'; spaceId: null; adminId: string }
  | { kind: 'integration'; spaceId: null; apiKeyId: string };

export type ActorKind = Actor['kind'];

export interface Identity {
  actor: Actor | undefined;
  /** The session token when the caller came with a valid session cookie. */
  sessionToken: string | undefined;
}

export const EMBED_PREFIX = 'clr_emb_';

/**
 * An embed token acts for its key's space, from its origin only: the
 * request's `Origin` (in a browser without one, the page's own) must be the
 * token's, still allowed by the space, and the key that minted it still live.
 */
function actorFromEmbedToken(store: MockStore, token: string, originHeader: string | null, method: string): Actor {
  const now = store.now().getTime();
  const embed = store.state.embedTokens.find((t) => t.token === token);
  const invalid = () => unauthenticated("Jeton d'intégration invalide ou expiré.");
  if (!embed || Date.parse(embed.expiresAt) <= now) throw invalid();
  const page = typeof location === 'undefined' ? null : location.origin;
  const origin = normaliseOrigin(originHeader ?? page ?? '');
  if (origin !== embed.origin) throw forbidden("Ce jeton d'intégration n'est pas valable depuis cette origine.");
  const key = store.state.apiKeys.find((k) => k.id === embed.apiKeyId);
  const space = store.state.spaces.find((s) => s.id === key?.spaceId);
  if (!key || key.revokedAt || key.kind !== 'space' || !space) throw invalid();
  if (!isAllowedOrigin(origin, space.embedOrigins)) {
    throw forbidden("Cette origine n'est plus autorisée à intégrer les composants de cet espace.");
  }
  // The scopes hold on every route, here at the door: a read-only token writes nothing.
  if (!embedScopeAllows(embed.scopes, method)) throw forbidden(fr('embed.readOnly'));
  return { kind: 'embed', spaceId: space.id, apiKeyId: key.id, origin };
}

function actorFromBearer(store: MockStore, secret: string, origin: string | null, method: string): Actor {
  if (secret.startsWith(EMBED_PREFIX)) return actorFromEmbedToken(store, secret, origin, method);
  const now = store.now();
  const key = store.state.apiKeys.find((k) => k.secret === secret);
  if (key) {
    if (key.revokedAt) throw unauthenticated("Clé d'API invalide ou révoquée.");
    if (!key.lastUsedAt || now.getTime() - Date.parse(key.lastUsedAt) >= TOUCH_EVERY_MS) key.lastUsedAt = now.toISOString();
    if (key.kind === 'integration') return { kind: 'integration', spaceId: null, apiKeyId: key.id };
    if (!key.spaceId) throw unauthenticated("Clé d'API invalide ou révoquée.");
    return { kind: 'apiKey', spaceId: key.spaceId, apiKeyId: key.id };
  }
  throw unauthenticated("Clé d'API invalide ou révoquée.");
}

/**
 * The admin behind a session token, or nothing when the session is unknown,
 * idle for 30 minutes or past its absolute end (then it is deleted). A valid
 * session slides.
 */
function resumeSession(store: MockStore, token: string): Identity {
  const sessions = store.state.sessions;
  const index = sessions.findIndex((s) => s.token === token);
  const session = sessions[index];
  if (!session) return { actor: undefined, sessionToken: undefined };
  const now = store.now().getTime();
  const idle = now - Date.parse(session.lastSeenAt);
  if (now >= Date.parse(session.expiresAt) || idle >= store.config.sessionIdleMs) {
    sessions.splice(index, 1);
    return { actor: undefined, sessionToken: undefined };
  }
  if (idle >= TOUCH_EVERY_MS) session.lastSeenAt = new Date(now).toISOString();
  const admin = store.state.admins.find((a) => a.id === session.adminId);
  if (!admin) return { actor: undefined, sessionToken: undefined };
  if (admin.role === 'operator') return { actor: { kind: 'operator', spaceId: null, adminId: admin.id }, sessionToken: token };
  if (admin.spaceId) return { actor: { kind: 'admin', spaceId: admin.spaceId, adminId: admin.id }, sessionToken: token };
  return { actor: undefined, sessionToken: token };
}

/** The caller of a request: a bad `Authorization` header is refused outright (401), a missing one is anonymous. */
export function identify(store: MockStore, request: Request, cookies: Record<string, string>): Identity {
  const authorization = request.headers.get('authorization');
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match?.[1]) throw unauthenticated('En-tête Authorization invalide : « Bearer <clé> » attendu.');
    return { actor: actorFromBearer(store, match[1], request.headers.get('origin'), request.method.toUpperCase()), sessionToken: undefined };
  }
  const token = cookies[SESSION_COOKIE];
  return token ? resumeSession(store, token) : { actor: undefined, sessionToken: undefined };
}
