import { parisDay, type DateInput } from '@clr/domain';

/** The base name of each export's download, French as the UI. */
export const EXPORT_FILE_BASES = {
  orders: 'commandes',
  groups: 'groupes',
  groupCandidates: 'candidats-du-groupe',
  candidates: 'candidats',
  activationCodes: 'codes-activation',
} as const;

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
