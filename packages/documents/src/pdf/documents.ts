import { jsPDF } from 'jspdf';
import {
  DomainError,
  EXAM_TYPES,
  LABELS,
  assertAllEligible,
  examTypeLabel,
  formatDate,
  formatDateTime,
  fr,
  validUntil,
  type DateInput,
  type DocumentKind,
  type EligibilityHistory,
  type ExamType,
} from '@clr/domain';
import { CONTENT_WIDTH, PAGE, PageCanvas } from './canvas.js';
import { BRAND, field, footer, gauge, letterhead, panel, signature, title, verification } from './draw.js';
import type { CertificateData, DocumentOptions } from './types.js';

export const PDF_CONTENT_TYPE = 'application/pdf';

const TITLES = LABELS.fr.documentKind;
const PLURAL_TITLES: Record<DocumentKind, string> = {
  report: 'Bilans détaillés',
  registration: "Attestations d'inscription",
  attendance: 'Attestations de passage',
};

/** What R18 reads of a document's data: its exam as an assignment, and its attempt when taken. */
function historyOf(data: CertificateData): EligibilityHistory & { id: string } {
  const attempt = data.attempt ?? null;
  return {
    id: data.candidate.id,
    assignments: [{ examType: data.exam.type }],
    attempts: attempt ? [{ examType: data.exam.type, takenAt: attempt.takenAt, validation: attempt.validation }] : [],
  };
}

/**
 * One candidate's document, one A4 page (§6.10–6.12). Throws the domain's
 * `not_eligible` when R18 refuses it (`assertAllEligible`).
 */
export function buildDocument(kind: DocumentKind, data: CertificateData, options: DocumentOptions = {}): Uint8Array {
  return buildMergedDocument(kind, [data], options);
}

/**
 * Several candidates' documents merged into one PDF, one complete page each,
 * numbered through the file (§6.10 « un seul document pdf »). All or nothing,
 * by the domain's R18: if any candidate is not eligible, nothing is built and
 * the `not_eligible` error names them by id.
 */
export function buildMergedDocument(
  kind: DocumentKind,
  items: readonly CertificateData[],
  options: DocumentOptions = {},
): Uint8Array {
  if (items.length === 0) {
    const message = fr('candidateIds.required');
    throw new DomainError('validation_failed', message, { errors: [{ path: 'candidateIds', message }] });
  }
  const catalogue = options.catalogue ?? EXAM_TYPES;
  assertAllEligible(kind, items.map(historyOf), catalogue);

  const doc = new jsPDF({ orientation: 'portrait', unit: 'mm', format: 'a4', compress: options.compress ?? true, putOnlyUsedFonts: false });
  const first = items[0] as CertificateData;
  const docTitle = items.length === 1 ? `${TITLES[kind]} - ${displayName(first)}` : `${PLURAL_TITLES[kind]} - ${items.length} candidats`;
  doc.setProperties({
    title: docTitle,
    subject: `${TITLES[kind]} - ${first.spaceName}`,
    author: BRAND,
    creator: 'CLR Admin',
    keywords: `${BRAND}, ${TITLES[kind]}`,
  });
  doc.setCreationDate(toDate(first.issuedAt));
  doc.setLanguage('fr-FR');

  const canvas = new PageCanvas(doc);
  items.forEach((item, index) => {
    if (index > 0) doc.addPage('a4', 'portrait');
    drawPage(canvas, kind, item, catalogue);
    footer(canvas, `${BRAND} · ${TITLES[kind]} · ${displayName(item)}`, index + 1, items.length);
    canvas.flush();
  });
  return new Uint8Array(doc.output('arraybuffer'));
}

