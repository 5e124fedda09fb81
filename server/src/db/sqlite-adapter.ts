import { setImmediate as nextTurn } from 'node:timers/promises';
import type { SqlDriverAdapterFactory } from '@prisma/client/runtime/client';
import type { Gate } from './gate.js';
import { writesCredentials, type CredentialWrites } from './write-signal.js';

type SqlDriverAdapter = Awaited<ReturnType<SqlDriverAdapterFactory['connect']>>;
type SqlTransaction = Awaited<ReturnType<SqlDriverAdapter['startTransaction']>>;
type SqlQuery = Parameters<SqlDriverAdapter['queryRaw']>[0];

/**
 * Connection settings applied to every SQLite connection the server opens.
 *
 * - `journal_mode=WAL`: readers never block the writer, and a second process on
 *   the same file works.
 * - `busy_timeout=10000`: a second process waits for the write lock instead of
 *   failing at once. SQLite's busy handler polls, so a process whose own queue
 *   keeps the lock busy can make the other wait for a whole burst: 10 s leaves
 *   room on a loaded machine. (Several server processes on one SQLite file are
 *   correct, not fast: for throughput run one process, or PostgreSQL.)
 * - `foreign_keys=ON`: relations are enforced (cascades of the schema).
 * - `synchronous=FULL`: in WAL mode, NORMAL skips the fsync at commit, and the
 *   SQLite documentation states that a transaction committed that way "might
 *   roll back following a power loss or system crash". This database is the
 *   system of record for paid credits and seats: a delivered order or a consumed
 *   credit that was acknowledged must survive a power cut, so every commit is
 *   synced (one fsync per write transaction, well under a millisecond on SSD).
 */
export const SQLITE_PRAGMAS = [
  'PRAGMA journal_mode = WAL',
  'PRAGMA busy_timeout = 10000',
  'PRAGMA foreign_keys = ON',
  'PRAGMA synchronous = FULL',
] as const;

/** Settings of the reader connection: it waits like the writer, and can only read. */
export const SQLITE_READER_PRAGMAS = ['PRAGMA busy_timeout = 10000', 'PRAGMA query_only = ON'] as const;

/**
 * A write transaction gives the event loop a turn once it has run this long
 * since its last turn (ms), before its next statement: other requests' reads
 * (on the reader connection) are answered meanwhile, and the transaction stays
 * one transaction (all or nothing, the write lock held to its end).
 */
export const TRANSACTION_TURN_MS = 4;
/**
 * After a turn in which the others ran for a while, the transaction runs as
 * long before its next turn, up to this (ms): many reads at once slow a long
 * write down by about half, not without bound (its 30 s limit stays far).
 */
export const TRANSACTION_SLICE_MAX_MS = 20;
/** A transaction stops giving turns once it has run this long (ms): it then finishes at once, well within its time limit, however busy the server. */
export const TRANSACTION_TURNS_FOR_MS = 5000;

export interface GatedSqliteOptions {
  /**
   * A second connection on the same file for the reads made outside any
   * transaction: in WAL mode they read the last committed state beside the
   * writer, without waiting for the gate (a bulk write in one space does not
   * hold another space's pages). Omitted: every query goes through the gate.
   */
  reader?: SqlDriverAdapterFactory;
  /** Moved on every write to the credential tables (see write-signal.ts). */
  credentialWrites?: CredentialWrites;
}

/**
 * Wraps the better-sqlite3 driver adapter so that every write, every
 * transaction and every read inside a transaction passes through `gate` (see
 * gate.ts), and write transactions take SQLite's write lock when they begin
 * (`BEGIN IMMEDIATE`), so that a second server process on the same file waits
 * (busy_timeout) instead of failing with SQLITE_BUSY when it upgrades a read to
 * a write. With a `reader`, a `SELECT` made outside the gate's holder runs on
 * the reader connection at once.
 */
