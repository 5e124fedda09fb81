import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineTotals, orderTotals, sumMoney } from './totals.js';

describe('R2 order totals', () => {
  it.each([
    // quantity, unit HT, VAT bp, HT, TTC
    [4, 7100, 2000, 28400, 34080],
    [10, 7100, 2000, 71000, 85200],
    [30, 0, 2000, 0, 0],
    [1, 7100, 0, 7100, 7100],
    [1, 1, 2000, 1, 1], // 1,2 cent → 1
    [1, 3, 5000, 3, 5], // 4,5 cents → 5: a half goes up
    [1, 5, 1000, 5, 6], // 5,5 cents → 6
    [3, 333, 550, 999, 1054], // 1053,945 cents → 1054 (5,5 %)
    [10_000, 999_999, 2000, 9_999_990_000, 11_999_988_000],
  ])('R2 %i × %i cents at %i bp gives %i HT and %i TTC, rounded half-up per line', (quantity, unit, bp, ht, ttc) => {
    expect(lineTotals(quantity, unit, bp)).toEqual({ ht, ttc });
  });

  it("R2 totals the manual's order: 4 × 71,00 € = 284,00 € HT = 340,80 € TTC", () => {
    expect(orderTotals([{ quantity: 4, unitPriceHt: 7100 }], 2000)).toEqual({ ht: 28400, vat: 5680, ttc: 34080 });
  });

  it('R2 rounds each line, then sums: two lines of 4,5 cents make 10, not 9', () => {
    const lines = [
      { quantity: 1, unitPriceHt: 3 },
      { quantity: 1, unitPriceHt: 3 },
    ];
    expect(orderTotals(lines, 5000)).toEqual({ ht: 6, vat: 4, ttc: 10 });
  });

  it('R2 an empty order totals zero', () => {
    expect(orderTotals([], 2000)).toEqual({ ht: 0, vat: 0, ttc: 0 });
  });

  it.each([
    [1.5, 100, 2000],
    [-1, 100, 2000],
    [1, 10.5, 2000],
    [1, 100, -1],
    [1, 100, 19.6],
  ])('R2 refuses amounts that are not whole cents (%d × %d at %d bp)', (q, u, bp) => {
    expect(() => lineTotals(q, u, bp)).toThrow(RangeError);
  });

  it('R2 the footer of the orders table sums the listed orders', () => {
    expect(
      sumMoney([
        { ht: 28400, vat: 5680, ttc: 34080 },
        { ht: 71000, vat: 14200, ttc: 85200 },
      ]),
    ).toEqual({ ht: 99400, vat: 19880, ttc: 119280 });
  });

  const line = fc.record({
    quantity: fc.integer({ min: 1, max: 10_000 }),
    unitPriceHt: fc.integer({ min: 0, max: 1_000_000 }),
  });
  const rate = fc.integer({ min: 0, max: 10_000 });

  it('R2 the order total is always the sum of its line totals, and vat = ttc − ht', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 20 }), rate, (lines, bp) => {
        const totals = orderTotals(lines, bp);
        const each = lines.map((l) => lineTotals(l.quantity, l.unitPriceHt, bp));
        expect(totals.ht).toBe(each.reduce((s, t) => s + t.ht, 0));
        expect(totals.ttc).toBe(each.reduce((s, t) => s + t.ttc, 0));
        expect(totals.vat).toBe(totals.ttc - totals.ht);
      }),
    );
  });

  it('R2 TTC is never below HT and is the exact amount rounded half-up to the cent', () => {
    fc.assert(
      fc.property(line, rate, ({ quantity, unitPriceHt }, bp) => {
        const { ht, ttc } = lineTotals(quantity, unitPriceHt, bp);
        expect(ht).toBe(quantity * unitPriceHt);
        expect(ttc).toBeGreaterThanOrEqual(ht);
        // exact TTC × 10000 = ht × (10000 + bp); the rounded one is within half a cent, halves up.
        const exact = BigInt(ht) * BigInt(10_000 + bp);
        const diff = BigInt(ttc) * 10_000n - exact;
        expect(diff > -5000n && diff <= 5000n).toBe(true);
      }),
    );
  });
});

describe('§4.1 the footer of the orders table', () => {
  it.each([
    ['pending', true],
    ['delivered', true],
    ['cancelled', false],
  ])('counts a %s order in the totals: %s', async (status, counted) => {
    const { orderCountsInTotals } = await import('./totals.js');
    expect(orderCountsInTotals({ status })).toBe(counted);
  });
});
