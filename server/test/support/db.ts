/**
 * A fresh, empty, migrated database per test file:
 *
 *   const { db } = await freshDb();      // in beforeAll
 *   afterAll(() => closeAll());
 *
 * SQLite by default (a temporary file); PostgreSQL when the run is the
 * PostgreSQL one (`CLR_TEST_DB=postgres`, project `server-pg`): a new database
 * on `TEST_DATABASE_URL` or on the throwaway cluster of global-setup.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { createDb, migrate, type DbHandle, type Provider } from '../../src/db/client.js';
import { createDatabase, dropDatabase } from './postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the PostgreSQL server of this run; null on SQLite runs. */
    pgAdminUrl: string | null;
  }
}

/** The database this test run uses. */
export function testProvider(): Provider {
  return process.env.CLR_TEST_DB === 'postgres' ? 'postgresql' : 'sqlite';
}

/** The PostgreSQL server of this run (throws on a SQLite run). */
export function pgAdminUrl(): string {
  const url = process.env.TEST_DATABASE_URL || injected();
  if (!url) throw new Error('No PostgreSQL server for this run: run the server-pg project (its global setup starts one) or set TEST_DATABASE_URL.');
  return url;
}

function injected(): string | null {
  try {
    return inject('pgAdminUrl') ?? null;
  } catch {
    return null;
  }
}

const cleanups: (() => Promise<void>)[] = [];

/**
 * A new empty database with every migration applied, as a URL, without opening
 * a client (for child processes and the applier's own tests).
 */
export async function freshDatabaseUrl(): Promise<string> {
  if (testProvider() === 'postgresql') {
    const admin = pgAdminUrl();
    const url = await createDatabase(admin);
    cleanups.push(() => dropDatabase(admin, url));
    return url;
  }
  const dir = mkdtempSync(join(tmpdir(), 'clr-test-'));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  return `file:${join(dir, 'test.db')}`;
}

/** A new empty migrated database and a client on it (closed by {@link closeAll}). */
export async function freshDb(): Promise<DbHandle> {
  const url = await freshDatabaseUrl();
  await migrate(url);
  const handle = await createDb(url);
  // Closed before its database is removed (cleanups run last-in, first-out).
  cleanups.push(() => handle.close());
  return handle;
}

/** Closes every client and removes every database this file made. */
export async function closeAll(): Promise<void> {
  while (cleanups.length > 0) {
    const cleanup = cleanups.pop()!;
    await cleanup().catch((error: unknown) => console.warn('test cleanup failed:', error));
  }
}
