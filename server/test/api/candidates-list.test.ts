import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CANDIDATE_SORTS, sortCandidateRows, startOfParisDay, type CandidateRow, type CandidateSort } from '@clr/domain';
import { closeAll } from '../support/db.js';
import { makePerson, type PersonInput } from './candidates.support.js';
import { makeKit, spaceWithAdmin, type Answer, type TestKit } from './helpers.js';

/**
 * §6.1 « Consulter le tableau des candidats » over HTTP: search, filters
 * (status, validation, group, period), sort on every column, hidden
 * candidates (R12), counts per status and cursor pagination — all computed by
 * the database. The clock reads 10/03/2026 09:00 UTC.
 */
let kit: TestKit;
let cookie: string;
let spaceId: string;
const byName = new Map<string, string>();

const at = (iso: string) => new Date(iso);
const future = at('2026-06-30T21:59:59.999Z');
const past = at('2026-03-01T22:59:59.999Z');

// Twenty candidates covering every status, validation, empty cells, ties on
// score and date, two homonyms, accents, and names that are prefixes of others.
const PEOPLE: (PersonInput & { key: string })[] = [
  { key: 'lefevre', lastName: 'Lefèvre', firstName: 'Élodie', email: 'lefevre.elodie@exemple.test', stage: 'taken', latestScore: 617, latestValidation: 'validated', latestExamType: 'official-onsite', examDate: at('2026-02-10T10:00:00Z'), lastLoginAt: at('2026-02-10T09:30:00Z') },
  { key: 'lefebvre', lastName: 'Lefebvre', firstName: 'Paul', email: 'lefebvre.paul@exemple.test', stage: 'taken', latestScore: 617, latestValidation: 'pending', latestExamType: 'blank-manual', examDate: at('2026-02-11T10:00:00Z'), lastLoginAt: at('2026-02-11T09:00:00Z') },
  { key: 'martin', lastName: 'Martin', firstName: 'Zoé', email: 'martin.zoe@exemple.test', stage: 'assigned', deadline: future, latestExamType: 'blank-onsite', examDate: startOfParisDay('2026-03-20') },
  { key: 'martinez', lastName: 'Martinez', firstName: 'Anne', email: 'martinez.anne@exemple.test', stage: 'assigned', deadline: past, latestExamType: 'blank-remote' },
  { key: 'durand1', lastName: 'Durand', firstName: 'Claire', email: 'durand.claire@exemple.test' },
  { key: 'durand2', lastName: 'Durand', firstName: 'Claire', email: 'durand.clairebis@exemple.test', lastLoginAt: at('2025-12-01T08:00:00Z') },
  { key: 'aubert', lastName: 'Aubert', firstName: 'Hugo', email: 'aubert.hugo@exemple.test', stage: 'taken', latestScore: 942, latestValidation: 'validated', latestExamType: 'blank-remote', examDate: at('2026-01-05T10:00:00Z') },
  { key: 'bernard', lastName: 'Bernard', firstName: 'Inès', email: 'bernard.ines@exemple.test', stage: 'taken', latestScore: 306, latestValidation: 'invalidated', latestExamType: 'official-approved', examDate: at('2026-01-05T10:00:00Z') },
  { key: 'caron', lastName: 'Caron', firstName: 'Léa', email: 'caron.lea@exemple.test', stage: 'taken', latestScore: null, latestValidation: 'pending', latestExamType: 'blank-manual', examDate: at('2026-03-09T10:00:00Z') },
  { key: 'dubois', lastName: 'Dubois', firstName: 'Noé', email: 'dubois.noe@exemple.test', stage: 'assigned', deadline: future, latestExamType: 'official-laposte', examDate: startOfParisDay('2026-04-02'), lastLoginAt: at('2026-03-01T12:00:00Z') },
  { key: 'etienne', lastName: 'Étienne', firstName: 'Jules', email: 'etienne.jules@exemple.test', stage: 'assigned', deadline: future, latestExamType: 'blank-remote' },
  { key: 'fabre', lastName: 'Fabre', firstName: 'Manon', email: 'fabre.manon@exemple.test', stage: 'taken', latestScore: 490, latestValidation: 'validated', latestExamType: 'official-approved', examDate: at('2025-11-18T10:00:00Z') },
  { key: 'garnier', lastName: 'Garnier', firstName: 'Tom', email: 'garnier.tom@exemple.test', stage: 'assigned', deadline: past, latestExamType: 'blank-onsite', examDate: startOfParisDay('2026-02-28') },
  { key: 'henry', lastName: 'Henry', firstName: 'Lou', email: 'henry.lou@exemple.test' },
  { key: 'roux', lastName: 'Roux', firstName: 'Chloé', email: 'roux.chloe@exemple.test', stage: 'taken', latestScore: 119, latestValidation: 'validated', latestExamType: 'official-approved', examDate: at('2025-10-25T10:00:00Z'), lastLoginAt: at('2025-10-25T16:10:00Z') },
  { key: 'vidal', lastName: 'Vidal', firstName: 'Adam', email: 'vidal.adam@exemple.test' },
  { key: 'zimmer', lastName: 'Zimmer', firstName: 'Eva', email: 'zimmer.eva@exemple.test', stage: 'taken', latestScore: 853, latestValidation: 'validated', latestExamType: 'blank-remote', examDate: at('2026-03-05T10:00:00Z') },
  { key: 'moreau', lastName: 'Moreau', firstName: 'Rose', email: 'moreau.rose@exemple.test', stage: 'assigned', deadline: future, latestExamType: 'demo-onsite', examDate: startOfParisDay('2026-03-11') },
  { key: 'oeuvrard', lastName: 'Œuvrard', firstName: 'Max', email: 'oeuvrard.max@exemple.test' },
  { key: 'perrin', lastName: 'Perrin', firstName: 'Ana', email: 'perrin.ana@exemple.test', stage: 'taken', latestScore: 700, latestValidation: 'pending', latestExamType: 'blank-manual', examDate: at('2026-02-20T10:00:00Z') },
];

