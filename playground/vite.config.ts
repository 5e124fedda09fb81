import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/**
 * MSW's service worker for `npm run dev:mock`, copied from the installed `msw`
 * into `public/` when Vite starts (dev or build), so the script always matches
 * the library's version and no copy is committed (`public/mockServiceWorker.js`
 * is git-ignored).
 */
function mswWorker(): Plugin {
  return {
    name: 'clr-msw-worker',
    configResolved() {
      const source = join(dirname(require.resolve('msw/package.json')), 'lib', 'mockServiceWorker.js');
      const target = join(here, 'public', 'mockServiceWorker.js');
      if (existsSync(target) && readFileSync(target, 'utf8') === readFileSync(source, 'utf8')) return;
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(source, target);
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
    server: {
      port: 5173,
      proxy: mode === 'mock' ? undefined : Object.fromEntries(proxied.map((path) => [path, { target: api, changeOrigin: false }])),
    },
    build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 1000 },
  };
});
