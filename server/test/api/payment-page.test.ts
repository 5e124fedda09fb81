import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { DEFAULT_CONFIG, parsePaymentProvider } from '../../src/http/env.js';
import { simulatedProvider, type PaymentProvider } from '../../src/services/payment-provider.js';
import { signWebhook, verifySignature } from '../../src/services/payments.js';
import { closeAll } from '../support/db.js';
import { callApp, makeKit, makeProduct, spaceWithAdmin, type TestKit } from './helpers.js';

/**
 * R3, §4.1 « Valider et régler », §4.3: the simulated payment centre. Its
 * page shows the order and its amount; « Payer » makes the server send itself
 * the signed webhook, which delivers the order once; « Annuler » leaves it
 * « En cours », to be checked out again. No webhook secret is configured here:
 * in development the simulated centre signs with a per-process random one.
 */
let kit: TestKit;

beforeAll(async () => {
  kit = await makeKit({ publicUrl: 'https://admin.exemple.test' });
});
afterAll(() => closeAll());

async function pendingOrder() {
  const made = await spaceWithAdmin(kit);
  const product = await makeProduct(kit.db, made.space.id, { unitPriceHt: 7100 });
  const order = await kit.call('POST', '/orders', { cookie: made.cookie, body: { lines: [{ productId: product.id, quantity: 4 }] } });
  expect(order.status).toBe(201);
  const checkout = await kit.call('POST', `/orders/${order.json.id}/checkout`, { cookie: made.cookie });
  expect(checkout.status).toBe(200);
  return { ...made, order: order.json as { id: string; number: string }, url: new URL(checkout.json.url as string) };
}

