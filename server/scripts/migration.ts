/**
 * Authors the next migration for BOTH providers from the schema:
 *
 *   npm run db:migration -w server -- <name>
 *
 * For each provider it asks Prisma's schema engine (@prisma/schema-engine-wasm,
 * pinned, driven through the app's own driver adapters; the native engine cannot
 * be downloaded here) for the SQL that takes the committed migrations to the
 * current schema, and writes prisma/migrations/<provider>/<timestamp>_<name>/migration.sql.
 * The SQLite shadow database is in memory; the PostgreSQL one is created on
 * SHADOW_DATABASE_URL (a server where the user may CREATE DATABASE) or on a
 * throwaway cluster started for the occasion.
 *
 * This is a development tool only: start-up applies the committed SQL with the
 * plain applier of src/db/migrate.ts, never with the engine.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import { HAND_WRITTEN as HAND_WRITTEN_BY_PROVIDER } from '../src/db/hand-written.js';
import { toPostgresSchema } from '../src/db/postgres-schema.js';
import { createDatabase, dropDatabase, startCluster, type PgCluster } from '../test/support/postgres.js';

type Provider = 'sqlite' | 'postgres';

/** The hand-written objects (src/db/hand-written.ts) by this script's folder names. */
const HAND_WRITTEN = { sqlite: HAND_WRITTEN_BY_PROVIDER.sqlite, postgres: HAND_WRITTEN_BY_PROVIDER.postgresql };

interface WasmSchemaEngine {
  diff(params: unknown): Promise<{ exitCode: number; stdout: string | null }>;
  free(): void;
}

const serverDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const migrationsRoot = join(serverDir, 'prisma', 'migrations');

type EngineModule = { SchemaEngine: { new: (o: unknown, cb: (s: string) => void, a: object) => Promise<WasmSchemaEngine> } };
let engineModule: Promise<EngineModule> | null = null;
let lastPanic = '';

function loadEngineModule(): Promise<EngineModule> {
  engineModule ??= instantiateEngine();
  return engineModule;
}

async function instantiateEngine(): Promise<EngineModule> {
  // A Rust panic inside the engine reports its message through this global.
  (globalThis as Record<string, unknown>).PRISMA_WASM_PANIC_REGISTRY = {
    set_message: (message: string) => {
      lastPanic = message;
    },
  };
  // The package imports its .wasm as an ES module (bundler target), which Node 20
  // cannot do: instantiate it by hand and hand the instance to the JS glue.
  const require = createRequire(import.meta.url);
  const gluePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const glue = (await import(gluePath)) as Record<string, unknown> & { __wbg_set_wasm(exports: unknown): void };
  const bytes = readFileSync(join(dirname(gluePath), 'schema_engine_bg.wasm'));
  const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': glue as WebAssembly.ModuleImports });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return glue as unknown as EngineModule;
}

function migrationList(provider: Provider) {
  const baseDir = join(migrationsRoot, provider);
  const lockPath = join(baseDir, 'migration_lock.toml');
  const dirs = existsSync(baseDir)
    ? readdirSync(baseDir, { withFileTypes: true })
        .filter((d) => d.isDirectory() && existsSync(join(baseDir, d.name, 'migration.sql')))
        .map((d) => d.name)
        .sort()
    : [];
  return {
    baseDir,
    lockfile: { path: 'migration_lock.toml', content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: dirs.map((name) => ({
      path: name,
      migrationFile: { path: 'migration.sql', content: { tag: 'ok', value: readFileSync(join(baseDir, name, 'migration.sql'), 'utf8') } },
    })),
  };
}

function schemaFor(provider: Provider): { path: string; content: string } {
  const source = readFileSync(join(serverDir, 'prisma', 'schema.prisma'), 'utf8');
  return provider === 'sqlite'
    ? { path: join(serverDir, 'prisma', 'schema.prisma'), content: source }
    : { path: join(serverDir, 'prisma', 'postgres', 'schema.prisma'), content: toPostgresSchema(source) };
}

/** pg config as separate fields: with a connectionString the adapter's shadow database would be the main one. */
function pgFields(url: string) {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.slice(1)) || 'postgres',
  };
}

