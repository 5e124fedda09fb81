/**
 * Generates both Prisma clients, offline (runs on `npm install` / `npm ci`):
 *   1. prisma/postgres/schema.prisma from the SQLite source schema;
 *   2. `prisma generate` for each into src/generated/{sqlite,postgres}.
 * Usage: npm run db:generate -w server
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toPostgresSchema } from '../src/db/postgres-schema.js';

const serverDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const sqliteSchema = join(serverDir, 'prisma', 'schema.prisma');
const postgresSchema = join(serverDir, 'prisma', 'postgres', 'schema.prisma');

mkdirSync(dirname(postgresSchema), { recursive: true });
const derived = toPostgresSchema(readFileSync(sqliteSchema, 'utf8'));
let current = '';
try {
  current = readFileSync(postgresSchema, 'utf8');
} catch {
  current = '';
}
if (current !== derived) writeFileSync(postgresSchema, derived);

const prismaCli = createRequire(import.meta.url).resolve('prisma/build/index.js');
for (const schema of [sqliteSchema, postgresSchema]) {
  const run = spawnSync(process.execPath, [prismaCli, 'generate', '--no-hints', '--schema', schema], {
    cwd: serverDir,
    stdio: 'inherit',
    env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' },
  });
  if (run.status !== 0) {
    console.error(`prisma generate failed for ${schema}`);
    process.exit(run.status ?? 1);
  }
}
