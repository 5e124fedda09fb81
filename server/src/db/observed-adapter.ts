import type { SqlDriverAdapterFactory } from '@prisma/client/runtime/client';
import { writesCredentials, type CredentialWrites } from './write-signal.js';

type SqlDriverAdapter = Awaited<ReturnType<SqlDriverAdapterFactory['connect']>>;
type SqlTransaction = Awaited<ReturnType<SqlDriverAdapter['startTransaction']>>;
type SqlQuery = Parameters<SqlDriverAdapter['queryRaw']>[0];

/** Calls the object's own methods on itself (adapters keep #private fields). */
function withOverrides<T extends object>(target: T, overrides: Partial<T>): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      if (typeof property === 'string' && property in overrides) return overrides[property as keyof T];
      const value: unknown = Reflect.get(object, property, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(object) : value;
    },
  });
}

function observedTransaction(tx: SqlTransaction, signal: CredentialWrites): SqlTransaction {
  let wrote = false;
  const observe = (sql: string) => {
    if (writesCredentials(sql)) {
      wrote = true;
      signal.bump();
    }
  };
  const end = (settle: () => Promise<void>) => async () => {
    try {
      await settle();
    } finally {
      if (wrote) signal.bump();
    }
  };
  return withOverrides(tx, {
    queryRaw: (query: SqlQuery) => {
      observe(query.sql);
      return tx.queryRaw(query);
    },
    executeRaw: (query: SqlQuery) => {
      observe(query.sql);
      return tx.executeRaw(query);
    },
    commit: end(() => tx.commit()),
    rollback: end(() => tx.rollback()),
  });
}

/**
 * A driver adapter (PostgreSQL's) whose writes to the credential tables move
 * `signal` (see write-signal.ts), at the statement and again when its
 * transaction ends. The SQLite adapter does the same in sqlite-adapter.ts.
 */
export function observedAdapter(inner: SqlDriverAdapterFactory, signal: CredentialWrites): SqlDriverAdapterFactory {
  return withOverrides(inner, {
    connect: async () => {
      const adapter = await inner.connect();
      return withOverrides(adapter, {
        queryRaw: (query: SqlQuery) => {
          if (writesCredentials(query.sql)) signal.bump();
          return adapter.queryRaw(query);
        },
        executeRaw: (query: SqlQuery) => {
          if (writesCredentials(query.sql)) signal.bump();
          return adapter.executeRaw(query);
        },
        executeScript: (script: string) => {
          signal.bump();
          return adapter.executeScript(script);
        },
        startTransaction: async (isolationLevel) => observedTransaction(await adapter.startTransaction(isolationLevel), signal),
      });
    },
  });
}