async function diffFor(provider: Provider, shadowUrl: () => Promise<string>): Promise<string | null> {
  const { SchemaEngine } = await loadEngineModule();
  const factory =
    provider === 'sqlite' ? acceptScripts(new PrismaBetterSqlite3({ url: ':memory:' })) : postgresWithShadow(await shadowUrl());
  const adapter = bindMigrationAwareSqlAdapterFactory(factory);
  const schema = schemaFor(provider);
  const engine = await SchemaEngine.new({ datamodels: [[schema.path, schema.content]] }, () => undefined, adapter);
  try {
    lastPanic = '';
    const list = migrationList(provider);
    const result = await engine.diff({
      from: list.migrationDirectories.length > 0 ? { tag: 'migrations', ...list } : { tag: 'empty' },
      to: { tag: 'schemaDatamodel', files: [schema] },
      script: true,
      exitCode: true,
      filters: { externalTables: [...HAND_WRITTEN[provider].tables], externalEnums: [] },
    });
    // exitCode 2: there is a difference; 0: the migrations already match the schema.
    if (result.exitCode !== 2) return null;
    const sql = withoutHandWrittenDrops(result.stdout ?? '', HAND_WRITTEN[provider].indexes);
    return sql.trim() === '' ? null : sql;
  } catch (error) {
    // Driver errors come back as "External error id#N": the adapter binding keeps the real one.
    const registry = (adapter as unknown as { errorRegistry: { registeredErrors: { error: unknown }[] } }).errorRegistry;
    const causes = registry.registeredErrors.filter(Boolean).map((e) => (e.error as Error)?.message ?? JSON.stringify(e.error));
    if (causes.length > 0) throw new Error(`${(error as Error).message}\ncaused by: ${causes.join('\n')}`, { cause: error });
    throw lastPanic ? new Error(`schema engine panic: ${lastPanic}`, { cause: error }) : error;
  } finally {
    engine.free();
  }
}

/** The engine's SQL without the `DROP INDEX` of the hand-written indexes (each with its `-- DropIndex` line). */
function withoutHandWrittenDrops(sql: string, indexes: readonly string[]): string {
  let out = sql;
  for (const name of indexes) {
    const quoted = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    out = out.replace(new RegExp(`(?:-- DropIndex\\n)?DROP INDEX (?:"[^"]+"\\.)?"${quoted}";\\n*`, 'g'), '');
  }
  return out;
}

/**
 * adapter-pg's own shadow database is dropped while its pool is still connected
 * (the DROP fails): create and drop it here, closing the pool first.
 */
function postgresWithShadow(adminUrl: string): PrismaPg {
  const factory = charAsText(adminUrl);
  return new Proxy(factory, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property);
      if (property === 'connectToShadowDb') {
        return async () => {
          const shadowUrl = await createDatabase(adminUrl, 'clr_shadow');
          const adapter = await charAsText(shadowUrl).connect();
          return new Proxy(adapter, {
            get(a, p) {
              const v: unknown = Reflect.get(a, p);
              if (p === 'dispose') {
                return async () => {
                  await a.dispose();
                  await dropDatabase(adminUrl, shadowUrl);
                };
              }
              if (p === 'executeScript') return (script: string) => runScript(shadowUrl, script);
              return typeof v === 'function' ? v.bind(a) : v;
            },
          });
        };
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * The engine replays each committed migration in the shadow database with
 * `executeScript`, which adapter-pg splits on every `;` — inside a function
 * body (`$$ … $$`) too. PostgreSQL's simple-query protocol runs the whole file
 * as it is, as the applier (src/db/migrate.ts) does.
 */
async function runScript(url: string, script: string): Promise<void> {
  const client = new pg.Client(pgFields(url));
  await client.connect();
  try {
    await client.query(script);
  } finally {
    await client.end();
  }
}

/**
 * adapter-pg cannot read PostgreSQL's internal `"char"` type (OID 18), which the
 * engine's catalog queries return (relkind, contype…): its values are already
 * parsed as strings, so report those columns as text (and `"char"[]` as text[]).
 */
function charAsText(url: string): PrismaPg {
  const pool = new pg.Pool(pgFields(url));
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    const fix = (r: { fields?: { dataTypeID: number }[] } | undefined) => {
      for (const field of r?.fields ?? []) {
        if (field.dataTypeID === 18) field.dataTypeID = 25;
        else if (field.dataTypeID === 1002) field.dataTypeID = 1009;
      }
      return r;
    };
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const last = args.at(-1);
      if (typeof last === 'function') {
        args[args.length - 1] = (err: unknown, r: { fields?: { dataTypeID: number }[] }) => (last as (e: unknown, r: unknown) => void)(err, err ? r : fix(r));
      }
      const result = query(...args);
      return result instanceof Promise ? result.then(fix) : result;
    };
  });
  return new PrismaPg(pool, { disposeExternalPool: true });
}

