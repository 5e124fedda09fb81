import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inflateSync } from 'node:zlib';
import { closeAll } from '../support/db.js';
import { makeAssignment, makeAttempt, makePerson } from './candidates.support.js';
import { makeKit, spaceWithAdmin, type TestKit } from './helpers.js';

/**
 * « Générer des documents » (§6.10–6.12, R18) over HTTP: who is eligible, and
 * the merged PDF, all or nothing. The clock reads 10/03/2026.
 */
let kit: TestKit;
let cookie: string;
const id: Record<'approved' | 'laposte' | 'blank' | 'none', string> = { approved: '', laposte: '', blank: '', none: '' };
const deadline = new Date('2026-06-30T21:59:59.999Z');
const created = new Date('2026-01-02T09:00:00Z');

async function download(path: string, c = cookie) {
  const res = await kit.app.request(`/api/v1${path}`, { headers: { cookie: c, 'x-forwarded-for': '198.51.100.7' } });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, bytes, json: res.headers.get('content-type')?.includes('json') ? JSON.parse(bytes.toString('utf8')) : undefined };
}

/** The PDF's text: its raw bytes plus every Flate stream inflated, read as Latin-1 (WinAnsi). */
function pdfText(bytes: Buffer): string {
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
      // Not a Flate stream (or uncompressed): its raw text is already in `raw`.
    }
  }
  return parts.join('\n');
}

