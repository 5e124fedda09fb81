import type { AppDeps } from '../http/env.js';
import { randomToken, sha256 } from '../http/crypto.js';
import { identityCache } from '../http/identity-cache.js';
import { registeredProvider } from '../db/registry.js';

/** Sliding refresh is written at most once a minute per session, not on every request. */
const TOUCH_EVERY_MS = 60_000;

export interface SessionAdmin {
  id: string;
  email: string;
  lastName: string;
  firstName: string;
  role: string;
  spaceId: string | null;
}

/**
 * Opens a server-side session: a fresh random 32-byte token for the cookie,
 * only its SHA-256 kept in `AuthSession`, absolute end 12 h after login.
 */
export async function openSession(deps: AppDeps, adminId: string): Promise<{ token: string; sessionId: string; expiresAt: Date }> {
  const token = randomToken(deps.random, 32);
  const sessionId = sha256(token);
  const now = deps.now();
  const expiresAt = new Date(now.getTime() + deps.config.sessionAbsoluteMs);
  await deps.db.authSession.create({ data: { id: sessionId, adminId, createdAt: now, lastSeenAt: now, expiresAt } });
  return { token, sessionId, expiresAt };
}

interface SessionRow {
  lastSeenAt: Date;
  expiresAt: Date;
  admin: SessionAdmin;
}

/** The session's row and its administrator: one statement (the two tables joined), read at most every couple of seconds (http/identity-cache.ts). */
async function sessionRow(deps: AppDeps, sessionId: string): Promise<SessionRow | null> {
  return identityCache<SessionRow | null>(deps.db, 'session').get(sessionId, async () => {
    const rows = await deps.db.$queryRawUnsafe<
      { lastSeenAt: unknown; expiresAt: unknown; id: string; email: string; lastName: string; firstName: string; role: string; spaceId: string | null }[]
>(registeredProvider(deps.db) === 'postgresql' ? SESSION_SQL.replace('?', '$1') : SESSION_SQL, sessionId);
    const row = rows[0];
    if (!row) return null;
    const { lastSeenAt, expiresAt, ...admin } = row;
    return { lastSeenAt: instant(lastSeenAt), expiresAt: instant(expiresAt), admin };
  });
}

const SESSION_SQL =
  'SELECT s."lastSeenAt" AS "lastSeenAt", s."expiresAt" AS "expiresAt", a."id" AS "id", a."email" AS "email", ' +
  'a."lastName" AS "lastName", a."firstName" AS "firstName", a."role" AS "role", a."spaceId" AS "spaceId" ' +
  'FROM "AuthSession" s JOIN "Admin" a ON a."id" = s."adminId" WHERE s."id" = ?';

/** A raw query's instant: a Date on PostgreSQL, the adapter's ISO text (or epoch ms) on SQLite. */
function instant(value: unknown): Date {
  if (value instanceof Date) return value;
  if (typeof value === 'bigint') return new Date(Number(value));
  return new Date(value as string | number);
}

/**
 * The admin behind a session token, or null when the session is unknown,
 * idle for more than 30 min or past its absolute end (then it is deleted).
 * A valid session slides: its idle clock restarts.
 */
export async function resumeSession(deps: AppDeps, token: string): Promise<{ admin: SessionAdmin; sessionId: string } | null> {
  const sessionId = sha256(token);
  const session = await sessionRow(deps, sessionId);
  if (!session) return null;
  const now = deps.now().getTime();
  const idle = now - session.lastSeenAt.getTime();
  if (now >= session.expiresAt.getTime() || idle >= deps.config.sessionIdleMs) {
    await deps.db.authSession.deleteMany({ where: { id: sessionId } });
    return null;
  }
  if (idle >= TOUCH_EVERY_MS) {
    await deps.db.authSession.updateMany({ where: { id: sessionId }, data: { lastSeenAt: new Date(now) } });
  }
  return { admin: session.admin, sessionId };
}

export async function closeSession(deps: AppDeps, sessionId: string): Promise<void> {
  await deps.db.authSession.deleteMany({ where: { id: sessionId } });
}

/** Ends every session of an admin (password reset), or every other one (password change). */
export async function closeAdminSessions(deps: AppDeps, adminId: string, except?: string): Promise<void> {
  await deps.db.authSession.deleteMany({ where: { adminId, ...(except ? { id: { not: except } } : {}) } });
}
