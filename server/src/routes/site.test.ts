import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type AppDeps, type AppEnv } from '../http/env.js';
import { siteRoutes } from './site.js';

// The built site in <tmp>/dist, and a file beside it that must never be served.
const folder = mkdtempSync(join(tmpdir(), 'clr-site-'));
const dist = join(folder, 'dist');
mkdirSync(join(dist, 'assets'), { recursive: true });
writeFileSync(join(dist, 'index.html'), '<!doctype html><title>site</title>');
writeFileSync(join(dist, 'assets', 'index-AbC123.js'), 'console.log(1)');
writeFileSync(join(dist, 'mockServiceWorker.js'), '/* worker */');
writeFileSync(join(folder, 'secret.txt'), 'secret');
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** The site mounted as app.ts mounts it: after the server's routes, before the 404. */
function appWith(root: string) {
  const app = new Hono();
  app.get('/api/v1/healthz', (c) => c.json({ ok: true }));
  app.get('/verify/:code', (c) => c.text('verification page'));
  app.route('/', siteRoutes(root));
  app.notFound((c) => c.text('not found', 404));
  return app;
}

describe('the admin site at / (playground/dist)', () => {
  const app = appWith(dist);

  it.each(['/', '/candidats', '/candidats/cmabc123', '/profil/mot-de-passe', '/connexion?retour=%2Fcommandes'])(
    'answers the deep link %s with the site’s index.html, revalidated on every use',
    async (path) => {
      const res = await app.request(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(await res.text()).toContain('<title>site</title>');
    },
  );

  it('serves hashed assets with a year-long immutable cache', async () => {
    const res = await app.request('/assets/index-AbC123.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await res.text()).toBe('console.log(1)');
  });

  it('serves the unhashed files of public/ revalidated, and answers 304 to a matching ETag', async () => {
    const first = await app.request('/mockServiceWorker.js');
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^W\/"/);
    const again = await app.request('/mockServiceWorker.js', { headers: { 'If-None-Match': etag! } });
    expect(again.status).toBe(304);
  });

  it.each(['/api/v1/nulle-part', '/api', '/verify/', '/ack/', '/accuse-reception/x', '/paiement/inconnu', '/demo/nulle-part'])(
    'leaves %s to the server (its 404), never the site',
    async (path) => {
      const res = await app.request(path);
      expect(res.status).toBe(404);
      expect(await res.text()).toBe('not found');
    },
  );

  it('keeps the server’s own routes first', async () => {
    expect(await (await app.request('/api/v1/healthz')).json()).toEqual({ ok: true });
    expect(await (await app.request('/verify/ABCDEFGHJK')).text()).toBe('verification page');
  });

  it.each(['/assets/absent.js', '/favicon.ico', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/assets/%00.js'])(
    'answers 404 for %s: a missing file, or one outside the site’s folder',
    async (path) => {
      const res = await app.request(path);
      expect(res.status).toBe(404);
    },
  );

  it('answers only GET and HEAD', async () => {
    expect((await app.request('/candidats', { method: 'POST' })).status).toBe(404);
    const head = await app.request('/assets/index-AbC123.js', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('14');
  });

  it('says how to build the site when playground/dist is missing', async () => {
    const res = await appWith(join(dist, 'absent')).request('/candidats');
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('npm run build -w playground');
  });
});

describe('what the deployment tells the site (§7.1 « Consulter l’aide »)', () => {
  const withHead = join(folder, 'with-head');
  mkdirSync(withHead, { recursive: true });
  writeFileSync(join(withHead, 'index.html'), '<!doctype html><html><head><title>site</title></head><body></body></html>');

  function configured(config: { helpUrl: string; supportEmail: string }) {
    const app = new Hono<AppEnv>();
    app.use('*', async (c, next) => {
      c.set('deps', { config: { ...DEFAULT_CONFIG, ...config } } as AppDeps);
      await next();
    });
    app.route('/', siteRoutes(withHead));
    return app;
  }

  it('writes HELP_URL and SUPPORT_EMAIL into every page of the site as <meta> tags, escaped', async () => {
    const app = configured({ helpUrl: 'https://aide.example.fr/admin?x="1"', supportEmail: 'support@example.fr' });
    for (const path of ['/', '/aide', '/commandes']) {
      const html = await (await app.request(path)).text();
      expect(html).toContain('<meta name="clr-help-url" content="https://aide.example.fr/admin?x=&quot;1&quot;" />');
      expect(html).toContain('<meta name="clr-support-email" content="support@example.fr" />');
      expect(html.indexOf('clr-help-url')).toBeLessThan(html.indexOf('</head>'));
    }
  });

  it('another configuration is another version of the page (its ETag changes)', async () => {
    const a = (await configured({ helpUrl: 'https://a.example.fr/', supportEmail: 'a@example.fr' }).request('/')).headers.get('etag');
    const b = (await configured({ helpUrl: 'https://b.example.fr/', supportEmail: 'a@example.fr' }).request('/')).headers.get('etag');
    expect(a).not.toBe(b);
    const again = await configured({ helpUrl: 'https://a.example.fr/', supportEmail: 'a@example.fr' }).request('/', { headers: { 'If-None-Match': a! } });
    expect(again.status).toBe(304);
  });
});
