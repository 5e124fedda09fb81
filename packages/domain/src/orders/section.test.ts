import { describe, expect, it } from 'vitest';
import type { OrderStatus } from '../shared/enums.js';
import { aLot } from '../assignments/fixtures.js';
import type { OrderRecord } from './lifecycle.js';
import { orderLineRemaining, orderSection, presentOrder } from './section.js';

const now = new Date('2019-11-01T10:00:00Z');
const future = '2020-12-31T22:59:59.999Z';
const past = '2019-10-31T22:59:59.999Z';

describe('R3 order sections (§4.1)', () => {
  it.each<[string, OrderStatus, { remaining: number; expiresAt: string }[], string]>([
    ['a pending order', 'pending', [], 'to_validate'],
    ['a delivered order with credits left', 'delivered', [{ remaining: 6, expiresAt: future }], 'to_consume'],
    ['a delivered order with one line left of two', 'delivered', [{ remaining: 0, expiresAt: future }, { remaining: 1, expiresAt: future }], 'to_consume'],
    ['a delivered order fully consumed', 'delivered', [{ remaining: 0, expiresAt: future }], 'history'],
    ['a delivered order whose credits expired unused', 'delivered', [{ remaining: 6, expiresAt: past }], 'history'],
    ['a cancelled order', 'cancelled', [], 'history'],
  ])('R3 puts %s in %s', (_case, status, lots, section) => {
    const orderLots = lots.map((l, i) => aLot({ id: `lot-${i}`, orderId: 'o-1', ...l }));
    const others = [aLot({ id: 'other', orderId: 'o-2', remaining: 5, expiresAt: future })];
    expect(orderSection({ id: 'o-1', status }, [...orderLots, ...others], now)).toBe(section);
  });

  it.each([
    [6, future, 6],
    [6, past, 0],
    [0, future, 0],
  ])('R3 a line with %i credits left expiring %s shows %i remaining', (remaining, expiresAt, shown) => {
    expect(orderLineRemaining({ remaining, expiresAt }, now)).toBe(shown);
  });

  it('R3 a lot is still consumable during the last millisecond of its expiry day', () => {
    expect(orderLineRemaining({ remaining: 3, expiresAt: past }, new Date('2019-10-31T22:59:59.999Z'))).toBe(3);
    expect(orderLineRemaining({ remaining: 3, expiresAt: past }, new Date('2019-10-31T23:00:00.000Z'))).toBe(0);
  });

  it("R2 R3 presents the manual's orders table: « En cours » at 340,80 €, « Livré » with 6 remaining", () => {
    const pending: OrderRecord = {
      id: 'o-p',
      number: 'P',
      createdAt: '2019-10-31T09:00:00.000Z',
      status: 'pending',
      vatRateBp: 2000,
      lines: [{ id: 'l-p', productId: 'p-blank', examType: 'blank-remote', quantity: 4, unitPriceHt: 7100 }],
    };
    const delivered: OrderRecord = {
      id: 'o-g',
      number: 'G',
      createdAt: '2018-02-19T09:00:00.000Z',
      status: 'delivered',
      vatRateBp: 2000,
      lines: [{ id: 'l-g', productId: 'p-free', examType: 'blank-remote', quantity: 30, unitPriceHt: 0 }],
    };
    const lot = aLot({ id: 'lot-g', orderId: 'o-g', orderLineId: 'l-g', quantity: 30, remaining: 6, expiresAt: future });

    expect(presentOrder(pending, [lot], now)).toEqual({
      id: 'o-p',
      number: 'P',
      createdAt: '2019-10-31T09:00:00.000Z',
      status: 'pending',
      section: 'to_validate',
      lines: [{ productId: 'p-blank', examType: 'blank-remote', quantity: 4, remaining: 0, unitPriceHt: 7100, ht: 28400, ttc: 34080, expiresAt: null }],
      totals: { ht: 28400, vat: 5680, ttc: 34080 },
    });
    const shown = presentOrder(delivered, [lot], now);
    expect(shown.section).toBe('to_consume');
    expect(shown.lines).toEqual([
      { productId: 'p-free', examType: 'blank-remote', quantity: 30, remaining: 6, unitPriceHt: 0, ht: 0, ttc: 0, expiresAt: future },
    ]);
    expect(shown.totals).toEqual({ ht: 0, vat: 0, ttc: 0 });
  });

  it('R3 matches lines to lots by exam type when the lots do not name their line', () => {
    const order: OrderRecord = {
      id: 'o-1',
      number: 'N',
      createdAt: '2019-01-01T09:00:00.000Z',
      status: 'delivered',
      vatRateBp: 2000,
      lines: [
        { id: 'a', productId: 'p1', examType: 'blank-remote', quantity: 4, unitPriceHt: 100 },
        { id: 'b', productId: 'p2', examType: 'official-onsite', quantity: 2, unitPriceHt: 100 },
      ],
    };
    const lots = [
      aLot({ id: 'x', orderId: 'o-1', examType: 'official-onsite', quantity: 2, remaining: 1, expiresAt: future }),
      aLot({ id: 'y', orderId: 'o-1', examType: 'blank-remote', quantity: 4, remaining: 3, expiresAt: future }),
    ];
    expect(presentOrder(order, lots, now).lines.map((l) => l.remaining)).toEqual([3, 1]);
  });
});
