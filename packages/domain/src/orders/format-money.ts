import type { Locale } from '../i18n/labels.js';

/** No-break space: keeps « 340,80 » and « € » on one line, and exists in the PDF fonts' WinAnsi encoding. */
const NBSP = '\u00a0';

function group(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/**
 * Money for people, from integer cents: `340,80 €` and `1 234,50 €` (fr, with
 * no-break spaces) or `€340.80` and `€1,234.50` (en). Written by hand rather
 * than with `Intl` so that every runtime, CSV and PDF gets the same characters
 * (Intl's French output uses U+202F, which the PDF fonts cannot draw).
 */
export function formatMoney(cents: number, locale: Locale = 'fr'): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`formatMoney: cents must be a whole number, got ${cents}`);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const units = String(Math.floor(abs / 100));
  const fraction = String(abs % 100).padStart(2, '0');
  return locale === 'fr'
    ? `${sign}${group(units, NBSP)},${fraction}${NBSP}€`
    : `${sign}€${group(units, ',')}.${fraction}`;
}