let groupA: string;
let groupB: string;

beforeAll(async () => {
  kit = await makeKit();
  const made = await spaceWithAdmin(kit, 'Démo');
  cookie = made.cookie;
  spaceId = made.space.id;
  for (const { key, ...input } of PEOPLE) byName.set(key, (await makePerson(kit.db, spaceId, input)).id);
  groupA = (await call('POST', '/groups', { name: 'Classe A', category: 'class' })).json.id;
  groupB = (await call('POST', '/groups', { name: 'Bêta', category: 'client' })).json.id;
  await call('POST', `/groups/${groupA}/members`, { candidateIds: ids('lefevre', 'martin', 'aubert') });
  await call('POST', `/groups/${groupB}/members`, { candidateIds: ids('lefevre', 'henry') });
});
afterAll(() => closeAll());

function call(method: string, path: string, body?: unknown) {
  return kit.call(method, path, { cookie, ...(body === undefined ? {} : { body }) });
}
function ids(...keys: string[]): string[] {
  return keys.map((k) => byName.get(k)!);
}
const rowIds = (res: Answer) => (res.json.data as CandidateRow[]).map((r) => r.id);
const keysOf = (res: Answer) => rowIds(res).map((id) => [...byName].find(([, v]) => v === id)?.[0]);

/** Every page of a query with the cursor, limit 3: all rows, in the order served. */
async function walk(query: string): Promise<{ rows: CandidateRow[]; pages: number }> {
  const rows: CandidateRow[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const res = await call('GET', `/candidates?limit=3${query}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.status).toBe(200);
    expect(res.json.data.length).toBeLessThanOrEqual(3);
    rows.push(...res.json.data);
    cursor = res.json.nextCursor;
    pages += 1;
  } while (cursor);
  return { rows, pages };
}

describe('§6.1 the rows of the candidates table', () => {
  it('shows each column from the read model: name, e-mail, groups, last login, status, validation, score and exam type, date', async () => {
    const res = await call('GET', '/candidates?q=lefevre');
    expect(res.json.data).toEqual([
      {
        id: byName.get('lefevre'),
        civility: 'mme',
        lastName: 'Lefèvre',
        firstName: 'Élodie',
        email: 'lefevre.elodie@exemple.test',
        groups: [
          { id: groupB, name: 'Bêta' },
          { id: groupA, name: 'Classe A' },
        ],
        lastLoginAt: '2026-02-10T09:30:00.000Z',
        status: 'taken',
        validation: 'validated',
        score: 617,
        examType: 'official-onsite',
        date: '2026-02-10T10:00:00.000Z',
      },
    ]);
  });

  it('shows a scheduled exam’s date as the Paris day, and nothing for a candidate to assign', async () => {
    const res = await call('GET', '/candidates?q=martin&sort=name');
    expect(res.json.data.map((r: CandidateRow) => [r.lastName, r.status, r.date])).toEqual([
      ['Martin', 'scheduled', '2026-03-20'],
      ['Martinez', 'expired', null],
    ]);
    expect((await call('GET', '/candidates?q=vidal')).json.data[0]).toMatchObject({ status: 'to_assign', date: null, score: null, validation: null, groups: [] });
  });

  it('counts every candidate per status: « à attribuer », « prévue », « expirée », « passée »', async () => {
    const res = await call('GET', '/candidates');
    expect(res.json.counts).toEqual({ to_assign: 5, scheduled: 4, expired: 2, taken: 9 });
    expect(res.json.total).toBe(20);
    expect(res.json.data).toHaveLength(20);
    expect(res.json.nextCursor).toBeNull();
  });
});

describe('§6.1 « Rechercher un nom, un courriel »', () => {
  it.each([
    ['lefevre', ['lefevre']],
    ['LEFÈVRE', ['lefevre']],
    ['élodie lefevre', ['lefevre']],
    ['lef', ['lefebvre', 'lefevre']],
    ['oeuvrard', ['oeuvrard']],
    ['etienne', ['etienne']],
    ['martin.zoe@exemple', ['martin']],
    ['DURAND.CLAIREBIS', ['durand2']],
    ['zzz', []],
  ])('« %s » finds %j (accents and case ignored, name or e-mail)', async (q, expected) => {
    const res = await call('GET', `/candidates?q=${encodeURIComponent(q)}`);
    expect(keysOf(res)).toEqual(expected);
    expect(res.json.total).toBe(expected.length);
  });

  it('the counts follow the search', async () => {
    const res = await call('GET', '/candidates?q=lef');
    expect(res.json.counts).toEqual({ to_assign: 0, scheduled: 0, expired: 0, taken: 2 });
  });
});

describe('§6.1 filters', () => {
  it.each([
    ['to_assign', ['durand1', 'durand2', 'henry', 'oeuvrard', 'vidal']],
    ['scheduled', ['dubois', 'etienne', 'martin', 'moreau']],
    ['expired', ['garnier', 'martinez']],
    ['taken', ['aubert', 'bernard', 'caron', 'fabre', 'lefebvre', 'lefevre', 'perrin', 'roux', 'zimmer']],
  ])('R19 status=%s lists those candidates; the counts keep every status so the tabs keep their numbers', async (status, expected) => {
    const res = await call('GET', `/candidates?status=${status}`);
    const keys = keysOf(res);
    // Homonyms (« Durand Claire ») are ordered by id: compare as sets there.
    expect([...keys].sort()).toEqual([...expected].sort());
    expect(res.json.total).toBe(expected.length);
    expect(res.json.data.every((r: CandidateRow) => r.status === status)).toBe(true);
    expect(res.json.counts).toEqual({ to_assign: 5, scheduled: 4, expired: 2, taken: 9 });
  });

  it.each([
    ['validated', ['aubert', 'fabre', 'lefevre', 'roux', 'zimmer']],
    ['pending', ['caron', 'lefebvre', 'perrin']],
    ['invalidated', ['bernard']],
  ])('validation=%s lists %j', async (validation, expected) => {
    const res = await call('GET', `/candidates?validation=${validation}`);
    expect(keysOf(res)).toEqual(expected);
    expect(res.json.counts.taken).toBe(expected.length);
  });

  it('groupId lists the group’s candidates', async () => {
    expect(keysOf(await call('GET', `/candidates?groupId=${groupA}`))).toEqual(['aubert', 'lefevre', 'martin']);
    expect(keysOf(await call('GET', `/candidates?groupId=${groupB}`))).toEqual(['henry', 'lefevre']);
    expect((await call('GET', '/candidates?groupId=inconnu')).json.total).toBe(0);
  });

  it.each([
    ['from=2026-03-20&to=2026-03-20', ['martin']],
    ['from=2026-03-05&to=2026-03-11', ['caron', 'moreau', 'zimmer']],
    ['to=2025-12-31', ['fabre', 'roux']],
    ['from=2026-04-01', ['dubois']],
  ])('the period %s keeps the candidates whose « Date de passage » falls in it (Paris days)', async (query, expected) => {
    expect(keysOf(await call('GET', `/candidates?${query}`))).toEqual(expected);
  });

  it('combines the filters', async () => {
    const res = await call('GET', `/candidates?groupId=${groupA}&status=taken&validation=validated&q=aub`);
    expect(keysOf(res)).toEqual(['aubert']);
    expect(res.json.counts).toEqual({ to_assign: 0, scheduled: 0, expired: 0, taken: 1 });
  });

  it('R19 a scheduled exam whose deadline passes shows « expirée » with no write, from the clock alone', async () => {
    const own = await makeKit();
    const space = await spaceWithAdmin(own, 'Horloge');
    const person = await makePerson(own.db, space.space.id, { stage: 'assigned', deadline: new Date(own.clock.now().getTime() + 60_000) });
    const list = () => own.call('GET', '/candidates', { cookie: space.cookie });
    expect((await list()).json.counts).toEqual({ to_assign: 0, scheduled: 1, expired: 0, taken: 0 });
    own.clock.minutes(2);
    const res = await list();
    expect(res.json.data.map((r: CandidateRow) => [r.id, r.status])).toEqual([[person.id, 'expired']]);
    expect(res.json.counts).toEqual({ to_assign: 0, scheduled: 0, expired: 1, taken: 0 });
  });

  it.each([
    ['status=passee', 'status'],
    ['validation=ok', 'validation'],
    ['sort=age', 'sort'],
    ['from=2026-02-30', 'from'],
    ['from=2026-03-10&to=2026-03-01', 'to'],
    ['includeHidden=peut-etre', 'includeHidden'],
    ['limit=201', 'limit'],
    ['cursor=nimportequoi', 'cursor'],
  ])('answers 400 validation_failed for %s, naming « %s »', async (query, path) => {
    const res = await call('GET', `/candidates?${query}`);
    expect(res.status).toBe(400);
    expect(res.json.code).toBe('validation_failed');
    expect(res.json.errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it('answers 400 for a cursor made for another sort', async () => {
    const first = await call('GET', '/candidates?limit=2&sort=score');
    const res = await call('GET', `/candidates?limit=2&sort=name&cursor=${first.json.nextCursor}`);
    expect(res.status).toBe(400);
    expect(res.json.errors).toEqual([{ path: 'cursor', message: "Le curseur de pagination n'est pas valide." }]);
  });
});

describe('§6.1 sorting and cursor pagination', () => {
  it.each(CANDIDATE_SORTS.map((s) => [s]))('sort=%s: walking every page gives each candidate once, in the domain’s order', async (sort) => {
    const all = await call('GET', `/candidates?limit=200&sort=${sort}`);
    const expected = sortCandidateRows(all.json.data as CandidateRow[], sort as CandidateSort).map((r) => r.id);
    expect(rowIds(all)).toEqual(expected);
    const { rows, pages } = await walk(`&sort=${sort}`);
    expect(rows.map((r) => r.id)).toEqual(expected);
    expect(new Set(rows.map((r) => r.id)).size).toBe(20);
    expect(pages).toBe(7);
  });

  it('puts empty cells last in both directions (score, date, last login)', async () => {
    for (const sort of ['score', '-score', 'date', '-date', 'lastLoginAt', '-lastLoginAt']) {
      const rows = (await call('GET', `/candidates?sort=${sort}`)).json.data as CandidateRow[];
      const column = sort.replace('-', '') as 'score' | 'date' | 'lastLoginAt';
      const firstEmpty = rows.findIndex((r) => r[column] === null);
      expect(rows.slice(firstEmpty).every((r) => r[column] === null)).toBe(true);
      expect(firstEmpty).toBeGreaterThan(0);
    }
  });

  it('orders statuses « À attribuer », « Prévue », « Expirée », « Passée »', async () => {
    const rows = (await call('GET', '/candidates?sort=status')).json.data as CandidateRow[];
    expect([...new Set(rows.map((r) => r.status))]).toEqual(['to_assign', 'scheduled', 'expired', 'taken']);
    const reversed = (await call('GET', '/candidates?sort=-status')).json.data as CandidateRow[];
    expect([...new Set(reversed.map((r) => r.status))]).toEqual(['taken', 'expired', 'scheduled', 'to_assign']);
  });

  it('pages a filtered, sorted list: the filter holds on every page and the total counts all pages', async () => {
    const { rows } = await walk('&status=taken&sort=-score');
    expect(rows.map((r) => r.score)).toEqual([942, 853, 700, 617, 617, 490, 306, 119, null]);
    const first = await call('GET', '/candidates?limit=3&status=taken&sort=-score');
    expect(first.json.total).toBe(9);
  });

  it('a deep page (cursor of the last rows) answers the rest only', async () => {
    const { rows } = await walk('&sort=email');
    const sixth = await call('GET', '/candidates?limit=18&sort=email');
    const rest = await call('GET', `/candidates?limit=3&sort=email&cursor=${sixth.json.nextCursor}`);
    expect(rowIds(rest)).toEqual(rows.slice(18).map((r) => r.id));
    expect(rest.json.nextCursor).toBeNull();
  });

  it('the default page is 50 rows', async () => {
    const res = await call('GET', '/candidates?includeHidden=true');
    expect(res.json.data.length).toBe(Math.min(50, res.json.total));
  });
});

describe('R12 hidden candidates', () => {
  it('R12 a hidden group’s candidates are out of the rows and the counts unless includeHidden=true, and come back when it is shown', async () => {
    const group = (await call('POST', '/groups', { name: 'Anciens', category: 'other' })).json.id;
    await call('POST', `/groups/${group}/members`, { candidateIds: ids('roux', 'vidal') });
    await call('PATCH', `/groups/${group}`, { hidden: true });

    const res = await call('GET', '/candidates');
    expect(rowIds(res)).not.toContain(byName.get('roux'));
    expect(rowIds(res)).not.toContain(byName.get('vidal'));
    expect(res.json.total).toBe(18);
    expect(res.json.counts).toEqual({ to_assign: 4, scheduled: 4, expired: 2, taken: 8 });
    expect((await walk('&sort=-score')).rows).toHaveLength(18);
    expect((await call('GET', '/candidates?q=roux')).json.total).toBe(0);

    const all = await call('GET', '/candidates?includeHidden=true&q=roux');
    expect(keysOf(all)).toEqual(['roux']);
    expect(all.json.data[0].groups).toEqual([{ id: group, name: 'Anciens' }]);
    expect((await call('GET', '/candidates?includeHidden=true')).json.counts).toEqual({ to_assign: 5, scheduled: 4, expired: 2, taken: 9 });
    expect((await call('GET', '/dashboard')).json.candidates).toEqual({ total: 18, toAssign: 6, scheduled: 4, taken: 8 });

    await call('PATCH', `/groups/${group}`, { hidden: false });
    expect((await call('GET', '/candidates')).json.total).toBe(20);
    await call('DELETE', `/groups/${group}`);
  });
});

describe('§6.1 the group filter on large groups', () => {
  it.each([
    ['601 members (counted over slices of their ids)', 601],
    ['6 001 members (counted through the membership relation)', 6001],
  ])('a group of %s: rows, total and counts are those of its members', async (_label, size) => {
    const own = await makeKit();
    const space = await spaceWithAdmin(own, 'Grand groupe');
    const stages = ['none', 'assigned', 'taken'] as const;
    const rows = Array.from({ length: size + 50 }, (_, i) => {
      const email = `membre${String(i).padStart(5, '0')}@grand.test`;
      const stage = stages[i % 3]!;
      return {
        id: `m${String(i).padStart(6, '0')}`,
        spaceId: space.space.id,
        civility: 'm',
        lastName: `Membre${String(i).padStart(5, '0')}`,
        firstName: 'Jean',
        email,
        emailKey: email,
        passwordHash: 'x',
        birthDate: '1990-01-01',
        birthPostcode: '75001',
        birthTown: 'Paris',
        birthCountry: 'France',
        infoStatus: 'employee',
        funding: 'cpf',
        stage,
        deadline: stage === 'assigned' ? new Date(i % 2 ? '2026-12-31T00:00:00Z' : '2026-01-01T00:00:00Z') : null,
        sortName: `membre${String(i).padStart(5, '0')} jean`,
      };
    });
    for (let i = 0; i < rows.length; i += 500) await own.db.candidate.createMany({ data: rows.slice(i, i + 500) });
    const group = await own.db.group.create({ data: { spaceId: space.space.id, name: 'Promo', nameKey: 'promo', category: 'class' } });
    const members = rows.slice(0, size);
    for (let i = 0; i < members.length; i += 500) {
      await own.db.membership.createMany({ data: members.slice(i, i + 500).map((m) => ({ groupId: group.id, candidateId: m.id })) });
    }
    const expected = { to_assign: 0, scheduled: 0, expired: 0, taken: 0 };
    for (const m of members) {
      if (m.stage === 'none') expected.to_assign += 1;
      else if (m.stage === 'taken') expected.taken += 1;
      else if (m.deadline!.getTime() < own.clock.now().getTime()) expected.expired += 1;
      else expected.scheduled += 1;
    }

    const first = await own.call('GET', `/candidates?groupId=${group.id}&limit=200`, { cookie: space.cookie });
    expect(first.json.total).toBe(size);
    expect(first.json.counts).toEqual(expected);
    expect(first.json.data.map((r: CandidateRow) => r.id)).toEqual(members.slice(0, 200).map((m) => m.id));
    const second = await own.call('GET', `/candidates?groupId=${group.id}&limit=200&cursor=${first.json.nextCursor}`, { cookie: space.cookie });
    expect(second.json.data.map((r: CandidateRow) => r.id)).toEqual(members.slice(200, 400).map((m) => m.id));
    const taken = await own.call('GET', `/candidates?groupId=${group.id}&status=taken&limit=1`, { cookie: space.cookie });
    expect(taken.json.total).toBe(expected.taken);
    expect(taken.json.counts).toEqual(expected);
    const page = await own.call('GET', `/groups/${group.id}/candidates?limit=5&sort=-name`, { cookie: space.cookie });
    expect(page.json.data.map((r: CandidateRow) => r.id)).toEqual(members.slice(-5).reverse().map((m) => m.id));
    const others = await own.call('GET', `/groups/${group.id}/associable?limit=200`, { cookie: space.cookie });
    expect(others.json.total).toBe(50);
    expect(others.json.data.map((r: CandidateRow) => r.id)).toEqual(rows.slice(size).map((m) => m.id));
  });
});
