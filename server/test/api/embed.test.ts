import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { closeAll } from '../support/db.js';
import { makeKit, type TestKit } from './helpers.js';

// A built bundle as `npm run build -w @clr/elements` writes it, and a file beside it that is never served.
const dir = mkdtempSync(join(tmpdir(), 'clr-embed-'));
const CODE = 'export const clr = 1;\n';
const manifest = { file: 'clr-elements.js', versioned: 'clr-elements-1.2.3-abcdef0123.js', integrity: 'sha384-test', bytes: CODE.length, gzipBytes: 30, version: '1.2.3' };
writeFileSync(join(dir, 'clr-elements.js'), CODE);
writeFileSync(join(dir, manifest.versioned), CODE);
writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
writeFileSync(join(dir, 'secret.txt'), 'secret');

let kit: TestKit;
beforeAll(async () => {
  kit = await makeKit();
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  return closeAll();
});

describe('/embed: the one-tag bundle for portals', () => {
  const app = () => createApp({ db: kit.db, siteDir: null, embedDir: dir });

  it('serves clr-elements.js to any origin as a module script, revalidated every five minutes', async () => {
    const res = await app().request('/embed/clr-elements.js', { headers: { origin: 'https://intranet.exemple.fr' } });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(CODE);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(res.headers.get('cache-control')).toBe('public, max-age=300, must-revalidate');
    const again = await app().request('/embed/clr-elements.js', { headers: { 'if-none-match': res.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });

  it('gzips it for a browser that accepts gzip, and says so', async () => {
    const res = await app().request('/embed/clr-elements.js', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
    expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8')).toBe(CODE);
    const plain = await app().request('/embed/clr-elements.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
  });

  it('serves the versioned copy as immutable, and the manifest with its SRI hash', async () => {
    const versioned = await app().request(`/embed/${manifest.versioned}`);
    expect(versioned.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const listed = await (await app().request('/embed/manifest.json')).json();
    expect(listed).toMatchObject({ integrity: 'sha384-test', url: '/embed/clr-elements.js', versionedUrl: `/embed/${manifest.versioned}` });
  });

  it('answers 404 problem+json for any other file, and when the bundle is not built', async () => {
    for (const path of ['/embed/secret.txt', '/embed/..%2Fsecret.txt', '/embed/clr-elements-9.9.9-forged.js']) {
      const res = await app().request(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    const missing = await createApp({ db: kit.db, siteDir: null, embedDir: join(dir, 'absent') }).request('/embed/clr-elements.js');
    expect(missing.status).toBe(404);
    expect((await missing.json()).detail).toMatch(/npm run build -w @clr\/elements/);
  });
});
