#!/usr/bin/env node
// `npm test`: runs every test runner of the repository one after the other and
// ends with one plain line `N passed, N failed` summing them all (CI reads it).
// Runners: Vitest (domain, documents, SDK, mocks, server on SQLite and on
// PostgreSQL), @web/test-runner (the elements in Chromium), Playwright (the
// reference site end to end against the real server), and the packs check
// (scripts/check-packs.mjs: the built packages installed outside the workspace).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, '.test-results');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const problems = [];

function run(name, command, args, env = {}) {
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

// 1. Vitest: every Node-side project in one run, JSON report for the sums.
{
  const report = join(out, 'vitest.json');
  const status = run('vitest', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${report}`]);
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    totals.passed += json.numPassedTests ?? 0;
    totals.failed += json.numFailedTests ?? 0;
    totals.skipped += (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
    // A file that fails to load counts as a failure even when it declared no test.
    const brokenSuites = (json.testResults ?? []).filter((r) => r.status === 'failed' && (r.assertionResults ?? []).length === 0);
    totals.failed += brokenSuites.length;
    if (status !== 0 && json.numFailedTests === 0 && brokenSuites.length === 0) {
      // An unhandled error, a crashed worker or a config error: a failure even with no failed test.
      problems.push(`vitest exited with ${status}`);
      totals.failed += 1;
    }
  } else {
    problems.push('vitest wrote no report');
    totals.failed += 1;
  }
}

// 2. @web/test-runner: the elements in Chromium, on the mocks.
{
  const report = join(out, 'wtr.json');
  const status = run('web-test-runner', 'npx', ['wtr', '--config', 'packages/elements/web-test-runner.config.mjs'], { CLR_WTR_REPORT: report });
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    totals.passed += json.passed;
    totals.failed += json.failed;
    totals.skipped += json.skipped;
    if (status !== 0 && json.failed === 0) {
      problems.push(`web-test-runner exited with ${status}`);
      totals.failed += 1;
    }
  } else {
    problems.push('web-test-runner wrote no report');
    totals.failed += 1;
  }
}

// 3. Playwright: the built site served by the real server, as an administrator uses it.
{
  const report = join(out, 'playwright.json');
  const status = run('playwright', 'npx', ['playwright', 'test', '--config', 'playground/playwright.config.ts', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: report,
  });
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    const stats = json.stats ?? {};
    totals.passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
    totals.failed += stats.unexpected ?? 0;
    totals.skipped += stats.skipped ?? 0;
    const loadErrors = (json.errors ?? []).length;
    totals.failed += loadErrors;
    if (status !== 0 && (stats.unexpected ?? 0) === 0 && loadErrors === 0) {
      problems.push(`playwright exited with ${status}`);
      totals.failed += 1;
    }
  } else {
    problems.push('playwright wrote no report');
    totals.failed += 1;
  }
}

// 4. The packs as a partner installs them: built, packed, installed in a new project, used from plain Node, a strict tsc and a browser.
{
  const report = join(out, 'packs.json');
  const status = run('packs', process.execPath, [join(root, 'scripts', 'check-packs.mjs')], { CLR_PACKS_REPORT: report });
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    totals.passed += json.passed;
    totals.failed += json.failed;
    if (status !== 0 && json.failed === 0) {
      problems.push(`check-packs exited with ${status}`);
      totals.failed += 1;
    }
  } else {
    problems.push('check-packs wrote no report');
    totals.failed += 1;
  }
}

for (const p of problems) console.log(`✗ ${p}`);
const ok = totals.failed === 0 && problems.length === 0;
console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(ok ? 0 : 1);
