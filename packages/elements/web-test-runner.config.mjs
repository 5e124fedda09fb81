// @web/test-runner in Debian's Chromium (CHROME_PATH, /usr/bin/chromium by
// default), kept off the network. Element tests talk to `@clr/mocks` through
// MSW's real service worker: the mocks are bundled once with Vite (they pull
// CommonJS papaparse, which the dev server cannot serve as is) and served at
// /__clr__/mocks.js, which `@clr/mocks/browser` resolves to; the worker script
// is served at the root so its scope covers the test pages.
import { readFileSync, readdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { build, defaultClientConditions } from 'vite';
import { CHROME_PATH, CHROMIUM_ARGS } from '../../scripts/chromium.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const chrome = CHROME_PATH;

// The launch flags live in scripts/chromium.mjs, shared with the playground's Playwright tests.
export { CHROMIUM_ARGS };

async function bundleMocks() {
  const outDir = mkdtempSync(join(tmpdir(), 'clr-wtr-mocks-'));
  try {
    await build({
      configFile: false,
      logLevel: 'warn',
      resolve: { conditions: ['@clr/source', ...defaultClientConditions] },
      build: {
        outDir,
        emptyOutDir: true,
        minify: false,
        lib: { entry: join(here, '../mocks/src/browser.ts'), formats: ['es'], fileName: () => 'mocks.js' },
      },
    });
    // The entry and the chunks it imports lazily, by file name.
    return new Map(readdirSync(outDir).filter((f) => f.endsWith('.js')).map((f) => [`/__clr__/${f}`, readFileSync(join(outDir, f), 'utf8')]));
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

const mockFiles = await bundleMocks();
const workerScript = readFileSync(join(dirname(require.resolve('msw/package.json')), 'lib', 'mockServiceWorker.js'), 'utf8');

/**
 * Counts every test of every session into `CLR_WTR_REPORT` (JSON) when set, so
 * the root `npm test` can sum this runner with the others. A file that failed
 * to load counts as one failure.
 */
function countingReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const file = process.env.CLR_WTR_REPORT;
      if (!file) return;
      const totals = { passed: 0, failed: 0, skipped: 0, brokenFiles: [] };
      const walk = (suite) => {
        for (const test of suite.tests ?? []) {
          if (test.skipped) totals.skipped += 1;
          else if (test.passed) totals.passed += 1;
          else totals.failed += 1;
        }
        for (const child of suite.suites ?? []) walk(child);
      };
      for (const session of sessions) {
        if (session.testResults) walk(session.testResults);
        if (!session.passed && (session.errors ?? []).length > 0) {
          totals.failed += 1;
          totals.brokenFiles.push(session.testFile);
        }
      }
      writeFileSync(file, JSON.stringify(totals));
    },
  };
}

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  rootDir: join(here, '../..'),
  files: [join(here, 'src/**/*.test.ts'), join(here, 'test/**/*.test.ts')],
  nodeResolve: { exportConditions: ['@clr/source', 'browser', 'production'] },
  concurrency: 2,
  reporters: [defaultReporter(), countingReporter()],
  // Generous limits: CI machines are shared (2 cores, often loaded) and axe-core's first
  // load alone can take seconds. They bound a hung test; they measure nothing.
  testFramework: { config: { timeout: 60_000 } },
  testsStartTimeout: 180_000,
  testsFinishTimeout: 900_000,
  browserStartTimeout: 180_000,
  browsers: [playwrightLauncher({ product: 'chromium', launchOptions: { executablePath: chrome, args: CHROMIUM_ARGS } })],
  middleware: [
    function clrMockFiles(context, next) {
      if (context.path === '/mockServiceWorker.js') {
        context.type = 'application/javascript';
        context.body = workerScript;
        return undefined;
      }
      const mockFile = mockFiles.get(context.path);
      if (mockFile !== undefined) {
        context.type = 'application/javascript';
        context.body = mockFile;
        return undefined;
      }
      return next();
    },
  ],
  plugins: [
    {
      name: 'clr-mocks-bundle',
      resolveImport({ source }) {
        if (source === '@clr/mocks/browser') return '/__clr__/mocks.js';
        return undefined;
      },
    },
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: join(here, '../../tsconfig.base.json') }),
  ],
};
