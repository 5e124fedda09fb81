import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAll } from '../support/db.js';
import { login, makeAdmin, makeKit, makeProduct, makeSpace, spaceWithAdmin, type TestKit } from './helpers.js';

let kit: TestKit;
let operator: string;

beforeAll(async () => {
  kit = await makeKit();
  const op = await makeAdmin(kit.db, { role: 'operator' });
  operator = await login(kit, op.email, op.password, '203.0.113.250');
});
afterAll(() => closeAll());

async function shop(vatRateBp = 2000) {
  const made = await spaceWithAdmin(kit, 'Démo', vatRateBp);
  const blank = await makeProduct(kit.db, made.space.id, { examType: 'blank-remote', unitPriceHt: 7100, name: 'Partenaire - examen blanc', reference: 'PART-BLANC-EXAMEN' });
  const laposte = await makeProduct(kit.db, made.space.id, {
    examType: 'official-laposte',
    unitPriceHt: 9900,
    name: 'Partenaire - examen officiel - en centre La Poste',
    reference: 'PART-LAPOSTE-EXAMEN',
  });
  return { ...made, blank, laposte };
}

describe('POST /orders (§4.3 « Passer une nouvelle commande »)', () => {
  it('R1 refuses a product outside the space’s catalogue, naming the line', async () => {
    const mine = await shop();
    const other = await makeSpace(kit.db, 'Autre');
    const foreign = await makeProduct(kit.db, other.id);
    const res = await kit.call('POST', '/orders', {
      cookie: mine.cookie,
      body: { lines: [{ productId: mine.blank.id, quantity: 1 }, { productId: foreign.id, quantity: 2 }] },
    });
    expect(res.status).toBe(400);
    expect(res.json.code).toBe('validation_failed');
    expect(res.json.errors).toEqual([{ path: 'lines.1.productId', message: "Ce produit n'est pas disponible dans votre espace." }]);
    expect(await kit.db.order.count({ where: { spaceId: mine.space.id } })).toBe(0);
  });

  it.each([[0], [10_001], [1.5], [-3]])('R1 refuses a quantity of %s (whole number from 1 to 10 000)', async (quantity) => {
    const { cookie, blank } = await shop();
    const res = await kit.call('POST', '/orders', { cookie, body: { lines: [{ productId: blank.id, quantity }] } });
    expect(res.status).toBe(400);
    expect(res.json.errors).toEqual([{ path: 'lines.0.quantity', message: 'La quantité doit être un nombre entier entre 1 et 10 000.' }]);
  });

  it('R1 accepts the bounds 1 and 10 000', async () => {
    const { cookie, blank, laposte } = await shop();
    const res = await kit.call('POST', '/orders', { cookie, body: { lines: [{ productId: blank.id, quantity: 1 }, { productId: laposte.id, quantity: 10_000 }] } });
    expect(res.status).toBe(201);
  });

  it('R1 refuses an order without lines', async () => {
    const { cookie } = await shop();
    const res = await kit.call('POST', '/orders', { cookie, body: { lines: [] } });
    expect(res.status).toBe(400);
    expect(res.json.errors).toEqual([{ path: 'lines', message: 'La commande doit contenir au moins un produit.' }]);
  });

  it('R2 totals the manual’s example: 4 × 71,00 € = 284,00 € HT = 340,80 € TTC', async () => {
    const { cookie, blank } = await shop();
    const res = await kit.call('POST', '/orders', { cookie, body: { lines: [{ productId: blank.id, quantity: 4 }] } });
    expect(res.status).toBe(201);
    expect(res.json.lines).toEqual([
      { productId: blank.id, examType: 'blank-remote', quantity: 4, remaining: 0, unitPriceHt: 7100, ht: 28400, ttc: 34080, expiresAt: null },
    ]);
    expect(res.json.totals).toEqual({ ht: 28400, vat: 5680, ttc: 34080 });
  });

  it('R2 uses the space’s VAT rate and rounds half-up per line', async () => {
    // 5,5 %: 3 × 0,09 € = 0,27 € HT → 0,28485 € → 0,28 €; 1 × 0,10 € → 0,1055 € → 0,11 €
    const { cookie, space } = await shop(550);
    const a = await makeProduct(kit.db, space.id, { unitPriceHt: 9 });
    const b = await makeProduct(kit.db, space.id, { unitPriceHt: 10, examType: 'demo-remote' });
    const res = await kit.call('POST', '/orders', { cookie, body: { lines: [{ productId: a.id, quantity: 3 }, { productId: b.id, quantity: 1 }] } });
    expect(res.json.lines.map((l: { ht: number; ttc: number }) => [l.ht, l.ttc])).toEqual([
      [27, 28],
      [10, 11],
    ]);
    expect(res.json.totals).toEqual({ ht: 37, vat: 2, ttc: 39 });
  });

  it('R2 copies the unit price at order time: a later price change does not alter the order', async () => {
    const { cookie, blank } = await shop();
    const created = await kit.call('POST', '/orders', { cookie, body: { lines: [{ productId: blank.id, quantity: 2 }] } });
    await kit.db.product.update({ where: { id: blank.id }, data: { unitPriceHt: 9900 } });
    const res = await kit.call('GET', `/orders/${created.json.id}`, { cookie });
    expect(res.json.lines[0].unitPriceHt).toBe(7100);
    expect(res.json.totals.ht).toBe(14200);
  });

  it('R3 a new order is pending (« En cours ») in the « À valider » section', async () => {
    const { cookie, blank } = await shop();
    const res = await kit.call('POST', '/orders', { cookie, body: { lines: [{ productId: blank.id, quantity: 4 }] } });
    expect(res.json).toMatchObject({ status: 'pending', section: 'to_validate' });
    expect(res.json.number).toMatch(/^2026-\d{5}$/);
    expect(res.headers.get('location')).toBe(`/api/v1/orders/${res.json.id}`);
    const stock = await kit.call('GET', '/stock', { cookie });
    expect(stock.json.total).toBe(0);
  });

  it('gives each order of a space its own number', async () => {
    const { cookie, blank } = await shop();
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => kit.call('POST', '/orders', { cookie, body: { lines: [{ productId: blank.id, quantity: 1 }] } })),
    );
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(answers.map((a) => a.json.number)).size).toBe(5);
  });
});

