import { describe, expect, it } from 'vitest';
import { DomainError, EXAM_TYPES, type ExamType } from '@clr/domain';
import { candidateNumber, laPosteCandidate, registeredCandidate } from '../../test/fixtures.js';
import { readPdf } from '../../test/pdf-reader.js';
import { buildDocument, buildMergedDocument } from './documents.js';
import type { CertificateData } from './types.js';

const A4 = { width: 595.28, height: 841.89 };
const read = (kind: Parameters<typeof buildDocument>[0], data: CertificateData) => readPdf(buildDocument(kind, data, { compress: false }));

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('« Bilan détaillé » (§6.10)', () => {
  const pdf = read('report', laPosteCandidate());
  const page = pdf.pages[0];

  it('R18 prints the detailed report of a validated attempt on one A4 page', () => {
    expect(pdf.pageCount).toBe(1);
    expect(page?.texts).toEqual(expect.arrayContaining(['Certification Le Robert', 'Bilan détaillé', 'Examen officiel - en centre La Poste']));
    expect(page?.text).toContain('Lycée Stendhal — Grenoble');
  });

  it("R18 shows the candidate's identity in the manual's terms", () => {
    expect(page?.texts).toEqual(
      expect.arrayContaining([
        'Madame Hélène N\'DIAYE-LEFÈVRE',
        'CŒURDACIER',
        '28/02/1994',
        'Saint-Étienne',
        'France',
        'helene.ndiaye@exemple.fr',
      ]),
    );
  });

  it('R18 shows the score out of 1000 with its gauge graduations and the validation', () => {
    expect(page?.texts).toEqual(expect.arrayContaining(['Score obtenu', '617', '/1000', '0', '500', '1000', 'Validation', 'Validé']));
  });

  it("R16 shows the taken date and « Valide jusqu'au » the validity end", () => {
    expect(page?.texts).toEqual(expect.arrayContaining(['Effectué le', '17/04/2018', "Valide jusqu'au", '16/04/2021']));
    expect(page?.text).toContain("soit jusqu'au 16/04/2021 inclus.");
  });

  it("R16 works out « Valide jusqu'au » from the taken date when the attempt does not carry it (07/06/2019 → 06/06/2022)", () => {
    const base = laPosteCandidate();
    const data = { ...base, attempt: { ...base.attempt!, takenAt: '2019-06-07T08:30:00Z', validUntil: null } };
    expect(read('report', data).pages[0]?.texts).toEqual(expect.arrayContaining(['07/06/2019', '06/06/2022']));
  });

  it('R17 shows the public verification code and the page that checks it', () => {
    expect(page?.texts).toEqual(
      expect.arrayContaining(['CODE DE VÉRIFICATION', 'W7KQ9XB3HM', 'https://admin.certification-lerobert.example/verify/W7KQ9XB3HM']),
    );
  });

  it('ends with place and date, a signature line and the page number', () => {
    expect(page?.texts).toEqual(
      expect.arrayContaining(['Fait à Paris, le 27/11/2026', 'Signature et cachet', 'Page 1 / 1', "Certification Le Robert · Bilan détaillé · Madame Hélène N'DIAYE-LEFÈVRE"]),
    );
  });

  it('sets the title, author and creation date of the file', () => {
    expect(pdf.info).toMatchObject({
      Title: "Bilan détaillé - Madame Hélène N'DIAYE-LEFÈVRE",
      Author: 'Certification Le Robert',
      Creator: 'CLR Admin',
    });
    expect(pdf.info.CreationDate).toMatch(/^D:20261127100000/);
  });

  it('keeps every line of text on the page', () => {
    for (const { x, y } of page?.origins ?? []) {
      expect(x).toBeGreaterThanOrEqual(50);
      expect(x).toBeLessThan(A4.width - 50);
      expect(y).toBeGreaterThan(20);
      expect(y).toBeLessThan(A4.height - 30);
    }
  });
});

describe("« Attestation d'inscription » (§6.11)", () => {
  it('R18 certifies the registration with the La Poste session: centre, address, date and time in Paris', () => {
    const page = read('registration', laPosteCandidate()).pages[0];
    expect(page?.texts).toEqual(
      expect.arrayContaining([
        "Attestation d'inscription",
        'Date de passage prévue',
        '17/04/2018 à 09:00',
        'Centre La Poste - Grenoble - 11, boulevard Maréchal Lyautey, 38000 Grenoble',
      ]),
    );
    expect(page?.text).toContain("Madame Hélène N'DIAYE-LEFÈVRE est inscrite à l'examen décrit ci-dessous.");
  });

  it('R18 certifies the registration of a candidate who has not taken the exam yet, with the scheduled day', () => {
    const page = read('registration', registeredCandidate()).pages[0];
    expect(page?.texts).toEqual(expect.arrayContaining(['15/12/2026', 'Examen officiel - en centre agréé', 'Alliance Formation', '—']));
    expect(page?.text).toContain('Monsieur François DUPONT est inscrit à');
    expect(page?.text).not.toContain('CODE DE VÉRIFICATION');
  });
});

describe('« Attestation de passage » (§6.12)', () => {
  it('R18 certifies that the candidate took the exam, on which day and at what time', () => {
    const page = read('attendance', laPosteCandidate()).pages[0];
    expect(page?.texts).toEqual(expect.arrayContaining(['Attestation de passage', "Date de passage de l'examen", '17/04/2018 à 09:12', 'W7KQ9XB3HM']));
    expect(page?.text).toContain("a passé l'examen décrit ci-dessous.");
    expect(page?.text).not.toContain('617');
  });
});

