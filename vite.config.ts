import { defaultClientConditions, defaultServerConditions } from 'vite';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The workspace runs the packages from their TypeScript sources: each
// package.json's exports send the `@clr/source` condition to `src/`, and
// everyone else (a partner's install) to the built `dist/`.
const resolve = { conditions: ['@clr/source', ...defaultClientConditions] };
const serverConditions = ['@clr/source', ...defaultServerConditions];
const ssr = { resolve: { conditions: serverConditions } };
// Vitest's own environment, which loads the global setups (the contract suite's server).
const environments = { __vitest__: { resolve: { conditions: serverConditions } } };
// The one-tag bundle's zod: zod/mini under classic zod's method API (packages/elements/scripts/zod-on-mini.js).
const onZodMini = {
  ...resolve,
  alias: [{ find: /^zod$/, replacement: fileURLToPath(new URL('./packages/elements/scripts/zod-entry.js', import.meta.url)) }],
};

// One Vitest run covers every Node-side workspace; each package is a project so
// a failure names the package it comes from.
export default defineConfig({
  test: {
    projects: [
      { resolve, ssr, environments, test: { name: 'domain', root: './packages/domain', include: ['src/**/*.test.ts', 'test/**/*.test.ts'] } },
      { resolve, ssr, environments, test: { name: 'documents', root: './packages/documents', include: ['src/**/*.test.ts', 'test/**/*.test.ts'] } },
      // The admin site's pure modules (the router's return path); its pages are tested end to end by Playwright.
      { resolve, ssr, environments, test: { name: 'playground', root: './playground', include: ['src/**/*.test.ts'] } },
      // The mocks' own tests: MSW's setupServer in the test process, `fetch` against it.
      { resolve, ssr, environments, test: { name: 'mocks', root: './packages/mocks', include: ['src/**/*.test.ts', 'test/**/*.test.ts'] } },
      // The SDK's own unit tests (a scripted fetch, fake-indexeddb); the contract
      // suite is the `contract-*` projects below.
      { resolve, ssr, environments, test: { name: 'sdk', root: './packages/sdk', include: ['src/**/*.test.ts'] } },
      // The domain's and the SDK's tests again, on the zod the one-tag bundle
      // ships (`npm run test:zod-mini`): its schemas behave as on full zod.
      { resolve: onZodMini, ssr, environments, test: { name: 'domain-zod-mini', root: './packages/domain', include: ['src/**/*.test.ts', 'test/**/*.test.ts'] } },
      { resolve: onZodMini, ssr, environments, test: { name: 'sdk-zod-mini', root: './packages/sdk', include: ['src/**/*.test.ts'] } },
      // The contract suite (packages/sdk/test/contract): scenarios written against
      // the SDK only, run on the real server (`contract-server`: started once by
      // the global setup on a fresh SQLite file) and on the mocks
      // (`contract-mocks`: MSW's setupServer in the test process). Files run one
      // at a time: on the server they share one database.
      {
        resolve,
        ssr,
        environments,
        test: {
          name: 'contract-server',
          root: './packages/sdk',
          include: ['test/contract/**/*.test.ts'],
          globalSetup: ['./test/contract/support/server-target.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 2 },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve,
        ssr,
        environments,
        test: {
          name: 'contract-mocks',
          root: './packages/sdk',
          include: ['test/contract/**/*.test.ts'],
          setupFiles: ['./test/contract/support/mocks-target.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          testTimeout: 60_000,
        },
      },
      // The server's tests run twice: on SQLite (`server`) and on PostgreSQL
      // (`server-pg`: TEST_DATABASE_URL, else a throwaway cluster started by the
      // global setup). Each test file gets its own database, so files run in
      // parallel, two at a time on these 2-core machines; every file spawns its
      // own child processes or connection pool, hence the generous timeouts.
      ...(['server', 'server-pg'] as const).map((name) => ({
        resolve,
        ssr,
        environments,
        test: {
          name,
          root: './server',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          env: { CLR_TEST_DB: name === 'server-pg' ? 'postgres' : 'sqlite' },
          globalSetup: ['./test/support/global-setup.ts'],
          pool: 'forks' as const,
          fileParallelism: true,
          maxWorkers: 2,
          // Projects with their own worker settings run as groups, one after the other.
          sequence: { groupOrder: name === 'server' ? 3 : 4 },
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      })),
    ],
  },
});
