import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createClient, type ClientOptions } from '../client.js';
import { CANDIDATE_FORM_SECRETS } from '../drafts.js';
import { createMemoryCache, type CacheOptions, type ClrCache } from './cache.js';
import { createIdbCache } from './idb.js';
import { candidatePage, fakeApi, json, noContent, SESSION, type FakeApi } from '../../test/support/fake-api.js';

let n = 0;
const dbName = () => `clr-test-${++n}`;

function client(api: FakeApi, cache: ClrCache, options: Partial<ClientOptions> = {}) {
  return createClient({ baseUrl: 'https://clr.test', auth: { kind: 'apiKey', key: 'clr_key_a' }, fetch: api.fetch, retry: false, cache, ...options });
}

/** A promise and the function that resolves it: waits for a callback without sleeping. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe.each([
  ['IndexedDB', (options: CacheOptions = {}) => createIdbCache({ name: dbName(), ...options })],
  ['memory', (options: CacheOptions = {}) => createMemoryCache(options)],
])('list pages cache (%s): stale-while-revalidate', (_name, makeCache) => {
  it('serves the last page at once, then hands the fresh one to onUpdate', async () => {
    const cache = makeCache();
    const api = fakeApi(json(candidatePage(0, 2, null, 2)), json(candidatePage(0, 3, null, 3)));
    const c = client(api, cache);
    await c.candidates.list({ status: 'to_assign' });
    const updated = deferred<unknown>();
    const page = await c.candidates.list({ status: 'to_assign' }, { cache: 'swr', onUpdate: updated.resolve });
    expect(page.total).toBe(2);
    const fresh = (await updated.promise) as { total: number };
    expect(fresh.total).toBe(3);
    expect(api.sent).toHaveLength(2);
    // The fresh page is now the stored one: served at once next time, with nothing to update.
    let updates = 0;
    const again = await c.candidates.list({ status: 'to_assign' }, { cache: 'swr', onUpdate: () => updates++ });
    expect(again.total).toBe(3);
    await c.candidates.list({ status: 'to_assign' });
    expect(updates).toBe(0);
  });

  it('does not call onUpdate when nothing changed', async () => {
    const cache = makeCache();
    const api = fakeApi(json(candidatePage(0, 2, null, 2)));
    const c = client(api, cache);
    await c.candidates.list();
    let updates = 0;
    await c.candidates.list({}, { cache: 'swr', onUpdate: () => updates++ });
    // A third call waits for the network, so the second's revalidation has landed.
    await c.candidates.list();
    expect(api.sent).toHaveLength(3);
    expect(updates).toBe(0);
  });

  it('goes to the network when the page was never fetched, and with other filters', async () => {
    const cache = makeCache();
    const api = fakeApi(json(candidatePage(0, 1, null, 1)));
    const c = client(api, cache);
    await c.candidates.list({ status: 'taken' }, { cache: 'swr' });
    await c.candidates.list({ status: 'scheduled' }, { cache: 'swr' });
    expect(api.sent.map((s) => s.url.searchParams.get('status'))).toEqual(['taken', 'scheduled']);
  });

  it('reports a failed revalidation without failing the served page', async () => {
    const cache = makeCache();
    const api = fakeApi(json(candidatePage(0, 1, null, 1)), new TypeError('fetch failed'));
    const c = client(api, cache);
    await c.candidates.list();
    const failed = deferred<unknown>();
    const page = await c.candidates.list({}, { cache: 'swr', onRevalidateError: failed.resolve });
    expect(page.total).toBe(1);
    expect(await failed.promise).toMatchObject({ name: 'ClrNetworkError' });
  });

  it('never shows one API key’s pages to another', async () => {
    const cache = makeCache();
    const a = fakeApi(json(candidatePage(0, 2, null, 2)));
    await client(a, cache).candidates.list();
    const b = fakeApi(json(candidatePage(10, 1, null, 1)));
    const page = await client(b, cache, { auth: { kind: 'apiKey', key: 'clr_key_b' } }).candidates.list({}, { cache: 'swr' });
    expect(page.data.map((r) => r.id)).toEqual(['c10']);
    expect(b.sent).toHaveLength(1);
  });

  it('forgets the session’s pages and drafts at logout', async () => {
    const cache = makeCache();
    const api = fakeApi(
      json(SESSION, 200, { 'set-cookie': 'clr_session=t; Path=/' }),
      json(candidatePage(0, 2, null, 2)),
      noContent(),
      json(SESSION, 200, { 'set-cookie': 'clr_session=u; Path=/' }),
      json(candidatePage(0, 1, null, 1)),
    );
    const c = client(api, cache, { auth: { kind: 'session' } });
    await c.auth.login({ email: 'admin@demo.test', password: 'x' });
    await c.candidates.list();
    await c.drafts.save('candidate-form', { identity: { lastName: 'Martin' } });
    await c.auth.logout();
    await c.auth.login({ email: 'admin@demo.test', password: 'x' });
    expect(await c.drafts.load('candidate-form')).toBeUndefined();
    const page = await c.candidates.list({}, { cache: 'swr' });
    expect(page.total).toBe(1);
  });

  it('keeps at most maxPages pages, dropping the oldest', async () => {
    let t = 0;
    const small = makeCache({ maxPages: 2, now: () => ++t });
    await small.putPage('a', 1);
    await small.putPage('b', 2);
    await small.putPage('c', 3);
    expect(await small.getPage('a')).toBeUndefined();
    expect((await small.getPage('b'))?.value).toBe(2);
    expect((await small.getPage('c'))?.value).toBe(3);
  });
});

describe('drafts of the five-page candidate form (§6.3)', () => {
  const form = {
    identity: { civility: 'mme', lastName: "N'Diaye", firstName: 'Aïssatou', email: 'aissatou@exemple.fr', birthDate: '1994-03-17' },
    password: { value: 'secret1', confirmation: 'secret1', sendToCandidate: true },
    information: { status: 'employee' },
  };

  it('survives a reload: another client on the same IndexedDB finds the draft', async () => {
    const name = dbName();
    const before = client(fakeApi(), createIdbCache({ name }));
    await before.drafts.save('candidate:new', form);
    const after = client(fakeApi(), createIdbCache({ name }));
    expect(await after.drafts.load('candidate:new')).toEqual(form);
    expect((await after.drafts.list()).map((d) => d.key)).toEqual(['candidate:new']);
  });

  it('leaves the password out when asked, so it never rests in the browser', async () => {
    const c = client(fakeApi(), createIdbCache({ name: dbName() }));
    await c.drafts.save('candidate:new', form, { exclude: CANDIDATE_FORM_SECRETS });
    expect(await c.drafts.load('candidate:new')).toEqual({ ...form, password: { sendToCandidate: true } });
    expect(form.password.value).toBe('secret1');
  });

  it('is cleared once the candidate is created', async () => {
    const c = client(fakeApi(), createMemoryCache());
    await c.drafts.save('candidate:new', form);
    await c.drafts.clear('candidate:new');
    expect(await c.drafts.load('candidate:new')).toBeUndefined();
  });

  it('forgets a draft older than maxAgeMs', async () => {
    let t = 1_000;
    const cache = createMemoryCache({ now: () => t });
    const c = client(fakeApi(), cache);
    await c.drafts.save('candidate:new', form);
    t = Date.now() + 1;
    expect(await c.drafts.load('candidate:new', { maxAgeMs: 60_000 })).toBeUndefined();
    expect(await c.drafts.list()).toEqual([]);
  });

  it('keeps each space’s drafts apart', async () => {
    const cache = createMemoryCache();
    await client(fakeApi(), cache).drafts.save('candidate:new', form);
    expect(await client(fakeApi(), cache, { auth: { kind: 'apiKey', key: 'other' } }).drafts.load('candidate:new')).toBeUndefined();
  });

  it('works without a configured cache, for the page’s life', async () => {
    const c = createClient({ baseUrl: 'https://clr.test', auth: { kind: 'apiKey', key: 'k' } });
    await c.drafts.save('k', { a: 1 });
    expect(await c.drafts.load('k')).toEqual({ a: 1 });
  });
});
