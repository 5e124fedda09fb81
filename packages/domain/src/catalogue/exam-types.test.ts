import { describe, expect, it } from 'vitest';
import { EXAM_TYPES, examTypeLabel } from './exam-types.js';

describe('exam type names', () => {
  it('are the manual’s French names by default: « Examen officiel - en centre La Poste »', () => {
    expect(examTypeLabel('official-laposte')).toBe('Examen officiel - en centre La Poste');
    expect(examTypeLabel(null)).toBe('');
    expect(examTypeLabel('inconnu')).toBe('inconnu');
  });

  it('have an English name for every seeded type, and a custom type keeps its own label in English', () => {
    for (const type of EXAM_TYPES) {
      const english = examTypeLabel(type.id, EXAM_TYPES, 'en');
      expect(english, type.id).not.toBe(type.label);
      expect(english, type.id).toMatch(/^(Practice|Demo|Official) exam - /);
    }
    expect(examTypeLabel('official-laposte', EXAM_TYPES, 'en')).toBe('Official exam - at a La Poste centre');
    const custom = [{ ...EXAM_TYPES[0]!, id: 'maison', label: 'Examen maison' }];
    expect(examTypeLabel('maison', custom, 'en')).toBe('Examen maison');
  });
});
