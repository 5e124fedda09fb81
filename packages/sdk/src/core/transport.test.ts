import { describe, expect, it } from 'vitest';
import { createClient, type ClientOptions } from '../client.js';
import { ClrNetworkError, ConflictError, InternalServerError, RateLimitedError } from './errors.js';
import { apiUrlOf, searchParamsOf } from './transport.js';
import { newIdempotencyKey } from '../resources/orders.js';
import { ORDER, SESSION, fakeApi, json, noContent, problem, type FakeApi } from '../../test/support/fake-api.js';

const STOCK = { total: 10, byType: [{ examType: 'blank-remote', remaining: 10, lots: [{ orderId: 'o1', remaining: 10, expiresAt: '2027-03-10T09:00:00.000Z' }] }] };
const ASSIGNMENT = {
  id: 'asg_1',
  candidateId: 'c1',
  examType: 'blank-remote',
  scheduledAt: null,
  sessionId: null,
  deadline: '2027-03-10T09:00:00.000Z',
  activationCode: null,
  takenAt: null,
  createdAt: '2026-03-10T09:00:00.000Z',
  state: 'scheduled',
};
const unavailable = () => problem(503, { code: 'internal', detail: 'Indisponible.' });

function client(api: FakeApi, options: Partial<ClientOptions> = {}) {
  return createClient({
    baseUrl: 'https://clr.test',
    auth: { kind: 'apiKey', key: 'clr_key_test' },
    fetch: api.fetch,
    retry: { limit: 2, delayMs: () => 0 },
    ...options,
  });
}

describe('retries: idempotent calls only', () => {
  it.each([
    ['GET', (c: ReturnType<typeof client>) => c.stock.get(), json(STOCK)],
    ['PUT', (c: ReturnType<typeof client>) => c.assignments.modify('c1', { examType: 'blank-remote' }), json(ASSIGNMENT)],
    ['DELETE', (c: ReturnType<typeof client>) => c.groups.delete('g1'), noContent()],
  ] as const)('retries a %s the server could not answer, then succeeds', async (method, call, success) => {
    const api = fakeApi(unavailable(), unavailable(), success);
    await call(client(api));
    expect(api.sent.map((s) => s.method)).toEqual([method, method, method]);
  });

  it('retries a GET after a network failure', async () => {
    const api = fakeApi(new TypeError('fetch failed'), json(STOCK));
    await expect(client(api).stock.get()).resolves.toEqual(STOCK);
    expect(api.sent).toHaveLength(2);
  });

  it('gives up after the limit with the last error', async () => {
    const api = fakeApi(unavailable());
    await expect(client(api).stock.get()).rejects.toBeInstanceOf(InternalServerError);
    expect(api.sent).toHaveLength(3);
  });

  it.each([
    ['an assignment', (c: ReturnType<typeof client>) => c.assignments.assign('c1', { examType: 'blank-remote' })],
    ['a bulk assignment', (c: ReturnType<typeof client>) => c.assignments.bulk({ candidateIds: ['c1'], examType: 'blank-remote' })],
    ['a group', (c: ReturnType<typeof client>) => c.groups.create({ name: 'Classe A', category: 'class' })],
    ['a candidate update (PATCH)', (c: ReturnType<typeof client>) => c.candidates.update('c1', { information: { funding: 'cpf' } })],
  ] as const)('never retries a plain POST or PATCH: %s is sent once, even on a 503', async (_what, call) => {
    const api = fakeApi(unavailable());
    await expect(call(client(api))).rejects.toBeInstanceOf(InternalServerError);
    expect(api.sent).toHaveLength(1);
  });

  it('never retries a plain POST after a network failure either (the credit may be spent)', async () => {
    const api = fakeApi(new TypeError('fetch failed'));
    await expect(client(api).assignments.assign('c1', { examType: 'blank-remote' })).rejects.toBeInstanceOf(ClrNetworkError);
    expect(api.sent).toHaveLength(1);
  });

  it('does not retry an answer that will not change (409, 404, 400)', async () => {
    const api = fakeApi(problem(409, { code: 'conflict', detail: 'Déjà utilisé.' }));
    await expect(client(api).groups.delete('g1')).rejects.toBeInstanceOf(ConflictError);
    expect(api.sent).toHaveLength(1);
  });

  it('waits for a short Retry-After on 429, and hands a long one to the caller', async () => {
    const short = fakeApi(problem(429, { code: 'rate_limited' }, { 'retry-after': '0' }), json(STOCK));
    await expect(client(short).stock.get()).resolves.toEqual(STOCK);
    expect(short.sent).toHaveLength(2);
    const long = fakeApi(problem(429, { code: 'rate_limited' }, { 'retry-after': '900' }));
    await expect(client(long).stock.get()).rejects.toBeInstanceOf(RateLimitedError);
    expect(long.sent).toHaveLength(1);
  });

  it('retry: false sends every call once', async () => {
    const api = fakeApi(unavailable());
    await expect(client(api, { retry: false }).stock.get()).rejects.toBeInstanceOf(InternalServerError);
    expect(api.sent).toHaveLength(1);
  });
});

