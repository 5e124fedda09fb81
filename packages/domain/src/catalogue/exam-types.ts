import { z } from 'zod';
import type { Locale } from '../i18n/labels.js';
import { DocumentKind, ExamKind, ExamTypeId, Supervision } from '../shared/enums.js';

/**
 * An exam type is data, not code (SPEC §2). Built in a pure IIFE so a bundle that
 * only needs the catalogue or `examTypeLabel` (an element) leaves zod out.
 */
export const ExamType = /* @__PURE__ */ (() =>
  z.object({
    id: z.string().min(1),
    label: z.string().min(1),
    kind: ExamKind,
    requiresDate: z.boolean(),
    requiresSession: z.boolean(),
    supervision: Supervision,
    manualValidation: z.boolean(),
    /** Documents beyond the detailed report (`registration`, `attendance`). */
    documents: z.array(DocumentKind.exclude(['report'])),
  }))();
export type ExamType = z.infer<typeof ExamType>;

/** The seeded catalogue, read off the manual (SPEC §2 table). Order is display order. */
export const EXAM_TYPES: readonly ExamType[] = [
  { id: 'blank-remote', label: 'Examen blanc - à distance', kind: 'blank', requiresDate: false, requiresSession: false, supervision: 'none', manualValidation: false, documents: [] },
  { id: 'blank-onsite', label: 'Examen blanc - sur site', kind: 'blank', requiresDate: true, requiresSession: false, supervision: 'partner', manualValidation: false, documents: [] },
  { id: 'blank-manual', label: 'Examen blanc - validation manuelle', kind: 'blank', requiresDate: false, requiresSession: false, supervision: 'none', manualValidation: true, documents: [] },
  { id: 'demo-remote', label: 'Examen démo - à distance', kind: 'demo', requiresDate: false, requiresSession: false, supervision: 'none', manualValidation: false, documents: [] },
  { id: 'demo-onsite', label: 'Examen démo - sur site', kind: 'demo', requiresDate: true, requiresSession: false, supervision: 'partner', manualValidation: false, documents: [] },
  { id: 'demo-manual', label: 'Examen démo - validation manuelle', kind: 'demo', requiresDate: false, requiresSession: false, supervision: 'none', manualValidation: true, documents: [] },
  { id: 'official-onsite', label: 'Examen officiel - sur site', kind: 'official', requiresDate: true, requiresSession: false, supervision: 'partner', manualValidation: false, documents: [] },
  { id: 'official-laposte', label: 'Examen officiel - en centre La Poste', kind: 'official', requiresDate: true, requiresSession: true, supervision: 'centre', manualValidation: false, documents: ['registration', 'attendance'] },
  { id: 'official-approved', label: 'Examen officiel - en centre agréé', kind: 'official', requiresDate: true, requiresSession: false, supervision: 'partner', manualValidation: false, documents: ['registration', 'attendance'] },
] satisfies readonly (ExamType & { id: ExamTypeId })[];

const BY_ID = new Map(EXAM_TYPES.map((t) => [t.id, t]));

/** The seeded exam type with this id, or undefined. */
export function findExamType(id: string, catalogue: readonly ExamType[] = EXAM_TYPES): ExamType | undefined {
  return catalogue === EXAM_TYPES ? BY_ID.get(id) : catalogue.find((t) => t.id === id);
}

/** The seeded exam types' names in English (the manual's French names are the catalogue's own `label`). */
const ENGLISH_LABELS: Readonly<Record<ExamTypeId, string>> = {
  'blank-remote': 'Practice exam - remote',
  'blank-onsite': 'Practice exam - on site',
  'blank-manual': 'Practice exam - manual validation',
  'demo-remote': 'Demo exam - remote',
  'demo-onsite': 'Demo exam - on site',
  'demo-manual': 'Demo exam - manual validation',
  'official-onsite': 'Official exam - on site',
  'official-laposte': 'Official exam - at a La Poste centre',
  'official-approved': 'Official exam - at an approved centre',
};

/**
 * The name of an exam type as the UI shows it: the catalogue's label (French,
 * the manual's words); in English, the seeded types' English names (a type
 * added to a catalogue keeps its own label). The id itself when unknown.
 */
export function examTypeLabel(id: string | null | undefined, catalogue: readonly ExamType[] = EXAM_TYPES, locale: Locale = 'fr'): string {
  if (!id) return '';
  if (locale === 'en' && Object.hasOwn(ENGLISH_LABELS, id)) return ENGLISH_LABELS[id as ExamTypeId];
  return findExamType(id, catalogue)?.label ?? id;
}

/** Which documents an exam type gives: the detailed report always, plus its own. */
export function documentsOf(type: ExamType): DocumentKind[] {
  return ['report', ...type.documents];
}
