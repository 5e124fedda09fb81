/**
 * Seeding at start-up and for the bench: the catalogue, the demo spaces of
 * issue 3, and a bulk generator of candidates.
 */
import type { Db } from '../db/client.js';
import { seedCatalogue } from './catalogue.js';
import { demoCredentials, isProduction, type DemoCredentials } from './credentials.js';
import { seedDemo } from './demo.js';

export { futureSessions, LA_POSTE_CENTRES, seedCatalogue, type SeedCatalogueOptions } from './catalogue.js';
export { DEMO_ENV, DemoRefusedError, demoCredentials, isProduction, type DemoCredentials } from './credentials.js';
export { DEMO_FIGURES, seedDemo, type SeedDemoOptions, type SeedDemoResult } from './demo.js';
export { seedBulk, type SeedBulkOptions, type SeedBulkResult } from './bulk.js';

export interface SeedIfEmptyResult {
  /** True when the demo spaces were just created. */
  seeded: boolean;
  /** The demo logins to print (null in production). */
  credentials: DemoCredentials | null;
}

/**
 * What `npm start` runs after migrating: the exam-type catalogue is completed
 * (missing types only), and on a database without any space the demo is
 * seeded — except in production, where only the catalogue is written.
 */
export async function seedIfEmpty(
  db: Db,
  options: { now?: Date; env?: NodeJS.ProcessEnv } = {},
): Promise<SeedIfEmptyResult> {
  const now = options.now ?? new Date();
  const env = options.env ?? process.env;
  if (isProduction(env)) {
    await seedCatalogue(db, now, { sessions: false });
    return { seeded: false, credentials: null };
  }
  const credentials = demoCredentials(env);
  if ((await db.space.count()) > 0) {
    await seedCatalogue(db, now, { sessions: false });
    return { seeded: false, credentials };
  }
  await seedDemo(db, now, { env, credentials });
  return { seeded: true, credentials };
}