describe('orders.create: an Idempotency-Key, reused on retry (§4.3)', () => {
  it('generates a key and sends the same one on every retry, so the order is placed once', async () => {
    const api = fakeApi(new TypeError('socket hang up'), unavailable(), json(ORDER, 201));
    const order = await client(api).orders.create({ lines: [{ productId: 'prod_1', quantity: 4 }] });
    expect(order.number).toBe('P2026-0001');
    const keys = api.sent.map((s) => s.headers.get('idempotency-key'));
    expect(keys).toHaveLength(3);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(keys).size).toBe(1);
    expect(api.sent.every((s) => JSON.stringify(s.body) === JSON.stringify({ lines: [{ productId: 'prod_1', quantity: 4 }] }))).toBe(true);
  });

  it('draws a version 4 UUID even where crypto.randomUUID is missing (a page over plain http)', () => {
    const original = globalThis.crypto.randomUUID;
    try {
      Object.defineProperty(globalThis.crypto, 'randomUUID', { value: undefined, configurable: true });
      const keys = new Set(Array.from({ length: 50 }, () => newIdempotencyKey()));
      expect(keys.size).toBe(50);
      for (const key of keys) expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    } finally {
      Object.defineProperty(globalThis.crypto, 'randomUUID', { value: original, configurable: true });
    }
  });

  it('uses a new key for each new order', async () => {
    const api = fakeApi(json(ORDER, 201));
    const c = client(api);
    await c.orders.create({ lines: [{ productId: 'prod_1', quantity: 1 }] });
    await c.orders.create({ lines: [{ productId: 'prod_1', quantity: 1 }] });
    expect(api.sent[0]!.headers.get('idempotency-key')).not.toBe(api.sent[1]!.headers.get('idempotency-key'));
  });

  it('sends the caller’s own key when given (to retry across restarts)', async () => {
    const api = fakeApi(json(ORDER, 200));
    await client(api).orders.create({ lines: [{ productId: 'prod_1', quantity: 4 }] }, { idempotencyKey: 'commande-2026-03-10' });
    expect(api.sent[0]!.headers.get('idempotency-key')).toBe('commande-2026-03-10');
  });

  it('does not send an Idempotency-Key with other calls', async () => {
    const api = fakeApi(json(ORDER));
    await client(api).orders.checkout('ord_1').catch(() => undefined);
    expect(api.sent[0]!.headers.get('idempotency-key')).toBeNull();
  });
});

describe('AbortSignal on every call', () => {
  it('rejects with an AbortError, without calling, when the signal is already aborted', async () => {
    const api = fakeApi(json(STOCK));
    const controller = new AbortController();
    controller.abort();
    const error = await client(api).stock.get({ signal: controller.signal }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'AbortError' });
    expect(api.sent).toHaveLength(0);
  });

  it('stops waiting for a retry when aborted, and sends nothing more', async () => {
    const controller = new AbortController();
    const api = fakeApi(() => {
      queueMicrotask(() => controller.abort());
      return unavailable();
    });
    const slow = client(api, { retry: { limit: 5, delayMs: () => 60_000 } });
    const error = await slow.stock.get({ signal: controller.signal }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'AbortError' });
    expect(api.sent).toHaveLength(1);
  });

  it('rejects with the signal’s own reason when it has one', async () => {
    const controller = new AbortController();
    const reason = new Error('page quittée');
    const api = fakeApi(() => {
      controller.abort(reason);
      return new DOMException('aborted', 'AbortError');
    });
    await expect(client(api).candidates.retrieve('c1', { signal: controller.signal })).rejects.toBe(reason);
  });
});

