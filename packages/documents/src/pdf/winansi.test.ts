import { describe, expect, it } from 'vitest';
import { pdfLiteral, toWinAnsi } from './winansi.js';

describe('text for the standard PDF fonts', () => {
  it.each([
    'Hélène Cœurdacier, Saint-Étienne',
    'é è à ç ù â ê î ô û ë ï ü ÿ œ Œ æ « » € ’ “ ” – — … ©',
    "N'Diaye-Lefèvre",
    '',
  ])('keeps French text as it is: %j', (text) => {
    expect(toWinAnsi(text)).toBe(text);
  });

  it.each([
    ['Łukasz Wałęsa', 'Lukasz Walesa'],
    ['Nguyễn Thị Minh Khai', 'Nguyen Thi Minh Khai'],
    ['Dvořák Čapek', 'Dvorák Capek'],
    ['Ştefan Ţepeş', 'Stefan Tepes'],
    ['e\u0301cole', 'école'],
    ['Tab\there\nand line', 'Tab here and line'],
    ['1\u202f000\u00a0€', '1 000\u00a0€'],
    ['李 Wei', '? Wei'],
    ['Ελένη', '?????'],
  ])('replaces what the fonts cannot draw: %j → %j', (text, expected) => {
    expect(toWinAnsi(text)).toBe(expected);
  });

  it('writes a PDF literal with one Windows-1252 byte a character and the delimiters escaped', () => {
    expect(pdfLiteral('(a) \\ b')).toBe('(\\(a\\) \\\\ b)');
    expect(pdfLiteral('Cœur 12 € — « é »')).toBe('(C\x9cur 12 \x80 \x97 \xab \xe9 \xbb)');
  });
});
