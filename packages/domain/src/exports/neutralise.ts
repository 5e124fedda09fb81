/**
 * R20 — exported CSV cells are neutralised against formula injection: a text
 * cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed
 * with a single quote so that Excel shows it as text. Genuine numbers
 * (`-12`, `-12,5`, `+33 6 12 34 56 78` is *not* one) are left as they are.
 */
const DANGEROUS_START = /^[=+\-@\t\r]/;
const GENUINE_NUMBER = /^[+-]?(\d+|\d{1,3}(\s\d{3})+)([.,]\d+)?$/;

export function neutraliseCell(value: string): string {
  if (!DANGEROUS_START.test(value)) return value;
  if (GENUINE_NUMBER.test(value)) return value;
  return `'${value}`;
}
