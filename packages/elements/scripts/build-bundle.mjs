#!/usr/bin/env node
// `npm run build:bundle -w @clr/elements`: the one-tag bundle — one ES module
// with every element of src/define/ (registered on load), the SDK's
// createClient and the package's helpers (configure, provideClient…), for a
// portal that loads nothing else:
//   <script type="module" src="https://clr…/embed/clr-elements.js"></script>
// Writes dist/embed/clr-elements.js, the same bytes under a versioned name
// (clr-elements-<version>-<hash>.js, served as immutable) and manifest.json
// (file names, sizes, the SRI hash). Prints the size and the hash.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, defaultClientConditions } from 'vite';
import { minifyTemplatesPlugin } from './minify-templates.mjs';

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(packageRoot, 'dist', 'embed');
const { version } = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8'));

/** Every define module, sorted: a new element is in the bundle without a line to add here. */
export function bundleEntry() {
  const defines = readdirSync(join(packageRoot, 'src/define')).filter((file) => /^clr-[\w-]+\.ts$/.test(file)).sort();
  return [
    // Before any schema is built (see src/shared/no-eval.ts).
    "import '@clr/elements/no-eval';",
    ...defines.map((file) => `import '@clr/elements/define/${file.replace(/\.ts$/, '.js')}';`),
    "export * from '@clr/elements';",
    "export { createClient, ClrApiError, ClrError, ClrNetworkError } from '@clr/sdk';",
    '',
  ].join('\n');
}

const ZOD_ON_MINI = join(packageRoot, 'scripts', 'zod-on-mini.js');

export async function buildBundle({ write = true } = {}) {
  const entryId = join(packageRoot, '__clr-embed-entry.js');
  const output = await build({
    configFile: false,
    root: packageRoot,
    logLevel: 'silent',
    // TypeScript's experimental decorators (STACK.md) and the packages' sources.
    oxc: { decorator: { legacy: true } },
    resolve: {
      conditions: ['@clr/source', ...defaultClientConditions],
      // zod/mini under classic zod's method API (see zod-on-mini.js).
      alias: [{ find: /^zod$/, replacement: join(packageRoot, 'scripts', 'zod-entry.js') }],
    },
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    plugins: [
      {
        name: 'clr-embed-entry',
        resolveId: (id) => (id === entryId ? entryId : undefined),
        load: (id) => (id === entryId ? bundleEntry() : undefined),
      },
      minifyTemplatesPlugin(),
      {
        // It installs classic zod's methods on zod/mini's classes: a side effect the bundle keeps.
        name: 'clr-zod-on-mini',
        load: (id) => (id === ZOD_ON_MINI ? { code: readFileSync(id, 'utf8'), moduleSideEffects: true } : undefined),
      },
    ],
    build: {
      write: false,
      minify: true,
      sourcemap: false,
      target: 'es2022',
      reportCompressedSize: false,
      lib: { entry: entryId, formats: ['es'], fileName: () => 'clr-elements.js' },
      // Vite's library mode keeps the whitespace and the /*#__PURE__*/ comments
      // for a bundler downstream; this module goes to browsers as it is.
      rolldownOptions: { output: { codeSplitting: false, minify: true, comments: false } },
    },
  });
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((result) => result.output).filter((item) => item.type === 'chunk');
  if (chunks.length !== 1) throw new Error(`the bundle must be one module, not ${chunks.length}`);
  const classic = Object.keys(chunks[0].modules).filter((id) => /[\\/]zod[\\/]v4[\\/]classic[\\/]/.test(id));
  if (classic.length) throw new Error(`classic zod is in the bundle (import 'zod', which is zod-on-mini.js here): ${classic[0]}`);
  const code = Buffer.from(chunks[0].code, 'utf8');
  const digest = createHash('sha384').update(code).digest();
  const integrity = `sha384-${digest.toString('base64')}`;
  const versioned = `clr-elements-${version}-${digest.toString('hex').slice(0, 10)}.js`;
  const manifest = { file: 'clr-elements.js', versioned, integrity, bytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length, version };
  if (write) {
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'clr-elements.js'), code);
    writeFileSync(join(outDir, versioned), code);
    writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  }
  return { ...manifest, modules: chunks[0].modules };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await buildBundle();
  console.log(`dist/embed/clr-elements.js  ${(result.bytes / 1024).toFixed(1)} KB, ${(result.gzipBytes / 1024).toFixed(1)} KB gzipped`);
  console.log(`dist/embed/${result.versioned}  (immutable)`);
  console.log(`integrity="${result.integrity}"`);
}
