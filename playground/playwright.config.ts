import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { CHROME_PATH, CHROMIUM_ARGS } from '../scripts/chromium.mjs';

/**
 * End-to-end tests of the admin site as an administrator uses it: the real
 * server (`server/src/main.ts`) on a fresh SQLite file in a temporary folder,
 * migrated and seeded with the demo, serving the built site (built first when
 * stale). Debian's Chromium, never a downloaded browser.
 *
 * The port and the folder are chosen once, by the main process; the workers
 * read this file again and inherit them through the environment.
 */
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');

function freePort(): string {
  const script = "const s=require('node:net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close();});";
  return execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim();
}

process.env.CLR_E2E_PORT ??= freePort();
process.env.CLR_E2E_DIR ??= mkdtempSync(join(tmpdir(), 'clr-e2e-'));
const port = process.env.CLR_E2E_PORT;
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: join(here, 'e2e'),
  outputDir: join(here, 'test-results'),
  globalTeardown: join(here, 'e2e', 'support', 'teardown.ts'),
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  use: {
    baseURL,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    acceptDownloads: true,
    trace: 'retain-on-failure',
    launchOptions: { executablePath: CHROME_PATH, args: CHROMIUM_ARGS },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: 'node playground/scripts/ensure-built.mjs && node --conditions=@clr/source --import tsx server/src/main.ts',
    cwd: root,
    url: `${baseURL}/api/v1/healthz`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      DATABASE_URL: `file:${join(process.env.CLR_E2E_DIR, 'clr.db')}`,
      PORT: port,
      HOST: '127.0.0.1',
      PUBLIC_URL: baseURL,
      HELP_URL: 'https://aide.example.test/administrateurs',
      SUPPORT_EMAIL: 'support@example.test',
    },
  },
});
