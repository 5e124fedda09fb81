import { describe, expect, it } from 'vitest';
import type { DocumentKind, Validation } from '../shared/enums.js';
import { EXAM_TYPES, type ExamType } from '../catalogue/exam-types.js';
import { assertAllEligible, documentEligibility, documentsAvailable, type EligibilityHistory } from './eligibility.js';

const attempt = (examType: string, validation: Validation, takenAt: string | null = '2019-11-18T09:00:00Z') => ({
  examType,
  validation,
  takenAt,
});
const history = (assignments: string[], attempts: ReturnType<typeof attempt>[]): EligibilityHistory => ({
  assignments: assignments.map((examType) => ({ examType })),
  attempts,
});

describe('R18 which documents a candidate has (§6.10–6.12)', () => {
  it.each<[string, EligibilityHistory, Record<DocumentKind, boolean>]>([
    ['nothing assigned, nothing taken', history([], []), { report: false, registration: false, attendance: false }],
    [
      'a practice exam scheduled',
      history(['blank-onsite'], []),
      { report: false, registration: false, attendance: false },
    ],
    [
      'a practice exam taken and validated',
      history(['blank-remote'], [attempt('blank-remote', 'validated')]),
      { report: true, registration: false, attendance: false },
    ],
    [
      'a practice exam with manual validation, pending',
      history(['blank-manual'], [attempt('blank-manual', 'pending')]),
      { report: false, registration: false, attendance: false },
    ],
    [
      'an approved-centre exam scheduled, not taken (« qu’il l’ait passé ou non »)',
      history(['official-approved'], []),
      { report: false, registration: true, attendance: false },
    ],
    [
      'a La Poste exam taken and validated',
      history(['official-laposte'], [attempt('official-laposte', 'validated')]),
      { report: true, registration: true, attendance: true },
    ],
    [
      'an approved-centre exam taken, invalidated',
      history(['official-approved'], [attempt('official-approved', 'invalidated')]),
      { report: false, registration: true, attendance: true },
    ],
    [
      'an approved-centre exam in progress (not yet taken)',
      history(['official-approved'], [attempt('official-approved', 'pending', null)]),
      { report: false, registration: true, attendance: false },
    ],
    [
      'an on-site official exam taken and validated (a type without certificates)',
      history(['official-onsite'], [attempt('official-onsite', 'validated')]),
      { report: true, registration: false, attendance: false },
    ],
    [
      'a past La Poste exam, then a practice exam now scheduled',
      history(['official-laposte', 'blank-remote'], [attempt('official-laposte', 'validated')]),
      { report: true, registration: true, attendance: true },
    ],
    [
      'an exam type unknown to the catalogue',
      history(['mystery'], [attempt('mystery', 'validated')]),
      { report: true, registration: false, attendance: false },
    ],
  ])('R18 %s', (_case, candidateHistory, expected) => {
    expect(documentsAvailable(candidateHistory)).toEqual(expected);
    for (const kind of ['report', 'registration', 'attendance'] as const) {
      expect(documentEligibility(kind, candidateHistory)).toBe(expected[kind]);
    }
  });

  it('R18 reads the documents an exam type gives from the catalogue passed', () => {
    const catalogue: ExamType[] = EXAM_TYPES.map((t) => (t.id === 'official-onsite' ? { ...t, documents: ['attendance'] } : t));
    const h = history(['official-onsite'], [attempt('official-onsite', 'validated')]);
    expect(documentsAvailable(h, catalogue)).toEqual({ report: true, registration: false, attendance: true });
  });

  it('R18 generates the bulk document only when every chosen candidate has it', () => {
    const candidates = [
      { id: 'c1', ...history(['official-laposte'], [attempt('official-laposte', 'validated')]) },
      { id: 'c2', ...history(['official-approved'], []) },
    ];
    expect(() => assertAllEligible('registration', candidates)).not.toThrow();
    expect(() => assertAllEligible('attendance', candidates)).toThrow(
      expect.objectContaining({
        code: 'not_eligible',
        message: "Certains candidats sélectionnés n'ont pas d'attestation de passage disponible.",
        details: { candidateIds: ['c2'] },
      }),
    );
  });

  it.each<[DocumentKind, string]>([
    ['report', "Certains candidats sélectionnés n'ont pas de bilan détaillé disponible."],
    ['registration', "Certains candidats sélectionnés n'ont pas d'attestation d'inscription disponible."],
    ['attendance', "Certains candidats sélectionnés n'ont pas d'attestation de passage disponible."],
  ])('R18 refuses a %s for candidates without one, naming them all in order', (kind, message) => {
    const candidates = [
      { id: 'z', ...history([], []) },
      { id: 'a', ...history(['blank-remote'], []) },
    ];
    expect(() => assertAllEligible(kind, candidates)).toThrow(
      expect.objectContaining({ code: 'not_eligible', message, details: { candidateIds: ['z', 'a'] } }),
    );
  });
});
