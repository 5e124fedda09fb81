import type { StatusCounts } from '@clr/domain';
import type { Db } from '../db/client.js';
import type { Prisma } from '../generated/sqlite/client.js';
import { registeredProvider } from '../db/registry.js';
import { sqliteInstant } from './candidate-search-index.js';

/**
 * The candidate status of §6.1 in SQL, from the read-model columns `stage`
 * and `deadline` (R19 never waits for a timer: an assignment whose deadline
 * has passed *is* expired):
 *   to_assign  stage = 'none'
 *   scheduled  stage = 'assigned' and deadline >= now
 *   expired    stage = 'assigned' and deadline <  now
 *   taken      stage = 'taken'
 */
export function statusWhere(status: keyof StatusCounts, now: Date): Prisma.CandidateWhereInput {
  switch (status) {
    case 'to_assign':
      return { stage: 'none' };
    case 'scheduled':
      return { stage: 'assigned', deadline: { gte: now } };
    case 'expired':
      return { stage: 'assigned', deadline: { lt: now } };
    case 'taken':
      return { stage: 'taken' };
  }
}

/**
 * Counts per status of a whole space (no filter but R12's hidden candidates),
 * without reading its candidates: the per-stage totals come from
 * `CandidateStatusCount` (kept by triggers in the transaction of every write),
 * and the assigned are split into « Prévue » / « Expirée » at `now` by a range
 * count, on the status index, of the assigned whose deadline has passed (R19:
 * no timer). Scheduled = assigned − expired, as {@link countByStatus} counts it.
 */
export async function spaceStatusCounts(
  db: Pick<Db, 'candidate' | 'candidateStatusCount'>,
  spaceId: string,
  now: Date,
  includeHidden = false,
): Promise<StatusCounts> {
  if (registeredProvider(db) === 'sqlite') return spaceStatusCountsSqlite(db as Db, spaceId, now, includeHidden);
  // One range count per hidden flag: each is a prefix of the status index.
  const flags = includeHidden ? [false, true] : [false];
  const [rows, ...expiredByFlag] = await Promise.all([
    db.candidateStatusCount.findMany({ where: { spaceId, ...(includeHidden ? {} : { inHiddenGroup: false }) }, select: { stage: true, count: true } }),
    ...flags.map((inHiddenGroup) => db.candidate.count({ where: { spaceId, inHiddenGroup, ...statusWhere('expired', now) } })),
  ]);
  const expired = expiredByFlag.reduce((sum, n) => sum + n, 0);
  const stage = (name: string) => rows.reduce((sum, row) => (row.stage === name ? sum + row.count : sum), 0);
  return { to_assign: stage('none'), scheduled: stage('assigned') - expired, expired, taken: stage('taken') };
}

/**
 * {@link spaceStatusCounts} on SQLite in one statement: the counters' rows and
 * the range count of the expired (one per hidden flag, each a prefix of the
 * status index) beside them.
 */
async function spaceStatusCountsSqlite(db: Db, spaceId: string, now: Date, includeHidden: boolean): Promise<StatusCounts> {
  const flags = includeHidden ? [0, 1] : [0];
  const expired = flags.map(
    () => `SELECT 'expired', count(*) FROM "Candidate" WHERE "spaceId" = ? AND "inHiddenGroup" = ? AND "stage" = 'assigned' AND "deadline" < ?`,
  );
  const rows = await db.$queryRawUnsafe<{ stage: string; n: unknown }[]>(
    `SELECT "stage" AS "stage", "count" AS "n" FROM "CandidateStatusCount" WHERE "spaceId" = ?${includeHidden ? '' : ' AND "inHiddenGroup" = 0'} UNION ALL ${expired.join(' UNION ALL ')}`,
    spaceId,
    ...flags.flatMap((flag) => [spaceId, flag, sqliteInstant(now)]),
  );
  const sum = (name: string) => rows.reduce((total, row) => (row.stage === name ? total + Number(row.n) : total), 0);
  const expiredCount = sum('expired');
  return { to_assign: sum('none'), scheduled: sum('assigned') - expiredCount, expired: expiredCount, taken: sum('taken') };
}

/**
 * Counts per status of the candidates matching `where`, computed in the
 * database (two indexed queries); without `where`, from the space's counters
 * ({@link spaceStatusCounts}). Hidden candidates (R12) are excluded unless
 * `includeHidden`.
 */
export async function countByStatus(
  db: Pick<Db, 'candidate' | 'candidateStatusCount'>,
  spaceId: string,
  now: Date,
  options: { where?: Prisma.CandidateWhereInput; includeHidden?: boolean } = {},
): Promise<StatusCounts> {
  if (!options.where) return spaceStatusCounts(db, spaceId, now, options.includeHidden ?? false);
  const base: Prisma.CandidateWhereInput = {
    spaceId,
    ...(options.includeHidden ? {} : { inHiddenGroup: false }),
    AND: [options.where],
  };
  const [byStage, expired] = await Promise.all([
    db.candidate.groupBy({ by: ['stage'], where: base, _count: { _all: true } }),
    db.candidate.count({ where: { ...base, ...statusWhere('expired', now) } }),
  ]);
  const stage = (name: string) => byStage.find((row) => row.stage === name)?._count._all ?? 0;
  return {
    to_assign: stage('none'),
    scheduled: stage('assigned') - expired,
    expired,
    taken: stage('taken'),
  };
}