describe('merged documents (§6.10 « un seul document pdf »)', () => {
  it.each([1, 3, 25])('R18 merges %i candidates into one PDF, one complete page each, numbered through the file', (n) => {
    const items = Array.from({ length: n }, (_, i) => candidateNumber(i + 1));
    const pdf = readPdf(buildMergedDocument('attendance', items, { compress: false }));
    expect(pdf.pageCount).toBe(n);
    expect(pdf.pages).toHaveLength(n);
    pdf.pages.forEach((page, i) => {
      const c = items[i]?.candidate;
      expect(page.text).toContain(`${c?.firstName} ${c?.lastName.toLocaleUpperCase('fr-FR')}`);
      expect(page.text).toContain(items[i]?.attempt?.publicCode);
      expect(page.texts).toEqual(expect.arrayContaining(['Attestation de passage', 'Signature et cachet', `Page ${i + 1} / ${n}`]));
    });
    expect(pdf.info.Title).toBe(n === 1 ? 'Attestation de passage - Monsieur François LEFÈVRE-1' : `Attestations de passage - ${n} candidats`);
  });

  it('compresses by default and still holds one page per candidate', () => {
    const items = [1, 2, 3, 4].map(candidateNumber);
    const compressed = buildMergedDocument('report', items);
    const plain = buildMergedDocument('report', items, { compress: false });
    expect(readPdf(compressed).raw).toContain('/FlateDecode');
    expect(compressed.length).toBeLessThan(plain.length / 2);
    expect(readPdf(compressed).pageCount).toBe(4);
  });
});

describe('accents and unusual names', () => {
  it('prints French accents, « œ », guillemets and the euro sign as themselves', () => {
    const data = laPosteCandidate({ spaceName: 'École « Les Îles » — 12 € ça va', place: 'Besançon' });
    const page = read('report', data).pages[0];
    expect(page?.text).toContain('École « Les Îles » — 12 € ça va');
    expect(page?.text).toContain('Fait à Besançon, le 27/11/2026');
  });

  it('prints a name outside the Latin-1 range with the closest letters instead of garbage', () => {
    const base = laPosteCandidate();
    const page = read('report', { ...base, candidate: { ...base.candidate, firstName: 'Łucja', lastName: 'Nguyễn' } }).pages[0];
    expect(page?.texts).toContain('Madame Lucja NGUYEN');
  });

  it('shortens a value too long for its box with « … » instead of running off the page', () => {
    const base = laPosteCandidate();
    const email = `${'tres.long.identifiant.'.repeat(10)}@exemple.fr`;
    const page = read('registration', { ...base, candidate: { ...base.candidate, email } }).pages[0];
    const printed = page?.texts.find((t) => t.startsWith('tres.long'));
    expect(printed?.endsWith('…')).toBe(true);
    expect(printed?.length).toBeLessThan(email.length);
  });
});

describe('R18 who gets which document (the domain rule, applied before drawing)', () => {
  const taken = laPosteCandidate();
  const pending = laPosteCandidate({ attempt: { ...taken.attempt!, validation: 'pending' } });
  const notTaken = laPosteCandidate({ attempt: null });
  const blank = laPosteCandidate({ exam: { type: 'blank-remote' } });

  const outcome = (kind: Parameters<typeof buildDocument>[0], data: CertificateData, catalogue?: readonly ExamType[]) => {
    try {
      return readPdf(buildDocument(kind, data, { compress: false, ...(catalogue ? { catalogue } : {}) })).pageCount === 1 ? 'printed' : 'broken';
    } catch (error) {
      return error instanceof DomainError ? error.code : 'crashed';
    }
  };

  it.each([
    ['report', 'a validated attempt', taken, 'printed'],
    ['report', 'a pending attempt', pending, 'not_eligible'],
    ['report', 'no attempt', notTaken, 'not_eligible'],
    ['report', 'a validated practice exam', blank, 'printed'],
    ['registration', 'a La Poste exam taken', taken, 'printed'],
    ['registration', 'a La Poste exam not taken yet', notTaken, 'printed'],
    ['registration', 'a practice exam', blank, 'not_eligible'],
    ['attendance', 'a La Poste exam taken', taken, 'printed'],
    ['attendance', 'a La Poste exam not taken yet', notTaken, 'not_eligible'],
    ['attendance', 'a practice exam', blank, 'not_eligible'],
  ] as const)('R18 %s for %s: %s', (kind, _, data, expected) => {
    expect(outcome(kind, data)).toBe(expected);
  });

  it('R18 reads which documents a type gives from the catalogue it is given', () => {
    const catalogue: ExamType[] = EXAM_TYPES.map((t) => (t.id === 'blank-remote' ? { ...t, documents: ['attendance'] } : t));
    expect(outcome('attendance', blank, catalogue)).toBe('printed');
    expect(outcome('registration', blank, catalogue)).toBe('not_eligible');
  });

  it('R18 refuses a merged document as a whole and names the candidates not eligible by id', () => {
    const items = [
      candidateNumber(1),
      { ...pending, candidate: { ...pending.candidate, id: 'cand_p' } },
      candidateNumber(2),
      { ...notTaken, candidate: { ...notTaken.candidate, id: 'cand_n' } },
    ];
    const error = refusal(() => buildMergedDocument('report', items));
    expect(error.code).toBe('not_eligible');
    expect(error.details.candidateIds).toEqual(['cand_p', 'cand_n']);
    expect(error.message).toBe("Certains candidats sélectionnés n'ont pas de bilan détaillé disponible.");
  });

  it('refuses to build a document for nobody', () => {
    const error = refusal(() => buildMergedDocument('report', []));
    expect(error.code).toBe('validation_failed');
    expect(error.details.errors).toEqual([{ path: 'candidateIds', message: 'Sélectionnez au moins un candidat.' }]);
  });
});
