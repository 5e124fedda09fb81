import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatDate } from '@clr/domain';
import { cachedDateFormatter, formatCents, formatNumberCell } from './cells.js';

describe('money and numbers as French decimal text', () => {
  it.each([
    [34080, '340,80'],
    [28400, '284,00'],
    [7100, '71,00'],
    [0, '0,00'],
    [5, '0,05'],
    [-1250, '-12,50'],
    [123456789, '1234567,89'],
  ])('R20 writes %i cents as %s, which a French Excel reads as a number', (cents, text) => {
    expect(formatCents(cents)).toBe(text);
  });

  it.each([
    [942, '942'],
    [12.5, '12,5'],
    [-12.5, '-12,5'],
    [0, '0'],
    [Number.NaN, ''],
  ])('writes the number %d as %j', (value, text) => {
    expect(formatNumberCell(value)).toBe(text);
  });
});

describe('cached date formatter', () => {
  const start = Date.UTC(1995, 0, 1);
  const end = Date.UTC(2045, 11, 31);

  it('R20 gives exactly what the domain formatDate gives, for any instant, around daylight-saving changes too', () => {
    const format = cachedDateFormatter();
    fc.assert(
      fc.property(fc.integer({ min: start, max: end }), (time) => {
        const date = new Date(time);
        const expected = formatDate(date);
        expect(format(date.toISOString())).toBe(expected);
        expect(format(date)).toBe(expected);
        expect(format(time)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['2026-03-29T00:59:59Z', '29/03/2026'],
    ['2026-03-28T23:00:00Z', '29/03/2026'],
    ['2026-03-28T22:59:59.999Z', '28/03/2026'],
    ['2026-10-24T21:59:00Z', '24/10/2026'],
    ['2026-10-24T22:00:00Z', '25/10/2026'],
    ['2026-10-25T22:59:00Z', '25/10/2026'],
    ['2026-10-25T23:00:00Z', '26/10/2026'],
    ['2026-12-31T23:30:00+00:00', '01/01/2027'],
    ['2026-06-07T01:30:00+02:00', '07/06/2026'],
    ['2019-06-07', '07/06/2019'],
    ['', ''],
    ['not a date', ''],
  ])('R20 writes %s as the Paris day %j', (value, expected) => {
    const format = cachedDateFormatter();
    expect(format(value)).toBe(expected);
    expect(format(value)).toBe(formatDate(value));
  });

  it('writes nothing for a missing date', () => {
    const format = cachedDateFormatter();
    expect(format(null)).toBe('');
    expect(format(undefined)).toBe('');
    expect(format(new Date(Number.NaN))).toBe('');
  });
});