describe('Idempotency-Key on POST /orders', () => {
  it('replays the first answer for the same key and body: one order only', async () => {
    const { cookie, blank, space } = await shop();
    const body = { lines: [{ productId: blank.id, quantity: 3 }] };
    const first = await kit.call('POST', '/orders', { cookie, body, headers: { 'idempotency-key': 'commande-2026-03-10-a' } });
    const again = await kit.call('POST', '/orders', { cookie, body, headers: { 'idempotency-key': 'commande-2026-03-10-a' } });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.json).toEqual(first.json);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await kit.db.order.count({ where: { spaceId: space.id } })).toBe(1);
  });

  it('refuses the same key with another body (409 conflict)', async () => {
    const { cookie, blank } = await shop();
    const key = { 'idempotency-key': 'commande-b' };
    await kit.call('POST', '/orders', { cookie, body: { lines: [{ productId: blank.id, quantity: 3 }] }, headers: key });
    const res = await kit.call('POST', '/orders', { cookie, body: { lines: [{ productId: blank.id, quantity: 4 }] }, headers: key });
    expect(res.status).toBe(409);
    expect(res.json.code).toBe('conflict');
    expect(res.json.detail).toBe("Cette clé d'idempotence a déjà servi pour une autre demande.");
  });

  it('creates one order when the same request arrives 10 times at once', async () => {
    const { cookie, blank, space } = await shop();
    const body = { lines: [{ productId: blank.id, quantity: 1 }] };
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => kit.call('POST', '/orders', { cookie, body, headers: { 'idempotency-key': 'rafale' } })),
    );
    expect(answers.every((a) => a.status === 201)).toBe(true);
    expect(new Set(answers.map((a) => a.json.id)).size).toBe(1);
    expect(await kit.db.order.count({ where: { spaceId: space.id } })).toBe(1);
  });

  it('keeps keys per space: the same key in two spaces makes two orders', async () => {
    const a = await shop();
    const b = await shop();
    const key = { 'idempotency-key': 'partagee' };
    const ra = await kit.call('POST', '/orders', { cookie: a.cookie, body: { lines: [{ productId: a.blank.id, quantity: 1 }] }, headers: key });
    const rb = await kit.call('POST', '/orders', { cookie: b.cookie, body: { lines: [{ productId: b.blank.id, quantity: 1 }] }, headers: key });
    expect(ra.status).toBe(201);
    expect(rb.status).toBe(201);
    expect(ra.json.id).not.toBe(rb.json.id);
  });

  it('refuses a malformed key (400 naming the header)', async () => {
    const { cookie, blank } = await shop();
    const res = await kit.call('POST', '/orders', { cookie, body: { lines: [{ productId: blank.id, quantity: 1 }] }, headers: { 'idempotency-key': 'x'.repeat(256) } });
    expect(res.status).toBe(400);
    expect(res.json.errors[0].path).toBe('Idempotency-Key');
  });
});

