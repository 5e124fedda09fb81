import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import type { CandidateRow } from '@clr/domain';
import { candidateRows } from '../../src/services/exports.js';
import { closeAll } from '../support/db.js';
import { makePerson, type PersonInput } from './candidates.support.js';
import { makeKit, spaceWithAdmin, type Answer, type TestKit } from './helpers.js';

/**
 * R20 « Exporter le tableau » over HTTP (§5.2, §5.7, §6.2): each export is the
 * listing's rows under the same query, streamed; the clock reads 10/03/2026.
 */
let kit: TestKit;
let cookie: string;
let spaceId: string;
let groupA: string;
const at = (iso: string) => new Date(iso);
const future = at('2026-06-30T21:59:59.999Z');

const PEOPLE: PersonInput[] = [
  { lastName: 'Lefèvre', firstName: 'Élodie', email: 'lefevre@exemple.test', stage: 'taken', latestScore: 617, latestValidation: 'validated', latestExamType: 'official-onsite', examDate: at('2026-02-10T10:00:00Z') },
  { lastName: 'Lefebvre', firstName: 'Paul', email: 'lefebvre@exemple.test', stage: 'taken', latestScore: 617, latestValidation: 'pending', latestExamType: 'blank-manual', examDate: at('2026-02-11T10:00:00Z') },
  { lastName: 'Aubert', firstName: 'Hugo', email: 'aubert@exemple.test', stage: 'taken', latestScore: 942, latestValidation: 'validated', latestExamType: 'blank-remote', examDate: at('2026-01-05T10:00:00Z') },
  { lastName: 'Bernard', firstName: 'Inès', email: 'bernard@exemple.test', stage: 'taken', latestScore: 306, latestValidation: 'invalidated', latestExamType: 'official-approved', examDate: at('2026-01-05T10:00:00Z') },
  { lastName: 'Martin', firstName: 'Zoé', email: 'martin@exemple.test', stage: 'assigned', deadline: future, latestExamType: 'blank-remote' },
  { lastName: 'Durand', firstName: 'Claire', email: 'durand@exemple.test' },
  { lastName: '=HYPERLINK("http://x")', firstName: 'Eve', email: 'eve@exemple.test', stage: 'taken', latestScore: 120, latestValidation: 'validated', latestExamType: 'blank-remote', examDate: at('2026-03-01T10:00:00Z') },
  { lastName: 'Caché', firstName: 'Noé', email: 'cache@exemple.test', stage: 'taken', latestScore: 500, latestValidation: 'validated', latestExamType: 'blank-remote', examDate: at('2026-03-02T10:00:00Z'), inHiddenGroup: true },
];
const ids = new Map<string, string>();

const call = (path: string, c = cookie) => kit.call('GET', path, { cookie: c });

/** A download as its bytes decoded without dropping the BOM (`Response.text()` strips it). */
async function download(path: string, c = cookie): Promise<Answer> {
  const res = await kit.app.request(`/api/v1${path}`, { headers: { cookie: c, 'x-forwarded-for': '198.51.100.7' } });
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, json: undefined, text };
}

