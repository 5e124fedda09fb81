/**
 * The standard PDF fonts (Helvetica, Courier) speak WinAnsi (Windows-1252):
 * Latin-1 plus « œ Œ € ’ “ ” – — … » and a few others. Names come from
 * partners' forms, so every string drawn goes through {@link toWinAnsi}, then
 * {@link pdfLiteral} writes it as the bytes the font expects.
 */

/** The Windows-1252 bytes 0x80–0x9F, by the Unicode character they draw. */
const WIN_ANSI_HIGH = new Map<number, number>([
  [0x20ac, 0x80], [0x201a, 0x82], [0x0192, 0x83], [0x201e, 0x84], [0x2026, 0x85], [0x2020, 0x86], [0x2021, 0x87],
  [0x02c6, 0x88], [0x2030, 0x89], [0x0160, 0x8a], [0x2039, 0x8b], [0x0152, 0x8c], [0x017d, 0x8e], [0x2018, 0x91],
  [0x2019, 0x92], [0x201c, 0x93], [0x201d, 0x94], [0x2022, 0x95], [0x2013, 0x96], [0x2014, 0x97], [0x02dc, 0x98],
  [0x2122, 0x99], [0x0161, 0x9a], [0x203a, 0x9b], [0x0153, 0x9c], [0x017e, 0x9e], [0x0178, 0x9f],
]);

/** Letters that have no accent to strip but a usual Latin spelling. */
const LOOK_ALIKE: Record<string, string> = {
  ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ı: 'i', ŀ: 'l', Ŀ: 'L', ħ: 'h', Ħ: 'H', ŧ: 't', Ŧ: 'T', ĸ: 'k',
  ŉ: "'n", ſ: 's', '\u2010': '-', '\u2011': '-', '\u2212': '-', '\u2032': "'", '\u2033': '"',
};

const PLAIN = /^[\x20-\x7e\xa0-\xff]*$/;

function encodable(code: number): boolean {
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_HIGH.has(code);
}

function isSpace(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code < 0xa0) || (code >= 0x2000 && code <= 0x200b) || code === 0x202f || code === 0x205f || code === 0x3000;
}

/** The closest text the standard fonts can draw: accents kept where WinAnsi has them, else stripped, else `?`. */
export function toWinAnsi(text: string): string {
  if (PLAIN.test(text)) return text;
  let out = '';
  for (const char of text.normalize('NFC')) {
    const code = char.codePointAt(0) as number;
    if (encodable(code)) out += char;
    else if (isSpace(code)) out += ' ';
    else if (LOOK_ALIKE[char] !== undefined) out += LOOK_ALIKE[char];
    else {
      const stripped = char.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      out += stripped !== char && [...stripped].every((c) => encodable(c.codePointAt(0) as number)) ? stripped : '?';
    }
  }
  return out;
}

/**
 * A PDF literal string `(…)` of WinAnsi-safe text (see {@link toWinAnsi}): one
 * byte per character, `\`, `(` and `)` escaped.
 */
export function pdfLiteral(safeText: string): string {
  let out = '(';
  for (let i = 0; i < safeText.length; i++) {
    const char = safeText[i] as string;
    const code = safeText.charCodeAt(i);
    if (char === '\\' || char === '(' || char === ')') out += `\\${char}`;
    else if (code <= 0xff) out += char;
    else out += String.fromCharCode(WIN_ANSI_HIGH.get(code) ?? 0x3f);
  }
  return `${out})`;
}