describe('operator delivers or cancels (R3)', () => {
  it('R3 delivery creates credit lots expiring 12 months later (end of the Paris day); the order moves to « À consommer »', async () => {
    const { cookie, blank, laposte } = await shop();
    const created = await kit.call('POST', '/orders', { cookie, body: { lines: [{ productId: blank.id, quantity: 30 }, { productId: laposte.id, quantity: 5 }] } });
    const res = await kit.call('POST', `/operator/orders/${created.json.id}/deliver`, { cookie: operator });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: 'delivered', section: 'to_consume' });
    // 10/03/2026 + 12 months = 10/03/2027, 23:59:59.999 in Paris (UTC+1 in March)
    expect(res.json.lines.map((l: { remaining: number; expiresAt: string }) => [l.remaining, l.expiresAt])).toEqual([
      [30, '2027-03-10T22:59:59.999Z'],
      [5, '2027-03-10T22:59:59.999Z'],
    ]);
    const stock = await kit.call('GET', '/stock', { cookie });
    expect(stock.json.total).toBe(35);
    expect(stock.json.byType.map((t: { examType: string; remaining: number }) => [t.examType, t.remaining])).toEqual([
      ['blank-remote', 30],
      ['official-laposte', 5],
    ]);
  });

  it('R3 refuses to deliver twice (409 conflict); two deliveries at once: one wins, lots made once', async () => {
    const { cookie, blank, space } = await shop();
    const created = await kit.call('POST', '/orders', { cookie, body: { lines: [{ productId: blank.id, quantity: 10 }] } });
    const answers = await Promise.all([1, 2, 3].map(() => kit.call('POST', `/operator/orders/${created.json.id}/deliver`, { cookie: operator })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409]);
    expect(answers.find((a) => a.status === 409)!.json.code).toBe('conflict');
    expect(await kit.db.creditLot.count({ where: { spaceId: space.id } })).toBe(1);
  });

  it('R3 cancelling a pending order puts it in the history without credits; a cancelled order cannot be delivered', async () => {
    const { cookie, blank } = await shop();
    const created = await kit.call('POST', '/orders', { cookie, body: { lines: [{ productId: blank.id, quantity: 10 }] } });
    const res = await kit.call('POST', `/operator/orders/${created.json.id}/cancel`, { cookie: operator });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: 'cancelled', section: 'history' });
    const deliver = await kit.call('POST', `/operator/orders/${created.json.id}/deliver`, { cookie: operator });
    expect(deliver.status).toBe(409);
    expect(deliver.json.detail).toBe('Cette commande a été annulée : elle ne peut plus être livrée.');
    expect((await kit.call('GET', '/stock', { cookie })).json.total).toBe(0);
  });

  it('an administrator cannot deliver their own order (403)', async () => {
    const { cookie, blank } = await shop();
    const created = await kit.call('POST', '/orders', { cookie, body: { lines: [{ productId: blank.id, quantity: 10 }] } });
    const res = await kit.call('POST', `/operator/orders/${created.json.id}/deliver`, { cookie });
    expect(res.status).toBe(403);
  });

  it('an unknown order is 404 for the operator', async () => {
    const res = await kit.call('POST', '/operator/orders/inconnue/cancel', { cookie: operator });
    expect(res.status).toBe(404);
    expect(res.json.code).toBe('not_found');
  });
});