function parse(answer: Answer): string[][] {
  expect(answer.status).toBe(200);
  expect(answer.text.startsWith('\uFEFF')).toBe(true);
  const result = Papa.parse<string[]>(answer.text.slice(1), { delimiter: ';', newline: '\r\n', skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  return result.data;
}

/** Every row of a listing, following its cursor. */
async function listing(path: string): Promise<CandidateRow[]> {
  const rows: CandidateRow[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const page = await call(`${path}${sep}limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(page.status).toBe(200);
    rows.push(...(page.json.data as CandidateRow[]));
    cursor = page.json.nextCursor;
  } while (cursor);
  return rows;
}

beforeAll(async () => {
  kit = await makeKit();
  const made = await spaceWithAdmin(kit, 'Démo');
  cookie = made.cookie;
  spaceId = made.space.id;
  for (const person of PEOPLE) ids.set(person.email!, (await makePerson(kit.db, spaceId, person)).id);
  groupA = (await kit.call('POST', '/groups', { cookie, body: { name: 'Classe « A »', category: 'class' } })).json.id;
  await kit.call('POST', '/groups', { cookie, body: { name: '@SUM(A1)', category: 'client' } });
  const members = ['lefevre@exemple.test', 'aubert@exemple.test', 'martin@exemple.test', 'cache@exemple.test'].map((e) => ids.get(e));
  expect((await kit.call('POST', `/groups/${groupA}/members`, { cookie, body: { candidateIds: members } })).status).toBe(200);
});

afterAll(closeAll);

describe('GET /candidates/export.csv (§6.2)', () => {
  it('R20 answers a CSV download: BOM, « ; », CRLF, French headers, dated file name, never cached', async () => {
    const answer = await download('/candidates/export.csv');
    expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(answer.headers.get('content-disposition')).toBe('attachment; filename="candidats-2026-03-10.csv"');
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.text.startsWith('\uFEFFNom et prénom;Courriel (identifiant);Groupe;')).toBe(true);
    expect(answer.text.split('\r\n').length).toBe(PEOPLE.length - 1 + 2);
    expect(parse(answer)[0]).toEqual(['Nom et prénom', 'Courriel (identifiant)', 'Groupe', "Statut du passage de l'examen", 'Validation', "Type d'examen attribué", 'Score obtenu', 'Date de passage']);
  });

  it.each([
    ['no filter', ''],
    ['status « Passée », score descending', '?status=taken&sort=-score'],
    ['a search on a name with accents', '?q=lefevre'],
    ['validation, period and date sort', '?validation=validated&from=2026-01-01&to=2026-03-05&sort=date'],
    ['a group, hidden candidates asked for', `?groupId=GROUP&includeHidden=true&sort=-name`],
  ])('R20 under %s equals the filtered listing, row for row', async (_, raw) => {
    const query = raw.replace('GROUP', groupA);
    const rows = await listing(`/candidates${query}`);
    expect(rows.length).toBeGreaterThan(0);
    const csv = parse(await download(`/candidates/export.csv${query}`)).slice(1);
    expect(csv.map((r) => r[1])).toEqual(rows.map((r) => r.email));
    expect(csv.map((r) => r[6])).toEqual(rows.map((r) => (r.score === null ? '' : String(r.score))));
  });

  it('R12 leaves hidden candidates out unless includeHidden is asked', async () => {
    const emails = (q: string) => download(`/candidates/export.csv${q}`).then((a) => parse(a).slice(1).map((r) => r[1]));
    expect(await emails('')).not.toContain('cache@exemple.test');
    expect(await emails('?includeHidden=true')).toContain('cache@exemple.test');
  });

  it('R20 neutralises a last name =HYPERLINK("http://x") so a spreadsheet reads it as text', async () => {
    const answer = await download('/candidates/export.csv?q=eve');
    expect(parse(answer)[1]?.[0]).toBe(`'=HYPERLINK("http://x") Eve`);
    expect(answer.text).not.toMatch(/[\r\n;]=HYPERLINK/);
  });

  it('R20 refuses an invalid filter as the listing does (400)', async () => {
    expect((await call('/candidates/export.csv?status=nope')).status).toBe(400);
  });

  it('is refused without a session (401)', async () => {
    expect((await kit.call('GET', '/candidates/export.csv')).status).toBe(401);
  });

  it('R20 walks the listing page by page: several keyset pages give every row once, in order', async () => {
    const deps = { db: kit.db, now: kit.clock.now, random: () => new Uint8Array(), config: {} as never };
    const walked: string[] = [];
    for await (const row of candidateRows(deps, spaceId, { sort: '-score', includeHidden: true }, { pageSize: 3 })) walked.push(row.email);
    const listed = (await listing('/candidates?sort=-score&includeHidden=true')).map((r) => r.email);
    expect(walked).toEqual(listed);
    expect(new Set(walked).size).toBe(PEOPLE.length);
  });
});

describe('GET /groups/:id/candidates/export.csv (§5.7)', () => {
  it("R20 exports the group's members as its page lists them, hidden ones included", async () => {
    const rows = await listing(`/groups/${groupA}/candidates?sort=-score`);
    const answer = await download(`/groups/${groupA}/candidates/export.csv?sort=-score`);
    const csv = parse(answer);
    expect(csv[0]).toEqual(['Nom', 'E-mail', 'Groupe', "Statut du passage de l'examen", 'Validation', "Type d'examen", 'Score obtenu', 'Date de passage']);
    expect(csv.slice(1).map((r) => r[1])).toEqual(rows.map((r) => r.email));
    expect(csv.slice(1).map((r) => r[1])).toContain('cache@exemple.test');
    expect(answer.headers.get('content-disposition')).toBe('attachment; filename="candidats-du-groupe-classe-a-2026-03-10.csv"');
    expect(answer.headers.get('cache-control')).toBe('no-store');
  });

  it('R20 answers 404 for a group of another space', async () => {
    const other = await spaceWithAdmin(kit, 'Autre');
    expect((await download(`/groups/${groupA}/candidates/export.csv`, other.cookie)).status).toBe(404);
  });
});

describe('GET /groups/export.csv (§5.2)', () => {
  it('R20 exports the groups table (name, category, creation date, status), neutralised, in the listing order', async () => {
    const listed = (await call('/groups?sort=-name')).json.data as { name: string }[];
    const answer = await download('/groups/export.csv?sort=-name');
    const csv = parse(answer);
    expect(csv[0]).toEqual(['Nom', 'Catégorie', 'Date de création', 'Statut']);
    expect(csv.slice(1).map((r) => r[0]?.replace(/^'/, ''))).toEqual(listed.map((g) => g.name));
    expect(csv.slice(1)).toContainEqual([`'@SUM(A1)`, 'Client', '10/03/2026', 'Actif']);
    expect(answer.headers.get('content-disposition')).toBe('attachment; filename="groupes-2026-03-10.csv"');
  });

  it('R20 keeps the search of the listing', async () => {
    expect(parse(await download('/groups/export.csv?q=classe')).slice(1).map((r) => r[0])).toEqual(['Classe « A »']);
  });
});
