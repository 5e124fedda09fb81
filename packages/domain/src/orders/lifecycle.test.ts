import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import { planCancellation, planDelivery, type OrderRecord } from './lifecycle.js';

const order: OrderRecord = {
  id: 'o-1',
  number: 'P-2019-0042',
  createdAt: '2019-10-31T09:00:00.000Z',
  status: 'pending',
  vatRateBp: 2000,
  lines: [
    { id: 'l-1', productId: 'p-blank', examType: 'blank-remote', quantity: 4, unitPriceHt: 7100 },
    { id: 'l-2', productId: 'p-poste', examType: 'official-laposte', quantity: 2, unitPriceHt: 9900 },
  ],
};

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return (e as DomainError).code;
  }
  throw new Error('expected a DomainError');
}

describe('R3 order lifecycle', () => {
  it('R3 delivery creates one lot per line, all credits remaining, expiring 12 months later at the end of the Paris day', () => {
    const plan = planDelivery(order, new Date('2024-03-15T10:00:00Z'));
    expect(plan).toEqual({
      orderId: 'o-1',
      status: 'delivered',
      deliveredAt: '2024-03-15T10:00:00.000Z',
      lots: [
        { orderId: 'o-1', orderLineId: 'l-1', examType: 'blank-remote', quantity: 4, remaining: 4, expiresAt: '2025-03-15T22:59:59.999Z' },
        { orderId: 'o-1', orderLineId: 'l-2', examType: 'official-laposte', quantity: 2, remaining: 2, expiresAt: '2025-03-15T22:59:59.999Z' },
      ],
    });
  });

  it.each([
    // delivered at (UTC), validity months, expires at
    ['2024-06-30T23:30:00Z', 12, '2025-07-01T21:59:59.999Z'], // already 1 July in Paris
    ['2024-02-29T12:00:00Z', 12, '2025-02-28T22:59:59.999Z'], // no 29 February in 2025
    ['2024-01-31T12:00:00Z', 1, '2024-02-29T22:59:59.999Z'],
    ['2024-10-27T12:00:00Z', 6, '2025-04-27T21:59:59.999Z'], // winter → summer time
    ['2024-12-31T22:59:59Z', 24, '2026-12-31T22:59:59.999Z'],
  ])('R3 delivered at %s with %i months of validity, the credits expire at %s', (at, months, expiresAt) => {
    const plan = planDelivery(order, new Date(at), { validityMonths: months });
    expect(plan.lots.map((l) => l.expiresAt)).toEqual([expiresAt, expiresAt]);
  });

  it.each(['delivered', 'cancelled'] as const)('R3 refuses to deliver a %s order', (status) => {
    expect(codeOf(() => planDelivery({ ...order, status }, new Date('2024-03-15T10:00:00Z')))).toBe('conflict');
  });

  it('R3 cancels a pending order without touching any credit', () => {
    expect(planCancellation(order)).toEqual({ orderId: 'o-1', status: 'cancelled' });
  });

  it.each(['delivered', 'cancelled'] as const)('R3 refuses to cancel a %s order', (status) => {
    expect(codeOf(() => planCancellation({ ...order, status }))).toBe('conflict');
  });

  it('R3 refuses a validity that is not a whole number of months', () => {
    expect(() => planDelivery(order, new Date(), { validityMonths: 0 })).toThrow(RangeError);
  });
});
