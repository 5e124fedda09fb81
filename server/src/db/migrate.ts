/**
 * The migration applier used at start-up and in tests: plain SQL, no Prisma
 * internals. It runs the committed `prisma/migrations/<provider>/<name>/migration.sql`
 * files that are not applied yet, in name order, each in its own transaction,
 * and records them in `_prisma_migrations` as Prisma does (checksum = SHA-256 of
 * the file), so `prisma migrate status` and this applier agree.
 *
 * It refuses to start when an applied migration's file has changed, when an
 * applied migration is missing from the folder (the database is newer than the
 * code), or when a migration is recorded as failed. Two processes starting at
 * once are serialised (SQLite write lock; PostgreSQL advisory lock).
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { dbInfo } from './registry.js';
import { providerOf, redactUrl, resolveDatabaseUrl, SERVER_DIR, sqlitePath, type Provider } from './url.js';

export interface MigrateOptions {
  /** Folder holding `<name>/migration.sql` (default `prisma/migrations/<provider>`). */
  dir?: string;
  /** Progress lines (default: silent). */
  log?: (line: string) => void;
}

export interface MigrationReport {
  provider: Provider;
  /** Applied by this call, in order. */
  applied: string[];
  /** Already applied before this call. */
  alreadyApplied: string[];
}

export interface LocalMigration {
  name: string;
  sql: string;
  checksum: string;
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
}

/** The folder of committed migrations for a provider. */
export function migrationsDir(provider: Provider): string {
  return join(SERVER_DIR, 'prisma', 'migrations', provider === 'sqlite' ? 'sqlite' : 'postgres');
}

/** SHA-256 of a migration file, hex, as Prisma records it. */
export function checksumOf(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/** The committed migrations of a folder, in application order. */
export function readMigrations(dir: string): LocalMigration[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory() && existsSync(join(dir, name, 'migration.sql')))
    .sort()
    .map((name) => {
      const bytes = readFileSync(join(dir, name, 'migration.sql'));
      return { name, sql: bytes.toString('utf8'), checksum: checksumOf(bytes) };
    });
}

/** What is pending, or why the database cannot be migrated. */
export function plan(local: LocalMigration[], applied: AppliedRow[]): LocalMigration[] {
  const byName = new Map(local.map((m) => [m.name, m]));
  for (const row of applied) {
    if (row.finished_at === null || row.finished_at === undefined) {
      throw new MigrationError(`Migration ${row.migration_name} is recorded as failed in _prisma_migrations: repair the database before starting.`);
    }
    const mine = byName.get(row.migration_name);
    if (!mine) {
      throw new MigrationError(`Migration ${row.migration_name} is applied to the database but missing from the migrations folder: the database is newer than this code.`);
    }
    if (mine.checksum !== row.checksum) {
      throw new MigrationError(`Migration ${row.migration_name} was modified after it was applied (checksum ${row.checksum.slice(0, 12)}… in the database, ${mine.checksum.slice(0, 12)}… on disk). Never edit an applied migration: add a new one.`);
    }
  }
  const done = new Set(applied.map((r) => r.migration_name));
  return local.filter((m) => !done.has(m.name));
}

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

/**
 * Applies pending migrations to a database: a client made by `createDb()`, or a
 * URL (default `DATABASE_URL`, else the SQLite default). Idempotent.
 */
export async function migrate(target?: object | string, options: MigrateOptions = {}): Promise<MigrationReport> {
  const url = typeof target === 'object' && target !== null ? dbInfo(target).url : resolveDatabaseUrl(target);
  const provider = providerOf(url);
  const local = readMigrations(options.dir ?? migrationsDir(provider));
  const log = options.log ?? (() => undefined);
  return provider === 'sqlite' ? migrateSqlite(sqlitePath(url), local, log) : migratePostgres(url, local, log);
}

const SQLITE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

function migrateSqlite(path: string, local: LocalMigration[], log: (line: string) => void): MigrationReport {
  mkdirSync(dirname(path), { recursive: true });
  const conn = new Database(path);
  try {
    conn.pragma('busy_timeout = 5000');
    conn.pragma('journal_mode = WAL');
    conn.pragma('synchronous = FULL');
    conn.exec(SQLITE_TABLE);
    const report: MigrationReport = { provider: 'sqlite', applied: [], alreadyApplied: [] };
    // Foreign keys off while migrating, as the schema engine's SQLite migrations
    // expect (they rebuild a table: create, copy, DROP, rename). Inside a
    // transaction their own `PRAGMA foreign_keys=OFF` does nothing, and the
    // DROP of a rebuilt table would delete, by cascade, every row that
    // references it (a group's memberships). The keys are checked before commit.
    conn.pragma('foreign_keys = OFF');
    // One write lock for the whole run: a second process waits, then finds nothing to do.
    conn.exec('BEGIN IMMEDIATE');
    try {
      const applied = conn
        .prepare('SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL ORDER BY started_at, migration_name')
        .all() as AppliedRow[];
      report.alreadyApplied = applied.map((r) => r.migration_name);
      const insert = conn.prepare(
        'INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count) VALUES (?, ?, ?, ?, NULL, NULL, ?, 1)',
      );
      for (const migration of plan(local, applied)) {
        const startedAt = Date.now();
        conn.exec(migration.sql);
        insert.run(randomUUID(), migration.checksum, Date.now(), migration.name, startedAt);
        report.applied.push(migration.name);
        log(`applied migration ${migration.name}`);
      }
      const broken = conn.pragma('foreign_key_check') as { table: string; parent: string }[];
      if (broken.length > 0) {
        const [first] = broken;
        throw new MigrationError(`The migrations leave ${broken.length} row(s) whose foreign key has no parent (first: ${first!.table} → ${first!.parent}): nothing was applied.`);
      }
      conn.exec('COMMIT');
    } catch (error) {
      if (conn.inTransaction) conn.exec('ROLLBACK');
      throw error;
    }
    return report;
  } finally {
    conn.close();
  }
}

const POSTGRES_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/** Arbitrary constant key of the advisory lock that serialises appliers. */
const ADVISORY_LOCK_KEY = 72_657_317;

async function migratePostgres(url: string, local: LocalMigration[], log: (line: string) => void): Promise<MigrationReport> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    throw new MigrationError(`Cannot connect to ${redactUrl(url)}: ${(error as Error).message}`);
  }
  try {
    await client.query('SELECT pg_advisory_lock($1)', [ADVISORY_LOCK_KEY]);
    try {
      await client.query(POSTGRES_TABLE);
      const { rows: applied } = await client.query<AppliedRow>(
        'SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL ORDER BY started_at, migration_name',
      );
      const report: MigrationReport = { provider: 'postgresql', applied: [], alreadyApplied: applied.map((r) => r.migration_name) };
      for (const migration of plan(local, applied)) {
        await client.query('BEGIN');
        try {
          const started = new Date();
          // No parameters: the simple-query protocol runs the whole multi-statement file.
          await client.query(migration.sql);
          await client.query(
            'INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ($1, $2, now(), $3, $4, 1)',
            [randomUUID(), migration.checksum, migration.name, started],
          );
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        }
        report.applied.push(migration.name);
        log(`applied migration ${migration.name}`);
      }
      return report;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [ADVISORY_LOCK_KEY]).catch(() => undefined);
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}
