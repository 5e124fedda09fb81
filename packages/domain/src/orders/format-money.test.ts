import { describe, expect, it } from 'vitest';
import { formatMoney } from './format-money.js';

const nbsp = '\u00a0';

describe('formatMoney', () => {
  it.each([
    [34080, 'fr', `340,80${nbsp}€`],
    [34080, 'en', '€340.80'],
    [0, 'fr', `0,00${nbsp}€`],
    [5, 'fr', `0,05${nbsp}€`],
    [123456789, 'fr', `1${nbsp}234${nbsp}567,89${nbsp}€`],
    [123456789, 'en', '€1,234,567.89'],
    [-1250, 'fr', `-12,50${nbsp}€`],
    [-1250, 'en', '-€12.50'],
  ] as const)('R2 shows %i cents as the manual does (%s): %s', (cents, locale, expected) => {
    expect(formatMoney(cents, locale)).toBe(expected);
  });

  it('R2 speaks French by default', () => {
    expect(formatMoney(7100)).toBe(`71,00${nbsp}€`);
  });

  it('R2 refuses a fraction of a cent', () => {
    expect(() => formatMoney(1.5)).toThrow(RangeError);
  });
});
