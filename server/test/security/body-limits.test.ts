import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAll } from '../support/db.js';
import { serveApp } from '../../src/http/limits.js';
import { makeKit, spaceWithAdmin, type TestKit } from '../api/helpers.js';

/**
 * Finding 4: an anonymous 50 MB `POST /auth/login` was read and parsed in full
 * (+110 MB of memory each). Bodies are now limited (1 MiB by default) and a
 * larger one answers 413 problem+json before the rest is read. Finding 9
 * (part): a 431 answer was empty; it is problem+json too.
 */
let kit: TestKit;
const MiB = 1024 * 1024;

beforeAll(async () => {
  kit = await makeKit();
});
afterAll(() => closeAll());

/** A body of `total` bytes handed over in 64 KB chunks, counting how many the server pulled. */
function countedBody(total: number) {
  const chunk = new Uint8Array(64 * 1024).fill(0x20);
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= total) return controller.close();
      pulled += chunk.length;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled: () => pulled };
}

describe('no body size limit', () => {
  it('an anonymous 50 MB login announced by Content-Length is refused with 413 problem+json without being read', async () => {
    const body = countedBody(50 * MiB);
    const res = await kit.app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(50 * MiB) },
      body: body.stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(await res.json()).toMatchObject({ status: 413, code: 'payload_too_large', detail: expect.stringContaining('1 Mo') });
    expect(body.pulled()).toBeLessThanOrEqual(64 * 1024);
  });

  it('a 50 MB login streamed without Content-Length is cut off just past the limit (413), the rest never read', async () => {
    const body = countedBody(50 * MiB);
    const res = await kit.app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: body.stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(body.pulled()).toBeLessThan(2 * MiB);
  });

  it('an administrator’s write above the limit is refused the same way, and nothing is written', async () => {
    const made = await spaceWithAdmin(kit, 'Démo');
    const res = await kit.call('POST', '/groups', { cookie: made.cookie, raw: JSON.stringify({ name: 'x'.repeat(2 * MiB), category: 'client' }) });
    expect(res.status).toBe(413);
    expect(await kit.db.group.count({ where: { spaceId: made.space.id } })).toBe(0);
  });

  it('a body under the limit is read as before', async () => {
    const made = await spaceWithAdmin(kit, 'Démo');
    const res = await kit.call('POST', '/groups', { cookie: made.cookie, raw: JSON.stringify({ name: 'Groupe du lundi', category: 'client', padding: ' '.repeat(MiB / 2) }) });
    expect(res.status).toBe(201);
  });

  it('the limit is configurable (BODY_LIMIT_BYTES)', async () => {
    const small = kit.instance({ bodyLimitBytes: 2048 });
    const res = await small.request('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'a@b.fr', password: 'x'.repeat(4096) }) });
    expect(res.status).toBe(413);
    expect((await res.json()).detail).toContain('2 Ko');
  });
});

describe('431 answers were empty', () => {
  it('headers above 64 KB get a 431 problem+json from the real server', async () => {
    const server = serveApp(kit.app.fetch, { port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    try {
      const { port } = server.address() as AddressInfo;
      const answer = await new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port, path: '/api/v1/healthz', headers: { 'x-padding': 'a'.repeat(80 * 1024) } }, (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
        });
        req.on('error', reject);
        req.end();
      });
      expect(answer.status).toBe(431);
      expect(answer.type).toBe('application/problem+json');
      expect(JSON.parse(answer.body)).toMatchObject({ status: 431, code: 'headers_too_large' });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
