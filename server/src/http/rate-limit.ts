import { DomainError } from '@clr/domain';
import type { AppDeps } from './env.js';
import { isUniqueViolation } from './problem.js';

/**
 * Fixed-window counters kept in `RateLimitBucket`, so every server instance on
 * the database shares them. Each hit is one conditional write; a burst of
 * parallel requests cannot slip past the limit by reading before writing.
 */
export interface Hit {
  count: number;
  /** Seconds until the window ends. */
  retryAfterSeconds: number;
}

function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2025';
}

/**
 * Counts one hit on `key` and returns the count in the current window. The
 * increment and the count it returns come from one statement (`UPDATE …
 * RETURNING`), so each of N concurrent hits sees its own rank: exactly `limit`
 * of a burst get through.
 */
export async function hit(deps: AppDeps, key: string, windowMs: number): Promise<Hit> {
  const { db } = deps;
  const nowMs = deps.now().getTime();
  const now = new Date(nowMs);
  const cutoff = new Date(nowMs - windowMs);
  const answer = (row: { count: number; windowStart: Date }): Hit => ({
    count: row.count,
    retryAfterSeconds: Math.max(1, Math.ceil((row.windowStart.getTime() + windowMs - nowMs) / 1000)),
  });
  for (let attempt = 0; ; attempt++) {
    try {
      return answer(await db.rateLimitBucket.update({ where: { key, windowStart: { gt: cutoff } }, data: { count: { increment: 1 } } }));
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    // No bucket, or its window has ended: start a new window at 1.
    try {
      return answer(await db.rateLimitBucket.update({ where: { key, windowStart: { lte: cutoff } }, data: { windowStart: now, count: 1 } }));
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    try {
      return answer(await db.rateLimitBucket.create({ data: { key, windowStart: now, count: 1 } }));
    } catch (error) {
      // Another request or instance created it first: count again.
      if (!isUniqueViolation(error) || attempt >= 3) throw error;
    }
  }
}

/** Takes one hit back (a successful login does not count against its address). */
export async function unhit(deps: AppDeps, key: string): Promise<void> {
  await deps.db.rateLimitBucket.updateMany({ where: { key, count: { gt: 0 } }, data: { count: { decrement: 1 } } });
}

export async function clearBucket(deps: AppDeps, key: string): Promise<void> {
  await deps.db.rateLimitBucket.deleteMany({ where: { key } });
}

export function rateLimited(retryAfterSeconds: number, detail?: string): DomainError {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return new DomainError(
    'rate_limited',
    detail ?? `Trop de tentatives. Réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''}.`,
    { retryAfterSeconds },
  );
}

/** Counts a hit and throws 429 `rate_limited` (with `Retry-After`) past `limit`. */
export async function limit(deps: AppDeps, key: string, max: number, windowMs: number): Promise<void> {
  const h = await hit(deps, key, windowMs);
  if (h.count > max) throw rateLimited(h.retryAfterSeconds);
}
