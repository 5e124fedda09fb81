/**
 * Reads back what the builders wrote, without a PDF library: with
 * `compress: false` jsPDF leaves page streams as text, so the strings shown
 * by `(…) Tj` and the page objects can be found with regular expressions.
 * Strings are decoded as Windows-1252 with the code page's own table, written
 * here apart from the package's encoder (Node's `windows-1252` decoder is
 * Latin-1 and turns 0x80–0x9F into control characters).
 */
const UTF_16BE = new TextDecoder('utf-16be');
const CP1252_80_9F = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function unescapePdf(literal: string): string {
  return literal.replace(/\\([0-7]{1,3}|[nrtbf()\\])/g, (_, escaped: string) => {
    if (/^[0-7]+$/.test(escaped)) return String.fromCharCode(parseInt(escaped, 8));
    return ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' } as Record<string, string>)[escaped] ?? escaped;
  });
}

function decode(binary: string): string {
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return UTF_16BE.decode(bytes.subarray(2));
  let text = '';
  for (const byte of bytes) text += byte >= 0x80 && byte <= 0x9f ? CP1252_80_9F[byte - 0x80] : String.fromCharCode(byte);
  return text;
}

export interface PdfPage {
  /** Every string drawn, in drawing order. */
  texts: string[];
  /** The same, joined by spaces, for `toContain`. */
  text: string;
  /** Positions (pt) where text starts, to check that it stays on the page. */
  origins: { x: number; y: number }[];
}

export interface PdfReading {
  raw: string;
  pages: PdfPage[];
  /** Number of `/Type /Page` objects. */
  pageCount: number;
  info: Record<string, string>;
}

export function readPdf(bytes: Uint8Array): PdfReading {
  const raw = Buffer.from(bytes).toString('latin1');
  const objects = new Map<string, string>();
  for (const match of raw.matchAll(/(\d+) 0 obj\s*([\s\S]*?)\s*endobj/g)) objects.set(match[1] as string, match[2] as string);

  const pages: PdfPage[] = [];
  for (const body of objects.values()) {
    if (!/\/Type \/Page\b(?!s)/.test(body)) continue;
    const contents = /\/Contents (\d+) 0 R/.exec(body)?.[1];
    const stream = contents ? /stream\r?\n([\s\S]*?)\r?\nendstream/.exec(objects.get(contents) ?? '')?.[1] ?? '' : '';
    const texts: string[] = [];
    const origins: { x: number; y: number }[] = [];
    for (const op of stream.matchAll(/(-?[\d.]+) (-?[\d.]+) Td \(((?:\\[\s\S]|[^\\)])*)\) Tj/g)) {
      origins.push({ x: Number(op[1]), y: Number(op[2]) });
      texts.push(decode(unescapePdf(op[3] as string)));
    }
    pages.push({ texts, text: texts.join(' '), origins });
  }

  const info: Record<string, string> = {};
  const infoRef = /\/Info (\d+) 0 R/.exec(raw)?.[1];
  const infoBody = infoRef ? objects.get(infoRef) ?? '' : '';
  for (const entry of infoBody.matchAll(/\/(\w+) \(((?:\\[\s\S]|[^\\)])*)\)/g)) {
    info[entry[1] as string] = decode(unescapePdf(entry[2] as string));
  }

  return { raw, pages, pageCount: (raw.match(/\/Type \/Page\b(?!s)/g) ?? []).length, info };
}