function toDate(value: DateInput): Date {
  if (value instanceof Date) return value;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T12:00:00Z`);
  return new Date(value);
}

function examLabel(data: CertificateData, catalogue: readonly ExamType[]): string {
  return data.exam.label ?? examTypeLabel(data.exam.type, catalogue);
}

/** « Madame Marie DUPONT ». */
function displayName(data: CertificateData): string {
  const c = data.candidate;
  return `${LABELS.fr.civility[c.civility]} ${c.firstName} ${c.lastName.toLocaleUpperCase('fr-FR')}`;
}

/** « 17/04/2018 à 09:00 ». */
function dayAndTime(value: DateInput | null | undefined): string {
  const text = formatDateTime(value);
  const space = text.indexOf(' ');
  return space < 0 ? text : `${text.slice(0, space)} à ${text.slice(space + 1)}`;
}

function agreed(data: CertificateData, masculine: string, feminine: string): string {
  return data.candidate.civility === 'mme' ? feminine : masculine;
}

const COL_1 = PAGE.margin + 6;
const COL_2 = PAGE.margin + 6 + CONTENT_WIDTH / 2;
const HALF = CONTENT_WIDTH / 2 - 10;
const FULL = CONTENT_WIDTH - 12;
const ROW = 11;

/** The framed identity block (§6.3 « Identité »); returns its bottom. */
function identityPanel(p: PageCanvas, data: CertificateData, y: number): number {
  const c = data.candidate;
  const height = 14 + 4 * ROW - 2;
  panel(p, 'Candidat', y, height);
  field(p, 'Nom et prénom', displayName(data), COL_1, y + 14, FULL);
  field(p, 'Nom de naissance', c.birthName?.toLocaleUpperCase('fr-FR') ?? '', COL_1, y + 14 + ROW, HALF);
  field(p, 'Date de naissance', formatDate(c.birthDate), COL_2, y + 14 + ROW, HALF);
  field(p, 'Commune de naissance', c.birthTown, COL_1, y + 14 + 2 * ROW, HALF);
  field(p, 'Pays de naissance', c.birthCountry, COL_2, y + 14 + 2 * ROW, HALF);
  field(p, 'Courriel (identifiant)', c.email, COL_1, y + 14 + 3 * ROW, FULL);
  return y + height;
}

/** The exam block of both certificates; returns its bottom. */
function examPanel(p: PageCanvas, data: CertificateData, catalogue: readonly ExamType[], dateLabel: string, date: string, y: number): number {
  const session = data.exam.session ?? null;
  const rows = session ? 3 : 2;
  const height = 14 + rows * ROW - 2;
  panel(p, 'Examen', y, height);
  field(p, "Type d'examen", examLabel(data, catalogue), COL_1, y + 14, FULL);
  field(p, dateLabel, date, COL_1, y + 14 + ROW, HALF);
  field(p, 'Organisme partenaire', data.spaceName, COL_2, y + 14 + ROW, HALF);
  if (session) field(p, "Centre d'examen", `${session.centre} - ${session.address}`, COL_1, y + 14 + 2 * ROW, FULL);
  return y + height;
}

/** Lowest top of the closing block, so that every document signs at the same height. */
const CLOSING_TOP = 208;

function closing(p: PageCanvas, data: CertificateData, after: number): void {
  const y = Math.max(after, CLOSING_TOP);
  const code = data.attempt?.publicCode;
  if (code) verification(p, code, data.verificationUrl, y + 4);
  signature(p, data.place ?? 'Paris', formatDate(data.issuedAt), y + 9);
}

function drawPage(p: PageCanvas, kind: DocumentKind, data: CertificateData, catalogue: readonly ExamType[]): void {
  letterhead(p, data.spaceName);
  const subtitle = examLabel(data, catalogue);
  let y = title(p, TITLES[kind], subtitle, 52) + 12;
  const name = displayName(data);
  const intro = { size: 10, colour: 'ink' } as const;

  if (kind === 'report') {
    y = p.paragraph(`Résultats obtenus par ${name} à l'examen de la ${BRAND} décrit ci-dessous.`, PAGE.margin, y, CONTENT_WIDTH, intro);
    y = identityPanel(p, data, y + 6);
    y = resultPanel(p, data, y + 6);
    const until = validityEnd(data);
    const note =
      "Le score est exprimé sur une échelle de 0 à 1000 points. Le résultat est valable trois ans à compter de la date de passage de l'examen" +
      (until ? `, soit jusqu'au ${until} inclus.` : '.');
    y = p.paragraph(note, PAGE.margin, y + 8, CONTENT_WIDTH, { size: 8.5, colour: 'grey' });
    closing(p, data, y + 6);
    return;
  }

  const registered = kind === 'registration';
  const statement = registered
    ? `La ${BRAND} atteste que ${name} est ${agreed(data, 'inscrit', 'inscrite')} à l'examen décrit ci-dessous.`
    : `La ${BRAND} atteste que ${name} a passé l'examen décrit ci-dessous.`;
  y = p.paragraph(statement, PAGE.margin, y, CONTENT_WIDTH, intro);
  y = identityPanel(p, data, y + 6);
  const session = data.exam.session ?? null;
  const date = registered
    ? session
      ? dayAndTime(session.startsAt)
      : formatDate(data.exam.scheduledAt)
    : dayAndTime(data.attempt?.takenAt);
  y = examPanel(p, data, catalogue, registered ? 'Date de passage prévue' : "Date de passage de l'examen", date, y + 6);
  y = p.paragraph('Cette attestation est délivrée pour servir et valoir ce que de droit.', PAGE.margin, y + 9, CONTENT_WIDTH, {
    size: 9.5,
    face: 'italic',
    colour: 'ink',
  });
  closing(p, data, y + 6);
}

/** R16 — the validity end the attempt carries, else the domain's: taken date + 3 years − 1 day. */
function validityEnd(data: CertificateData): string {
  const attempt = data.attempt;
  if (attempt?.validUntil) return formatDate(attempt.validUntil);
  return attempt?.takenAt ? formatDate(validUntil(attempt.takenAt)) : '';
}

/** The report's result: score /1000 in large, its gauge, taken date, validity (R16) and validation. */
function resultPanel(p: PageCanvas, data: CertificateData, y: number): number {
  const attempt = data.attempt;
  const score = attempt?.score ?? null;
  const height = 54;
  panel(p, 'Résultat', y, height);
  p.text('Score obtenu', COL_1, y + 14, { size: 7.5, colour: 'grey' });
  const big = { size: 34, face: 'bold', colour: 'navy' } as const;
  const digits = score === null ? '—' : String(score);
  p.text(digits, COL_1, y + 29, big);
  p.text('/1000', COL_1 + p.measure(digits, big) + 1.5, y + 29, { size: 13, face: 'bold', colour: 'grey' });
  gauge(p, score, 1000, 82, y + 20, PAGE.width - PAGE.margin - 6 - 82);
  const third = (CONTENT_WIDTH - 12) / 3;
  field(p, 'Effectué le', formatDate(attempt?.takenAt), COL_1, y + 41, third - 4);
  field(p, "Valide jusqu'au", validityEnd(data), COL_1 + third, y + 41, third - 4);
  field(p, 'Validation', attempt ? LABELS.fr.validation[attempt.validation] : '', COL_1 + 2 * third, y + 41, third - 4);
  return y + height;
}
