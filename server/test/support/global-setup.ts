/**
 * Vitest global setup of the server projects. On the PostgreSQL run
 * (`CLR_TEST_DB=postgres`): use TEST_DATABASE_URL when set, else start one
 * throwaway cluster for the whole run and stop it at the end. When neither is
 * possible the run fails with the reason: PostgreSQL tests are never skipped
 * silently.
 */
import type { TestProject } from 'vitest/node';
import { postgresUnavailableReason, startCluster } from './postgres.js';

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  const wantsPostgres = (project.config.env?.CLR_TEST_DB ?? process.env.CLR_TEST_DB) === 'postgres';
  if (!wantsPostgres) {
    project.provide('pgAdminUrl', null);
    return;
  }
  if (process.env.TEST_DATABASE_URL) {
    project.provide('pgAdminUrl', process.env.TEST_DATABASE_URL);
    return;
  }
  const reason = postgresUnavailableReason();
  if (reason) throw new Error(`[${project.name}] ${reason}`);
  const cluster = await startCluster();
  // Also when the run is interrupted (stop() is synchronous and idempotent).
  process.once('exit', () => void cluster.stop());
  project.provide('pgAdminUrl', cluster.adminUrl);
  return () => cluster.stop();
}
