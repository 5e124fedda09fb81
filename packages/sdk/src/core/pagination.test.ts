import { describe, expect, it } from 'vitest';
import { createClient } from '../client.js';
import { ClrResponseError } from './errors.js';
import { candidatePage, fakeApi, json, type FakeApi } from '../../test/support/fake-api.js';

const client = (api: FakeApi) =>
  createClient({ baseUrl: 'https://clr.test', auth: { kind: 'apiKey', key: 'k' }, fetch: api.fetch, retry: false });

/** Three pages of the candidates table: 2 + 2 + 1 rows. */
function threePages(): FakeApi {
  return fakeApi((sent) => {
    const cursor = sent.url.searchParams.get('cursor');
    if (cursor === null) return json(candidatePage(0, 2, 'p2', 5));
    if (cursor === 'p2') return json(candidatePage(2, 2, 'p3', 5));
    if (cursor === 'p3') return json(candidatePage(4, 1, null, 5));
    return new Error(`bad cursor ${cursor}`);
  });
}

describe('cursor pagination', () => {
  it('resolves a list call with the first page: data, nextCursor, total, counts', async () => {
    const api = threePages();
    const page = await client(api).candidates.list({ status: 'to_assign', limit: 2 });
    expect(page).toEqual(candidatePage(0, 2, 'p2', 5));
    expect(page.hasMore).toBe(true);
    expect(api.sent).toHaveLength(1);
  });

  it('walks every page with for await over the list call, keeping the filters', async () => {
    const api = threePages();
    const ids: string[] = [];
    for await (const candidate of client(api).candidates.list({ status: 'to_assign', limit: 2 })) ids.push(candidate.id);
    expect(ids).toEqual(['c0', 'c1', 'c2', 'c3', 'c4']);
    expect(api.sent.map((s) => s.url.search)).toEqual([
      '?status=to_assign&limit=2',
      '?status=to_assign&limit=2&cursor=p2',
      '?status=to_assign&limit=2&cursor=p3',
    ]);
  });

  it('walks from a page already fetched, and goes page by page with nextPage()', async () => {
    const api = threePages();
    const first = await client(api).candidates.list({ limit: 2 });
    const second = await first.nextPage()!;
    expect(second.data.map((c) => c.id)).toEqual(['c2', 'c3']);
    const third = await second.nextPage()!;
    expect(third.hasMore).toBe(false);
    expect(third.nextPage()).toBeNull();
    const fromSecond: string[] = [];
    for await (const c of second) fromSecond.push(c.id);
    expect(fromSecond).toEqual(['c2', 'c3', 'c4']);
  });

  it('listAll fetches a page only when the loop reaches it', async () => {
    const api = threePages();
    for await (const candidate of client(api).candidates.listAll({ limit: 2 })) {
      if (candidate.id === 'c1') break;
    }
    expect(api.sent).toHaveLength(1);
    expect(await client(api).candidates.listAll({ limit: 2 }).toArray()).toHaveLength(5);
  });

  it('toArray stops at its limit', async () => {
    const api = threePages();
    const some = await client(api).candidates.list({ limit: 2 }).toArray({ limit: 3 });
    expect(some.map((c) => c.id)).toEqual(['c0', 'c1', 'c2']);
    expect(api.sent).toHaveLength(2);
  });

  it('stops a server that hands back the same cursor forever', async () => {
    const api = fakeApi(json(candidatePage(0, 1, 'again', 9)));
    await expect(client(api).candidates.listAll().toArray()).rejects.toBeInstanceOf(ClrResponseError);
    expect(api.sent.map((s) => s.url.searchParams.get('cursor'))).toEqual([null, 'again']);
  });

  it('reports a failing page to the loop that walks it', async () => {
    const api = fakeApi(json({ data: 'nope' }));
    const walk = async () => {
      for await (const c of client(api).candidates.list()) void c;
    };
    await expect(walk()).rejects.toBeInstanceOf(ClrResponseError);
  });
});
