import { CONTENT_WIDTH, PAGE, type PageCanvas, type TextStyle } from './canvas.js';

/** The blocks the three documents are made of; flat colours, Helvetica, no images. */
export const BRAND = 'Certification Le Robert';

/** Letterhead: the brand on the left, the partner's space on the right, a red rule. */
export function letterhead(c: PageCanvas, spaceName: string): void {
  const { margin, width } = PAGE;
  const right = width - margin;
  c.rect(margin, 14, 2.2, 17, 'red');
  c.text(BRAND, margin + 6, 21.5, { size: 19, face: 'bold', colour: 'navy' });
  c.text('Certification en langue française', margin + 6, 28.5, { size: 9.5, colour: 'grey' });
  c.text('ESPACE PARTENAIRE', right, 20, { size: 7, face: 'bold', colour: 'grey', align: 'right', spacing: 0.35 });
  const name = { size: 10, face: 'bold', colour: 'navy', align: 'right' } as const;
  c.wrap(spaceName, 78, name, 2).forEach((line, i) => c.text(line, right, 25.5 + i * 4.4, name));
  c.line(margin, 36, right, 36, 'red', 0.6);
}

/** Centred title and subtitle; returns the subtitle's baseline. */
export function title(c: PageCanvas, heading: string, subtitle: string, y: number): number {
  const centre = PAGE.width / 2;
  c.text(heading, centre, y, { size: 22, face: 'bold', colour: 'navy', align: 'center' });
  c.text(subtitle, centre, y + 8, { size: 12, colour: 'grey', align: 'center' }, CONTENT_WIDTH);
  return y + 8;
}

/** A framed panel with a navy edge and its small capitalised heading; the caller fills it. */
export function panel(c: PageCanvas, heading: string, y: number, height: number): void {
  const { margin } = PAGE;
  c.roundedRect(margin, y, CONTENT_WIDTH, height, 2, 'panel', 'rule', 0.3);
  c.rect(margin, y + 2, 1.2, height - 4, 'navy');
  c.text(heading.toLocaleUpperCase('fr-FR'), margin + 6, y + 6.5, { size: 7.5, face: 'bold', colour: 'red', spacing: 0.4 });
}

export const FIELD_LABEL: TextStyle = { size: 7.5, colour: 'grey' };
export const FIELD_VALUE: TextStyle = { size: 10.5, face: 'bold', colour: 'ink' };

/**
 * A label over its value; an empty value prints a dash so that the form reads
 * complete. A long value is set smaller (down to 8 pt) before it is shortened.
 */
export function field(c: PageCanvas, label: string, value: string, x: number, y: number, width: number): void {
  c.text(label, x, y, FIELD_LABEL);
  const shown = value.trim() === '' ? '—' : value;
  const size = c.sizeToFit(shown, width, FIELD_VALUE, 8);
  c.text(shown, x, y + 5, size === FIELD_VALUE.size ? FIELD_VALUE : { ...FIELD_VALUE, size }, width);
}

/** « Fait à Paris, le 27/11/2026 », the signatory and a line to sign on. */
export function signature(c: PageCanvas, place: string, date: string, y: number): void {
  const x = 118;
  const right = PAGE.width - PAGE.margin;
  c.text(`Fait à ${place}, le ${date}`, x, y, { size: 10 }, right - x);
  c.text(`Pour la ${BRAND},`, x, y + 6, { size: 10 });
  c.text('Le responsable de la certification', x, y + 11, { size: 9, face: 'italic', colour: 'grey' });
  c.line(x, y + 28, right, y + 28, 'grey', 0.3);
  c.text('Signature et cachet', x, y + 32, { size: 7.5, colour: 'grey' });
}

/** The public verification code in a dashed frame, with the page that checks it (R17). */
export function verification(c: PageCanvas, code: string, url: string | null | undefined, y: number): void {
  const { margin } = PAGE;
  const w = 86;
  c.dashedRect(margin, y, w, 24, 'navy', 0.35, [1.2, 0.8]);
  c.text('CODE DE VÉRIFICATION', margin + 4, y + 5.5, { size: 7, face: 'bold', colour: 'grey', spacing: 0.35 });
  c.text(code, margin + 4, y + 13, { size: 15, face: 'mono', colour: 'navy', spacing: 0.6 }, w - 8);
  if (url) {
    c.text("Vérifiez l'authenticité de ce document sur :", margin + 4, y + 18, { size: 6.8, colour: 'grey' });
    c.text(url, margin + 4, y + 21.5, { size: 6.8, colour: 'navy' }, w - 8);
  } else {
    c.text("À saisir sur la page publique de vérification de l'examen.", margin + 4, y + 19.5, { size: 6.8, colour: 'grey' }, w - 8);
  }
}

/** Footer: a thin rule, what the page is, and its number in the whole file. */
export function footer(c: PageCanvas, left: string, page: number, pages: number): void {
  const { margin, width, height } = PAGE;
  const y = height - 12;
  c.line(margin, y - 4, width - margin, y - 4, 'rule', 0.3);
  c.text(left, margin, y, { size: 7.5, colour: 'grey' }, 140);
  c.text(`Page ${page} / ${pages}`, width - margin, y, { size: 7.5, colour: 'grey', align: 'right' });
}

/** A horizontal gauge of `score` out of `max`, its marker and graduations; an empty track for no score. */
export function gauge(c: PageCanvas, score: number | null, max: number, x: number, y: number, w: number): void {
  const h = 4;
  c.roundedRect(x, y, w, h, 2, 'track', null);
  if (score !== null) {
    const ratio = Math.max(0, Math.min(1, score / max));
    if (ratio > 0) c.roundedRect(x, y, Math.max(h, w * ratio), h, 2, 'navy', null);
    const at = x + w * ratio;
    c.triangle([at - 1.6, y - 2.6, at + 1.6, y - 2.6, at, y - 0.3], 'red');
  }
  for (let i = 0; i <= 4; i++) {
    const tx = x + (w * i) / 4;
    c.line(tx, y + h + 0.8, tx, y + h + 2.2, 'rule', 0.25);
    const align = i === 0 ? 'left' : i === 4 ? 'right' : 'center';
    c.text(String((max * i) / 4), tx, y + h + 5.6, { size: 7, colour: 'grey', align });
  }
}
