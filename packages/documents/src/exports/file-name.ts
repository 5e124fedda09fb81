import { parisDay, type DateInput, type DocumentKind } from '@clr/domain';

/** The base name of each export's download, French as the UI. */
export const EXPORT_FILE_BASES = {
  orders: 'commandes',
  groups: 'groupes',
  groupCandidates: 'candidats-du-groupe',
  candidates: 'candidats',
  activationCodes: 'codes-activation',
} as const;

/** The base name of each PDF download: one candidate's, and a merged one's. */
export const DOCUMENT_FILE_BASES: Record<DocumentKind, { one: string; many: string }> = {
  report: { one: 'bilan-detaille', many: 'bilans-detailles' },
  registration: { one: 'attestation-inscription', many: 'attestations-inscription' },
  attendance: { one: 'attestation-passage', many: 'attestations-passage' },
};

/**
 * The download name of a document: `attestation-passage-dupont-francois-2026-11-27.pdf`
 * for one candidate (named by `candidateName`), `attestations-passage-2026-11-27.pdf` merged.
 */
export function documentFileName(kind: DocumentKind, now: DateInput = new Date(), candidateName?: string): string {
  const bases = DOCUMENT_FILE_BASES[kind];
  const name = candidateName ? ascii(candidateName) : '';
  return exportFileName(name ? `${bases.one}-${name}` : bases.many, now, 'pdf');
}

/**
 * A safe download name, ASCII only, dated by the Paris day:
 * `exportFileName('candidats', now)` → `candidats-2026-11-27.csv`;
 * `exportFileName('Session de septembre', now)` → `session-de-septembre-2026-11-27.csv`.
 */
export function exportFileName(base: string, now: DateInput = new Date(), extension = 'csv'): string {
  const slug = ascii(base) || 'export';
  const ext = ascii(extension) || 'csv';
  return `${slug}-${parisDay(now)}.${ext}`;
}

function ascii(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/g, 'oe')
    .replace(/Œ/g, 'OE')
    .replace(/æ/g, 'ae')
    .replace(/Æ/g, 'AE')
    .replace(/ß/g, 'ss')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}
