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

/** Latin letters without accents or ligatures, case kept: « Lévêque-Œuvray » → `Leveque-OEuvray`. */
function latin(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/g, 'oe')
    .replace(/Œ/g, 'OE')
    .replace(/æ/g, 'ae')
    .replace(/Æ/g, 'AE')
    .replace(/ß/g, 'ss')
    .replace(/ø/g, 'o')
    .replace(/Ø/g, 'O')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

function ascii(text: string): string {
  return latin(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

/** A name part as plain ASCII letters, digits and hyphens, case kept: « Lévêque Dupont » → `Leveque-Dupont`. */
function entryPart(text: string): string {
  return latin(text)
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** What each PDF of a ZIP is called before the candidate's name: « attestation-de-passage_DUPONT_Marie.pdf ». */
export const ZIP_ENTRY_BASES: Record<DocumentKind, string> = {
  report: 'bilan-detaille',
  registration: 'attestation-d-inscription',
  attendance: 'attestation-de-passage',
};

/**
 * The entry names of a ZIP of documents, one per candidate in order:
 * `<kind>_<LAST NAME>_<First name>.pdf`, ASCII only (no path, no separator a
 * file system could read), a second « DUPONT Marie » becoming
 * `…_DUPONT_Marie-2.pdf` (compared without case, as Windows and macOS do).
 * The server and the mocks name their ZIPs with it.
 */
export function zipEntryNames(kind: DocumentKind, people: readonly { lastName: string; firstName: string }[]): string[] {
  const taken = new Set<string>();
  return people.map((person) => {
    const stem = [ZIP_ENTRY_BASES[kind], entryPart(person.lastName).toUpperCase() || 'CANDIDAT', entryPart(person.firstName)].filter(Boolean).join('_');
    let name = `${stem}.pdf`;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${stem}-${n}.pdf`;
    taken.add(name.toLowerCase());
    return name;
  });
}
