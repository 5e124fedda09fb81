/**
 * The Prisma adapter of the candidate query port: the candidates table's SQL
 * read model (`services/candidate-list.ts`: keyset cursors, counters, FTS5 /
 * pg_trgm search), with each bulk action's eligibility as one more WHERE.
 */
import type { CandidateQueries } from '@clr/app';
import type { Db } from '../../db/client.js';
import { queryCandidates } from '../../services/candidate-list.js';

export function prismaCandidateQueries(db: Db): CandidateQueries {
  return {
    eligible(spaceId, action, filters, now) {
      const extraWhere = action === 'assign' ? { OR: [{ stage: { not: 'assigned' } }, { deadline: { lt: now } }] } : { stage: 'assigned' };
      return queryCandidates(db, spaceId, filters, now, { extraWhere });
    },
  };
}
