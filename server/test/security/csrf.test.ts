import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAll } from '../support/db.js';
import { login, makeAdmin, makeApiKey, makeKit, makeProduct, spaceWithAdmin, type TestKit } from '../api/helpers.js';

/**
 * Finding 6: CSRF rested on `SameSite=Lax` alone, and body-less POSTs accepted
 * a form of another site: `/operator/orders/:id/deliver` delivered credits
 * without payment, `/orders/:id/checkout`, `/auth/logout`. Every unsafe
 * request acting with the session cookie now has to come from the site's own
 * origin; API keys and embed tokens are unaffected.
 */
let kit: TestKit;
let shop: Awaited<ReturnType<typeof spaceWithAdmin>>;
let operator: string;
let productId: string;

/** What a browser sends when a page of another site submits a form to us. */
const FOREIGN_FORM = { origin: 'https://pirate.example', 'sec-fetch-site': 'cross-site', 'content-type': 'application/x-www-form-urlencoded' };
/** What the admin site's own pages send. */
const OWN_PAGE = { origin: 'http://localhost', 'sec-fetch-site': 'same-origin' };

beforeAll(async () => {
  kit = await makeKit();
  shop = await spaceWithAdmin(kit, 'Démo');
  productId = (await makeProduct(kit.db, shop.space.id)).id;
  const op = await makeAdmin(kit.db, { role: 'operator' });
  operator = await login(kit, op.email, op.password, '203.0.113.240');
});
afterAll(() => closeAll());

async function pendingOrder(): Promise<string> {
  const res = await kit.call('POST', '/orders', { cookie: shop.cookie, body: { lines: [{ productId, quantity: 2 }] }, headers: OWN_PAGE });
  expect(res.status).toBe(201);
  return res.json.id as string;
}

describe('cross-site request forgery with the session cookie', () => {
  it("a form of another site cannot make the operator deliver an unpaid order (403, no credit delivered)", async () => {
    const id = await pendingOrder();
    const res = await kit.call('POST', `/operator/orders/${id}/deliver`, { cookie: operator, headers: FOREIGN_FORM });
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.json.code).toBe('forbidden');
    expect((await kit.db.order.findUniqueOrThrow({ where: { id } })).status).toBe('pending');
    expect(await kit.db.creditLot.count({ where: { orderId: id } })).toBe(0);
  });

  it('a browser that sends only Sec-Fetch-Site: cross-site (no Origin) is refused too', async () => {
    const id = await pendingOrder();
    const res = await kit.call('POST', `/operator/orders/${id}/deliver`, { cookie: operator, headers: { 'sec-fetch-site': 'cross-site' } });
    expect(res.status).toBe(403);
    expect((await kit.db.order.findUniqueOrThrow({ where: { id } })).status).toBe('pending');
  });

  it('a sibling site (same-site, another origin) is refused', async () => {
    const id = await pendingOrder();
    const res = await kit.call('POST', `/orders/${id}/checkout`, { cookie: shop.cookie, headers: { origin: 'https://blog.localhost', 'sec-fetch-site': 'same-site' } });
    expect(res.status).toBe(403);
  });

  it("a form of another site cannot start a checkout nor log the administrator out", async () => {
    const id = await pendingOrder();
    expect((await kit.call('POST', `/orders/${id}/checkout`, { cookie: shop.cookie, headers: FOREIGN_FORM })).status).toBe(403);
    expect((await kit.call('POST', '/auth/logout', { cookie: shop.cookie, headers: FOREIGN_FORM })).status).toBe(403);
    expect((await kit.call('GET', '/me', { cookie: shop.cookie })).status).toBe(200);
  });

  it('a page of another site cannot log a browser into an account (login CSRF)', async () => {
    const res = await kit.call('POST', '/auth/login', { body: { email: shop.admin.email, password: shop.admin.password }, headers: { origin: 'https://pirate.example' } });
    expect(res.status).toBe(403);
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it("the admin site's own pages keep working: same origin, by Sec-Fetch-Site or by Origin alone", async () => {
    const id = await pendingOrder();
    expect((await kit.call('POST', `/orders/${id}/checkout`, { cookie: shop.cookie, headers: { 'sec-fetch-site': 'same-origin' } })).status).toBe(200);
    expect((await kit.call('POST', `/orders/${id}/checkout`, { cookie: shop.cookie, headers: { origin: 'http://localhost' } })).status).toBe(200);
    const delivered = await kit.call('POST', `/operator/orders/${id}/deliver`, { cookie: operator, headers: OWN_PAGE });
    expect(delivered.status).toBe(200);
  });

  it('PUBLIC_URL is an own origin (the site behind a TLS proxy)', async () => {
    const behind = kit.instance({ publicUrl: 'https://admin.exemple.fr' });
    const cookie = await login(kit, shop.admin.email, shop.admin.password, '203.0.113.241');
    const res = await behind.request('/api/v1/auth/logout', { method: 'POST', headers: { origin: 'https://admin.exemple.fr', cookie } });
    expect(res.status).toBe(204);
  });

  it('a program without Origin nor Sec-Fetch-Site (curl with a cookie jar) is not a forgery', async () => {
    const id = await pendingOrder();
    expect((await kit.call('POST', `/orders/${id}/checkout`, { cookie: shop.cookie })).status).toBe(200);
  });

  it('an API key works from any origin: it is no cookie a browser adds by itself', async () => {
    const key = await makeApiKey(kit.db, { spaceId: shop.space.id });
    const res = await kit.call('POST', '/orders', { bearer: key.secret, body: { lines: [{ productId, quantity: 1 }] }, headers: { origin: 'https://intranet.partenaire.fr', 'sec-fetch-site': 'cross-site' } });
    expect(res.status).toBe(201);
  });
});
