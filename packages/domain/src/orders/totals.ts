import type { Money } from './schemas.js';

/** VAT rate in basis points: 2000 = 20 %. The space's rate (R2), copied onto each order. */
export type VatRateBp = number;
export const DEFAULT_VAT_RATE_BP: VatRateBp = 2000;

function assertCents(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative whole number, got ${value}`);
}

/**
 * R2 — one line: `ht = quantity × unitPriceHt`; `ttc = ht × (1 + rate)` rounded
 * half-up to the cent, in integer arithmetic (BigInt: exact at any size).
 * 4 × 7100 at 20 % → `{ ht: 28400, ttc: 34080 }`.
 */
export function lineTotals(quantity: number, unitPriceHt: number, vatRateBp: VatRateBp): { ht: number; ttc: number } {
  assertCents('quantity', quantity);
  assertCents('unitPriceHt', unitPriceHt);
  assertCents('vatRateBp', vatRateBp);
  const ht = BigInt(quantity) * BigInt(unitPriceHt);
  // round(ht × (10000 + bp) / 10000), halves going up: floor((2x + d) / 2d).
  const x = ht * BigInt(10000 + vatRateBp);
  const ttc = (2n * x + 10000n) / 20000n;
  return { ht: Number(ht), ttc: Number(ttc) };
}

/** R2 — order totals: sums of the lines' totals; `vat = ttc − ht`. */
export function orderTotals(
  lines: readonly { quantity: number; unitPriceHt: number }[],
  vatRateBp: VatRateBp,
): Money {
  let ht = 0;
  let ttc = 0;
  for (const line of lines) {
    const t = lineTotals(line.quantity, line.unitPriceHt, vatRateBp);
    ht += t.ht;
    ttc += t.ttc;
  }
  return { ht, vat: ttc - ht, ttc };
}

/**
 * §4.1 « Au bas du tableau, on récapitule le prix total des commandes »: a
 * cancelled order was never owed, so it is listed (in « Historique ») but not
 * counted in the footer's totals.
 */
export function orderCountsInTotals(order: { status: string }): boolean {
  return order.status !== 'cancelled';
}

/** The footer of the orders table (§4.1): totals of the listed orders (pass those {@link orderCountsInTotals} keeps). */
export function sumMoney(amounts: readonly Money[]): Money {
  const total = { ht: 0, vat: 0, ttc: 0 };
  for (const m of amounts) {
    total.ht += m.ht;
    total.vat += m.vat;
    total.ttc += m.ttc;
  }
  return total;
}
