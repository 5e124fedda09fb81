import { describe, expect, it } from 'vitest';
import { Order, OrderList, ProductList } from '@clr/domain';
import { useMocks, type Kit } from './kit.js';

const kit = useMocks('demo');

async function product(k: Kit, reference: string): Promise<string> {
  const list = ProductList.parse((await k.call('GET', '/products', { cookie: await k.demo() })).json);
  return list.data.find((p) => p.reference === reference)!.id;
}

async function order(k: Kit, lines: { reference: string; quantity: number }[]) {
  const body = { lines: await Promise.all(lines.map(async (l) => ({ productId: await product(k, l.reference), quantity: l.quantity }))) };
  return k.call('POST', '/orders', { cookie: await k.demo(), body });
}

describe('« Passer une nouvelle commande » (§4.3)', () => {
  it('R1 only the products of the space’s catalogue can be ordered: another space’s product is refused on its line', async () => {
    const theirs = ProductList.parse((await kit.call('GET', '/products', { cookie: await kit.autre() })).json).data[0]!.id;
    const res = await kit.call('POST', '/orders', { cookie: await kit.demo(), body: { lines: [{ productId: theirs, quantity: 1 }] } });
    expect(res.status).toBe(400);
    expect(res.json.errors).toEqual([{ path: 'lines.0.productId', message: "Ce produit n'est pas disponible dans votre espace." }]);
  });

  it.each([0, 10_001, 2.5])('R1 refuses a quantity of %s (whole numbers from 1 to 10 000)', async (quantity) => {
    const res = await order(kit, [{ reference: 'PART-BLANC-EXAMEN', quantity }]);
    expect(res.status).toBe(400);
    expect(res.json.errors[0].path).toBe('lines.0.quantity');
  });

  it('R2 totals per line, VAT at the space’s rate rounded half-up to the cent: 4 × 71,00 € = 284,00 € H.T. = 340,80 € T.T.C.', async () => {
    const res = await order(kit, [
      { reference: 'PART-CLR-EXAMEN', quantity: 4 },
      { reference: 'PART-BLANC-EXAMEN', quantity: 3 },
    ]);
    expect(res.status).toBe(201);
    const created = Order.parse(res.json);
    expect(created.lines.map((l) => [l.ht, l.ttc])).toEqual([
      [28400, 34080],
      [3600, 4320],
    ]);
    expect(created.totals).toEqual({ ht: 32000, vat: 6400, ttc: 38400 });
  });

  it('R3 a new order is « En cours » (pending, to validate) whatever the payment, and checkout gives the payment centre’s address', async () => {
    const created = (await order(kit, [{ reference: 'PART-BLANC-EXAMEN', quantity: 10 }])).json;
    expect(created).toMatchObject({ status: 'pending', section: 'to_validate' });
    expect(created.number).toMatch(/^\d{4}-\d{5}$/);
    const checkout = await kit.call('POST', `/orders/${created.id}/checkout`, { cookie: await kit.demo() });
    expect(checkout.status).toBe(200);
    expect(checkout.json.url).toContain(`commande=${created.number}`);
    expect((await kit.call('GET', `/orders/${created.id}`, { cookie: await kit.demo() })).json.status).toBe('pending');
  });

  it('R3 the operator’s validation delivers it: one lot per line, expiring at the end of the Paris day 12 months later', async () => {
    const created = (await order(kit, [{ reference: 'PART-BLANC-EXAMEN', quantity: 10 }])).json;
    const operator = await kit.login('operator');
    const delivered = await kit.call('POST', `/operator/orders/${created.id}/deliver`, { cookie: operator });
    expect(delivered.status).toBe(200);
    expect(delivered.json).toMatchObject({ status: 'delivered', section: 'to_consume' });
    expect(delivered.json.lines[0]).toMatchObject({ remaining: 10, expiresAt: '2027-03-10T22:59:59.999Z' });
    const stock = (await kit.call('GET', '/stock', { cookie: await kit.demo() })).json;
    expect(stock.total).toBe(1089);
    const again = await kit.call('POST', `/operator/orders/${created.id}/deliver`, { cookie: operator });
    expect(again.status).toBe(409);
    expect(again.json.detail).toBe('Cette commande a déjà été livrée.');
  });

  it('R3 only a pending order can be cancelled; its credits never reach the stock', async () => {
    const created = (await order(kit, [{ reference: 'PART-BLANC-EXAMEN', quantity: 5 }])).json;
    const operator = await kit.login('operator');
    expect((await kit.call('POST', `/operator/orders/${created.id}/cancel`, { cookie: operator })).json).toMatchObject({ status: 'cancelled', section: 'history' });
    expect((await kit.call('POST', `/operator/orders/${created.id}/deliver`, { cookie: operator })).status).toBe(409);
    expect((await kit.call('POST', `/orders/${created.id}/checkout`, { cookie: await kit.demo() })).status).toBe(409);
  });

  it('honours Idempotency-Key: the same request gives back the same order; the key with another body is a conflict', async () => {
    const cookie = await kit.demo();
    const body = { lines: [{ productId: await product(kit, 'PART-BLANC-EXAMEN'), quantity: 2 }] };
    const headers = { 'idempotency-key': 'commande-du-mardi' };
    const first = await kit.call('POST', '/orders', { cookie, body, headers });
    const second = await kit.call('POST', '/orders', { cookie, body, headers });
    expect(second.json).toEqual(first.json);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(OrderList.parse((await kit.call('GET', '/orders', { cookie })).json).total).toBe(7);
    const other = await kit.call('POST', '/orders', { cookie, headers, body: { lines: [{ ...body.lines[0], quantity: 3 }] } });
    expect(other.status).toBe(409);
    expect(other.json.field).toBe('Idempotency-Key');
  });
});

