import { addMonths, formatDate, parisDay } from '@clr/domain';
import { describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, ValidationFailedError } from '../../src/index.js';
import { failure, remaining, signIn } from './support/scenario.js';

async function productOf(admin: Awaited<ReturnType<typeof signIn>>, examType: string) {
  const product = (await admin.products.list()).data.find((p) => p.examType === examType);
  if (!product) throw new Error(`no product for ${examType}`);
  return product;
}

describe('orders (§4)', () => {
  it('R1 orders only the products of the space’s catalogue', async () => {
    const demo = await signIn('demoAdmin');
    const other = await signIn('otherAdmin');
    const othersProduct = (await other.products.list()).data[0]!;
    const mine = new Set((await demo.products.list()).data.map((p) => p.id));
    expect(mine.has(othersProduct.id)).toBe(false);
    const error = (await failure(demo.orders.create({ lines: [{ productId: othersProduct.id, quantity: 1 }] }))) as ValidationFailedError;
    expect(error).toBeInstanceOf(ValidationFailedError);
    expect(error.errors.map((e) => e.path)).toEqual(['lines.0.productId']);
  });

  it.each([0, 10_001, 2.5])('R1 refuses a quantity of %s (an integer from 1 to 10 000)', async (quantity) => {
    const admin = await signIn();
    const product = await productOf(admin, 'blank-remote');
    const error = (await failure(admin.orders.create({ lines: [{ productId: product.id, quantity }] }))) as ValidationFailedError;
    expect(error).toBeInstanceOf(ValidationFailedError);
    expect(error.errors).toEqual([{ path: 'lines.0.quantity', message: 'La quantité doit être un nombre entier entre 1 et 10 000.' }]);
  });

  it('validation_failed: an order without any product', async () => {
    const admin = await signIn();
    const error = (await failure(admin.orders.create({ lines: [] }))) as ValidationFailedError;
    expect(error).toBeInstanceOf(ValidationFailedError);
    expect(error.errors.map((e) => e.path)).toEqual(['lines']);
  });

  it('R1 accepts the largest quantity, 10 000', async () => {
    const admin = await signIn();
    const product = await productOf(admin, 'blank-remote');
    const order = await admin.orders.create({ lines: [{ productId: product.id, quantity: 10_000 }] });
    expect(order.lines[0]!.quantity).toBe(10_000);
    await (await signIn('operator')).operator.cancelOrder(order.id);
  });

  it('R2 totals 4 × 71,00 € as 284,00 € HT and 340,80 € TTC at the space’s 20 % VAT', async () => {
    const admin = await signIn();
    const product = await productOf(admin, 'official-approved');
    expect(product.unitPriceHt).toBe(7100);
    const order = await admin.orders.create({ lines: [{ productId: product.id, quantity: 4 }] });
    expect(order.lines).toEqual([
      expect.objectContaining({ productId: product.id, examType: 'official-approved', quantity: 4, unitPriceHt: 7100, ht: 28400, ttc: 34080 }),
    ]);
    expect(order.totals).toEqual({ ht: 28400, vat: 5680, ttc: 34080 });
  });

  it('R2 sums the lines into the order’s totals', async () => {
    const admin = await signIn();
    const a = await productOf(admin, 'official-approved');
    const b = await productOf(admin, 'blank-manual');
    const order = await admin.orders.create({ lines: [{ productId: a.id, quantity: 2 }, { productId: b.id, quantity: 3 }] });
    const ht = 2 * a.unitPriceHt + 3 * b.unitPriceHt;
    expect(order.totals.ht).toBe(ht);
    expect(order.totals.ttc).toBe(order.lines.reduce((sum, l) => sum + l.ttc, 0));
    expect(order.totals.vat).toBe(order.totals.ttc - order.totals.ht);
  });

  it('R3 a new order is « En cours » (pending, to validate) whatever the payment, and checkout gives the payment centre', async () => {
    const admin = await signIn();
    const product = await productOf(admin, 'blank-remote');
    const order = await admin.orders.create({ lines: [{ productId: product.id, quantity: 3 }] });
    expect(order).toMatchObject({ status: 'pending', section: 'to_validate' });
    expect(order.lines[0]).toMatchObject({ remaining: 0, expiresAt: null });
    const checkout = await admin.orders.checkout(order.id);
    expect(checkout.url).toMatch(/^https?:\/\//);
    expect(await admin.orders.retrieve(order.id)).toMatchObject({ status: 'pending', section: 'to_validate' });
  });

  it('R3 the operator’s validation delivers: credits in stock for 12 months', async () => {
    const admin = await signIn();
    const product = await productOf(admin, 'blank-remote');
    const before = remaining(await admin.stock.get(), 'blank-remote');
    const order = await admin.orders.create({ lines: [{ productId: product.id, quantity: 3 }] });
    const delivered = await (await signIn('operator')).operator.deliverOrder(order.id);
    expect(delivered).toMatchObject({ id: order.id, status: 'delivered', section: 'to_consume' });
    expect(delivered.lines[0]!.remaining).toBe(3);
    expect(parisDay(delivered.lines[0]!.expiresAt!)).toBe(addMonths(parisDay(new Date()), 12));
    const stock = await admin.stock.get();
    expect(remaining(stock, 'blank-remote')).toBe(before + 3);
    expect(stock.byType.find((t) => t.examType === 'blank-remote')!.lots).toContainEqual({
      orderId: order.id,
      remaining: 3,
      expiresAt: delivered.lines[0]!.expiresAt,
    });
  });

  it('conflict: an order already delivered cannot be delivered or cancelled again', async () => {
    const admin = await signIn();
    const product = await productOf(admin, 'demo-remote');
    const order = await admin.orders.create({ lines: [{ productId: product.id, quantity: 1 }] });
    const operator = await signIn('operator');
    await operator.operator.deliverOrder(order.id);
    expect(await failure(operator.operator.deliverOrder(order.id))).toBeInstanceOf(ConflictError);
    expect(await failure(operator.operator.cancelOrder(order.id))).toBeInstanceOf(ConflictError);
  });

  it('the operator lists every space’s orders awaiting validation, each with its space', async () => {
    const admin = await signIn();
    const product = await productOf(admin, 'demo-remote');
    const order = await admin.orders.create({ lines: [{ productId: product.id, quantity: 2 }] });
    const operator = await signIn('operator');
    const pending: string[] = [];
    for await (const row of operator.operator.listOrders({ status: 'pending', limit: 20 })) {
      expect(row.status).toBe('pending');
      pending.push(row.id);
      if (row.id === order.id) expect(row.space.name).toBe('Démo');
    }
    expect(pending).toContain(order.id);
    expect(await failure(admin.operator.listOrders())).toBeInstanceOf(ForbiddenError);
    await operator.operator.cancelOrder(order.id);
  });

  it('a cancelled order goes to the history and delivers nothing', async () => {
    const admin = await signIn();
    const product = await productOf(admin, 'demo-remote');
    const order = await admin.orders.create({ lines: [{ productId: product.id, quantity: 1 }] });
    const cancelled = await (await signIn('operator')).operator.cancelOrder(order.id);
    expect(cancelled).toMatchObject({ status: 'cancelled', section: 'history' });
    expect(await failure((await signIn('operator')).operator.deliverOrder(order.id))).toBeInstanceOf(ConflictError);
  });

  it('an order created twice with the same Idempotency-Key is placed once', async () => {
    const admin = await signIn();
    const product = await productOf(admin, 'blank-remote');
    const key = `contract-${Date.now()}-${Math.random()}`;
    const first = await admin.orders.create({ lines: [{ productId: product.id, quantity: 2 }] }, { idempotencyKey: key });
    const again = await admin.orders.create({ lines: [{ productId: product.id, quantity: 2 }] }, { idempotencyKey: key });
    expect(again).toEqual(first);
    const conflicting = await failure(admin.orders.create({ lines: [{ productId: product.id, quantity: 5 }] }, { idempotencyKey: key }));
    expect(conflicting).toBeInstanceOf(ConflictError);
  });

  it('lists the table by sections — to validate, to consume, history — with filters and the rows’ totals (§4.1)', async () => {
    const admin = await signIn();
    const page = await admin.orders.list({ limit: 200 });
    const rank = { to_validate: 0, to_consume: 1, history: 2 } as const;
    const ranks = page.data.map((o) => rank[o.section]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const product = await productOf(admin, 'official-onsite');
    const order = await admin.orders.create({ lines: [{ productId: product.id, quantity: 1 }] });
    const found = await admin.orders.list({ q: order.number });
    expect(found.data.map((o) => o.id)).toEqual([order.id]);
    expect(found.totals).toEqual(order.totals);
    const pending = await admin.orders.list({ section: 'to_validate', examType: 'official-onsite', limit: 200 });
    expect(pending.data.every((o) => o.section === 'to_validate' && o.lines.some((l) => l.examType === 'official-onsite'))).toBe(true);
    expect(pending.data.map((o) => o.id)).toContain(order.id);
    await (await signIn('operator')).operator.cancelOrder(order.id);
  });

  it('pagination: walks every page of the orders table', async () => {
    const admin = await signIn();
    const all = await admin.orders.list({ limit: 200 });
    const walked: string[] = [];
    for await (const order of admin.orders.list({ limit: 2 })) walked.push(order.id);
    expect(walked).toEqual(all.data.map((o) => o.id));
    expect(walked.length).toBe(all.total);
  });

  it('R20 exports the orders table as displayed: BOM, « ; », French headers, dd/mm/yyyy', async () => {
    const admin = await signIn();
    const product = await productOf(admin, 'official-approved');
    const order = await admin.orders.create({ lines: [{ productId: product.id, quantity: 4 }] });
    const file = await admin.orders.exportCsv({ q: order.number });
    expect(file.contentType).toMatch(/^text\/csv/);
    const text = await file.text();
    expect(text.startsWith('\ufeff')).toBe(true);
    const [header, ...rows] = text.slice(1).split('\r\n').filter((line) => line !== '');
    expect(header!.split(';').slice(0, 2)).toEqual(['N° Commande', 'Commandé le']);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.split(';').slice(0, 2)).toEqual([order.number, formatDate(order.createdAt)]);
    expect(rows[0]).toContain('284,00');
  });
});
