/**
 * Database objects the migrations create in hand-written SQL, which the Prisma
 * schema does not describe (migrations 20261127181413_candidate_search_and_counts
 * and, SQLite only, 20261127213000_candidate_search_list_columns):
 *
 * - SQLite: the trigram FTS5 index of the candidates' search keys
 *   (`CandidateSearch`, its shadow tables, and `CandidateSearchKey`, its
 *   content with a stable integer key and a copy of the list's columns), with
 *   its unique index;
 * - PostgreSQL: the pg_trgm GIN indexes of the same keys;
 * - both: the triggers on `Candidate` that keep `CandidateStatusCount` and the
 *   search index (PostgreSQL: and their function).
 *
 * `scripts/migration.ts` keeps the next authored migration from dropping the
 * tables and indexes (the schema engine reads neither triggers nor functions);
 * the applier's test checks they exist beside the schema's own.
 */
import type { Provider } from './url.js';

export interface HandWrittenObjects {
  tables: readonly string[];
  indexes: readonly string[];
  /**
   * Tables carrying hand-written triggers. SQLite migrations that change a
   * table rebuild it (new table, copy, DROP, rename), and the DROP takes its
   * triggers with it: such a migration must create them again.
   */
  triggersOn: readonly string[];
}

export const HAND_WRITTEN: Record<Provider, HandWrittenObjects> = {
  sqlite: {
    tables: ['CandidateSearch', 'CandidateSearchKey', 'CandidateSearch_config', 'CandidateSearch_data', 'CandidateSearch_idx'],
    indexes: ['CandidateSearchKey_candidateId_key'],
    triggersOn: ['Candidate', 'CandidateSearchKey'],
  },
  postgresql: {
    tables: [],
    indexes: ['Candidate_emailKey_trgm_idx', 'Candidate_sortName_trgm_idx'],
    // ALTER TABLE keeps a table's triggers on PostgreSQL.
    triggersOn: [],
  },
};