type SqliteFactory = InstanceType<typeof PrismaBetterSqlite3>;
type SqliteAdapter = Awaited<ReturnType<SqliteFactory['connect']>>;

/**
 * The engine replays each committed migration in the shadow database as one
 * query; better-sqlite3 refuses more than one statement per query, so a
 * parameterless multi-statement query is run as a script instead.
 */
function acceptScripts(factory: SqliteFactory): SqliteFactory {
  const wrap = (adapter: SqliteAdapter): SqliteAdapter => {
    const isScript = (e: unknown, args: unknown[]) => args.length === 0 && String((e as Error)?.message).includes('more than one statement');
    return new Proxy(adapter, {
      get(target, property) {
        const value: unknown = Reflect.get(target, property);
        if (property === 'executeRaw' || property === 'queryRaw') {
          const run = (value as (q: { sql: string; args: unknown[] }) => Promise<unknown>).bind(target);
          return async (query: { sql: string; args: unknown[] }) => {
            try {
              return await run(query);
            } catch (error) {
              if (!isScript(error, query.args)) throw error;
              await target.executeScript(query.sql);
              return property === 'executeRaw' ? 0 : { columnNames: [], columnTypes: [], rows: [] };
            }
          };
        }
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  };
  return new Proxy(factory, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property);
      if (property === 'connect' || property === 'connectToShadowDb') {
        return async () => wrap(await (value as () => Promise<SqliteAdapter>).call(target));
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function timestamp(now = new Date()): string {
  return now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

async function main(): Promise<void> {
  const name = (process.argv[2] ?? '').trim();
  if (!/^[a-z0-9_]+$/.test(name)) {
    console.error('Usage: npm run db:migration -w server -- <name>   (lower-case letters, digits, underscores)');
    process.exit(2);
  }
  let cluster: PgCluster | null = null;
  const shadowUrl = async () => {
    if (process.env.SHADOW_DATABASE_URL) return process.env.SHADOW_DATABASE_URL;
    if (!cluster) {
      cluster = await startCluster();
      // A panic inside the engine ends the process without reaching `finally`:
      // the cluster's stop() is synchronous, so it also runs on exit.
      const started = cluster;
      process.once('exit', () => void started.stop());
    }
    return cluster.adminUrl;
  };
  const folder = `${timestamp()}_${name}`;
  try {
    for (const provider of ['sqlite', 'postgres'] as const) {
      const sql = await diffFor(provider, shadowUrl);
      if (sql === null) {
        console.log(`${provider}: the committed migrations already match the schema; nothing written.`);
        continue;
      }
      const dir = join(migrationsRoot, provider, folder);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'migration.sql'), sql);
      for (const table of HAND_WRITTEN[provider].triggersOn) {
        if (sql.includes(`DROP TABLE "${table}"`)) {
          console.warn(
            `${provider}: this migration rebuilds "${table}", which drops its hand-written triggers: ` +
              `append their CREATE TRIGGER statements (see 20261127181413_candidate_search_and_counts) to the migration.`,
          );
        }
      }
      const lock = join(migrationsRoot, provider, 'migration_lock.toml');
      if (!existsSync(lock)) {
        writeFileSync(
          lock,
          `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${provider === 'sqlite' ? 'sqlite' : 'postgresql'}"\n`,
        );
      }
      console.log(`${provider}: wrote prisma/migrations/${provider}/${folder}/migration.sql`);
    }
  } finally {
    await (cluster as PgCluster | null)?.stop();
  }
}

await main();
