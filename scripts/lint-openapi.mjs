#!/usr/bin/env node
// `npm run lint:openapi`: writes the server's OpenAPI document (generated from
// the routes, no database) and lints it with Redocly CLI (redocly.yaml).
// Exits non-zero on any error; prints the linter's counts.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// A fixed path (git-ignored): .redocly.lint-ignore.yaml names the document by it.
const dir = join(root, 'server', '.scratch');
mkdirSync(dir, { recursive: true });
const file = join(dir, 'openapi.json');
{
  const made = spawnSync(process.execPath, ['--conditions=@clr/source', '--import', 'tsx', 'scripts/openapi.ts', file], { cwd: join(root, 'server'), stdio: 'inherit' });
  if (made.status !== 0) process.exit(made.status ?? 1);
  const lint = spawnSync('npx', ['redocly', 'lint', file, '--config', join(root, 'redocly.yaml'), '--format', 'stylish'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  });
  // Redocly's own banner (its Node 20 notice) is noise here; its findings and counts are kept.
  const lines = `${lint.stdout}${lint.stderr}`.split('\n').filter((line) => !/[║╔╚]/.test(line) && line.trim() !== '');
  console.log(lines.join('\n'));
  process.exit(lint.status ?? 1);
}
