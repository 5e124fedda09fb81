import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAll } from '../support/db.js';
import { makeApiKey, makeCandidate, makeKit, makeLot, makeProduct, spaceWithAdmin, type TestKit } from './helpers.js';

/**
 * Tenant isolation: « Démo » and « Autre » each hold data; every route that
 * takes an id answers 404 for the other space's id (never 403: that would
 * confirm it exists), and no list ever shows the other space's rows — for a
 * session and for an API key alike.
 */
let kit: TestKit;
const demo: { cookie: string; key: string; orderId: string; productId: string; spaceId: string } = {} as never;
const autre: typeof demo = {} as never;

beforeAll(async () => {
  kit = await makeKit();
  for (const [name, into] of [
    ['Démo', demo],
    ['Autre', autre],
  ] as const) {
    const made = await spaceWithAdmin(kit, name);
    const product = await makeProduct(kit.db, made.space.id, { name: `Produit ${name}` });
    const { order } = await makeLot(kit.db, made.space.id, { quantity: name === 'Démo' ? 7 : 5, expiresAt: new Date('2027-01-01T00:00:00Z') });
    await makeCandidate(kit.db, made.space.id, { lastName: name });
    await kit.db.group.create({ data: { spaceId: made.space.id, name: `Groupe ${name}`, nameKey: `groupe ${name}`, category: 'client' } });
    Object.assign(into, {
      cookie: made.cookie,
      key: (await makeApiKey(kit.db, { spaceId: made.space.id })).secret,
      orderId: order.id,
      productId: product.id,
      spaceId: made.space.id,
    });
  }
});
afterAll(() => closeAll());

describe('keys of another space', () => {
  it('DELETE /api-keys/:id with the other space’s key answers 404; the key list shows only the space’s keys', async () => {
    const theirs = await kit.db.apiKey.findFirstOrThrow({ where: { spaceId: autre.spaceId } });
    expect((await kit.call('DELETE', `/api-keys/${theirs.id}`, { cookie: demo.cookie })).status).toBe(404);
    const list = await kit.call('GET', '/api-keys', { cookie: demo.cookie });
    expect(list.json.data.map((k: { id: string }) => k.id)).not.toContain(theirs.id);
    expect(list.json.total).toBe(1);
  });
});

const asSession = () => ({ cookie: demo.cookie });
const asKey = () => ({ bearer: demo.key });

describe.each([
  ['a session', asSession],
  ['an API key', asKey],
])('tenant isolation, called with %s of « Démo »', (_label, auth) => {
  it.each([
    ['GET', () => `/orders/${autre.orderId}`],
    ['POST', () => `/orders/${autre.orderId}/checkout`],
  ])('%s on another space’s id answers 404', async (method, path) => {
    const res = await kit.call(method, path(), auth());
    expect(res.status).toBe(404);
    expect(res.json.code).toBe('not_found');
  });

  it('its own order is found', async () => {
    expect((await kit.call('GET', `/orders/${demo.orderId}`, auth())).status).toBe(200);
  });

  it('the orders list never shows the other space’s orders', async () => {
    const res = await kit.call('GET', '/orders', auth());
    expect(res.json.data.map((o: { id: string }) => o.id)).toEqual([demo.orderId]);
  });

  it('the orders export never shows the other space’s orders', async () => {
    const res = await kit.call('GET', '/orders/export.csv', auth());
    const numbers = res.text.split('\r\n').slice(1, -1).map((line) => line.split(';')[0]);
    expect(numbers).toHaveLength(1);
    expect(numbers[0]).toBe((await kit.db.order.findUniqueOrThrow({ where: { id: demo.orderId } })).number);
  });

  it('the products list never shows the other space’s products', async () => {
    const res = await kit.call('GET', '/products', auth());
    expect(res.json.data.map((p: { id: string }) => p.id)).toEqual([demo.productId]);
  });

  it('the stock and the dashboard count only the space’s own lots, candidates and groups', async () => {
    expect((await kit.call('GET', '/stock', auth())).json.total).toBe(7);
    const dashboard = (await kit.call('GET', '/dashboard', auth())).json;
    expect(dashboard.stock.total).toBe(7);
    expect(dashboard.candidates.total).toBe(1);
    expect(dashboard.groups.total).toBe(1);
  });

  it('ordering the other space’s product is refused (R1) and nothing is written there', async () => {
    const res = await kit.call('POST', '/orders', { ...auth(), body: { lines: [{ productId: autre.productId, quantity: 1 }] } });
    expect(res.status).toBe(400);
    expect(await kit.db.order.count({ where: { spaceId: autre.spaceId } })).toBe(1);
  });

  it('a space in the request is ignored: the space comes from the session or key', async () => {
    const res = await kit.call('GET', `/orders?spaceId=${autre.spaceId}`, { ...auth(), headers: { 'x-space-id': autre.spaceId } });
    expect(res.json.data.map((o: { id: string }) => o.id)).toEqual([demo.orderId]);
  });
});
