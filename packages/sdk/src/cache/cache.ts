/**
 * Where the client keeps the last list pages it fetched (served at once, then
 * revalidated: `list(filters, { cache: 'swr', onUpdate })`) and the drafts of
 * forms (`client.drafts`). Two stores: {@link createMemoryCache} (a page's
 * life) and `createIdbCache` (IndexedDB, survives a reload).
 *
 * Keys are built by the client and start with a scope (the space or the key's
 * fingerprint), so two accounts on one browser never see each other's pages.
 */
export interface CachedEntry<T = unknown> {
  key: string;
  value: T;
  /** `Date.now()` when it was written. */
  storedAt: number;
}

export interface ClrCache {
  getPage(key: string): Promise<CachedEntry | undefined>;
  putPage(key: string, value: unknown): Promise<void>;
  /** Forgets the pages whose key starts with `prefix` (all of them without one). */
  clearPages(prefix?: string): Promise<void>;
  getDraft(key: string): Promise<CachedEntry | undefined>;
  putDraft(key: string, value: unknown): Promise<void>;
  deleteDraft(key: string): Promise<void>;
  listDrafts(prefix?: string): Promise<CachedEntry[]>;
  clearDrafts(prefix?: string): Promise<void>;
  close(): void;
}

export interface CacheOptions {
  /** How many list pages to keep; the oldest go first. Default 200. */
  maxPages?: number;
  /** The clock (tests). */
  now?: () => number;
}

export const DEFAULT_MAX_PAGES = 200;

/** A cache held in memory: what the SSR, a Node script or a test would use. */
export function createMemoryCache(options: CacheOptions = {}): ClrCache {
  const now = options.now ?? Date.now;
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const pages = new Map<string, CachedEntry>();
  const drafts = new Map<string, CachedEntry>();
  const startsWith = (prefix?: string) => (key: string) => prefix === undefined || key.startsWith(prefix);
  // Values are copied in and out, as IndexedDB's structured clone does: a caller
  // mutating what it got never changes what is stored.
  const copy = <T>(entry: CachedEntry<T> | undefined) => (entry ? { ...entry, value: structuredClone(entry.value) } : undefined);
  return {
    async getPage(key) {
      return copy(pages.get(key));
    },
    async putPage(key, value) {
      pages.delete(key);
      pages.set(key, { key, value: structuredClone(value), storedAt: now() });
      while (pages.size > maxPages) {
        const oldest = pages.keys().next().value;
        if (oldest === undefined) break;
        pages.delete(oldest);
      }
    },
    async clearPages(prefix) {
      for (const key of [...pages.keys()].filter(startsWith(prefix))) pages.delete(key);
    },
    async getDraft(key) {
      return copy(drafts.get(key));
    },
    async putDraft(key, value) {
      drafts.set(key, { key, value: structuredClone(value), storedAt: now() });
    },
    async deleteDraft(key) {
      drafts.delete(key);
    },
    async listDrafts(prefix) {
      return [...drafts.values()].filter((d) => startsWith(prefix)(d.key)).map((d) => copy(d)!);
    },
    async clearDrafts(prefix) {
      for (const key of [...drafts.keys()].filter(startsWith(prefix))) drafts.delete(key);
    },
    close() {},
  };
}
