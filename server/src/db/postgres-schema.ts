/**
 * The PostgreSQL Prisma schema is derived from the SQLite one (the source of
 * truth): one `schema.prisma` cannot serve both providers, and a generated
 * client is tied to its provider. `scripts/generate.ts` writes the result to
 * `prisma/postgres/schema.prisma`; a test checks the committed file is current.
 */

export const POSTGRES_SCHEMA_HEADER = [
  '// GENERATED from ../schema.prisma by server/scripts/generate.ts — do not edit.',
  '// Edit the SQLite schema and run `npm run db:generate -w server`.',
  '',
].join('\n');

/**
 * Rewrites the SQLite schema for PostgreSQL: provider `postgresql`, client
 * output `src/generated/postgres` (one folder deeper, hence the extra `../`).
 * Instants become `timestamptz(3)`: SQLite stores UTC milliseconds, and a zone-
 * aware column keeps PostgreSQL from reinterpreting them in the server's zone.
 */
export function toPostgresSchema(sqliteSchema: string): string {
  let out = sqliteSchema;
  out = replaceOnce(out, /(datasource\s+db\s*\{[^}]*provider\s*=\s*)"sqlite"/, '$1"postgresql"', 'datasource provider');
  out = replaceOnce(out, /(generator\s+client\s*\{[^}]*output\s*=\s*)"\.\.\/src\/generated\/sqlite"/, '$1"../../src/generated/postgres"', 'generator output');
  out = out
    .split('\n')
    .map((line) => (line.includes('@db.') ? line : line.replace(/^(\s+\w+\s+DateTime\??)(?=\s|$)/, '$1 @db.Timestamptz(3)')))
    .join('\n');
  return POSTGRES_SCHEMA_HEADER + out;
}

function replaceOnce(text: string, pattern: RegExp, replacement: string, what: string): string {
  if (!pattern.test(text)) throw new Error(`toPostgresSchema: the SQLite schema has no ${what} to rewrite`);
  return text.replace(pattern, replacement);
}