describe('GET /orders (§4.1 the orders table)', () => {
  async function tableFixture() {
    const made = await shop();
    const { cookie, blank, laposte } = made;
    const place = async (productId: string, quantity: number) =>
      (await kit.call('POST', '/orders', { cookie, body: { lines: [{ productId, quantity }] } })).json as { id: string; number: string };
    kit.clock.set('2026-01-15T10:00:00Z');
    const january = await place(blank.id, 10);
    await kit.call('POST', `/operator/orders/${january.id}/deliver`, { cookie: operator });
    kit.clock.set('2026-02-20T10:00:00Z');
    const february = await place(laposte.id, 2);
    await kit.call('POST', `/operator/orders/${february.id}/cancel`, { cookie: operator });
    kit.clock.set('2026-03-10T09:00:00Z');
    const march = await place(blank.id, 4);
    return { ...made, january, february, march };
  }

  it('lists « À valider », then « À consommer », then « Historique », with the totals of the listed orders (the cancelled one not counted)', async () => {
    const { cookie, january, february, march } = await tableFixture();
    const res = await kit.call('GET', '/orders', { cookie });
    expect(res.status).toBe(200);
    expect(res.json.data.map((o: { id: string; section: string }) => [o.id, o.section])).toEqual([
      [march.id, 'to_validate'],
      [january.id, 'to_consume'],
      [february.id, 'history'],
    ]);
    expect(res.json.total).toBe(3);
    // 4 × 71 + 10 × 71 = 994 € HT; February's 2 × 99 € was cancelled: listed, not counted
    expect(res.json.totals).toEqual({ ht: 99400, vat: 19880, ttc: 119280 });
    expect(res.json.nextCursor).toBeNull();
  });

  it.each([
    ['section=to_consume', ['january']],
    ['examType=official-laposte', ['february']],
    ['from=2026-02-01&to=2026-02-28', ['february']],
    ['from=2026-02-01', ['march', 'february']],
    ['q=laposte', ['february']],
    ['q=PART-BLANC', ['march', 'january']],
  ])('filters with %s', async (query, expected) => {
    const fixture = await tableFixture();
    const ids = Object.fromEntries(['january', 'february', 'march'].map((k) => [fixture[k as 'january'].id, k]));
    const res = await kit.call('GET', `/orders?${query}`, { cookie: fixture.cookie });
    expect(res.status).toBe(200);
    expect(res.json.data.map((o: { id: string }) => ids[o.id])).toEqual(expected);
    expect(res.json.total).toBe(expected.length);
  });

  it('searches by order number', async () => {
    const { cookie, january } = await tableFixture();
    const res = await kit.call('GET', `/orders?q=${january.number}`, { cookie });
    expect(res.json.data.map((o: { id: string }) => o.id)).toEqual([january.id]);
  });

  it('refuses a period that ends before it starts, naming `to`', async () => {
    const { cookie } = await shop();
    const res = await kit.call('GET', '/orders?from=2026-03-01&to=2026-02-01', { cookie });
    expect(res.status).toBe(400);
    expect(res.json.errors).toEqual([{ path: 'to', message: 'La date de fin doit être postérieure ou égale à la date de début.' }]);
  });

  it('pages with an opaque cursor, totals covering every listed order', async () => {
    const { cookie } = await tableFixture();
    const first = await kit.call('GET', '/orders?limit=2', { cookie });
    expect(first.json.data).toHaveLength(2);
    expect(first.json.total).toBe(3);
    expect(first.json.totals.ht).toBe(99400);
    const second = await kit.call('GET', `/orders?limit=2&cursor=${first.json.nextCursor}`, { cookie });
    expect(second.json.data).toHaveLength(1);
    expect(second.json.nextCursor).toBeNull();
    const bad = await kit.call('GET', '/orders?cursor=n-importe-quoi', { cookie });
    expect(bad.status).toBe(400);
    expect(bad.json.errors).toEqual([{ path: 'cursor', message: "Le curseur de pagination n'est pas valide." }]);
  });

  it('R20 exports what the table shows (same filters) as CSV: BOM, « ; », French headers, dd/mm/yyyy, one row per line', async () => {
    const { cookie, january } = await tableFixture();
    const res = await kit.call('GET', '/orders/export.csv?section=to_consume', { cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="commandes-2026-03-10.csv"');
    const raw = await kit.app.request('/api/v1/orders/export.csv?section=to_consume', { headers: { cookie } });
    expect([...new Uint8Array(await raw.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM
    const lines = res.text.split('\r\n');
    expect(lines[0]).toBe('N° Commande;Commandé le;État;Section;Type d\'examen;Quantité;Restantes;Expire le;Prix unit. (H.T.);Prix (H.T.);Prix (T.T.C.)');
    expect(lines[1]).toBe(`${january.number};15/01/2026;Livré;À consommer;Examen blanc - à distance;10;10;15/01/2027;71,00;710,00;852,00`);
    expect(lines.slice(2)).toEqual(['']);
  });

  it('an order whose credits have all expired moves to the history', async () => {
    const { admin, january } = await tableFixture();
    kit.clock.set('2027-01-16T10:00:00Z');
    const cookie = await login(kit, admin.email, admin.password, '203.0.113.251');
    const res = await kit.call('GET', `/orders/${january.id}`, { cookie });
    expect(res.json.section).toBe('history');
    expect(res.json.lines[0].remaining).toBe(0);
    kit.clock.set('2026-03-10T09:00:00Z');
  });
});

describe('GET /operator/orders (the back office)', () => {
  it('lists the orders of every space awaiting validation, with their space', async () => {
    const a = await shop();
    const b = await shop();
    const pa = await kit.call('POST', '/orders', { cookie: a.cookie, body: { lines: [{ productId: a.blank.id, quantity: 1 }] } });
    const pb = await kit.call('POST', '/orders', { cookie: b.cookie, body: { lines: [{ productId: b.blank.id, quantity: 2 }] } });
    await kit.call('POST', `/operator/orders/${pb.json.id}/deliver`, { cookie: operator });
    const res = await kit.call('GET', '/operator/orders?status=pending', { cookie: operator });
    expect(res.status).toBe(200);
    const ids = res.json.data.map((o: { id: string }) => o.id);
    expect(ids).toContain(pa.json.id);
    expect(ids).not.toContain(pb.json.id);
    expect(res.json.data.find((o: { id: string }) => o.id === pa.json.id).space).toEqual({ id: a.space.id, name: 'Démo' });
    const one = await kit.call('GET', `/operator/orders?spaceId=${b.space.id}`, { cookie: operator });
    expect(one.json.data.map((o: { id: string }) => o.id)).toEqual([pb.json.id]);
  });

  it('is for operators only (403 for an administrator)', async () => {
    const { cookie } = await shop();
    expect((await kit.call('GET', '/operator/orders', { cookie })).status).toBe(403);
  });
});
