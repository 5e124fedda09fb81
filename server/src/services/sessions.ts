import type { AppDeps } from '../http/env.js';
import { randomToken, sha256 } from '../http/crypto.js';

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

/**
 * The admin behind a session token, or null when the session is unknown,
 * idle for more than 30 min or past its absolute end (then it is deleted).
 * A valid session slides: its idle clock restarts.
 */
export async function resumeSession(deps: AppDeps, token: string): Promise<{ admin: SessionAdmin; sessionId: string } | null> {
  const sessionId = sha256(token);
  const session = await deps.db.authSession.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      lastSeenAt: true,
      expiresAt: true,
      admin: { select: { id: true, email: true, lastName: true, firstName: true, role: true, spaceId: true } },
    },
  });
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