/** A page request, from the browser's side (no `/api/v1` prefix). */
async function visit(path: string, init: { form?: Record<string, string>; app?: App } = {}) {
  const body = init.form ? new URLSearchParams(init.form).toString() : undefined;
  const res = await (init.app ?? kit.app).request(path, {
    method: body === undefined ? 'GET' : 'POST',
    ...(body === undefined ? {} : { body, headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
  });
  return { status: res.status, headers: res.headers, html: await res.text() };
}

const pagePath = (url: URL) => `${url.pathname}${url.search}`;
const formOf = (url: URL) => ({ order: url.searchParams.get('order')!, reference: url.searchParams.get('reference')! });

describe('POST /orders/:id/checkout with the simulated centre', () => {
  it('R3 sends to /paiement with the order id, its number, its TTC amount and its payment reference', async () => {
    const { order, url } = await pendingOrder();
    expect(`${url.origin}${url.pathname}`).toBe(DEFAULT_CONFIG.paymentUrl);
    expect(url.searchParams.get('order')).toBe(order.id);
    expect(url.searchParams.get('commande')).toBe(order.number);
    expect(url.searchParams.get('amount')).toBe('34080');
    expect(url.searchParams.get('reference')).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});

describe('GET /paiement (the simulated payment centre)', () => {
  it('R3 shows, clearly labelled as a simulation, the order number and its TTC amount with « Payer » and « Annuler »', async () => {
    const { order, url } = await pendingOrder();
    const page = await visit(pagePath(url));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.html).toContain('Centre de paiement simulé — démonstration, aucun paiement réel');
    expect(page.html).toContain(order.number);
    expect(page.html).toContain('340,80\u00a0€');
    expect(page.html).toMatch(/<button[^>]*>Payer<\/button>/);
    expect(page.html).toMatch(/<button[^>]*>Annuler<\/button>/);
    expect(page.html).toContain('action="/paiement/payer"');
  });

  it.each([
    ['a wrong reference', (url: URL) => url.searchParams.set('reference', 'x'.repeat(22))],
    ['no reference', (url: URL) => url.searchParams.delete('reference')],
    ['an unknown order', (url: URL) => url.searchParams.set('order', 'inconnue')],
  ])('answers 404 for %s', async (_label, change) => {
    const { url } = await pendingOrder();
    change(url);
    const page = await visit(pagePath(url));
    expect(page.status).toBe(404);
    expect(page.html).toContain('Commande introuvable');
  });

  it('refuses an address whose amount is not the order’s (409) and pays nothing', async () => {
    const { url } = await pendingOrder();
    url.searchParams.set('amount', '1');
    const page = await visit(pagePath(url));
    expect(page.status).toBe(409);
    expect(page.html).not.toContain('>Payer<');
  });
});

describe('« Payer » and « Annuler »', () => {
  it('R3 « Payer » delivers the order through the signed webhook and creates its lots; paying twice delivers once', async () => {
    const { cookie, order, url, space } = await pendingOrder();
    const paid = await visit('/paiement/payer', { form: formOf(url) });
    expect(paid.status).toBe(200);
    expect(paid.html).toContain('Paiement accepté');
    expect(paid.html).toContain('href="https://admin.exemple.test/"');
    expect(paid.html).toContain('Mes commandes');
    expect((await kit.call('GET', `/orders/${order.id}`, { cookie })).json).toMatchObject({ status: 'delivered', section: 'to_consume' });
    expect((await kit.call('GET', '/stock', { cookie })).json.total).toBe(4);

    const again = await visit('/paiement/payer', { form: formOf(url) });
    expect(again.status).toBe(200);
    expect(again.html).toContain('déjà réglée');
    expect(await kit.db.creditLot.count({ where: { spaceId: space.id } })).toBe(1);
    expect((await kit.call('GET', '/stock', { cookie })).json.total).toBe(4);
    expect((await visit(pagePath(url))).html).toContain('déjà réglée');
  });

  it('R3 two « Payer » at once deliver the order once', async () => {
    const { cookie, url, space } = await pendingOrder();
    const both = await Promise.all([visit('/paiement/payer', { form: formOf(url) }), visit('/paiement/payer', { form: formOf(url) })]);
    expect(both.map((p) => p.status)).toEqual([200, 200]);
    expect(await kit.db.creditLot.count({ where: { spaceId: space.id } })).toBe(1);
    expect((await kit.call('GET', '/stock', { cookie })).json.total).toBe(4);
  });

  it('R3 « Annuler » leaves the order « En cours » and unpaid; it can be checked out and paid later', async () => {
    const { cookie, order, url, space } = await pendingOrder();
    const cancelled = await visit('/paiement/annuler', { form: formOf(url) });
    expect(cancelled.status).toBe(200);
    expect(cancelled.html).toContain('Paiement annulé');
    expect((await kit.call('GET', `/orders/${order.id}`, { cookie })).json).toMatchObject({ status: 'pending', section: 'to_validate' });
    expect(await kit.db.creditLot.count({ where: { spaceId: space.id } })).toBe(0);

    const again = await kit.call('POST', `/orders/${order.id}/checkout`, { cookie });
    expect(again.status).toBe(200);
    const url2 = new URL(again.json.url as string);
    expect((await visit(pagePath(url2))).status).toBe(200);
    expect((await visit('/paiement/payer', { form: formOf(url2) })).html).toContain('Paiement accepté');
    expect((await kit.call('GET', `/orders/${order.id}`, { cookie })).json.status).toBe('delivered');
  });

  it('refuses a form with a wrong reference (404) and delivers nothing', async () => {
    const { cookie, order, url } = await pendingOrder();
    const page = await visit('/paiement/payer', { form: { ...formOf(url), reference: 'y'.repeat(22) } });
    expect(page.status).toBe(404);
    expect((await kit.call('GET', `/orders/${order.id}`, { cookie })).json.status).toBe('pending');
  });
});

describe('the webhook behind the simulated centre', () => {
  function send(raw: string, signature: string) {
    return kit.call('POST', '/payments/webhook', { raw, headers: { 'x-clr-signature': signature } });
  }

  it('R3 a tampered body, a replayed old signature or a guessed secret change nothing (403); the genuine one delivers', async () => {
    const { cookie, order, url } = await pendingOrder();
    const reference = url.searchParams.get('reference')!;
    // The development centre's secret is drawn once per process: this provider signs as the app's does.
    const centre = simulatedProvider({ paymentUrl: DEFAULT_CONFIG.paymentUrl, paymentWebhookSecret: undefined, production: false });
    const now = kit.clock.now();
    const failed = JSON.stringify({ reference, status: 'failed' });
    const paid = JSON.stringify({ reference, status: 'paid' });
    const refused = [
      await send(paid, centre.signWebhook(failed, now)),
      await send(paid, centre.signWebhook(paid, new Date(now.getTime() - 6 * 60_000))),
      await send(paid, signWebhook('', paid, Math.floor(now.getTime() / 1000))),
      await send(paid, signWebhook('whsec_devine', paid, Math.floor(now.getTime() / 1000))),
    ];
    for (const res of refused) {
      expect(res.status).toBe(403);
      expect(res.json.code).toBe('forbidden');
    }
    expect((await kit.call('GET', `/orders/${order.id}`, { cookie })).json.status).toBe('pending');
    expect((await send(paid, centre.signWebhook(paid, now))).json).toEqual({ received: true, delivered: true });
  });
});

describe('choosing the payment centre (config.paymentProvider, PAYMENT_PROVIDER)', () => {
  it('R3 in production the simulated page answers 404 unless PAYMENT_PROVIDER=simulated is set explicitly', async () => {
    const { url } = await pendingOrder();
    const production = kit.instance({ production: true, paymentProvider: undefined });
    expect((await visit(pagePath(url), { app: production })).status).toBe(404);
    expect((await visit('/paiement/payer', { app: production, form: formOf(url) })).status).toBe(404);
    const explicit = kit.instance({ production: true, paymentProvider: 'simulated', paymentWebhookSecret: 'whsec_demo' });
    expect((await visit(pagePath(url), { app: explicit })).status).toBe(200);
  });

  it('R3 in production the default provider is the external centre, which believes only its configured secret', async () => {
    const { cookie, order } = await pendingOrder();
    const production = kit.instance({ production: true, paymentProvider: undefined, paymentWebhookSecret: 'whsec_externe' });
    const checkout = await callApp(production, 'POST', `/orders/${order.id}/checkout`, { cookie });
    const reference = new URL(checkout.json.url as string).searchParams.get('reference')!;
    const raw = JSON.stringify({ reference, status: 'paid' });
    const at = Math.floor(kit.clock.now().getTime() / 1000);
    const wrong = await callApp(production, 'POST', '/payments/webhook', { raw, headers: { 'x-clr-signature': signWebhook('autre', raw, at) } });
    expect(wrong.status).toBe(403);
    const right = await callApp(production, 'POST', '/payments/webhook', { raw, headers: { 'x-clr-signature': signWebhook('whsec_externe', raw, at) } });
    expect(right.json).toEqual({ received: true, delivered: true });
  });

  it('R3 takes any PaymentProvider: its checkout address and its webhook check', async () => {
    const { cookie, order } = await pendingOrder();
    const custom: PaymentProvider = {
      name: 'banque-test',
      checkoutUrl: (o) => `https://banque.exemple.test/payer/${o.reference}?montant=${o.amountTtc}`,
      verifyWebhook: (signature, rawBody, now) => verifySignature('whsec_banque', signature, rawBody, now),
    };
    const app = kit.instance({ paymentProvider: custom });
    const checkout = await callApp(app, 'POST', `/orders/${order.id}/checkout`, { cookie });
    expect(checkout.json.url).toMatch(/^https:\/\/banque\.exemple\.test\/payer\/[A-Za-z0-9_-]{22}\?montant=34080$/);
    const reference = new URL(checkout.json.url as string).pathname.split('/').pop()!;
    expect((await visit(`/paiement?order=${order.id}&reference=${reference}`, { app })).status).toBe(404);
    const raw = JSON.stringify({ reference, status: 'paid' });
    const signed = signWebhook('whsec_banque', raw, Math.floor(kit.clock.now().getTime() / 1000));
    expect((await callApp(app, 'POST', '/payments/webhook', { raw, headers: { 'x-clr-signature': signed } })).json).toEqual({ received: true, delivered: true });
  });

  it.each([
    [undefined, undefined],
    ['', undefined],
    [' simulated ', 'simulated'],
    ['external', 'external'],
  ])('reads PAYMENT_PROVIDER=%j as %j', (value, expected) => {
    expect(parsePaymentProvider(value)).toBe(expected);
  });

  it('refuses an unknown PAYMENT_PROVIDER', () => {
    expect(() => parsePaymentProvider('stripe')).toThrow(/PAYMENT_PROVIDER must be one of simulated, external/);
  });
});
