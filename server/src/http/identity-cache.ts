import { credentialWritesOf } from '../db/registry.js';
import type { CredentialWrites } from '../db/write-signal.js';

/**
 * How long a session's or a key's row, once read, answers for it without the
 * database (ms of real time, whatever clock the app is given). Within the
 * process every write to the credential tables ends the cached rows at once
 * (db/write-signal.ts); this bounds what another process on the same database
 * could revoke without this one knowing.
 */
export const IDENTITY_CACHE_MS = 2000;

/** Entries kept at most per database (the oldest go first). */
const MAX_ENTRIES = 10_000;

interface Entry<V> {
  value: V;
  generation: number;
  until: number;
}

/**
 * The rows the identity checks read (a session and its administrator, an API
 * key, an embed token's key and its space's origins), kept for
 * {@link IDENTITY_CACHE_MS}: a list request no longer reads the session and
 * its administrator every time. The checks themselves (idle and absolute
 * ends, revocation, origins, scopes) still run on every request, on the row.
 */
export class IdentityCache<V> {
  readonly #entries = new Map<string, Entry<V>>();
  readonly #writes: CredentialWrites | null;
  readonly #ttlMs: number;

  /** Without `writes` (a client whose writes nobody observes) nothing is kept. */
  constructor(writes: CredentialWrites | null, ttlMs = IDENTITY_CACHE_MS) {
    this.#writes = writes;
    this.#ttlMs = ttlMs;
  }

  /** The cached row of `key`, or what `load` reads (kept unless a credential write happened meanwhile). */
  async get(key: string, load: () => Promise<V>): Promise<V> {
    if (!this.#writes) return load();
    const entry = this.#entries.get(key);
    const generation = this.#writes.generation;
    if (entry && entry.generation === generation && performance.now() < entry.until) return entry.value;
    if (entry) this.#entries.delete(key);
    const value = await load();
    if (this.#writes.generation === generation) {
      if (this.#entries.size >= MAX_ENTRIES) this.#entries.delete(this.#entries.keys().next().value as string);
      this.#entries.set(key, { value, generation, until: performance.now() + this.#ttlMs });
    }
    return value;
  }

  forget(key: string): void {
    this.#entries.delete(key);
  }
}

const caches = new WeakMap<object, Map<string, IdentityCache<unknown>>>();

/** The cache named `name` of a database client (one per client: every app on it sees the same revocations). */
export function identityCache<V>(db: object, name: string): IdentityCache<V> {
  let byName = caches.get(db);
  if (!byName) caches.set(db, (byName = new Map()));
  let cache = byName.get(name);
  if (!cache) byName.set(name, (cache = new IdentityCache<unknown>(credentialWritesOf(db))));
  return cache as IdentityCache<V>;
}
