#!/usr/bin/env node
// Builds the admin site (`vite build` → playground/dist) and the elements'
// one-tag bundle (packages/elements/dist/embed) when missing or older than
// anything they are built from: the playground's own sources and the
// packages it bundles (elements, SDK, domain). Root `npm start` runs it first
// (`prestart`), so the server always serves the current site. `--force`
// builds anyway.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const playground = join(dirname(fileURLToPath(import.meta.url)), '..');
const root = join(playground, '..');
const built = join(playground, 'dist', 'index.html');
const sources = [
  join(playground, 'index.html'),
  join(playground, 'vite.config.ts'),
  join(playground, 'src'),
  join(playground, 'public'),
  join(root, 'packages', 'elements', 'src'),
  join(root, 'packages', 'sdk', 'src'),
  join(root, 'packages', 'domain', 'src'),
];

/** The newest modification time under `path` (tests and stories left out: they are not in the site). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return /\.(test|stories)\.ts$/.test(path) ? 0 : info.mtimeMs;
  return readdirSync(path).reduce((latest, name) => Math.max(latest, newest(join(path, name))), info.mtimeMs);
}

const force = process.argv.includes('--force');
const sourcesAt = Math.max(...sources.map(newest));

// The one-tag bundle the server serves at /embed (packages/elements/dist/embed), from the same sources.
const bundle = join(root, 'packages', 'elements', 'dist', 'embed', 'manifest.json');
const bundleAt = existsSync(bundle) ? statSync(bundle).mtimeMs : 0;
// …and from its build scripts (the template minifier, the zod stubs).
const bundleScriptsAt = newest(join(root, 'packages', 'elements', 'scripts'));
if (force || bundleAt <= Math.max(sourcesAt, bundleScriptsAt)) {
  console.log('Construction du module d’intégration (packages/elements/dist/embed)…');
  const made = spawnSync(process.execPath, [join(root, 'packages', 'elements', 'scripts', 'build-bundle.mjs')], { cwd: root, stdio: 'inherit' });
  if (made.status !== 0) process.exit(made.status ?? 1);
}

const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
if (!force && builtAt > sourcesAt) {
  console.log('Site d’administration à jour (playground/dist).');
  process.exit(0);
}
console.log(builtAt ? 'Site d’administration plus ancien que ses sources : construction…' : 'Construction du site d’administration (playground/dist)…');
const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: playground, stdio: 'inherit' });
process.exit(result.status ?? 1);
