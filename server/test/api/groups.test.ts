import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAll } from '../support/db.js';
import { makePerson } from './candidates.support.js';
import { makeKit, spaceWithAdmin, type TestKit } from './helpers.js';

/**
 * §5 « Groupes » over HTTP: the table (search, category, period, sort, hidden
 * groups last), creation with a name unique per space, editing, hiding (R12),
 * deletion (R13), association (R14) and dissociation.
 */
let kit: TestKit;
let cookie: string;
let spaceId: string;

beforeAll(async () => {
  kit = await makeKit();
  const made = await spaceWithAdmin(kit, 'Démo');
  cookie = made.cookie;
  spaceId = made.space.id;
});
afterAll(() => closeAll());

const call = (method: string, path: string, body?: unknown) => kit.call(method, path, { cookie, ...(body === undefined ? {} : { body }) });

async function createGroup(name: string, category = 'client') {
  const res = await call('POST', '/groups', { name, category });
  expect(res.status).toBe(201);
  return res.json as { id: string; name: string; category: string; hidden: boolean; createdAt: string; memberCount: number };
}

const ids = (res: { json: { data: { id: string }[] } }) => res.json.data.map((row) => row.id);

describe('§5.3 « Créer un groupe »', () => {
  it('creates a group with its name and category, dated of the day, visible, without candidates', async () => {
    const res = await call('POST', '/groups', { name: '  Session de septembre ', category: 'exam_session' });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ name: 'Session de septembre', category: 'exam_session', hidden: false, memberCount: 0 });
    expect(res.json.createdAt).toBe(kit.clock.now().toISOString());
    expect(res.headers.get('location')).toBe(`/api/v1/groups/${res.json.id}`);
    expect((await call('GET', `/groups/${res.json.id}`)).json).toEqual(res.json);
  });

  it.each([
    ['the same name', 'Classe de BTS'],
    ['the name in other letter case', 'CLASSE DE bts'],
    ['the name with spaces around', ' Classe de BTS  '],
  ])('answers 409 conflict naming « name » for %s in the space', async (_label, name) => {
    await kit.call('POST', '/groups', { cookie, body: { name: 'Classe de BTS', category: 'class' } });
    const res = await call('POST', '/groups', { name, category: 'other' });
    expect(res.status).toBe(409);
    expect(res.json).toMatchObject({ code: 'conflict', field: 'name', errors: [{ path: 'name', message: 'Ce nom de groupe est déjà utilisé.' }] });
  });

  it('lets another space use the same name', async () => {
    const other = await spaceWithAdmin(kit, 'Autre');
    const res = await kit.call('POST', '/groups', { cookie: other.cookie, body: { name: 'Classe de BTS', category: 'class' } });
    expect(res.status).toBe(201);
  });

  it('answers 400 naming each field when the name or the category is missing or wrong', async () => {
    const res = await call('POST', '/groups', { name: '   ', category: 'famille' });
    expect(res.status).toBe(400);
    expect(res.json.code).toBe('validation_failed');
    expect(res.json.errors).toEqual([
      { path: 'name', message: 'Le nom du groupe est obligatoire.' },
      { path: 'category', message: 'La catégorie du groupe est obligatoire.' },
    ]);
  });
});

