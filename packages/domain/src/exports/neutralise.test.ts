import { describe, expect, it } from 'vitest';
import { neutraliseCell } from './neutralise.js';

describe('R20 formula neutralisation of exported cells', () => {
  it.each([
    ['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
    ['+33 6 12 34 56 78', `'+33 6 12 34 56 78`],
    ['-cmd', `'-cmd`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tfoo', `'\tfoo`],
    ['\rfoo', `'\rfoo`],
  ])('R20 neutralises a cell that starts a formula: %j', (input, expected) => {
    expect(neutraliseCell(input)).toBe(expected);
  });

  it.each(['-12', '-12,5', '+4.25', '-1 000,50', 'Dupont', "N'Diaye", 'é=1', ''])(
    'R20 leaves a harmless cell or a genuine number as it is: %j',
    (input) => {
      expect(neutraliseCell(input)).toBe(input);
    },
  );
});
