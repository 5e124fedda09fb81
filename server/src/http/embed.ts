import { createHmac, timingSafeEqual } from 'node:crypto';
import { EMBED_SCOPES, type EmbedScope } from '@clr/domain';
import type { AppDeps } from './env.js';

/**
 * Embed tokens (SPEC §4 « Authentication »): short-lived, minted by a
 * partner's back end with its API key, for elements embedded on one of the
 * space's allowed origins. Stateless: `clr_emb_<payload>.<signature>`, the
 * payload naming the minting key, the origin, the scopes and the end; the signature an
 * HMAC-SHA256 with the server's token secret. A token dies with its key
 * (revoked) and with its origin (removed from the space's list).
 */
export const EMBED_PREFIX = 'clr_emb_';

export interface EmbedClaims {
  /** The API key that minted it. */
  k: string;
  /** The origin allowed to use it (normalised). */
  o: string;
  /** End, in Unix seconds. */
  e: number;
  /** What the token may do (`read`, `write`). */
  s: EmbedScope[];
}

function sign(secret: string, payload: string): Buffer {
  return createHmac('sha256', secret).update(`embed.${payload}`).digest();
}

export function mintEmbedToken(deps: AppDeps, claims: EmbedClaims): string {
  const payload = Buffer.from(JSON.stringify(claims), 'utf8').toString('base64url');
  return `${EMBED_PREFIX}${payload}.${sign(deps.config.tokenSecret, payload).toString('base64url')}`;
}

/** The claims of a well-signed, unexpired token; null otherwise. */
export function readEmbedToken(deps: AppDeps, token: string): EmbedClaims | null {
  if (!token.startsWith(EMBED_PREFIX)) return null;
  const [payload, signature, extra] = token.slice(EMBED_PREFIX.length).split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const given = Buffer.from(signature, 'base64url');
  const expected = sign(deps.config.tokenSecret, payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const c = claims as Partial<EmbedClaims>;
  if (typeof c.k !== 'string' || typeof c.o !== 'string' || typeof c.e !== 'number') return null;
  if (!Array.isArray(c.s) || c.s.length === 0 || !c.s.every((scope) => (EMBED_SCOPES as readonly unknown[]).includes(scope))) return null;
  if (deps.now().getTime() >= c.e * 1000) return null;
  return { k: c.k, o: c.o, e: c.e, s: c.s };
}

/** The space's allowed embedding origins (one per line in `Space.embedOrigins`). */
export function originsOf(embedOrigins: string): string[] {
  return embedOrigins
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
