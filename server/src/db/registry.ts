import type { Gate } from './gate.js';
import type { Provider } from './url.js';
import type { CredentialWrites } from './write-signal.js';

interface DbInfo {
  provider: Provider;
  url: string;
  /** The SQLite connection's gate; null on PostgreSQL. */
  gate: Gate | null;
  /** Moves on every write to the credential tables through this client (see write-signal.ts). */
  credentialWrites?: CredentialWrites;
}

// Clients made by createDb(), keyed by the client object itself.
const registry = new WeakMap<object, DbInfo>();

export function registerDb(db: object, info: DbInfo): void {
  registry.set(db, info);
}

/** Provider and URL of a client made by createDb(). */
export function dbInfo(db: object): { provider: Provider; url: string } {
  const info = registry.get(db);
  if (!info) throw new Error('This Prisma client was not made by createDb().');
  return { provider: info.provider, url: info.url };
}

/** The gate every query of this SQLite client passes through; null on PostgreSQL. */
export function registeredGate(db: object): Gate | null {
  return registry.get(db)?.gate ?? null;
}

/** Provider of a client made by createDb(); null for anything else (a transaction client, …). */
export function registeredProvider(db: object): Provider | null {
  return registry.get(db)?.provider ?? null;
}

/** The credential-writes signal of a client made by createDb(); null for any other client (its identity checks are then never cached). */
export function credentialWritesOf(db: object): CredentialWrites | null {
  return registry.get(db)?.credentialWrites ?? null;
}
