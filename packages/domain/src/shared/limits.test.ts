import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LIMIT_DEFAULT, LIMIT_MAX, MAX_ORDER_QUANTITY, ORDER_QUANTITY_MAX, SELECTION_MAX } from '../index.js';

describe('bounds the elements import without zod', () => {
  it('R1 a quantity is at most 10 000, for the order form as for the request schema', () => {
    expect(MAX_ORDER_QUANTITY).toBe(10_000);
    expect(ORDER_QUANTITY_MAX).toBe(MAX_ORDER_QUANTITY);
  });

  it('a selection names at most 1 000 candidates and a page holds at most 200 rows, 50 by default', () => {
    expect([SELECTION_MAX, LIMIT_MAX, LIMIT_DEFAULT]).toEqual([1000, 200, 50]);
  });

  it.each(['shared/limits.ts', 'orders/validate-order.ts'])('%s imports nothing from zod (an element importing its bounds stays small)', (file) => {
    const source = readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');
    expect(source).not.toMatch(/from ['"]zod['"]/);
  });
});
