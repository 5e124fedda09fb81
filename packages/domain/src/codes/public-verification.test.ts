import { describe, expect, it } from 'vitest';
import type { Validation } from '../shared/enums.js';
import { publicVerificationView } from './public-verification.js';

const examType = { id: 'official-onsite', label: 'Examen officiel - sur site' };
const candidate = {
  firstName: 'Léa',
  lastName: 'Martin',
  email: 'lea.martin@exemple.fr',
  birthDate: '1990-01-01',
  id: 'cand_1',
};

describe('R17 the public verification page', () => {
  it('R17 shows the exam type, score, taken and validity dates and the name — nothing else (§6.9 example)', () => {
    const attempt = { id: 'att_1', examType: 'official-onsite', score: 617, takenAt: '2019-06-07T08:00:00Z', validation: 'validated' as const, publicCode: 'W' };
    expect(publicVerificationView(attempt, candidate, examType)).toStrictEqual({
      examTypeLabel: 'Examen officiel - sur site',
      score: 617,
      takenAt: '2019-06-07',
      validUntil: '2022-06-06',
      firstName: 'Léa',
      lastName: 'Martin',
    });
  });

  it('R17 dates the exam in Paris: 23:30 UTC on 6 June is 7 June', () => {
    const attempt = { score: 617, takenAt: '2019-06-06T23:30:00Z', validation: 'validated' as const };
    expect(publicVerificationView(attempt, candidate, examType)).toMatchObject({ takenAt: '2019-06-07', validUntil: '2022-06-06' });
  });

  it.each<[Validation, number | null, string | null]>([
    ['pending', 617, '2019-06-07T08:00:00Z'],
    ['invalidated', 617, '2019-06-07T08:00:00Z'],
    ['validated', null, '2019-06-07T08:00:00Z'],
    ['validated', 617, null],
  ])('R17 refuses (not_found) an attempt %s with score %j taken at %j', (validation, score, takenAt) => {
    expect(() => publicVerificationView({ score, takenAt, validation }, candidate, examType)).toThrow(
      expect.objectContaining({ code: 'not_found', message: 'Aucun résultat validé ne correspond à ce code de vérification.' }),
    );
  });
});
