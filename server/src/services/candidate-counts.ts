import type { StatusCounts } from '@clr/domain';
import type { Db } from '../db/client.js';
import type { Prisma } from '../generated/sqlite/client.js';

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
 * Counts per status of the candidates matching `where`, computed in the
 * database (two indexed queries). Hidden candidates (R12) are excluded unless
 * `includeHidden`.
 */
export async function countByStatus(
  db: Pick<Db, 'candidate'>,
  spaceId: string,
  now: Date,
  options: { where?: Prisma.CandidateWhereInput; includeHidden?: boolean } = {},
): Promise<StatusCounts> {
  const base: Prisma.CandidateWhereInput = {
    spaceId,
    ...(options.includeHidden ? {} : { inHiddenGroup: false }),
    ...(options.where ? { AND: [options.where] } : {}),
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
