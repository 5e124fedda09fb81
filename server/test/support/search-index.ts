import type { Db } from '../../src/db/client.js';

/** The columns `CandidateSearchKey` copies from `Candidate` (migrations candidate_search_and_counts, candidate_search_list_columns). */
const COPIED = ['spaceId', 'sortName', 'emailKey', 'stage', 'deadline', 'inHiddenGroup', 'latestValidation', 'latestScore', 'examDate', 'lastLoginAt'];

/**
 * SQLite: how far the search index's content is from the candidates — rows
 * whose copy differs from its candidate or whose candidate is gone (`stale`),
 * candidates without a row (`missing`) — after the FTS5 index is checked
 * against its content (`integrity-check` throws when they disagree).
 */
export async function searchIndexDrift(db: Db): Promise<{ stale: number; missing: number }> {
  await db.$executeRawUnsafe(`INSERT INTO "CandidateSearch" ("CandidateSearch", "rank") VALUES ('integrity-check', 1)`);
  const differs = COPIED.map((c) => `c."${c}" IS NOT k."${c}"`).join(' OR ');
  const [stale] = await db.$queryRawUnsafe<{ n: number | bigint }[]>(
    `SELECT count(*) AS "n" FROM "CandidateSearchKey" k LEFT JOIN "Candidate" c ON c."id" = k."candidateId" WHERE c."id" IS NULL OR ${differs}`,
  );
  const [missing] = await db.$queryRawUnsafe<{ n: number | bigint }[]>(
    `SELECT count(*) AS "n" FROM "Candidate" c LEFT JOIN "CandidateSearchKey" k ON k."candidateId" = c."id" WHERE k."id" IS NULL`,
  );
  return { stale: Number(stale!.n), missing: Number(missing!.n) };
}
