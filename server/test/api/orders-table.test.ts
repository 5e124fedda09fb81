import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { orderCountsInTotals, orderTotals, sumMoney, type Order, type OrderSection } from '@clr/domain';
import { DEFAULT_CONFIG, type AppDeps } from '../../src/http/env.js';
import { loadExamTypes } from '../../src/services/catalogue.js';
import { cancelOrder, createOrder, deliverOrder, listOrders, ORDER_SECTIONS } from '../../src/services/orders.js';
import { closeAll } from '../support/db.js';
import { makeKit, makeProduct, spaceWithAdmin, type TestKit } from './helpers.js';

/**
 * R3 §4.1 — the orders table is filtered, sorted and paged by the database:
 * the section an order is listed in is the one the domain gives it
 * (`orderSection`: pending → « À valider », delivered with credits left in a
 * lot not expired → « À consommer », the rest → « Historique »), at the
 * clock's time and with no write when a lot expires; the footer sums every
 * listed order.
 */
let kit: TestKit;
let deps: AppDeps;
let spaceId: string;
let labels: Map<string, string>;
const orders: Record<'pending' | 'credited' | 'consumed' | 'expiring' | 'cancelled' | 'returned', string> = {
  pending: '', credited: '', consumed: '', expiring: '', cancelled: '', returned: '',
};

async function all(query: Partial<Parameters<typeof listOrders>[2]> = {}, limit = 2): Promise<{ rows: Order[]; totals: Order['totals'][]; total: number }> {
  const rows: Order[] = [];
  const totals: Order['totals'][] = [];
  let total = 0;
  let cursor: string | undefined;
  do {
    const page = await listOrders(deps, spaceId, { limit, ...query, ...(cursor ? { cursor } : {}) }, labels);
    rows.push(...page.data);
    totals.push(page.totals);
    total = page.total;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return { rows, totals, total };
}

beforeAll(async () => {
  kit = await makeKit();
  deps = { db: kit.db, now: kit.clock.now, random: (n) => randomBytes(n), config: { ...DEFAULT_CONFIG, log: () => undefined } };
  spaceId = (await spaceWithAdmin(kit, 'Commandes')).space.id;
  labels = new Map((await loadExamTypes(kit.db)).map((t) => [t.id, t.label]));
  const blank = await makeProduct(kit.db, spaceId, { examType: 'blank-remote', unitPriceHt: 7100, name: 'Examen blanc', reference: 'PART-BLANC' });
  const onsite = await makeProduct(kit.db, spaceId, { examType: 'official-onsite', unitPriceHt: 9900, name: 'Examen officiel', reference: 'PART-OFFICIEL' });
  let day = 1;
  const place = async (lines: { productId: string; quantity: number }[]) => {
    kit.clock.set(`2026-01-${String(day++).padStart(2, '0')}T10:00:00Z`);
    return ((await createOrder(deps, spaceId, null, { lines }, undefined)).body as Order).id;
  };
  for (const key of Object.keys(orders) as (keyof typeof orders)[]) orders[key] = await place([{ productId: key === 'credited' ? onsite.id : blank.id, quantity: 3 }]);
  kit.clock.set('2026-01-20T10:00:00Z');
  for (const key of ['credited', 'consumed', 'expiring', 'returned'] as const) await deliverOrder(deps, orders[key]);
  await cancelOrder(deps, orders.cancelled);
  await kit.db.creditLot.updateMany({ where: { orderId: { in: [orders.consumed, orders.returned] } }, data: { remaining: 0 } });
  // R7: a credit given back brings its order back to « À consommer ».
  await kit.db.creditLot.updateMany({ where: { orderId: orders.returned }, data: { remaining: 1 } });
  // This one's lot ends today: past the end of the day it has expired (R19's clock, no write).
  await kit.db.creditLot.updateMany({ where: { orderId: orders.expiring }, data: { expiresAt: new Date('2026-01-20T22:59:59.999Z') } });
});
afterAll(() => closeAll());

const sectionOf = (rows: Order[]) => Object.fromEntries(rows.map((o) => [o.id, o.section]));

describe('R3 the orders table in the database', () => {
  it('lists each order in the section the domain gives it, sections in order, newest first inside each', async () => {
    const { rows, total } = await all();
    expect(total).toBe(6);
    expect(sectionOf(rows)).toEqual({
      [orders.pending]: 'to_validate',
      [orders.credited]: 'to_consume',
      [orders.expiring]: 'to_consume',
      [orders.returned]: 'to_consume',
      [orders.consumed]: 'history',
      [orders.cancelled]: 'history',
    });
    expect(rows.map((o) => ORDER_SECTIONS.indexOf(o.section))).toEqual([...rows.map((o) => ORDER_SECTIONS.indexOf(o.section))].sort());
    expect(rows.filter((o) => o.section === 'to_consume').map((o) => o.id)).toEqual([orders.returned, orders.expiring, orders.credited]);
  });

  it.each(['to_validate', 'to_consume', 'history'] as OrderSection[])('the section filter %s lists exactly that section, at any page size', async (section) => {
    const everything = (await all({}, 100)).rows.filter((o) => o.section === section).map((o) => o.id);
    for (const limit of [1, 2, 100]) {
      const { rows, total } = await all({ section }, limit);
      expect(rows.map((o) => o.id)).toEqual(everything);
      expect(rows.every((o) => o.section === section)).toBe(true);
      expect(total).toBe(everything.length);
    }
  });

  it('R3 an order whose lot expires moves to « Historique » when the clock passes the end of its day, with no write', async () => {
    kit.clock.set('2026-01-20T22:59:59.999Z');
    expect(sectionOf((await all({ section: 'to_consume' })).rows)[orders.expiring]).toBe('to_consume');
    kit.clock.set('2026-01-20T23:00:00.000Z');
    const later = await all({}, 100);
    expect(sectionOf(later.rows)[orders.expiring]).toBe('history');
    expect((await all({ section: 'history' })).rows.map((o) => o.id)).toContain(orders.expiring);
    kit.clock.set('2026-01-20T10:00:00Z');
  });

  it('R2 the footer sums every listed order (all pages) but the cancelled ones, under the filters', async () => {
    for (const query of [{}, { section: 'history' as const }, { examType: 'official-onsite' }, { q: 'blanc' }, { q: 'zzz' }]) {
      const { rows, totals } = await all(query, 1);
      const expected = sumMoney(rows.filter(orderCountsInTotals).map((o) => orderTotals(o.lines, 2000)));
      expect(new Set(totals.map((t) => JSON.stringify(t)))).toEqual(new Set([JSON.stringify(expected)]));
    }
  });

  it('« Rechercher » finds the number, the product’s name or reference, and the exam type, accents and case ignored', async () => {
    const byNumber = (await all({ q: (await all({ section: 'to_validate' })).rows[0]!.number })).rows;
    expect(byNumber.map((o) => o.id)).toEqual([orders.pending]);
    expect((await all({ q: 'OFFICIEL' })).rows.map((o) => o.id)).toEqual([orders.credited]);
    expect((await all({ q: 'part-offi' })).rows.map((o) => o.id)).toEqual([orders.credited]);
    const byType = (await all({ q: labels.get('official-onsite')!.toUpperCase() })).rows;
    expect(byType.map((o) => o.id)).toEqual([orders.credited]);
    expect((await all({ q: 'zzz' })).rows).toEqual([]);
  });
});
