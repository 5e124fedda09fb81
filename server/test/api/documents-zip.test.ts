import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inflateSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { zipEntryNames } from '../../src/services/documents.js';
import { closeAll } from '../support/db.js';
import { makeAssignment, makeAttempt, makePerson } from './candidates.support.js';
import { makeKit, spaceWithAdmin, type TestKit } from './helpers.js';

/**
 * Beyond the manual: `GET /documents/:kind?candidateIds=…&format=zip` gives
 * one PDF per candidate in a ZIP, all or nothing as the merged PDF (R18).
 */
let kit: TestKit;
let cookie: string;
const ids: Record<'aubert' | 'dupont1' | 'dupont2' | 'leveque' | 'none', string> = { aubert: '', dupont1: '', dupont2: '', leveque: '', none: '' };

async function download(path: string) {
  const res = await kit.app.request(`/api/v1${path}`, { headers: { cookie, 'x-forwarded-for': '198.51.100.7' } });
  const bytes = new Uint8Array(await res.arrayBuffer());
  const type = res.headers.get('content-type') ?? '';
  return { status: res.status, headers: res.headers, bytes, json: type.includes('json') ? JSON.parse(Buffer.from(bytes).toString('utf8')) : undefined };
}

/** A PDF's text: raw bytes plus its Flate streams inflated, as Latin-1 (WinAnsi). */
function pdfText(pdf: Uint8Array): string {
  const bytes = Buffer.from(pdf);
  const raw = bytes.toString('latin1');
  const parts = [raw];
  const re = /stream\r?\n/g;
  let match: RegExpExecArray | null;
  while ((match = re.exec(raw)) !== null) {
    const start = match.index + match[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    try {
      parts.push(inflateSync(bytes.subarray(start, end)).toString('latin1'));
    } catch {
      // Not a Flate stream: its text is in `raw` already.
    }
  }
  return parts.join('\n');
}

const pageCount = (pdf: Uint8Array) => (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

beforeAll(async () => {
  kit = await makeKit();
  const made = await spaceWithAdmin(kit, 'Lycée Molière');
  cookie = made.cookie;
  const spaceId = made.space.id;
  const attended = async (lastName: string, firstName: string, score: number) => {
    const person = await makePerson(kit.db, spaceId, { lastName, firstName });
    const assignment = await makeAssignment(kit.db, spaceId, person.id, {
      examType: 'official-approved',
      deadline: new Date('2026-06-30T21:59:59.999Z'),
      createdAt: new Date('2026-01-02T09:00:00Z'),
      scheduledAt: '2026-02-10',
    });
    await makeAttempt(kit.db, spaceId, person.id, assignment.id, {
      examType: 'official-approved',
      score,
      takenAt: new Date('2026-02-10T10:00:00Z'),
      validation: 'validated',
      validUntil: '2029-02-09',
    });
    return person.id;
  };
  ids.aubert = await attended('Aubert', 'Hugo', 742);
  ids.dupont1 = await attended('Dupont', 'Marie', 655);
  ids.dupont2 = await attended('Dupont', 'Marie', 812);
  ids.leveque = await attended('Lévêque-Œuvray', 'Zoé', 903);
  ids.none = (await makePerson(kit.db, spaceId, { lastName: 'Durand', firstName: 'Claire' })).id;
});
afterAll(closeAll);

describe('GET /documents/:kind?candidateIds=…&format=zip', () => {
  it('R18 gives one PDF per candidate in a ZIP, each with its candidate’s name in its text, homonyms numbered', async () => {
    const chosen = [ids.dupont1, ids.aubert, ids.dupont2, ids.leveque];
    const answer = await download(`/documents/attendance?candidateIds=${chosen.join(',')}&format=zip`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/zip');
    expect(answer.headers.get('content-disposition')).toBe('attachment; filename="attestations-passage-2026-03-10.zip"');
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const files = unzipSync(answer.bytes);
    expect(Object.keys(files)).toEqual([
      'attestation-de-passage_DUPONT_Marie.pdf',
      'attestation-de-passage_AUBERT_Hugo.pdf',
      'attestation-de-passage_DUPONT_Marie-2.pdf',
      'attestation-de-passage_LEVEQUE-OEUVRAY_Zoe.pdf',
    ]);
    const expected: [string, string[]][] = [
      ['attestation-de-passage_DUPONT_Marie.pdf', ['DUPONT', 'Marie']],
      ['attestation-de-passage_AUBERT_Hugo.pdf', ['AUBERT', 'Hugo']],
      ['attestation-de-passage_DUPONT_Marie-2.pdf', ['DUPONT', 'Marie']],
      ['attestation-de-passage_LEVEQUE-OEUVRAY_Zoe.pdf', ['Zo\u00e9']],
    ];
    for (const [name, words] of expected) {
      const pdf = files[name]!;
      expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
      expect(pageCount(pdf)).toBe(1);
      const text = pdfText(pdf);
      for (const word of words) expect(text).toContain(word);
      expect(text.includes('AUBERT')).toBe(name.includes('AUBERT'));
    }
  });

  it('R18 gives the same documents as the merged PDF: n candidates, n PDFs', async () => {
    const chosen = [ids.aubert, ids.dupont1];
    const merged = await download(`/documents/report?candidateIds=${chosen.join(',')}`);
    expect(merged.headers.get('content-type')).toBe('application/pdf');
    expect(pageCount(merged.bytes)).toBe(2);
    const files = unzipSync((await download(`/documents/report?candidateIds=${chosen.join(',')}&format=zip`)).bytes);
    expect(Object.keys(files)).toEqual(['bilan-detaille_AUBERT_Hugo.pdf', 'bilan-detaille_DUPONT_Marie.pdf']);
    expect(Object.values(files).map(pageCount)).toEqual([1, 1]);
    const texts = Object.values(files).map(pdfText);
    expect(texts[0]).toContain('742');
    expect(texts[1]).toContain('655');
  });

  it('R18 refuses the whole ZIP naming the candidate without the document (409), as the merged PDF does', async () => {
    const answer = await download(`/documents/attendance?candidateIds=${ids.aubert},${ids.none}&format=zip`);
    expect(answer.status).toBe(409);
    expect(answer.json).toMatchObject({ code: 'not_eligible', candidateIds: [ids.none] });
  });

  it("answers 404 for another space's candidate and 400 for an unknown format", async () => {
    const other = await spaceWithAdmin(kit, 'Autre');
    const res = await kit.app.request(`/api/v1/documents/report?candidateIds=${ids.aubert}&format=zip`, { headers: { cookie: other.cookie } });
    expect(res.status).toBe(404);
    const bad = await download(`/documents/report?candidateIds=${ids.aubert}&format=rar`);
    expect(bad.status).toBe(400);
    expect(bad.json.errors.map((e: { path: string }) => e.path)).toEqual(['format']);
  });
});

describe('ZIP entry names', () => {
  it.each([
    ['attendance', [{ lastName: 'Dupont', firstName: 'Marie' }], ['attestation-de-passage_DUPONT_Marie.pdf']],
    ['registration', [{ lastName: "D'Almeida", firstName: 'Jean-Baptiste' }], ['attestation-d-inscription_D-ALMEIDA_Jean-Baptiste.pdf']],
    ['report', [{ lastName: '../../etc/passwd', firstName: 'C:\\x' }], ['bilan-detaille_ETC-PASSWD_C-x.pdf']],
    ['report', [{ lastName: '中文', firstName: '' }], ['bilan-detaille_CANDIDAT.pdf']],
    [
      'report',
      [
        { lastName: 'Dupont', firstName: 'Marie' },
        { lastName: 'DUPONT', firstName: 'marie' },
        { lastName: 'Dupont', firstName: 'Marie' },
      ],
      ['bilan-detaille_DUPONT_Marie.pdf', 'bilan-detaille_DUPONT_marie-2.pdf', 'bilan-detaille_DUPONT_Marie-3.pdf'],
    ],
  ] as const)('names a %s of %j safely and uniquely', (kind, people, names) => {
    expect(zipEntryNames(kind, people)).toEqual(names);
  });
});