export function gatedSqliteAdapter(inner: SqlDriverAdapterFactory, gate: Gate, options: GatedSqliteOptions = {}): SqlDriverAdapterFactory {
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    async connect(): Promise<SqlDriverAdapter> {
      const adapter = cacheStatements(await inner.connect());
      await adapter.executeScript(SQLITE_PRAGMAS.map((p) => `${p};`).join('\n'));
      let reader: SqlDriverAdapter | null = null;
      if (options.reader) {
        reader = cacheStatements(await options.reader.connect());
        await reader.executeScript(SQLITE_READER_PRAGMAS.map((p) => `${p};`).join('\n'));
      }
      return gateAdapter(adapter, gate, reader, options.credentialWrites ?? null);
    },
  };
}

/**
 * Bound parameters a statement may carry: SQLite's own limit
 * (SQLITE_MAX_VARIABLE_NUMBER, 32,766 since 3.32; better-sqlite3 12 bundles
 * 3.5x). Without it Prisma assumes 999 for SQLite and splits or refuses larger
 * `IN (…)` lists — the candidates search sends the ids its index found as one.
 */
export const SQLITE_MAX_BIND_VALUES = 32_766;

/** Prepared statements kept per connection (the least recently used go first). */
export const STATEMENT_CACHE_SIZE = 500;

interface DriverStatement {
  readonly reader: boolean;
  readonly source: string;
  columns(): { name: string; type: string | null }[];
  raw(on?: boolean): DriverStatement;
  all(...args: unknown[]): unknown[];
  run(...args: unknown[]): unknown;
}
interface DriverConnection {
  prepare(sql: string): DriverStatement;
}

/** Told of every statement a cached connection runs, with its arguments (the benches' SQL capture listens). */
export const statementTap: { listener: ((statement: { sql: string; args: unknown[]; reader: boolean }) => void) | null } = { listener: null };

/**
 * The better-sqlite3 adapter prepares every query anew (`prepare(sql).bind(args)`),
 * a cost each request pays for every statement. This keeps the prepared
 * statements of the connection and hands the adapter a statement already
 * prepared, bound to this call's arguments only.
 */
function cacheStatements(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const connection = (adapter as unknown as { client?: DriverConnection }).client;
  if (!connection || typeof connection.prepare !== 'function') return adapter;
  const prepare = connection.prepare.bind(connection);
  const cache = new Map<string, DriverStatement>();
  const bound = (statement: DriverStatement, args: unknown[]) => ({
    reader: statement.reader,
    source: statement.source,
    bind: (values: unknown[]) => {
      statementTap.listener?.({ sql: statement.source, args: values, reader: statement.reader });
      return bound(statement, values);
    },
    columns: () => statement.columns(),
    raw: () => ({ all: () => statement.raw(true).all(args) }),
    all: () => statement.raw(false).all(args),
    run: () => statement.run(args),
  });
  connection.prepare = ((sql: string) => {
    let statement = cache.get(sql);
    if (statement) {
      cache.delete(sql);
    } else {
      statement = prepare(sql);
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    }
    cache.set(sql, statement);
    return bound(statement, []);
  }) as unknown as DriverConnection['prepare'];
  return adapter;
}

/** A statement that only reads (the reader connection refuses anything else: `query_only`). */
const READ_ONLY = /^\s*SELECT\b/i;

