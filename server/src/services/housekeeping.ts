import type { AppConfig, AppDeps } from '../http/env.js';
import { KNOWN_ADDRESS_PREFIX, KNOWN_ADDRESS_RETENTION_MS } from './auth.js';

const DAY_MS = 24 * 60 * 60_000;

/** Idempotency keys are honoured for a day (as payment APIs do), then forgotten. */
export const IDEMPOTENCY_RETENTION_MS = DAY_MS;

export interface SweepReport {
  sessions: number;
  resetTokens: number;
  rateLimitBuckets: number;
  idempotencyKeys: number;
}

/**
 * Deletes what can no longer serve: sessions past their idle or absolute end,
 * reset links used or expired a day ago, rate-limit windows over for a day
 * (a login's usual address after 90 days),
 * idempotency keys older than a day. Nothing here is needed for correctness
 * (every check reads the clock); it keeps the tables small. `npm start` runs it
 * at start-up and every hour.
 */
export async function sweep(deps: Pick<AppDeps, 'db' | 'now'> & { config: Pick<AppConfig, 'sessionIdleMs'> }): Promise<SweepReport> {
  const { db, config } = deps;
  const now = deps.now().getTime();
  const dayAgo = new Date(now - DAY_MS);
  const sessions = await db.authSession.deleteMany({
    where: { OR: [{ expiresAt: { lte: new Date(now) } }, { lastSeenAt: { lte: new Date(now - config.sessionIdleMs) } }] },
  });
  const resetTokens = await db.passwordResetToken.deleteMany({
    where: { OR: [{ expiresAt: { lte: dayAgo } }, { usedAt: { lte: dayAgo } }] },
  });
  // A login's usual address is remembered longer than a counting window (services/auth.ts).
  const rateLimitBuckets = await db.rateLimitBucket.deleteMany({
    where: {
      OR: [
        { windowStart: { lte: dayAgo }, NOT: { key: { startsWith: KNOWN_ADDRESS_PREFIX } } },
        { windowStart: { lte: new Date(now - KNOWN_ADDRESS_RETENTION_MS) }, key: { startsWith: KNOWN_ADDRESS_PREFIX } },
      ],
    },
  });
  const idempotencyKeys = await db.idempotencyKey.deleteMany({ where: { createdAt: { lte: new Date(now - IDEMPOTENCY_RETENTION_MS) } } });
  return {
    sessions: sessions.count,
    resetTokens: resetTokens.count,
    rateLimitBuckets: rateLimitBuckets.count,
    idempotencyKeys: idempotencyKeys.count,
  };
}
