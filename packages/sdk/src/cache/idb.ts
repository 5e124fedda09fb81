import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { DEFAULT_MAX_PAGES, type CacheOptions, type CachedEntry, type ClrCache } from './cache.js';

interface ClrCacheDb extends DBSchema {
  pages: { key: string; value: CachedEntry; indexes: { storedAt: number } };
  drafts: { key: string; value: CachedEntry };
}

export interface IdbCacheOptions extends CacheOptions {
  /** The IndexedDB database name, e.g. `clr-admin`. One per application. */
  name: string;
}

const VERSION = 1;

/**
 * A cache in IndexedDB (idb): list pages survive a reload and are served at
 * once while the client revalidates them; form drafts survive a reload. Opens
 * the database lazily; in Node, load `fake-indexeddb/auto` first.
 */
export function createIdbCache(options: IdbCacheOptions): ClrCache {
  const now = options.now ?? Date.now;
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  let db: Promise<IDBPDatabase<ClrCacheDb>> | null = null;
  const open = () =>
    (db ??= openDB<ClrCacheDb>(options.name, VERSION, {
      upgrade(database) {
        const pages = database.createObjectStore('pages', { keyPath: 'key' });
        pages.createIndex('storedAt', 'storedAt');
        database.createObjectStore('drafts', { keyPath: 'key' });
      },
    }));
  const range = (prefix?: string) => (prefix === undefined ? undefined : IDBKeyRange.bound(prefix, `${prefix}\uffff`));

  return {
    async getPage(key) {
      return (await open()).get('pages', key);
    },
    async putPage(key, value) {
      const tx = (await open()).transaction('pages', 'readwrite');
      await tx.store.put({ key, value, storedAt: now() });
      const excess = (await tx.store.count()) - maxPages;
      if (excess > 0) {
        let cursor = await tx.store.index('storedAt').openCursor();
        for (let i = 0; i < excess && cursor; i++) {
          await cursor.delete();
          cursor = await cursor.continue();
        }
      }
      await tx.done;
    },
    async clearPages(prefix) {
      const database = await open();
      const r = range(prefix);
      if (r) await database.delete('pages', r);
      else await database.clear('pages');
    },
    async getDraft(key) {
      return (await open()).get('drafts', key);
    },
    async putDraft(key, value) {
      await (await open()).put('drafts', { key, value, storedAt: now() });
    },
    async deleteDraft(key) {
      await (await open()).delete('drafts', key);
    },
    async listDrafts(prefix) {
      return (await open()).getAll('drafts', range(prefix));
    },
    async clearDrafts(prefix) {
      const database = await open();
      const r = range(prefix);
      if (r) await database.delete('drafts', r);
      else await database.clear('drafts');
    },
    close() {
      void db?.then((d) => d.close());
      db = null;
    },
  };
}
