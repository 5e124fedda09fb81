import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import type { AppConfig } from '../../src/http/env.js';
import { closeAll } from '../support/db.js';
import { makeKit, spaceWithAdmin, type TestKit } from '../api/helpers.js';

/**
 * Finding 8: `/index.html` was served without the CSP, `frame-ancestors` and
 * `Referrer-Policy` that `/` has; no HSTS in production behind HTTPS; no
 * `X-Frame-Options`. Every HTML answer now carries the same headers.
 */
let kit: TestKit;
let cookie: string;
const folder = mkdtempSync(join(tmpdir(), 'clr-headers-'));
const dist = join(folder, 'dist');

beforeAll(async () => {
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>site</title>');
  writeFileSync(join(dist, 'aide.html'), '<!doctype html><title>aide</title>');
  writeFileSync(join(dist, 'assets', 'index-AbC123.js'), 'console.log(1)');
  kit = await makeKit();
  cookie = (await spaceWithAdmin(kit, 'Démo')).cookie;
});
afterAll(async () => {
  rmSync(folder, { recursive: true, force: true });
  await closeAll();
});

const app = (config: Partial<AppConfig> = {}, siteDir: string = dist): App => createApp({ db: kit.db, now: kit.clock.now, siteDir, config: { trustProxy: 1, log: () => undefined, ...config } });

function expectProtected(res: Response, path: string) {
  const h = (name: string) => res.headers.get(name);
  expect({ path, type: h('content-type') }).toEqual({ path, type: expect.stringMatching(/^text\/html/) });
  expect({ path, csp: h('content-security-policy') }).toEqual({ path, csp: expect.stringContaining("frame-ancestors 'none'") });
  expect({ path, referrer: h('referrer-policy') }).toEqual({ path, referrer: expect.stringMatching(/^(same-origin|no-referrer)$/) });
  expect({ path, frame: h('x-frame-options') }).toEqual({ path, frame: 'DENY' });
  expect({ path, sniff: h('x-content-type-options') }).toEqual({ path, sniff: 'nosniff' });
}

describe('headers of the HTML answers', () => {
  it('/index.html gets the same CSP, frame-ancestors and Referrer-Policy as /', async () => {
    const site = app();
    const root = await site.request('/');
    const index = await site.request('/index.html');
    expect(index.status).toBe(200);
    expectProtected(index, '/index.html');
    for (const name of ['content-security-policy', 'referrer-policy', 'x-frame-options']) expect(index.headers.get(name)).toBe(root.headers.get(name));
  });

  it.each(['/', '/index.html', '/aide.html', '/candidats', '/verify/ZZZZ9999', '/accuse-reception?token=inconnu', '/demo/boite-mail'])(
    '%s carries CSP with frame-ancestors, Referrer-Policy, X-Frame-Options: DENY and nosniff',
    async (path) => {
      const res = await app().request(path, { headers: { cookie, 'x-forwarded-for': '198.51.100.9' } });
      expectProtected(res, path);
    },
  );

  it('the page saying the site is not built is protected too', async () => {
    const res = await app({}, join(folder, 'absent')).request('/');
    expect(res.status).toBe(503);
    expectProtected(res, '/ (not built)');
  });

  it('HSTS in production behind HTTPS (the trusted proxy says https, or PUBLIC_URL is https), never over plain HTTP or outside production', async () => {
    const behindTls = await app({ production: true }).request('/', { headers: { 'x-forwarded-proto': 'https' } });
    expect(behindTls.headers.get('strict-transport-security')).toBe('max-age=31536000');
    const api = await app({ production: true, publicUrl: 'https://admin.exemple.fr' }).request('/api/v1/healthz');
    expect(api.headers.get('strict-transport-security')).toBe('max-age=31536000');
    const plain = await app({ production: true }).request('/');
    expect(plain.headers.get('strict-transport-security')).toBeNull();
    const untrusted = await app({ production: true, trustProxy: 0 }).request('/', { headers: { 'x-forwarded-proto': 'https' } });
    expect(untrusted.headers.get('strict-transport-security')).toBeNull();
    const dev = await app().request('/', { headers: { 'x-forwarded-proto': 'https' } });
    expect(dev.headers.get('strict-transport-security')).toBeNull();
  });
});