const pageCount = (bytes: Buffer) => (bytes.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

beforeAll(async () => {
  kit = await makeKit();
  const made = await spaceWithAdmin(kit, 'Lycée Molière');
  cookie = made.cookie;
  const spaceId = made.space.id;

  const approved = await makePerson(kit.db, spaceId, { lastName: 'Aubert', firstName: 'Hugo' });
  const a1 = await makeAssignment(kit.db, spaceId, approved.id, { examType: 'official-approved', deadline, createdAt: created, scheduledAt: '2026-02-10' });
  await makeAttempt(kit.db, spaceId, approved.id, a1.id, {
    examType: 'official-approved',
    score: 742,
    takenAt: new Date('2026-02-10T10:00:00Z'),
    validation: 'validated',
    validUntil: '2028-02-10',
    publicCode: 'VRF7K2M9',
  });
  id.approved = approved.id;

  const laposte = await makePerson(kit.db, spaceId, { lastName: 'Bernard', firstName: 'Ines' });
  const session = await kit.db.examSession.create({
    data: { city: 'Grenoble', postcode: '38000', centreName: 'Centre La Poste - Grenoble', address: '7 boulevard Gambetta', startsAt: new Date('2026-04-02T08:00:00Z'), seats: 10, seatsTaken: 1 },
  });
  const a2 = await makeAssignment(kit.db, spaceId, laposte.id, { examType: 'official-laposte', deadline, createdAt: created, scheduledAt: '2026-04-02' });
  await kit.db.assignment.update({ where: { id: a2.id }, data: { sessionId: session.id } });
  id.laposte = laposte.id;

  const blank = await makePerson(kit.db, spaceId, { lastName: 'Caron', firstName: 'Lea' });
  const a3 = await makeAssignment(kit.db, spaceId, blank.id, { examType: 'blank-remote', deadline, createdAt: created });
  await makeAttempt(kit.db, spaceId, blank.id, a3.id, { examType: 'blank-remote', score: 455, takenAt: new Date('2026-03-01T10:00:00Z'), validation: 'validated', validUntil: '2028-03-01' });
  id.blank = blank.id;

  id.none = (await makePerson(kit.db, spaceId, { lastName: 'Durand', firstName: 'Claire' })).id;
});

afterAll(closeAll);

describe('GET /documents/:kind/eligible (R18)', () => {
  it.each([
    ['report', ['approved', 'blank']],
    ['registration', ['approved', 'laposte']],
    ['attendance', ['approved']],
  ] as const)('R18 lists for %s the candidates whose document exists, by name', async (kind, who) => {
    const answer = await kit.call('GET', `/documents/${kind}/eligible`, { cookie });
    expect(answer.status).toBe(200);
    expect(answer.json.data.map((r: { id: string }) => r.id)).toEqual(who.map((k) => id[k]));
    expect(answer.json.total).toBe(who.length);
  });

  it('R18 keeps the search of the table', async () => {
    const answer = await kit.call('GET', '/documents/report/eligible?q=caron', { cookie });
    expect(answer.json.data.map((r: { id: string }) => r.id)).toEqual([id.blank]);
  });

  it('refuses an unknown kind (400)', async () => {
    expect((await kit.call('GET', '/documents/diploma/eligible', { cookie })).status).toBe(400);
  });
});

describe('GET /documents/:kind?candidateIds=… (§6.10–6.12)', () => {
  it('R18 merges the detailed reports of 2 candidates into one PDF of 2 pages, each name in its text', async () => {
    const answer = await download(`/documents/report?candidateIds=${id.approved},${id.blank}`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/pdf');
    expect(answer.headers.get('content-disposition')).toBe('inline; filename="bilans-detailles-2026-03-10.pdf"');
    expect(answer.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pageCount(answer.bytes)).toBe(2);
    const text = pdfText(answer.bytes);
    for (const name of ['AUBERT', 'Hugo', 'CARON', 'Lea', 'Lycée Molière', '742']) expect(text).toContain(name);
  });

  it('R17 prints the verification address of a validated result on its report', async () => {
    const text = pdfText((await download(`/documents/report?candidateIds=${id.approved}`)).bytes);
    expect(text).toContain('VRF7K2M9');
  });

  it("R18 gives the registration certificate of a La Poste candidate with the centre's session, and names one candidate's file", async () => {
    const answer = await download(`/documents/registration?candidateIds=${id.laposte}`);
    expect(answer.status).toBe(200);
    expect(pageCount(answer.bytes)).toBe(1);
    expect(pdfText(answer.bytes)).toContain('Grenoble');
    expect(answer.headers.get('content-disposition')).toBe('inline; filename="attestation-inscription-bernard-ines-2026-03-10.pdf"');
  });

  it('R18 merges the registration certificates of n = 2 candidates, one page each, in the order asked', async () => {
    const answer = await download(`/documents/registration?candidateIds=${id.laposte},${id.approved}`);
    expect(pageCount(answer.bytes)).toBe(2);
    const text = pdfText(answer.bytes);
    expect(text.indexOf('BERNARD')).toBeGreaterThan(-1);
    expect(text.indexOf('AUBERT')).toBeGreaterThan(text.indexOf('BERNARD'));
  });

  it.each([
    ['report', ['approved', 'laposte', 'none'], ['laposte', 'none']],
    ['attendance', ['laposte', 'approved', 'blank'], ['laposte', 'blank']],
  ] as const)('R18 refuses the whole %s request naming every candidate without it', async (kind, asked, refused) => {
    const answer = await download(`/documents/${kind}?candidateIds=${asked.map((k) => id[k]).join(',')}`);
    expect(answer.status).toBe(409);
    expect(answer.json.code).toBe('not_eligible');
    expect(answer.json.candidateIds).toEqual(refused.map((k) => id[k]));
  });

  it("answers 404 for another space's candidate, naming it", async () => {
    const other = await spaceWithAdmin(kit, 'Autre');
    const answer = await download(`/documents/report?candidateIds=${id.approved}`, other.cookie);
    expect(answer.status).toBe(404);
    expect(answer.json.candidateIds).toEqual([id.approved]);
  });

  it('refuses an empty selection (400) and a caller without a session (401)', async () => {
    expect((await download('/documents/report?candidateIds=')).status).toBe(400);
    expect((await kit.call('GET', `/documents/report?candidateIds=${id.approved}`)).status).toBe(401);
  });
});
