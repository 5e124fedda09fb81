import { describe, expect, it } from 'vitest';
import { EXPORT_FILE_BASES, documentFileName, exportFileName, zipEntryNames } from './file-name.js';

describe('export file names', () => {
  const now = '2026-11-27T10:00:00Z';

  it.each([
    ['candidats', now, 'csv', 'candidats-2026-11-27.csv'],
    ['candidats', '2026-11-27T23:30:00Z', 'csv', 'candidats-2026-11-28.csv'],
    ['Candidats du groupe « Session de septembre »', now, 'csv', 'candidats-du-groupe-session-de-septembre-2026-11-27.csv'],
    ["Cœur d'Élève / Ærø", now, 'csv', 'coeur-d-eleve-aero-2026-11-27.csv'],
    ['../../etc/passwd', now, 'csv', 'etc-passwd-2026-11-27.csv'],
    ['«»', now, 'csv', 'export-2026-11-27.csv'],
    ['Bilans détaillés', now, 'pdf', 'bilans-detailles-2026-11-27.pdf'],
  ])('names %j at %s (.%s) %s: ASCII only, dated by the Paris day', (base, date, extension, expected) => {
    expect(exportFileName(base, date, extension)).toBe(expected);
    expect(expected).toMatch(/^[a-z0-9-]+\.[a-z]+$/);
  });

  it('names every export of the manual in French', () => {
    expect(Object.values(EXPORT_FILE_BASES).map((base) => exportFileName(base, now))).toEqual([
      'commandes-2026-11-27.csv',
      'groupes-2026-11-27.csv',
      'candidats-du-groupe-2026-11-27.csv',
      'candidats-2026-11-27.csv',
      'codes-activation-2026-11-27.csv',
    ]);
  });

  it.each([
    ['report', 'Cœurdacier Hélène', 'bilan-detaille-coeurdacier-helene-2026-11-27.pdf'],
    ['attendance', "N'Diaye François", 'attestation-passage-n-diaye-francois-2026-11-27.pdf'],
    ['registration', undefined, 'attestations-inscription-2026-11-27.pdf'],
    ['report', undefined, 'bilans-detailles-2026-11-27.pdf'],
  ] as const)('names the %s PDF of %j as %s', (kind, name, expected) => {
    expect(documentFileName(kind, now, name)).toBe(expected);
  });
});

describe('ZIP entry names (one PDF per candidate, §6.9–6.12 beyond the manual)', () => {
  it('names each PDF by the document and the candidate, in ASCII, numbering namesakes without regard to case', () => {
    const people = [
      { lastName: 'Dupont', firstName: 'Marie' },
      { lastName: 'Lévêque-Œuvray', firstName: 'Zoé' },
      { lastName: 'DUPONT', firstName: 'marie' },
      { lastName: '../../etc', firstName: 'Bjørn' },
      { lastName: '', firstName: 'Łukasz' },
    ];
    expect(zipEntryNames('attendance', people)).toEqual([
      'attestation-de-passage_DUPONT_Marie.pdf',
      'attestation-de-passage_LEVEQUE-OEUVRAY_Zoe.pdf',
      'attestation-de-passage_DUPONT_marie-2.pdf',
      'attestation-de-passage_ETC_Bjorn.pdf',
      'attestation-de-passage_CANDIDAT_Lukasz.pdf',
    ]);
    expect(zipEntryNames('report', [{ lastName: 'Martin', firstName: 'Léa' }])).toEqual(['bilan-detaille_MARTIN_Lea.pdf']);
  });
});
