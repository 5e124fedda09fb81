import { describe, expect, it } from 'vitest';
import { aLot } from '../assignments/fixtures.js';
import { Stock, stockOf } from './stock.js';

const now = new Date('2024-05-10T10:00:00Z');
const may = '2024-05-31T21:59:59.999Z';
const june = '2024-06-30T21:59:59.999Z';
const yesterday = '2024-05-09T21:59:59.999Z';

describe('R4 stock (GET /stock)', () => {
  it('R4 sums the remaining credits of non-expired lots per exam type, in catalogue order, lots in consumption order', () => {
    const stock = stockOf(
      [
        aLot({ id: '1', orderId: 'o1', examType: 'official-laposte', remaining: 3, expiresAt: june }),
        aLot({ id: '2', orderId: 'o2', examType: 'blank-remote', remaining: 4, expiresAt: june }),
        aLot({ id: '3', orderId: 'o3', examType: 'blank-remote', remaining: 6, expiresAt: may }),
        aLot({ id: '4', orderId: 'o4', examType: 'blank-remote', remaining: 50, expiresAt: yesterday }),
        aLot({ id: '5', orderId: 'o5', examType: 'blank-onsite', remaining: 0, expiresAt: june }),
      ],
      now,
    );
    expect(stock).toEqual({
      total: 13,
      byType: [
        {
          examType: 'blank-remote',
          remaining: 10,
          lots: [
            { orderId: 'o3', remaining: 6, expiresAt: may },
            { orderId: 'o2', remaining: 4, expiresAt: june },
          ],
        },
        { examType: 'official-laposte', remaining: 3, lots: [{ orderId: 'o1', remaining: 3, expiresAt: june }] },
      ],
    });
    expect(Stock.parse(stock)).toEqual(stock);
  });

  it("R4 lists the space's exam types even once they run out, so the dashboard shows 0", () => {
    const stock = stockOf([aLot({ id: '1', examType: 'official-onsite', remaining: 2 })], now, {
      examTypes: ['official-onsite', 'blank-remote', 'custom-type'],
    });
    expect(stock.byType.map((t) => [t.examType, t.remaining])).toEqual([
      ['blank-remote', 0],
      ['official-onsite', 2],
      ['custom-type', 0],
    ]);
    expect(stock.total).toBe(2);
  });

  it('R4 an empty space has an empty stock', () => {
    expect(stockOf([], now)).toEqual({ total: 0, byType: [] });
  });
});