describe('authentication', () => {
  it('sends an API key or an embed token as Bearer, without cookies', async () => {
    const api = fakeApi(json(STOCK));
    await client(api).stock.get();
    await client(api, { auth: { kind: 'embedToken', token: 'emb_123' } }).stock.get();
    expect(api.sent.map((s) => s.headers.get('authorization'))).toEqual(['Bearer clr_key_test', 'Bearer emb_123']);
  });

  it("fetches an embed token from the portal's back end once for concurrent calls, and sends it as Bearer", async () => {
    const api = fakeApi(json(STOCK));
    let fetched = 0;
    const fetchToken = async () => {
      fetched += 1;
      return { token: `emb_${fetched}`, expiresAt: new Date(Date.now() + 15 * 60_000).toISOString() };
    };
    const c = client(api, { auth: { kind: 'embedToken', fetchToken } });
    await Promise.all([c.stock.get(), c.stock.get(), c.stock.get()]);
    await c.stock.get();
    expect(fetched).toBe(1);
    expect(api.sent.map((s) => s.headers.get('authorization'))).toEqual(['Bearer emb_1', 'Bearer emb_1', 'Bearer emb_1', 'Bearer emb_1']);
  });

  it('fetches a new embed token a minute before the current one expires', async () => {
    const api = fakeApi(json(STOCK));
    let fetched = 0;
    // Each token ends in 30 s: inside the one-minute margin, so every call needs a fresh one.
    const fetchToken = async () => ({ token: `emb_${(fetched += 1)}`, expiresAt: new Date(Date.now() + 30_000).toISOString() });
    const c = client(api, { auth: { kind: 'embedToken', fetchToken } });
    await c.stock.get();
    await c.stock.get();
    expect(api.sent.map((s) => s.headers.get('authorization'))).toEqual(['Bearer emb_1', 'Bearer emb_2']);
  });

  it('on a 401, fetches a new embed token and sends the request once more; a second 401 is the caller’s', async () => {
    const expired = () => problem(401, { code: 'unauthenticated', detail: "Jeton d'intégration invalide ou expiré." });
    const api = fakeApi(expired(), json(STOCK));
    let fetched = 0;
    const c = client(api, { auth: { kind: 'embedToken', fetchToken: async () => `emb_${(fetched += 1)}` } });
    expect(await c.stock.get()).toMatchObject({ total: 10 });
    expect(api.sent.map((s) => s.headers.get('authorization'))).toEqual(['Bearer emb_1', 'Bearer emb_2']);
    const refused = fakeApi(expired());
    const other = client(refused, { auth: { kind: 'embedToken', fetchToken: async () => 'emb_revoked' } });
    await expect(other.stock.get()).rejects.toMatchObject({ name: 'UnauthenticatedError', status: 401 });
    expect(refused.sent).toHaveLength(2);
  });

  it('a token endpoint that fails is a network error naming it, and the next call asks again', async () => {
    const api = fakeApi(json(STOCK));
    let calls = 0;
    const fetchToken = async () => {
      calls += 1;
      if (calls === 1) throw new Error('503 du portail');
      return 'emb_ok';
    };
    const c = client(api, { auth: { kind: 'embedToken', fetchToken } });
    await expect(c.stock.get()).rejects.toBeInstanceOf(ClrNetworkError);
    await expect(c.stock.get()).resolves.toMatchObject({ total: 10 });
    expect(api.sent).toHaveLength(1);
  });

  it('refuses an embed-token client with neither a token nor a function', () => {
    expect(() => createClient({ baseUrl: 'https://clr.test', auth: { kind: 'embedToken', token: '' } })).toThrow(/jeton est vide/);
    expect(() => createClient({ baseUrl: 'https://clr.test', auth: { kind: 'embedToken', fetchToken: 'nope' as never } })).toThrow(/fetchToken/);
  });

  it('keeps the session cookie of a login in Node and sends it back, until logout', async () => {
    const api = fakeApi(
      json(SESSION, 200, { 'set-cookie': 'clr_session=tok123; Path=/; HttpOnly; SameSite=Lax' }),
      json(STOCK),
      noContent({ 'set-cookie': 'clr_session=; Max-Age=0; Path=/' }),
      problem(401, { code: 'unauthenticated', detail: 'Vous devez être connecté.' }),
    );
    const c = client(api, { auth: { kind: 'session' } });
    expect(await c.auth.login({ email: 'admin@demo.test', password: 'Demo-admin-1' })).toEqual(SESSION);
    expect(c.auth.sessionCookie).toBe('clr_session=tok123');
    await c.stock.get();
    expect(api.sent[1]!.headers.get('cookie')).toBe('clr_session=tok123');
    expect(api.sent[1]!.headers.get('authorization')).toBeNull();
    await c.auth.logout();
    expect(c.auth.sessionCookie).toBeNull();
    await c.stock.get().catch(() => undefined);
    expect(api.sent[3]!.headers.get('cookie')).toBeNull();
  });

  it('resumes a session from a cookie kept elsewhere', async () => {
    const api = fakeApi(json(STOCK));
    const c = client(api, { auth: { kind: 'session' } });
    c.auth.sessionCookie = 'clr_session=abc';
    await c.stock.get();
    expect(api.sent[0]!.headers.get('cookie')).toBe('clr_session=abc');
  });

  it('refuses a client without credentials', () => {
    expect(() => createClient({ baseUrl: 'https://clr.test', auth: { kind: 'apiKey', key: '' } })).toThrow(TypeError);
    expect(() => createClient({ baseUrl: 'https://clr.test', auth: { kind: 'password' } as never })).toThrow(TypeError);
  });
});

