import { createMemoryCache, type ClrCache } from './cache/cache.js';
import type { Transport } from './core/transport.js';

export interface DraftSaveOptions {
  /**
   * Dotted paths left out of the stored copy, e.g. {@link CANDIDATE_FORM_SECRETS}
   * so a candidate's password never rests in the browser's storage.
   */
  exclude?: readonly string[];
}

export interface DraftLoadOptions {
  /** Ignore (and forget) a draft older than this (ms). */
  maxAgeMs?: number;
}

export interface DraftInfo {
  key: string;
  savedAt: Date;
}

/** The password fields of the candidate form: worth retyping rather than storing. */
export const CANDIDATE_FORM_SECRETS = ['password.value', 'password.confirmation'] as const;

/**
 * Drafts of forms (the five-page candidate form of §6.3): saved as the user
 * types, loaded after a reload, cleared once submitted. Kept in the client's
 * cache (IndexedDB with `createIdbCache`), in memory otherwise; per space.
 */
export class Drafts {
  readonly #http: Transport;
  readonly #store: ClrCache;

  constructor(http: Transport) {
    this.#http = http;
    this.#store = http.cache ?? createMemoryCache();
  }

  async save<T>(key: string, value: T, options: DraftSaveOptions = {}): Promise<void> {
    await this.#store.putDraft(await this.#key(key), without(value, options.exclude ?? []));
  }

  async load<T>(key: string, options: DraftLoadOptions = {}): Promise<T | undefined> {
    const full = await this.#key(key);
    const entry = await this.#store.getDraft(full);
    if (!entry) return undefined;
    if (options.maxAgeMs !== undefined && Date.now() - entry.storedAt > options.maxAgeMs) {
      await this.#store.deleteDraft(full);
      return undefined;
    }
    return entry.value as T;
  }

  async clear(key: string): Promise<void> {
    await this.#store.deleteDraft(await this.#key(key));
  }

  /** The drafts kept for this space, oldest first. */
  async list(): Promise<DraftInfo[]> {
    const scope = await this.#scope();
    const entries = await this.#store.listDrafts(scope);
    return entries
      .sort((a, b) => a.storedAt - b.storedAt)
      .map((e) => ({ key: e.key.slice(scope.length), savedAt: new Date(e.storedAt) }));
  }

  async #scope(): Promise<string> {
    return `${await this.#http.cacheScope()}draft:`;
  }

  async #key(key: string): Promise<string> {
    return `${await this.#scope()}${key}`;
  }
}

/** A copy of `value` without the dotted `paths`. */
function without<T>(value: T, paths: readonly string[]): T {
  if (paths.length === 0 || value === null || typeof value !== 'object') return value;
  const copy = structuredClone(value) as Record<string, unknown>;
  for (const path of paths) {
    const parts = path.split('.');
    let node: unknown = copy;
    for (const part of parts.slice(0, -1)) {
      node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
    }
    if (node && typeof node === 'object') delete (node as Record<string, unknown>)[parts[parts.length - 1]!];
  }
  return copy as T;
}