describe('§5.1 the groups table', () => {
  let kit2: TestKit;
  let cookie2: string;
  const made: Record<string, string> = {};

  beforeAll(async () => {
    kit2 = await makeKit();
    const space = await spaceWithAdmin(kit2, 'Tableau');
    cookie2 = space.cookie;
    // The manual's table (§5.1) and two hidden groups, created on their dates.
    const rows: [string, string, string, boolean][] = [
      ['C', 'other', '2018-02-20T10:00:00Z', false],
      ['S', 'client', '2018-04-05T10:00:00Z', false],
      ['K', 'client', '2018-04-17T10:00:00Z', false],
      ['L', 'client', '2018-04-05T11:00:00Z', false],
      ['Anciens', 'class', '2017-09-01T10:00:00Z', true],
      ['Été 2017', 'exam_session', '2017-06-01T10:00:00Z', true],
    ];
    for (const [name, category, at, hidden] of rows) {
      kit2.clock.set(at);
      const res = await kit2.call('POST', '/groups', { cookie: cookie2, body: { name, category } });
      made[name] = res.json.id;
      if (hidden) await kit2.call('PATCH', `/groups/${res.json.id}`, { cookie: cookie2, body: { hidden: true } });
    }
    const member = await makePerson(kit2.db, space.space.id);
    await kit2.call('POST', `/groups/${made.K}/members`, { cookie: cookie2, body: { candidateIds: [member.id] } });
  });

  const list = (query = '') => kit2.call('GET', `/groups${query}`, { cookie: cookie2 });
  const names = (res: { json: { data: { name: string }[] } }) => res.json.data.map((g) => g.name);

  it.each([
    ['', ['C', 'K', 'L', 'S', 'Anciens', 'Été 2017']],
    ['?sort=-name', ['S', 'L', 'K', 'C', 'Été 2017', 'Anciens']],
    ['?sort=category', ['C', 'K', 'L', 'S', 'Anciens', 'Été 2017']],
    ['?sort=createdAt', ['C', 'S', 'L', 'K', 'Été 2017', 'Anciens']],
    ['?sort=-createdAt', ['K', 'L', 'S', 'C', 'Anciens', 'Été 2017']],
  ])('R12 sorted with %j: hidden groups last, « en grisé et en dernière position »', async (query, expected) => {
    const res = await list(query);
    expect(res.status).toBe(200);
    expect(names(res)).toEqual(expected);
    expect(res.json.total).toBe(6);
    expect(res.json.data.filter((g: { hidden: boolean }) => g.hidden).map((g: { name: string }) => g.name)).toEqual(
      expected.slice(4),
    );
  });

  it('shows the number of candidates of each group', async () => {
    const res = await list();
    expect(res.json.data.find((g: { name: string }) => g.name === 'K').memberCount).toBe(1);
    expect(res.json.data.find((g: { name: string }) => g.name === 'C').memberCount).toBe(0);
  });

  it.each([
    ['?q=ete', ['Été 2017']],
    ['?q=ANC', ['Anciens']],
    ['?category=client', ['K', 'L', 'S']],
    ['?from=2018-04-05&to=2018-04-05', ['L', 'S']],
    ['?from=2018-04-01', ['K', 'L', 'S']],
    ['?to=2017-12-31', ['Anciens', 'Été 2017']],
    ['?q=zzz', []],
  ])('filters with %j (search accents and case ignored, category, period)', async (query, expected) => {
    const res = await list(query);
    expect(names(res)).toEqual(expected);
    expect(res.json.total).toBe(expected.length);
  });

  it('walks every page with the cursor: each group once, in order', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await list(`?limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.json.total).toBe(6);
      seen.push(...names(res));
      cursor = res.json.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['C', 'K', 'L', 'S', 'Anciens', 'Été 2017']);
  });

  it.each([
    ['?sort=size', 'sort'],
    ['?category=famille', 'category'],
    ['?from=2018-13-01', 'from'],
    ['?from=2018-05-01&to=2018-04-01', 'to'],
    ['?cursor=pas-un-curseur', 'cursor'],
    ['?limit=0', 'limit'],
  ])('answers 400 for %j naming « %s »', async (query, path) => {
    const res = await list(query);
    expect(res.status).toBe(400);
    expect(res.json.code).toBe('validation_failed');
    expect(res.json.errors.map((e: { path: string }) => e.path)).toContain(path);
  });
});

describe('§5.8 « Editer le groupe »', () => {
  it('renames a group and changes its category', async () => {
    const group = await createGroup('Session de juin', 'exam_session');
    const res = await call('PATCH', `/groups/${group.id}`, { name: "Session d'octobre", category: 'other' });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ id: group.id, name: "Session d'octobre", category: 'other', hidden: false });
  });

  it('may change the letter case of its own name', async () => {
    const group = await createGroup('promo 2026');
    const res = await call('PATCH', `/groups/${group.id}`, { name: 'Promo 2026' });
    expect(res.status).toBe(200);
    expect(res.json.name).toBe('Promo 2026');
  });

  it('answers 409 conflict naming « name » when another group of the space has the name', async () => {
    await createGroup('Groupe A');
    const b = await createGroup('Groupe B');
    const res = await call('PATCH', `/groups/${b.id}`, { name: 'groupe a' });
    expect(res.status).toBe(409);
    expect(res.json).toMatchObject({ code: 'conflict', field: 'name' });
    expect((await call('GET', `/groups/${b.id}`)).json.name).toBe('Groupe B');
  });

  it('answers 400 when nothing is to be changed', async () => {
    const group = await createGroup('Rien à changer');
    const res = await call('PATCH', `/groups/${group.id}`, {});
    expect(res.status).toBe(400);
    expect(res.json.errors).toEqual([{ path: '', message: 'Aucune modification à enregistrer.' }]);
  });

  it('answers 404 not_found for a group that does not exist', async () => {
    for (const [method, body] of [
      ['GET', undefined],
      ['PATCH', { name: 'X' }],
      ['DELETE', undefined],
    ] as const) {
      const res = await call(method, '/groups/inconnu', body);
      expect(res.status).toBe(404);
      expect(res.json.code).toBe('not_found');
    }
  });
});

describe('R12 §5.4 « Masquer et réafficher un groupe »', () => {
  let kit3: TestKit;
  let cookie3: string;
  let space3: string;

  beforeAll(async () => {
    kit3 = await makeKit();
    const made = await spaceWithAdmin(kit3, 'Masquage');
    cookie3 = made.cookie;
    space3 = made.space.id;
  });

  const c3 = (method: string, path: string, body?: unknown) =>
    kit3.call(method, path, { cookie: cookie3, ...(body === undefined ? {} : { body }) });

  it('R12 hiding a group removes its candidates from the candidates table, its counts and the dashboard; showing it brings them back', async () => {
    const hiddenOne = await makePerson(kit3.db, space3, { lastName: 'Ancien', stage: 'taken', latestScore: 700, latestValidation: 'validated' });
    const shown = await makePerson(kit3.db, space3, { lastName: 'Actuel' });
    const group = (await c3('POST', '/groups', { name: 'Promo 2019', category: 'class' })).json;
    await c3('POST', `/groups/${group.id}/members`, { candidateIds: [hiddenOne.id] });

    const before = (await c3('GET', '/candidates')).json;
    expect(before.data.map((r: { id: string }) => r.id)).toEqual([shown.id, hiddenOne.id]);
    expect(before.counts).toEqual({ to_assign: 1, scheduled: 0, expired: 0, taken: 1 });

    const hidden = await c3('PATCH', `/groups/${group.id}`, { hidden: true });
    expect(hidden.status).toBe(200);
    expect(hidden.json.hidden).toBe(true);
    const after = (await c3('GET', '/candidates')).json;
    expect(after.data.map((r: { id: string }) => r.id)).toEqual([shown.id]);
    expect(after.total).toBe(1);
    expect(after.counts).toEqual({ to_assign: 1, scheduled: 0, expired: 0, taken: 0 });
    expect((await c3('GET', '/dashboard')).json.candidates).toMatchObject({ total: 1, taken: 0 });

    const asked = (await c3('GET', '/candidates?includeHidden=true')).json;
    expect(asked.data.map((r: { id: string }) => r.id)).toEqual([shown.id, hiddenOne.id]);
    expect(asked.counts.taken).toBe(1);
    expect((await c3('GET', `/candidates/${hiddenOne.id}`)).json.hidden).toBe(true);

    await c3('PATCH', `/groups/${group.id}`, { hidden: false });
    const back = (await c3('GET', '/candidates')).json;
    expect(back.data.map((r: { id: string }) => r.id)).toEqual([shown.id, hiddenOne.id]);
    expect((await c3('GET', '/dashboard')).json.candidates).toMatchObject({ total: 2, taken: 1 });
  });

  it('R12 a candidate stays hidden while another of their groups is hidden', async () => {
    const person = await makePerson(kit3.db, space3, { lastName: 'Double' });
    const a = (await c3('POST', '/groups', { name: 'Masqué A', category: 'other' })).json;
    const b = (await c3('POST', '/groups', { name: 'Masqué B', category: 'other' })).json;
    await c3('POST', `/groups/${a.id}/members`, { candidateIds: [person.id] });
    await c3('POST', `/groups/${b.id}/members`, { candidateIds: [person.id] });
    await c3('PATCH', `/groups/${a.id}`, { hidden: true });
    await c3('PATCH', `/groups/${b.id}`, { hidden: true });
    await c3('PATCH', `/groups/${a.id}`, { hidden: false });
    expect((await kit3.db.candidate.findUniqueOrThrow({ where: { id: person.id } })).inHiddenGroup).toBe(true);
    await c3('PATCH', `/groups/${b.id}`, { hidden: false });
    expect((await kit3.db.candidate.findUniqueOrThrow({ where: { id: person.id } })).inHiddenGroup).toBe(false);
  });

  it('R12 a candidate associated with a hidden group leaves the table; dissociated, they come back', async () => {
    const person = await makePerson(kit3.db, space3, { lastName: 'Nouveau' });
    const group = (await c3('POST', '/groups', { name: 'Archives', category: 'other' })).json;
    await c3('PATCH', `/groups/${group.id}`, { hidden: true });
    await c3('POST', `/groups/${group.id}/members`, { candidateIds: [person.id] });
    expect((await c3('GET', '/candidates?q=nouveau')).json.total).toBe(0);
    expect((await c3('DELETE', `/groups/${group.id}/members/${person.id}`)).status).toBe(204);
    expect((await c3('GET', '/candidates?q=nouveau')).json.total).toBe(1);
  });

  it('R13 R12 deleting a hidden group brings its candidates back to the table', async () => {
    const person = await makePerson(kit3.db, space3, { lastName: 'Revenant' });
    const group = (await c3('POST', '/groups', { name: 'À supprimer masqué', category: 'other' })).json;
    await c3('POST', `/groups/${group.id}/members`, { candidateIds: [person.id] });
    await c3('PATCH', `/groups/${group.id}`, { hidden: true });
    expect((await c3('GET', '/candidates?q=revenant')).json.total).toBe(0);
    expect((await c3('DELETE', `/groups/${group.id}`)).status).toBe(204);
    const rows = (await c3('GET', '/candidates?q=revenant')).json;
    expect(rows.total).toBe(1);
    expect(rows.data[0].groups).toEqual([]);
  });
});

describe('R13 §5.5 « Supprimer un groupe »', () => {
  it('R13 removes the group and its memberships; its candidates stay, in their other groups or without group', async () => {
    const a = await makePerson(kit.db, spaceId, { lastName: 'Reste' });
    const b = await makePerson(kit.db, spaceId, { lastName: 'Resteaussi' });
    const doomed = await createGroup('Éphémère');
    const kept = await createGroup('Durable');
    await call('POST', `/groups/${doomed.id}/members`, { candidateIds: [a.id, b.id] });
    await call('POST', `/groups/${kept.id}/members`, { candidateIds: [a.id] });

    const res = await call('DELETE', `/groups/${doomed.id}`);
    expect(res.status).toBe(204);
    expect((await call('GET', `/groups/${doomed.id}`)).status).toBe(404);
    expect(await kit.db.membership.count({ where: { groupId: doomed.id } })).toBe(0);
    expect((await call('GET', `/candidates/${a.id}`)).json.groups).toEqual([{ id: kept.id, name: 'Durable' }]);
    expect((await call('GET', `/candidates/${b.id}`)).json.groups).toEqual([]);
    expect((await call('GET', '/groups?q=ephemere')).json.total).toBe(0);
  });
});

describe('R14 §5.9 « Associer des candidats à un groupe »', () => {
  it('R14 associates the chosen candidates at once; a candidate may belong to several groups', async () => {
    const a = await makePerson(kit.db, spaceId, { lastName: 'Assoc' });
    const b = await makePerson(kit.db, spaceId, { lastName: 'Assocbis' });
    const other = await createGroup('Autre groupe');
    await call('POST', `/groups/${other.id}/members`, { candidateIds: [a.id] });
    const group = await createGroup('Associer ici');

    const res = await call('POST', `/groups/${group.id}/members`, { candidateIds: [a.id, b.id] });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ added: [a.id, b.id], alreadyMembers: [], group: { id: group.id, memberCount: 2 } });
    const detail = (await call('GET', `/candidates/${a.id}`)).json;
    expect(detail.groups.map((g: { name: string }) => g.name)).toEqual(['Associer ici', 'Autre groupe']);
  });

  it('R14 associating a member again changes nothing', async () => {
    const a = await makePerson(kit.db, spaceId, { lastName: 'Deja' });
    const group = await createGroup('Déjà membre');
    await call('POST', `/groups/${group.id}/members`, { candidateIds: [a.id] });
    const res = await call('POST', `/groups/${group.id}/members`, { candidateIds: [a.id] });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ added: [], alreadyMembers: [a.id], group: { memberCount: 1 } });
  });

  it('R14 refuses the whole selection with 404 naming the unknown candidates, and associates nobody', async () => {
    const a = await makePerson(kit.db, spaceId, { lastName: 'Toutourien' });
    const group = await createGroup('Tout ou rien');
    const res = await call('POST', `/groups/${group.id}/members`, { candidateIds: [a.id, 'inconnu1', 'inconnu2'] });
    expect(res.status).toBe(404);
    expect(res.json).toMatchObject({ code: 'not_found', candidateIds: ['inconnu1', 'inconnu2'], detail: 'Certains candidats sélectionnés sont introuvables.' });
    expect(await kit.db.membership.count({ where: { groupId: group.id } })).toBe(0);
  });

  it.each([
    [{ candidateIds: [] }, 'candidateIds', 'Sélectionnez au moins un candidat.'],
    [{ candidateIds: ['a', 'a'] }, 'candidateIds', 'Un même candidat est sélectionné plusieurs fois.'],
    [{}, 'candidateIds', 'Sélectionnez au moins un candidat.'],
  ])('answers 400 for %j', async (body, path, message) => {
    const group = await createGroup(`Sélection ${Math.random()}`);
    const res = await call('POST', `/groups/${group.id}/members`, body);
    expect(res.status).toBe(400);
    expect(res.json.errors).toEqual([{ path, message }]);
  });

  it('R14 « Associer des candidats » lists only the candidates not in the group, with or without other groups, filtered', async () => {
    const kit4 = await makeKit();
    const space = await spaceWithAdmin(kit4, 'Association');
    const c4 = (method: string, path: string, body?: unknown) =>
      kit4.call(method, path, { cookie: space.cookie, ...(body === undefined ? {} : { body }) });
    const member = await makePerson(kit4.db, space.space.id, { lastName: 'Membre' });
    const elsewhere = await makePerson(kit4.db, space.space.id, { lastName: 'Ailleurs' });
    const alone = await makePerson(kit4.db, space.space.id, { lastName: 'Seul', stage: 'taken', latestValidation: 'validated' });
    const group = (await c4('POST', '/groups', { name: 'Cible', category: 'client' })).json;
    const other = (await c4('POST', '/groups', { name: 'Autre', category: 'client' })).json;
    await c4('POST', `/groups/${group.id}/members`, { candidateIds: [member.id] });
    await c4('POST', `/groups/${other.id}/members`, { candidateIds: [elsewhere.id] });

    const res = await c4('GET', `/groups/${group.id}/associable`);
    expect(res.status).toBe(200);
    expect(ids(res)).toEqual([elsewhere.id, alone.id]);
    expect(res.json.total).toBe(2);
    expect(ids(await c4('GET', `/groups/${group.id}/associable?status=taken`))).toEqual([alone.id]);
    expect(ids(await c4('GET', `/groups/${group.id}/associable?groupId=${other.id}`))).toEqual([elsewhere.id]);
    expect(ids(await c4('GET', `/groups/${group.id}/associable?q=seul`))).toEqual([alone.id]);

    const candidates = await c4('GET', `/groups/${group.id}/candidates`);
    expect(ids(candidates)).toEqual([member.id]);
    expect(candidates.json.counts).toEqual({ to_assign: 1, scheduled: 0, expired: 0, taken: 0 });
  });
});

describe('§5.6 the candidates of a group', () => {
  it('shows the candidates table restricted to the group, with its search, status filter and sort', async () => {
    const kit5 = await makeKit();
    const space = await spaceWithAdmin(kit5, 'Membres');
    const c5 = (method: string, path: string, body?: unknown) =>
      kit5.call(method, path, { cookie: space.cookie, ...(body === undefined ? {} : { body }) });
    const taken = await makePerson(kit5.db, space.space.id, { lastName: 'Aubert', stage: 'taken', latestScore: 942, latestValidation: 'validated', examDate: new Date('2018-05-30T10:00:00Z') });
    const toAssign = await makePerson(kit5.db, space.space.id, { lastName: 'Bernard' });
    const outsider = await makePerson(kit5.db, space.space.id, { lastName: 'Clément' });
    const group = (await c5('POST', '/groups', { name: 'Session de mai', category: 'exam_session' })).json;
    await c5('POST', `/groups/${group.id}/members`, { candidateIds: [taken.id, toAssign.id] });

    const res = await c5('GET', `/groups/${group.id}/candidates`);
    expect(ids(res)).toEqual([taken.id, toAssign.id]);
    expect(res.json.data[0]).toMatchObject({ status: 'taken', validation: 'validated', score: 942, groups: [{ id: group.id, name: 'Session de mai' }] });
    expect(ids(await c5('GET', `/groups/${group.id}/candidates?status=to_assign`))).toEqual([toAssign.id]);
    expect(ids(await c5('GET', `/groups/${group.id}/candidates?sort=-name`))).toEqual([toAssign.id, taken.id]);
    expect(ids(await c5('GET', `/groups/${group.id}/candidates?q=bern`))).toEqual([toAssign.id]);
    expect(ids(await c5('GET', `/groups/${group.id}/candidates`))).not.toContain(outsider.id);

    // A hidden group's page still shows its members: it is where they are seen.
    await c5('PATCH', `/groups/${group.id}`, { hidden: true });
    expect((await c5('GET', `/groups/${group.id}/candidates`)).json.total).toBe(2);
  });
});

describe('§5.10 « Dissocier un candidat d’un groupe »', () => {
  it('removes the membership; the candidate stays', async () => {
    const a = await makePerson(kit.db, spaceId, { lastName: 'Dissocie' });
    const group = await createGroup('Dissociation');
    await call('POST', `/groups/${group.id}/members`, { candidateIds: [a.id] });
    expect((await call('DELETE', `/groups/${group.id}/members/${a.id}`)).status).toBe(204);
    expect((await call('GET', `/groups/${group.id}`)).json.memberCount).toBe(0);
    expect((await call('GET', `/candidates/${a.id}`)).status).toBe(200);
  });

  it('answers 404 not_found for a candidate who is not a member', async () => {
    const a = await makePerson(kit.db, spaceId, { lastName: 'Pasmembre' });
    const group = await createGroup('Sans lui');
    const res = await call('DELETE', `/groups/${group.id}/members/${a.id}`);
    expect(res.status).toBe(404);
    expect(res.json).toMatchObject({ code: 'not_found', detail: "Ce candidat n'appartient pas à ce groupe." });
  });
});

describe('access', () => {
  it('answers 401 unauthenticated without a session or key', async () => {
    const res = await kit.call('GET', '/groups');
    expect(res.status).toBe(401);
    expect(res.json.code).toBe('unauthenticated');
  });
});
