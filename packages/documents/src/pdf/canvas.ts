import type { jsPDF } from 'jspdf';
import { pdfLiteral, toWinAnsi } from './winansi.js';

/**
 * A page painter writing PDF operators straight into a jsPDF page through its
 * plugin API (`doc.internal.write`, as jsPDF's own plugins do). jsPDF keeps the
 * file structure, fonts, metadata and compression; the painting skips its
 * general-purpose `text()` (Arabic shaping, per-call state dumps), which is
 * what makes 1,000 pages take under a second. Coordinates are millimetres from
 * the top-left corner of an A4 portrait page.
 */
export const PAGE = { width: 210, height: 297, margin: 20 } as const;
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;

const PT_PER_MM = 72 / 25.4;

type Rgb = readonly [number, number, number];
export const COLOURS = {
  navy: [21, 42, 82],
  red: [196, 22, 42],
  ink: [30, 34, 40],
  grey: [104, 112, 122],
  rule: [200, 207, 218],
  panel: [244, 246, 250],
  track: [226, 231, 238],
} as const satisfies Record<string, Rgb>;
export type Colour = keyof typeof COLOURS;

export type FontFace = 'regular' | 'bold' | 'italic' | 'mono';

export interface TextStyle {
  size: number;
  face?: FontFace;
  colour?: Colour;
  align?: 'left' | 'center' | 'right';
  /** Extra space between letters, in mm. */
  spacing?: number;
}

/** The part of jsPDF's plugin API this painter uses. */
interface JsPdfFont {
  id: string;
}
interface JsPdfInternal {
  write(content: string): void;
  getFont(name: string, style: string): JsPdfFont | undefined;
}

const FACES: Record<FontFace, readonly [string, string]> = {
  regular: ['helvetica', 'normal'],
  bold: ['helvetica', 'bold'],
  italic: ['helvetica', 'italic'],
  mono: ['courier', 'bold'],
};

const num = (value: number): string => String(Math.round(value * 100) / 100);
const px = (mm: number): string => num(mm * PT_PER_MM);
const py = (mm: number): string => num((PAGE.height - mm) * PT_PER_MM);

function colourOps(colour: Colour): { fill: string; stroke: string } {
  const [r, g, b] = COLOURS[colour].map((c) => num(c / 255)) as [string, string, string];
  return { fill: `${r} ${g} ${b} rg`, stroke: `${r} ${g} ${b} RG` };
}
const COLOUR_OPS = Object.fromEntries(
  (Object.keys(COLOURS) as Colour[]).map((c) => [c, colourOps(c)]),
) as Record<Colour, { fill: string; stroke: string }>;

export class PageCanvas {
  private readonly doc: jsPDF;
  private readonly internal: JsPdfInternal;
  private readonly fonts: Record<FontFace, JsPdfFont>;
  private readonly widths: Record<FontFace, Map<number, number>> = {
    regular: new Map(),
    bold: new Map(),
    italic: new Map(),
    mono: new Map(),
  };
  private ops: string[] = [];

  /** The document must be created with `putOnlyUsedFonts: false`: the fonts are named here, not through `text()`. */
  constructor(doc: jsPDF) {
    this.doc = doc;
    this.internal = doc.internal as unknown as JsPdfInternal;
    const font = (face: FontFace): JsPdfFont => {
      const [name, style] = FACES[face];
      const found = this.internal.getFont(name, style);
      if (!found) throw new Error(`jsPDF has no standard font ${name} ${style}`);
      return found;
    };
    this.fonts = { regular: font('regular'), bold: font('bold'), italic: font('italic'), mono: font('mono') };
  }

  /** Width in mm of text in a style, by the font's metrics. */
  measure(text: string, style: TextStyle): number {
    const safe = toWinAnsi(text);
    return this.measureSafe(safe, style);
  }

  private measureSafe(safe: string, style: TextStyle): number {
    const face = style.face ?? 'regular';
    const widths = this.widths[face];
    let units = 0;
    for (let i = 0; i < safe.length; i++) {
      const code = safe.charCodeAt(i);
      let w = widths.get(code);
      if (w === undefined) {
        // One character at a time: no kerning, as `Tj` draws it.
        w = (this.doc.getCharWidthsArray(safe[i] as string, { font: this.fonts[face], fontSize: 1 }) as number[])[0] ?? 0;
        widths.set(code, w);
      }
      units += w;
    }
    const spacing = style.spacing ?? 0;
    return (units * style.size) / PT_PER_MM + spacing * Math.max(0, safe.length - 1);
  }

  /** The largest size from `style.size` down to `minSize` (by half points) at which `text` fits `maxWidth`. */
  sizeToFit(text: string, maxWidth: number, style: TextStyle, minSize: number): number {
    const safe = toWinAnsi(text);
    const natural = this.measureSafe(safe, { ...style, size: 1 });
    if (natural * style.size <= maxWidth) return style.size;
    return Math.max(minSize, Math.floor((2 * maxWidth) / natural) / 2);
  }

