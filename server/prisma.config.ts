import { fileURLToPath } from 'node:url';
import { defineConfig } from 'prisma/config';

// The Prisma CLI looks for its native schema engine before any command and tries
// to download it when missing; that host is unreachable here. Pointing it at a
// stub that exits 1 lets `generate`, `validate` and `format` run offline.
// Migrations are authored with @prisma/schema-engine-wasm (scripts/migration.ts)
// and applied by src/db/migrate.ts, never by `prisma migrate`.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(new URL('./scripts/schema-engine-stub.sh', import.meta.url));

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations/sqlite' },
});
