import { isAbsolute, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Provider = 'sqlite' | 'postgresql';

/** `server/`, whatever the working directory. */
export const SERVER_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_DATABASE_URL = 'file:./data/clr.db';

/** Which database a URL names. */
export function providerOf(url: string): Provider {
  if (/^postgres(ql)?:\/\//i.test(url)) return 'postgresql';
  if (url.startsWith('file:')) return 'sqlite';
  throw new Error(`Unsupported DATABASE_URL "${redactUrl(url)}": use file:<path> (SQLite) or postgres://… (PostgreSQL).`);
}

/**
 * The URL to use: the argument, else `DATABASE_URL`, else the default. Relative
 * SQLite paths are resolved against `server/` so the database is the same file
 * whichever folder the server is started from.
 */
export function resolveDatabaseUrl(url: string | undefined = process.env.DATABASE_URL): string {
  const chosen = url && url.trim() !== '' ? url.trim() : DEFAULT_DATABASE_URL;
  if (providerOf(chosen) !== 'sqlite') return chosen;
  const path = sqlitePath(chosen);
  return `file:${isAbsolute(path) ? path : resolve(SERVER_DIR, path)}`;
}

/** The file path of a `file:` URL (query string dropped). */
export function sqlitePath(url: string): string {
  return url.replace(/^file:(\/\/)?/, '').replace(/\?.*$/, '');
}

/** A URL safe to print: the password is masked. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z]+:\/\/[^:/@]+):[^@]*@/i, '$1:***@');
}
