import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signWebhook } from '../../src/services/payments.js';
import { closeAll } from '../support/db.js';
import { callApp, makeKit, makeProduct, spaceWithAdmin, type TestKit } from './helpers.js';

const SECRET = 'whsec_centre_de_paiement';
let kit: TestKit;

beforeAll(async () => {
  kit = await makeKit({ paymentWebhookSecret: SECRET, paymentUrl: 'https://paiement.exemple.test/commande' });
});
afterAll(() => closeAll());

async function pendingOrder() {
  const made = await spaceWithAdmin(kit);
  const product = await makeProduct(kit.db, made.space.id, { unitPriceHt: 7100 });
  const order = await kit.call('POST', '/orders', { cookie: made.cookie, body: { lines: [{ productId: product.id, quantity: 4 }] } });
  return { ...made, order: order.json as { id: string; number: string } };
}

function webhook(body: unknown, options: { secret?: string; at?: number; raw?: string } = {}) {
  const raw = options.raw ?? JSON.stringify(body);
  const at = options.at ?? Math.floor(kit.clock.now().getTime() / 1000);
  return kit.call('POST', '/payments/webhook', { raw, headers: { 'x-clr-signature': signWebhook(options.secret ?? SECRET, raw, at) } });
}

describe('POST /orders/:id/checkout (§4.1 « Valider et régler une commande »)', () => {
  it('R3 gives the payment centre’s address; the order stays « En cours »', async () => {
    const { cookie, order } = await pendingOrder();
    const res = await kit.call('POST', `/orders/${order.id}/checkout`, { cookie });
    expect(res.status).toBe(200);
    const url = new URL(res.json.url);
    expect(`${url.origin}${url.pathname}`).toBe('https://paiement.exemple.test/commande');
    expect(url.searchParams.get('commande')).toBe(order.number);
    expect(url.searchParams.get('reference')).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const again = await kit.call('POST', `/orders/${order.id}/checkout`, { cookie });
    expect(again.json.url).toBe(res.json.url);
    expect((await kit.call('GET', `/orders/${order.id}`, { cookie })).json.status).toBe('pending');
  });

  it('answers 404 for another space’s order', async () => {
    const { order } = await pendingOrder();
    const other = await spaceWithAdmin(kit, 'Autre');
    const res = await kit.call('POST', `/orders/${order.id}/checkout`, { cookie: other.cookie });
    expect(res.status).toBe(404);
  });
});

describe('POST /payments/webhook (R3: a confirmed payment delivers the order)', () => {
  async function referenceOf(cookie: string, orderId: string): Promise<string> {
    const res = await kit.call('POST', `/orders/${orderId}/checkout`, { cookie });
    return new URL(res.json.url).searchParams.get('reference')!;
  }

  it('R3 a signed « paid » delivers the order and its credits; a retried call changes nothing', async () => {
    const { cookie, order, space } = await pendingOrder();
    const reference = await referenceOf(cookie, order.id);
    const res = await webhook({ reference, status: 'paid' });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ received: true, delivered: true });
    expect((await kit.call('GET', `/orders/${order.id}`, { cookie })).json).toMatchObject({ status: 'delivered', section: 'to_consume' });
    expect((await kit.call('GET', '/stock', { cookie })).json.total).toBe(4);
    const retry = await webhook({ reference, status: 'paid' });
    expect(retry.json).toEqual({ received: true, delivered: false });
    expect(await kit.db.creditLot.count({ where: { spaceId: space.id } })).toBe(1);
    const checkoutAgain = await kit.call('POST', `/orders/${order.id}/checkout`, { cookie });
    expect(checkoutAgain.status).toBe(409);
  });

  it('R3 a failed payment leaves the order « En cours »', async () => {
    const { cookie, order } = await pendingOrder();
    const reference = await referenceOf(cookie, order.id);
    expect((await webhook({ reference, status: 'failed' })).json).toEqual({ received: true, delivered: false });
    expect((await kit.call('GET', `/orders/${order.id}`, { cookie })).json.status).toBe('pending');
  });

  it.each([
    ['a wrong secret', { secret: 'pas-le-bon' }],
    ['a signature older than 5 minutes', { at: Math.floor(Date.parse('2026-03-10T08:50:00Z') / 1000) }],
  ])('refuses %s (403 forbidden) and delivers nothing', async (_label, options) => {
    const { cookie, order } = await pendingOrder();
    const reference = await referenceOf(cookie, order.id);
    const res = await webhook({ reference, status: 'paid' }, options);
    expect(res.status).toBe(403);
    expect(res.json.code).toBe('forbidden');
    expect((await kit.call('GET', `/orders/${order.id}`, { cookie })).json.status).toBe('pending');
  });

  it('refuses an unsigned call, and every call when no secret is configured', async () => {
    const unsigned = await kit.call('POST', '/payments/webhook', { body: { reference: 'x', status: 'paid' } });
    expect(unsigned.status).toBe(403);
    const raw = JSON.stringify({ reference: 'x', status: 'paid' });
    const bare = kit.instance({ paymentWebhookSecret: undefined });
    const res = await callApp(bare, 'POST', '/payments/webhook', { raw, headers: { 'x-clr-signature': signWebhook('', raw, Math.floor(kit.clock.now().getTime() / 1000)) } });
    expect(res.status).toBe(403);
  });

  it('answers 404 for an unknown reference and 400 naming a bad field', async () => {
    expect((await webhook({ reference: 'inconnue', status: 'paid' })).status).toBe(404);
    const bad = await webhook({ reference: 'x', status: 'peut-être' });
    expect(bad.status).toBe(400);
    expect(bad.json.errors.map((e: { path: string }) => e.path)).toEqual(['status']);
  });
});