describe('The operator’s back office', () => {
  it('R3 lists every space’s orders to validate, newest first, with their space', async () => {
    const res = await kit.call('GET', '/operator/orders?status=pending', { cookie: await kit.login('operator') });
    expect(res.status).toBe(200);
    expect(res.json.data.map((o: { space: { name: string }; status: string }) => [o.space.name, o.status])).toEqual([
      ['Démo', 'pending'],
      ['Autre', 'pending'],
    ]);
    expect((await kit.call('GET', '/operator/orders?limit=0', { cookie: await kit.login('operator') })).status).toBe(400);
  });

  it('an Idempotency-Key is honoured for a day, then forgotten', async () => {
    const cookie = await kit.demo();
    const body = { lines: [{ productId: await product(kit, 'PART-BLANC-EXAMEN'), quantity: 1 }] };
    const headers = { 'idempotency-key': 'commande-unique' };
    const first = await kit.call('POST', '/orders', { cookie, body, headers });
    kit.clock.days(1);
    const later = await kit.call('POST', '/orders', { cookie: await kit.demo(), body, headers });
    expect(later.status).toBe(201);
    expect(later.json.id).not.toBe(first.json.id);
  });
});

describe('« Consulter le tableau des commandes » (§4.1)', () => {
  it('filters by exam type, period and search, with the totals of the listed rows (a cancelled order listed, not counted)', async () => {
    const cookie = await kit.demo();
    const laPoste = OrderList.parse((await kit.call('GET', '/orders?examType=official-laposte', { cookie })).json);
    expect(laPoste.data.map((o) => o.status)).toEqual(['cancelled', 'delivered']);
    expect(laPoste.totals).toEqual({ ht: 71000, vat: 14200, ttc: 85200 });
    const recent = OrderList.parse((await kit.call('GET', '/orders?from=2026-03-01', { cookie })).json);
    expect(recent.data.map((o) => o.section)).toEqual(['to_validate']);
    const searched = OrderList.parse((await kit.call('GET', `/orders?q=${encodeURIComponent('démo')}`, { cookie })).json);
    expect(searched.data).toHaveLength(1);
    const reversed = await kit.call('GET', '/orders?from=2026-03-10&to=2026-03-01', { cookie });
    expect(reversed.status).toBe(400);
    expect(reversed.json.errors[0].path).toBe('to');
  });

  it('pages with an opaque cursor; a cursor the API did not give is refused', async () => {
    const cookie = await kit.demo();
    const first = OrderList.parse((await kit.call('GET', '/orders?limit=4', { cookie })).json);
    expect(first.data).toHaveLength(4);
    const second = OrderList.parse((await kit.call('GET', `/orders?limit=4&cursor=${first.nextCursor}`, { cookie })).json);
    expect(second.data).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.data, ...second.data].map((o) => o.id)).size).toBe(6);
    expect((await kit.call('GET', '/orders?cursor=nimporte', { cookie })).json.errors).toEqual([{ path: 'cursor', message: expect.any(String) }]);
  });

  it('R20 exports what the table shows as CSV: UTF-8 with BOM, « ; », French headers, dates dd/mm/yyyy, one row per line', async () => {
    const res = await kit.call('GET', '/orders/export.csv?section=to_validate', { cookie: await kit.demo() });
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="commandes-2026-03-10.csv"');
    expect([...res.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = res.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('N° Commande;Commandé le;État;Section;Type d\'examen;Quantité;Restantes;Expire le;Prix unit. (H.T.);Prix (H.T.);Prix (T.T.C.)');
    expect(lines.slice(1)).toEqual(['2026-00006;08/03/2026;En cours;À valider;Examen officiel - en centre agréé;4;0;;71,00;284,00;340,80']);
  });

  it('an order of another space is not found (404), never forbidden', async () => {
    const theirs = OrderList.parse((await kit.call('GET', '/orders', { cookie: await kit.autre() })).json).data[0]!.id;
    const res = await kit.call('GET', `/orders/${theirs}`, { cookie: await kit.demo() });
    expect(res.status).toBe(404);
  });
});