function gateAdapter(adapter: SqlDriverAdapter, gate: Gate, reader: SqlDriverAdapter | null, credentialWrites: CredentialWrites | null): SqlDriverAdapter {
  const observe = (sql: string) => {
    if (credentialWrites && writesCredentials(sql)) credentialWrites.bump();
  };
  const gated: Partial<SqlDriverAdapter> = {
    getConnectionInfo: () => ({ ...adapter.getConnectionInfo?.(), supportsRelationJoins: false, maxBindValues: SQLITE_MAX_BIND_VALUES }),
    queryRaw: (query: SqlQuery) => {
      // A read outside the running transaction's own context: the last committed state, beside the writer.
      if (reader && !gate.isHeldHere() && READ_ONLY.test(query.sql)) return reader.queryRaw(query);
      observe(query.sql);
      return gate.run(() => adapter.queryRaw(query));
    },
    executeRaw: (query: SqlQuery) => {
      observe(query.sql);
      return gate.run(() => adapter.executeRaw(query));
    },
    executeScript: (script: string) => {
      credentialWrites?.bump();
      return gate.run(() => adapter.executeScript(script));
    },
    startTransaction: async (isolationLevel) => {
      // Inside withTransaction the gate is already ours and is released by it.
      if (gate.isHeldHere()) return beginImmediate(await adapter.startTransaction(isolationLevel), () => undefined, credentialWrites);
      const lease = await gate.acquire();
      try {
        return beginImmediate(await adapter.startTransaction(isolationLevel), lease.release, credentialWrites);
      } catch (error) {
        lease.release();
        throw error;
      }
    },
    dispose: async () => {
      try {
        await reader?.dispose();
      } finally {
        await adapter.dispose();
      }
    },
  };
  return new Proxy(adapter, {
    get(target, property, receiver) {
      if (typeof property === 'string' && property in gated) return gated[property as keyof SqlDriverAdapter];
      const value: unknown = Reflect.get(target, property, receiver);
      // The adapter keeps #private fields: call its own methods on itself.
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

const statement = (sql: string): SqlQuery => ({ sql, args: [], argTypes: [] });

/**
 * The adapter has just run a deferred `BEGIN` (nothing locked yet): swap it for
 * `BEGIN IMMEDIATE`, and release the gate once the transaction ends. Its
 * statements give the event loop a turn every {@link TRANSACTION_TURN_MS} ms
 * (or as long as the last turn lasted, up to {@link TRANSACTION_SLICE_MAX_MS}),
 * and a transaction that wrote the credential tables moves the signal again
 * when it ends.
 */
async function beginImmediate(tx: SqlTransaction, onEnd: () => void, credentialWrites: CredentialWrites | null): Promise<SqlTransaction> {
  try {
    await tx.executeRaw(statement('ROLLBACK'));
    await tx.executeRaw(statement('BEGIN IMMEDIATE'));
  } catch (error) {
    await tx.rollback().catch(() => undefined);
    onEnd();
    throw error;
  }
  let wroteCredentials = false;
  let lastTurn = performance.now();
  let slice = TRANSACTION_TURN_MS;
  const began = performance.now();
  const turn = async () => {
    if (performance.now() - lastTurn < slice || lastTurn - began > TRANSACTION_TURNS_FOR_MS) return;
    const left = performance.now();
    await nextTurn();
    lastTurn = performance.now();
    // As long as the others just ran (up to TRANSACTION_SLICE_MAX_MS): the transaction keeps at least about half the time.
    slice = Math.min(TRANSACTION_SLICE_MAX_MS, Math.max(TRANSACTION_TURN_MS, lastTurn - left));
  };
  const observe = (sql: string) => {
    if (credentialWrites && writesCredentials(sql)) {
      wroteCredentials = true;
      credentialWrites.bump();
    }
  };
  const end = (settle: () => Promise<void>) => async () => {
    try {
      await settle();
    } finally {
      if (wroteCredentials) credentialWrites?.bump();
      onEnd();
    }
  };
  const overrides: Partial<SqlTransaction> = {
    queryRaw: async (query: SqlQuery) => {
      await turn();
      observe(query.sql);
      return tx.queryRaw(query);
    },
    executeRaw: async (query: SqlQuery) => {
      await turn();
      observe(query.sql);
      return tx.executeRaw(query);
    },
    commit: end(() => tx.commit()),
    rollback: end(() => tx.rollback()),
  };
  return new Proxy(tx, {
    get(target, property, receiver) {
      if (typeof property === 'string' && property in overrides) return overrides[property as keyof SqlTransaction];
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
