/**
 * The database client factory. SQLite (`file:…`, the default `file:./data/clr.db`
 * relative to `server/`) or PostgreSQL (`postgres://…`, `postgresql://…`), each
 * with its own generated Prisma client; the SQLite client's type is the
 * reference (`Db`) and the PostgreSQL client satisfies it structurally.
 *
 * Multi-statement writes go through {@link withTransaction}, never through
 * `db.$transaction` directly: on SQLite it holds the connection's gate for the
 * whole transaction (no other request's query can run inside it), and a nested
 * call joins the outer transaction instead of deadlocking.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as SqliteClient, Prisma } from '../generated/sqlite/client.js';
import { PrismaClient as PostgresClient } from '../generated/postgres/client.js';
import { Gate } from './gate.js';
import { gatedSqliteAdapter } from './sqlite-adapter.js';
import { providerOf, resolveDatabaseUrl, sqlitePath, type Provider } from './url.js';
import { dbInfo, registerDb, registeredGate } from './registry.js';
import { CredentialWrites } from './write-signal.js';
import { observedAdapter } from './observed-adapter.js';

export * from './url.js';
export { dbInfo };

export { Prisma };

/** The Prisma client both providers' clients satisfy (the SQLite one is the reference). */
export type Db = SqliteClient;
/** What a transaction body receives: a client without `$transaction`, `$connect`… */
export type Tx = Prisma.TransactionClient;

export interface DbHandle {
  db: Db;
  provider: Provider;
  /** The resolved URL (SQLite paths made absolute). */
  url: string;
  close(): Promise<void>;
}

export interface CreateDbOptions {
  /** PostgreSQL pool size (default 10). */
  poolSize?: number;
  /**
   * SQLite: a second connection for the reads made outside a transaction, so
   * that they never wait behind another request's write (default true; see
   * sqlite-adapter.ts).
   */
  reader?: boolean;
}

/** Opens a client for `url` (default: `DATABASE_URL`, else `file:./data/clr.db`). */
export async function createDb(url?: string, options: CreateDbOptions = {}): Promise<DbHandle> {
  const resolved = resolveDatabaseUrl(url);
  const provider = providerOf(resolved);
  let db: Db;
  let gate: Gate | null = null;
  const credentialWrites = new CredentialWrites();
  if (provider === 'sqlite') {
    const path = sqlitePath(resolved);
    mkdirSync(dirname(path), { recursive: true });
    gate = new Gate();
    const reader = options.reader !== false && path !== ':memory:' ? new PrismaBetterSqlite3({ url: path }) : undefined;
    const adapter = gatedSqliteAdapter(new PrismaBetterSqlite3({ url: path }), gate, { ...(reader ? { reader } : {}), credentialWrites });
    db = new SqliteClient({ adapter });
  } else {
    const adapter = observedAdapter(new PrismaPg({ connectionString: resolved, max: options.poolSize ?? 10 }), credentialWrites);
    db = new PostgresClient({ adapter }) as unknown as Db;
  }
  registerDb(db, { provider, url: resolved, gate, credentialWrites });
  await db.$connect();
  let closed = false;
  return {
    db,
    provider,
    url: resolved,
    async close() {
      if (closed) return;
      closed = true;
      await db.$disconnect();
    },
  };
}

export interface TransactionOptions {
  /** PostgreSQL only (SQLite transactions are always serialisable). */
  isolationLevel?: Prisma.TransactionIsolationLevel;
  /** Longest time the body may run, ms (default 30 s). */
  timeout?: number;
  /**
   * Longest wait for a connection, ms (default 30 s). On PostgreSQL, requests
   * that contend for one row (the last credits of a lot) queue on its lock
   * while holding pool connections; on a loaded machine the queue for the pool
   * can last seconds. Prisma's own default (2 s) fails such requests.
   */
  maxWait?: number;
  /** Retries on a PostgreSQL write conflict or deadlock (P2034), default 3. */
  retries?: number;
}

const currentTransaction = new AsyncLocalStorage<{ db: Db; tx: Tx }>();

/**
 * Runs `fn` in one transaction: the only way to run a multi-statement write.
 * Safe on SQLite (the whole transaction holds the connection's gate) and on
 * PostgreSQL (retried on serialisation failure or deadlock). Called again
 * inside `fn` with the same `db`, it joins the running transaction.
 */
export async function withTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
  const running = currentTransaction.getStore();
  if (running && running.db === db) return fn(running.tx);

  const gate = registeredGate(db);
  const txOptions = {
    timeout: options.timeout ?? 30_000,
    maxWait: options.maxWait ?? 30_000,
    ...(!gate && options.isolationLevel ? { isolationLevel: options.isolationLevel } : {}),
  };
  const body = () => db.$transaction((tx) => currentTransaction.run({ db, tx }, () => fn(tx)), txOptions);

  if (gate) return gate.run(body);

  let attemptsLeft = options.retries ?? 3;
  for (;;) {
    try {
      return await body();
    } catch (error) {
      if (attemptsLeft > 0 && isWriteConflict(error)) {
        attemptsLeft -= 1;
        continue;
      }
      throw error;
    }
  }
}

/** Prisma's "write conflict or deadlock" (P2034), or PostgreSQL's 40001/40P01 through the adapter. */
export function isWriteConflict(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const e = error as Error & { code?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } };
  if (e.code === 'P2034') return true;
  const original = e.meta?.driverAdapterError?.cause?.originalCode;
  return original === '40001' || original === '40P01';
}

/**
 * Is this Prisma's unique-constraint error (P2002)? Returns the constraint's
 * fields when known (`meta.driverAdapterError.cause.constraint`, see STACK.md).
 */
export function uniqueViolation(error: unknown): { fields: string[] } | null {
  if (!(error instanceof Error)) return null;
  const e = error as Error & {
    code?: unknown;
    meta?: { target?: unknown; driverAdapterError?: { cause?: { constraint?: { fields?: unknown; index?: unknown } } } };
  };
  if (e.code !== 'P2002') return null;
  const constraint = e.meta?.driverAdapterError?.cause?.constraint;
  const fields = Array.isArray(constraint?.fields) ? constraint.fields.map(String) : Array.isArray(e.meta?.target) ? e.meta.target.map(String) : [];
  return { fields };
}

export { migrate, type MigrateOptions, type MigrationReport } from './migrate.js';
