import { describe, expect, it } from 'vitest';
import { LOW_STOCK_THRESHOLD, stockLevel } from './low-stock.js';

describe('low stock (the dialogs and Accueil flag a type with few credits left)', () => {
  it.each([
    { remaining: 0, threshold: LOW_STOCK_THRESHOLD, level: 'out' },
    { remaining: 1, threshold: LOW_STOCK_THRESHOLD, level: 'low' },
    { remaining: 5, threshold: LOW_STOCK_THRESHOLD, level: 'low' },
    { remaining: 6, threshold: LOW_STOCK_THRESHOLD, level: 'enough' },
    { remaining: 200, threshold: LOW_STOCK_THRESHOLD, level: 'enough' },
    { remaining: 10, threshold: 10, level: 'low' },
    { remaining: 11, threshold: 10, level: 'enough' },
    { remaining: 1, threshold: 0, level: 'enough' },
    { remaining: 0, threshold: 0, level: 'out' },
  ] as const)('$remaining credits with a threshold of $threshold read as « $level »', ({ remaining, threshold, level }) => {
    expect(stockLevel(remaining, threshold)).toBe(level);
  });

  it('flags 5 credits or fewer by default', () => {
    expect(LOW_STOCK_THRESHOLD).toBe(5);
    expect(stockLevel(5)).toBe('low');
    expect(stockLevel(6)).toBe('enough');
  });

  it.each([-1, 2.5, Number.NaN])('refuses the threshold %s', (threshold) => {
    expect(() => stockLevel(3, threshold)).toThrow(RangeError);
  });
});