describe('requests', () => {
  it.each([
    ['https://clr.test', 'https://clr.test/api/v1'],
    ['https://clr.test/', 'https://clr.test/api/v1'],
    ['https://clr.test/api/v1/', 'https://clr.test/api/v1'],
    ['https://partenaire.fr/clr', 'https://partenaire.fr/clr/api/v1'],
    ['', '/api/v1'],
  ])('reads baseUrl %j as the API root %s', (base, api) => {
    expect(apiUrlOf(base)).toBe(api);
  });

  it('writes lists comma-separated and booleans as true/false, leaving out what is not set', () => {
    expect(searchParamsOf({ candidateIds: ['a', 'b'], includeHidden: true, q: undefined, groupId: null, limit: 20 }).toString()).toBe(
      'candidateIds=a%2Cb&includeHidden=true&limit=20',
    );
  });

  it('says a relative baseUrl cannot work outside a browser, without retrying it as a network failure', async () => {
    const c = createClient({ baseUrl: '', auth: { kind: 'apiKey', key: 'k' }, retry: { limit: 2, delayMs: () => 0 } });
    const error = await c.stock.get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(error).not.toBeInstanceOf(ClrNetworkError);
    expect((error as Error).message).toMatch(/baseUrl/);
  });

  it('encodes ids in paths', async () => {
    const api = fakeApi(noContent());
    await client(api).groups.removeMember('g/1', 'c 2');
    expect(api.sent[0]!.url.pathname).toBe('/api/v1/groups/g%2F1/members/c%202');
  });

  it('sends the filters of the candidates table as the query', async () => {
    const api = fakeApi(json({ data: [], nextCursor: null, total: 0, counts: { to_assign: 0, scheduled: 0, expired: 0, taken: 0 } }));
    await client(api).candidates.list({ status: 'scheduled', q: 'martin', includeHidden: true, sort: '-date', limit: 10 });
    expect(Object.fromEntries(api.sent[0]!.url.searchParams)).toEqual({ status: 'scheduled', q: 'martin', includeHidden: 'true', sort: '-date', limit: '10' });
  });

  it('sends DELETE …/assignment?notify=true to inform the candidate', async () => {
    const api = fakeApi(noContent());
    await client(api).assignments.remove('c1', { notify: true });
    expect(`${api.sent[0]!.method} ${api.sent[0]!.url.pathname}${api.sent[0]!.url.search}`).toBe('DELETE /api/v1/candidates/c1/assignment?notify=true');
  });
});

describe('downloads', () => {
  it('returns the CSV as a file with its name, byte order mark kept (R20)', async () => {
    const csv = '\ufeffNom;Courriel\r\nMartin;louise@exemple.fr\r\n';
    const api = fakeApi(
      new Response(csv, {
        headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': "attachment; filename=\"x.csv\"; filename*=UTF-8''candidats%20%C3%A9t%C3%A9.csv" },
      }),
    );
    const file = await client(api).candidates.exportCsv({ status: 'taken' });
    expect(api.sent[0]!.headers.get('accept')).toBe('text/csv');
    expect(file.filename).toBe('candidats été.csv');
    expect(file.contentType).toBe('text/csv; charset=utf-8');
    expect(await file.text()).toBe(csv);
    expect([...(await file.bytes()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('asks for the merged PDF of the chosen candidates', async () => {
    const api = fakeApi(new Response(new Uint8Array([0x25, 0x50, 0x44, 0x46]), { headers: { 'content-type': 'application/pdf' } }));
    const file = await client(api).documents.download('report', ['c1', 'c2']);
    expect(`${api.sent[0]!.url.pathname}${api.sent[0]!.url.search}`).toBe('/api/v1/documents/report?candidateIds=c1%2Cc2');
    expect(file.filename).toBeNull();
    expect(new TextDecoder().decode(await file.arrayBuffer())).toBe('%PDF');
  });
});