  /** `text` shortened with « … » to fit `maxWidth`. */
  fit(text: string, maxWidth: number, style: TextStyle): string {
    const safe = toWinAnsi(text);
    if (this.measureSafe(safe, style) <= maxWidth) return safe;
    let low = 0;
    let high = safe.length;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (this.measureSafe(`${safe.slice(0, mid).trimEnd()}…`, style) <= maxWidth) low = mid;
      else high = mid - 1;
    }
    return `${safe.slice(0, low).trimEnd()}…`;
  }

  /** One line at baseline `y`; shortened to `maxWidth` when given. */
  text(value: string, x: number, y: number, style: TextStyle, maxWidth?: number): void {
    const safe = maxWidth === undefined ? toWinAnsi(value) : this.fit(value, maxWidth, style);
    const align = style.align ?? 'left';
    const left = align === 'left' ? x : x - this.measureSafe(safe, style) / (align === 'right' ? 1 : 2);
    const spacing = style.spacing ?? 0;
    const font = this.fonts[style.face ?? 'regular'];
    const colour = COLOUR_OPS[style.colour ?? 'ink'].fill;
    const tc = spacing === 0 ? '' : `${px(spacing)} Tc `;
    const reset = spacing === 0 ? '' : ' 0 Tc';
    this.ops.push(`BT /${font.id} ${num(style.size)} Tf ${colour} ${tc}${px(left)} ${py(y)} Td ${pdfLiteral(safe)} Tj${reset} ET`);
  }

  /** Words wrapped to `width`, at most `maxLines` lines, the last one shortened with « … » if need be. */
  wrap(value: string, width: number, style: TextStyle, maxLines = Number.POSITIVE_INFINITY): string[] {
    const space = this.measureSafe(' ', style);
    const lines: string[] = [];
    let line = '';
    let lineWidth = 0;
    const words = toWinAnsi(value).split(/\s+/).filter(Boolean);
    for (let i = 0; i < words.length; i++) {
      const word = words[i] as string;
      const wordWidth = this.measureSafe(word, style);
      if (line && lineWidth + space + wordWidth > width) {
        if (lines.length === maxLines - 1) {
          lines.push(this.fit(words.slice(i - line.split(' ').length).join(' '), width, style));
          return lines;
        }
        lines.push(line);
        line = '';
      }
      lineWidth = line ? lineWidth + space + wordWidth : wordWidth;
      line = line ? `${line} ${word}` : word;
    }
    if (line) lines.push(this.fit(line, width, style));
    return lines;
  }

  /** A paragraph wrapped to `width`; returns the baseline of its last line. */
  paragraph(value: string, x: number, y: number, width: number, style: TextStyle, leading = 1.35): number {
    const step = (style.size * leading) / PT_PER_MM;
    const lines = this.wrap(value, width, style);
    lines.forEach((line, i) => this.text(line, x, y + i * step, style));
    return y + Math.max(0, lines.length - 1) * step;
  }

  rect(x: number, y: number, w: number, h: number, fill: Colour): void {
    this.ops.push(`${COLOUR_OPS[fill].fill} ${px(x)} ${py(y + h)} ${px(w)} ${px(h)} re f`);
  }

  /** A rounded rectangle, filled and/or outlined. */
  roundedRect(x: number, y: number, w: number, h: number, r: number, fill: Colour | null, stroke: Colour | null, lineWidth = 0.3): void {
    const k = 0.5523 * r;
    const x0 = x;
    const x1 = x + w;
    const top = y;
    const bottom = y + h;
    const path = [
      `${px(x0 + r)} ${py(top)} m`,
      `${px(x1 - r)} ${py(top)} l`,
      `${px(x1 - r + k)} ${py(top)} ${px(x1)} ${py(top + r - k)} ${px(x1)} ${py(top + r)} c`,
      `${px(x1)} ${py(bottom - r)} l`,
      `${px(x1)} ${py(bottom - r + k)} ${px(x1 - r + k)} ${py(bottom)} ${px(x1 - r)} ${py(bottom)} c`,
      `${px(x0 + r)} ${py(bottom)} l`,
      `${px(x0 + r - k)} ${py(bottom)} ${px(x0)} ${py(bottom - r + k)} ${px(x0)} ${py(bottom - r)} c`,
      `${px(x0)} ${py(top + r)} l`,
      `${px(x0)} ${py(top + r - k)} ${px(x0 + r - k)} ${py(top)} ${px(x0 + r)} ${py(top)} c h`,
    ].join(' ');
    const paint = fill && stroke ? 'B' : fill ? 'f' : 'S';
    const state = [fill ? COLOUR_OPS[fill].fill : '', stroke ? `${COLOUR_OPS[stroke].stroke} ${px(lineWidth)} w` : '']
      .filter(Boolean)
      .join(' ');
    this.ops.push(`${state} ${path} ${paint}`);
  }

  line(x1: number, y1: number, x2: number, y2: number, colour: Colour, lineWidth: number): void {
    this.ops.push(`${COLOUR_OPS[colour].stroke} ${px(lineWidth)} w ${px(x1)} ${py(y1)} m ${px(x2)} ${py(y2)} l S`);
  }

  /** An outlined rectangle in dashes of `dash` mm. */
  dashedRect(x: number, y: number, w: number, h: number, colour: Colour, lineWidth: number, dash: readonly [number, number]): void {
    this.ops.push(
      `${COLOUR_OPS[colour].stroke} ${px(lineWidth)} w [${px(dash[0])} ${px(dash[1])}] 0 d ${px(x)} ${py(y + h)} ${px(w)} ${px(h)} re S [] 0 d`,
    );
  }

  triangle(points: readonly [number, number, number, number, number, number], fill: Colour): void {
    const [xa, ya, xb, yb, xc, yc] = points;
    this.ops.push(`${COLOUR_OPS[fill].fill} ${px(xa)} ${py(ya)} m ${px(xb)} ${py(yb)} l ${px(xc)} ${py(yc)} l h f`);
  }

  /** Writes what was painted into the document's current page. */
  flush(): void {
    if (this.ops.length === 0) return;
    this.internal.write(this.ops.join('\n'));
    this.ops = [];
  }
}
