#!/usr/bin/env node
// `npm run check:manifest -w @clr/elements`: fails when the committed
// custom-elements.json (or src/react/index.ts, generated from it) is not what
// `npm run build` generates from the sources now (an element, a property, an event or a part changed without rebuilding
// the manifest). Run by `npm run build-storybook`, hence by CI.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cli } from '@custom-elements-manifest/analyzer/cli.js';
import { reactWrappers, WRAPPERS_FILE } from './react-wrappers.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const file = join(root, 'custom-elements.json');

const fresh = `${JSON.stringify(await cli({ argv: ['analyze', '--litelement', '--quiet'], cwd: root, noWrite: true }), null, 2)}\n`;
let committed = '';
try {
  committed = readFileSync(file, 'utf8');
} catch {
  // Missing counts as stale.
}
if (committed !== fresh) {
  console.error('custom-elements.json ne correspond plus aux sources : lancez `npm run build -w @clr/elements` et committez le fichier.');
  console.error('custom-elements.json is stale: run `npm run build -w @clr/elements` and commit it.');
  process.exit(1);
}
let wrappers = '';
try {
  wrappers = readFileSync(WRAPPERS_FILE, 'utf8');
} catch {
  // Missing counts as stale.
}
if (wrappers !== reactWrappers(JSON.parse(fresh))) {
  console.error('src/react/index.ts is stale: run `npm run manifest -w @clr/elements` and commit it.');
  process.exit(1);
}
// Every define module tells zod not to compile before anything else is evaluated (src/shared/no-eval.ts).
const defines = readdirSync(join(root, 'src', 'define')).filter((name) => name.endsWith('.ts'));
const late = defines.filter((name) => !/^(\/\/.*\n)*import '\.\.\/shared\/no-eval\.js';/.test(readFileSync(join(root, 'src', 'define', name), 'utf8')));
if (late.length > 0) {
  console.error(`src/define/${late.join(', src/define/')}: the first import must be '../shared/no-eval.js' (a portal's CSP forbids zod's compiler).`);
  process.exit(1);
}
console.log('custom-elements.json and the React wrappers are up to date; every define module imports no-eval first.');
