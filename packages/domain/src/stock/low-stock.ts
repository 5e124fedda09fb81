/** The default low-stock threshold: a type with this many credits or fewer is flagged (« Stock faible »). */
export const LOW_STOCK_THRESHOLD = 5;

/** How a type's stock reads in the assignment dialogs and on Accueil. */
export type StockLevel = 'out' | 'low' | 'enough';

/**
 * A type's stock level: `out` at 0 (nothing can be assigned), `low` from 1 up
 * to `threshold` credits (flagged, with « Commander »), else `enough`. A
 * threshold of 0 never flags; a negative or non-integer threshold is a
 * caller's mistake (`RangeError`), not a silent default.
 */
export function stockLevel(remaining: number, threshold: number = LOW_STOCK_THRESHOLD): StockLevel {
  if (!Number.isInteger(threshold) || threshold < 0) {
    throw new RangeError(`stockLevel: the threshold must be a whole number ≥ 0, got ${threshold}`);
  }
  if (remaining <= 0) return 'out';
  return remaining <= threshold ? 'low' : 'enough';
}
