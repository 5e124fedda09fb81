import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { createApp } from '../../src/app.js';
import { closeAll } from '../support/db.js';
import { callApp, makeCandidate, makeKit, spaceWithAdmin, type TestKit } from '../api/helpers.js';

/**
 * Finding 5: a NUL byte in `q` answered 500 on 8 list and export routes (the
 * full-text index rejects it), and the streamed exports then answered
 * `text/plain` with the raw Prisma message, logged as 200. `q` is now checked
 * like the names (control characters refused with 400 naming `q`), and every
 * streamed export fails with problem+json before its first byte.
 */
let kit: TestKit;
let made: Awaited<ReturnType<typeof spaceWithAdmin>>;
let groupId: string;

beforeAll(async () => {
  kit = await makeKit();
  made = await spaceWithAdmin(kit, 'Démo');
  await makeCandidate(kit.db, made.space.id, { lastName: 'Martin' });
  const group = await kit.call('POST', '/groups', { cookie: made.cookie, body: { name: 'Groupe du lundi', category: 'client' } });
  groupId = group.json.id;
});
afterAll(() => closeAll());

const SEARCHES = () => [
  '/candidates',
  '/candidates/export.csv',
  '/groups',
  '/groups/export.csv',
  `/groups/${groupId}/candidates`,
  `/groups/${groupId}/candidates/export.csv`,
  '/orders',
  '/orders/export.csv',
  '/activation-codes',
  '/activation-codes/candidates',
  '/activation-codes/export.csv',
  '/assignments/eligible?action=assign&',
  '/documents/report/eligible',
];

describe('control characters in the search q', () => {
  it.each(['mar%00tin', '%00', 'a%0Ab', 'x%09y', 'z%1B', 'del%7F'])('q=%s answers 400 naming q on every list and export, never 500', async (q) => {
    for (const path of SEARCHES()) {
      const url = `${path}${path.includes('?') ? '' : '?'}q=${q}`;
      const res = await kit.call('GET', url, { cookie: made.cookie });
      expect({ url, status: res.status, type: res.headers.get('content-type') }).toEqual({ url, status: 400, type: 'application/problem+json' });
      expect(res.json.errors).toEqual([{ path: 'q', message: 'La recherche ne doit pas contenir de caractère de contrôle (tabulation, retour à la ligne…).' }]);
    }
  });

  it('a search with accents, apostrophes and spaces is still a search', async () => {
    const res = await kit.call('GET', `/candidates?q=${encodeURIComponent("  Mart d'É  ")}`, { cookie: made.cookie });
    expect(res.status).toBe(200);
  });
});

describe('streamed exports that fail', () => {
  it('an export whose first page fails answers 500 problem+json before its first byte, never text/plain nor 200', async () => {
    const failing = new Proxy(kit.db, {
      get(target, prop, receiver) {
        const model = Reflect.get(target, prop, receiver) as object;
        if (prop !== 'candidate' && prop !== 'group' && prop !== 'order') return model;
        return new Proxy(model, {
          get(m, method) {
            if (method === 'findMany') return () => Promise.reject(Object.assign(new Error('Invalid `prisma.candidate.findMany()` invocation: null byte'), { code: 'P2010' }));
            return Reflect.get(m, method);
          },
        });
      },
    }) as Db;
    const logs: string[] = [];
    const app = createApp({ db: failing, now: kit.clock.now, config: { trustProxy: true, log: (line) => logs.push(line) } });
    for (const path of ['/candidates/export.csv', '/groups/export.csv', '/orders/export.csv', `/groups/${groupId}/candidates/export.csv`]) {
      logs.length = 0;
      const res = await callApp(app, 'GET', path, { cookie: made.cookie });
      expect({ path, status: res.status, type: res.headers.get('content-type') }).toEqual({ path, status: 500, type: 'application/problem+json' });
      expect(res.headers.get('content-disposition')).toBeNull();
      expect(res.text).not.toContain('prisma');
      expect(logs.some((line) => / 500 /.test(line))).toBe(true);
    }
  });
});

describe('control characters in a path id (found by the fuzz on PostgreSQL)', () => {
  it('a NUL in an id of the path or of the operator’s filter answers 400, never 500 (PostgreSQL refuses NUL in text)', async () => {
    for (const path of ['/groups/a%00b', '/groups/a%00b/candidates/export.csv', '/candidates/a%00b', '/orders/a%00b', `/groups/${groupId}/members/a%00b`]) {
      const res = await kit.call(path.endsWith('/members/a%00b') ? 'DELETE' : 'GET', path, { cookie: made.cookie });
      expect({ path, status: res.status, type: res.headers.get('content-type') }).toEqual({ path, status: 400, type: 'application/problem+json' });
    }
  });
});
