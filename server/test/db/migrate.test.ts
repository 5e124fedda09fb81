import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb, migrate } from '../../src/db/client.js';
import { checksumOf, migrationsDir, readMigrations } from '../../src/db/migrate.js';
import { backfillDerivedColumns } from '../../src/db/backfill.js';
import { HAND_WRITTEN } from '../../src/db/hand-written.js';
import { toPostgresSchema } from '../../src/db/postgres-schema.js';
import { SERVER_DIR } from '../../src/db/url.js';
import { closeAll, freshDatabaseUrl, testProvider } from '../support/db.js';

afterAll(() => closeAll());

const provider = testProvider();
const scratch: string[] = [];
afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A private copy of the committed migrations, to tamper with. */
function copyOfMigrations(): string {
  const dir = mkdtempSync(join(tmpdir(), 'clr-migrations-'));
  scratch.push(dir);
  cpSync(migrationsDir(provider), dir, { recursive: true });
  return dir;
}

interface Recorded {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  applied_steps_count: number;
}

async function recorded(url: string): Promise<Recorded[]> {
  const sql = 'SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name';
  if (provider === 'sqlite') {
    const conn = new Database(url.replace(/^file:/, ''), { readonly: true });
    try {
      return conn.prepare(sql).all() as Recorded[];
    } finally {
      conn.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Recorded>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** Table and index names of the database, as the catalogue lists them. */
async function schemaObjects(url: string): Promise<{ tables: string[]; indexes: string[] }> {
  if (provider === 'sqlite') {
    const conn = new Database(url.replace(/^file:/, ''), { readonly: true });
    try {
      const rows = conn.prepare("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").all() as { type: string; name: string }[];
      return { tables: rows.filter((r) => r.type === 'table').map((r) => r.name).sort(), indexes: rows.filter((r) => r.type === 'index').map((r) => r.name).sort() };
    } finally {
      conn.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ n: string }>("SELECT tablename AS n FROM pg_tables WHERE schemaname = 'public'");
    const indexes = await client.query<{ n: string }>("SELECT indexname AS n FROM pg_indexes WHERE schemaname = 'public' AND indexname NOT LIKE '%_pkey'");
    return { tables: tables.rows.map((r) => r.n).sort(), indexes: indexes.rows.map((r) => r.n).sort() };
  } finally {
    await client.end();
  }
}

describe(`the migration applier on ${provider}`, () => {
  it('applies every committed migration to an empty database and records each with the SHA-256 of its file', async () => {
    const url = await freshDatabaseUrl();
    const report = await migrate(url);
    const local = readMigrations(migrationsDir(provider));
    expect(report.applied).toEqual(local.map((m) => m.name));
    expect(report.alreadyApplied).toEqual([]);
    const rows = await recorded(url);
    expect(rows.map((r) => r.migration_name)).toEqual(local.map((m) => m.name));
    for (const row of rows) {
      const file = readFileSync(join(migrationsDir(provider), row.migration_name, 'migration.sql'));
      expect(row.checksum).toBe(checksumOf(file));
      expect(row.finished_at).not.toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it('is idempotent: a second run applies nothing and changes nothing', async () => {
    const url = await freshDatabaseUrl();
    await migrate(url);
    const before = await recorded(url);
    const again = await migrate(url);
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toEqual(before.map((r) => r.migration_name));
    expect(await recorded(url)).toEqual(before);
  });

  it('two appliers starting at once (two server instances) apply each migration exactly once', async () => {
    const url = await freshDatabaseUrl();
    const [a, b] = await Promise.all([migrate(url), migrate(url)]);
    const local = readMigrations(migrationsDir(provider)).map((m) => m.name);
    expect([...a.applied, ...b.applied].sort()).toEqual(local);
    expect((await recorded(url)).map((r) => r.migration_name)).toEqual(local);
  });

  it('refuses to start when an applied migration was edited afterwards', async () => {
    const url = await freshDatabaseUrl();
    const dir = copyOfMigrations();
    await migrate(url, { dir });
    const [first] = readMigrations(dir);
    appendFileSync(join(dir, first!.name, 'migration.sql'), '\n-- edited after the fact\n');
    await expect(migrate(url, { dir })).rejects.toThrow(/modified after it was applied/);
  });

  it('refuses to start when the database holds a migration this code does not have', async () => {
    const url = await freshDatabaseUrl();
    const dir = copyOfMigrations();
    mkdirSync(join(dir, '29990101000000_future'));
    writeFileSync(join(dir, '29990101000000_future', 'migration.sql'), 'CREATE TABLE "Future" ("id" TEXT NOT NULL PRIMARY KEY);\n');
    await migrate(url, { dir });
    await expect(migrate(url)).rejects.toThrow(/missing from the migrations folder/);
  });

  it('applies a new migration added after the first start, and only that one', async () => {
    const url = await freshDatabaseUrl();
    const dir = copyOfMigrations();
    await migrate(url, { dir });
    mkdirSync(join(dir, '29990101000000_next'));
    writeFileSync(join(dir, '29990101000000_next', 'migration.sql'), 'CREATE TABLE "Next" ("id" TEXT NOT NULL PRIMARY KEY);\nCREATE INDEX "Next_id_idx" ON "Next"("id");\n');
    const report = await migrate(url, { dir });
    expect(report.applied).toEqual(['29990101000000_next']);
    expect((await schemaObjects(url)).tables).toContain('Next');
  });

  it('keeps the rows of a table a migration rebuilds, and the rows that reference it (a group’s memberships)', async () => {
    // The database as the previous release left it: every migration but group_sort_keys, which rebuilds "Group" on SQLite.
    const url = await freshDatabaseUrl();
    const dir = copyOfMigrations();
    const rebuilding = readMigrations(dir).find((m) => m.name.endsWith('_group_sort_keys'))!;
    const later = readMigrations(dir).filter((m) => m.name > rebuilding.name);
    for (const m of [rebuilding, ...later]) rmSync(join(dir, m.name), { recursive: true });
    await migrate(url, { dir });
    const before = await createDb(url);
    try {
      const space = await before.db.space.create({ data: { name: 'Avant' } });
      await before.db.$executeRawUnsafe(
        provider === 'sqlite'
          ? 'INSERT INTO "Group" ("id", "spaceId", "name", "nameKey", "category") VALUES (?, ?, ?, ?, ?)'
          : 'INSERT INTO "Group" ("id", "spaceId", "name", "nameKey", "category") VALUES ($1, $2, $3, $4, $5)',
        'g1',
        space.id,
        'Été 2026',
        'été 2026',
        'class',
      );
      await before.db.candidate.create({
        data: { id: 'c1', spaceId: space.id, civility: 'm', lastName: 'A', firstName: 'B', email: 'a@b.test', emailKey: 'a@b.test', sortName: 'a b', passwordHash: 'x', birthDate: '1990-04-12', birthPostcode: '69001', birthTown: 'Lyon', birthCountry: 'France', infoStatus: 'employee', funding: 'cpf' },
      });
      await before.db.membership.create({ data: { groupId: 'g1', candidateId: 'c1' } });
    } finally {
      await before.close();
    }

    const report = await migrate(url);
    expect(report.applied).toContain(rebuilding.name);
    const after = await createDb(url);
    try {
      expect(await after.db.membership.count()).toBe(1);
      expect(await after.db.group.findUnique({ where: { id: 'g1' }, select: { name: true, searchKey: true, sortKey: true } })).toEqual({ name: 'Été 2026', searchKey: '', sortKey: '' });
      expect(await backfillDerivedColumns(after.db)).toBe(1);
      expect(await after.db.group.findUnique({ where: { id: 'g1' }, select: { searchKey: true, sortKey: true } })).toEqual({ searchKey: 'ete 2026', sortKey: 'ete 000000002026' });
    } finally {
      await after.close();
    }
  });

  it('leaves nothing behind when a migration fails: its statements are rolled back and it is not recorded', async () => {
    const url = await freshDatabaseUrl();
    const dir = copyOfMigrations();
    await migrate(url, { dir });
    mkdirSync(join(dir, '29990101000000_broken'));
    writeFileSync(join(dir, '29990101000000_broken', 'migration.sql'), 'CREATE TABLE "Half" ("id" TEXT NOT NULL PRIMARY KEY);\nTHIS IS NOT SQL;\n');
    await expect(migrate(url, { dir })).rejects.toThrow();
    expect((await schemaObjects(url)).tables).not.toContain('Half');
    expect((await recorded(url)).map((r) => r.migration_name)).not.toContain('29990101000000_broken');
  });

  it('creates every table and every index the schema declares', async () => {
    const url = await freshDatabaseUrl();
    await migrate(url);
    const schema = readFileSync(join(SERVER_DIR, 'prisma', 'schema.prisma'), 'utf8');
    const models = [...schema.matchAll(/^model (\w+) \{/gm)].map((m) => m[1]!);
    const declaredIndexes = (schema.match(/@@index\(|@@unique\(|\s@unique\b/g) ?? []).length;
    const { tables, indexes } = await schemaObjects(url);
    // Beside the schema's own: the objects the migrations create by hand (src/db/hand-written.ts).
    expect(tables).toEqual([...models, ...HAND_WRITTEN[provider].tables, '_prisma_migrations'].sort());
    expect(indexes).toHaveLength(declaredIndexes + HAND_WRITTEN[provider].indexes.length);
    expect(indexes).toEqual(expect.arrayContaining([...HAND_WRITTEN[provider].indexes]));
  });

  it('opens a client on the migrated database', async () => {
    const url = await freshDatabaseUrl();
    await migrate(url);
    const handle = await createDb(url);
    try {
      expect(await handle.db.space.count()).toBe(0);
      expect(handle.provider).toBe(provider);
    } finally {
      await handle.close();
    }
  });
});

describe('the SQLite database file', () => {
  it('is created with its missing folder on first start', async () => {
    const root = mkdtempSync(join(tmpdir(), 'clr-folder-'));
    scratch.push(root);
    const path = join(root, 'data', 'nested', 'clr.db');
    await migrate(`file:${path}`);
    expect(existsSync(path)).toBe(true);
  });
});

describe('the PostgreSQL schema', () => {
  it('is the committed derivation of the SQLite schema (run `npm run db:generate -w server` after editing it)', () => {
    const source = readFileSync(join(SERVER_DIR, 'prisma', 'schema.prisma'), 'utf8');
    const committed = readFileSync(join(SERVER_DIR, 'prisma', 'postgres', 'schema.prisma'), 'utf8');
    expect(committed).toBe(toPostgresSchema(source));
  });

  it('keeps every model and index of the source and only changes provider, output and timestamp columns', () => {
    const source = readFileSync(join(SERVER_DIR, 'prisma', 'schema.prisma'), 'utf8');
    const derived = toPostgresSchema(source);
    expect(derived).toContain('provider = "postgresql"');
    expect(derived).toContain('output   = "../../src/generated/postgres"');
    const strip = (s: string) => s.replace(/ @db\.Timestamptz\(3\)/g, '').replace(/^\/\/.*\n/gm, '').replace(/"postgresql"|"sqlite"/, 'P').replace(/"[./]*src\/generated\/\w+"/, 'O');
    expect(strip(derived)).toBe(strip(source));
  });
});
