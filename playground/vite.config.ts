import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultClientConditions, defineConfig, type Plugin } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/**
 * MSW's service worker for `npm run dev:mock`, copied from the installed `msw`
 * into `public/` when Vite starts (dev or build), so the script always matches
 * the library's version and no copy is committed (`public/mockServiceWorker.js`
 * is git-ignored). A production build leaves it out of `dist/`: only the mock
 * mode registers it.
 */
function mswWorker(): Plugin {
  let outDir = '';
  let shipWorker = true;
  return {
    name: 'clr-msw-worker',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
      shipWorker = config.command === 'serve' || config.mode === 'mock';
      const source = join(dirname(require.resolve('msw/package.json')), 'lib', 'mockServiceWorker.js');
      const target = join(here, 'public', 'mockServiceWorker.js');
      if (existsSync(target) && readFileSync(target, 'utf8') === readFileSync(source, 'utf8')) return;
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(source, target);
    },
    closeBundle() {
      if (!shipWorker) rmSync(join(outDir, 'mockServiceWorker.js'), { force: true });
    },
  };
}

/**
 * The reference admin site. `vite` (npm run dev) proxies `/api` and the
 * server's own pages to a running server (`CLR_API_URL`, default
 * http://localhost:3000); `vite --mode mock` (npm run dev:mock) answers the
 * API from `@clr/mocks` in a service worker; `vite build` writes `dist/`, which
 * the server serves at `/`.
 */
export default defineConfig(({ mode }) => {
  const api = process.env.CLR_API_URL ?? 'http://localhost:3000';
  const proxied = ['/api', '/paiement', '/verify', '/ack', '/accuse-reception', '/demo'];
  return {
    root: here,
    plugins: [mswWorker()],
    // The packages' TypeScript sources (their exports' `@clr/source` condition), not their built dist/.
    resolve: { conditions: ['@clr/source', ...defaultClientConditions] },
    server: {
      port: 5173,
      proxy: mode === 'mock' ? undefined : Object.fromEntries(proxied.map((path) => [path, { target: api, changeOrigin: false }])),
    },
    build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 1000 },
  };
});
