import { defineConfig } from 'vitest/config';

// One Vitest run covers every Node-side workspace; each package is a project so
// a failure names the package it comes from.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'domain', root: './packages/domain', include: ['src/**/*.test.ts', 'test/**/*.test.ts'] } },
      { test: { name: 'documents', root: './packages/documents', include: ['src/**/*.test.ts', 'test/**/*.test.ts'] } },
    ],
  },
});
